// What the result views share: series colours and the engine's judgement as a badge.
import { h } from '../../dom.js';
import { cssVar } from '../charts.js';
import { tone } from '../metrics.js';

const PALETTE = ['--lab-series-1', '--lab-series-2', '--lab-series-3', '--lab-series-4', '--lab-series-5', '--lab-series-6'];
const FALLBACK = ['#4c2fb5', '#1f9d55', '#c2410c', '#0e7490', '#b45309', '#9d174d'];

/** The colour of the i-th line or variant (lab.css --lab-series-*). */
export function seriesColour(i) {
  return cssVar(PALETTE[i % PALETTE.length], FALLBACK[i % FALLBACK.length]);
}

/** The engine's judgement of a difference ("higher", "lower", "no clear difference"), as a
 * badge coloured by whether the change is good ([`tone`]): more blocked spend is not green. */
export function judgement(d, metric = d?.metric) {
  if (!d) return '—';
  const kind = d.significant ? tone(metric, d.judgement === 'higher') : 'noise';
  return h('span', { class: `lab-judgement lab-judgement--${kind}`, text: d.judgement });
}
