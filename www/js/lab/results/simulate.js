// One scenario's answer: the headline figures with their P5–P95 range, the days with bands,
// where every cent goes, the age groups, and every figure.
import { compare, sign } from '../../decimal.js';
import { h, table } from '../../dom.js';
import { bandChart, cssVar, splitChart } from '../charts.js';
import { COUNT_METRICS, MONEY_METRICS, SPLIT } from '../metrics.js';

const HEADLINES = [
  ['viewer_spend', 'Viewers paid'],
  ['creator_payouts', 'Creators receive'],
  ['platform_margin', 'Platform keeps'],
  ['store_fees', 'App stores take'],
  ['blocked_spend', 'Rules blocked'],
  ['unspent_coins_value', 'Coins left unspent'],
];

/** The metric named `m` of a TotalsOut. */
export function stat(totals, m) {
  return totals.money.find((x) => x.metric === m) ?? totals.counts.find((x) => x.metric === m);
}

export function renderSimulate(answer, fmt) {
  const totals = answer.totals;
  const spend = stat(totals, 'viewer_spend');
  const sc = answer.scenario;
  const paid = stat(totals, 'creators_paid');
  const summary = h(
    'div',
    { class: 'lab-results-summary' },
    h('p', { class: 'lab-summary-line' }, `Over ${fmt.days(sc.days)}, ${fmt.count(sc.viewers)} viewers pay `, h('strong', { text: fmt.money(spend.p50) }), ` (P5–P95: ${fmt.money(spend.p5)} to ${fmt.money(spend.p95)}, ${fmt.count(sc.runs)} runs).`),
    h(
      'dl',
      { class: 'lab-headline-figures' },
      HEADLINES.map(([m, label]) => {
        const s = stat(totals, m);
        return h(
          'div',
          { class: `lab-figure lab-figure--${m}`, 'data-testid': `figure-${m}` },
          h('dt', { text: label }),
          h('dd', { class: 'lab-figure-value', text: fmt.money(s.p50) }),
          h('dd', { class: 'lab-figure-range', text: `P5–P95 ${fmt.compactMoney(Number(s.p5))} – ${fmt.compactMoney(Number(s.p95))}` }),
        );
      }),
      h(
        'div',
        { class: 'lab-figure', 'data-testid': 'figure-creators_paid' },
        h('dt', { text: 'Creators reaching the payout minimum' }),
        h('dd', { class: 'lab-figure-value', text: `${fmt.count(paid.p50)} of ${fmt.count(sc.creators)}` }),
        h('dd', { class: 'lab-figure-range', text: `P5–P95 ${fmt.count(paid.p5)} – ${fmt.count(paid.p95)}` }),
      ),
    ),
  );
  return [summary, daily(answer, fmt), split(answer, fmt), ages(answer, fmt), everything(answer, fmt)];
}

function panel(id, title, intro, ...children) {
  return h('section', { class: 'lab-result-panel', id, 'aria-labelledby': `${id}-title` }, h('h3', { id: `${id}-title`, text: title }), intro ? h('p', { class: 'lab-panel-intro', text: intro }) : null, children);
}

function chartBox(className, label) {
  const canvas = h('canvas', { role: 'img', 'aria-label': label });
  return { box: h('div', { class: `lab-chart ${className}` }, canvas), canvas };
}

function daily(answer, fmt) {
  const days = answer.by_day;
  const series = [
    ['spend', 'Viewers paid', '--lab-spend', '#4c2fb5'],
    ['gifted', 'Gifts sent', '--lab-gifted', '#1f9d55'],
    ['blocked', 'Blocked by rules', '--lab-blocked', '#c2410c'],
  ].map(([key, label, colourVar, fallback]) => ({
    key,
    label,
    colour: cssVar(colourVar, fallback),
    p5: days.map((d) => d[key].p5),
    p50: days.map((d) => d[key].p50),
    p95: days.map((d) => d[key].p95),
  }));
  const { box, canvas } = chartBox('lab-chart--days', 'Money per day: viewers paid, gifts sent and blocked by the rules, medians with P5–P95 bands; the figures are in the table below.');
  const labels = days.map((d) => shortDate(d.date, fmt.locale));
  queueMicrotask(() => bandChart(canvas, { labels, series }, fmt));
  const rows = days.map((d) => [
    shortDate(d.date, fmt.locale),
    ...series.flatMap((s) => [fmt.money(d[s.key].p50), `${fmt.money(d[s.key].p5)} – ${fmt.money(d[s.key].p95)}`]),
    fmt.count(d.warnings.p50),
  ]);
  return panel(
    'result-days',
    'Day by day',
    'Medians over runs, with the band from the 5th to the 95th percentile.',
    box,
    h(
      'details',
      { class: 'lab-figures' },
      h('summary', { text: 'The figures, day by day' }),
      table({
        caption: 'Money per day (median and P5–P95 over runs)',
        head: ['Day', 'Viewers paid', 'P5–P95', 'Gifts sent', 'P5–P95', 'Blocked', 'P5–P95', 'Warnings'],
        rows,
        numeric: [1, 2, 3, 4, 5, 6, 7],
        className: 'table lab-table--compact',
      }),
    ),
  );
}

function shortDate(iso, locale) {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(d);
}

/** The run whose viewer spend is the median (nearest rank): its parts reconcile to the cent. */
function medianRun(answer) {
  const runs = [...answer.runs].sort((a, b) => compare(a.money.viewer_spend, b.money.viewer_spend) || a.run - b.run);
  return runs[Math.max(0, Math.ceil(runs.length / 2) - 1)];
}

function split(answer, fmt) {
  const run = medianRun(answer);
  const parts = SPLIT.map(([m, recipient, label]) => ({ metric: m, recipient, label, colour: cssVar(`--gs-flow-${recipient}`, '#888'), value: run.money[m] }));
  const { box, canvas } = chartBox('lab-chart--split', `Where viewers' money goes in the median run; the figures are in the table below.`);
  queueMicrotask(() => splitChart(canvas, { label: 'Viewers paid', parts: parts.filter((p) => sign(p.value) !== 0) }, fmt));
  const overRuns = (m) => {
    const s = stat(answer.totals, m);
    return `${fmt.money(s.p5)} – ${fmt.money(s.p95)}`;
  };
  const rows = parts.map((p) => ({
    className: sign(p.value) === 0 ? 'is-zero' : null,
    cells: [h('span', { class: 'recipient' }, h('span', { class: `swatch swatch--${p.recipient}` }), p.label), h('span', null, fmt.money(p.value), h('span', { class: 'lab-sub', text: overRuns(p.metric) })), fmt.share(p.value, run.money.viewer_spend)],
  }));
  rows.push({ className: 'total', cells: ['Viewers paid', h('span', null, fmt.money(run.money.viewer_spend), h('span', { class: 'lab-sub', text: overRuns('viewer_spend') })), fmt.share(run.money.viewer_spend, run.money.viewer_spend)] });
  const t = table({ caption: `Run ${run.run + 1} of ${answer.runs.length}, the median run: its parts add up to the cent. Under each amount, P5 to P95 over all runs.`, head: ['Goes to', 'Median run', 'Share'], rows, numeric: [1, 2] });
  return panel('result-split', 'Where the money goes', 'Tax, fees, creators, agencies and the platform, and the coins bought but never gifted (breakage).', box, t);
}

function ages(answer, fmt) {
  const range = (s, money = true) => (money ? `${fmt.money(s.p50)}` : fmt.count(s.p50));
  const rows = answer.by_age.map((g) => [
    `${fmt.count(g.min_age)}–${fmt.count(g.max_age - 1)}`,
    fmt.count(g.viewers.p50),
    fmt.count(g.spenders.p50),
    range(g.spend),
    h('span', null, range(g.blocked_spend), h('span', { class: 'lab-sub', text: `${fmt.money(g.blocked_spend.p5)} – ${fmt.money(g.blocked_spend.p95)}` })),
    range(g.blocked_gifts),
    fmt.count(g.warnings.p50),
  ]);
  return panel(
    'result-ages',
    'By age group',
    'Medians over runs; the range under blocked top-ups is P5–P95.',
    table({ caption: 'Spending and blocks by age group', head: ['Ages', 'Viewers', 'Spenders', 'Paid', 'Top-ups blocked', 'Gifts blocked', 'Warnings'], rows, numeric: [1, 2, 3, 4, 5, 6] }),
  );
}

function everything(answer, fmt) {
  const money = answer.totals.money.map((s) => [h('span', null, MONEY_METRICS[s.metric] ?? s.metric, h('span', { class: 'lab-sub', text: s.description })), fmt.money(s.p5), fmt.money(s.p50), fmt.money(s.p95), fmt.money(s.mean)]);
  const counts = answer.totals.counts.map((s) => [h('span', null, COUNT_METRICS[s.metric] ?? s.metric, h('span', { class: 'lab-sub', text: s.description })), fmt.count(s.p5), fmt.count(s.p50), fmt.count(s.p95), fmt.decimal(s.mean)]);
  return panel(
    'result-all',
    'Every figure',
    null,
    h(
      'details',
      { class: 'lab-figures' },
      h('summary', { text: 'Every total, with P5, P50, P95 and the mean over runs' }),
      table({ caption: 'Money', head: ['Metric', 'P5', 'P50', 'P95', 'Mean'], rows: money, numeric: [1, 2, 3, 4] }),
      table({ caption: 'Counts', head: ['Metric', 'P5', 'P50', 'P95', 'Mean'], rows: counts, numeric: [1, 2, 3, 4] }),
    ),
  );
}
