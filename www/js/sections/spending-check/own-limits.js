// "My own limits": a parent's limits on top-ups per top-up, day, week and month, whether gifts
// may be sent, when to warn, and whether every top-up needs their approval. The limits live in
// the page's state (and so in its link); the engine gets them as a rule set object
// (`ownRuleSet`), which is also what "Save these limits" writes and "Load saved limits" reads.
import { h, isFocused, replace } from '../../dom.js';
import { field } from '../../fields.js';
import { shift } from '../../decimal.js';
import { moneyInput } from '../../format.js';
import { t } from '../../i18n.js';
import { download } from '../../scenarios.js';
import { OWN_LIMITS, cleanLimits, newLimits } from '../../state.js';
import { keptValue, shownValue } from '../coins-money.js';

/** The limits a family may set, by field, with the cap id and window each becomes. */
export const LIMIT_CAPS = [
  ['topUp', 'per-top-up', 'transaction'],
  ['day', 'day', 'calendar_day'],
  ['week', 'week', 'calendar_week'],
  ['month', 'month', 'calendar_month'],
];

/** The oldest age the engine knows: a minimum age to gift no one reaches turns gifting off. */
const NO_ONE = 130;

/**
 * The family's limits as the engine takes a rule set: one set of caps for every age, each
 * limit on top-ups, warnings at the chosen percentages, gifting off by a minimum age no one
 * reaches (a cap cannot be zero). Typed money keeps the locale's decimal comma out; anything
 * else stays as typed for the engine to judge at its field. Returns `{ ruleSet }` or
 * `{ error }` (a local error for warnings that are not percentages).
 */
export function ownRuleSet(limits, decimalSeparator = '.') {
  const caps = LIMIT_CAPS.filter(([field]) => String(limits[field] ?? '').trim() !== '').map(([field, id, window]) => ({
    id,
    action: 'buy',
    window,
    limit: moneyInput(limits[field], decimalSeparator),
  }));
  const ruleSet = {
    id: OWN_LIMITS,
    name: t('calc.limits.name'),
    version: 1,
    opt_in: true,
    currency: limits.currency,
    min_age: limits.gifting ? {} : { gift: NO_ONE },
    brackets: [{ id: 'all-ages', min_age: 0, caps, guardian_approval: Boolean(limits.approval) }],
    warning_thresholds: [],
    notes: t('calc.limits.notes'),
  };
  const percents = String(limits.warn ?? '').split(/[,;\s]+/).map((p) => p.replace(/%$/, '')).filter(Boolean);
  for (const p of percents) {
    const fraction = /^\d{1,3}(\.\d{1,2})?$/.test(p) ? shift(p, -2) : null;
    if (!fraction || Number(p) <= 0 || Number(p) > 100) {
      return { ruleSet, error: { code: 'invalid_value', path: 'rule_set.warning_thresholds', message: t('calc.limits.warn_error'), details: { message_id: 'calc.limits.warn_error' } } };
    }
    ruleSet.warning_thresholds.push(fraction.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''));
  }
  const sorted = [...new Set(ruleSet.warning_thresholds)].sort((a, b) => Number(a) - Number(b));
  ruleSet.warning_thresholds = sorted;
  return { ruleSet };
}

/** Each limit's label and how its window is counted, in words: `calc.limits.FIELD` and `….FIELD_hint`. */
const limitWords = (field) => [t(`calc.limits.${field}`), t(`calc.limits.${field}_hint`)];

/**
 * The limits a rule set file holds (the inverse of `ownRuleSet`), or an Error saying why the
 * file cannot be read as a family's limits: it must be a rule set with one set of caps for every
 * age, on top-ups, per top-up or per calendar day, week or month.
 */
export function limitsFromRuleSet(doc) {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error(t('calc.limits.file.not_object'));
  if (typeof doc.currency !== 'string' || !/^[A-Z]{3}$/.test(doc.currency)) throw new Error(t('calc.limits.file.no_currency'));
  const brackets = Array.isArray(doc.brackets) ? doc.brackets : [];
  if (brackets.length > 1) throw new Error(t('calc.limits.file.by_age'));
  const bracket = brackets[0] ?? {};
  if (!bracket || typeof bracket !== 'object') throw new Error(t('calc.limits.file.unreadable'));
  const limits = { ...newLimits(doc.currency), gifting: !(Number(doc.min_age?.gift) > 0), approval: bracket.guardian_approval === true };
  for (const cap of Array.isArray(bracket.caps) ? bracket.caps : []) {
    const known = LIMIT_CAPS.find(([, , window]) => window === cap?.window);
    if (!known || cap.action !== 'buy' || (typeof cap.limit !== 'string' && typeof cap.limit !== 'number')) {
      throw new Error(t('calc.limits.file.unknown_limit'));
    }
    limits[known[0]] = String(cap.limit).slice(0, 40);
  }
  if (Array.isArray(doc.warning_thresholds)) {
    limits.warn = doc.warning_thresholds
      .filter((t) => typeof t === 'string' || typeof t === 'number')
      .map((t) => shift(String(t), 2)?.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') ?? '')
      .filter(Boolean)
      .join(', ');
  }
  return cleanLimits(limits, doc.currency);
}

/** The largest limits file read (a rule set is a few hundred bytes). */
const MAX_FILE = 100_000;

/**
 * The editor of the family's limits: `{ el, fill(), register() }`. `fill` puts the state back
 * into the controls that do not have the keyboard; `register` names the fields the engine's
 * errors about the limits belong to.
 */
export function ownLimitsEditor(app) {
  const limits = () => app.state.limits ?? newLimits(app.card().currency);
  const set = (change) => app.update({ limits: { ...limits(), ...change } });
  const currency = h('select', { onchange: () => set({ currency: currency.value }) });
  const money = {};
  const fields = {};
  for (const [name] of LIMIT_CAPS) {
    const [label, hint] = limitWords(name);
    money[name] = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder: t('calc.limits.none'), class: 'input--short', oninput: () => set({ [name]: keptValue(money[name].value, 'money') }) });
    fields[name] = field({ label, control: money[name], hint, className: `field--limit field--limit-${name}` });
  }
  const warn = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', class: 'input--short', oninput: () => set({ warn: warn.value }) });
  fields.warn = field({ label: t('calc.limits.warn'), control: warn, hint: t('calc.limits.warn_hint'), className: 'field--limit-warn' });
  fields.currency = field({ label: t('calc.limits.currency'), control: currency, className: 'field--limit-currency' });
  const gifting = h('input', { type: 'checkbox', id: 'spending-check-own-gifting', onchange: () => set({ gifting: gifting.checked }) });
  const approval = h('input', { type: 'checkbox', id: 'spending-check-own-approval', onchange: () => set({ approval: approval.checked }) });
  const file = h('input', { type: 'file', accept: 'application/json,.json' });
  const fileField = field({ label: t('calc.limits.load'), control: file, className: 'field--limit-file' });
  const status = h('p', { class: 'own-limits-status', role: 'status' });
  const say = (text, isError = false) => {
    status.textContent = text;
    status.classList.toggle('is-error', isError);
  };

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    try {
      if (chosen.size > MAX_FILE) throw new Error(t('calc.limits.file.too_large'));
      let doc;
      try {
        doc = JSON.parse(await chosen.text());
      } catch (e) {
        throw new Error(t('calc.scenario.store_not_json', { reason: e.message }));
      }
      app.update({ limits: limitsFromRuleSet(doc), rules: OWN_LIMITS }, { sync: true });
      say(t('calc.limits.loaded', { file: chosen.name }));
    } catch (e) {
      say(t('calc.limits.load_failed', { file: chosen.name, reason: e.message }), true);
    } finally {
      file.value = '';
    }
  });

  const save = h('button', {
    type: 'button',
    class: 'button',
    text: t('calc.limits.save'),
    onclick: () => {
      const { ruleSet } = ownRuleSet(limits(), app.fmt.decimalSeparator);
      download('giftsim-my-limits.json', `${JSON.stringify({ ...ruleSet, as_of: new Date().toISOString().slice(0, 10) }, null, 2)}\n`);
      say(t('calc.limits.saved', { file: 'giftsim-my-limits.json' }));
    },
  });

  const el = h(
    'fieldset',
    { class: 'own-limits', dataset: { testid: 'own-limits' } },
    h('legend', { text: t('calc.limits.name') }),
    h('p', { class: 'muted own-limits-intro', text: t('calc.limits.intro') }),
    h('div', { class: 'own-limits-grid' }, fields.currency.el, LIMIT_CAPS.map(([name]) => fields[name].el), fields.warn.el),
    h('div', { class: 'check' }, gifting, h('label', { for: gifting.id, text: t('calc.limits.gifting') })),
    h('div', { class: 'check' }, approval, h('label', { for: approval.id, text: t('calc.limits.approval') })),
    h('div', { class: 'button-row own-limits-files' }, save, fileField.el),
    status,
  );

  let currencyKey = null;
  const fill = () => {
    const l = limits();
    const offered = [...new Set([...app.presets.currencies(), l.currency])];
    const key = JSON.stringify([offered, l.currency]);
    if (key !== currencyKey) {
      currencyKey = key;
      replace(currency, offered.map((c) => h('option', { value: c, text: c })));
    }
    currency.value = l.currency;
    for (const [name] of LIMIT_CAPS) if (!isFocused(money[name])) money[name].value = shownValue(l[name], app.fmt, 'money');
    if (!isFocused(warn)) warn.value = l.warn;
    gifting.checked = l.gifting;
    approval.checked = l.approval;
  };

  /** The engine's paths for the limits: a cap's limit by its place among the caps sent. */
  const register = () => {
    const present = LIMIT_CAPS.filter(([name]) => String(limits()[name] ?? '').trim() !== '');
    for (const q of ['plan', 'gift-check']) {
      present.forEach(([name], j) => app.fields.register(q, `rule_set.brackets[0].caps[${j}]`, fields[name]));
      app.fields.register(q, 'rule_set.currency', fields.currency);
      app.fields.register(q, 'rule_set.warning_thresholds', fields.warn);
    }
  };

  return { el, fill, register };
}
