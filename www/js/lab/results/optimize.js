// An optimization's answer: whether the best values found keep every limit, what they are and
// what they give, each limit at the best values (with the room left), a chart of the aim over
// every combination tried, the runners-up, how the search works, and a button that makes the
// best point's scenario the lab's scenario.
import { isDecimal, shift } from '../../decimal.js';
import { h, sourceLink, table } from '../../dom.js';
import { cssVar, dotChart, gridChart } from '../charts.js';
import { MONEY_METRICS, RATIO_METRICS, bundleParameter, metricName, parameterShortName, unitOf } from '../metrics.js';

/** Most grid cells a chart marks as "not tried" (beyond that, only the points tried show). */
const MAX_UNTRIED_DOTS = 4000;

/**
 * The answer `answer` of the request `request` (the document's `optimization` when it ran), in
 * `fmt`'s locale; `labels` names parameters; `onUse` takes the best scenario.
 */
export function renderOptimize(answer, fmt, { request = {}, labels = new Map(), onUse }) {
  const { what, aim } = objectiveName(request.objective, answer.objective);
  const value = (p, v) => (bundleParameter(p)?.field === 'price' ? fmt.money(v) : fmt.value(v));
  const best = answer.best;
  const objective = best.objective;
  const searched = answer.exhaustive
    ? 'every combination tried'
    : answer.converged
      ? 'the search settled: no value next to the best does better'
      : `stopped at the limit of ${fmt.count(answer.evaluations)}: a higher limit may find better`;

  const summary = h(
    'div',
    { class: 'lab-results-summary' },
    h(
      'p',
      { class: 'lab-summary-line', 'data-testid': 'optimize-verdict' },
      answer.feasible ? 'The best values found keep every limit' : h('span', { class: 'lab-optimize-missed', text: 'No values tried keep every limit' }),
      ` (${searchSize(answer, fmt)}; ${searched}).`,
    ),
    answer.feasible
      ? null
      : h(
          'div',
          { class: 'lab-optimize-warning', 'data-testid': 'optimize-warning' },
          h('p', { class: 'notice-error', text: 'Below are the values that miss the limits by the least. Loosen a limit, widen a range or allow more simulations to find values that keep them all.' }),
          answer.warning ? h('p', { class: 'muted', text: `The engine: ${answer.warning}` }) : null,
        ),
    h(
      'p',
      { class: 'lab-optimize-aim' },
      `${aim}: `,
      h('strong', { text: fmt.money(objective.mean) }),
      ` on average over runs (P5–P95 ${fmt.money(objective.p5)} to ${fmt.money(objective.p95)}).`,
    ),
    h(
      'dl',
      { class: 'lab-headline-figures lab-optimize-best', 'data-testid': 'optimize-best' },
      answer.variables.map((v) =>
        h(
          'div',
          { class: 'lab-figure lab-figure--platform_margin' },
          h('dt', { text: parameterLabel(v.parameter, labels) }),
          h('dd', { class: 'lab-figure-value', text: value(v.parameter, best.values[v.parameter]) }),
          h('dd', { class: 'lab-figure-range', text: `tried from ${value(v.parameter, v.values[0])} to ${value(v.parameter, v.values.at(-1))}` }),
        ),
      ),
    ),
    h('div', { class: 'button-row' }, h('button', { type: 'button', class: 'button button--primary', text: 'Use the best scenario', onclick: onUse })),
    h('p', { class: 'muted lab-optimize-note', text: 'It becomes the lab’s scenario, to simulate in full or to compare with today’s in an A/B test. The figures are means over the scenario’s runs, on its seed: an estimate of the model, not a promise of the market.' }),
  );

  const panels = [summary];
  if (best.constraints.length) {
    panels.push(
      h(
        'section',
        { class: 'lab-result-panel', 'aria-labelledby': 'result-limits-title' },
        h('h3', { id: 'result-limits-title', text: 'Limits at the best values' }),
        table({
          caption: 'Each limit, what the best values give (mean over runs) and the room left before it is missed',
          head: ['Limit', 'At the best values', 'Room left', 'Kept'],
          rows: best.constraints.map((c, i) => {
            const asked = request.constraints?.[i];
            return {
              className: c.met ? null : 'lab-is-missed',
              cells: [constraintName(asked, c.constraint, fmt), standingValue(asked, c.value, fmt), standingSlack(asked, c, fmt), badge(c.met)],
            };
          }),
          numeric: [1, 2],
          className: 'table lab-table--limits',
        }),
      ),
    );
  }
  panels.push(chartPanel(answer, fmt, { what, aim, goal: request.objective?.goal, value, labels }));
  if (answer.runners_up.length) panels.push(runnersUp(answer, fmt, { what, value }));
  panels.push(method(answer, fmt));
  return panels;
}

/** The objective as people say it: `what` ("Platform margin") and `aim` ("Platform margin (as
 * high as possible)"); the engine's words (`fallback`) when the request is not at hand. */
function objectiveName(objective, fallback = '') {
  const low = objective?.goal === 'minimize';
  let what;
  if (typeof objective?.metric === 'string') what = metricName(objective.metric);
  else if (objective?.weights && typeof objective.weights === 'object') {
    what = Object.entries(objective.weights)
      .map(([m, w], i) => {
        const negative = String(w).startsWith('-');
        const size = negative ? String(w).slice(1) : String(w);
        const name = i === 0 ? metricName(m) : lowerFirst(metricName(m));
        const term = size === '1' ? name : `${size} × ${name}`;
        return i === 0 ? `${negative ? '−' : ''}${term}` : `${negative ? ' − ' : ' + '}${term}`;
      })
      .join('');
  } else return { what: fallback, aim: fallback };
  return { what, aim: `${what} (as ${low ? 'low' : 'high'} as possible)` };
}

function parameterLabel(p, labels) {
  const label = labels.get(p);
  return label ? label.replace(/ \(now [^)]*\)$/, '') : parameterShortName(p);
}

/** "Platform margin" → "platform margin" (but "ARPU" stays "ARPU"). */
const lowerFirst = (text) => (/^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text);

/** "40 simulations of 225 combinations" (the engine writes the combinations as text: they may
 * be more than a number holds). */
function searchSize(answer, fmt) {
  const simulations = `${fmt.count(answer.evaluations)} simulation${answer.evaluations === 1 ? '' : 's'}`;
  const text = String(answer.combinations);
  const combinations = /^\d{1,15}$/.test(text) ? `${fmt.count(Number(text))} combination${text === '1' ? '' : 's'}` : `${text} combinations`;
  return `${simulations} of ${combinations}`;
}

function badge(met) {
  return h('span', { class: `lab-judgement lab-judgement--${met ? 'good' : 'bad'}`, text: met ? 'kept' : 'missed' });
}

/** A share ("0.075") as a percentage with every digit ("7.5%"). */
const share = (v, fmt) => (isDecimal(String(v)) ? fmt.percent(shift(String(v), 2)) : String(v));

/** A value of `metric`, as the limit and its standing write it. */
function metricValue(metric, v, fmt) {
  if (!isDecimal(String(v))) return String(v ?? '—');
  if (metric in MONEY_METRICS) return fmt.money(v);
  if (metric in RATIO_METRICS && metric !== 'purchases_per_payer') return share(v, fmt);
  return fmt.decimal(String(v));
}

/** A limit as the request gave it, in words (the engine's own words when the request is gone). */
function constraintName(c, fallback, fmt) {
  if (!c || typeof c !== 'object') return fallback;
  const on = c.rate_card ? ` (${c.rate_card})` : '';
  if (c.price_per_coin !== undefined) return `Bigger packs never cost more per coin${on}`;
  if (Array.isArray(c.reachable_gifts)) return `${c.reachable_gifts.join(', ')} can be bought with no coins left over${on}`;
  if (typeof c.metric !== 'string') return fallback;
  const of = c.age_group ? `, age group ${c.age_group}` : c.segment ? `, segment ${c.segment}` : '';
  const [word, limit] = c.at_most !== undefined ? ['at most', c.at_most] : ['at least', c.at_least];
  return `${metricName(c.metric)}${of}: ${word} ${metricValue(c.metric, limit, fmt)}`;
}

function standingValue(c, v, fmt) {
  if (c?.price_per_coin !== undefined) return `smallest drop between packs: ${share(v, fmt)}`;
  if (Array.isArray(c?.reachable_gifts)) return v === 'all' ? 'every one' : `not: ${v}`;
  return typeof c?.metric === 'string' ? metricValue(c.metric, v, fmt) : String(v);
}

function standingSlack(c, standing, fmt) {
  const v = standing.slack;
  // Room is a figure's; a pack rule is kept or not.
  if (typeof c?.metric !== 'string' || !isDecimal(String(v))) return '—';
  const sign = String(v).startsWith('-') ? '' : '+';
  if (c.metric in RATIO_METRICS && c.metric !== 'purchases_per_payer') return `${sign}${fmt.decimal(shift(String(v), 2))} pts`;
  if (unitOf(c.metric) === 'money') return fmt.signedMoney(v);
  return `${sign}${fmt.decimal(String(v))}`;
}

// The chart --------------------------------------------------------------------------------

/** `#rrggbb` colours mixed: `t` of the way from `a` to `b`. */
function mix(a, b, t) {
  const parse = (hex) => (/^#[0-9a-f]{6}$/i.test(hex) ? [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)) : null);
  const [p, q] = [parse(a), parse(b)];
  if (!p || !q) return t < 0.5 ? a : b;
  return `#${p.map((x, k) => Math.round(x + (q[k] - x) * t).toString(16).padStart(2, '0')).join('')}`;
}

function chartPanel(answer, fmt, { what, aim, goal, value, labels }) {
  const vars = answer.variables;
  const params = vars.map((v) => v.parameter);
  const low = cssVar('--lab-heat-low', '#ece8fb');
  const high = cssVar('--lab-heat-high', '#2e1a87');
  const untriedColour = cssVar('--gs-border', '#d5d9e0');
  const numbers = answer.points.filter((p) => p.objective != null).map((p) => Number(p.objective));
  const [lo, hi] = numbers.length ? [Math.min(...numbers), Math.max(...numbers)] : [0, 0];
  const better = (n) => (hi === lo ? 1 : goal === 'minimize' ? (hi - n) / (hi - lo) : (n - lo) / (hi - lo));
  const colour = (p) => (p.objective == null ? untriedColour : mix(low, high, 0.08 + 0.92 * better(Number(p.objective))));
  const bestKey = JSON.stringify(params.map((p) => answer.best.values[p]));
  const title = (p) => [
    ...params.map((q, k) => `${parameterShortName(q)}: ${value(q, p.values[k])}`),
    p.objective != null ? `${what}: ${fmt.money(p.objective)}` : 'Not simulated',
    p.invalid ? `Not simulated: ${p.invalid}` : p.feasible ? 'Keeps every limit' : p.objective == null ? 'A limit on the packs is missed' : 'Misses a limit',
    ...(JSON.stringify(p.values) === bestKey ? ['The best found'] : []),
  ];
  const axisTitle = (p) => parameterLabel(p, labels);
  const canvas = h('canvas', { role: 'img' });
  let intro;
  let scale = null;
  if (vars.length === 2) {
    const index = vars.map((v) => new Map(v.values.map((x, i) => [x, i])));
    const cells = answer.points.map((p) => ({ x: index[0].get(p.values[0]), y: index[1].get(p.values[1]), feasible: p.feasible, colour: colour(p), title: title(p) }));
    const tried = new Set(cells.map((c) => `${c.x},${c.y}`));
    const untried = [];
    if (vars[0].values.length * vars[1].values.length <= MAX_UNTRIED_DOTS) {
      vars[0].values.forEach((_, x) => vars[1].values.forEach((__, y) => tried.has(`${x},${y}`) || untried.push({ x, y })));
    }
    const bestCell = { x: index[0].get(answer.best.values[params[0]]), y: index[1].get(answer.best.values[params[1]]) };
    canvas.setAttribute('aria-label', `A grid of ${parameterShortName(params[0])} across and ${parameterShortName(params[1])} up; each combination tried is coloured by ${aim}, darker is better; crossed ones miss a limit; the best is outlined. Every point is in the table below.`);
    queueMicrotask(() =>
      gridChart(canvas, {
        xLabels: vars[0].values.map((x) => value(params[0], x)),
        yLabels: vars[1].values.map((x) => value(params[1], x)),
        xTitle: axisTitle(params[0]),
        yTitle: axisTitle(params[1]),
        cells,
        best: bestCell,
        untried,
        legendColour: mix(low, high, 0.7),
      }),
    );
    intro = `Each cell is a combination the search simulated, coloured by ${lowerFirst(what)} (mean over runs): darker is better. Crossed cells miss a limit; the outlined cell is the best found; dots are combinations not tried.`;
    const [worst, top] = goal === 'minimize' ? [hi, lo] : [lo, hi];
    const bar = h('span', { class: 'lab-heat-bar', 'aria-hidden': 'true' });
    bar.style.background = `linear-gradient(to right, ${mix(low, high, 0.08)}, ${high})`;
    scale = numbers.length ? h('p', { class: 'lab-heat-scale', 'data-testid': 'optimize-scale' }, h('span', { text: `${what}: ${fmt.money(worst.toFixed(2))}` }), bar, h('span', { text: `${fmt.money(top.toFixed(2))} (better)` })) : null;
  } else {
    const one = vars.length === 1;
    const order = new Map(vars[0].values.map((x, i) => [x, i]));
    const points = answer.points.map((p, n) => ({ x: one ? order.get(p.values[0]) : n + 1, y: p.objective, feasible: p.feasible, title: title(p), key: JSON.stringify(p.values) }));
    if (one) points.sort((a, b) => a.x - b.x);
    const best = points.find((p) => p.key === bestKey && p.y != null);
    canvas.setAttribute('aria-label', one ? `${aim} at each value of ${parameterShortName(params[0])} tried; crossed ones miss a limit; the best is a diamond. Every point is in the table below.` : `${aim} of each simulation, in the order the search ran them; crossed ones miss a limit; the best is a diamond. Every point is in the table below.`);
    queueMicrotask(() =>
      dotChart(
        canvas,
        {
          xLabels: one ? vars[0].values.map((x) => value(params[0], x)) : null,
          xTitle: one ? axisTitle(params[0]) : 'Simulation, in the order the search ran them',
          yTitle: what,
          points,
          best,
          joined: one,
        },
        fmt,
      ),
    );
    intro = one
      ? `${what} (mean over runs) at each value the search simulated. Crosses miss a limit; the diamond is the best found.`
      : `With ${vars.length} settings the space has too many sides to draw: here is each simulation's ${lowerFirst(what)} in the order the search ran them, coarse first, then closer around the best. Crosses miss a limit; the diamond is the best found.`;
  }
  const rows = answer.points.map((p) => ({
    className: p.feasible ? null : 'lab-is-noise',
    cells: [...params.map((q, k) => value(q, p.values[k])), p.objective == null ? '—' : fmt.money(p.objective), p.invalid ? `not simulated: ${p.invalid}` : p.feasible ? 'yes' : p.objective == null ? 'no (not simulated)' : 'no'],
  }));
  return h(
    'section',
    { class: 'lab-result-panel', 'aria-labelledby': 'result-search-title' },
    h('h3', { id: 'result-search-title', text: 'Your aim across the values tried' }),
    h('p', { class: 'lab-panel-intro', text: intro }),
    h('div', { class: `lab-chart lab-chart--optimize${vars.length === 2 ? ' lab-chart--grid' : ''}`, 'data-testid': 'optimize-chart' }, canvas),
    scale,
    h(
      'details',
      { class: 'lab-figures' },
      h('summary', { text: `Every combination simulated (${fmt.count(answer.points.length)})` }),
      table({
        caption: `Each point in the order the search tried it: ${aim}, mean over runs`,
        head: [...params.map((p) => parameterShortName(p)), 'Aim', 'Keeps every limit'],
        rows,
        numeric: [...params.keys(), params.length],
        className: 'table lab-table--compact',
      }),
    ),
  );
}

function runnersUp(answer, fmt, { what, value }) {
  const params = answer.variables.map((v) => v.parameter);
  const bestMean = answer.best.objective.mean;
  const rows = [answer.best, ...answer.runners_up].map((p, i) => ({
    className: p.feasible ? null : 'lab-is-noise',
    cells: [
      i === 0 ? 'Best' : `${i + 1}`,
      ...params.map((q) => value(q, p.values[q])),
      h('span', null, fmt.money(p.objective.mean), h('span', { class: 'lab-sub', text: `P5–P95 ${fmt.compactMoney(Number(p.objective.p5))} – ${fmt.compactMoney(Number(p.objective.p95))}` })),
      i === 0 ? '—' : fmt.signedMoney(difference(p.objective.mean, bestMean)),
      badge(p.feasible),
    ],
  }));
  return h(
    'section',
    { class: 'lab-result-panel', 'aria-labelledby': 'result-runners-title' },
    h('h3', { id: 'result-runners-title', text: 'The best and the runners-up' }),
    h('p', { class: 'lab-panel-intro', text: 'Close runners-up are as good a choice: the gap between them is often smaller than the P5–P95 range of a single point.' }),
    table({
      caption: `The best points found, by ${lowerFirst(what)} (mean over runs)`,
      head: ['Rank', ...params.map((p) => parameterShortName(p)), 'Mean over runs', 'Against the best', 'Limits'],
      rows,
      numeric: [...params.map((_, k) => k + 1), params.length + 1, params.length + 2],
      className: 'table lab-table--compact lab-table--runners',
    }),
  );
}

/** `a − b` of two money decimals, exactly (to the cent: both have two places). */
function difference(a, b) {
  const cents = (s) => {
    const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(String(s));
    if (!m) return null;
    const v = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
    return m[1] ? -v : v;
  };
  const [x, y] = [cents(a), cents(b)];
  if (x === null || y === null) return null;
  const d = x - y;
  const abs = d < 0n ? -d : d;
  return `${d < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

function method(answer, fmt) {
  const ladders = answer.variables.filter((v) => v.price_points);
  const skipped = answer.points.filter((p) => p.objective == null && !p.invalid).length;
  return h(
    'section',
    { class: 'lab-result-panel', 'aria-labelledby': 'result-method-title' },
    h('h3', { id: 'result-method-title', text: 'How the search works' }),
    h('p', { class: 'lab-panel-intro', 'data-testid': 'optimize-method', text: answer.method }),
    ladders.map((v) =>
      h(
        'p',
        { class: 'lab-panel-intro' },
        `${parameterShortName(v.parameter)}: ${v.price_points.name}${v.price_points.estimate ? ' (our estimate of the points)' : ''}, as of ${v.price_points.as_of}. Source: `,
        sourceLink(v.price_points.source),
        `. ${v.price_points.method}`,
      ),
    ),
    h('p', { class: 'muted lab-panel-intro', text: `${searchSize(answer, fmt)}${answer.exhaustive ? ', every one tried' : ''}.${skipped ? ` ${fmt.count(skipped)} more missed a limit on the packs themselves, so were not simulated.` : ''}` }),
  );
}
