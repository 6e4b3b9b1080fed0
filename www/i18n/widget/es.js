// Las palabras propias del widget en español (<giftsim-calculator>). Referencia: ./en.js.
export default {
  // Mientras el widget arranca
  'widget.loading': 'Cargando la calculadora de regalos…',
  'widget.failed': 'La calculadora de regalos no ha podido arrancar: {reason}.',

  // El iframe
  'widget.frame.title': 'Calculadora del coste de los regalos',

  // La pregunta sencilla
  'widget.title': '¿Cuánto cuesta de verdad un regalo?',
  'widget.field.gift': 'Regalo',
  'widget.field.count': 'Cantidad',
  'widget.field.coins': 'Cantidad de {coins}',
  'widget.field.card': 'Se compra en',
  'widget.gift.option': '{gift} ({coins})',
  'widget.gift.not_on_card': '{gift} (no está en esta tarifa)',
  'widget.answer.fix': 'Corrige el campo marcado para ver el coste.',
  'widget.answer.you_pay': 'Pagas',
  'widget.answer.for_gifts': 'por {gifts} ({coins}) en {card}',
  'widget.answer.for_coins': 'por {coins} en {card}',
  'widget.answer.gift_count': '{gift} × {count}',
  'widget.answer.creator_keeps': 'El creador se queda con',
  'widget.answer.share': '{amount} ({share})',
  'widget.answer.coins_bought': 'Compra de {coins}',
  'widget.answer.bought_in': { one: '{coins} en {purchases} compra', other: '{coins} en {purchases} compras' },
  'widget.answer.cheaper_on': 'Más barato en {card}',
  'widget.answer.save': '{price} (ahorras {saving})',
  'widget.foot': '{card}: cifras a fecha de {date}. Calculado en tu navegador por giftsim. {open}',
  'widget.foot.undated': '{card}: no consta la fecha de estas cifras. Calculado en tu navegador por giftsim. {open}',
  'widget.foot.open': 'Abrir la calculadora completa',
};
