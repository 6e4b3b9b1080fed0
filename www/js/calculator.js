// The calculator, mountable anywhere: the page (main.js) and the <giftsim-calculator> widget
// (../embed.js) each create one over their own root. On every change it asks the engine each
// section's questions, keeps the last good answers, marks bad fields and redraws; the owner
// hears about each refresh (the page writes the URL, the widget fires its event).
//
// Nothing here touches the page's global DOM: a calculator only knows the elements it is given.
//
// Every word comes from the catalogue (./i18n.js): the words every page shares and the
// calculator's own part (www/i18n/calculator/LANG.js). Its English is imported here and given to
// i18n.js, so it arrives with the code (in a bundle too), not a round trip later; another
// language's words are fetched when chosen, and every calculator then draws itself again in
// place, with the same state.
import * as engine from './engine.js';
import { h, replace } from './dom.js';
import { describeError } from './errors.js';
import { FieldErrors } from './fields.js';
import { formatter } from './format.js';
import { language, provide, setLanguage, setNumberLocale, subscribe, t } from './i18n.js';
import { Presets, applyEdits } from './rate-card.js';
import { mountToolbar } from './toolbar.js';
import { AUTO_RULES, OWN_LIMITS } from './state.js';
import calculatorEnglish from '../i18n/calculator/en.js';

/** The calculator's part of the catalogue (www/i18n/calculator/). */
export const WORDS = 'calculator';
provide(WORDS, 'en', calculatorEnglish);

let presetsLoading = null;
let wordsLoading = null;

/**
 * Makes `lang` the reader's language, with the calculator's words (and those every page
 * shares); resolves once they are in. Every calculator draws itself again in it.
 */
export function loadLanguage(lang) {
  wordsLoading = setLanguage(lang, { parts: [WORDS] });
  return wordsLoading;
}

/** The calculator's words in the current language, loaded once unless a language was asked
 * (in English they are here already). */
function wordsReady() {
  return wordsLoading ?? loadLanguage(language());
}

/**
 * Loads the engine and its presets, once for every calculator in the document. Rejects with an
 * Error saying which step failed.
 */
export function loadPresets() {
  presetsLoading ??= (async () => {
    // The words load while the engine does (English is already here, and stands in for a
    // language whose words cannot be fetched).
    const words = wordsReady().catch(() => {});
    try {
      await engine.load();
    } catch (e) {
      await words;
      throw new Error(t('calc.start.engine', { reason: e.message }));
    }
    performance.mark('giftsim:engine-ready');
    const answer = engine.run('presets');
    await words;
    if (!answer.ok) throw new Error(describeError(answer.error));
    performance.mark('giftsim:presets-ready');
    return new Presets(answer.value);
  })();
  return presetsLoading;
}

/**
 * A calculator over `root`: `{ presets, state, sections, root, toolbar?, toolbarOptions?,
 * landmarks?, collapsible?, onRefresh?(app) }`. Each section is used through its own instance,
 * so two calculators on one page never share controls. Sections are landmarks (`<section>`)
 * unless `landmarks` is false, as in a widget, where several copies on one page would repeat
 * them. With `collapsible: { closed, onToggle(id, open) }` each section's heading opens and
 * closes it; `closed` lists the ids that start closed. Returns the shared `app` (state,
 * presets, answers…). When the reader's language changes, the calculator draws itself again in
 * it, in place: the same state, answers, open and closed sections.
 */
export function createCalculator({ presets, state, sections, root, toolbar: toolbarEl = null, toolbarOptions = {}, landmarks = true, collapsible = null, onRefresh = () => {} }) {
  /** What the sections share: the state, the presets, the answers, formatting, field errors. */
  const app = {
    state,
    presets,
    fmt: null,
    fields: new FieldErrors({ describe: describeError }),
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

    /**
     * Rule sets a section makes from the state, by id (the spending check's family limits):
     * id → (app) → rule set object.
     */
    ruleSetMakers: new Map(),

    /**
     * The spending rule set the state names: a preset (falling back to the first), one a section
     * makes, or for "auto" a stand-in for the rules where the person lives, counted in the
     * card's currency as the engine counts them (it picks the rules on each event's date).
     */
    ruleSet() {
      if (this.state.rules === AUTO_RULES) return { id: AUTO_RULES, name: t('calc.rules.where_they_live'), currency: this.card().currency, brackets: [] };
      const made = this.ruleSetMakers.get(this.state.rules)?.(this);
      return made ?? this.presets.ruleSetById.get(this.state.rules) ?? this.presets.ruleSets[0];
    },

    /** The rule set as the engine takes it: a preset id, "auto", or a made rule set object. */
    ruleSetInput() {
      return this.ruleSetMakers.has(this.state.rules) ? this.ruleSet() : this.state.rules;
    },

    /** A formatter for the state's locale and the given currency (default: the card's). */
    format(currency = this.card().currency) {
      return formatter(this.state.locale, currency);
    },

    /**
     * The time zones a person may pick. The calculator's engine lists none (their names come
     * with its zone files), so the list is fetched when a section first needs it, and the page
     * is drawn again when it arrives; `zoneListError` says why it did not.
     */
    needZoneNames() {
      if (this.presets.timeZones.length) return;
      engine.zoneNames().then(
        (zones) => {
          this.presets.timeZones = zones;
          this.zoneListError = null;
          schedule(false);
        },
        (e) => {
          this.zoneListError = { reason: e.message };
          schedule(false);
        },
      );
    },
    /** Why the list of time zones could not be loaded (`{ reason }`), or null. */
    zoneListError: null,

    /** Opens section `id` if it was closed; returns its element (null for no such section). */
    openSection(id) {
      const found = mounted.find(({ section }) => section.id === id);
      found?.fold?.open();
      return found?.card ?? null;
    },

    /** Changes the state; `{ sync: true }` also rewrites the controls (for outside changes). */
    update(change, { sync = false } = {}) {
      this.state = { ...this.state, ...change };
      schedule(sync);
    },
  };

  /** The sections' own instances, kept when the calculator is drawn again in another language. */
  const instances = sections.map((template) => Object.create(template));
  let mounted = [];
  let toolbar = null;
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

  /**
   * Recomputes every answer and redraws; the heart of the calculator. The first time, sections
   * marked `defer` (far down, and slower) wait for the next task, so the first answers show
   * sooner.
   */
  function refresh(sync, { first = false } = {}) {
    normalizeState();
    app.fmt = app.format();
    // Figures inside sentences, and what people type, follow this calculator's number format.
    setNumberLocale(app.state.locale);
    const live = first ? mounted.filter(({ section }) => !section.defer) : mounted;
    if (sync) for (const s of live) s.section.sync?.(app, s.el);

    // Ask every question first, then draw, then mark errors: drawing may rebuild the fields
    // an error belongs to.
    const failed = new Map();
    const asked = new Map();
    const waits = [];
    for (const { section } of live) {
      const questions = Object.entries(section.queries?.(app) ?? {});
      asked.set(section, questions.filter(([, q]) => q?.notice !== false).map(([name]) => name));
      for (const [name, question] of questions) {
        const previous = app.results.get(name);
        if (!question) {
          app.results.set(name, { value: null, error: null, input: null });
          continue;
        }
        // A question may carry its own error (a check the page makes before asking the engine).
        const answer = question.error ? { ok: false, error: question.error } : engine.run(question.op, question.input);
        if (answer.ok) {
          app.results.set(name, { value: answer.value, error: null, input: question.input });
        } else if (answer.pending) {
          // The engine is fetching a time zone's rules: ask again when they are in.
          waits.push(answer.pending);
          app.results.set(name, { value: previous?.value ?? null, error: null, input: question.input, pending: true });
        } else {
          const mapped = question.mapError?.(answer.error) ?? answer.error;
          const error = { ...mapped, path: question.mapPath?.(mapped.path, mapped) ?? mapped.path };
          app.results.set(name, { value: previous?.value ?? null, error, input: question.input });
          failed.set(name, { section, error, notice: question.notice !== false });
        }
      }
    }
    for (const { section, el } of live) section.render(app, el);
    app.fields.clear();
    const unplaced = new Map();
    const toFix = new Map();
    for (const [name, { section, error, notice }] of failed) {
      const f = app.fields.show(name, error);
      if (f && notice && !toFix.has(section)) toFix.set(section, f);
      if (!f && notice) unplaced.set(section, [...(unplaced.get(section) ?? []), error]);
    }
    for (const { section, card, notice, fold } of live) {
      const stale = asked.get(section).some((name) => app.results.get(name)?.error);
      markStale(card, app.results);
      showNotice(notice, stale, unplaced.get(section) ?? [], toFix.get(section));
      fold?.flag(stale);
    }
    if (waits.length) Promise.allSettled(waits).then(() => schedule(false));
    toolbar?.render(app);
    onRefresh(app);
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
    const chosen = app.state.rules === AUTO_RULES || (app.state.rules === OWN_LIMITS && app.state.limits);
    if (!chosen && !app.presets.ruleSetById.has(app.state.rules)) app.state.rules = app.presets.ruleSets[0]?.id ?? app.state.rules;
  }

  /** Builds the toolbar and every section's card in the current language; `closed` start closed. */
  function mountAll(closed) {
    normalizeState();
    app.fmt = app.format();
    setNumberLocale(app.state.locale);
    if (toolbarEl) toolbar = mountToolbar(toolbarEl, app, toolbarOptions);
    replace(root);
    mounted = [];
    for (const section of instances) {
      const headingId = `${section.id}-title`;
      const heading = h('h2', { id: headingId, text: section.title });
      const intro = section.intro ? h('p', { class: 'section-intro', text: section.intro }) : null;
      const notice = h('div', { class: 'notice', role: 'status', hidden: true });
      const el = h('div', { class: 'section-body' });
      const card = h(
        landmarks ? 'section' : 'div',
        { id: section.id, class: `card section section--${section.id}`, 'aria-labelledby': landmarks ? headingId : null },
        // Not a <header> outside a <section>: that is a banner landmark, one more per widget.
        h(landmarks ? 'header' : 'div', { class: 'section-head' }, heading, collapsible ? null : intro),
        collapsible ? h('div', { class: 'section-fold', id: `${section.id}-fold` }, intro, notice, el) : [notice, el],
      );
      root.append(card);
      const fold = collapsible ? foldable(card, heading, section, { ...collapsible, closed }) : null;
      section.mount(el, app);
      mounted.push({ section, el, notice, card, fold });
    }
  }

  mountAll(collapsible?.closed ?? []);
  refresh(true, { first: true });
  if (mounted.some(({ section }) => section.defer)) setTimeout(() => refresh(true), 0);

  // Another language: every section built again in it, as it was (open or closed), its answers
  // asked again from the same state. A calculator no longer in a document stays as it is.
  subscribe(() => {
    if (!root.isConnected) return;
    const closed = mounted.filter(({ card }) => card.classList.contains('is-closed')).map(({ section }) => section.id);
    mountAll(closed);
    refresh(true);
  });
  return app;
}

/**
 * A section the reader can close down to its heading: the heading holds a button that says
 * whether the section is open (aria-expanded). A closed section's content stays in the page
 * as `hidden="until-found"`, so the browser's find-in-page still finds it and opens it.
 * Returns `{ open(), flag(stale) }`: `flag` marks a closed section whose answers are not
 * up to date, so a problem is not hidden with it.
 */
function foldable(card, heading, section, { closed = [], onToggle = () => {} }) {
  const fold = card.querySelector('.section-fold');
  const word = h('span', { class: 'section-toggle-word', 'aria-hidden': 'true' });
  const flag = h('span', { class: 'section-flag', text: t('calc.section.not_updated'), hidden: true });
  const button = h(
    'button',
    { type: 'button', class: 'section-toggle', 'aria-controls': fold.id, onclick: () => set(!isOpen) },
    h('span', { class: 'section-toggle-title', text: section.title }),
    flag,
    word,
  );
  let isOpen;
  function show(open) {
    isOpen = open;
    // Not `hidden = true`: that would also keep the content from find-in-page.
    if (open) fold.removeAttribute('hidden');
    else fold.setAttribute('hidden', 'until-found');
    button.setAttribute('aria-expanded', String(open));
    word.textContent = open ? t('calc.section.hide') : t('calc.section.show');
    card.classList.toggle('is-closed', !open);
  }
  function set(open) {
    if (open === isOpen) return;
    show(open);
    onToggle(section.id, open);
  }
  fold.addEventListener('beforematch', () => set(true));
  heading.replaceChildren(button);
  show(!closed.includes(section.id));
  return {
    open: () => set(true),
    flag: (stale) => {
      flag.hidden = !stale;
    },
  };
}

/**
 * Answers a section drew from a question that has since failed (`data-answers` names the
 * questions an element shows) are greyed and labelled as not updated, so last good answers are
 * never read as current ones; so are answers waiting for a time zone's rules. An element's
 * `data-stale-label` names the catalogue message it says instead of the usual one.
 */
function markStale(card, results) {
  for (const el of card.querySelectorAll('[data-answers]')) {
    const states = el.dataset.answers.split(' ').map((name) => results.get(name)).filter((r) => r?.value);
    const text = states.some((r) => r.error)
      ? t(el.dataset.staleLabel ?? 'calc.section.stale')
      : states.some((r) => r.pending)
        ? t('calc.section.updating')
        : null;
    el.classList.toggle('is-stale', text !== null);
    // The label changes only when its text does, so it is not announced again on each refresh.
    const label = el.querySelector(':scope > .stale-label');
    if (label?.textContent === text) continue;
    label?.remove();
    if (text) el.prepend(h('p', { class: 'stale-label', text }));
  }
}

/**
 * Errors no field could take, and the "last good answer" reminder, at the top of a section,
 * with a link to the field to fix (which may be far down the section).
 */
function showNotice(notice, stale, unplaced, field) {
  if (!stale) {
    notice.hidden = true;
    replace(notice);
    return;
  }
  notice.hidden = false;
  const label = field?.control.closest('.field')?.querySelector('label')?.textContent?.trim();
  const fix = field
    ? h('button', {
        type: 'button',
        class: 'notice-link',
        text: label ? t('calc.notice.fix', { label }) : t('calc.notice.go_to_field'),
        onclick: () => {
          field.control.scrollIntoView({ block: 'center', behavior: 'smooth' });
          field.control.focus({ preventScroll: true });
        },
      })
    : null;
  replace(
    notice,
    unplaced.map((e) => h('p', { class: 'notice-error', text: describeError(e) })),
    h('p', null, t('calc.notice.not_updated'), ' ', fix),
  );
}
