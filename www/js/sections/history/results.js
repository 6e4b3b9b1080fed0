// What the import and the plan say about a family's history, drawn: how much was spent and how
// sure each figure is, the rules' verdicts, a timeline, the first time each rule was broken,
// totals per week and month, every event, and the CSV to download. Everything is built from
// the answers' fields; the engine's sentences are shown as they are.
import { h, replace, table } from '../../dom.js';
import { formatStamp } from '../../time.js';
import { download } from '../../scenarios.js';
import { badge, capText } from '../spending-check/verdicts.js';
import { drawTimeline, timeline } from './chart.js';
import { BASIS_WORDS, historyCsv, whatText } from './csv.js';
import { firstBreaches, historyRows, moneyTotals, totalsBy } from './periods.js';

/** Rules that are not caps, as a person reads them. */
const RULES = {
  'min-age': 'Minimum age',
  'guardian-approval': 'Guardian approval',
  cooldown: 'Time between purchases',
  coins: 'Coins held',
};

/** Events shown at once in the list (more on request). */
const PAGE = 100;

/** "Coins held", "the “monthly” cap": a rule's short name (the CSV's). */
function shortRule(rule) {
  return RULES[rule] ?? `the “${rule}” cap`;
}

/** A rule with its limit as the check states it: "the “monthly” cap, CN¥200.00 of top-ups per calendar month". */
function ruleWithLimit(check, row, app, currency) {
  if (RULES[check.rule] || check.limit == null) return shortRule(check.rule);
  const cap = { limit: check.limit, window: check.window?.kind ?? 'transaction', action: row.kind === 'buy' ? 'buy' : 'gift' };
  return `the “${check.rule}” cap, ${capText(cap, app.format(currency))}`;
}

const upper = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** "$40.00 + £5.00" for money in several currencies. */
function moneyText(app, totals) {
  return totals.length ? totals.map((t) => app.format(t.currency).money(t.amount)).join(' + ') : app.format().money('0');
}

function basisBadge(basis) {
  return h('span', { class: `badge history-basis history-basis--${basis}`, text: BASIS_WORDS[basis] ?? basis ?? '—' });
}

const dayLabel = (day, locale, options = { dateStyle: 'medium' }) => formatStamp(`${day}T00:00:00Z`, locale, options);

/**
 * Draws the history into `el`: `answer` is the import's, `value` the plan's answer for its
 * plan, `sources` the files read.
 */
export function drawResults(el, app, { answer, value, sources }) {
  const locale = app.state.locale;
  const rows = historyRows(answer, value);
  if (!rows.length) {
    replace(
      el,
      h('div', { class: 'result history-summary' },
        h('p', { class: 'plan-headline is-ok', dataset: { testid: 'history-headline' }, text: 'No coin purchases or gifts in this export' }),
        h('p', { class: 'muted', text: 'The TikTok file lists none: its purchase and gift lists are empty. If coins were bought, check that the export is the right account’s and includes “Activity”.' }),
        notes(answer),
      ),
    );
    return;
  }
  const buys = rows.filter((r) => r.kind === 'buy');
  const gifts = rows.filter((r) => r.kind === 'gift');
  const spent = moneyTotals(buys.map((r) => r.money));
  const basisCount = (b) => buys.filter((r) => r.basis === b).length;
  const estimated = basisCount('estimate');
  const rulesCurrency = value.rule_set.currency;
  const s = value.summary;
  const n = (count, one, many) => `${app.fmt.count(count)} ${count === 1 ? one : many}`;
  const csvName = `tiktok-spending-${rows[0].day}-to-${rows.at(-1).day}.csv`;

  const headline = h(
    'div',
    { class: 'result history-summary', tabindex: '-1', dataset: { testid: 'history-summary' } },
    h('p', { class: 'headline-label', text: `${formatStamp(rows[0].at, locale, { dateStyle: 'medium' })} to ${formatStamp(rows.at(-1).at, locale, { dateStyle: 'medium' })}, in ${value.person.time_zone.replaceAll('_', ' ')} time` }),
    h('p', { class: 'headline', dataset: { testid: 'history-spent' }, text: `${estimated ? 'About ' : ''}${moneyText(app, spent)}` }),
    h('p', { class: 'headline-sub', text: `spent on ${n(buys.length, 'coin top-up', 'coin top-ups')} (${n(buys.reduce((t, r) => t + (r.coins ?? 0), 0), 'coin', 'coins')}); ${n(gifts.length, 'gift', 'gifts')} sent (${n(gifts.reduce((t, r) => t + (r.coins ?? 0), 0), 'coin', 'coins')}).` }),
    buys.length
      ? h(
          'p',
          { class: 'history-basis-line' },
          'Where the amounts come from: ',
          [
            ['invoice', 'from Google Play invoices'],
            ['export', 'as written in the TikTok file'],
            ['estimate', `estimated from the prices of “${app.card().name ?? 'the chosen rate card'}”`],
          ]
            .filter(([b]) => basisCount(b))
            .map(([b, words], i) => [i ? '; ' : '', h('strong', { text: app.fmt.count(basisCount(b)) }), ` ${words}`]),
          '.',
        )
      : null,
    h('p', { class: 'headline-label history-under', text: `Under ${value.rule_set.name}` }),
    h(
      'p',
      { class: 'plan-counts', dataset: { testid: 'history-counts' } },
      countBadge('ok', s.ok),
      countBadge('warn', s.warn),
      countBadge('block', s.block),
    ),
    notes(answer),
    h(
      'div',
      { class: 'button-row' },
      h('button', {
        type: 'button',
        class: 'button button--primary',
        text: 'Download as CSV',
        onclick: () => download(csvName, historyCsv(rows, shortRule), 'text/csv;charset=utf-8'),
      }),
      h('span', { class: 'muted history-csv-hint', text: 'One line per purchase or gift, for a refund request or your records.' }),
    ),
  );

  // The timeline, in the currency most of the money was paid in (else the rules').
  const amountOf = spent.length === 1 ? (r) => r.money : (r) => r.counted;
  const chartCurrency = spent.length === 1 ? spent[0].currency : rulesCurrency;
  const bars = timeline(rows, chartCurrency, amountOf);
  const byWords = { day: 'day', week: 'week', month: 'month' };
  const canvas = bars ? h('canvas', { role: 'img', 'aria-label': `Chart: money spent on coins per ${byWords[bars.by]}, split into allowed, warning and blocked. The figures are in the tables below.` }) : null;
  const chart = bars
    ? h(
        'div',
        { class: 'history-chart-block' },
        h('h3', { class: 'subhead', text: `Money spent on coins, per ${byWords[bars.by]}` }),
        h('div', { class: 'chart history-chart' }, canvas),
      )
    : null;

  const totals = h('div', { class: 'history-totals' });
  const events = h('div', { class: 'history-events' });
  replace(
    el,
    headline,
    chart,
    h('h3', { class: 'subhead', text: 'When each rule first warned or blocked' }),
    breaches(rows, app, rulesCurrency),
    totals,
    events,
  );
  drawTotals(totals, rows, app, 'month');
  drawEvents(events, rows, app, { onlyBreaches: false, shown: PAGE });
  if (bars) {
    const label = (p) => (bars.by === 'month' ? dayLabel(p, locale, { month: 'short', year: 'numeric' }) : dayLabel(p, locale, { day: 'numeric', month: 'short' }));
    drawTimeline(canvas, bars, { fmt: app.format(chartCurrency), label });
  }
}

function countBadge(level, count) {
  const words = { ok: 'allowed', warn: count === 1 ? 'warning' : 'warnings', block: 'blocked' }[level];
  const mark = { ok: '✓', warn: '!', block: '✕' }[level];
  return h('span', { class: `count count--${level}${count ? '' : ' is-zero'}` }, h('span', { class: 'verdict-mark', 'aria-hidden': 'true', text: mark }), ` ${count} ${words}`);
}

/** The import's caveats, in its own words. */
function notes(answer) {
  const list = answer.notes ?? [];
  return list.length ? h('ul', { class: 'history-notes' }, list.map((t) => h('li', { text: t }))) : null;
}

/** One card per rule that warned or blocked: when it first did, on what, and why. */
function breaches(rows, app, currency) {
  const locale = app.state.locale;
  const found = firstBreaches(rows);
  if (!found.length) return h('p', { class: 'history-clean', dataset: { testid: 'history-breaches' }, text: 'None: every purchase and gift was within the rules.' });
  const first = (level, x) => {
    if (!x) return null;
    const { row, check } = x;
    const amount = row.money ?? row.counted;
    return h(
      'div',
      { class: `history-breach-first is-${level}` },
      h('p', { class: 'history-breach-when' }, badge(level), ` ${formatStamp(row.at, locale)}`),
      h('p', { class: 'history-breach-what', text: `${whatText(row)}${row.coins != null ? `, ${app.fmt.count(row.coins)} coins` : ''}${amount ? `, ${app.format(amount.currency).money(amount.amount)}` : ''}` }),
      h('p', { class: 'history-why', text: check.message }),
    );
  };
  return h(
    'ul',
    { class: 'history-breaches', dataset: { testid: 'history-breaches' } },
    found.map((b) => {
      const any = b.block ?? b.warn;
      return h(
        'li',
        { class: 'history-breach' },
        h('p', { class: 'history-breach-rule' }, h('strong', { text: upper(ruleWithLimit(any.check, any.row, app, currency)) }), h('span', { class: 'muted', text: ` · ${b.count === 1 ? 'on 1 event' : `on ${app.fmt.count(b.count)} events`}` })),
        first('warn', b.warn),
        first('block', b.block),
      );
    }),
  );
}

/** Totals per week or per month, with a choice between them. */
function drawTotals(el, rows, app, by) {
  const locale = app.state.locale;
  const name = 'history-totals-by';
  const radio = (value, text) => {
    const input = h('input', { type: 'radio', name, id: `${name}-${value}`, value, checked: value === by, onchange: () => drawTotals(el, rows, app, value) });
    return h('span', { class: 'radio' }, input, h('label', { for: input.id, text }));
  };
  const hadFocus = el.contains(el.getRootNode().activeElement);
  const totals = totalsBy(rows, by);
  replace(
    el,
    h('h3', { class: 'subhead', text: by === 'month' ? 'Totals per month' : 'Totals per week' }),
    h('fieldset', { class: 'choices' }, h('legend', { class: 'sr-only', text: 'Totals by' }), radio('month', 'Per month'), radio('week', 'Per week (from Monday)')),
    table({
      caption: by === 'month' ? 'Each calendar month with purchases or gifts' : 'Each week (Monday to Sunday) with purchases or gifts',
      head: [by === 'month' ? 'Month' : 'Week from', 'Top-ups', 'Spent', 'Gifts', 'Verdicts'],
      numeric: [1, 2, 3],
      className: 'table history-totals-table',
      scrollHint: true,
      rows: totals.map((t) => ({
        className: t.block ? 'is-block' : t.warn ? 'is-warn' : null,
        cells: [
          by === 'month' ? dayLabel(t.start, locale, { month: 'short', year: 'numeric' }) : dayLabel(t.start, locale, { day: 'numeric', month: 'short', year: 'numeric' }),
          [app.fmt.count(t.buys), h('span', { class: 'history-sub', text: `${app.fmt.count(t.coinsBought)} coins` })],
          t.money.length ? `${t.estimated ? '≈ ' : ''}${moneyText(app, t.money)}` : '—',
          [app.fmt.count(t.gifts), h('span', { class: 'history-sub', text: `${app.fmt.count(t.coinsSent)} coins` })],
          t.warn || t.block
            ? [t.block ? h('span', { class: 'history-count is-block', text: `${app.fmt.count(t.block)} blocked` }) : null, t.warn ? h('span', { class: 'history-count is-warn', text: `${app.fmt.count(t.warn)} ${t.warn === 1 ? 'warning' : 'warnings'}` }) : null]
            : h('span', { class: 'muted', text: 'all allowed' }),
        ],
      })),
    }),
    totals.some((t) => t.estimated) ? h('p', { class: 'muted history-footnote', text: '≈: includes estimated amounts.' }) : null,
  );
  if (hadFocus) el.querySelector(`#${name}-${by}`)?.focus();
}

/** Every event (or only those warned or blocked), a page at a time. */
function drawEvents(el, rows, app, { onlyBreaches, shown }) {
  const locale = app.state.locale;
  const list = onlyBreaches ? rows.filter((r) => r.verdict === 'warn' || r.verdict === 'block') : rows;
  const visible = list.slice(0, shown);
  const filter = h('input', { type: 'checkbox', id: 'history-only-breaches', checked: onlyBreaches, onchange: () => drawEvents(el, rows, app, { onlyBreaches: filter.checked, shown: PAGE }) });
  const hadFilterFocus = el.getRootNode().activeElement?.id === 'history-only-breaches';
  replace(
    el,
    h('h3', { class: 'subhead', text: 'Every purchase and gift' }),
    h('div', { class: 'check history-filter' }, filter, h('label', { for: filter.id, text: 'Only those with a warning or a block' })),
    list.length
      ? table({
          caption: `${list.length === rows.length ? 'All' : app.fmt.count(list.length)} of ${app.fmt.count(rows.length)} purchases and gifts, oldest first`,
          head: ['When and what', 'Money', 'Verdict'],
          numeric: [1],
          className: 'table history-events-table',
          scrollHint: true,
          rows: visible.map((r) => ({
            className: r.verdict ? `is-${r.verdict}` : null,
            cells: [
              [
                h('span', { class: 'history-when', text: formatStamp(r.at, locale) }),
                h('span', { class: 'history-sub', text: `${whatText(r)}${r.coins != null ? ` · ${app.fmt.count(r.coins)} ${r.coins === 1 ? 'coin' : 'coins'}` : ''}` }),
              ],
              r.money ? [app.format(r.money.currency).money(r.money.amount), h('span', { class: 'history-sub' }, basisBadge(r.basis))] : '—',
              r.verdict ? [badge(r.verdict), r.verdict !== 'ok' ? h('span', { class: 'history-why', text: r.message }) : null] : '—',
            ],
          })),
        })
      : h('p', { class: 'empty', text: 'None: no purchase or gift had a warning or a block.' }),
    list.length > visible.length
      ? h('button', {
          type: 'button',
          class: 'button',
          text: `Show ${app.fmt.count(Math.min(PAGE, list.length - visible.length))} more (of ${app.fmt.count(list.length - visible.length)} left)`,
          onclick: () => {
            drawEvents(el, rows, app, { onlyBreaches, shown: shown + PAGE });
            el.querySelectorAll('tbody tr')[shown]?.querySelector('td')?.setAttribute('tabindex', '-1');
            el.querySelectorAll('tbody tr')[shown]?.querySelector('td')?.focus();
          },
        })
      : null,
  );
  if (hadFilterFocus) el.querySelector('#history-only-breaches')?.focus();
}

