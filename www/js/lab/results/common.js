// What the result views share: series colours, tables named in the reader's language, and the
// engine's judgement as a badge.
import { h, table as domTable } from '../../dom.js';
import { t } from '../../i18n.js';
import { cssVar } from '../charts.js';
import { tone } from '../metrics.js';

/** dom.js's table, its box (which scrolls on a narrow screen) named in the reader's language. */
export function table(spec) {
  const wrap = domTable(spec);
  wrap.dataset.label = t('lab.table', { caption: spec.caption ?? spec.head.filter((c) => typeof c === 'string').join(t('lab.list')) });
  return wrap;
}

const PALETTE = ['--lab-series-1', '--lab-series-2', '--lab-series-3', '--lab-series-4', '--lab-series-5', '--lab-series-6'];
const FALLBACK = ['#4c2fb5', '#1f9d55', '#c2410c', '#0e7490', '#b45309', '#9d174d'];

/** The colour of the i-th line or variant (lab.css --lab-series-*). */
export function seriesColour(i) {
  return cssVar(PALETTE[i % PALETTE.length], FALLBACK[i % FALLBACK.length]);
}

/** The engine's judgement of a difference ("higher", "lower", "no clear difference"), in words
 * (`lab.judgement.JUDGEMENT`), as a badge coloured by whether the change is good ([`tone`]): more
 * blocked spend is not green. */
export function judgement(d, metric = d?.metric) {
  if (!d) return '—';
  const kind = d.significant ? tone(metric, d.judgement === 'higher') : 'noise';
  return h('span', { class: `lab-judgement lab-judgement--${kind}`, text: judgementWords(d.judgement) });
}

/** "higher", "lower", "no clear difference" in the reader's language. */
export function judgementWords(j) {
  return { higher: t('lab.judgement.higher'), lower: t('lab.judgement.lower'), 'no clear difference': t('lab.judgement.none') }[j] ?? String(j);
}
