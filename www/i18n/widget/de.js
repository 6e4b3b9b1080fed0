// Die eigenen Wörter des Widgets auf Deutsch (<giftsim-calculator>). Referenz: ./en.js.
export default {
  // Während das Widget startet
  'widget.loading': 'Der Geschenkrechner wird geladen …',
  'widget.failed': 'Der Geschenkrechner konnte nicht starten: {reason}.',

  // Der iframe
  'widget.frame.title': 'Rechner für Geschenkkosten',

  // Die einfache Frage
  'widget.title': 'Was kostet ein Geschenk wirklich?',
  'widget.field.gift': 'Geschenk',
  'widget.field.count': 'Anzahl',
  'widget.field.coins': 'Anzahl {coins}',
  'widget.field.card': 'Gekauft über',
  'widget.gift.option': '{gift} ({coins})',
  'widget.gift.not_on_card': '{gift} (nicht auf dieser Preisliste)',
  'widget.answer.fix': 'Korrigieren Sie das markierte Feld, um die Kosten zu sehen.',
  'widget.answer.you_pay': 'Sie zahlen',
  'widget.answer.for_gifts': 'für {gifts} ({coins}) über {card}',
  'widget.answer.for_coins': 'für {coins} über {card}',
  'widget.answer.gift_count': '{gift} × {count}',
  'widget.answer.creator_keeps': 'Der Creator behält',
  'widget.answer.share': '{amount} ({share})',
  'widget.answer.coins_bought': 'Gekaufte {coins}',
  'widget.answer.bought_in': { one: '{coins} in {purchases} Kauf', other: '{coins} in {purchases} Käufen' },
  'widget.answer.cheaper_on': 'Günstiger über {card}',
  'widget.answer.save': '{price} (Sie sparen {saving})',
  'widget.foot': '{card}: Zahlen mit Stand {date}. Von giftsim in Ihrem Browser berechnet. {open}',
  'widget.foot.undated': '{card}: Der Stand dieser Zahlen ist nicht angegeben. Von giftsim in Ihrem Browser berechnet. {open}',
  'widget.foot.open': 'Den vollständigen Rechner öffnen',
};
