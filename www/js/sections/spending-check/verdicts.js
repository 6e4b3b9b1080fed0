// What the engine's `plan` answers, drawn for a person: each event's verdict with its rule,
// window and money; the plan's totals; and what can still be spent. Facts come from the
// answer's fields and `details` (keyed by `code`), never from its English sentences, except
// where the sentence itself is shown.
import { facts, h, replace } from '../../dom.js';
import { sign } from '../../decimal.js';
import { WINDOW_PHRASES, describeWindow, formatStamp, offsetLabel, windowBounds } from '../../time.js';

const VERDICTS = {
  ok: { label: 'Allowed', mark: '✓' },
  warn: { label: 'Warning', mark: '!' },
  block: { label: 'Blocked', mark: '✕' },
};

/** Rules that are not caps, as a person reads them. */
const RULES = {
  'min-age': 'Minimum age',
  'guardian-approval': 'Guardian approval',
  cooldown: 'Time between purchases',
  coins: 'Coins held',
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
 * on it (a guardian's approval is a box to tick on the event).
 */
export function checkMessage(check) {
  if (check.code === 'guardian_approval_required') {
    return `${check.message} Tick “Guardian approved” on the event once a guardian approves.`;
  }
  return check.message;
}

/** "per top-up", "of gifts per calendar day": what a cap's limit counts. */
function capPhrase(c) {
  if (c.window === 'transaction') return c.action === 'buy' ? 'per top-up' : 'per gift or tip';
  return `${c.action === 'buy' ? 'of top-ups' : 'of gifts and tips'} ${WINDOW_PHRASES[c.window] ?? c.window}`;
}

/** A cap as the rule set card lists it: "CN¥50.00 per top-up (warns only)". */
export function capText(c, fmt) {
  return `${fmt.money(c.limit)} ${capPhrase(c)}${c.enforcement === 'soft' ? ' (warns only)' : ''}`;
}

/**
 * A rule as a person reads it: "Minimum age", or a cap with its limit and window
 * ("the “monthly” cap, CN¥200.00 per calendar month"), found in the person's bracket.
 */
function ruleName(rule, app, person) {
  if (RULES[rule]) return RULES[rule];
  const rs = app.ruleSet();
  const bracketId = person?.bracket?.split(' ')[0];
  const brackets = rs?.brackets ?? [];
  const found = [...brackets.filter((b) => b.id === bracketId), ...brackets].flatMap((b) => b.caps ?? []).find((c) => c.id === rule);
  if (!found) return `the “${rule}” cap`;
  return `the “${rule}” cap, ${capText(found, app.format(rs.currency))}`;
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
 * of the cap, the engine's sentence, the amount counted (and paid, with the rate), and every
 * rule checked.
 */
export function verdictDetails(v, fmt, app, person) {
  const locale = app.state.locale;
  const what = [
    v.coins != null ? `${app.fmt.count(v.coins)} ${v.action === 'gift' && v.gift ? (v.coins === 1 ? 'coin of gifts' : 'coins of gifts') : v.coins === 1 ? 'coin' : 'coins'}` : null,
    amountText(v, fmt, app),
  ].filter(Boolean).join(' · ');
  const windowText = v.window && v.window.kind !== 'transaction' ? describeWindow(v.window, locale) : null;
  const bounds = windowBounds(v.window, locale);
  const usage = v.limit != null ? `${fmt.money(v.used)} of ${fmt.money(v.limit)} used, ${fmt.money(v.remaining)} left` : null;
  const others = v.checks.filter((c) => !(c.rule === v.rule && c.code === v.code));
  return [
    h('p', { class: 'verdict-line', text: `${formatStamp(v.at, locale)} · ${what}` }),
    h(
      'p',
      { class: 'verdict-rule' },
      h('strong', { text: cap(ruleName(v.rule, app, person)) }),
      windowText ? h('span', { title: bounds || null, text: ` · ${windowText}` }) : null,
      usage ? h('span', { text: ` · ${usage}` }) : null,
    ),
    h('p', { class: 'verdict-message', text: checkMessage(v) }),
    bounds ? h('p', { class: 'verdict-bounds muted', text: `Window: ${bounds}` }) : null,
    others.length
      ? h(
          'details',
          { class: 'verdict-checks' },
          h('summary', { text: `Every rule checked (${v.checks.length})` }),
          h(
            'ul',
            null,
            v.checks.map((c) => h('li', null, badge(c.verdict), ' ', h('strong', { text: cap(ruleName(c.rule, app, person)) }), `: ${checkMessage(c)}`)),
          ),
        )
      : null,
  ];
}

/** The plan's totals and the person as the rules see them. */
export function renderSummary(el, app, value) {
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
  const firstBlock = s.first_block != null ? value.verdicts.find((v) => v.index === s.first_block) : null;
  const p = value.person;
  const who = `Age ${p.age}${p.region ? ` in ${p.region}` : ''}${p.bracket ? `, bracket ${p.bracket}` : ''}; days counted in ${p.time_zone}.`;
  const may = [
    p.may_buy ? 'may buy coins' : `may not buy coins (minimum ${p.min_age.buy})`,
    p.may_gift ? 'may send gifts' : `may not send gifts (minimum ${p.min_age.gift})`,
  ].join(', ');
  replace(
    el,
    h('p', { class: 'headline-label', text: `Under ${value.rule_set.name}` }),
    h('p', { class: `plan-headline${s.block ? ' is-block' : s.warn ? ' is-warn' : ' is-ok'}`, dataset: { testid: 'plan-headline' }, text: headline }),
    h('p', { class: 'plan-counts' }, countBadge('ok', s.ok), countBadge('warn', s.warn), countBadge('block', s.block)),
    facts([
      ['Top-ups allowed', fmt.money(s.bought)],
      ['Gifts and tips allowed', fmt.money(s.gifted)],
      ['Blocked', fmt.money(s.blocked)],
      firstBlock ? ['First block', `Event ${firstBlock.index + 1}, ${formatStamp(firstBlock.at, app.state.locale)}`] : null,
    ]),
    h('p', { class: 'muted plan-who', text: `${who} This person ${may}.` }),
  );
}

/** What can still be spent without a block and without a warning, and what limits it. */
export function renderStill(el, app, value) {
  const fmt = app.format(value.rule_set.currency);
  const c = value.can_still_spend;
  const asked = app.state.now ? 'at the time asked' : value.verdicts.length ? 'right after the last event' : 'now';
  const line = (room, what) => {
    if (room.amount == null) return h('span', { class: 'still-amount', text: 'no cap' });
    if (room.limited_by === 'min-age' && sign(room.amount) === 0) {
      const minimum = value.person.min_age[what === 'Buying' ? 'buy' : 'gift'];
      return h('span', { class: 'still-amount is-block', text: `Not allowed under ${minimum}` });
    }
    const rule = room.limited_by ? ruleName(room.limited_by, app, value.person) : '';
    const windowText = room.window && room.window.kind !== 'transaction' ? ` (${describeWindow(room.window, app.state.locale)})` : '';
    return [
      h('span', { class: 'still-amount', text: fmt.money(room.amount) }),
      rule ? h('span', { class: 'muted block', text: `limited by ${rule}${windowText}` }) : null,
      room.next_allowed_at ? h('span', { class: 'muted block', text: `${what} again from ${formatStamp(room.next_allowed_at, app.state.locale)}` }) : null,
    ];
  };
  const action = (title, spendable, what) =>
    h(
      'div',
      { class: 'still-card' },
      h('h4', { text: title }),
      facts([
        ['Without a block', line(spendable.without_block, what)],
        ['Without any warning', line(spendable.without_warning, what)],
      ], 'facts facts--stack'),
      spendable.without_block.needs_guardian_approval ? h('p', { class: 'still-note', text: 'Each purchase also needs a guardian’s approval.' }) : null,
    );
  replace(
    el,
    h('h3', { class: 'subhead', text: 'What can still be spent' }),
    h('p', { class: 'muted', dataset: { testid: 'still-at' }, text: `On ${formatStamp(c.at, app.state.locale)} (${offsetLabel(c.at)}), ${asked}.` }),
    h('div', { class: 'still-grid', dataset: { testid: 'still-spend' } }, action('Top-ups', c.buy, 'Buying'), action('Gifts and tips', c.gift, 'Gifting')),
  );
}
