// One scenario's answer: the headline figures with their P5–P95 range, the days with bands,
// where every cent goes, the age groups, and every figure.
import { compare, sign } from '../../decimal.js';
import { h } from '../../dom.js';
import { t, tParts, textLocale } from '../../i18n.js';
import { bandChart, cssVar, splitChart } from '../charts.js';
import { metricName, SPLIT } from '../metrics.js';
import { table } from './common.js';

/** The headline figures, each named `lab.headline.METRIC`. */
const HEADLINES = ['viewer_spend', 'creator_payouts', 'platform_margin', 'store_fees', 'blocked_spend', 'unspent_coins_value'];

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
    h(
      'p',
      { class: 'lab-summary-line' },
      tParts('lab.simulate.summary', {
        count: Number(sc.scale?.represents ?? sc.viewers),
        days: fmt.days(sc.days),
        viewers: fmt.count(sc.scale?.represents ?? sc.viewers),
        paid: h('strong', { text: fmt.money(spend.p50) }),
        p5: fmt.money(spend.p5),
        p95: fmt.money(spend.p95),
        runs: t('lab.runs', { count: sc.runs, n: fmt.count(sc.runs) }),
      }),
    ),
    h(
      'dl',
      { class: 'lab-headline-figures' },
      HEADLINES.map((m) => {
        const s = stat(totals, m);
        return h(
          'div',
          { class: `lab-figure lab-figure--${m}`, 'data-testid': `figure-${m}` },
          h('dt', { text: t(`lab.headline.${m}`) }),
          h('dd', { class: `lab-figure-value${fmt.money(s.p50).length > 12 ? ' lab-figure-value--long' : ''}`, text: fmt.money(s.p50) }),
          h('dd', { class: 'lab-figure-range', text: t('lab.range.p5_p95', { from: fmt.compactMoney(Number(s.p5)), to: fmt.compactMoney(Number(s.p95)) }) }),
        );
      }),
      h(
        'div',
        { class: 'lab-figure', 'data-testid': 'figure-creators_paid' },
        h('dt', { text: metricName('creators_paid') }),
        h('dd', { class: 'lab-figure-value', text: t('lab.of', { part: fmt.count(paid.p50), whole: fmt.count(sc.scale?.creators ?? sc.creators) }) }),
        h('dd', { class: 'lab-figure-range', text: t('lab.range.p5_p95', { from: fmt.count(paid.p5), to: fmt.count(paid.p95) }) }),
      ),
    ),
  );
  return [summary, payers(answer, fmt), daily(answer, fmt), split(answer, fmt), ages(answer, fmt), segments(answer, fmt), purchases(answer, fmt), everything(answer, fmt)];
}

/** Who pays and how much: the KPIs a monetisation team reports, with their P5–P95 ranges. */
function payers(answer, fmt) {
  const totals = answer.totals;
  const figure = (id, label, value, range) =>
    h('div', { class: 'lab-figure', 'data-testid': `figure-${id}` }, h('dt', { text: label }), h('dd', { class: 'lab-figure-value', text: value }), h('dd', { class: 'lab-figure-range', text: t('lab.range.p5_p95', range) }));
  const ratio = (m) => {
    const s = stat(totals, m);
    return [fmt.ratio(m, s.p50), { from: fmt.ratio(m, s.p5), to: fmt.ratio(m, s.p95) }];
  };
  const money = (m) => {
    const s = stat(totals, m);
    return [fmt.money(s.p50), { from: fmt.money(s.p5), to: fmt.money(s.p95) }];
  };
  const paid = stat(totals, 'payers');
  const viewers = stat(totals, 'viewers');
  const share = ratio('payer_share');
  return panel(
    'result-payers',
    t('lab.payers.title'),
    t('lab.payers.intro'),
    h(
      'dl',
      { class: 'lab-headline-figures' },
      figure('payers', metricName('payers'), t('lab.payers.paid', { part: fmt.count(paid.p50), whole: fmt.count(viewers.p50), share: share[0] }), share[1]),
      figure('arppu', metricName('arppu'), ...money('arppu')),
      figure('arpu', metricName('arpu'), ...money('arpu')),
      figure('purchases_per_payer', metricName('purchases_per_payer'), ...ratio('purchases_per_payer')),
      figure('top_1pct_revenue_share', t('lab.payers.top_1'), ...ratio('top_1pct_revenue_share')),
      figure('top_10pct_revenue_share', t('lab.payers.top_10'), ...ratio('top_10pct_revenue_share')),
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
    t('lab.by_segment.title'),
    t('lab.by_segment.intro'),
    table({ caption: t('lab.by_segment.caption'), head: [t('lab.head.segment'), t('lab.head.viewers'), t('lab.head.paid'), t('lab.head.top_ups'), t('lab.head.revenue'), t('lab.head.revenue_share')], rows, numeric: [1, 2, 3, 4, 5] }),
  );
}

function purchases(answer, fmt) {
  const rows = (answer.by_purchase ?? []).map((p) => ({
    className: p.purchases.p95 === 0 ? 'is-zero' : null,
    cells: [p.rate_card, p.purchase, fmt.count(p.purchases.p50), fmt.money(p.spend.p50), fmt.ratio('revenue_share', p.revenue_share.p50)],
  }));
  return panel(
    'result-purchases',
    t('lab.by_bundle.title'),
    t('lab.by_bundle.intro'),
    h(
      'details',
      { class: 'lab-figures' },
      h('summary', { text: t('lab.by_bundle.summary') }),
      table({ caption: t('lab.by_bundle.caption'), head: [t('lab.head.channel'), t('lab.head.purchase'), t('lab.head.times_bought'), t('lab.head.revenue'), t('lab.head.revenue_share')], rows, numeric: [2, 3, 4] }),
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
    ['spend', '--lab-spend', '#4c2fb5'],
    ['gifted', '--lab-gifted', '#1f9d55'],
    ['blocked', '--lab-blocked', '#c2410c'],
  ].map(([key, colourVar, fallback]) => ({
    key,
    label: t(`lab.days.${key}`),
    colour: cssVar(colourVar, fallback),
    p5: days.map((d) => d[key].p5),
    p50: days.map((d) => d[key].p50),
    p95: days.map((d) => d[key].p95),
  }));
  const { box, canvas } = chartBox('lab-chart--days', t('lab.days.chart'));
  const labels = days.map((d) => shortDate(d.date));
  queueMicrotask(() => bandChart(canvas, { labels, series }, fmt));
  const rows = days.map((d) => [
    shortDate(d.date),
    ...series.flatMap((s) => [fmt.money(d[s.key].p50), `${fmt.money(d[s.key].p5)} – ${fmt.money(d[s.key].p95)}`]),
    fmt.count(d.warnings.p50),
  ]);
  const range = t('lab.head.p5_p95');
  return panel(
    'result-days',
    t('lab.days.title'),
    t('lab.days.intro'),
    box,
    h(
      'details',
      { class: 'lab-figures' },
      h('summary', { text: t('lab.days.summary') }),
      table({
        caption: t('lab.days.caption'),
        head: [t('lab.head.day'), t('lab.days.spend'), range, t('lab.days.gifted'), range, t('lab.head.blocked'), range, t('lab.head.warnings')],
        rows,
        numeric: [1, 2, 3, 4, 5, 6, 7],
        className: 'table lab-table--compact',
      }),
    ),
  );
}

/** A day as the reader's language writes it, short ("Mar 1", "1 mar", "3月1日"). */
function shortDate(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(textLocale(), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(d);
}

/** The run whose viewer spend is the median (nearest rank): its parts reconcile to the cent. */
function medianRun(answer) {
  const runs = [...answer.runs].sort((a, b) => compare(a.money.viewer_spend, b.money.viewer_spend) || a.run - b.run);
  return runs[Math.max(0, Math.ceil(runs.length / 2) - 1)];
}

function split(answer, fmt) {
  const run = medianRun(answer);
  const parts = SPLIT.map(([m, recipient]) => ({ metric: m, recipient, label: t(`lab.split.${m}`), colour: cssVar(`--gs-flow-${recipient}`, '#888'), value: run.money[m] }));
  const { box, canvas } = chartBox('lab-chart--split', t('lab.split.chart'));
  queueMicrotask(() => splitChart(canvas, { label: metricName('viewer_spend'), parts: parts.filter((p) => sign(p.value) !== 0) }, fmt));
  const overRuns = (m) => {
    const s = stat(answer.totals, m);
    return t('lab.range', { from: fmt.money(s.p5), to: fmt.money(s.p95) });
  };
  const rows = parts.map((p) => ({
    className: sign(p.value) === 0 ? 'is-zero' : null,
    cells: [h('span', { class: 'recipient' }, h('span', { class: `swatch swatch--${p.recipient}` }), p.label), h('span', null, fmt.money(p.value), h('span', { class: 'lab-sub', text: overRuns(p.metric) })), fmt.share(p.value, run.money.viewer_spend)],
  }));
  rows.push({ className: 'total', cells: [metricName('viewer_spend'), h('span', null, fmt.money(run.money.viewer_spend), h('span', { class: 'lab-sub', text: overRuns('viewer_spend') })), fmt.share(run.money.viewer_spend, run.money.viewer_spend)] });
  const split = table({ caption: t('lab.split.caption', { run: run.run + 1, runs: answer.runs.length }), head: [t('lab.head.goes_to'), t('lab.head.median_run'), t('lab.head.share')], rows, numeric: [1, 2] });
  return panel('result-split', t('lab.split.title'), t('lab.split.intro'), box, split);
}

function ages(answer, fmt) {
  const range = (s, money = true) => (money ? `${fmt.money(s.p50)}` : fmt.count(s.p50));
  const rows = answer.by_age.map((g) => [
    `${fmt.count(g.min_age)}–${fmt.count(g.max_age - 1)}`,
    fmt.count(g.viewers.p50),
    fmt.count(g.spenders.p50),
    fmt.count(g.payers?.p50),
    range(g.spend),
    h('span', null, range(g.blocked_spend), h('span', { class: 'lab-sub', text: t('lab.range', { from: fmt.money(g.blocked_spend.p5), to: fmt.money(g.blocked_spend.p95) }) })),
    range(g.blocked_gifts),
    fmt.count(g.warnings.p50),
  ]);
  return panel(
    'result-ages',
    t('lab.by_age.title'),
    t('lab.by_age.intro'),
    table({ caption: t('lab.by_age.caption'), head: [t('lab.head.ages'), t('lab.head.viewers'), t('lab.head.spenders'), t('lab.head.payers'), t('lab.head.paid'), t('lab.head.top_ups_blocked'), t('lab.head.gifts_blocked'), t('lab.head.warnings')], rows, numeric: [1, 2, 3, 4, 5, 6, 7] }),
  );
}

function everything(answer, fmt) {
  // The engine describes each metric in English: said as such.
  const name = (s) => h('span', null, metricName(s.metric), h('span', { class: 'lab-sub', lang: 'en', text: s.description }));
  const money = answer.totals.money.map((s) => [name(s), fmt.money(s.p5), fmt.money(s.p50), fmt.money(s.p95), fmt.money(s.mean)]);
  const counts = answer.totals.counts.map((s) => [name(s), fmt.count(s.p5), fmt.count(s.p50), fmt.count(s.p95), fmt.decimal(s.mean)]);
  const ratios = (answer.totals.ratios ?? []).map((s) => [name(s), fmt.ratio(s.metric, s.p5), fmt.ratio(s.metric, s.p50), fmt.ratio(s.metric, s.p95), fmt.ratio(s.metric, s.mean)]);
  const head = [t('lab.head.metric'), 'P5', 'P50', 'P95', t('lab.head.mean')];
  return panel(
    'result-all',
    t('lab.all.title'),
    null,
    h(
      'details',
      { class: 'lab-figures' },
      h('summary', { text: t('lab.all.summary') }),
      table({ caption: t('lab.metrics.money'), head, rows: money, numeric: [1, 2, 3, 4] }),
      table({ caption: t('lab.metrics.counts'), head, rows: counts, numeric: [1, 2, 3, 4] }),
      table({ caption: t('lab.metrics.ratios'), head, rows: ratios, numeric: [1, 2, 3, 4] }),
    ),
  );
}
