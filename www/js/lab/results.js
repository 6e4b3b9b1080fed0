// The results column: what was run (cards, rules, population, seed — enough to trace every
// figure; for an audit, the card, region and day), the downloads, and the view of the run's mode.
import { h, replace } from '../dom.js';
import { destroyCharts } from './charts.js';
import { button } from './controls.js';
import { renderAb } from './results/ab.js';
import { renderAudit } from './results/audit.js';
import { renderCalibrate } from './results/calibrate.js';
import { renderOptimize } from './results/optimize.js';
import { renderPower } from './results/power.js';
import { renderSimulate } from './results/simulate.js';
import { renderSweep } from './results/sweep.js';
import { auditOf, auditedCard, isObject, plannedVariant } from './document.js';
import { variantTitle } from './metrics.js';

const MODE_TITLES = { simulate: 'One scenario', sweep: 'Sweep', ab: 'A/B test', calibrate: 'Calibration', optimize: 'Optimization', power: 'Plan of a real experiment', audit: 'Audit' };
/** Modes whose answer has no CSV (a search's points, a plan's figures, an audit's tables are in its JSON). */
const NO_CSV = new Set(['calibrate', 'optimize', 'power', 'audit']);

/**
 * The results column's three parts, made once: the head (title, downloads, what was run), a
 * live region that only ever holds the summary (so assistive technology reads the new answer,
 * not the whole column), and the body (charts and tables).
 */
function parts(section) {
  section.labParts ??= {
    head: h('div', { class: 'lab-results-top' }),
    live: h('div', { class: 'lab-live', 'aria-live': 'polite', 'data-testid': 'summary' }),
    body: h('div', { class: 'lab-results-body' }),
  };
  const p = section.labParts;
  if (!p.live.isConnected) replace(section, p.head, p.live, p.body);
  return p;
}

/** Draws `run` (the last finished run) into `section`, or the empty state. */
export function renderResults(section, app, run) {
  destroyCharts();
  const { head, live, body } = parts(section);
  const title = h('h2', { id: 'results-title', text: 'Results' });
  if (!run) {
    replace(head, h('div', { class: 'lab-results-head' }, title));
    replace(live);
    replace(
      body,
      h('div', { class: 'lab-empty-results', 'data-testid': 'empty-results' }, h('p', { text: 'Press Run to simulate the scenario on the left. The example — 100,000 US viewers on TikTok’s three channels under family spending rules, 30 days, 20 runs — takes well under a second.' }), h('p', { class: 'muted', text: 'Switch to Sweep or A/B test above to compare prices, fees and caps, to Calibrate to fit the scenario to your own numbers, to Optimize to find the prices that do best within your limits, to Plan a real test to see how many users and days a real A/B test needs, or to Audit a rate card for what each gift really costs and the rules of a region on a day.' })),
    );
    return;
  }
  const { doc, answer, ms } = run;
  const fmt = app.format(run.currency);
  const stale = JSON.stringify(doc) !== JSON.stringify(app.doc);
  const [summary, ...content] =
    doc.mode === 'simulate'
      ? renderSimulate(answer, fmt)
      : doc.mode === 'sweep'
        ? renderSweep(answer, fmt, { metric: app.sweepMetric, onMetric: (m) => ((app.sweepMetric = m), renderResults(section, app, run)), labels: app.parameterLabels() })
        : doc.mode === 'calibrate'
          ? renderCalibrate(answer, fmt, { onUse: () => app.useFitted(answer.scenario) })
          : doc.mode === 'optimize'
            ? renderOptimize(answer, fmt, { request: doc.optimization, labels: app.optimizeLabels(), onUse: () => app.useBest(answer.scenario) })
            : doc.mode === 'power'
              ? renderPower(answer, fmt, { change: plannedChange(doc) })
              : doc.mode === 'audit'
                ? renderAudit(answer, { request: JSON.parse(run.inputText), formatFor: (currency) => app.format(currency), library: app.library, onPrint: () => app.printReport(), onSaveRequest: () => app.saveAuditRequest() })
                : renderAb(answer, fmt, { onPlan: (i) => app.planVariant(i) });
  replace(
    head,
    h(
      'div',
      { class: 'lab-results-head' },
      title,
      h(
        'div',
        { class: 'button-row lab-downloads', role: 'group', 'aria-label': 'Download the results' },
        NO_CSV.has(doc.mode) ? null : button('Results as CSV', () => app.downloadResults('csv'), { kind: '' }),
        button('Results as JSON', () => app.downloadResults('json'), { kind: '' }),
      ),
    ),
    h('p', { class: 'lab-run-meta', 'data-testid': 'run-meta' }, `${MODE_TITLES[doc.mode]} · `, doc.mode === 'audit' ? describeAudit(doc, answer) : describe(doc, fmt, app), ` · computed in ${fmt.seconds(ms)}`),
    answer?.scenario?.scale?.note ? h('p', { class: 'lab-run-meta', 'data-testid': 'scale-note', text: answer.scenario.scale.note }) : null,
    h('p', {
      class: 'lab-stale',
      hidden: !stale,
      'data-testid': 'stale',
      text: doc.mode === 'audit' ? 'The card or the audit’s settings have changed since this report: press Audit to update it.' : 'The scenario has changed since this run: press Run to update the results.',
    }),
  );
  replace(live, summary);
  replace(body, content);
}

/** The title of the A/B variant a plan tested, or null (an effect of a size given, or none). */
function plannedChange(doc) {
  const v = doc.plan?.effect == null ? plannedVariant(doc) : null;
  return v ? variantTitle(v, doc.plan.variant) : null;
}

/** What an audit read, in one line: the card (edited or not), its other channels, the region and day. */
function describeAudit(doc, answer) {
  const card = answer.rate_card;
  const edited = isObject(auditOf(doc).rate_card) ? ' (from a file)' : isObject(auditedCard(doc)) ? ' (edited)' : '';
  const others = answer.channels?.length ? `; ${answer.channels.map((c) => c.rate_card.id).join(', ')}` : '';
  const rules = answer.rules ? `; rules of ${answer.rules.region} on ${answer.rules.date}` : '; no region';
  return `${card.id} v${card.version}${card.as_of ? ` (${card.as_of})` : ''}${edited}${others}${rules}`;
}

/** What the run used, in one line: cards, rules, population, runs and seed. */
function describe(doc, fmt, app) {
  const s = doc.scenario;
  const refs = Array.isArray(s.channels) ? s.channels.map((c) => c.rate_card) : [s.rate_card];
  const named = (ref, kind) => {
    const o = kind === 'card' ? app.library.card(ref) : app.library.ruleSet(ref);
    if (!o) return String(ref);
    const edited = typeof ref === 'object' ? ' (edited)' : '';
    return `${o.id} v${o.version ?? 1}${o.as_of ? ` (${o.as_of})` : ''}${edited}`;
  };
  const cards = `${refs.map((r) => named(r, 'card')).join(', ')}; rules ${named(s.rule_set ?? 'none', 'rules')}`;
  // A plan simulates the viewers once for each length of test, whatever the scenario's days and runs.
  if (doc.mode === 'power') return `${cards}; ${fmt.count(Number(s.viewers))} simulated viewers, one run per length of test, seed ${s.seed ?? 0}`;
  return `${cards}; ${fmt.count(Number(s.viewers))} viewers × ${fmt.days(Number(s.days))} × ${fmt.count(Number(s.runs ?? 1))} runs, seed ${s.seed ?? 0}`;
}
