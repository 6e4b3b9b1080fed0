// The plan of a real A/B test: what it can detect on revenue per user, conversion and revenue
// per paying user (the engine's sentence for each, then the figures side by side), how the
// smallest detectable rise shrinks as the test runs longer (with the change's own effect to
// compare), whether the arms of a running test are split as meant, and what looking at the
// results early costs. Relative figures are fractions ("0.2183" is 21.83 %).
import { abs, shift } from '../../decimal.js';
import { facts, h } from '../../dom.js';
import { t, tParts } from '../../i18n.js';
import { relativeChart } from '../charts.js';
import { seriesColour, table } from './common.js';

/** The engine's metrics, as a product manager names them: [metric, name, unit, short name]. */
const METRICS = [
  ['arpu', 'lab.power.metric.arpu', 'money', 'lab.power.short.arpu'],
  ['payer_share', 'lab.power.metric.payer_share', 'share', 'lab.power.short.payer_share'],
  ['arppu', 'lab.power.metric.arppu', 'money', 'lab.power.short.arppu'],
].map(([m, name, unit, short]) => [m, () => t(name), unit, () => t(short)]);

/**
 * The answer `answer` in `fmt`'s locale; `change` names what was tested (a variant's title),
 * or is null for an effect of a given size or none.
 */
export function renderPower(answer, fmt, { change = null } = {}) {
  const byMetric = new Map(answer.metrics.map((m) => [m.metric, m]));
  const metrics = METRICS.filter(([m]) => byMetric.has(m)).map(([m, name, unit, short]) => [m, name(), unit, short()]);
  const longest = answer.durations.at(-1)?.days ?? answer.days;
  const srm = answer.sample_ratio;
  const tested = answer.metrics.some((m) => m.effect != null);

  const summary = h(
    'div',
    { class: 'lab-results-summary' },
    srm?.mismatch
      ? h('div', { class: 'notice lab-plan-srm lab-plan-srm--bad', role: 'alert', 'data-testid': 'plan-srm-alert' }, h('p', { class: 'notice-error', text: t('lab.power.srm_alert') }), h('p', { lang: 'en', text: srm.summary }))
      : null,
    h(
      'p',
      { class: 'lab-summary-line', 'data-testid': 'plan-verdict' },
      tParts('lab.power.verdict', { count: answer.users_per_arm, users: fmt.count(answer.users_per_arm), days: fmt.days(answer.days), verdict: verdict(answer, byMetric, fmt) }),
    ),
    change ? h('p', { class: 'lab-plan-tested muted', text: t('lab.power.tested', { change }) }) : null,
    h(
      'ul',
      { class: 'lab-plan-sentences' },
      metrics.map(([m, name]) => h('li', { 'data-testid': `plan-summary-${m}` }, h('strong', { text: t('lab.power.sentence_lead', { name }) }), h('span', { lang: 'en', text: byMetric.get(m).summary }))),
    ),
  );

  const detect = h(
    'section',
    { class: 'lab-result-panel', 'aria-labelledby': 'result-plan-title' },
    h('h3', { id: 'result-plan-title', text: t('lab.power.detect_title') }),
    h('p', { class: 'lab-panel-intro', text: t('lab.power.detect_intro', { power: pct(fmt, answer.power), alpha: pct(fmt, answer.alpha) }) }),
    table({
      caption: t('lab.power.detect_caption', { users: fmt.count(answer.users_per_arm), days: fmt.days(answer.days) }),
      head: [h('span', { class: 'sr-only', text: t('lab.power.measure') }), ...metrics.map(([, , , short]) => short)],
      rows: [
        [t('lab.power.row.now'), (m, unit) => (unit === 'money' ? fmt.money(m.value) : fmt.ratio('payer_share', m.value))],
        [t('lab.power.row.rise'), (m) => (m.mde_rise == null ? t('lab.power.none') : h('strong', { text: pct(fmt, m.mde_rise) }))],
        [t('lab.power.row.fall'), (m) => (m.mde_fall == null ? t('lab.power.none') : pct(fmt, m.mde_fall))],
        [t('lab.power.row.normal'), (m) => (m.closed_form == null ? '—' : pct(fmt, m.closed_form))],
        tested ? [t('lab.power.row.effect'), (m) => relative(m.effect, fmt)] : null,
        tested ? [t('lab.power.row.chance'), (m) => (m.power_at_effect == null ? '—' : pct(fmt, m.power_at_effect))] : null,
        tested ? [t('lab.power.row.days'), (m) => (m.days_needed == null ? t('lab.power.over', { days: fmt.days(longest) }) : fmt.days(m.days_needed))] : null,
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
  const rise = arpu.mde_rise == null ? t('lab.power.no_rise') : t('lab.power.rise', { rise: pct(fmt, arpu.mde_rise) });
  if (arpu.effect == null) return rise;
  const seen = arpu.days_needed != null && arpu.days_needed <= answer.days;
  const effect = relative(arpu.effect, fmt);
  return [
    `${rise} `,
    seen
      ? h('span', { class: 'lab-plan-seen', text: t('lab.power.seen', { effect, chance: pct(fmt, arpu.power_at_effect) }) })
      : h('span', { class: 'lab-plan-missed', text: t('lab.power.too_small', { effect, chance: pct(fmt, arpu.power_at_effect ?? '0') }) }),
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
    if (tested) lines.push({ label: t('lab.power.effect_line', { name }), colour, dashed: true, values: answer.durations.map((d) => (d.effect[m] == null ? null : abs(d.effect[m]))) });
  });
  const canvas = h('canvas', { role: 'img', 'aria-label': t('lab.power.chart') });
  queueMicrotask(() => relativeChart(canvas, { days, lines, mark: answer.days, xTitle: t('lab.power.chart_x'), yTitle: t('lab.power.chart_y') }, fmt));
  const rows = answer.durations.map((d) => ({
    className: d.days === answer.days ? 'lab-is-chosen' : null,
    cells: [
      d.days === answer.days ? h('strong', { text: t('lab.power.planned', { days: fmt.days(d.days) }) }) : fmt.days(d.days),
      ...metrics.map(([m]) => h('span', null, d.mde_rise[m] == null ? t('lab.power.none') : pct(fmt, d.mde_rise[m]), tested && d.effect[m] != null ? h('span', { class: 'lab-sub', text: t('lab.power.effect_cell', { effect: relative(d.effect[m], fmt) }) }) : null)),
    ],
  }));
  return h(
    'section',
    { class: 'lab-result-panel', id: 'result-durations', 'aria-labelledby': 'result-durations-title' },
    h('h3', { id: 'result-durations-title', text: t('lab.power.durations_title') }),
    h('p', { class: 'lab-panel-intro', text: t(tested ? 'lab.power.durations_intro_tested' : 'lab.power.durations_intro') }),
    h('div', { class: 'lab-chart lab-chart--plan', 'data-testid': 'plan-chart' }, canvas),
    h(
      'details',
      { class: 'lab-figures' },
      h('summary', { text: t('lab.power.durations_summary') }),
      table({
        caption: t('lab.power.durations_caption'),
        head: [t('lab.power.days'), ...metrics.map(([, , , short]) => short)],
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
    h('h3', { id: 'result-split-check-title', text: t('lab.power.split_title') }),
    h(
      'p',
      { class: `lab-plan-srm${srm.mismatch ? ' lab-plan-srm--bad' : ' lab-plan-srm--ok'}`, 'data-testid': 'plan-srm' },
      h('span', { class: `lab-judgement lab-judgement--${srm.mismatch ? 'bad' : 'good'}`, text: t(srm.mismatch ? 'lab.power.mismatch' : 'lab.power.as_intended') }),
      ' ',
      h('span', { lang: 'en', text: srm.summary }),
    ),
    facts(
      [
        [t('lab.plan.control'), fmt.count(srm.control)],
        [t('lab.plan.treatment'), fmt.count(srm.treatment)],
        [t('lab.power.meant'), fmt.rate(srm.treatment_share)],
        [t('lab.power.chi_square'), fmt.decimal(srm.chi_square)],
        [t('lab.power.p_value', { threshold: fmt.decimal('0.001') }), fmt.decimal(srm.p_value)],
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
    h('h3', { id: 'result-peeking-title', text: t('lab.power.peeking_title') }),
    h('p', { class: 'lab-panel-intro', 'data-testid': 'plan-peeking', lang: 'en', text: peeking.summary }),
    many
      ? table({
          caption: t('lab.power.peeking_caption'),
          head: [t('lab.power.look'), t('lab.head.day'), t('lab.power.stop_if'), t('lab.power.z_above')],
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
    h('h3', { id: 'result-plan-method-title', text: t('lab.power.method_title') }),
    h('p', { class: 'lab-panel-intro', 'data-testid': 'plan-sample', lang: 'en', text: answer.sample }),
    h('p', { class: 'muted lab-panel-intro', lang: 'en', text: answer.method }),
  );
}
