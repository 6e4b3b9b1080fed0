// "What if": the rate card's figures, editable in place. Every answer on the page uses the
// edited card at once; edited figures are marked with what the preset says, and each group
// shows the sources and dates behind the preset's figures.
import { isDecimal, times } from '../decimal.js';
import { h, isFocused, replace, uid } from '../dom.js';
import { field, readField } from '../fields.js';
import { moneyInput } from '../format.js';
import { t } from '../i18n.js';
import { sourceList, unitName } from '../answers.js';
import { diffEdits, sourcesFor, valueAt, withValueAt } from '../rate-card.js';
import { countInput } from './coins-money.js';

/** The choices of a select figure: its values, each worded `calc.card.option.VALUE`. */
const TAX_MODES = ['none', 'inclusive', 'on_top'];
const PAYERS = ['platform', 'creator'];

/**
 * The editable figures of a card, by group: [path, label, kind, options]. Labels are catalogue
 * messages (`calc.card.field.*`); the creator's units are named as the card names them.
 */
function groups(card) {
  const diamonds = unitName(card.diamond_name ?? 'Diamonds');
  const creator =
    card.creator?.model === 'share_of_net'
      ? [['creator.share', t('calc.card.field.share'), 'rate']]
      : [
          ['creator.diamonds_per_coin', t('calc.card.field.diamonds_per_coin', { diamonds }), 'decimal'],
          ['creator.diamond_value', t('calc.card.field.diamond_value', { diamonds }), 'decimal'],
        ];
  const fields = (list) => list.map(([path, id, kind, options]) => [path, t(`calc.card.field.${id}`), kind, options]);
  return [
    { id: 'bundles', title: t('calc.card.group.bundles', { coins: unitName(card.coin_name) }), paths: ['bundles'] },
    card.custom_amount
      ? {
          id: 'custom',
          title: t('calc.card.group.custom'),
          fields: fields([
            ['custom_amount.price_per_coin', 'price_per_coin', 'decimal'],
            ['custom_amount.step_coins', 'step_coins', 'count'],
            ['custom_amount.min_coins', 'min_coins', 'count'],
            ['custom_amount.max_coins', 'max_coins', 'count'],
          ]),
        }
      : null,
    {
      id: 'fees',
      title: t('calc.card.group.fees'),
      fields: fields([
        ['tax.mode', 'tax_mode', 'select', TAX_MODES],
        ['tax.rate', 'tax_rate', 'rate'],
        ['store_fee_rate', 'store_fee', 'rate'],
        ['payment_fee.rate', 'payment_rate', 'rate'],
        ['payment_fee.fixed', 'payment_fixed', 'decimal'],
      ]),
    },
    { id: 'creator', title: t('calc.card.group.creator'), fields: [...creator, ...fields([['agency.rate', 'agency_rate', 'rate'], ['agency.paid_by', 'agency_paid_by', 'select', PAYERS]])] },
    {
      id: 'payout',
      title: t('calc.card.group.payout'),
      fields: fields([
        ['payout.minimum', 'payout_minimum', 'decimal'],
        ['payout.daily_cap', 'payout_daily_cap', 'optional'],
        ['payout.fee.rate', 'payout_fee_rate', 'rate'],
        ['payout.fee.fixed', 'payout_fee_fixed', 'decimal'],
        ['payout.delay_days', 'payout_delay', 'count'],
      ]),
    },
  ].filter(Boolean);
}

/**
 * What a typed value becomes in the card, read in the number format ("30 %" is a rate of 0.3);
 * anything unreadable stays as typed, for the engine to judge at its field.
 */
function parse(kind, text, decimalSeparator) {
  if (kind === 'select') return text;
  if (kind === 'count') return countInput(text);
  if (kind === 'optional' && text.trim() === '') return null;
  if (kind === 'optional-count') return text.trim() === '' ? undefined : countInput(text);
  if (kind === 'rate') return readField(text, 'rate').value ?? text.trim();
  return moneyInput(text, decimalSeparator);
}

function shown(value) {
  return value == null ? '' : String(value);
}

export default {
  id: 'rate-card',
  get nav() {
    return t('calc.card.nav');
  },
  get title() {
    return t('calc.card.title');
  },
  get intro() {
    return t('calc.card.intro');
  },

  mount(el, app) {
    this.ui = { el, key: null, inputs: [], app };
    // The mark beside an edited figure's label (page.css, .is-edited label::after).
    el.style.setProperty('--gs-edited-word', JSON.stringify(t('calc.card.edited_word')));
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
      input.mark.textContent = edited ? t('calc.card.edited_mark', { was: was == null || was === '' ? t('calc.card.nothing') : shown(was) }) : '';
      if (!isFocused(input.control) && input.kind !== 'select' && parse(input.kind, input.control.value, app.fmt.decimalSeparator) !== now) {
        input.control.value = shown(now);
      }
      if (input.kind === 'select') input.control.value = shown(now);
      if (input.kind === 'rate' && input.hint) input.hint.textContent = isDecimal(shown(now)) ? t('calc.card.rate_of', { rate: app.fmt.rate(now) }) : '';
      app.fields.register('*', `rate_card.${input.path}`, input.f);
    }
    const count = this.ui.inputs.filter((i) => i.f.el.classList.contains('is-edited')).length + (this.bundlesResized(card, preset) ? 1 : 0);
    this.ui.status.textContent = app.state.edits ? (count ? t('calc.card.status_edited', { count }) : t('calc.card.status_some')) : t('calc.card.status_preset');
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
    const reset = h('button', { type: 'button', class: 'button', text: t('calc.toolbar.reset'), onclick: () => app.update({ edits: null }, { sync: true }) });
    this.ui.status = status;
    this.ui.reset = reset;
    replace(
      this.ui.el,
      h(
        'div',
        { class: 'editor-head' },
        h('div', null, h('p', { class: 'card-name', text: preset.name }), h('p', { class: 'muted' }, t('calc.card.as_of', { date: preset.as_of ?? t('calc.card.undated'), version: String(preset.version ?? 1) }), preset.notes ? [' ', h('span', { lang: 'en', text: preset.notes })] : null)),
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
        ? h('select', null, options.map((v) => h('option', { value: v, text: t(`calc.card.option.${v}`) })))
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
    const coins = unitName(card.coin_name);
    // Edits from a link or a file may make `bundles` anything; the engine reports it at its field.
    const rows = bundleList(card).map((bundle, i) =>
      h(
        'div',
        { class: 'bundle-row' },
        h('span', { class: 'bundle-index', text: `#${i + 1}` }),
        this.input(app, card, `bundles[${i}].coins`, t('calc.card.bundle_coins', { number: i + 1, coins }), 'count'),
        this.input(app, card, `bundles[${i}].bonus_coins`, t('calc.card.bundle_bonus', { number: i + 1 }), 'optional-count'),
        this.input(app, card, `bundles[${i}].price`, t('calc.card.bundle_price', { number: i + 1 }), 'decimal'),
        h('button', {
          type: 'button',
          class: 'button button--quiet',
          text: t('calc.card.remove'),
          'aria-label': t('calc.card.remove_bundle', { number: i + 1 }),
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
      text: t('calc.card.add_bundle'),
      onclick: () => {
        const bundles = [...bundleList(app.card())];
        const last = bundles[bundles.length - 1];
        bundles.push(last ? { coins: last.coins * 2, price: times(last.price, 2) ?? last.price } : { coins: 100, price: '1.00' });
        this.ui.focusAfterBuild = '.bundle-row:last-child input';
        this.set('bundles', bundles);
      },
    });
    const head = h('div', { class: 'bundle-row bundle-row--head', 'aria-hidden': 'true' }, h('span'), h('span', { text: coins }), h('span', { text: t('calc.card.bonus') }), h('span', { text: t('calc.card.price') }), h('span'));
    return [
      rows.length ? h('div', { class: 'bundle-rows' }, head, rows) : h('p', { class: 'muted', text: t('calc.card.no_bundles') }),
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
  return sourceList(entries, t('calc.card.no_source'));
}
