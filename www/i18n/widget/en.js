// The widget's own words in English (<giftsim-calculator>: ../../embed.js and ../../js/embed/):
// the reference for every other language (a key here is in each of them, with the same
// {placeholders}). The widget imports this file statically, so English arrives with its code.
// What the simple question shares with the calculator (the names of units and cards, what a
// field says when it cannot read a number) and every section of the whole calculator
// (mode="full") are in ../LANG.js and ../calculator/LANG.js. Figures arrive already written in
// the number locale (`locale`), each isolated from the words around it.
export default {
  // While the widget starts (embed.js, widget.js)
  'widget.loading': 'Loading the gift calculator…',
  'widget.failed': 'The gift calculator could not start: {reason}.',

  // The iframe embed: its page's title (embed.html), and the iframe's title in the embed code
  'widget.frame.title': 'Gift cost calculator',

  // The simple question (simple.js)
  'widget.title': 'What does a gift really cost?',
  'widget.field.gift': 'Gift',
  'widget.field.count': 'How many',
  'widget.field.coins': 'How many {coins}',
  'widget.field.card': 'Bought on',
  'widget.gift.option': '{gift} ({coins})',
  'widget.gift.not_on_card': '{gift} (not on this card)',
  'widget.answer.fix': 'Fix the marked field to see the cost.',
  'widget.answer.you_pay': 'You pay',
  'widget.answer.for_gifts': 'for {gifts} ({coins}) on {card}',
  'widget.answer.for_coins': 'for {coins} on {card}',
  'widget.answer.gift_count': '{gift} × {count}',
  'widget.answer.creator_keeps': 'The creator keeps',
  'widget.answer.share': '{amount} ({share})',
  'widget.answer.coins_bought': '{coins} bought',
  'widget.answer.bought_in': { one: '{coins} in {purchases} purchase', other: '{coins} in {purchases} purchases' },
  'widget.answer.cheaper_on': 'Cheaper on {card}',
  'widget.answer.save': '{price} (save {saving})',
  'widget.foot': '{card}: figures as of {date}. Computed in your browser by giftsim. {open}',
  'widget.foot.undated': '{card}: the date of these figures is not stated. Computed in your browser by giftsim. {open}',
  'widget.foot.open': 'Open the full calculator',
};
