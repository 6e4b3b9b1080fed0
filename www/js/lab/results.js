// The results column: what was run (cards, rules, population, seed — enough to trace every
// figure; for an audit, the card, region and day), the downloads, and the view of the run's mode.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
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
  const title = h('h2', { id: 'results-title', text: t('lab.results.title') });
  if (!run) {
    replace(head, h('div', { class: 'lab-results-head' }, title));
    replace(live);
    replace(body, h('div', { class: 'lab-empty-results', 'data-testid': 'empty-results' }, h('p', { text: t('lab.results.empty') }), h('p', { class: 'muted', text: t('lab.results.empty_modes') })));
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
        { class: 'button-row lab-downloads', role: 'group', 'aria-label': t('lab.results.downloads') },
        NO_CSV.has(doc.mode) ? null : button(t('lab.results.csv'), () => app.downloadResults('csv'), { kind: '' }),
        button(t('lab.results.json'), () => app.downloadResults('json'), { kind: '' }),
      ),
    ),
    h('p', { class: 'lab-run-meta', 'data-testid': 'run-meta', text: t('lab.results.meta', { mode: t(`lab.results.mode.${doc.mode}`), what: doc.mode === 'audit' ? describeAudit(doc, answer) : describe(doc, fmt, app), time: fmt.seconds(ms) }) }),
    answer?.scenario?.scale?.note ? h('p', { class: 'lab-run-meta', 'data-testid': 'scale-note', lang: 'en', text: answer.scenario.scale.note }) : null,
    h('p', {
      class: 'lab-stale',
      hidden: !stale,
      'data-testid': 'stale',
      text: t(doc.mode === 'audit' ? 'lab.results.stale_audit' : 'lab.results.stale'),
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

/** A card's or a rule set's id, version and date: "tiktok-ios v1 (2024)", and whether edited. */
function version(o, edit) {
  const base = t('lab.results.version', { id: o.id, version: String(o.version ?? 1) });
  const dated = o.as_of ? t('lab.results.dated', { what: base, date: o.as_of }) : base;
  return edit ? t(`lab.results.${edit}`, { what: dated }) : dated;
}

/** What an audit read, in one line: the card (edited or not), its other channels, the region and day. */
function describeAudit(doc, answer) {
  const edit = isObject(auditOf(doc).rate_card) ? 'from_file' : isObject(auditedCard(doc)) ? 'edited' : null;
  const parts = [version(answer.rate_card, edit)];
  if (answer.channels?.length) parts.push(answer.channels.map((c) => c.rate_card.id).join(t('lab.list')));
  parts.push(answer.rules ? t('lab.results.rules_of', { region: answer.rules.region, date: answer.rules.date }) : t('lab.results.no_region'));
  return parts.join(t('lab.results.separator'));
}

/** What the run used, in one line: cards, rules, population, runs and seed. */
function describe(doc, fmt, app) {
  const s = doc.scenario;
  const refs = Array.isArray(s.channels) ? s.channels.map((c) => c.rate_card) : [s.rate_card];
  const named = (ref, kind) => {
    const o = kind === 'card' ? app.library.card(ref) : app.library.ruleSet(ref);
    return o ? version(o, typeof ref === 'object' ? 'edited' : null) : String(ref);
  };
  const cards = refs.map((r) => named(r, 'card')).join(t('lab.list'));
  const rules = t('lab.results.rules', { rules: named(s.rule_set ?? 'none', 'rules') });
  const seed = String(s.seed ?? 0);
  // A plan simulates the viewers once for each length of test, whatever the scenario's days and runs.
  const population =
    doc.mode === 'power'
      ? t('lab.results.population_plan', { viewers: fmt.count(Number(s.viewers)), seed })
      : t('lab.results.population', { viewers: fmt.count(Number(s.viewers)), days: fmt.days(Number(s.days)), count: Number(s.runs ?? 1), runs: fmt.count(Number(s.runs ?? 1)), seed });
  return [cards, rules, population].join(t('lab.results.separator'));
}
