// The plan's events, one editable row each: when (a wall-clock time in the person's zone), what
// (a top-up of money, coins on the card, a catalogue gift, a tip), the amount with its own
// currency, how often it repeats, a guardian's approval, a note; and under each row, its
// verdict (or, for a repeating event, its verdicts summed up).
import { h, isFocused } from '../../dom.js';
import { field } from '../../fields.js';
import { moneyInput } from '../../format.js';
import { t } from '../../i18n.js';
import { unitName } from '../../answers.js';
import { shortName } from '../../rate-card.js';
import { EVENT_KINDS, REPEATS, noRepeat } from '../../state.js';
import { WALL, wallInput } from '../../time.js';
import { countInput, keptValue, shownValue } from '../coins-money.js';

/** The kind of figure each typed field of an event holds (see coins-money.js `keptValue`). */
const FIGURES = { amount: 'money', coins: 'whole', count: 'whole', times: 'whole' };

function kindLabel(kind, card) {
  return t(`calc.event.kind.${kind}`, { coins: capitalized(unitName(card.coin_name)), card: shortName(card) });
}

function capitalized(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * One event as the engine's `plan` takes it. Its time goes as the wall-clock time typed: the
 * engine reads it in the person's zone, with that zone's rules on that date.
 */
export function eventInput(e, app) {
  const out = { at: wallInput(e.at) };
  const money = (text) => moneyInput(text, app.fmt.decimalSeparator);
  if (e.kind === 'buy') out.buy = { amount: money(e.amount), currency: e.currency };
  else if (e.kind === 'coins') out.buy = { coins: countInput(e.coins) };
  else if (e.kind === 'gift') out.gift = { gift: e.gift, count: countInput(e.count) };
  else out.gift = { amount: money(e.amount), currency: e.currency };
  if (e.approved && (e.kind === 'buy' || e.kind === 'coins')) out.guardian_approved = true;
  if (e.note) out.note = e.note;
  const r = e.repeat ?? noRepeat();
  // Occurrences keep the wall-clock time in the person's zone; `times` counts them all.
  if (r.every) out.repeat = r.ends === 'until' ? { every: r.every, until: r.until } : { every: r.every, times: countInput(r.times) };
  return out;
}

/** How often, as the repeat choice reads: `calc.event.repeat.EVERY` ('' is never). */
const repeatWords = (every) => t(`calc.event.repeat.${every || 'never'}`);

/** "every week, 4 times", "every day until 2027-01-31", or '' for an event that happens once. */
export function repeatText(r) {
  if (!r?.every) return '';
  if (r.ends === 'until') return t(`calc.event.repeats_until.${r.every}`, { until: r.until || '…' });
  const times = Number(r.times);
  return t(`calc.event.repeats_times.${r.every}`, { count: Number.isFinite(times) ? times : r.times, times: r.times });
}

/**
 * The editable row of event `i`: `{ el, verdict, legend, fill(event), register(index) }`.
 * `currencies` are those an amount may be written in; `onRemove` removes the event.
 */
export function eventRow(app, e, i, { card, catalogue, currencies, onRemove }) {
  const set = (change) => {
    const events = app.state.events.map((x, j) => (j === i ? { ...x, ...change } : x));
    app.update({ events });
  };
  const focusKey = (name) => `${i}:${name}`;
  // Short labels on screen; for a screen reader each also names its event.
  const label = (text) => [text, h('span', { class: 'sr-only', text: t('calc.event.of_event', { number: i + 1 }) })];
  const at = h('input', { type: 'datetime-local', dataset: { focus: focusKey('at') }, oninput: () => set({ at: at.value }) });
  const kind = h(
    'select',
    { dataset: { focus: focusKey('kind') }, onchange: () => set({ kind: kind.value }) },
    EVENT_KINDS.map((k) => h('option', { value: k, text: kindLabel(k, card) })),
  );
  const fields = { at: field({ label: label(t('calc.event.when')), control: at, className: 'field--when' }), kind: field({ label: label(t('calc.event.what')), control: kind, className: 'field--kind' }) };
  const controls = { at, kind };
  if (e.kind === 'buy' || e.kind === 'tip') {
    const amount = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', dataset: { focus: focusKey('amount') }, oninput: () => set({ amount: keptValue(amount.value, 'money') }) });
    const currency = h(
      'select',
      { dataset: { focus: focusKey('currency') }, onchange: () => set({ currency: currency.value }) },
      [...new Set([...currencies, e.currency].filter(Boolean))].map((c) => h('option', { value: c, text: c })),
    );
    fields.amount = field({ label: label(t('calc.event.amount')), control: amount, className: 'field--amount' });
    fields.currency = field({ label: label(t('calc.event.currency')), control: currency, className: 'field--currency' });
    Object.assign(controls, { amount, currency });
  } else if (e.kind === 'coins') {
    const coins = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', dataset: { focus: focusKey('coins') }, oninput: () => set({ coins: keptValue(coins.value, 'whole') }) });
    fields.coins = field({ label: label(capitalized(unitName(card.coin_name))), control: coins, className: 'field--amount' });
    controls.coins = coins;
  } else {
    const gift = h(
      'select',
      { dataset: { focus: focusKey('gift') }, onchange: () => set({ gift: gift.value }) },
      catalogue.map((g) => h('option', { value: g.id, text: `${g.name} (${app.fmt.count(g.coins)})` })),
      catalogue.some((g) => g.id === e.gift) ? null : h('option', { value: e.gift, text: t('calc.event.not_on_card', { gift: e.gift }) }),
    );
    const count = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', dataset: { focus: focusKey('count') }, oninput: () => set({ count: keptValue(count.value, 'whole') }) });
    fields.gift = field({ label: label(t('calc.event.gift')), control: gift, className: 'field--gift' });
    fields.count = field({ label: label(t('calc.event.how_many')), control: count, className: 'field--count' });
    Object.assign(controls, { gift, count });
  }
  const note = h('input', { type: 'text', autocomplete: 'off', maxlength: '120', dataset: { focus: focusKey('note') }, oninput: () => set({ note: note.value }) });
  fields.note = field({ label: label(t('calc.event.note')), control: note, className: 'field--note' });
  controls.note = note;
  const r = e.repeat ?? noRepeat();
  const setRepeat = (change) => set({ repeat: { ...(app.state.events[i]?.repeat ?? noRepeat()), ...change } });
  const every = h(
    'select',
    { dataset: { focus: focusKey('every') }, onchange: () => setRepeat({ every: every.value }) },
    REPEATS.map((k) => h('option', { value: k, text: repeatWords(k) })),
  );
  const repeatFields = { every: field({ label: label(t('calc.event.repeat')), control: every, className: 'field--every' }) };
  const repeatControls = { every };
  if (r.every) {
    const ends = h(
      'select',
      { dataset: { focus: focusKey('ends') }, onchange: () => setRepeat({ ends: ends.value }) },
      h('option', { value: 'times', text: t('calc.event.ends.times') }),
      h('option', { value: 'until', text: t('calc.event.ends.until') }),
    );
    repeatFields.ends = field({ label: label(t('calc.event.how_long')), control: ends, className: 'field--ends' });
    repeatControls.ends = ends;
    if (r.ends === 'until') {
      const until = h('input', { type: 'date', dataset: { focus: focusKey('until') }, oninput: () => setRepeat({ until: until.value }) });
      repeatFields.until = field({ label: label(t('calc.event.last_day')), control: until, className: 'field--until' });
      repeatControls.until = until;
    } else {
      const times = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', maxlength: '5', dataset: { focus: focusKey('times') }, oninput: () => setRepeat({ times: keptValue(times.value, 'whole') }) });
      repeatFields.times = field({ label: label(t('calc.event.times')), control: times, className: 'field--times' });
      repeatControls.times = times;
    }
  }
  const buying = e.kind === 'buy' || e.kind === 'coins';
  const approved = h('input', { type: 'checkbox', id: `spending-check-approved-${i}`, dataset: { focus: focusKey('approved') }, onchange: () => set({ approved: approved.checked }) });
  const verdict = h('div', { class: 'event-verdict', dataset: { answers: 'plan', staleLabel: 'calc.section.not_updated' } });
  const legend = h('legend', { class: 'event-legend' }, h('span', { class: 'event-index', text: t('calc.event.number', { number: i + 1 }) }));
  const el = h(
    'li',
    { class: 'plan-event', dataset: { index: String(i) } },
    h(
      'fieldset',
      { class: 'event-fields' },
      legend,
      h(
        'div',
        { class: `event-grid event-grid--${e.kind}` },
        Object.values(fields).map((f) => f.el),
        h('div', { class: 'event-repeat' }, Object.values(repeatFields).map((f) => f.el)),
        h(
          'div',
          { class: 'event-actions' },
          buying ? h('div', { class: 'check' }, approved, h('label', { for: approved.id }, label(t('calc.event.approved')))) : h('span'),
          h('button', {
            type: 'button',
            class: 'button button--quiet button--small',
            text: t('calc.event.remove'),
            'aria-label': t('calc.event.remove_number', { number: i + 1 }),
            dataset: { focus: focusKey('remove') },
            onclick: () => onRemove(i),
          }),
        ),
      ),
    ),
    verdict,
  );
  const fill = (ev) => {
    if (!ev) return;
    for (const [name, control] of Object.entries(controls)) {
      if (isFocused(control)) continue;
      const value = name === 'at' ? (WALL.test(ev.at) ? ev.at : '') : FIGURES[name] ? shownValue(ev[name], app.fmt, FIGURES[name]) : String(ev[name] ?? '');
      if (control.value !== value) control.value = value;
    }
    approved.checked = Boolean(ev.approved);
    const rep = ev.repeat ?? noRepeat();
    for (const [name, control] of Object.entries(repeatControls)) {
      if (isFocused(control)) continue;
      const value = FIGURES[name] ? shownValue(rep[name], app.fmt, FIGURES[name]) : String(rep[name] ?? '');
      if (control.value !== value) control.value = value;
    }
  };
  fill(e);
  const register = (index) => {
    const q = 'plan';
    app.fields.register(q, `events[${index}]`, fields.kind);
    app.fields.register(q, `events[${index}].at`, fields.at);
    if (fields.amount) {
      const action = e.kind === 'buy' ? 'buy' : 'gift';
      app.fields.register(q, `events[${index}].${action}.amount`, fields.amount);
      app.fields.register(q, `events[${index}].${action}.currency`, fields.currency);
    }
    if (fields.coins) app.fields.register(q, `events[${index}].buy.coins`, fields.coins);
    if (fields.gift) {
      app.fields.register(q, `events[${index}].gift.gift`, fields.gift);
      app.fields.register(q, `events[${index}].gift.count`, fields.count);
    }
    app.fields.register(q, `events[${index}].repeat`, repeatFields.every);
    if (repeatFields.times) app.fields.register(q, `events[${index}].repeat.times`, repeatFields.times);
    if (repeatFields.until) app.fields.register(q, `events[${index}].repeat.until`, repeatFields.until);
  };
  return { el, verdict, legend, fill, register };
}
