// An optimization's answer: whether the best values found keep every limit, what they are and
// what they give, each limit at the best values (with the room left), a chart of the aim over
// every combination tried, the runners-up, how the search works, and a button that makes the
// best point's scenario the lab's scenario.
import { isDecimal, shift } from '../../decimal.js';
import { h, sourceLink } from '../../dom.js';
import { t, tParts } from '../../i18n.js';
import { cssVar, dotChart, gridChart } from '../charts.js';
import { MONEY_METRICS, bundleParameter, inSentence, isShare, metricName, parameterShortName, unitOf } from '../metrics.js';
import { table } from './common.js';

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
    ? t('lab.optimize.searched_all')
    : answer.converged
      ? t('lab.optimize.searched_settled')
      : t('lab.optimize.searched_limit', { limit: fmt.count(answer.evaluations) });

  const summary = h(
    'div',
    { class: 'lab-results-summary' },
    h(
      'p',
      { class: 'lab-summary-line', 'data-testid': 'optimize-verdict' },
      tParts('lab.optimize.verdict', {
        verdict: answer.feasible ? t('lab.optimize.feasible') : h('span', { class: 'lab-optimize-missed', text: t('lab.optimize.infeasible') }),
        size: searchSize(answer, fmt),
        searched,
      }),
    ),
    answer.feasible
      ? null
      : h(
          'div',
          { class: 'lab-optimize-warning', 'data-testid': 'optimize-warning' },
          h('p', { class: 'notice-error', text: t('lab.optimize.miss_least') }),
          answer.warning ? h('p', { class: 'muted' }, t('lab.optimize.engine_says'), h('span', { lang: 'en', text: answer.warning })) : null,
        ),
    h(
      'p',
      { class: 'lab-optimize-aim' },
      tParts('lab.optimize.aim_line', { aim, mean: h('strong', { text: fmt.money(objective.mean) }), from: fmt.money(objective.p5), to: fmt.money(objective.p95) }),
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
          h('dd', { class: 'lab-figure-range', text: t('lab.optimize.tried', { from: value(v.parameter, v.values[0]), to: value(v.parameter, v.values.at(-1)) }) }),
        ),
      ),
    ),
    h('div', { class: 'button-row' }, h('button', { type: 'button', class: 'button button--primary', text: t('lab.optimize.use_best'), onclick: onUse })),
    h('p', { class: 'muted lab-optimize-note', text: t('lab.optimize.use_best_note') }),
  );

  const panels = [summary];
  if (best.constraints.length) {
    panels.push(
      h(
        'section',
        { class: 'lab-result-panel', 'aria-labelledby': 'result-limits-title' },
        h('h3', { id: 'result-limits-title', text: t('lab.optimize.limits_title') }),
        table({
          caption: t('lab.optimize.limits_caption'),
          head: [t('lab.head.limit'), t('lab.head.at_best'), t('lab.head.room'), t('lab.head.kept')],
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
        const name = i === 0 ? metricName(m) : inSentence(metricName(m));
        const term = size === '1' ? name : t('lab.optimize.weighted_term', { weight: size, name });
        return i === 0 ? `${negative ? '−' : ''}${term}` : `${negative ? ' − ' : ' + '}${term}`;
      })
      .join('');
  } else return { what: fallback, aim: fallback };
  return { what, aim: t(low ? 'lab.optimize.aim_low' : 'lab.optimize.aim_high', { what }) };
}

function parameterLabel(p, labels) {
  return labels.get(p) ?? parameterShortName(p);
}

/** "40 simulations of 225 combinations" (the engine writes the combinations as text: they may
 * be more than a number holds). */
function searchSize(answer, fmt) {
  const text = String(answer.combinations);
  const count = /^\d{1,15}$/.test(text) ? Number(text) : Infinity;
  return t('lab.optimize.search_size', {
    simulations: t('lab.optimize.simulations', { count: answer.evaluations, n: fmt.count(answer.evaluations) }),
    combinations: t('lab.optimize.combinations', { count: Number.isFinite(count) ? count : 2, n: Number.isFinite(count) ? fmt.count(count) : text }),
  });
}

function badge(met) {
  return h('span', { class: `lab-judgement lab-judgement--${met ? 'good' : 'bad'}`, text: t(met ? 'lab.optimize.kept' : 'lab.optimize.missed') });
}

/** A share ("0.075") as a percentage with every digit ("7.5%"). */
const share = (v, fmt) => (isDecimal(String(v)) ? fmt.percent(shift(String(v), 2)) : String(v));

/** A value of `metric`, as the limit and its standing write it. */
function metricValue(metric, v, fmt) {
  if (!isDecimal(String(v))) return String(v ?? '—');
  if (MONEY_METRICS.includes(metric)) return fmt.money(v);
  if (isShare(metric)) return share(v, fmt);
  return fmt.decimal(String(v));
}

/** A limit as the request gave it, in words (the engine's own words when the request is gone). */
function constraintName(c, fallback, fmt) {
  if (!c || typeof c !== 'object') return fallback;
  const on = (text) => (c.rate_card ? t('lab.optimize.on_card', { text, card: c.rate_card }) : text);
  if (c.price_per_coin !== undefined) return on(t('lab.optimize.limit_kind.price_per_coin'));
  if (Array.isArray(c.reachable_gifts)) return on(t('lab.optimize.reachable', { gifts: c.reachable_gifts.join(t('lab.list')) }));
  if (typeof c.metric !== 'string') return fallback;
  const who = c.age_group ? t('lab.optimize.of_age_group', { metric: metricName(c.metric), id: c.age_group }) : c.segment ? t('lab.optimize.of_segment', { metric: metricName(c.metric), id: c.segment }) : metricName(c.metric);
  const [word, limit] = c.at_most !== undefined ? ['lab.optimize.limit_at_most', c.at_most] : ['lab.optimize.limit_at_least', c.at_least];
  return t(word, { figure: who, value: metricValue(c.metric, limit, fmt) });
}

function standingValue(c, v, fmt) {
  if (c?.price_per_coin !== undefined) return t('lab.optimize.smallest_drop', { drop: share(v, fmt) });
  if (Array.isArray(c?.reachable_gifts)) return v === 'all' ? t('lab.optimize.every_one') : t('lab.optimize.not', { gifts: v });
  return typeof c?.metric === 'string' ? metricValue(c.metric, v, fmt) : String(v);
}

function standingSlack(c, standing, fmt) {
  const v = standing.slack;
  // Room is a figure's; a pack rule is kept or not.
  if (typeof c?.metric !== 'string' || !isDecimal(String(v))) return '—';
  const sign = String(v).startsWith('-') ? '' : '+';
  if (isShare(c.metric)) return t('lab.points', { points: `${sign}${fmt.decimal(shift(String(v), 2))}` });
  if (unitOf(c.metric) === 'money') return fmt.signedMoney(v);
  return `${sign}${fmt.decimal(String(v))}`;
}

// The chart --------------------------------------------------------------------------------

/** `#rrggbb` colours mixed: `part` of the way from `a` to `b`. */
function mix(a, b, part) {
  const parse = (hex) => (/^#[0-9a-f]{6}$/i.test(hex) ? [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)) : null);
  const [p, q] = [parse(a), parse(b)];
  if (!p || !q) return part < 0.5 ? a : b;
  return `#${p.map((x, k) => Math.round(x + (q[k] - x) * part).toString(16).padStart(2, '0')).join('')}`;
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
    ...params.map((q, k) => t('lab.chart.at', { title: parameterShortName(q), value: value(q, p.values[k]) })),
    p.objective != null ? t('lab.chart.at', { title: what, value: fmt.money(p.objective) }) : t('lab.optimize.not_simulated'),
    p.invalid ? t('lab.optimize.not_simulated_why', { why: p.invalid }) : p.feasible ? t('lab.chart.keeps') : p.objective == null ? t('lab.optimize.pack_limit_missed') : t('lab.chart.misses'),
    ...(JSON.stringify(p.values) === bestKey ? [t('lab.optimize.best_found')] : []),
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
    canvas.setAttribute('aria-label', t('lab.optimize.grid_chart', { across: parameterShortName(params[0]), up: parameterShortName(params[1]), aim }));
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
    intro = t('lab.optimize.grid_intro', { what: inSentence(what) });
    const [worst, top] = goal === 'minimize' ? [hi, lo] : [lo, hi];
    const bar = h('span', { class: 'lab-heat-bar', 'aria-hidden': 'true' });
    bar.style.background = `linear-gradient(to right, ${mix(low, high, 0.08)}, ${high})`;
    scale = numbers.length ? h('p', { class: 'lab-heat-scale', 'data-testid': 'optimize-scale' }, h('span', { text: t('lab.chart.at', { title: what, value: fmt.money(worst.toFixed(2)) }) }), bar, h('span', { text: t('lab.optimize.better', { value: fmt.money(top.toFixed(2)) }) })) : null;
  } else {
    const one = vars.length === 1;
    const order = new Map(vars[0].values.map((x, i) => [x, i]));
    const points = answer.points.map((p, n) => ({ x: one ? order.get(p.values[0]) : n + 1, y: p.objective, feasible: p.feasible, title: title(p), key: JSON.stringify(p.values) }));
    if (one) points.sort((a, b) => a.x - b.x);
    const best = points.find((p) => p.key === bestKey && p.y != null);
    canvas.setAttribute('aria-label', one ? t('lab.optimize.dot_chart_one', { aim, parameter: parameterShortName(params[0]) }) : t('lab.optimize.dot_chart', { aim }));
    queueMicrotask(() =>
      dotChart(
        canvas,
        {
          xLabels: one ? vars[0].values.map((x) => value(params[0], x)) : null,
          xTitle: one ? axisTitle(params[0]) : t('lab.optimize.dot_axis'),
          yTitle: what,
          points,
          best,
          joined: one,
        },
        fmt,
      ),
    );
    intro = one ? t('lab.optimize.dot_intro_one', { what }) : t('lab.optimize.dot_intro', { n: vars.length, what: inSentence(what) });
  }
  const rows = answer.points.map((p) => ({
    className: p.feasible ? null : 'lab-is-noise',
    cells: [...params.map((q, k) => value(q, p.values[k])), p.objective == null ? '—' : fmt.money(p.objective), p.invalid ? t('lab.optimize.cell_invalid', { why: p.invalid }) : p.feasible ? t('lab.yes') : p.objective == null ? t('lab.optimize.cell_not_simulated') : t('lab.no')],
  }));
  return h(
    'section',
    { class: 'lab-result-panel', 'aria-labelledby': 'result-search-title' },
    h('h3', { id: 'result-search-title', text: t('lab.optimize.search_title') }),
    h('p', { class: 'lab-panel-intro', text: intro }),
    h('div', { class: `lab-chart lab-chart--optimize${vars.length === 2 ? ' lab-chart--grid' : ''}`, 'data-testid': 'optimize-chart' }, canvas),
    scale,
    h(
      'details',
      { class: 'lab-figures' },
      h('summary', { text: t('lab.optimize.every_point', { n: fmt.count(answer.points.length) }) }),
      table({
        caption: t('lab.optimize.points_caption', { aim }),
        head: [...params.map((p) => parameterShortName(p)), t('lab.optimize.aim'), t('lab.chart.keeps')],
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
      i === 0 ? t('lab.chart.best') : fmt.count(i + 1),
      ...params.map((q) => value(q, p.values[q])),
      h('span', null, fmt.money(p.objective.mean), h('span', { class: 'lab-sub', text: t('lab.range.p5_p95', { from: fmt.compactMoney(Number(p.objective.p5)), to: fmt.compactMoney(Number(p.objective.p95)) }) })),
      i === 0 ? '—' : fmt.signedMoney(difference(p.objective.mean, bestMean)),
      badge(p.feasible),
    ],
  }));
  return h(
    'section',
    { class: 'lab-result-panel', 'aria-labelledby': 'result-runners-title' },
    h('h3', { id: 'result-runners-title', text: t('lab.optimize.runners_title') }),
    h('p', { class: 'lab-panel-intro', text: t('lab.optimize.runners_intro') }),
    table({
      caption: t('lab.optimize.runners_caption', { what: inSentence(what) }),
      head: [t('lab.head.rank'), ...params.map((p) => parameterShortName(p)), t('lab.head.mean_over_runs'), t('lab.head.against_best'), t('lab.head.limits')],
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
    h('h3', { id: 'result-method-title', text: t('lab.optimize.method_title') }),
    h('p', { class: 'lab-panel-intro', 'data-testid': 'optimize-method', lang: 'en', text: answer.method }),
    ladders.map((v) =>
      h(
        'p',
        { class: 'lab-panel-intro' },
        tParts(v.price_points.estimate ? 'lab.optimize.ladder_estimate' : 'lab.optimize.ladder', {
          parameter: parameterShortName(v.parameter),
          name: h('span', { lang: 'en', text: v.price_points.name }),
          date: v.price_points.as_of,
          source: sourceLink(v.price_points.source),
        }),
        ' ',
        h('span', { lang: 'en', text: v.price_points.method }),
      ),
    ),
    h(
      'p',
      { class: 'muted lab-panel-intro' },
      t(answer.exhaustive ? 'lab.optimize.method_size_all' : 'lab.optimize.method_size', { size: searchSize(answer, fmt) }),
      skipped ? ` ${t('lab.optimize.skipped', { count: skipped, n: fmt.count(skipped) })}` : '',
    ),
  );
}
