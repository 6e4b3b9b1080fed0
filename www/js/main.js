// The calculator: loads the engine and the presets, mounts the sections, and on every change
// asks the engine each section's questions, keeps the last good answers, marks bad fields, and
// writes the state into the URL.
import * as engine from './engine.js';
import { h, replace } from './dom.js';
import { FieldErrors } from './fields.js';
import { formatter } from './format.js';
import { Presets, applyEdits } from './rate-card.js';
import { fromQuery, toQuery } from './state.js';
import { sections } from './sections/index.js';
import { mountToolbar } from './toolbar.js';

const started = performance.now();

/** What the sections share: the state, the presets, the answers, formatting, field errors. */
const app = {
  state: fromQuery(location.search),
  presets: null,
  fmt: null,
  fields: new FieldErrors(),
  /** name → { value (last good answer), error (of the latest try, or null), input } */
  results: new Map(),

  /** The preset the state names (falling back to the first of the currency). */
  preset() {
    return this.presets.byId.get(this.state.card) ?? this.presets.cardsIn(this.state.currency)[0] ?? this.presets.cards[0];
  },

  /** The card in use: the preset with the "what if" edits laid over it. */
  card() {
    return this.state.edits ? applyEdits(this.preset(), this.state.edits) : this.preset();
  },

  /** The card as the engine should get it: the preset id, or the whole edited card. */
  cardInput() {
    return this.state.edits ? this.card() : this.preset().id;
  },

  /** A formatter for the state's locale and the given currency (default: the card's). */
  format(currency = this.card().currency) {
    return formatter(this.state.locale, currency);
  },

  /** Changes the state; `{ sync: true }` also rewrites the controls (for outside changes). */
  update(change, { sync = false } = {}) {
    this.state = { ...this.state, ...change };
    schedule(sync);
  },
};

let pending = null;
function schedule(sync) {
  if (pending) {
    pending.sync ||= sync;
    return;
  }
  pending = { sync };
  queueMicrotask(() => {
    const { sync: s } = pending;
    pending = null;
    refresh(s);
  });
}

/** Recomputes every answer and redraws; the heart of the page. */
function refresh(sync) {
  normalizeState();
  history.replaceState(null, '', toQuery(app.state) + location.hash);
  document.documentElement.lang = app.state.locale;
  app.fmt = app.format();
  if (sync) for (const s of mounted) s.section.sync?.(app, s.el);

  // Ask every question first, then draw, then mark errors: drawing may rebuild the fields
  // an error belongs to.
  const failed = new Map();
  const asked = new Map();
  for (const { section } of mounted) {
    const questions = Object.entries(section.queries?.(app) ?? {});
    asked.set(section, questions.map(([name]) => name));
    for (const [name, question] of questions) {
      const previous = app.results.get(name);
      if (!question) {
        app.results.set(name, { value: null, error: null, input: null });
        continue;
      }
      const answer = engine.run(question.op, question.input);
      if (answer.ok) {
        app.results.set(name, { value: answer.value, error: null, input: question.input });
      } else {
        const error = { ...answer.error, path: question.mapPath?.(answer.error.path) ?? answer.error.path };
        app.results.set(name, { value: previous?.value ?? null, error, input: question.input });
        failed.set(name, { section, error });
      }
    }
  }
  for (const { section, el } of mounted) section.render(app, el);
  app.fields.clear();
  const unplaced = new Map();
  for (const [name, { section, error }] of failed) {
    if (!app.fields.show(name, error)) unplaced.set(section, [...(unplaced.get(section) ?? []), error]);
  }
  for (const { section, notice } of mounted) {
    const stale = asked.get(section).some((name) => app.results.get(name)?.error);
    showNotice(notice, stale, unplaced.get(section) ?? []);
  }
  toolbar.render(app);
  if (!firstResultShown) markFirstResult();
}

/** Errors no field could take, and the "last good answer" reminder, at the top of a section. */
function showNotice(notice, stale, unplaced) {
  if (!stale) {
    notice.hidden = true;
    replace(notice);
    return;
  }
  notice.hidden = false;
  replace(
    notice,
    unplaced.map((e) => h('p', { class: 'notice-error', text: e.message })),
    h('p', { text: 'These answers were not updated: fix the marked figure. The last good answer stays on screen.' }),
  );
}

/** Keeps the state consistent with the presets (a card in the chosen currency, and so on). */
function normalizeState() {
  const currencies = app.presets.currencies();
  if (!currencies.includes(app.state.currency)) app.state.currency = currencies[0];
  const card = app.presets.byId.get(app.state.card);
  if (!card || card.currency !== app.state.currency) {
    app.state.card = app.presets.counterpart(card, app.state.currency).id;
    app.state.edits = null;
  }
}

let firstResultShown = false;
function markFirstResult() {
  firstResultShown = true;
  const ms = performance.now();
  performance.mark('giftsim:first-result');
  document.documentElement.dataset.firstResultMs = String(Math.round(ms));
  document.documentElement.dataset.bootMs = String(Math.round(ms - started));
}

const mounted = [];
let toolbar;

async function boot() {
  const root = document.getElementById('sections');
  try {
    await engine.load();
  } catch (e) {
    replace(root, h('p', { class: 'fatal', role: 'alert', text: `The calculator could not start: the engine did not load (${e.message}).` }));
    return;
  }
  performance.mark('giftsim:engine-ready');
  const presets = engine.run('presets');
  if (!presets.ok) {
    replace(root, h('p', { class: 'fatal', role: 'alert', text: `The calculator could not start: ${presets.error.message}` }));
    return;
  }
  app.presets = new Presets(presets.value);
  performance.mark('giftsim:presets-ready');
  normalizeState();
  app.fmt = app.format();

  toolbar = mountToolbar(document.getElementById('toolbar'), app);
  replace(root);
  replace(
    document.getElementById('toc'),
    sections.map((s) => h('li', null, h('a', { href: `#${s.id}`, text: s.nav ?? s.title }))),
  );
  for (const section of sections) {
    const headingId = `${section.id}-title`;
    const notice = h('div', { class: 'notice', role: 'status', hidden: true });
    const el = h('div', { class: 'section-body' });
    root.append(
      h(
        'section',
        { id: section.id, class: `card section section--${section.id}`, 'aria-labelledby': headingId },
        h('header', { class: 'section-head' }, h('h2', { id: headingId, text: section.title }), section.intro ? h('p', { class: 'section-intro', text: section.intro }) : null),
        notice,
        el,
      ),
    );
    section.mount(el, app);
    mounted.push({ section, el, notice });
  }
  refresh(true);
}

boot();
