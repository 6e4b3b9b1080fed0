// The widget drawn: a calculator (../calculator.js) over a <giftsim-calculator> element's
// attributes, in the element's shadow root. ../../embed.js defines the element and fetches this
// module when the first widget appears, so a page that only sizes iframes never loads it.
// It fires `giftsim-change` with each new answer and follows the attributes as they change.
//
// Its words come from the catalogue (../i18n.js): the widget's own part (www/i18n/widget/),
// the calculator's, and those every page shares, in the language its `lang` asks for. Their
// English is imported with the code and given to i18n.js, so English costs no request; another
// language's words are fetched while the engine loads. The catalogue has one language for the
// whole document, so every widget of a page shows the same one: the last asked for (by the last
// widget to start, or the last `lang` changed).
import { createCalculator, loadLanguage, loadPresets } from '../calculator.js';
import { h, replace } from '../dom.js';
import { FALLBACK, has, language, languageNumberLocale, subscribe, t } from '../i18n.js';
import { readAttributes, readLanguage } from './attributes.js';
import { applyTextLanguage, englishLine, languageAround, setTextLanguage } from './language.js';
import { widgetSheets } from './styles.js';
import simple from './simple.js';
import './words.js';
// Listed so the browser fetches the whole module graph at once, not one import level at a time
// (each level is a round trip to a CDN).
import '../../pkg/giftsim.js';
import '../engine.js';
import '../errors.js';
import '../decimal.js';
import '../answers.js';
import '../fields.js';
import '../format.js';
import '../rate-card.js';
import '../state.js';
import '../toolbar.js';
import './snippet.js';
import '../sections/coins-money.js';

/** The language last asked for by a widget of this document (a code that ships). */
let askedLanguage = null;
/** The words of that language loading (English's if they cannot be fetched). */
let wordsLoading = Promise.resolve();

/**
 * Makes `lang` the language of every calculator in the document, with the widget's words; the
 * calculators draw themselves again in it once they are in.
 */
function askLanguage(lang) {
  askedLanguage = lang;
  wordsLoading = loadLanguage(lang).catch(() => (askedLanguage === lang ? loadLanguage(FALLBACK) : undefined));
}

/** Resolves once the words of the language last asked for are in (a later ask is waited for too). */
async function wordsReady() {
  let waited;
  do {
    waited = wordsLoading;
    await waited.catch(() => {});
  } while (waited !== wordsLoading);
}

/** One of the widget's messages: from the catalogue, or in English when it could not be loaded. */
function say(id, params) {
  return has(id) ? t(id, params) : englishLine(id, params);
}

/** The level of the headings the calculator draws over its sections (`<h2>`). */
const DRAWN_LEVEL = 2;

/** The whole calculator's sections, minus the page's saved scenarios (they belong to the page). */
async function fullSections() {
  const { sections } = await import('../sections/index.js');
  return sections.filter((s) => s.id !== 'scenarios');
}

/**
 * One widget: `new Widget(element, { shadow, frame, base, ready })` draws into `frame` (the
 * shadow root's top element, which holds the widget's language and size), with `base` (the
 * style sheet the element shows before the others arrive) and the element's `ready` promise's
 * `{ resolve, reject }`.
 */
export class Widget {
  #element;
  #shadow;
  #frame;
  #base;
  #ready;
  #app = null;
  #mode = null;
  #headingLevel = DRAWN_LEVEL;
  #run = 0;
  #answer = null;
  #detail = null;
  /** Whether the next answer is the first to the attributes as they now are. */
  #fresh = false;
  /** Problems with the attributes already told to the page's editor (each once). */
  #told = new Set();
  /** The language this widget's `lang` asks for (a code that ships). */
  #lang = null;
  /** The number locale the language shown starts with, as last given to the calculator. */
  #languageLocale = null;

  constructor(element, { shadow, frame, base, ready }) {
    this.#element = element;
    this.#shadow = shadow;
    this.#frame = frame;
    this.#base = base;
    this.#ready = ready;
    // Links to a part of the calculator ("#rate-card") scroll within the widget, and leave the
    // host page's address alone.
    shadow.addEventListener('click', (event) => {
      const link = event.target.closest?.('a[href^="#"]');
      if (!link) return;
      event.preventDefault();
      const target = shadow.getElementById(link.getAttribute('href').slice(1));
      const heading = target?.querySelector('h2, h3');
      target?.scrollIntoView({ block: 'start' });
      heading?.setAttribute('tabindex', '-1');
      heading?.focus({ preventScroll: true });
    });
    this.#askLanguage();
    subscribe(() => this.#languageChanged());
    this.#start();
  }

  /** The latest `giftsim-change` detail, or null before the first answer. */
  get result() {
    return this.#detail;
  }

  /** Follows a change of attribute `name`. */
  attributeChanged(name) {
    if (name === 'lang') {
      this.#askLanguage();
      return;
    }
    // While the engine loads, #start reads the attributes as they are once it is in.
    if (!this.#app) return;
    const asked = this.#read(this.#app.presets);
    if (name === 'mode') {
      if (asked.mode !== this.#mode) this.#start();
      return;
    }
    this.#headingLevel = asked.headingLevel;
    // The theme is pure CSS (:host([theme])), the heading level a label: redraw for the charts'
    // colours and the headings, with the reader's own input left as it is.
    if (name === 'theme' || name === 'heading-level') {
      this.#app.update({}, { sync: true });
      return;
    }
    this.#fresh = true;
    this.#app.update(asked.state, { sync: true });
  }

  /** The language `lang` asks for (its problem told), asked of the catalogue if it is a new one. */
  #askLanguage() {
    const { lang, problem } = readLanguage((name) => this.#element.getAttribute(name), languageAround(this.#element));
    if (problem) this.#tell(`lang=${problem.value}`, problem.message);
    this.#lang = lang;
    if (lang !== askedLanguage) askLanguage(lang);
  }

  /**
   * After every change of the catalogue's language (the calculator draws itself again in it):
   * the top element's language, the loading line, and numbers in the language's own format
   * unless the page (`locale`) or the reader (the whole calculator's toolbar) chose one.
   */
  #languageChanged() {
    if (!this.#element.isConnected) return;
    setTextLanguage(language());
    applyTextLanguage(this.#frame);
    this.#frame.querySelector('.gs-toolbar')?.setAttribute('aria-label', t('calc.toolbar.label'));
    this.#tellLanguage();
    if (!this.#app) {
      this.#loading();
      return;
    }
    const before = this.#languageLocale;
    this.#languageLocale = languageNumberLocale();
    const followed = !this.#element.hasAttribute('locale') && this.#app.state.locale === before;
    if (followed && before !== this.#languageLocale) this.#app.update({ locale: this.#languageLocale }, { sync: true });
  }

  /** Tells the page's editor (once) when another widget's language is shown instead of this one's. */
  #tellLanguage() {
    const shown = language();
    // Not when this language's words could not be fetched: the browser says so already.
    if (shown === this.#lang || askedLanguage === this.#lang) return;
    this.#tell(
      `lang=${this.#lang}>${shown}`,
      `<giftsim-calculator> lang="${this.#lang}" is not shown: the widgets of a page share one language, the last one asked for ("${shown}").`,
    );
  }

  /** The loading line in the widget's language, until the first answer (unchanged if it says so already). */
  #loading() {
    if (this.#frame.querySelector('.gs-root')) return;
    const text = say('widget.loading');
    const line = this.#frame.querySelector('.gs-loading[role=status]');
    applyTextLanguage(this.#frame, has('widget.loading') ? language() : 'en');
    if (!line) replace(this.#frame, h('p', { class: 'gs-loading', role: 'status', text }));
    else if (line.textContent !== text) line.textContent = text;
  }

  /** The attributes read, each problem told to the page's editor once. */
  #read(presets) {
    const asked = readAttributes((name) => this.#element.getAttribute(name), presets, { locale: this.#languageLocale ?? languageNumberLocale() });
    for (const { name, value, message } of asked.problems) this.#tell(`${name}=${value}`, message);
    return asked;
  }

  #tell(key, message) {
    if (this.#told.has(key)) return;
    this.#told.add(key);
    console.warn(message);
  }

  async #start() {
    const run = ++this.#run;
    this.#app = null;
    this.#answer = null;
    const mode = this.#element.getAttribute('mode') === 'full' ? 'full' : 'simple';
    let presets;
    let sheets;
    let sections;
    // The words load while the engine does; the loading line is in the widget's language once
    // they are in.
    const words = wordsReady().then(() => {
      if (run === this.#run && !this.#app) this.#loading();
    });
    try {
      [presets, sheets, sections] = await Promise.all([loadPresets(), widgetSheets(), mode === 'full' ? fullSections() : [simple], words]);
    } catch (e) {
      if (run !== this.#run) return;
      await words;
      applyTextLanguage(this.#frame, has('widget.failed') ? language() : 'en');
      replace(this.#frame, h('p', { class: 'gs-loading', role: 'alert', text: say('widget.failed', { reason: e.message }) }));
      this.#ready.reject(e);
      return;
    }
    if (run !== this.#run) return;
    this.#languageLocale = languageNumberLocale();
    const asked = this.#read(presets);
    // The mode may have changed while the engine loaded.
    if (asked.mode !== mode) {
      this.#start();
      return;
    }
    this.#mode = mode;
    this.#headingLevel = asked.headingLevel;
    this.#fresh = true;
    this.#shadow.adoptedStyleSheets = [this.#base, ...sheets];
    const toolbar = mode === 'full' ? h('div', { class: 'toolbar gs-toolbar', role: 'group', 'aria-label': t('calc.toolbar.label') }) : null;
    const body = h('div', { class: 'sections gs-sections' });
    replace(this.#frame, h('div', { class: `gs-root gs-root--${mode}` }, toolbar, body));
    this.#app = createCalculator({
      presets,
      state: asked.state,
      sections,
      root: body,
      toolbar,
      landmarks: false,
      onRefresh: (app) => this.#changed(app),
    });
  }

  /** After each refresh: the headings' level, the text's language, and a new answer announced. */
  #changed(app) {
    levelHeadings(this.#frame, this.#headingLevel);
    applyTextLanguage(this.#frame);
    const catalogue = app.presets.giftsOf(app.card());
    const result = app.results.get(catalogue.length ? 'gifts' : 'coins');
    if (!result || result === this.#answer) return;
    this.#answer = result;
    const first = app.state.gifts[0];
    // A count the attributes ask for that the engine cannot answer (more coins than one
    // question may ask for) is a typo in the page like any other: the default count is used.
    const fresh = this.#fresh;
    this.#fresh = false;
    if (fresh && result.error?.path === 'gifts[0].count') {
      this.#tell(`count=${first.count}`, `<giftsim-calculator> count="${first.count}" is more than the widget can answer (${result.error.message}); the default, "1", is used instead.`);
      this.#fresh = true;
      app.update({ gifts: [{ ...first, count: 1 }] }, { sync: true });
      return;
    }
    const quote = result.error ? null : result.value;
    this.#detail = {
      mode: this.#mode,
      preset: app.state.card,
      gift: catalogue.length ? first?.gift ?? null : null,
      // The count as the engine was asked (the reader's "1.000" read as 1000 in de-DE).
      count: catalogue.length ? result.input?.gifts?.[0]?.count ?? first?.count ?? null : null,
      currency: app.state.currency,
      lang: language(),
      locale: app.state.locale,
      viewerPays: quote?.purchase.viewer_pays ?? null,
      creatorKeeps: quote?.creator.keeps ?? null,
      quote,
      error: result.error,
    };
    this.#element.dispatchEvent(new CustomEvent('giftsim-change', { detail: this.#detail, bubbles: true, composed: true }));
    this.#ready.resolve(this.#detail);
  }
}

/**
 * Puts the widget's headings under the host page's: its `<h2>`s are read as `level` (and each
 * heading below them as one further down, to `<h6>` at most) through `aria-level`.
 */
function levelHeadings(root, level) {
  const shift = level - DRAWN_LEVEL;
  for (const heading of root.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const own = Number(heading.tagName[1]);
    const read = Math.max(1, Math.min(6, own + shift));
    if (read === own) heading.removeAttribute('aria-level');
    else if (heading.getAttribute('aria-level') !== String(read)) heading.setAttribute('aria-level', String(read));
  }
}
