// What the engine's `plan` answers, drawn for a person: each event's verdict with its rule,
// window and money (a repeating event's occurrences summed up); the plan's totals; and what can
// still be spent. Facts come from the answer's fields and `details` (keyed by `code`), never from
// its English sentences, except where the sentence itself is shown. Limits are named in words
// ("the weekly limit"), never by their ids.
import { facts, h, replace } from '../../dom.js';
import { sign } from '../../decimal.js';
import { OWN_LIMITS } from '../../state.js';
import { WINDOW_PHRASES, describeWindow, formatStamp, offsetLabel, windowBounds } from '../../time.js';
import { isAuto } from './region.js';

const VERDICTS = {
  ok: { label: 'Allowed', mark: '✓' },
  warn: { label: 'Warning', mark: '!' },
  block: { label: 'Blocked', mark: '✕' },
};

/** Rules that are not limits, as a person reads them. */
const RULES = {
  'min-age': 'Minimum age',
  'guardian-approval': 'A guardian’s approval',
  cooldown: 'Time between purchases',
  coins: 'Coins held',
  'no-rules': 'No rules here',
};

function cap(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "✓ Allowed", "! Warning", "✕ Blocked": text and colour, never colour alone. */
export function badge(level, className = '') {
  const v = VERDICTS[level] ?? { label: level, mark: '' };
  return h('span', { class: `verdict verdict--${level} ${className}`.trim() }, h('span', { class: 'verdict-mark', 'aria-hidden': 'true', text: v.mark }), ` ${v.label}`);
}

function countBadge(level, n) {
  const words = { ok: 'allowed', warn: n === 1 ? 'warning' : 'warnings', block: 'blocked' }[level];
  return h('span', { class: `count count--${level}${n ? '' : ' is-zero'}` }, h('span', { class: 'verdict-mark', 'aria-hidden': 'true', text: VERDICTS[level].mark }), ` ${n} ${words}`);
}

/**
 * A check's sentence on the page: the engine's, except where the page has its own way to act
 * on it (a guardian's approval is a box to tick on the event) or its own words for the family's
 * limits (gifts turned off is a minimum age no one reaches, to the engine; their limits hold
 * for every age). `event` (`{ amount, fmt }`: the amount the rules count) words a limit passed.
 */
export function checkMessage(check, event) {
  if (check.code === 'guardian_approval_required') {
    return 'This purchase needs a guardian’s approval, and it has none. Tick “Guardian approved” on the event once a guardian approves.';
  }
  if (check.rule_set === OWN_LIMITS && check.code === 'age_below_minimum') return 'Sending gifts is turned off in your own limits.';
  if (check.rule_set === OWN_LIMITS && check.code === 'transaction_cap_exceeded' && event && check.limit != null) {
    return `${event.fmt.money(event.amount)} is more than the ${event.fmt.money(check.limit)} your own limits allow in one top-up.`;
  }
  return check.message;
}

/** "the weekly limit", "the limit per top-up": a limit's name, from its window and action. */
export function capName(window, action) {
  const gifts = action === 'gift';
  const on = gifts ? ' on gifts and tips' : '';
  return {
    transaction: gifts ? 'the limit per gift or tip' : 'the limit per top-up',
    calendar_day: `the daily limit${on}`,
    calendar_week: `the weekly limit${on}`,
    calendar_month: `the monthly limit${on}`,
    rolling_24h: `the limit for any 24 hours${on}`,
    rolling_7d: `the limit for any 7 days${on}`,
    rolling_30d: `the limit for any 30 days${on}`,
  }[window] ?? `a limit${on}`;
}

/** "per top-up", "of top-ups per calendar day": what a limit counts. */
function capPhrase(c) {
  if (c.window === 'transaction') return c.action === 'buy' ? 'per top-up' : 'per gift or tip';
  return `${c.action === 'buy' ? 'of top-ups' : 'of gifts and tips'} ${WINDOW_PHRASES[c.window] ?? c.window}`;
}

/** A limit as the rules list it: "CN¥50.00 per top-up (warns only)". */
export function capText(c, fmt) {
  return `${fmt.money(c.limit)} ${capPhrase(c)}${c.enforcement === 'soft' ? ' (warns only)' : ''}`;
}

/** The rule set a check or a limit belongs to: the chosen one, or one of the rules where they live. */
function ruleSetOf(app, id) {
  if (!id) return null;
  const chosen = app.ruleSet();
  if (chosen?.id === id) return chosen;
  return app.presets.ruleSetById.get(id) ?? null;
}

/**
 * A rule as a person reads it: "Minimum age", or a limit with its amount and window ("The
 * monthly limit: CN¥200.00 of top-ups per calendar month"); with the rules where the person
 * lives, the rule set it comes from too. `rule` is a check (or a headroom's `limited_by` with its
 * `rule_set` and `window`); `action` is what is being spent on.
 */
function ruleName({ rule, rule_set: setId, window, limit, enforcement }, app, action) {
  const rs = ruleSetOf(app, setId);
  const from = isAuto(app) && rs ? ` (${rs.name})` : '';
  if (RULES[rule]) return `${RULES[rule]}${from}`;
  const found = (rs?.brackets ?? []).flatMap((b) => b.caps ?? []).find((c) => c.id === rule);
  const kind = window?.kind ?? found?.window;
  const c = { window: kind, action: found?.action ?? action, limit: limit ?? found?.limit, enforcement: enforcement ?? found?.enforcement };
  const name = capName(kind, c.action);
  if (c.limit == null || !rs) return `${cap(name)}${from}`;
  const fmt = app.format(rs.currency);
  // "The limit per top-up: $10.00" says it all; a window's limit says what it counts.
  const text = kind === 'transaction' ? `${fmt.money(c.limit)}${c.enforcement === 'soft' ? ' (warns only)' : ''}` : capText(c, fmt);
  return `${cap(name)}: ${text}${from}`;
}

/** "$20.00 paid, counted as CN¥142.00 at 1 USD = 7.10 CNY": an amount converted for the rules. */
function amountText(v, fmt, app) {
  if (!v.paid) return fmt.money(v.amount);
  const [from, to] = v.paid.exchange_rate.pair.split('/');
  const rate = `1 ${from} = ${app.fmt.decimal(v.paid.exchange_rate.rate)} ${to}`;
  return `${app.format(v.paid.currency).money(v.paid.amount)} paid, counted as ${fmt.money(v.amount)} at ${rate}`;
}

/**
 * One verdict in full: the deciding rule and its window (in the person's time), used and left
 * of the limit, the engine's sentence, the amount counted (and paid, with the rate), and every
 * rule checked.
 */
export function verdictDetails(v, fmt, app) {
  const locale = app.state.locale;
  const what = [
    v.coins != null ? `${app.fmt.count(v.coins)} ${v.action === 'gift' && v.gift ? (v.coins === 1 ? 'coin of gifts' : 'coins of gifts') : v.coins === 1 ? 'coin' : 'coins'}` : null,
    amountText(v, fmt, app),
  ].filter(Boolean).join(' · ');
  const windowText = v.window && v.window.kind !== 'transaction' ? describeWindow(v.window, locale) : null;
  const bounds = windowBounds(v.window, locale);
  // Used and left say something of a window; of one top-up, the sentence says it.
  const usage = v.limit != null && v.window?.kind !== 'transaction' ? `${fmt.money(v.used)} of ${fmt.money(v.limit)} used, ${fmt.money(v.remaining)} left` : null;
  const event = { amount: v.amount, fmt };
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
    h('p', { class: 'verdict-message', text: checkMessage(v, event) }),
    bounds ? h('p', { class: 'verdict-bounds muted', text: `Counted from ${bounds}` }) : null,
    others.length
      ? h(
          'details',
          { class: 'verdict-checks' },
          h('summary', { text: `Every rule checked (${v.checks.length})` }),
          h(
            'ul',
            null,
            v.checks.map((c) => h('li', null, badge(c.verdict), ' ', h('strong', { text: ruleName(c, app, v.action) }), `: ${checkMessage(c, event)}`)),
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
  const locale = app.state.locale;
  const n = (level) => verdicts.filter((v) => v.verdict === level).length;
  const counts = [['ok', 'allowed'], ['warn', 'with a warning'], ['block', 'blocked']].filter(([l]) => n(l)).map(([l, w]) => `${n(l)} ${w}`);
  const first = verdicts.find((v) => v.verdict === 'block') ?? verdicts.find((v) => v.verdict === 'warn');
  const day = (v) => formatStamp(v.at, locale, { weekday: 'short', day: 'numeric', month: 'short' });
  const firstText = first ? ` — first ${first.verdict === 'block' ? 'blocked' : 'warning'} on ${day(first)}` : '';
  const shown = first ?? verdicts[0];
  return [
    h('p', { class: 'repeat-summary', dataset: { testid: 'repeat-summary' }, text: `${verdicts.length} times: ${counts.join(', ')}${firstText}` }),
    h('div', { class: 'repeat-first' }, verdictDetails(shown, fmt, app)),
    h(
      'details',
      { class: 'verdict-checks repeat-list' },
      h('summary', { text: `Every time (${verdicts.length})` }),
      h(
        'ul',
        null,
        verdicts.map((v) => h('li', null, badge(v.verdict), ` ${formatStamp(v.at, locale)} · ${amountText(v, fmt, app)}`, v.verdict === 'ok' ? '' : ` · ${checkMessage(v, { amount: v.amount, fmt })}`)),
      ),
    ),
  ];
}

/** "for ages 13 to 17", "for every age": the ages a rule set's limits for `age` are written for. */
export function agesText(rs, age) {
  const b = age == null ? null : (rs?.brackets ?? []).find((x) => age >= (x.min_age ?? 0) && (x.max_age == null || age < x.max_age));
  if (!b) return null;
  if (!b.min_age && b.max_age == null) return 'for every age';
  return b.max_age == null ? `for ages ${b.min_age ?? 0} and over` : `for ages ${b.min_age ?? 0} to ${b.max_age - 1}`;
}

/** The plan's totals and the person as the rules see them. */
export function renderSummary(el, app, value, { age, name }) {
  const fmt = app.format(value.rule_set.currency);
  const s = value.summary;
  const events = (n) => `${n} ${n === 1 ? 'event' : 'events'}`;
  const headline =
    s.events === 0
      ? 'No events in the plan'
      : s.block
        ? `${s.block} of ${events(s.events)} blocked`
        : s.warn
          ? `All ${s.events} allowed, ${s.warn} with a warning`
          : `All ${events(s.events)} allowed`;
  const blocks = value.verdicts.filter((v) => v.verdict === 'block');
  const firstBlock = blocks.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
  const p = value.person;
  const rs = app.ruleSet();
  const ages = isAuto(app) || app.state.rules === OWN_LIMITS ? null : agesText(rs, age);
  const who = `${name ?? 'The young person'}: age ${p.age}; ${ages ? `the limits ${ages} apply; ` : ''}days are counted in ${p.time_zone.replaceAll('_', ' ')}.`;
  const giftsOff = app.state.rules === OWN_LIMITS && !app.state.limits?.gifting;
  const may = [
    p.may_buy ? 'may buy coins' : `may not buy coins (from age ${p.min_age.buy})`,
    p.may_gift ? 'may send gifts' : giftsOff ? 'may not send gifts (turned off in your limits)' : `may not send gifts (from age ${p.min_age.gift})`,
  ].join(' and ');
  const when = (v) => formatStamp(v.at, app.state.locale);
  replace(
    el,
    h('p', { class: 'headline-label', text: `Under ${isAuto(app) ? 'the rules where they live' : value.rule_set.name}` }),
    h('p', { class: `plan-headline${s.block ? ' is-block' : s.warn ? ' is-warn' : ' is-ok'}`, dataset: { testid: 'plan-headline' }, text: headline }),
    h('p', { class: 'plan-counts' }, countBadge('ok', s.ok), countBadge('warn', s.warn), countBadge('block', s.block)),
    facts([
      ['Top-ups allowed', fmt.money(s.bought)],
      ['Gifts and tips allowed', fmt.money(s.gifted)],
      ['Blocked', fmt.money(s.blocked)],
      firstBlock ? ['First blocked', `Event ${firstBlock.index + 1}, ${when(firstBlock)}`] : null,
    ]),
    h('p', { class: 'muted plan-who', text: `${who} ${name ?? 'They'} ${may}.` }),
  );
}

/** What can still be spent before being stopped and before a warning, and what limits it. */
export function renderStill(el, app, value) {
  const fmt = app.format(value.rule_set.currency);
  const c = value.can_still_spend;
  const asked = app.state.now ? 'at the time asked' : value.verdicts.length ? 'right after the last event' : 'now';
  const giftsOff = app.state.rules === OWN_LIMITS && !app.state.limits?.gifting;
  const line = (room, action) => {
    if (room.amount == null) return h('span', { class: 'still-amount', text: 'no limit' });
    if (room.limited_by === 'min-age' && sign(room.amount) === 0) {
      if (action === 'gift' && giftsOff) return h('span', { class: 'still-amount is-block', text: 'Nothing: gifts are turned off' });
      const minimum = value.person.min_age[action];
      return h('span', { class: 'still-amount is-block', text: `Nothing: not allowed under ${minimum}` });
    }
    const rule = room.limited_by ? ruleName({ rule: room.limited_by, rule_set: room.rule_set, window: room.window }, app, action) : '';
    const windowText = room.window && room.window.kind !== 'transaction' ? describeWindow(room.window, app.state.locale) : '';
    return [
      h('span', { class: 'still-amount', text: fmt.money(room.amount) }),
      rule ? h('span', { class: 'muted block', text: `Set by ${rule.charAt(0).toLowerCase()}${rule.slice(1)}.` }) : null,
      windowText ? h('span', { class: 'muted block', text: `Counting ${windowText}.` }) : null,
      room.next_allowed_at ? h('span', { class: 'muted block', text: `Again from ${formatStamp(room.next_allowed_at, app.state.locale)}` }) : null,
    ];
  };
  const spend = (title, spendable, action) =>
    h(
      'div',
      { class: 'still-card' },
      h('h4', { text: title }),
      facts([
        ['Can still spend before being stopped', line(spendable.without_block, action)],
        ['Can still spend before a warning', line(spendable.without_warning, action)],
      ], 'facts facts--stack'),
      spendable.without_block.needs_guardian_approval ? h('p', { class: 'still-note', text: 'Each top-up also needs a guardian’s approval.' }) : null,
    );
  replace(
    el,
    h('h3', { class: 'subhead', text: 'What can still be spent' }),
    h('p', { class: 'muted', dataset: { testid: 'still-at' }, text: `On ${formatStamp(c.at, app.state.locale)} (${offsetLabel(c.at)}), ${asked}.` }),
    h('div', { class: 'still-grid', dataset: { testid: 'still-spend' } }, spend('Top-ups', c.buy, 'buy'), spend('Gifts and tips', c.gift, 'gift')),
  );
}
