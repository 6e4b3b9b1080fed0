// One scenario's answer: the headline figures with their P5–P95 range, the days with bands,
// where every cent goes, the age groups, and every figure.
import { compare, sign } from '../../decimal.js';
import { h, table } from '../../dom.js';
import { bandChart, cssVar, splitChart } from '../charts.js';
import { COUNT_METRICS, MONEY_METRICS, RATIO_METRICS, SPLIT } from '../metrics.js';

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
  return totals.money.find((x) => x.metric === m) ?? totals.counts.find((x) => x.metric === m) ?? (totals.ratios ?? []).find((x) => x.metric === m);
}

export function renderSimulate(answer, fmt) {
  const totals = answer.totals;
  const spend = stat(totals, 'viewer_spend');
  const sc = answer.scenario;
  const paid = stat(totals, 'creators_paid');
  const summary = h(
    'div',
    { class: 'lab-results-summary' },
    h('p', { class: 'lab-summary-line' }, `Over ${fmt.days(sc.days)}, ${fmt.count(sc.scale?.represents ?? sc.viewers)} viewers pay `, h('strong', { text: fmt.money(spend.p50) }), ` (P5–P95: ${fmt.money(spend.p5)} to ${fmt.money(spend.p95)}, ${fmt.count(sc.runs)} runs).`),
    h(
      'dl',
      { class: 'lab-headline-figures' },
      HEADLINES.map(([m, label]) => {
        const s = stat(totals, m);
        return h(
          'div',
          { class: `lab-figure lab-figure--${m}`, 'data-testid': `figure-${m}` },
          h('dt', { text: label }),
          h('dd', { class: `lab-figure-value${fmt.money(s.p50).length > 12 ? ' lab-figure-value--long' : ''}`, text: fmt.money(s.p50) }),
          h('dd', { class: 'lab-figure-range', text: `P5–P95 ${fmt.compactMoney(Number(s.p5))} – ${fmt.compactMoney(Number(s.p95))}` }),
        );
      }),
      h(
        'div',
        { class: 'lab-figure', 'data-testid': 'figure-creators_paid' },
        h('dt', { text: 'Creators reaching the payout minimum' }),
        h('dd', { class: 'lab-figure-value', text: `${fmt.count(paid.p50)} of ${fmt.count(sc.scale?.creators ?? sc.creators)}` }),
        h('dd', { class: 'lab-figure-range', text: `P5–P95 ${fmt.count(paid.p5)} – ${fmt.count(paid.p95)}` }),
      ),
    ),
  );
  return [summary, payers(answer, fmt), daily(answer, fmt), split(answer, fmt), ages(answer, fmt), segments(answer, fmt), purchases(answer, fmt), everything(answer, fmt)];
}

/** Who pays and how much: the KPIs a monetisation team reports, with their P5–P95 ranges. */
function payers(answer, fmt) {
  const t = answer.totals;
  const figure = (id, label, value, range) =>
    h('div', { class: 'lab-figure', 'data-testid': `figure-${id}` }, h('dt', { text: label }), h('dd', { class: 'lab-figure-value', text: value }), h('dd', { class: 'lab-figure-range', text: `P5–P95 ${range}` }));
  const ratio = (m) => {
    const s = stat(t, m);
    return [fmt.ratio(m, s.p50), `${fmt.ratio(m, s.p5)} – ${fmt.ratio(m, s.p95)}`];
  };
  const money = (m) => {
    const s = stat(t, m);
    return [fmt.money(s.p50), `${fmt.money(s.p5)} – ${fmt.money(s.p95)}`];
  };
  const paid = stat(t, 'payers');
  const viewers = stat(t, 'viewers');
  const share = ratio('payer_share');
  return panel(
    'result-payers',
    'Who pays',
    'Medians over runs. A payer bought coins at least once; the top shares are what the biggest payers paid, as a share of all that viewers paid.',
    h(
      'dl',
      { class: 'lab-headline-figures' },
      figure('payers', 'Viewers who paid', `${fmt.count(paid.p50)} of ${fmt.count(viewers.p50)} (${share[0]})`, share[1]),
      figure('arppu', 'Revenue per paying viewer (ARPPU)', ...money('arppu')),
      figure('arpu', 'Revenue per viewer (ARPU)', ...money('arpu')),
      figure('purchases_per_payer', 'Top-ups per paying viewer', ...ratio('purchases_per_payer')),
      figure('top_1pct_revenue_share', 'Top 1 % of payers bring', ...ratio('top_1pct_revenue_share')),
      figure('top_10pct_revenue_share', 'Top 10 % of payers bring', ...ratio('top_10pct_revenue_share')),
    ),
  );
}

function segments(answer, fmt) {
  const rows = (answer.by_segment ?? []).map((g) => [
    g.segment,
    fmt.count(g.viewers.p50),
    fmt.count(g.payers.p50),
    fmt.count(g.purchases.p50),
    h('span', null, fmt.money(g.spend.p50), h('span', { class: 'lab-sub', text: `${fmt.money(g.spend.p5)} – ${fmt.money(g.spend.p95)}` })),
    fmt.ratio('revenue_share', g.revenue_share.p50),
  ]);
  return panel(
    'result-segments',
    'By segment',
    'Medians over runs; the range under what each segment paid is P5–P95.',
    table({ caption: 'Viewers, payers and revenue by segment', head: ['Segment', 'Viewers', 'Paid', 'Top-ups', 'Revenue', 'Share of revenue'], rows, numeric: [1, 2, 3, 4, 5] }),
  );
}

function purchases(answer, fmt) {
  const rows = (answer.by_purchase ?? []).map((p) => ({
    className: p.purchases.p95 === 0 ? 'is-zero' : null,
    cells: [p.rate_card, p.purchase, fmt.count(p.purchases.p50), fmt.money(p.spend.p50), fmt.ratio('revenue_share', p.revenue_share.p50)],
  }));
  return panel(
    'result-purchases',
    'By bundle',
    'Each bundle and custom amount of each channel: how often it was bought and its share of revenue (medians over runs).',
    h(
      'details',
      { class: 'lab-figures' },
      h('summary', { text: 'Revenue by bundle' }),
      table({ caption: 'Purchases and revenue by bundle', head: ['Channel', 'Purchase', 'Times bought', 'Revenue', 'Share of revenue'], rows, numeric: [2, 3, 4] }),
    ),
  );
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
    fmt.count(g.payers?.p50),
    range(g.spend),
    h('span', null, range(g.blocked_spend), h('span', { class: 'lab-sub', text: `${fmt.money(g.blocked_spend.p5)} – ${fmt.money(g.blocked_spend.p95)}` })),
    range(g.blocked_gifts),
    fmt.count(g.warnings.p50),
  ]);
  return panel(
    'result-ages',
    'By age group',
    'Medians over runs; the range under blocked top-ups is P5–P95.',
    table({ caption: 'Spending and blocks by age group', head: ['Ages', 'Viewers', 'Spenders', 'Payers', 'Paid', 'Top-ups blocked', 'Gifts blocked', 'Warnings'], rows, numeric: [1, 2, 3, 4, 5, 6, 7] }),
  );
}

function everything(answer, fmt) {
  const money = answer.totals.money.map((s) => [h('span', null, MONEY_METRICS[s.metric] ?? s.metric, h('span', { class: 'lab-sub', text: s.description })), fmt.money(s.p5), fmt.money(s.p50), fmt.money(s.p95), fmt.money(s.mean)]);
  const counts = answer.totals.counts.map((s) => [h('span', null, COUNT_METRICS[s.metric] ?? s.metric, h('span', { class: 'lab-sub', text: s.description })), fmt.count(s.p5), fmt.count(s.p50), fmt.count(s.p95), fmt.decimal(s.mean)]);
  const ratios = (answer.totals.ratios ?? []).map((s) => [h('span', null, RATIO_METRICS[s.metric] ?? s.metric, h('span', { class: 'lab-sub', text: s.description })), fmt.ratio(s.metric, s.p5), fmt.ratio(s.metric, s.p50), fmt.ratio(s.metric, s.p95), fmt.ratio(s.metric, s.mean)]);
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
      table({ caption: 'Ratios', head: ['Metric', 'P5', 'P50', 'P95', 'Mean'], rows: ratios, numeric: [1, 2, 3, 4] }),
    ),
  );
}
