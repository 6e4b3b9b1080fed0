// The plan of a real A/B test: what it can detect on revenue per user, conversion and revenue
// per paying user (the engine's sentence for each, then the figures side by side), how the
// smallest detectable rise shrinks as the test runs longer (with the change's own effect to
// compare), whether the arms of a running test are split as meant, and what looking at the
// results early costs. Relative figures are fractions ("0.2183" is 21.83 %).
import { abs, shift } from '../../decimal.js';
import { facts, h, table } from '../../dom.js';
import { relativeChart } from '../charts.js';
import { seriesColour } from './common.js';

/** The engine's metrics, as a product manager names them. */
const METRICS = [
  ['arpu', 'Revenue per user', 'money', 'Per user'],
  ['payer_share', 'Conversion (share who pay)', 'share', 'Share who pay'],
  ['arppu', 'Revenue per paying user', 'money', 'Per payer'],
];

/**
 * The answer `answer` in `fmt`'s locale; `change` names what was tested (a variant's title),
 * or is null for an effect of a given size or none.
 */
export function renderPower(answer, fmt, { change = null } = {}) {
  const byMetric = new Map(answer.metrics.map((m) => [m.metric, m]));
  const metrics = METRICS.filter(([m]) => byMetric.has(m));
  const longest = answer.durations.at(-1)?.days ?? answer.days;
  const srm = answer.sample_ratio;
  const tested = answer.metrics.some((m) => m.effect != null);

  const summary = h(
    'div',
    { class: 'lab-results-summary' },
    srm?.mismatch
      ? h('div', { class: 'notice lab-plan-srm lab-plan-srm--bad', role: 'alert', 'data-testid': 'plan-srm-alert' }, h('p', { class: 'notice-error', text: 'Sample-ratio mismatch: do not trust this test’s results yet.' }), h('p', { text: srm.summary }))
      : null,
    h(
      'p',
      { class: 'lab-summary-line', 'data-testid': 'plan-verdict' },
      `${fmt.count(answer.users_per_arm)} users in each arm for ${fmt.days(answer.days)}: `,
      verdict(answer, byMetric, fmt),
    ),
    change ? h('p', { class: 'lab-plan-tested muted', text: `The change tested: ${change}.` }) : null,
    h(
      'ul',
      { class: 'lab-plan-sentences' },
      metrics.map(([m, name]) => h('li', { 'data-testid': `plan-summary-${m}` }, h('strong', { text: `${name}. ` }), byMetric.get(m).summary)),
    ),
  );

  const detect = h(
    'section',
    { class: 'lab-result-panel', 'aria-labelledby': 'result-plan-title' },
    h('h3', { id: 'result-plan-title', text: 'What the test can detect' }),
    h('p', { class: 'lab-panel-intro', text: `With ${pct(fmt, answer.power)} power: a real change of at least this size is seen ${pct(fmt, answer.power)} of the time, and a test with no real change raises a false alarm ${pct(fmt, answer.alpha)} of the time. The normal approximation is the textbook formula; with a few big spenders it is usually too optimistic.` }),
    table({
      caption: `Revenue per user, conversion and revenue per paying user: ${fmt.count(answer.users_per_arm)} users per arm, ${fmt.days(answer.days)}`,
      head: [h('span', { class: 'sr-only', text: 'Measure' }), ...metrics.map(([, , , short]) => short)],
      rows: [
        ['Now, over the test’s days', (m, unit) => (unit === 'money' ? fmt.money(m.value) : fmt.ratio('payer_share', m.value))],
        ['Smallest rise it detects', (m) => (m.mde_rise == null ? 'none' : h('strong', { text: pct(fmt, m.mde_rise) }))],
        ['Smallest fall it detects', (m) => (m.mde_fall == null ? 'none' : pct(fmt, m.mde_fall))],
        ['Normal approximation', (m) => (m.closed_form == null ? '—' : pct(fmt, m.closed_form))],
        tested ? ['Effect of the change (simulated)', (m) => relative(m.effect, fmt)] : null,
        tested ? ['Chance the test sees it', (m) => (m.power_at_effect == null ? '—' : pct(fmt, m.power_at_effect))] : null,
        tested ? ['Days needed to see it', (m) => (m.days_needed == null ? `over ${fmt.days(longest)}` : fmt.days(m.days_needed))] : null,
      ]
        .filter(Boolean)
        .map(([label, cell]) => [h('span', { class: 'lab-plan-row-head', text: label }), ...metrics.map(([m, , unit]) => cell(byMetric.get(m), unit))]),
      numeric: metrics.map((_, i) => i + 1),
      className: 'table lab-table--compact lab-table--plan',
    }),
  );

  return [summary, detect, durationPanel(answer, fmt, metrics, tested), srm ? splitPanel(srm, fmt) : null, peekingPanel(answer.peeking, fmt), methodPanel(answer)].filter(Boolean);
}

/** The headline: the smallest rise in revenue per user, and whether the change is seen. */
function verdict(answer, byMetric, fmt) {
  const arpu = byMetric.get('arpu');
  if (!arpu) return '';
  const rise = arpu.mde_rise == null ? 'no rise in revenue per user can be reliably detected' : `it reliably detects a rise in revenue per user of ${pct(fmt, arpu.mde_rise)} or more`;
  if (arpu.effect == null) return `${rise}.`;
  const seen = arpu.days_needed != null && arpu.days_needed <= answer.days;
  const effect = relative(arpu.effect, fmt);
  return [
    `${rise}. `,
    seen
      ? h('span', { class: 'lab-plan-seen', text: `The change’s effect on it (${effect}) would be seen ${pct(fmt, arpu.power_at_effect)} of the time.` })
      : h('span', { class: 'lab-plan-missed', text: `The change’s effect on it (${effect}) is too small: it would be seen only ${pct(fmt, arpu.power_at_effect ?? '0')} of the time.` }),
  ];
}

/** A fraction of the engine ("0.0310") as its percentage, every digit shown ("3.10%"). */
function pct(fmt, fraction) {
  return fmt.percent(shift(String(fraction), 2));
}

/** "-0.0670" → "−6.70%". */
function relative(fraction, fmt) {
  if (fraction == null) return '—';
  return fmt.signedPercent(shift(String(fraction), 2));
}

function durationPanel(answer, fmt, metrics, tested) {
  const days = answer.durations.map((d) => d.days);
  const lines = [];
  metrics.forEach(([m, name], i) => {
    const colour = seriesColour(i);
    lines.push({ label: name, colour, values: answer.durations.map((d) => d.mde_rise[m] ?? null) });
    // A fall's size is drawn as a size, to compare with the line above it.
    if (tested) lines.push({ label: `${name}: the change’s effect`, colour, dashed: true, values: answer.durations.map((d) => (d.effect[m] == null ? null : abs(d.effect[m]))) });
  });
  const canvas = h('canvas', { role: 'img', 'aria-label': 'The smallest rise the test detects, by days of the test, one line per figure; dashed: the size of the change’s effect. The figures are in the table below.' });
  queueMicrotask(() => relativeChart(canvas, { days, lines, mark: answer.days, xTitle: 'Days the test runs', yTitle: 'Smallest rise detected' }, fmt));
  const rows = answer.durations.map((d) => ({
    className: d.days === answer.days ? 'lab-is-chosen' : null,
    cells: [
      d.days === answer.days ? h('strong', { text: `${fmt.days(d.days)} (planned)` }) : fmt.days(d.days),
      ...metrics.map(([m]) => h('span', null, d.mde_rise[m] == null ? 'none' : pct(fmt, d.mde_rise[m]), tested && d.effect[m] != null ? h('span', { class: 'lab-sub', text: `effect ${relative(d.effect[m], fmt)}` }) : null)),
    ],
  }));
  return h(
    'section',
    { class: 'lab-result-panel', id: 'result-durations', 'aria-labelledby': 'result-durations-title' },
    h('h3', { id: 'result-durations-title', text: 'How long to run it' }),
    h(
      'p',
      { class: 'lab-panel-intro' },
      'The smallest rise the test detects, after each week. ',
      tested ? 'Dashed: the size of the change’s own effect over as many days — the test sees the change about when the dashed line crosses above the solid one. ' : '',
      'Longer tests add days of spending, not users: revenue per user spreads as it grows, so past a few weeks the smallest detectable rise may barely shrink.',
    ),
    h('div', { class: 'lab-chart lab-chart--plan', 'data-testid': 'plan-chart' }, canvas),
    h(
      'details',
      { class: 'lab-figures' },
      h('summary', { text: 'The figures of the chart' }),
      table({
        caption: 'Smallest rise detected (and the change’s effect) after each number of days',
        head: ['Days', ...metrics.map(([, , , short]) => short)],
        rows,
        numeric: metrics.map((_, i) => i + 1),
        className: 'table lab-table--compact',
      }),
    ),
  );
}

function splitPanel(srm, fmt) {
  return h(
    'section',
    { class: 'lab-result-panel', 'aria-labelledby': 'result-split-check-title' },
    h('h3', { id: 'result-split-check-title', text: 'Is the split as intended?' }),
    h(
      'p',
      { class: `lab-plan-srm${srm.mismatch ? ' lab-plan-srm--bad' : ' lab-plan-srm--ok'}`, 'data-testid': 'plan-srm' },
      h('span', { class: `lab-judgement lab-judgement--${srm.mismatch ? 'bad' : 'good'}`, text: srm.mismatch ? 'Mismatch' : 'As intended' }),
      ' ',
      srm.summary,
    ),
    facts(
      [
        ['Users in control', fmt.count(srm.control)],
        ['Users in treatment', fmt.count(srm.treatment)],
        ['Meant for treatment', fmt.rate(srm.treatment_share)],
        ['Chi-square (1 degree of freedom)', fmt.decimal(srm.chi_square)],
        ['p-value (a mismatch below 0.001)', fmt.decimal(srm.p_value)],
      ],
      'facts facts--compact',
    ),
  );
}

function peekingPanel(peeking, fmt) {
  const many = peeking.looks > 1;
  return h(
    'section',
    { class: 'lab-result-panel', 'aria-labelledby': 'result-peeking-title' },
    h('h3', { id: 'result-peeking-title', text: 'Looking before the end' }),
    h(
      'p',
      { class: 'lab-panel-intro', 'data-testid': 'plan-peeking' },
      peeking.summary,
    ),
    many
      ? table({
          caption: 'When to stop early: only when a look’s p-value is below its boundary (O’Brien–Fleming)',
          head: ['Look', 'Day', 'Stop early only if p is below', 'That is, |z| above'],
          rows: peeking.boundaries.map((b) => [fmt.count(b.look), fmt.count(b.day), fmt.decimal(b.p_value), fmt.decimal(b.z)]),
          numeric: [0, 1, 2, 3],
          className: 'table lab-table--compact lab-table--boundaries',
        })
      : null,
  );
}

function methodPanel(answer) {
  return h(
    'section',
    { class: 'lab-result-panel', 'aria-labelledby': 'result-plan-method-title' },
    h('h3', { id: 'result-plan-method-title', text: 'Where the numbers come from' }),
    h('p', { class: 'lab-panel-intro', 'data-testid': 'plan-sample', text: answer.sample }),
    h('p', { class: 'muted lab-panel-intro', text: answer.method }),
  );
}
