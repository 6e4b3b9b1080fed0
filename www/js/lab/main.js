// The pricing lab: loads the presets through the engine worker, opens the scenario from the
// link (or the example), and wires the editor, the run bar and the results together; keeps
// scenarios in this browser under a name, asks before a load replaces unsaved edits, and offers
// to undo it. The engine only ever runs in the worker, so the page never freezes. An audit's
// report prints on its own (lab.css, @media print).
import { h, replace } from '../dom.js';
import { FieldErrors } from '../fields.js';
import { LOCALES } from '../format.js';
import { pathParts, setAt } from './controls.js';
import { ask } from './dialog.js';
import { DocumentError, Library, MODES, UNSAFE_KEYS, auditedCard, clone, defaultDocument, documentPath, engineRequest, firstCard, fromEngineDocument, planOf } from './document.js';
import { SAVED, renderEditor, startingScenario } from './editor.js';
import { parameters } from './editor/experiment.js';
import { variableParameters } from './editor/optimize.js';
import { fromFragment, toFragment } from './link.js';
import { labFormatter } from './metrics.js';
import { renderResults } from './results.js';
import { CANCELLED, Runner } from './runner.js';
import { MAX_NAME, SavedError, isSavedKey, loadSaved, removeSaved, restoreSaved, saveScenario, savedScenarios } from './saved.js';

const root = document.documentElement;
const editorEl = document.getElementById('editor');
const resultsEl = document.getElementById('results');
const runBarEl = document.getElementById('run-bar');

const MODE_LABELS = { simulate: 'One scenario', sweep: 'Sweep', ab: 'A/B test', calibrate: 'Calibrate', optimize: 'Optimize', power: 'Plan a real test', audit: 'Audit a rate card' };
const RUN_LABELS = { simulate: 'Run', sweep: 'Run the sweep', ab: 'Run the A/B test', calibrate: 'Calibrate', optimize: 'Optimize', power: 'Plan the test', audit: 'Audit' };
const FILE_NAMES = { simulate: 'simulate', sweep: 'sweep', ab: 'ab-test', calibrate: 'calibrate', optimize: 'optimize', power: 'power', audit: 'audit' };
/** The file an audit's request is saved as, and the command that runs it. */
const AUDIT_FILE = 'audit.json';
/** What the progress bar counts, by mode: a search counts its simulations, a plan the viewers
 * simulated for every length of test. */
const PROGRESS_UNITS = { calibrate: 'simulations (at most)', optimize: 'simulations (at most)', power: 'viewers simulated' };
const MAX_IMPORT_BYTES = 1 << 20;

const app = {
  doc: defaultDocument(),
  library: null,
  locale: 'en-US',
  fmt: null,
  fields: new FieldErrors(),
  /** The engine's complaint about the last run, at a path of the document. */
  error: null,
  /** The last finished run: { doc, op, inputText, text, answer, ms, currency, csv }. */
  lastRun: null,
  sweepMetric: 'viewer_spend',
  /** Cards whose figures are shown (kept open across redraws). */
  openFigures: new Set(),
  runner: new Runner(),
  /** The "Start from" choice (kept across redraws). */
  startFrom: 'example',
  /** Whether the audit's region is typed rather than picked (kept across redraws). */
  auditOtherRegion: false,
  /** The name of the saved scenario last loaded or saved, offered when saving again. */
  savedName: null,
  /** The document as last opened, loaded or saved: edits since are what a load would lose. */
  clean: null,

  /** The currency of the scenario's first card, or of the card audited (USD if none is known). */
  currency(doc = this.doc) {
    const ref = doc.mode === 'audit' ? auditedCard(doc) : firstCard(doc.scenario);
    const code = this.library?.card(ref)?.currency;
    return typeof code === 'string' && /^[A-Z]{3}$/.test(code) ? code : 'USD';
  },

  format(currency = this.currency()) {
    return labFormatter(this.locale, currency);
  },

  /** The value at `path`, reading a preset card or rule set named by its id as its figures. */
  read(path) {
    let v = this.doc;
    for (const part of pathParts(path)) {
      if (v == null || typeof v !== 'object' || !Object.hasOwn(v, part)) return undefined;
      v = v[part];
      if (typeof v === 'string' && (part === 'rate_card' || part === 'rule_set') && this.library) {
        v = (part === 'rate_card' ? this.library.cardById.get(v) : this.library.ruleSetById.get(v)) ?? v;
      }
    }
    return v;
  },

  /** Writes `value` at `path` of the document; `rebuild` redraws the editor. */
  edit(path, value, { rebuild = false, focus } = {}) {
    materialize(path);
    setAt(this.doc, path, value);
    if (this.error && (this.error.path === path || this.error.path.startsWith(`${path}.`) || this.error.path.startsWith(`${path}[`))) {
      this.error = null;
      this.fields.clear();
      notice(null);
    }
    this.changed({ rebuild, focus });
  },

  /** Removes the element or key at `path`, keeping the keyboard in the same group. */
  removeAt(path) {
    const groupId = document.activeElement?.closest?.('details.lab-group')?.id;
    setAt(this.doc, path, undefined);
    this.error = null;
    this.changed({ rebuild: true });
    if (groupId) document.querySelector(`#${groupId} > summary`)?.focus();
  },

  /** Sets (or with undefined removes) the change `parameter` of variant `i`. */
  setChange(i, parameter, value, { rebuild = false } = {}) {
    const variant = this.doc.variants?.[i];
    if (!variant || UNSAFE_KEYS.has(parameter)) return;
    if (typeof variant.changes !== 'object' || variant.changes === null || Array.isArray(variant.changes)) variant.changes = {};
    if (value === undefined) delete variant.changes[parameter];
    else variant.changes[parameter] = value;
    this.changed({ rebuild });
  },

  changed({ rebuild = false, focus, edit = true } = {}) {
    // An edit after a load would be lost by its undo: the undo is no longer offered.
    if (edit && ui.undo?.dropOnEdit) dropUndo();
    if (rebuild) this.rebuild({ focus });
    markStale();
    scheduleLink();
  },

  rebuild({ focus } = {}) {
    this.fmt = this.format();
    renderEditor(editorEl, this, { focus });
    syncRunBar();
  },

  /** Replaces the whole document (a starting point, an imported file, a link); it is the
   * document as opened, with no edits to lose, unless `clean` is given. */
  replaceDocument(doc, message, { clean = doc } = {}) {
    this.doc = doc;
    this.clean = clone(clean);
    this.savedName = null;
    this.error = null;
    this.auditOtherRegion = false;
    notice(null);
    this.openFigures.clear();
    this.changed({ rebuild: true });
    if (message) say(message);
  },

  /** Switches the mode (the editor shows what it varies). */
  setMode(mode) {
    setMode(mode);
  },

  /** Plans the real A/B test of variant `i`'s change. */
  planVariant(i) {
    const { effect: _, ...plan } = planOf(this.doc);
    this.doc.plan = { ...plan, variant: i };
    setMode('power', { force: true });
    document.querySelector('#group-power > summary')?.focus();
    say(`Planning a real test of ${this.doc.variants?.[i]?.name ?? 'the variant'}: set the users and days, then press Plan the test.`);
  },

  /**
   * Loads a "Start from" choice — `value` is a preset card's id, "example", or a saved
   * scenario — asking first when it would replace edits not saved, and offering to undo it.
   */
  async loadStart(value, label) {
    const saved = value.startsWith(SAVED);
    const name = saved ? value.slice(SAVED.length) : null;
    let next;
    if (saved) {
      try {
        next = loadSaved(name, this.library);
      } catch (e) {
        if (e instanceof SavedError || e instanceof DocumentError) return say(`“${name}” could not be loaded: ${e.message}.`, { alert: true });
        throw e;
      }
    } else next = { ...clone(this.doc), scenario: startingScenario(this, value) };
    // A starting point replaces the scenario only; a saved scenario, the whole document.
    const lost = saved ? differs(this.doc, this.clean) : JSON.stringify(this.doc.scenario) !== JSON.stringify(this.clean?.scenario);
    if (lost) {
      const yes = await ask({
        title: 'Replace the scenario on screen?',
        message: saved
          ? `It has changes that are not saved. Loading “${name}” replaces it, with its sweep, A/B variants, calibration, optimization and plan. You can undo the load right after.`
          : `It has changes that are not saved. Loading “${label}” replaces its cards, viewers and rules; the sweep, the A/B variants and the other settings stay. You can undo the load right after.`,
        yes: 'Replace',
        no: 'Keep mine',
      });
      if (!yes) return say('Kept the scenario on screen; nothing was loaded.');
    }
    const before = { doc: clone(this.doc), clean: clone(this.clean), savedName: this.savedName };
    this.replaceDocument(next, null, { clean: saved ? next : { ...this.clean, scenario: next.scenario } });
    if (saved) this.savedName = name;
    offerUndo(saved ? `Loaded “${name}”, saved in this browser.` : `Started from ${label}.`, {
      dropOnEdit: true,
      undo: () => {
        this.replaceDocument(before.doc, null, { clean: before.clean });
        this.savedName = before.savedName;
        say('Undone: the scenario you had before the load is back.');
      },
    });
  },

  /** Keeps the document on screen in this browser under a name the person gives. */
  async saveAs() {
    const names = new Set(savedScenarios().map((e) => e.name));
    const name = await ask({
      title: 'Save in this browser',
      message: 'The scenario, the mode and each mode’s settings are kept in this browser only — nothing leaves this device. Saved scenarios are listed under “Start from”.',
      field: {
        label: 'Name',
        value: this.savedName ?? '',
        maxLength: MAX_NAME,
        check: (text) => (text ? null : 'Give the scenario a name.'),
      },
      yes: 'Save',
    });
    if (name === null) return;
    if (names.has(name) && name !== this.savedName) {
      const yes = await ask({ title: `Replace the saved “${name}”?`, message: 'A scenario of this name is already saved in this browser; saving replaces it.', yes: 'Replace it', no: 'Cancel' });
      if (!yes) return say('Nothing was saved.');
    }
    try {
      saveScenario(name, this.doc, this.library);
    } catch (e) {
      if (e instanceof SavedError) return say(`Not saved: ${e.message}.`, { alert: true });
      throw e;
    }
    this.clean = clone(this.doc);
    this.savedName = name;
    this.startFrom = `${SAVED}${name}`;
    this.rebuild();
    say(`Saved “${name}” in this browser. It is listed under Start from.`);
  },

  /** Forgets the saved scenario `name`, offering to undo it. */
  deleteSaved(name) {
    let entry;
    try {
      entry = removeSaved(name);
    } catch (e) {
      if (e instanceof SavedError) return say(`“${name}” could not be deleted: ${e.message}.`, { alert: true });
      throw e;
    }
    if (!entry) return;
    const current = this.savedName === name;
    if (current) this.savedName = null;
    this.startFrom = 'example';
    this.rebuild();
    document.getElementById('start-from')?.focus();
    offerUndo(`Deleted “${name}” from this browser.`, {
      undo: () => {
        try {
          restoreSaved(entry);
        } catch (e) {
          if (e instanceof SavedError) return say(`“${name}” could not be put back: ${e.message}.`, { alert: true });
          throw e;
        }
        if (current) this.savedName = name;
        this.startFrom = `${SAVED}${name}`;
        this.rebuild();
        say(`“${name}” is back in this browser.`);
      },
    });
  },

  /** Marks the field of the last engine error again (after a redraw). */
  showErrors() {
    if (this.error) this.fields.show('*', this.error);
  },

  run() {
    return run();
  },

  /** Takes a calibration's fitted scenario as the scenario, to simulate or sweep it. */
  useFitted(scenario) {
    this.useScenario(scenario, 'The fitted scenario is now the scenario (its fitted values are estimates). Press Run to simulate it.');
  },

  /** Takes an optimization's best point as the scenario, to simulate, sweep or A/B test it. */
  useBest(scenario) {
    this.useScenario(scenario, 'The best scenario found is now the scenario. Press Run to simulate it, or compare it with an A/B test.');
  },

  /** Makes `scenario` the lab's one scenario, and says `message`. */
  useScenario(scenario, message) {
    this.doc.scenario = clone(scenario);
    this.doc.mode = 'simulate';
    this.error = null;
    notice(null);
    this.changed({ rebuild: true });
    say(message);
  },

  parameterLabels() {
    return new Map(parameters(this));
  },

  /** What an optimization's parameters are called (packs' prices and coins too). */
  optimizeLabels() {
    this.fmt ??= this.format();
    return new Map(variableParameters(this));
  },

  /** Prints the audit's report (lab.css prints it alone). */
  printReport() {
    window.print();
  },

  /** Saves the last audit's request as the file the command line runs. */
  saveAuditRequest() {
    const run = this.lastRun;
    if (!run || run.doc.mode !== 'audit') return;
    download(AUDIT_FILE, `${JSON.stringify(JSON.parse(run.inputText), null, 2)}\n`, 'application/json');
    say(`Saved ${AUDIT_FILE}: the command line runs it as is (giftsim audit ${AUDIT_FILE}).`);
  },

  async downloadResults(kind) {
    const run = this.lastRun;
    if (!run) return;
    const name = run.doc.mode === 'audit' ? auditFileName(run.answer) : `giftsim-${FILE_NAMES[run.doc.mode]}-seed-${run.doc.scenario.seed ?? 0}`;
    if (kind === 'json') return download(`${name}.json`, `${run.text}\n`, 'application/json');
    if (!run.csv) {
      // The CSV comes from the engine itself, from the runs already on screen (one merge, no
      // run again), written exactly as the CLI's --csv writes it.
      if (app.runner.busy) return say('A run is in progress: the CSV of the results on screen can be saved when it ends.');
      try {
        run.csv = (await app.runner.write(run.op, run.inputText, run.parts, 'csv')).text;
      } catch (err) {
        if (err !== CANCELLED) say(`The CSV could not be written: ${err.message}`, { alert: true });
        return;
      }
    }
    download(`${name}.csv`, run.csv, 'text/csv');
    say('Saved the results as CSV.');
  },
};

/** `giftsim-audit-tiktok-ios-US-TX-2026-12-07`: the card, and the region and day if any. */
function auditFileName(answer) {
  const rules = answer.rules ? `-${answer.rules.region}-${answer.rules.date}` : '';
  return `giftsim-audit-${answer.rate_card.id}${rules}`;
}

/** Turns a preset id on the way to `path` into the preset's object, so a figure can be edited. */
function materialize(path) {
  const parts = pathParts(path);
  let v = app.doc;
  for (let k = 0; k < parts.length - 1 && v && typeof v === 'object'; k += 1) {
    const part = parts[k];
    const next = v[part];
    if (typeof next === 'string' && (part === 'rate_card' || part === 'rule_set')) {
      const preset = part === 'rate_card' ? app.library.cardById.get(next) : app.library.ruleSetById.get(next);
      if (preset) v[part] = clone(preset);
    }
    v = v[part];
  }
}

// The run bar ----------------------------------------------------------------------------------

const ui = {};

function buildRunBar() {
  // The editor sits below the sticky run bar, whatever height the bar wraps to.
  new ResizeObserver(() => root.style.setProperty('--lab-run-height', `${runBarEl.parentElement.offsetHeight}px`)).observe(runBarEl.parentElement);
  const modes = h(
    'div',
    { class: 'lab-mode-switch', role: 'radiogroup', 'aria-label': 'What to run' },
    MODES.map((mode) => {
      const id = `mode-${mode}`;
      return h(
        'span',
        { class: 'lab-mode' },
        h('input', { type: 'radio', name: 'mode', id, value: mode, checked: app.doc.mode === mode, onchange: () => setMode(mode) }),
        h('label', { for: id, text: MODE_LABELS[mode] }),
      );
    }),
  );
  ui.run = h('button', { type: 'button', class: 'button button--primary lab-button--run', text: 'Run', onclick: run, 'aria-keyshortcuts': 'Control+Enter' });
  ui.cancel = h('button', { type: 'button', class: 'button lab-button--cancel', text: 'Cancel', disabled: true, onclick: cancel });
  ui.progress = h('progress', { id: 'run-progress', max: 1, value: 0, 'aria-label': 'Progress of the run' });
  ui.progressText = h('span', { class: 'lab-progress-text', 'data-testid': 'progress-text' });
  ui.progressWrap = h('div', { class: 'lab-progress', hidden: true }, ui.progress, ui.progressText);
  ui.status = h('p', { class: 'lab-run-status', role: 'status', 'data-testid': 'run-status' });

  const locale = h('select', { id: 'lab-locale' }, LOCALES.map(([code, name]) => h('option', { value: code, text: name })));
  locale.value = app.locale;
  locale.addEventListener('change', () => {
    app.locale = locale.value;
    root.lang = app.locale;
    app.rebuild();
    renderResults(resultsEl, app, app.lastRun);
    scheduleLink();
  });
  ui.locale = locale;

  const fileInput = h('input', { type: 'file', id: 'import-file', class: 'lab-file-input', accept: '.json,application/json' });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (file) importFile(file);
  });

  replace(
    runBarEl,
    h('div', { class: 'lab-run-row' }, modes, h('div', { class: 'lab-run-actions' }, ui.run, ui.cancel), ui.progressWrap),
    h(
      'div',
      { class: 'lab-share-row' },
      h(
        'div',
        { class: 'button-row', role: 'group', 'aria-label': 'The scenario' },
        h('button', { type: 'button', class: 'button button--small', text: 'Export scenario', onclick: exportScenario }),
        fileInput,
        h('label', { for: 'import-file', class: 'button button--small lab-file-label', text: 'Import scenario…' }),
        h('button', { type: 'button', class: 'button button--small', text: 'Copy link', onclick: copyLink }),
      ),
      h('div', { class: 'field lab-field--inline' }, h('label', { for: 'lab-locale', text: 'Number format' }), locale),
    ),
    ui.status,
  );
}

function syncRunBar() {
  for (const input of runBarEl.querySelectorAll('input[name=mode]')) input.checked = input.value === app.doc.mode;
  ui.locale.value = app.locale;
  ui.run.textContent = RUN_LABELS[app.doc.mode];
}

function setMode(mode, { force = false } = {}) {
  if (!MODES.includes(mode) || (mode === app.doc.mode && !force)) return;
  app.doc.mode = mode;
  app.error = null;
  notice(null);
  app.changed({ rebuild: true, edit: false });
}

/** Whether two documents differ in what a person edits (the mode aside: switching loses nothing). */
function differs(a, b) {
  return JSON.stringify({ ...a, mode: null }) !== JSON.stringify({ ...b, mode: null });
}

/** Says `message` with an Undo button that runs `undo` once; with `dropOnEdit`, an edit of the
 * document takes the button away. */
function offerUndo(message, { undo, dropOnEdit = false }) {
  const undoButton = h('button', {
    type: 'button',
    class: 'button button--small lab-undo',
    text: 'Undo',
    onclick: () => {
      dropUndo();
      undo();
      document.getElementById('start-from')?.focus();
    },
  });
  say(`${message} `, undoButton);
  ui.undo = { button: undoButton, dropOnEdit };
}

function dropUndo() {
  ui.undo?.button.remove();
  ui.undo = null;
}

function say(...parts) {
  if (ui.undo && !parts.includes(ui.undo.button)) ui.undo = null;
  const last = parts[parts.length - 1];
  const { alert = false } = last && typeof last === 'object' && !(last instanceof Node) ? parts.pop() : {};
  ui.status.textContent = '';
  ui.status.classList.toggle('is-error', alert);
  ui.status.setAttribute('role', alert ? 'alert' : 'status');
  // A fresh text node, so assistive technology announces a repeated message too.
  ui.status.append(...parts);
}

function setBusy(busy, label = '') {
  root.toggleAttribute('data-running', busy);
  ui.run.disabled = busy;
  ui.cancel.disabled = !busy;
  ui.progressWrap.hidden = !busy;
  resultsEl.setAttribute('aria-busy', String(busy));
  if (busy) {
    ui.progress.value = 0;
    ui.progress.removeAttribute('value');
    ui.progressText.textContent = `${label}…`;
  }
}

/** Runs one job in the worker with the progress bar; resolves as the runner does. */
async function work(op, text, { label, unit = 'viewer-runs' }) {
  const fmt = app.format();
  const started = performance.now();
  setBusy(true, label);
  say(`${label}…`);
  let shown = 0;
  try {
    return await app.runner.run(op, text, {
      onProgress(done, total) {
        const now = performance.now();
        if (now - shown < 60 && done < total) return;
        shown = now;
        ui.progress.max = total;
        ui.progress.value = done;
        ui.progressText.textContent = `${label}: ${fmt.progress(total ? done / total : 0)} · ${fmt.count(done)} of ${fmt.count(total)} ${unit} · ${fmt.seconds(now - started)}`;
        root.dataset.progress = String(done);
      },
    });
  } finally {
    setBusy(false);
  }
}

async function run() {
  if (app.runner.busy || !app.library) return;
  const doc = clone(app.doc);
  const { op, input } = engineRequest(doc);
  const inputText = JSON.stringify(input);
  app.error = null;
  app.fields.clear();
  notice(null);
  const started = performance.now();
  const label = { simulate: 'Simulating', sweep: 'Sweeping', ab: 'Running the A/B test', calibrate: 'Calibrating', optimize: 'Optimizing', power: 'Planning the test', audit: 'Auditing' }[doc.mode];
  try {
    const { text, parts } = await work(op, inputText, { label, unit: PROGRESS_UNITS[doc.mode] ?? 'viewer-runs' });
    const ms = performance.now() - started;
    const answer = JSON.parse(text);
    app.lastRun = { doc, op, inputText, text, parts, answer, ms, currency: app.currency(doc), csv: null };
    renderResults(resultsEl, app, app.lastRun);
    root.dataset.runs = String(Number(root.dataset.runs ?? 0) + 1);
    root.dataset.lastRunMs = String(Math.round(ms));
    const fmt = app.format(app.lastRun.currency);
    say(`Done in ${fmt.seconds(ms)}. `, h('a', { href: '#results', text: 'Go to the results' }), '.');
  } catch (err) {
    if (err === CANCELLED) {
      const fmt = app.format();
      say(`Cancelled after ${fmt.seconds(performance.now() - started)}. ${app.lastRun ? 'The previous results stay on screen.' : ''}`);
      ui.run.focus();
      return;
    }
    if (err instanceof Error && !('code' in err)) {
      // A fault of the page itself, not of the scenario: say so, and keep the details.
      console.error(err);
      say(`The lab failed to show the results (${err.message}). Please report this.`, { alert: true });
      return;
    }
    showEngineError(doc, err);
  }
}

function cancel() {
  if (!app.runner.busy) return;
  app.runner.cancel();
}

/** The engine refused the input: the message next to its field, and in a notice. */
function showEngineError(doc, err) {
  const path = documentPath(doc, err.path);
  app.error = { path, message: err.message, code: err.code };
  const marked = app.fields.show('*', app.error);
  const field = marked ? [...app.fields.shown].at(-1)?.control : null;
  notice(err, field);
  say(`The engine could not run ${doc.mode === 'audit' ? 'this audit' : 'this scenario'}: ${err.message}`, { alert: true });
  if (field) {
    field.closest('details:not([open])')?.setAttribute('open', '');
    field.closest('details.lab-card-figures')?.setAttribute('open', '');
  }
}

/** A notice above the results about the last error (or none). */
function notice(err, field) {
  document.getElementById('lab-notice')?.remove();
  if (!err) return;
  const box = h(
    'div',
    { class: 'notice lab-notice', id: 'lab-notice' },
    h('p', { class: 'notice-error', text: `The engine could not run ${app.doc.mode === 'audit' ? 'this audit' : 'this scenario'} (${err.code}).` }),
    h('p', { text: err.message }),
    err.path ? h('p', { class: 'muted', text: `At ${err.path}.` }) : null,
    field
      ? h('button', {
          type: 'button',
          class: 'button button--small',
          text: 'Go to the field',
          onclick: () => {
            field.scrollIntoView({ block: 'center' });
            field.focus();
          },
        })
      : null,
  );
  resultsEl.prepend(box);
}

function markStale() {
  const note = resultsEl.querySelector('.lab-stale');
  if (note && app.lastRun) note.hidden = JSON.stringify(app.lastRun.doc) === JSON.stringify(app.doc);
}

// Files and links ----------------------------------------------------------------------------

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function exportScenario() {
  const { input } = engineRequest(app.doc);
  if (app.doc.mode === 'audit') {
    download(AUDIT_FILE, `${JSON.stringify(input, null, 2)}\n`, 'application/json');
    return say(`Exported the audit as ${AUDIT_FILE}: the command line runs it as is (giftsim audit ${AUDIT_FILE}).`);
  }
  const name = { simulate: 'simulate', sweep: 'sweep', ab: 'sweep-ab', calibrate: 'calibrate', optimize: 'optimize', power: 'power' }[app.doc.mode];
  const command = app.doc.mode === 'sweep' || app.doc.mode === 'ab' ? 'sweep' : app.doc.mode;
  download(`giftsim-${name}-scenario.json`, `${JSON.stringify(input, null, 2)}\n`, 'application/json');
  say(`Exported the scenario as giftsim-${name}-scenario.json: the command line runs it as is (giftsim ${command} FILE).`);
}

/** A rule set document: an id, a currency and rules, and nothing of a scenario's. */
function isRuleSet(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v.id === 'string' && typeof v.currency === 'string' && ('brackets' in v || 'min_age' in v) && !('viewers' in v) && !('scenario' in v);
}

async function importFile(file) {
  const fail = (why) => say(`${file.name} was not opened: ${why}`, { alert: true });
  if (file.size > MAX_IMPORT_BYTES) return fail(`it is ${app.format().count(file.size)} bytes; a scenario is at most 1 MB.`);
  let value;
  try {
    value = JSON.parse(await file.text());
  } catch (e) {
    return fail(`it is not valid JSON (${e.message}).`);
  }
  // A rule set on its own (a family's limits saved from the calculator's spending check):
  // every viewer of the scenario meets it.
  if (isRuleSet(value)) {
    app.edit('scenario.rule_set', value, { rebuild: true });
    return say(`Every viewer now meets the rules of ${file.name} (${value.name ?? value.id}). Press Run to simulate it.`);
  }
  try {
    app.replaceDocument(fromEngineDocument(value, app.doc), `Opened ${file.name}. Press Run to simulate it.`);
  } catch (e) {
    if (e instanceof DocumentError) return fail(`it is not a scenario the lab can open — ${e.message}.`);
    throw e;
  }
}

async function copyLink() {
  await writeLink();
  try {
    await navigator.clipboard.writeText(location.href);
    say('The link is copied: it opens this scenario, seed and all.');
  } catch {
    say('The link is in the address bar: it opens this scenario, seed and all.');
  }
}

let linkTimer = null;
let lastFragment = '';
function scheduleLink() {
  clearTimeout(linkTimer);
  linkTimer = setTimeout(writeLink, 250);
}

async function writeLink() {
  clearTimeout(linkTimer);
  if (!app.library) return;
  let fragment = await toFragment(app.doc, app.library);
  if (app.locale !== 'en-US') fragment += `&l=${encodeURIComponent(app.locale)}`;
  if (fragment !== lastFragment) {
    lastFragment = fragment;
    history.replaceState(null, '', `${location.pathname}${location.search}${fragment}`);
  }
  root.dataset.linkWritten = String(Number(root.dataset.linkWritten ?? 0) + 1);
}

/** The document in the address bar, or the example; a damaged link is reported, not dropped. */
async function documentFromLink() {
  const hash = location.hash;
  const locale = new URLSearchParams(hash.replace(/^#/, '')).get('l');
  if (locale && LOCALES.some(([code]) => code === locale)) app.locale = locale;
  try {
    const doc = await fromFragment(hash, app.library);
    lastFragment = hash;
    return { doc };
  } catch (e) {
    if (!(e instanceof DocumentError)) throw e;
    return { doc: null, problem: e.message };
  }
}

window.addEventListener('hashchange', async () => {
  if (location.hash === lastFragment || !app.library) return;
  const { doc, problem } = await documentFromLink();
  if (doc) app.replaceDocument(doc, 'Opened the scenario in the link.');
  else if (problem) say(`The link’s scenario could not be read: ${problem}. The scenario on screen is unchanged.`, { alert: true });
});

// Another tab of the lab saved or deleted a scenario: the "Start from" list follows.
window.addEventListener('storage', (e) => {
  if (app.library && isSavedKey(e.key)) app.rebuild();
});

// Keyboard: Ctrl/Cmd+Enter runs, Escape cancels a run.
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    run();
  } else if (e.key === 'Escape' && app.runner.busy) {
    cancel();
  }
});

// Start ----------------------------------------------------------------------------------------

async function start() {
  buildRunBar();
  let presets;
  try {
    presets = JSON.parse((await app.runner.run('presets', '')).text);
  } catch (err) {
    document.getElementById('lab-loading').textContent = `The engine could not start: ${err.message}. The lab needs Web Workers and WebAssembly.`;
    document.getElementById('lab-loading').className = 'fatal';
    return;
  }
  app.library = new Library(presets);
  const { doc, problem } = await documentFromLink();
  if (doc) app.doc = doc;
  app.clean = clone(app.doc);
  root.lang = app.locale;
  document.getElementById('lab-loading').remove();
  document.querySelector('.lab-grid').hidden = false;
  app.rebuild();
  renderResults(resultsEl, app, null);
  if (problem) say(`The link’s scenario could not be read: ${problem}. The lab opened the example instead.`, { alert: true });
  else if (doc) say('Opened the scenario in the link. Press Run to simulate it.');
  root.dataset.labReady = String(Math.round(performance.now()));
}

start();
