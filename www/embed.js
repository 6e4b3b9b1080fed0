// <giftsim-calculator>: the gift calculator inside any page, from one script tag and one element.
//
//   <script type="module" src="https://giftsim.example/embed.js"></script>
//   <giftsim-calculator preset="tiktok-ios" gift="lion" count="1" mode="simple"></giftsim-calculator>
//
// Everything it loads (the engine's .wasm, its modules, its styles) is found next to this file,
// so it works from any origin, a CDN included, and asks nothing of anyone else. It draws in a
// shadow root (the host page's CSS cannot reach in, its own cannot leak out), is themed through
// CSS custom properties, fires `giftsim-change` with each new answer, and re-renders when an
// attribute changes. It also sizes `<iframe data-giftsim>` embeds of ./embed.html to their
// content, trusting messages from its own origin only. docs/embedding.md documents it all.
import { createCalculator, loadPresets } from './js/calculator.js';
import { h, replace } from './js/dom.js';
import { fromObject } from './js/state.js';
import { sheetFrom, widgetSheets } from './js/embed/styles.js';
import simple from './js/embed/simple.js';
// Listed so the browser fetches the whole module graph at once, not one import level at a time
// (each level is a round trip to a CDN).
import './pkg/giftsim.js';
import './js/engine.js';
import './js/errors.js';
import './js/decimal.js';
import './js/answers.js';
import './js/fields.js';
import './js/format.js';
import './js/rate-card.js';
import './js/toolbar.js';
import './js/embed/snippet.js';
import './js/sections/coins-money.js';

const ATTRIBUTES = ['preset', 'gift', 'count', 'currency', 'locale', 'mode', 'theme'];
const OWN_ORIGIN = new URL(import.meta.url).origin;

/** Shown before the styles arrive: a block, and a quiet loading line. */
const BASE = sheetFrom(`
  :host { display: block; }
  :host([hidden]) { display: none; }
  .gs-loading { font: 1rem/1.5 system-ui, sans-serif; color: #555b66; padding: 1em; margin: 0; }
`);

/** The whole calculator's sections, minus the page's saved scenarios (they belong to the page). */
async function fullSections() {
  const { sections } = await import('./js/sections/index.js');
  return sections.filter((s) => s.id !== 'scenarios');
}

export class GiftsimCalculator extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #shadow;
  #app = null;
  #mode = null;
  #run = 0;
  #answer = null;
  #detail = null;
  #resolveReady;
  /** Resolves with the first `giftsim-change` detail (or rejects if the engine cannot load). */
  ready = new Promise((resolve, reject) => {
    this.#resolveReady = { resolve, reject };
  });

  constructor() {
    super();
    this.ready.catch(() => {}); // reported in the widget itself; `ready` is for those who ask
    this.#shadow = this.attachShadow({ mode: 'open' });
    this.#shadow.adoptedStyleSheets = [BASE];
    // Links to a part of the calculator ("#rate-card") scroll within the widget, and leave the
    // host page's address alone.
    this.#shadow.addEventListener('click', (event) => {
      const link = event.target.closest?.('a[href^="#"]');
      if (!link) return;
      event.preventDefault();
      const target = this.#shadow.getElementById(link.getAttribute('href').slice(1));
      target?.scrollIntoView({ block: 'start' });
      target?.querySelector('h2, h3')?.setAttribute('tabindex', '-1');
      target?.querySelector('h2, h3')?.focus({ preventScroll: true });
    });
  }

  connectedCallback() {
    if (!this.#app && this.#run === 0) this.#start();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.#app) return;
    if (name === 'mode') {
      if ((after === 'full' ? 'full' : 'simple') !== this.#mode) this.#start();
      return;
    }
    // The theme is pure CSS (:host([theme])); redraw so the charts take its colours.
    const change = name === 'theme' ? {} : this.#stateFromAttributes(this.#app.presets);
    this.#app.update(change, { sync: true });
  }

  /** The latest `giftsim-change` detail, or null before the first answer. */
  get result() {
    return this.#detail;
  }

  async #start() {
    const run = ++this.#run;
    this.#app = null;
    this.#answer = null;
    const status = h('p', { class: 'gs-loading', role: 'status', text: 'Loading the gift calculator…' });
    replace(this.#shadow, status);
    let presets;
    let sheets;
    let sections;
    const mode = this.getAttribute('mode') === 'full' ? 'full' : 'simple';
    try {
      [presets, sheets, sections] = await Promise.all([loadPresets(), widgetSheets(), mode === 'full' ? fullSections() : [simple]]);
    } catch (e) {
      if (run !== this.#run) return;
      replace(this.#shadow, h('p', { class: 'gs-loading', role: 'alert', text: `The gift calculator could not start: ${e.message}.` }));
      this.#resolveReady.reject(e);
      return;
    }
    if (run !== this.#run) return;
    // The mode may have changed while the engine loaded.
    if ((this.getAttribute('mode') === 'full' ? 'full' : 'simple') !== mode) {
      this.#start();
      return;
    }
    this.#mode = mode;
    this.#shadow.adoptedStyleSheets = [BASE, ...sheets];
    const toolbar = mode === 'full' ? h('div', { class: 'toolbar gs-toolbar', role: 'group', 'aria-label': 'Rate card and formats' }) : null;
    const body = h('div', { class: 'sections gs-sections' });
    const root = h('div', { class: `gs-root gs-root--${mode}` }, toolbar, body);
    replace(this.#shadow, root);
    this.#app = createCalculator({
      presets,
      state: this.#stateFromAttributes(presets),
      sections,
      root: body,
      toolbar,
      landmarks: false,
      onRefresh: (app) => this.#changed(app),
    });
  }

  /** The state the attributes describe, cleaned like any outside data (values, never markup). */
  #stateFromAttributes(presets) {
    const get = (name) => this.getAttribute(name) ?? undefined;
    const preset = get('preset');
    const currency = get('currency') ?? presets.byId.get(preset)?.currency;
    const count = /^\d{1,9}$/.test(get('count') ?? '') ? Number(get('count')) : 1;
    const state = fromObject({ card: preset, currency, locale: get('locale'), gifts: [{ gift: get('gift') ?? 'lion', count }] });
    if (!state.gifts.length) state.gifts = [{ gift: 'lion', count }];
    return state;
  }

  /** After each refresh: a new answer (or a new error) is announced to the host page. */
  #changed(app) {
    // Screen readers read numbers and names in the widget's language.
    this.#shadow.querySelector('.gs-root')?.setAttribute('lang', app.state.locale);
    const catalogue = app.presets.giftsOf(app.card());
    const result = app.results.get(catalogue.length ? 'gifts' : 'coins');
    if (!result || result === this.#answer) return;
    this.#answer = result;
    const first = app.state.gifts[0];
    const quote = result.error ? null : result.value;
    this.#detail = {
      mode: this.#mode,
      preset: app.state.card,
      gift: catalogue.length ? first?.gift ?? null : null,
      count: catalogue.length ? first?.count ?? null : null,
      currency: app.state.currency,
      locale: app.state.locale,
      viewerPays: quote?.purchase.viewer_pays ?? null,
      creatorKeeps: quote?.creator.keeps ?? null,
      quote,
      error: result.error,
    };
    this.dispatchEvent(new CustomEvent('giftsim-change', { detail: this.#detail, bubbles: true, composed: true }));
    this.#resolveReady.resolve(this.#detail);
  }
}

if (!customElements.get('giftsim-calculator')) customElements.define('giftsim-calculator', GiftsimCalculator);

/**
 * The host side of the iframe embed: `<iframe data-giftsim src=".../embed.html?…">` grows to
 * its content. Only messages from this script's own origin, from one of those iframes, count.
 */
function resizeFrames(event) {
  if (event.origin !== OWN_ORIGIN) return;
  const data = event.data;
  if (!data || data.type !== 'giftsim:height' || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll('iframe[data-giftsim]')) {
    if (frame.contentWindow === event.source) {
      frame.style.height = `${Math.max(80, Math.min(Math.ceil(data.height), 20000))}px`;
      frame.style.border = frame.style.border || '0';
    }
  }
}
const listening = Symbol.for(`giftsim:frames:${OWN_ORIGIN}`);
if (!globalThis[listening]) {
  globalThis[listening] = true;
  window.addEventListener('message', resizeFrames);
}
