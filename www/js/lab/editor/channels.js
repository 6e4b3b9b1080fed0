// Rate cards and the channel mix: which card each share of viewers buys on, its own price
// multiplier, and every figure of the card, editable (an edited preset is sent whole; figures
// that differ from the preset are marked, and one click goes back to it).
import { h } from '../../dom.js';
import { shortName } from '../../rate-card.js';
import { bound, button, getAt, group, shareSum, shown } from '../controls.js';
import { isObject } from '../document.js';

const TAX_MODES = [['none', 'No tax modelled'], ['inclusive', 'In the price (VAT)'], ['on_top', 'On top (sales tax)']];
const PAYERS = [['platform', 'The platform'], ['creator', 'The creator']];
const MODELS = [['per_diamond', 'Per Diamond'], ['share_of_net', 'Share of net']];

export function cardLabel(card) {
  return `${shortName(card)} (${card.currency})`;
}

/** The options of a card picker: every preset, plus the card in use when it is not one. */
function cardOptions(app, current) {
  const options = app.library.cards.map((c) => [c.id, `${cardLabel(c)} — ${c.id}`]);
  if (isObject(current) && !app.library.cardById.has(current.id)) {
    options.unshift([current.id ?? '', `Your own card: ${current.name ?? current.id ?? 'unnamed'}`]);
  }
  return options;
}

export function channelsGroup(app) {
  const s = app.doc.scenario;
  const single = s.rate_card !== undefined && !Array.isArray(s.channels);
  const rows = single ? [{ path: 'scenario.rate_card', card: s.rate_card }] : (s.channels ?? []).map((c, i) => ({ path: `scenario.channels[${i}].rate_card`, card: c?.rate_card, i }));
  const g = group(
    'group-channels',
    'Rate cards and channels',
    'Which share of viewers buys on which card, and at what price. A price multiplier of 1.10 makes every price on that channel 10 % dearer.',
    rows.map((row) => channel(app, row, rows.length)),
  );
  const body = g.querySelector('.lab-group-body');
  if (!single) {
    body.append(
      shareSum(app, g, () => (app.doc.scenario.channels ?? []).map((c) => c?.share), 'channel shares'),
      h('div', { class: 'button-row' }, button('Add a channel', () => addChannel(app), { label: 'Add a channel' })),
    );
  }
  return g;
}

function channel(app, { path, card: ref, i }, count) {
  const card = app.library.card(ref);
  const preset = card ? app.library.cardById.get(card.id) : null;
  const edited = isObject(ref);
  const base = i === undefined ? 'scenario' : `scenario.channels[${i}]`;
  const name = card ? cardLabel(card) : 'an unknown card';
  const picker = bound(app, path, {
    kind: 'select',
    label: i === undefined ? 'Rate card' : `Channel ${i + 1}: rate card`,
    options: cardOptions(app, ref),
    value: card?.id ?? (typeof ref === 'string' ? ref : ''),
    rebuild: true,
  });
  // A picked preset replaces the whole card (the select writes its id).
  const head = h(
    'div',
    { class: 'lab-channel-head' },
    picker,
    i === undefined ? null : bound(app, `${base}.share`, { label: 'Share of viewers' }),
    i === undefined ? null : bound(app, `${base}.price_multiplier`, { label: 'Price multiplier', optional: true, placeholder: '1' }),
  );
  const actions = h(
    'div',
    { class: 'button-row lab-channel-actions' },
    edited && preset ? h('span', { class: 'badge badge--edited', text: 'edited' }) : null,
    edited && preset ? button('Back to the preset', () => app.edit(path, preset.id, { rebuild: true }), { label: `Back to the preset ${preset.id} for channel ${(i ?? 0) + 1}` }) : null,
    i !== undefined && count > 1 ? button('Remove', () => app.removeAt(`scenario.channels[${i}]`), { label: `Remove channel ${i + 1} (${name})`, kind: 'button--small button--quiet' }) : null,
  );
  return h(
    'fieldset',
    { class: 'lab-channel' },
    h('legend', { text: i === undefined ? `The rate card: ${name}` : `Channel ${i + 1}: ${name}` }),
    head,
    actions,
    card ? cardFigures(app, path, card, preset) : h('p', { class: 'field-hint', text: 'This card is not a preset the lab knows; the engine will say what is wrong with it.' }),
  );
}

/** The card's figures, in a disclosure (closed: most runs keep the published figures). */
function cardFigures(app, path, card, preset) {
  const mark = (sub) => preset && JSON.stringify(getAt(card, sub) ?? null) !== JSON.stringify(getAt(preset, sub) ?? null);
  const f = (sub, label, opts = {}) => bound(app, `${path}.${sub}`, { label, edited: mark(sub), ...opts });
  const coin = card.coin_name ?? 'coins';
  const diamond = card.diamond_name ?? 'Diamonds';
  const bundles = Array.isArray(card.bundles) ? card.bundles : [];
  const creator =
    card.creator?.model === 'share_of_net'
      ? [f('creator.share', 'Creator’s share of net')]
      : [f('creator.diamonds_per_coin', `${diamond} per coin gifted`), f('creator.diamond_value', `Cash value of one of the ${diamond}`)];
  const open = app.openFigures.has(path);
  const details = h(
    'details',
    { class: 'lab-card-figures', open, dataset: { figures: path } },
    h('summary', { text: `Figures of ${card.id ?? 'this card'}: bundles, fees, creator terms` }),
    h(
      'div',
      { class: 'lab-figure-groups' },
      h(
        'div',
        { class: 'lab-figure-group lab-figure-group--bundles' },
        h('h3', { text: `Bundles of ${coin}` }),
        bundles.length
          ? h(
              'div',
              { class: 'lab-bundle-table', role: 'group', 'aria-label': `Bundles of ${card.id}` },
              h('div', { class: 'lab-bundle-line lab-bundle-line--head', 'aria-hidden': 'true' }, h('span', { text: coin }), h('span', { text: 'Bonus' }), h('span', { text: 'Price' }), h('span')),
              bundles.map((b, j) =>
                h(
                  'div',
                  { class: 'lab-bundle-line' },
                  f(`bundles[${j}].coins`, `Bundle ${j + 1} of ${card.id}: ${coin}`, { kind: 'int', hideLabel: true }),
                  f(`bundles[${j}].bonus_coins`, `Bundle ${j + 1} of ${card.id}: bonus ${coin}`, { kind: 'int', hideLabel: true, optional: true, placeholder: '0' }),
                  f(`bundles[${j}].price`, `Bundle ${j + 1} of ${card.id}: price`, { hideLabel: true }),
                  button('×', () => app.removeAt(`${path}.bundles[${j}]`), { label: `Remove bundle ${j + 1} of ${card.id}`, kind: 'button--small button--quiet' }),
                ),
              ),
            )
          : h('p', { class: 'field-hint', text: 'No bundles: coins are bought as a custom amount.' }),
        button('Add a bundle', () => {
          const last = bundles[bundles.length - 1];
          app.edit(`${path}.bundles[${bundles.length}]`, last ? { coins: last.coins * 2, price: last.price } : { coins: 100, price: '1.00' }, { rebuild: true, focus: `${path}.bundles[${bundles.length}].coins` });
        }, { label: `Add a bundle to ${card.id}` }),
      ),
      card.custom_amount
        ? h(
            'div',
            { class: 'lab-figure-group' },
            h('h3', { text: 'Custom amount' }),
            h(
              'div',
              { class: 'lab-field-row lab-field-row--2' },
              f('custom_amount.price_per_coin', 'Price per coin'),
              f('custom_amount.step_coins', 'Sold in steps of (coins)', { kind: 'int', optional: true, placeholder: '1' }),
              f('custom_amount.min_coins', 'Fewest coins', { kind: 'int' }),
              f('custom_amount.max_coins', 'Most coins', { kind: 'int' }),
            ),
          )
        : null,
      h(
        'div',
        { class: 'lab-figure-group' },
        h('h3', { text: 'Tax and fees' }),
        h(
          'div',
          { class: 'lab-field-row lab-field-row--2' },
          f('tax.mode', 'Tax', { kind: 'select', options: TAX_MODES }),
          f('tax.rate', 'Tax rate', { optional: true, placeholder: '0' }),
          f('store_fee_rate', 'App store fee rate', { optional: true, placeholder: '0' }),
          f('payment_fee.rate', 'Payment processing rate', { optional: true, placeholder: '0' }),
          f('payment_fee.fixed', 'Payment processing per purchase', { optional: true, placeholder: '0' }),
        ),
      ),
      h(
        'div',
        { class: 'lab-figure-group' },
        h('h3', { text: 'Creator and agency' }),
        h(
          'div',
          { class: 'lab-field-row lab-field-row--2' },
          f('creator.model', 'How creators are paid', { kind: 'select', options: MODELS, rebuild: true }),
          creator,
          f('agency.rate', 'Agency’s cut of creator earnings', { optional: true, placeholder: '0' }),
          f('agency.paid_by', 'The agency is paid by', { kind: 'select', options: PAYERS }),
        ),
      ),
      h(
        'div',
        { class: 'lab-figure-group' },
        h('h3', { text: 'Payout' }),
        h(
          'div',
          { class: 'lab-field-row lab-field-row--2' },
          f('payout.minimum', 'Minimum withdrawal', { optional: true, placeholder: '0' }),
          bound(app, `${path}.payout.daily_cap`, { label: 'Daily withdrawal limit', placeholder: 'none', edited: mark('payout.daily_cap') }),
          f('payout.fee.rate', 'Withdrawal fee rate', { optional: true, placeholder: '0' }),
          f('payout.fee.fixed', 'Withdrawal fee per withdrawal', { optional: true, placeholder: '0' }),
          f('payout.delay_days', 'Days until the money arrives', { kind: 'int', optional: true, placeholder: '0' }),
        ),
      ),
    ),
    preset ? h('p', { class: 'field-hint', text: `The preset’s figures are as of ${shown(preset.as_of) || 'an undated source'}; the calculator shows the source of each.` }) : null,
  );
  details.addEventListener('toggle', () => (details.open ? app.openFigures.add(path) : app.openFigures.delete(path)));
  // An empty daily limit means none (null), which the generic field would delete instead.
  const cap = details.querySelector(`[data-path="${CSS.escape(`${path}.payout.daily_cap`)}"]`);
  cap?.addEventListener('input', () => {
    if (cap.value.trim() === '') app.edit(`${path}.payout.daily_cap`, null);
  });
  return details;
}

function addChannel(app) {
  const s = app.doc.scenario;
  const used = new Set((s.channels ?? []).map((c) => app.library.card(c?.rate_card)?.id));
  const currency = app.library.card(s.channels?.[0]?.rate_card)?.currency ?? 'USD';
  const next = app.library.cards.find((c) => c.currency === currency && !used.has(c.id)) ?? app.library.cards[0];
  const i = (s.channels ?? []).length;
  app.edit(`scenario.channels[${i}]`, { rate_card: next.id, share: '0' }, { rebuild: true, focus: `scenario.channels[${i}].share` });
}

/** A card's gifts by id, for the segments' gift pickers: the union over the channels. */
export function giftsOfScenario(app) {
  const s = app.doc.scenario;
  const refs = Array.isArray(s.channels) ? s.channels.map((c) => c?.rate_card) : [s.rate_card];
  const gifts = new Map();
  for (const ref of refs) for (const g of app.library.giftsOf(app.library.card(ref))) if (!gifts.has(g.id)) gifts.set(g.id, g);
  return [...gifts.values()];
}

/** The cards the scenario uses (resolved), for parameter lists. */
export function cardsOfScenario(app) {
  const s = app.doc.scenario;
  const refs = Array.isArray(s.channels) ? s.channels.map((c) => c?.rate_card) : [s.rate_card];
  return refs.map((r) => app.library.card(r)).filter(Boolean);
}
