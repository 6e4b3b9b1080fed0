// "What if": the rate card's figures, editable in place. Every answer on the page uses the
// edited card at once; edited figures are marked with what the preset says, and each group
// shows the sources and dates behind the preset's figures.
import { isDecimal, times } from '../decimal.js';
import { h, isFocused, replace, sourceList, uid } from '../dom.js';
import { field } from '../fields.js';
import { moneyInput } from '../format.js';
import { diffEdits, sourcesFor, valueAt, withValueAt } from '../rate-card.js';
import { countInput } from './coins-money.js';

const TAX_MODES = [
  ['none', 'No tax modelled'],
  ['inclusive', 'Included in the price (VAT)'],
  ['on_top', 'Added on top (sales tax)'],
];
const PAYERS = [
  ['platform', 'The platform'],
  ['creator', 'The creator'],
];

/** The editable figures of a card, by group: [path, label, kind, options]. */
function groups(card) {
  const creator =
    card.creator?.model === 'share_of_net'
      ? [['creator.share', 'Creator’s share of the net price', 'rate']]
      : [
          ['creator.diamonds_per_coin', `${card.diamond_name ?? 'Diamonds'} per coin gifted`, 'decimal'],
          ['creator.diamond_value', `Cash value of one of the creator’s ${card.diamond_name ?? 'Diamonds'}`, 'decimal'],
        ];
  return [
    { id: 'bundles', title: `Bundles of ${card.coin_name ?? 'coins'}`, paths: ['bundles'] },
    card.custom_amount
      ? {
          id: 'custom',
          title: 'Custom amount',
          fields: [
            ['custom_amount.price_per_coin', 'Price per coin', 'decimal'],
            ['custom_amount.step_coins', 'Sold in steps of (coins)', 'count'],
            ['custom_amount.min_coins', 'Fewest coins per purchase', 'count'],
            ['custom_amount.max_coins', 'Most coins per purchase', 'count'],
          ],
        }
      : null,
    {
      id: 'fees',
      title: 'Tax and fees',
      fields: [
        ['tax.mode', 'How tax applies', 'select', TAX_MODES],
        ['tax.rate', 'Tax rate', 'rate'],
        ['store_fee_rate', 'App store fee', 'rate'],
        ['payment_fee.rate', 'Payment processing rate', 'rate'],
        ['payment_fee.fixed', 'Payment processing per purchase', 'decimal'],
      ],
    },
    { id: 'creator', title: 'The creator’s terms', fields: [...creator, ['agency.rate', 'Agency’s cut of the creator’s earnings', 'rate'], ['agency.paid_by', 'The agency is paid by', 'select', PAYERS]] },
    {
      id: 'payout',
      title: 'Payout',
      fields: [
        ['payout.minimum', 'Minimum withdrawal', 'decimal'],
        ['payout.daily_cap', 'Daily withdrawal limit (empty: none)', 'optional'],
        ['payout.fee.rate', 'Withdrawal fee rate', 'rate'],
        ['payout.fee.fixed', 'Withdrawal fee per withdrawal', 'decimal'],
        ['payout.delay_days', 'Days until the money arrives', 'count'],
      ],
    },
  ].filter(Boolean);
}

/** What a typed value becomes in the card (the engine judges it). */
function parse(kind, text, decimalSeparator) {
  if (kind === 'select') return text;
  if (kind === 'count') return countInput(text);
  if (kind === 'optional' && text.trim() === '') return null;
  if (kind === 'optional-count') return text.trim() === '' ? undefined : countInput(text);
  return moneyInput(text, decimalSeparator);
}

function shown(value) {
  return value == null ? '' : String(value);
}

export default {
  id: 'rate-card',
  nav: 'What if',
  title: 'What if the figures were different?',
  intro: 'These are the figures of the card chosen above, each with its source. Change any of them and every answer on the page follows. Rates are fractions: 0.30 means 30 %.',

  mount(el, app) {
    this.ui = { el, key: null, inputs: [], app };
  },

  sync() {
    this.ui.key = null;
  },

  render(app) {
    const card = app.card();
    const preset = app.preset();
    const key = JSON.stringify([preset.id, card.bundles?.length, Boolean(card.custom_amount), card.creator?.model, app.state.locale]);
    if (key !== this.ui.key) {
      this.ui.key = key;
      const hadFocus = this.ui.el.contains(this.ui.el.getRootNode().activeElement);
      this.build(app, card, preset);
      // A rebuild (a bundle added or removed) keeps the keyboard where the person was.
      if (hadFocus) (this.ui.el.querySelector(this.ui.focusAfterBuild ?? '') ?? this.ui.el.querySelector('.editor-group--bundles button:last-of-type'))?.focus();
      this.ui.focusAfterBuild = null;
    }
    for (const input of this.ui.inputs) {
      const now = valueAt(card, input.path);
      const was = valueAt(preset, input.path);
      const edited = JSON.stringify(now ?? null) !== JSON.stringify(was ?? null);
      input.f.el.classList.toggle('is-edited', edited);
      input.mark.hidden = !edited;
      input.mark.textContent = edited ? `Edited; the preset says ${was == null || was === '' ? 'nothing' : shown(was)}.` : '';
      if (!isFocused(input.control) && input.kind !== 'select' && parse(input.kind, input.control.value, app.fmt.decimalSeparator) !== now) {
        input.control.value = shown(now);
      }
      if (input.kind === 'select') input.control.value = shown(now);
      if (input.kind === 'rate' && input.hint) input.hint.textContent = isDecimal(shown(now)) ? `a rate of ${app.fmt.rate(now)}` : '';
      app.fields.register('*', `rate_card.${input.path}`, input.f);
    }
    const count = this.ui.inputs.filter((i) => i.f.el.classList.contains('is-edited')).length + (this.bundlesResized(card, preset) ? 1 : 0);
    this.ui.status.textContent = app.state.edits
      ? `${count || 'Some'} figure${count === 1 ? '' : 's'} edited. Every answer above uses the edited card.`
      : 'These are the preset’s figures.';
    this.ui.reset.disabled = !app.state.edits;
  },

  bundlesResized(card, preset) {
    return (card.bundles?.length ?? 0) !== (preset.bundles?.length ?? 0);
  },

  /** Sets the figure at `path` and turns the card into edits over the preset. */
  set(path, value) {
    const { app } = this.ui;
    const card = withValueAt(app.card(), path, value);
    app.update({ edits: diffEdits(app.preset(), card) });
  },

  build(app, card, preset) {
    this.ui.inputs = [];
    const status = h('p', { class: 'editor-status', role: 'status' });
    const reset = h('button', { type: 'button', class: 'button', text: 'Reset to the preset', onclick: () => app.update({ edits: null }, { sync: true }) });
    this.ui.status = status;
    this.ui.reset = reset;
    replace(
      this.ui.el,
      h(
        'div',
        { class: 'editor-head' },
        h('div', null, h('p', { class: 'card-name', text: preset.name }), h('p', { class: 'muted', text: `Figures as of ${preset.as_of ?? 'an unstated date'}, version ${preset.version ?? 1}.${preset.notes ? ` ${preset.notes}` : ''}` })),
        h('div', { class: 'editor-actions' }, status, reset),
      ),
      h(
        'div',
        { class: 'editor-groups' },
        groups(card).map((group) =>
          h(
            'fieldset',
            { class: `editor-group editor-group--${group.id}` },
            h('legend', { text: group.title }),
            group.id === 'bundles' ? this.bundles(app, card) : group.fields.map(([path, label, kind, options]) => this.input(app, card, path, label, kind, options)),
            sources(preset, group.paths ?? group.fields.map(([p]) => p)),
          ),
        ),
      ),
    );
  },

  input(app, card, path, label, kind, options) {
    const value = valueAt(card, path);
    const control =
      kind === 'select'
        ? h('select', null, options.map(([v, text]) => h('option', { value: v, text })))
        : h('input', { type: 'text', inputmode: kind === 'count' || kind === 'optional-count' ? 'numeric' : 'decimal', autocomplete: 'off', value: shown(value) });
    control.addEventListener(kind === 'select' ? 'change' : 'input', () => this.set(path, parse(kind, control.value, app.fmt.decimalSeparator)));
    if (kind === 'select') control.value = shown(value);
    const f = field({ label, control, hint: kind === 'rate' ? ' ' : undefined, className: `field--${kind}` });
    const mark = h('p', { class: 'field-mark', id: uid('mark'), hidden: true });
    f.el.append(mark);
    control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby')} ${mark.id}`);
    this.ui.inputs.push({ path, kind, control, f, mark, hint: f.el.querySelector('.field-hint') });
    return f.el;
  },

  bundles(app, card) {
    const coinName = card.coin_name ?? 'coins';
    // Edits from a link or a file may make `bundles` anything; the engine reports it at its field.
    const rows = bundleList(card).map((bundle, i) =>
      h(
        'div',
        { class: 'bundle-row' },
        h('span', { class: 'bundle-index', text: `#${i + 1}` }),
        this.input(app, card, `bundles[${i}].coins`, `Bundle ${i + 1}: ${coinName}`, 'count'),
        this.input(app, card, `bundles[${i}].bonus_coins`, `Bundle ${i + 1}: bonus`, 'optional-count'),
        this.input(app, card, `bundles[${i}].price`, `Bundle ${i + 1}: price`, 'decimal'),
        h('button', {
          type: 'button',
          class: 'button button--quiet',
          text: 'Remove',
          'aria-label': `Remove bundle ${i + 1}`,
          onclick: () => {
            const bundles = bundleList(app.card()).filter((_, j) => j !== i);
            this.set('bundles', bundles);
          },
        }),
      ),
    );
    const add = h('button', {
      type: 'button',
      class: 'button button--small',
      text: 'Add a bundle',
      onclick: () => {
        const bundles = [...bundleList(app.card())];
        const last = bundles[bundles.length - 1];
        bundles.push(last ? { coins: last.coins * 2, price: times(last.price, 2) ?? last.price } : { coins: 100, price: '1.00' });
        this.ui.focusAfterBuild = '.bundle-row:last-child input';
        this.set('bundles', bundles);
      },
    });
    const head = h('div', { class: 'bundle-row bundle-row--head', 'aria-hidden': 'true' }, h('span'), h('span', { text: coinName }), h('span', { text: 'Bonus' }), h('span', { text: 'Price' }), h('span'));
    return [
      rows.length ? h('div', { class: 'bundle-rows' }, head, rows) : h('p', { class: 'muted', text: 'No bundles: coins are bought as a custom amount only.' }),
      add,
    ];
  },
};

/** The card's bundles as a list (none when an edit made them something else). */
function bundleList(card) {
  return Array.isArray(card.bundles) ? card.bundles : [];
}

/** The sources behind a group's figures, with dates and confidence, or the estimate's method. */
function sources(card, paths) {
  const entries = [...new Set(paths.flatMap((p) => sourcesFor(card, p)))];
  return sourceList(entries, 'No source is recorded for these figures.');
}
