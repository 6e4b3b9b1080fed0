// What the engine's `plan` answers, drawn for a person: each event's verdict with its rule,
// window and money (a repeating event's occurrences summed up); the plan's totals; and what can
// still be spent. Facts come from the answer's fields and `details` (keyed by `code`), never from
// its English sentences: each check is worded from the catalogue by its code, the engine's own
// sentence shown (marked as English) only for a code the page does not know. Limits are named in
// words ("the weekly limit"), never by their ids.
import { facts, h, replace } from '../../dom.js';
import { sign, sum } from '../../decimal.js';
import { has, t, textLocale } from '../../i18n.js';
import { unitCount } from '../../answers.js';
import { OWN_LIMITS } from '../../state.js';
import { describeWindow, formatStamp, offsetLabel, windowBounds } from '../../time.js';
import { isAuto } from './region.js';

const MARKS = { ok: '✓', warn: '!', block: '✕' };

/** Rules that are not limits, by id: each worded `calc.rule.ID`. */
const RULES = ['min-age', 'guardian-approval', 'cooldown', 'coins', 'no-rules'];

function cap(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "✓ Allowed", "! Warning", "✕ Blocked": text and colour, never colour alone. */
export function badge(level, className = '') {
  const label = has(`calc.verdict.${level}`) ? t(`calc.verdict.${level}`) : level;
  return h('span', { class: `verdict verdict--${level} ${className}`.trim() }, h('span', { class: 'verdict-mark', 'aria-hidden': 'true', text: MARKS[level] ?? '' }), ` ${label}`);
}

/** "✓ 3 allowed", "! 1 warning": how many verdicts of a level. */
export function countBadge(level, n) {
  return h('span', { class: `count count--${level}${n ? '' : ' is-zero'}` }, h('span', { class: 'verdict-mark', 'aria-hidden': 'true', text: MARKS[level] }), ` ${t(`calc.verdict.count.${level}`, { count: n })}`);
}

/** The rule set a check or a limit belongs to: the chosen one, or one of the rules where they live. */
function ruleSetOf(app, id) {
  if (!id) return null;
  const chosen = app.ruleSet();
  if (chosen?.id === id) return chosen;
  return app.presets.ruleSetById.get(id) ?? null;
}

/**
 * A check's sentence, from its code and facts: the page's own where it has a way to act on it
 * (a guardian's approval is a box to tick on the event) or its own words for the family's limits
 * (gifts turned off is a minimum age no one reaches, to the engine; their limits hold for every
 * age). `event` (`{ amount, fmt }`: the amount the rules count, and its formatter) words the
 * amount of an event that passes a limit; `app` gives the rule set's name and currency.
 */
export function checkMessage(check, event, app) {
  const d = check.details ?? {};
  const rs = ruleSetOf(app, check.rule_set);
  const fmt = rs?.currency ? app.format(rs.currency) : event?.fmt ?? app.fmt;
  const money = (m) => fmt.money(m);
  // The event's amount, when it is counted in the currency of this check's limit.
  const amount = event?.amount != null && event.fmt?.currency === fmt.currency ? event.fmt.money(event.amount) : null;
  const action = t(`calc.check.action.${event?.action === 'gift' ? 'gift' : 'buy'}`);
  const region = app.state.region;
  const windowKind = check.window?.kind;
  const span = windowKind ? t(`calc.check.span.${windowKind}`) : '';
  switch (check.code) {
    case 'guardian_approval_required':
      return t('calc.check.msg.approval_needed');
    case 'guardian_approved':
      return t('calc.check.msg.approved');
    case 'age_below_minimum':
      if (check.rule_set === OWN_LIMITS) return t('calc.check.msg.gifts_off');
      return t(region ? 'calc.check.msg.age_block_in' : 'calc.check.msg.age_block', { age: d.age, action, minimum: d.minimum, region, rules: rs?.name ?? check.rule_set });
    case 'age_allowed':
      if (!d.minimum) return t('calc.check.msg.age_ok_any', { age: d.age, action });
      return t(region ? 'calc.check.msg.age_ok_in' : 'calc.check.msg.age_ok', { age: d.age, action, minimum: d.minimum, region });
    case 'cooldown':
      return t('calc.check.msg.cooldown', { minutes: t('calc.check.minutes', { count: d.minutes }), next: formatStamp(d.next_allowed_at, textLocale()) });
    case 'cooldown_passed':
      return t('calc.check.msg.cooldown_passed', { minutes: t('calc.check.minutes', { count: d.minutes }) });
    case 'within_cap':
      return t('calc.check.msg.within', { limit: money(check.limit), span, used: money(check.used), left: money(check.remaining) });
    case 'transaction_cap_exceeded':
      if (check.rule_set === OWN_LIMITS && amount) return t('calc.check.msg.own_top_up', { amount, limit: money(check.limit) });
      return amount ? t('calc.check.msg.transaction', { amount, limit: money(check.limit) }) : t('calc.check.msg.transaction_plain', { limit: money(check.limit) });
    case 'window_cap_exceeded':
      return amount
        ? t('calc.check.msg.window', { amount, span, total: money(sum([check.used, event.amount])), limit: money(check.limit), left: money(check.remaining) })
        : t('calc.check.msg.window_plain', { span, limit: money(check.limit), left: money(check.remaining) });
    case 'soft_cap_exceeded':
      if (windowKind === 'transaction') {
        return amount ? t('calc.check.msg.soft_transaction', { amount, limit: money(check.limit) }) : t('calc.check.msg.soft_transaction_plain', { limit: money(check.limit) });
      }
      return t('calc.check.msg.soft_window', { span, total: money(check.used), limit: money(check.limit) });
    case 'threshold_reached':
      return t('calc.check.msg.threshold', { span, total: money(check.used), limit: money(check.limit), percent: fmt.rate(d.threshold) });
    case 'not_enough_coins':
      return t('calc.check.msg.coins', { count: d.held, needed: unitCount(app.fmt, d.needed), held: app.fmt.count(d.held) });
    case 'no_rules_apply':
      return region ? t('calc.check.msg.no_rules', { region, date: d.date }) : t('calc.check.msg.no_rules_here', { date: d.date });
    default:
      return check.message;
  }
}

/** Whether a check's sentence is the engine's own (English), not the page's. */
export function checkIsEnglish(check) {
  return !['guardian_approval_required', 'guardian_approved', 'age_below_minimum', 'age_allowed', 'cooldown', 'cooldown_passed', 'within_cap', 'transaction_cap_exceeded', 'window_cap_exceeded', 'soft_cap_exceeded', 'threshold_reached', 'not_enough_coins', 'no_rules_apply'].includes(check.code);
}

/** "the weekly limit", "the limit per top-up": a limit's name, from its window and action. */
export function capName(window, action) {
  const key = `calc.cap.name.${action === 'gift' ? 'gift' : 'buy'}.${window}`;
  return has(key) ? t(key) : t(action === 'gift' ? 'calc.cap.name.gift.other' : 'calc.cap.name.buy.other');
}

/** A limit as the rules list it: "CN¥50.00 per top-up (warns only)". */
export function capText(c, fmt) {
  const key = `calc.cap.text.${c.action === 'buy' ? 'buy' : 'gift'}.${c.window}`;
  const text = has(key) ? t(key, { limit: fmt.money(c.limit) }) : `${fmt.money(c.limit)} ${c.window}`;
  return c.enforcement === 'soft' ? t('calc.cap.soft', { limit: text }) : text;
}

/**
 * A rule as a person reads it: "Minimum age", or a limit with its amount and window ("The
 * monthly limit: CN¥200.00 of top-ups per calendar month"); with the rules where the person
 * lives, the rule set it comes from too. `rule` is a check (or a headroom's `limited_by` with its
 * `rule_set` and `window`); `action` is what is being spent on.
 */
function ruleName({ rule, rule_set: setId, window, limit, enforcement }, app, action, { mid = false } = {}) {
  const rs = ruleSetOf(app, setId);
  const from = (name) => (isAuto(app) && rs ? t('calc.rule.from', { rule: name, rules: rs.name }) : name);
  if (RULES.includes(rule)) return from(t(`calc.rule.${mid ? 'mid.' : ''}${rule}`));
  const found = (rs?.brackets ?? []).flatMap((b) => b.caps ?? []).find((c) => c.id === rule);
  const kind = window?.kind ?? found?.window;
  const c = { window: kind, action: found?.action ?? action, limit: limit ?? found?.limit, enforcement: enforcement ?? found?.enforcement };
  const name = mid ? capName(kind, c.action) : cap(capName(kind, c.action));
  if (c.limit == null || !rs) return from(name);
  const fmt = app.format(rs.currency);
  // "The limit per top-up: $10.00" says it all; a window's limit says what it counts.
  const text = kind === 'transaction' ? (c.enforcement === 'soft' ? t('calc.cap.soft', { limit: fmt.money(c.limit) }) : fmt.money(c.limit)) : capText(c, fmt);
  return from(t('calc.rule.limit', { name, limit: text }));
}

/** "$20.00 paid, counted as CN¥142.00 at 1 USD = 7.10 CNY": an amount converted for the rules. */
function amountText(v, fmt, app) {
  if (!v.paid) return fmt.money(v.amount);
  const [from, to] = v.paid.exchange_rate.pair.split('/');
  return t('calc.verdict.converted', { paid: app.format(v.paid.currency).money(v.paid.amount), counted: fmt.money(v.amount), from, to, rate: app.fmt.decimal(v.paid.exchange_rate.rate) });
}

/** A check's sentence as a paragraph or span, marked English when it is the engine's own. */
function said(check, event, app, tag = 'span', props = {}) {
  return h(tag, { ...props, lang: checkIsEnglish(check) ? 'en' : null, text: checkMessage(check, event, app) });
}

/**
 * One verdict in full: the deciding rule and its window (in the person's time), used and left
 * of the limit, the check's sentence, the amount counted (and paid, with the rate), and every
 * rule checked.
 */
export function verdictDetails(v, fmt, app) {
  const locale = textLocale();
  const coins = v.coins != null ? t(v.action === 'gift' && v.gift ? 'calc.verdict.gift_coins' : 'calc.verdict.coins', { count: v.coins }) : null;
  const what = [coins, amountText(v, fmt, app)].filter(Boolean).join(' · ');
  const windowText = v.window && v.window.kind !== 'transaction' ? describeWindow(v.window, locale) : null;
  const bounds = windowBounds(v.window, locale);
  // Used and left say something of a window; of one top-up, the sentence says it.
  const usage = v.limit != null && v.window?.kind !== 'transaction' ? t('calc.verdict.usage', { used: fmt.money(v.used), limit: fmt.money(v.limit), left: fmt.money(v.remaining) }) : null;
  const event = { amount: v.amount, fmt, action: v.action };
  const others = v.checks.filter((c) => !(c.rule === v.rule && c.code === v.code));
  return [
    h('p', { class: 'verdict-line', text: `${formatStamp(v.at, locale)} · ${what}` }),
    h(
      'p',
      { class: 'verdict-rule' },
      h('strong', { text: ruleName(v, app, v.action) }),
      windowText ? h('span', { title: bounds || null, text: ` · ${windowText}` }) : null,
      usage ? h('span', { text: ` · ${usage}` }) : null,
    ),
    said(v, event, app, 'p', { class: 'verdict-message' }),
    bounds ? h('p', { class: 'verdict-bounds muted', text: t('calc.verdict.counted_from', { bounds }) }) : null,
    others.length
      ? h(
          'details',
          { class: 'verdict-checks' },
          h('summary', { text: t('calc.verdict.every_rule', { count: v.checks.length }) }),
          h(
            'ul',
            null,
            v.checks.map((c) => h('li', null, badge(c.verdict), ' ', h('strong', { text: ruleName(c, app, v.action) }), ': ', said(c, event, app))),
          ),
        )
      : null,
  ];
}

const WORST = { ok: 0, warn: 1, block: 2 };

/** The most severe verdict of several: `block`, `warn` or `ok`. */
export function worst(verdicts) {
  return verdicts.reduce((w, v) => (WORST[v.verdict] > WORST[w] ? v.verdict : w), 'ok');
}

/**
 * A repeating event's verdicts summed up: "4 times: 3 allowed, 1 blocked — first blocked on
 * Sat, Dec 26", then the first occurrence that was not simply allowed in full, and every
 * occurrence in a list to open.
 */
export function repeatDetails(verdicts, fmt, app) {
  const locale = textLocale();
  const n = (level) => verdicts.filter((v) => v.verdict === level).length;
  const counts = ['ok', 'warn', 'block'].filter((l) => n(l)).map((l) => t(`calc.repeat.count.${l}`, { count: n(l) }));
  const first = verdicts.find((v) => v.verdict === 'block') ?? verdicts.find((v) => v.verdict === 'warn');
  const day = (v) => formatStamp(v.at, locale, { weekday: 'short', day: 'numeric', month: 'short' });
  const params = { count: verdicts.length, counts: counts.join(t('calc.list.separator')) };
  const summary = first ? t(`calc.repeat.summary_first_${first.verdict}`, { ...params, day: day(first) }) : t('calc.repeat.summary', params);
  const shown = first ?? verdicts[0];
  return [
    h('p', { class: 'repeat-summary', dataset: { testid: 'repeat-summary' }, text: summary }),
    h('div', { class: 'repeat-first' }, verdictDetails(shown, fmt, app)),
    h(
      'details',
      { class: 'verdict-checks repeat-list' },
      h('summary', { text: t('calc.repeat.every_time', { count: verdicts.length }) }),
      h(
        'ul',
        null,
        verdicts.map((v) =>
          h('li', null, badge(v.verdict), ` ${formatStamp(v.at, locale)} · ${amountText(v, fmt, app)}`, v.verdict === 'ok' ? '' : [' · ', said(v, { amount: v.amount, fmt, action: v.action }, app)]),
        ),
      ),
    ),
  ];
}

/**
 * The ages a rule set's limits for `age` are written for, as a phrase ("ages 13 to 17", "every
 * age"), or null when no limits are written for that age.
 */
export function agesText(rs, age) {
  const b = age == null ? null : (rs?.brackets ?? []).find((x) => age >= (x.min_age ?? 0) && (x.max_age == null || age < x.max_age));
  if (!b) return null;
  if (!b.min_age && b.max_age == null) return t('calc.ages.every');
  return b.max_age == null ? t('calc.ages.over', { min: b.min_age ?? 0 }) : t('calc.ages.range', { min: b.min_age ?? 0, max: b.max_age - 1 });
}

/** The plan's totals and the person as the rules see them. */
export function renderSummary(el, app, value, { age, name }) {
  const fmt = app.format(value.rule_set.currency);
  const s = value.summary;
  const headline =
    s.events === 0
      ? t('calc.summary.none')
      : s.block
        ? t('calc.summary.blocked', { count: s.events, blocked: s.block })
        : s.warn
          ? t('calc.summary.warned', { count: s.events, warned: s.warn })
          : t('calc.summary.allowed', { count: s.events });
  const blocks = value.verdicts.filter((v) => v.verdict === 'block');
  const firstBlock = blocks.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
  const p = value.person;
  const rs = app.ruleSet();
  const ages = isAuto(app) || app.state.rules === OWN_LIMITS ? null : agesText(rs, age);
  const zone = p.time_zone.replaceAll('_', ' ');
  const who = t(ages ? 'calc.summary.who_ages' : 'calc.summary.who', { name: name ?? t('calc.summary.young_person'), age: p.age, ages, zone });
  const giftsOff = app.state.rules === OWN_LIMITS && !app.state.limits?.gifting;
  const may = `calc.summary.may.${p.may_buy ? 'buy' : 'no_buy'}.${p.may_gift ? 'gift' : giftsOff ? 'gifts_off' : 'no_gift'}${name ? '_named' : ''}`;
  const when = (v) => formatStamp(v.at, textLocale());
  replace(
    el,
    h('p', { class: 'headline-label', text: isAuto(app) ? t('calc.summary.under_where') : t('calc.summary.under', { rules: value.rule_set.name }) }),
    h('p', { class: `plan-headline${s.block ? ' is-block' : s.warn ? ' is-warn' : ' is-ok'}`, dataset: { testid: 'plan-headline' }, text: headline }),
    h('p', { class: 'plan-counts' }, countBadge('ok', s.ok), countBadge('warn', s.warn), countBadge('block', s.block)),
    facts([
      [t('calc.summary.bought'), fmt.money(s.bought)],
      [t('calc.summary.gifted'), fmt.money(s.gifted)],
      [t('calc.summary.blocked_money'), fmt.money(s.blocked)],
      firstBlock ? [t('calc.summary.first_block'), t('calc.summary.first_block_at', { number: firstBlock.index + 1, when: when(firstBlock) })] : null,
    ]),
    h('p', { class: 'muted plan-who', text: t('calc.summary.person', { who, may: t(may, { name, buy: p.min_age.buy, gift: p.min_age.gift }) }) }),
  );
}

/** What can still be spent before being stopped and before a warning, and what limits it. */
export function renderStill(el, app, value) {
  const fmt = app.format(value.rule_set.currency);
  const c = value.can_still_spend;
  const asked = app.state.now ? 'asked' : value.verdicts.length ? 'after' : 'now';
  const giftsOff = app.state.rules === OWN_LIMITS && !app.state.limits?.gifting;
  const line = (room, action) => {
    if (room.amount == null) return h('span', { class: 'still-amount', text: t('calc.still.no_limit') });
    if (room.limited_by === 'min-age' && sign(room.amount) === 0) {
      if (action === 'gift' && giftsOff) return h('span', { class: 'still-amount is-block', text: t('calc.still.gifts_off') });
      const minimum = value.person.min_age[action];
      return h('span', { class: 'still-amount is-block', text: t('calc.still.under_age', { minimum }) });
    }
    const rule = room.limited_by ? ruleName({ rule: room.limited_by, rule_set: room.rule_set, window: room.window }, app, action, { mid: true }) : '';
    const windowText = room.window && room.window.kind !== 'transaction' ? describeWindow(room.window, textLocale()) : '';
    return [
      h('span', { class: 'still-amount', text: fmt.money(room.amount) }),
      rule ? h('span', { class: 'muted block', text: t('calc.still.set_by', { rule }) }) : null,
      windowText ? h('span', { class: 'muted block', text: t('calc.still.counting', { window: windowText }) }) : null,
      room.next_allowed_at ? h('span', { class: 'muted block', text: t('calc.still.again_from', { when: formatStamp(room.next_allowed_at, textLocale()) }) }) : null,
    ];
  };
  const spend = (title, spendable, action) =>
    h(
      'div',
      { class: 'still-card' },
      h('h4', { text: title }),
      facts([
        [t('calc.still.before_stopped'), line(spendable.without_block, action)],
        [t('calc.still.before_warning'), line(spendable.without_warning, action)],
      ], 'facts facts--stack'),
      spendable.without_block.needs_guardian_approval ? h('p', { class: 'still-note', text: t('calc.still.needs_approval') }) : null,
    );
  replace(
    el,
    h('h3', { class: 'subhead', text: t('calc.still.title') }),
    h('p', { class: 'muted', dataset: { testid: 'still-at' }, text: t(`calc.still.on_${asked}`, { when: formatStamp(c.at, textLocale()), offset: offsetLabel(c.at) }) }),
    h('div', { class: 'still-grid', dataset: { testid: 'still-spend' } }, spend(t('calc.still.top_ups'), c.buy, 'buy'), spend(t('calc.still.gifts'), c.gift, 'gift')),
  );
}
