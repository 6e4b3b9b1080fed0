// The pricing lab: loads the presets through the engine worker, opens the scenario from the
// link (or the example), and wires the editor, the run bar and the results together; keeps
// scenarios in this browser under a name, asks before a load replaces unsaved edits, and offers
// to undo it. The engine only ever runs in the worker, so the page never freezes. An audit's
// report prints on its own (lab.css, @media print). Every word comes from the catalogue
// (../i18n.js): the language picker in the header redraws the lab in another language.
import { h, replace } from '../dom.js';
import { describeError, explain } from '../errors.js';
import { FieldErrors } from '../fields.js';
import { LOCALES } from '../format.js';
import { LANGUAGES, dir, language, languageNumberLocale, localize, preferredLanguage, provide, rememberLanguage, setLanguage, setNumberLocale, subscribe, t, tParts } from '../i18n.js';
import labEnglish from '../../i18n/lab/en.js';
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

/** The language the lab opens in, loading while the engine starts. */
// The lab's English comes with its code; another language is fetched when chosen.
provide('lab', 'en', labEnglish);
const languageReady = setLanguage(preferredLanguage(), { parts: ['lab'] });
const FILE_NAMES = { simulate: 'simulate', sweep: 'sweep', ab: 'ab-test', calibrate: 'calibrate', optimize: 'optimize', power: 'power', audit: 'audit' };
/** The file an audit's request is saved as, and the command that runs it. */
const AUDIT_FILE = 'audit.json';
/** What the progress bar counts, by mode: a search counts its simulations, a plan the viewers
 * simulated for every length of test. */
const PROGRESS_UNITS = { calibrate: 'lab.progress.simulations', optimize: 'lab.progress.simulations', power: 'lab.progress.viewers' };
const MAX_IMPORT_BYTES = 1 << 20;

const app = {
  doc: defaultDocument(),
  library: null,
  /** The number locale: the language's own until one is picked (`localeChosen`). */
  locale: 'en-US',
  localeChosen: false,
  fmt: null,
  fields: new FieldErrors({ describe: describeError }),
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
    say(t('lab.say.planning', { name: this.doc.variants?.[i]?.name ?? t('lab.say.the_variant') }));
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
        if (e instanceof SavedError || e instanceof DocumentError) return say(t('lab.say.load_failed', { name, reason: e.message }), { alert: true });
        throw e;
      }
    } else next = { ...clone(this.doc), scenario: startingScenario(this, value) };
    // A starting point replaces the scenario only; a saved scenario, the whole document.
    const lost = saved ? differs(this.doc, this.clean) : JSON.stringify(this.doc.scenario) !== JSON.stringify(this.clean?.scenario);
    if (lost) {
      const yes = await ask({
        title: t('lab.replace.title'),
        message: saved ? t('lab.replace.saved', { name }) : t('lab.replace.start', { name: label }),
        yes: t('lab.replace.yes'),
        no: t('lab.replace.no'),
      });
      if (!yes) return say(t('lab.say.kept'));
    }
    const before = { doc: clone(this.doc), clean: clone(this.clean), savedName: this.savedName };
    this.replaceDocument(next, null, { clean: saved ? next : { ...this.clean, scenario: next.scenario } });
    if (saved) this.savedName = name;
    offerUndo(saved ? t('lab.say.loaded_saved', { name }) : t('lab.say.started_from', { name: label }), {
      dropOnEdit: true,
      undo: () => {
        this.replaceDocument(before.doc, null, { clean: before.clean });
        this.savedName = before.savedName;
        say(t('lab.say.load_undone'));
      },
    });
  },

  /** Keeps the document on screen in this browser under a name the person gives. */
  async saveAs() {
    const names = new Set(savedScenarios().map((e) => e.name));
    const name = await ask({
      title: t('lab.save.title'),
      message: t('lab.save.message'),
      field: {
        label: t('lab.save.name'),
        value: this.savedName ?? '',
        maxLength: MAX_NAME,
        check: (text) => (text ? null : t('lab.save.name_needed')),
      },
      yes: t('lab.save.yes'),
      no: t('lab.dialog.cancel'),
    });
    if (name === null) return;
    if (names.has(name) && name !== this.savedName) {
      const yes = await ask({ title: t('lab.save.replace_title', { name }), message: t('lab.save.replace_message'), yes: t('lab.save.replace_yes'), no: t('lab.dialog.cancel') });
      if (!yes) return say(t('lab.say.nothing_saved'));
    }
    try {
      saveScenario(name, this.doc, this.library);
    } catch (e) {
      if (e instanceof SavedError) return say(t('lab.say.not_saved', { reason: e.message }), { alert: true });
      throw e;
    }
    this.clean = clone(this.doc);
    this.savedName = name;
    this.startFrom = `${SAVED}${name}`;
    this.rebuild();
    say(t('lab.say.saved', { name }));
  },

  /** Forgets the saved scenario `name`, offering to undo it. */
  deleteSaved(name) {
    let entry;
    try {
      entry = removeSaved(name);
    } catch (e) {
      if (e instanceof SavedError) return say(t('lab.say.delete_failed', { name, reason: e.message }), { alert: true });
      throw e;
    }
    if (!entry) return;
    const current = this.savedName === name;
    if (current) this.savedName = null;
    this.startFrom = 'example';
    this.rebuild();
    document.getElementById('start-from')?.focus();
    offerUndo(t('lab.say.deleted', { name }), {
      undo: () => {
        try {
          restoreSaved(entry);
        } catch (e) {
          if (e instanceof SavedError) return say(t('lab.say.restore_failed', { name, reason: e.message }), { alert: true });
          throw e;
        }
        if (current) this.savedName = name;
        this.startFrom = `${SAVED}${name}`;
        this.rebuild();
        say(t('lab.say.restored', { name }));
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
    this.useScenario(scenario, t('lab.say.use_fitted'));
  },

  /** Takes an optimization's best point as the scenario, to simulate, sweep or A/B test it. */
  useBest(scenario) {
    this.useScenario(scenario, t('lab.say.use_best'));
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

  /** What a sweep's parameters are called, plainly (for axes and sentences). */
  parameterLabels() {
    return new Map(parameters(this).map(([name, , plain]) => [name, plain]));
  },

  /** What an optimization's parameters are called (packs' prices and coins too), plainly. */
  optimizeLabels() {
    this.fmt ??= this.format();
    return new Map(variableParameters(this).map(([name, , plain]) => [name, plain ?? name]));
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
    say(t('lab.say.saved_audit', { file: AUDIT_FILE, command: `giftsim audit ${AUDIT_FILE}` }));
  },

  async downloadResults(kind) {
    const run = this.lastRun;
    if (!run) return;
    const name = run.doc.mode === 'audit' ? auditFileName(run.answer) : `giftsim-${FILE_NAMES[run.doc.mode]}-seed-${run.doc.scenario.seed ?? 0}`;
    if (kind === 'json') return download(`${name}.json`, `${run.text}\n`, 'application/json');
    if (!run.csv) {
      // The CSV comes from the engine itself, from the runs already on screen (one merge, no
      // run again), written exactly as the CLI's --csv writes it.
      if (app.runner.busy) return say(t('lab.say.csv_busy'));
      try {
        run.csv = (await app.runner.write(run.op, run.inputText, run.parts, 'csv')).text;
      } catch (err) {
        if (err !== CANCELLED) say(t('lab.say.csv_failed', { reason: describeError(err) }), { alert: true });
        return;
      }
    }
    download(`${name}.csv`, run.csv, 'text/csv');
    say(t('lab.say.csv_saved'));
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

/** Builds the run bar's controls once; `labelRunBar` writes their words (again on a change of
 * language). */
function buildRunBar() {
  // The editor sits below the sticky run bar, whatever height the bar wraps to.
  new ResizeObserver(() => root.style.setProperty('--lab-run-height', `${runBarEl.parentElement.offsetHeight}px`)).observe(runBarEl.parentElement);
  ui.modeLabels = new Map();
  ui.modes = h(
    'div',
    { class: 'lab-mode-switch', role: 'radiogroup' },
    MODES.map((mode) => {
      const id = `mode-${mode}`;
      const label = h('label', { for: id });
      ui.modeLabels.set(mode, label);
      return h(
        'span',
        { class: 'lab-mode' },
        h('input', { type: 'radio', name: 'mode', id, value: mode, checked: app.doc.mode === mode, onchange: () => setMode(mode) }),
        label,
      );
    }),
  );
  ui.run = h('button', { type: 'button', class: 'button button--primary lab-button--run', onclick: run, 'aria-keyshortcuts': 'Control+Enter' });
  ui.cancel = h('button', { type: 'button', class: 'button lab-button--cancel', disabled: true, onclick: cancel });
  ui.progress = h('progress', { id: 'run-progress', max: 1, value: 0 });
  ui.progressText = h('span', { class: 'lab-progress-text', 'data-testid': 'progress-text' });
  ui.progressWrap = h('div', { class: 'lab-progress', hidden: true }, ui.progress, ui.progressText);
  ui.status = h('p', { class: 'lab-run-status', role: 'status', 'data-testid': 'run-status' });

  const locale = h('select', { id: 'lab-locale' }, LOCALES.map(([code, name]) => h('option', { value: code, text: name, lang: code })));
  locale.value = app.locale;
  locale.addEventListener('change', () => {
    app.locale = locale.value;
    app.localeChosen = true;
    redraw();
    scheduleLink();
  });
  ui.locale = locale;

  const fileInput = h('input', { type: 'file', id: 'import-file', class: 'lab-file-input', accept: '.json,application/json' });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (file) importFile(file);
  });

  ui.export = h('button', { type: 'button', class: 'button button--small', onclick: exportScenario });
  ui.import = h('label', { for: 'import-file', class: 'button button--small lab-file-label' });
  ui.copy = h('button', { type: 'button', class: 'button button--small', onclick: copyLink });
  ui.share = h('div', { class: 'button-row', role: 'group' }, ui.export, fileInput, ui.import, ui.copy);
  ui.localeLabel = h('label', { for: 'lab-locale' });
  replace(
    runBarEl,
    h('div', { class: 'lab-run-row' }, ui.modes, h('div', { class: 'lab-run-actions' }, ui.run, ui.cancel), ui.progressWrap),
    h('div', { class: 'lab-share-row' }, ui.share, h('div', { class: 'field lab-field--inline' }, ui.localeLabel, locale)),
    ui.status,
  );
  labelRunBar();
}

function labelRunBar() {
  runBarEl.setAttribute('aria-label', t('lab.run_bar'));
  ui.modes.setAttribute('aria-label', t('lab.mode.what'));
  for (const [mode, label] of ui.modeLabels) label.textContent = t(`lab.mode.${mode}`);
  ui.cancel.textContent = t('lab.run.cancel');
  ui.progress.setAttribute('aria-label', t('lab.progress.label'));
  ui.share.setAttribute('aria-label', t('lab.share.group'));
  ui.export.textContent = t('lab.share.export');
  ui.import.textContent = t('lab.share.import');
  ui.copy.textContent = t('lab.share.copy');
  ui.localeLabel.textContent = t('lab.number_format');
  syncRunBar();
}

function syncRunBar() {
  for (const input of runBarEl.querySelectorAll('input[name=mode]')) input.checked = input.value === app.doc.mode;
  ui.locale.value = app.locale;
  ui.run.textContent = t(`lab.run.${app.doc.mode}`);
}

/** The language picker in the header: the languages by their own names; a choice is kept. */
function buildLanguagePicker() {
  const picker = h(
    'select',
    { id: 'lab-language' },
    Object.entries(LANGUAGES).map(([code, name]) => h('option', { value: code, text: name, lang: code })),
  );
  picker.value = language();
  picker.addEventListener('change', async () => {
    rememberLanguage(picker.value);
    await setLanguage(picker.value);
  });
  const box = document.getElementById('lab-language-box');
  replace(box, h('label', { for: 'lab-language', 'data-i18n': 'lab.language' }), picker);
  ui.language = picker;
}

/** Writes the page's own words (lab.html's marked elements) in the current language, with its
 * `lang` and `dir`; the number locale follows the language unless one was picked. */
function applyLanguage() {
  root.lang = language();
  root.dir = dir();
  if (!app.localeChosen) app.locale = languageNumberLocale();
  setNumberLocale(app.locale);
  localize(document);
  if (ui.language) ui.language.value = language();
}

/** Everything on screen again, in the current language and number locale. */
function redraw() {
  setNumberLocale(app.locale);
  if (!app.library) return;
  labelRunBar();
  app.rebuild();
  renderResults(resultsEl, app, app.lastRun);
  if (app.error) notice(app.error, app.fields.shown.size ? [...app.fields.shown].at(-1)?.control : null);
  if (app.runner.busy && ui.busyLabel) ui.progressText.textContent = `${ui.busyLabel}…`;
}

subscribe(() => {
  applyLanguage();
  redraw();
});

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
    text: t('lab.say.undo'),
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
  ui.busyLabel = busy ? label : null;
  resultsEl.setAttribute('aria-busy', String(busy));
  if (busy) {
    ui.progress.value = 0;
    ui.progress.removeAttribute('value');
    ui.progressText.textContent = `${label}…`;
  }
}

/** Runs one job in the worker with the progress bar; resolves as the runner does. */
async function work(op, text, { label, unit = 'lab.progress.viewer_runs' }) {
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
        const counted = t(unit, { count: total, done: fmt.count(done), total: fmt.count(total) });
        ui.progressText.textContent = t('lab.progress.line', { label, percent: fmt.progress(total ? done / total : 0), counted, time: fmt.seconds(now - started) });
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
  const label = t(`lab.working.${doc.mode}`);
  try {
    const { text, parts } = await work(op, inputText, { label, unit: PROGRESS_UNITS[doc.mode] ?? 'lab.progress.viewer_runs' });
    const ms = performance.now() - started;
    const answer = JSON.parse(text);
    app.lastRun = { doc, op, inputText, text, parts, answer, ms, currency: app.currency(doc), csv: null };
    renderResults(resultsEl, app, app.lastRun);
    root.dataset.runs = String(Number(root.dataset.runs ?? 0) + 1);
    root.dataset.lastRunMs = String(Math.round(ms));
    const fmt = app.format(app.lastRun.currency);
    say(...tParts('lab.say.done', { time: fmt.seconds(ms), link: h('a', { href: '#results', text: t('lab.say.go_to_results') }) }));
  } catch (err) {
    if (err === CANCELLED) {
      const fmt = app.format();
      say(t(app.lastRun ? 'lab.say.cancelled_kept' : 'lab.say.cancelled', { time: fmt.seconds(performance.now() - started) }));
      ui.run.focus();
      return;
    }
    if (err instanceof Error && !('code' in err)) {
      // A fault of the page itself, not of the scenario: say so, and keep the details.
      console.error(err);
      say(t('lab.say.page_failed', { reason: err.message }), { alert: true });
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
  app.error = { path, code: err.code, message: err.message, details: err.details ?? {} };
  const marked = app.fields.show('*', app.error);
  const field = marked ? [...app.fields.shown].at(-1)?.control : null;
  notice(app.error, field);
  say(t(doc.mode === 'audit' ? 'lab.error.audit_failed' : 'lab.error.run_failed', { message: describeError(app.error) }), { alert: true });
  if (field) {
    field.closest('details:not([open])')?.setAttribute('open', '');
    field.closest('details.lab-card-figures')?.setAttribute('open', '');
  }
}

/** A notice above the results about the last error (or none). */
function notice(err, field) {
  document.getElementById('lab-notice')?.remove();
  if (!err) return;
  const { text, lang } = explain(err);
  const box = h(
    'div',
    { class: 'notice lab-notice', id: 'lab-notice' },
    h('p', { class: 'notice-error', text: t(app.doc.mode === 'audit' ? 'lab.error.notice_audit' : 'lab.error.notice_run', { code: err.code }) }),
    h('p', { text, lang }),
    err.path ? h('p', { class: 'muted', text: t('lab.error.at', { path: err.path }) }) : null,
    field
      ? h('button', {
          type: 'button',
          class: 'button button--small',
          text: t('lab.error.go_to_field'),
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
    return say(t('lab.say.exported_audit', { file: AUDIT_FILE, command: `giftsim audit ${AUDIT_FILE}` }));
  }
  const name = { simulate: 'simulate', sweep: 'sweep', ab: 'sweep-ab', calibrate: 'calibrate', optimize: 'optimize', power: 'power' }[app.doc.mode];
  const command = app.doc.mode === 'sweep' || app.doc.mode === 'ab' ? 'sweep' : app.doc.mode;
  download(`giftsim-${name}-scenario.json`, `${JSON.stringify(input, null, 2)}\n`, 'application/json');
  say(t('lab.say.exported', { file: `giftsim-${name}-scenario.json`, command: `giftsim ${command} FILE` }));
}

/** A rule set document: an id, a currency and rules, and nothing of a scenario's. */
function isRuleSet(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v.id === 'string' && typeof v.currency === 'string' && ('brackets' in v || 'min_age' in v) && !('viewers' in v) && !('scenario' in v);
}

async function importFile(file) {
  const fail = (why) => say(t('lab.import.failed', { file: file.name, reason: why }), { alert: true });
  if (file.size > MAX_IMPORT_BYTES) return fail(t('lab.import.too_big', { size: app.format().count(file.size) }));
  let value;
  try {
    value = JSON.parse(await file.text());
  } catch (e) {
    return fail(t('lab.import.not_json', { reason: e.message }));
  }
  // A rule set on its own (a family's limits saved from the calculator's spending check):
  // every viewer of the scenario meets it.
  if (isRuleSet(value)) {
    app.edit('scenario.rule_set', value, { rebuild: true });
    return say(t('lab.import.rules', { file: file.name, name: value.name ?? value.id }));
  }
  try {
    app.replaceDocument(fromEngineDocument(value, app.doc), t('lab.import.opened', { file: file.name }));
  } catch (e) {
    if (e instanceof DocumentError) return fail(t('lab.import.not_scenario', { reason: e.message }));
    throw e;
  }
}

async function copyLink() {
  await writeLink();
  try {
    await navigator.clipboard.writeText(location.href);
    say(t('lab.say.link_copied'));
  } catch {
    say(t('lab.say.link_in_address_bar'));
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
  // The number format is part of the link only when picked (else each reader's language's).
  if (app.localeChosen) fragment += `&l=${encodeURIComponent(app.locale)}`;
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
  if (locale && LOCALES.some(([code]) => code === locale)) {
    app.locale = locale;
    app.localeChosen = true;
  }
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
  if (doc) app.replaceDocument(doc, t('lab.say.opened_link'));
  else if (problem) say(t('lab.say.link_unreadable', { reason: problem }), { alert: true });
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
  await languageReady;
  applyLanguage();
  buildLanguagePicker();
  localize(document.getElementById('lab-language-box'));
  buildRunBar();
  let presets;
  try {
    presets = JSON.parse((await app.runner.run('presets', '')).text);
  } catch (err) {
    document.getElementById('lab-loading').textContent = t('lab.engine_failed', { reason: describeError(err) });
    document.getElementById('lab-loading').className = 'fatal';
    return;
  }
  app.library = new Library(presets);
  const { doc, problem } = await documentFromLink();
  if (doc) app.doc = doc;
  app.clean = clone(app.doc);
  applyLanguage();
  document.getElementById('lab-loading').remove();
  document.querySelector('.lab-grid').hidden = false;
  app.rebuild();
  renderResults(resultsEl, app, null);
  if (problem) say(t('lab.say.link_unreadable_example', { reason: problem }), { alert: true });
  else if (doc) say(t('lab.say.opened_link_run'));
  root.dataset.labReady = String(Math.round(performance.now()));
}

start();
