// Rate cards and the channel mix: which card each share of viewers buys on, its own price
// multiplier, and every figure of the card, editable (an edited preset is sent whole; figures
// that differ from the preset are marked, and one click goes back to it).
import { h } from '../../dom.js';
import { has, t } from '../../i18n.js';
import { bound, button, choices, getAt, group, shareSum, shown } from '../controls.js';
import { isObject } from '../document.js';

const TAX_MODES = ['none', 'inclusive', 'on_top'];
const PAYERS = ['platform', 'creator'];
const MODELS = ['per_diamond', 'share_of_net'];

/** A name from the catalogue, or the id itself when the catalogue has none ("TikTok", "iPhone app"). */
const named = (prefix, id) => (has(`${prefix}.${id}`) ? t(`${prefix}.${id}`) : String(id));

/** "TikTok · iPhone app (USD)". */
export function cardLabel(card) {
  return t('lab.card.label', { platform: named('card.platform', card.platform), channel: named('card.channel', card.channel), currency: card.currency });
}

/** The options of a card picker: every preset, plus the card in use when it is not one. */
function cardOptions(app, current) {
  const options = app.library.cards.map((c) => [c.id, t('lab.card.option', { card: cardLabel(c), id: c.id })]);
  if (isObject(current) && !app.library.cardById.has(current.id)) {
    options.unshift([current.id ?? '', t('lab.card.own', { name: current.name ?? current.id ?? t('lab.card.unnamed') })]);
  }
  return options;
}

export function channelsGroup(app) {
  const s = app.doc.scenario;
  const single = s.rate_card !== undefined && !Array.isArray(s.channels);
  const rows = single ? [{ path: 'scenario.rate_card', card: s.rate_card }] : (s.channels ?? []).map((c, i) => ({ path: `scenario.channels[${i}].rate_card`, card: c?.rate_card, i }));
  const g = group('group-channels', t('lab.channels.title'), t('lab.channels.intro'), rows.map((row) => channel(app, row, rows.length)));
  const body = g.querySelector('.lab-group-body');
  if (!single) {
    body.append(
      shareSum(app, g, () => (app.doc.scenario.channels ?? []).map((c) => c?.share), 'channels'),
      h('div', { class: 'button-row' }, button(t('lab.channels.add'), () => addChannel(app))),
    );
  }
  return g;
}

function channel(app, { path, card: ref, i }, count) {
  const card = app.library.card(ref);
  const preset = card ? app.library.cardById.get(card.id) : null;
  const edited = isObject(ref);
  const base = i === undefined ? 'scenario' : `scenario.channels[${i}]`;
  const name = card ? cardLabel(card) : t('lab.channels.unknown_card');
  const picker = bound(app, path, {
    kind: 'select',
    label: i === undefined ? t('lab.channels.card') : t('lab.channels.card_of', { n: i + 1 }),
    options: cardOptions(app, ref),
    value: card?.id ?? (typeof ref === 'string' ? ref : ''),
    rebuild: true,
  });
  // A picked preset replaces the whole card (the select writes its id).
  const head = h(
    'div',
    { class: 'lab-channel-head' },
    picker,
    i === undefined ? null : bound(app, `${base}.share`, { kind: 'rate', label: t('lab.channels.share') }),
    i === undefined ? null : bound(app, `${base}.price_multiplier`, { label: t('lab.channels.multiplier'), optional: true, placeholder: '1' }),
  );
  const actions = h(
    'div',
    { class: 'button-row lab-channel-actions' },
    edited && preset ? h('span', { class: 'badge badge--edited', text: t('lab.edited') }) : null,
    edited && preset ? button(t('lab.back_to_preset'), () => app.edit(path, preset.id, { rebuild: true }), { label: t('lab.channels.back_label', { id: preset.id, n: (i ?? 0) + 1 }) }) : null,
    i !== undefined && count > 1 ? button(t('lab.remove'), () => app.removeAt(`scenario.channels[${i}]`), { label: t('lab.channels.remove_label', { n: i + 1, name }), kind: 'button--small button--quiet' }) : null,
  );
  return h(
    'fieldset',
    { class: 'lab-channel' },
    h('legend', { text: i === undefined ? t('lab.channels.legend_single', { name }) : t('lab.channels.legend', { n: i + 1, name }) }),
    head,
    actions,
    card ? cardFigures(app, path, card, preset) : h('p', { class: 'field-hint', text: t('lab.channels.not_preset') }),
  );
}

/** The card's figures, in a disclosure (closed: most runs keep the published figures). */
function cardFigures(app, path, card, preset) {
  const mark = (sub) => preset && JSON.stringify(getAt(card, sub) ?? null) !== JSON.stringify(getAt(preset, sub) ?? null);
  const f = (sub, label, opts = {}) => bound(app, `${path}.${sub}`, { label, edited: mark(sub), ...opts });
  const coin = card.coin_name ?? t('lab.card.coins');
  const diamond = card.diamond_name ?? t('lab.card.diamonds');
  const bundles = Array.isArray(card.bundles) ? card.bundles : [];
  const id = card.id ?? t('lab.card.this');
  const creator =
    card.creator?.model === 'share_of_net'
      ? [f('creator.share', t('lab.card.creator_share'), { kind: 'rate' })]
      : [f('creator.diamonds_per_coin', t('lab.card.diamonds_per_coin', { diamonds: diamond })), f('creator.diamond_value', t('lab.card.diamond_value', { diamonds: diamond }), { kind: 'money' })];
  const open = app.openFigures.has(path);
  const details = h(
    'details',
    { class: 'lab-card-figures', open, dataset: { figures: path } },
    h('summary', { text: t('lab.card.figures', { id }) }),
    h(
      'div',
      { class: 'lab-figure-groups' },
      h(
        'div',
        { class: 'lab-figure-group lab-figure-group--bundles' },
        h('h3', { text: t('lab.card.bundles', { coins: coin }) }),
        bundles.length
          ? h(
              'div',
              { class: 'lab-bundle-table', role: 'group', 'aria-label': t('lab.card.bundles_of', { id: card.id }) },
              h('div', { class: 'lab-bundle-line lab-bundle-line--head', 'aria-hidden': 'true' }, h('span', { text: coin }), h('span', { text: t('lab.card.bonus') }), h('span', { text: t('lab.card.price') }), h('span')),
              bundles.map((b, j) =>
                h(
                  'div',
                  { class: 'lab-bundle-line' },
                  f(`bundles[${j}].coins`, t('lab.card.bundle_coins', { n: j + 1, id: card.id, coins: coin }), { kind: 'int', hideLabel: true }),
                  f(`bundles[${j}].bonus_coins`, t('lab.card.bundle_bonus', { n: j + 1, id: card.id, coins: coin }), { kind: 'int', hideLabel: true, optional: true, placeholder: '0' }),
                  f(`bundles[${j}].price`, t('lab.card.bundle_price', { n: j + 1, id: card.id }), { kind: 'money', hideLabel: true }),
                  button('×', () => app.removeAt(`${path}.bundles[${j}]`), { label: t('lab.card.bundle_remove', { n: j + 1, id: card.id }), kind: 'button--small button--quiet' }),
                ),
              ),
            )
          : h('p', { class: 'field-hint', text: t('lab.card.no_bundles') }),
        button(t('lab.card.add_bundle'), () => {
          const last = bundles[bundles.length - 1];
          app.edit(`${path}.bundles[${bundles.length}]`, last ? { coins: last.coins * 2, price: last.price } : { coins: 100, price: '1.00' }, { rebuild: true, focus: `${path}.bundles[${bundles.length}].coins` });
        }, { label: t('lab.card.add_bundle_label', { id: card.id }) }),
      ),
      card.custom_amount
        ? h(
            'div',
            { class: 'lab-figure-group' },
            h('h3', { text: t('lab.card.custom') }),
            h(
              'div',
              { class: 'lab-field-row lab-field-row--2' },
              f('custom_amount.price_per_coin', t('lab.card.price_per_coin'), { kind: 'money' }),
              f('custom_amount.step_coins', t('lab.card.step_coins'), { kind: 'int', optional: true, placeholder: '1' }),
              f('custom_amount.min_coins', t('lab.card.min_coins'), { kind: 'int' }),
              f('custom_amount.max_coins', t('lab.card.max_coins'), { kind: 'int' }),
            ),
          )
        : null,
      h(
        'div',
        { class: 'lab-figure-group' },
        h('h3', { text: t('lab.card.tax_fees') }),
        h(
          'div',
          { class: 'lab-field-row lab-field-row--2' },
          f('tax.mode', t('lab.card.tax'), { kind: 'select', options: choices('lab.card.tax_mode', TAX_MODES) }),
          f('tax.rate', t('lab.card.tax_rate'), { kind: 'rate', optional: true, placeholder: '0' }),
          f('store_fee_rate', t('lab.card.store_fee_rate'), { kind: 'rate', optional: true, placeholder: '0' }),
          f('payment_fee.rate', t('lab.card.payment_rate'), { kind: 'rate', optional: true, placeholder: '0' }),
          f('payment_fee.fixed', t('lab.card.payment_fixed'), { kind: 'money', optional: true, placeholder: '0' }),
        ),
      ),
      h(
        'div',
        { class: 'lab-figure-group' },
        h('h3', { text: t('lab.card.creator_agency') }),
        h(
          'div',
          { class: 'lab-field-row lab-field-row--2' },
          f('creator.model', t('lab.card.creator_model'), { kind: 'select', options: choices('lab.card.model', MODELS), rebuild: true }),
          creator,
          f('agency.rate', t('lab.card.agency_rate'), { kind: 'rate', optional: true, placeholder: '0' }),
          f('agency.paid_by', t('lab.card.agency_paid_by'), { kind: 'select', options: choices('lab.card.payer', PAYERS) }),
        ),
      ),
      h(
        'div',
        { class: 'lab-figure-group' },
        h('h3', { text: t('lab.card.payout') }),
        h(
          'div',
          { class: 'lab-field-row lab-field-row--2' },
          f('payout.minimum', t('lab.card.payout_minimum'), { kind: 'money', optional: true, placeholder: '0' }),
          bound(app, `${path}.payout.daily_cap`, { kind: 'money', label: t('lab.card.daily_cap'), placeholder: t('lab.none'), edited: mark('payout.daily_cap') }),
          f('payout.fee.rate', t('lab.card.withdrawal_rate'), { kind: 'rate', optional: true, placeholder: '0' }),
          f('payout.fee.fixed', t('lab.card.withdrawal_fixed'), { kind: 'money', optional: true, placeholder: '0' }),
          f('payout.delay_days', t('lab.card.delay_days'), { kind: 'int', optional: true, placeholder: '0' }),
        ),
      ),
    ),
    preset ? h('p', { class: 'field-hint', text: t('lab.card.as_of', { date: shown(preset.as_of) || t('lab.card.undated') }) }) : null,
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
