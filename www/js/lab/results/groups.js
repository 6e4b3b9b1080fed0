// How each age group and each segment of a variant or sweep point differs from the base, for
// one figure at a time: every figure but what creators are paid is given per group (payouts
// depend on every viewer's gifts to a creator together, so the engine does not split them).
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { COUNT_METRICS, MONEY_METRICS, RATIO_METRICS, metricName, unitOf } from '../metrics.js';
import { judgement, judgementWords, table } from './common.js';

/** The figures given per group: those a row's groups carry, in the engine's order. */
function groupMetrics(row) {
  const first = row.vs_base_by_age?.[0] ?? row.vs_base_by_segment?.[0];
  return new Set((first?.differences ?? []).map((d) => d.metric));
}

/** Every group of a row, age groups first: `{ kind, group, d }` for `metric`. */
function groupsOf(row, metric) {
  const pick = (kind, groups) => (groups ?? []).map((g) => ({ kind, group: g.group, d: g.differences.find((x) => x.metric === metric) }));
  return [...pick(t('lab.groups.age_group'), row.vs_base_by_age), ...pick(t('lab.head.segment'), row.vs_base_by_segment)];
}

/** A picker of the figures given per group (`id` names it for its label). */
export function groupMetricPicker(row, metric, id, onChange) {
  const known = groupMetrics(row);
  const options = (list) => list.filter((m) => known.has(m)).map((m) => h('option', { value: m, text: metricName(m) }));
  const picker = h(
    'select',
    { id },
    h('optgroup', { label: t('lab.metrics.money') }, options(MONEY_METRICS)),
    h('optgroup', { label: t('lab.metrics.counts') }, options(COUNT_METRICS)),
    h('optgroup', { label: t('lab.metrics.ratios') }, options(RATIO_METRICS)),
  );
  picker.value = known.has(metric) ? metric : 'viewer_spend';
  picker.addEventListener('change', () => onChange(picker.value));
  return picker;
}

/** Why a creator figure has no group breakdown, or null when `metric` has one. */
export function notSplit(row, metric) {
  return groupMetrics(row).has(metric)
    ? null
    : h('p', { class: 'lab-panel-intro', 'data-testid': 'groups-not-split', text: t('lab.groups.not_split', { metric: metricName(metric) }) });
}

/** One variant's groups for `metric`: a row per age group and segment. */
export function groupTable(row, metric, fmt) {
  const unit = unitOf(metric);
  return (
    notSplit(row, metric) ??
    table({
      caption: t('lab.groups.caption', { name: row.name, metric: metricName(metric) }),
      head: [t('lab.head.group'), t('lab.head.base'), t('lab.head.variant'), t('lab.head.difference'), t('lab.head.p5_to_p95'), t('lab.head.judgement')],
      rows: groupsOf(row, metric).map(({ kind, group, d }) => ({
        className: d?.significant ? null : 'lab-is-noise',
        cells: [
          h('span', null, group, h('span', { class: 'lab-sub', text: kind })),
          fmt.metric(unit, d?.base, metric),
          fmt.metric(unit, d?.value, metric),
          h('span', null, fmt.signedMetric(unit, d?.mean_difference, metric), d?.percent == null ? null : h('span', { class: 'lab-sub', text: fmt.signedPercent(d.percent) })),
          h('span', { class: 'lab-range' }, t('lab.range.to', { from: fmt.signedMetric(unit, d?.difference_p5, metric), to: fmt.signedMetric(unit, d?.difference_p95, metric) })),
          judgement(d),
        ],
      })),
      numeric: [1, 2, 3, 4],
      className: 'table lab-table--ab',
    })
  );
}

/** A sweep's groups for `metric`: a row per point, a column per age group and segment, each
 * cell the mean difference from the base (pale within the noise). */
export function groupGrid(answer, metric, fmt, pointCells, pointHead) {
  const first = answer.rows[0];
  if (!first) return null;
  const unit = unitOf(metric);
  const columns = groupsOf(first, metric);
  return (
    notSplit(first, metric) ??
    table({
      caption: t('lab.groups.grid_caption', { metric: metricName(metric) }),
      head: [...pointHead, ...columns.map(({ kind, group }) => h('span', null, group, h('span', { class: 'lab-sub', text: kind })))],
      rows: answer.rows.map((row) => [
        ...pointCells(row),
        ...groupsOf(row, metric).map(({ d }) =>
          h(
            'span',
            { class: d?.significant ? null : 'lab-is-noise', title: d ? judgementWords(d.judgement) : '' },
            fmt.signedMetric(unit, d?.mean_difference, metric),
            d?.percent == null ? null : h('span', { class: 'lab-sub', text: fmt.signedPercent(d.percent) }),
          ),
        ),
      ]),
      numeric: [...Array(pointHead.length + columns.length).keys()].slice(pointHead.length),
      className: 'table lab-table--groups',
    })
  );
}
