// <giftsim-calculator>: the gift calculator inside any page, from one script tag and one element.
//
//   <script type="module" src="https://giftsim.example/embed.js"></script>
//   <giftsim-calculator preset="tiktok-ios" gift="lion" count="1" mode="simple"></giftsim-calculator>
//
// This file is small: it defines the element, gives it its size, language and a loading line at
// once (in English at once; in another language once the widget has fetched its words), and
// fetches the widget itself (./js/embed/widget.js, the calculator and the engine) when
// the first element appears. It also sizes `<iframe data-giftsim>` embeds of ./embed.html to
// their content, trusting messages from its own origin only — a page with only iframes loads
// nothing more. Everything is found next to this file, so it works from any origin, a CDN
// included. docs/embedding.md documents it all.
import { applyTextLanguage, englishLine, startsInEnglish } from './js/embed/language.js';
import { sheetFrom } from './js/embed/styles.js';

/** The element's attributes (and the iframe's URL parameters), as docs/embedding.md lists them. */
export const ATTRIBUTES = ['preset', 'gift', 'count', 'currency', 'lang', 'locale', 'mode', 'theme', 'heading-level'];
const OWN_ORIGIN = new URL(import.meta.url).origin;

/**
 * What the element needs before the rest arrives: its size, its type size and a readable loading
 * line. The widget's natural width is its container's, between --gs-min-width (or the
 * container's width, if narrower) and --gs-max-width. The frame's one grid column gives it that
 * width in layouts that size it by its content (a flex row or column, an auto grid column,
 * inline-block, a float, a table cell, absolute positioning), where the query container inside
 * (embed.css), whose width never depends on its content, would make it 0px wide.
 */
const BASE = sheetFrom(`
  :host {
    display: block;
    /* The reader's own text size (the browser's setting), not the host page's, unless
       --gs-font-size says otherwise. Important, so that a host page's rules cannot change it. */
    font-size: var(--gs-font-size, medium) !important;
    inline-size: fit-content;
    min-inline-size: min(var(--gs-min-width), 100%);
    max-inline-size: 100%;
    color-scheme: light;
    --gs-min-width: 16em;
  }
  /* More specific than theme.css's :host, whose --gs-max-width is the calculator page's. */
  :host(:not([mode="full"])) { --gs-max-width: 45em; }
  :host([mode="full"]) { --gs-max-width: 75em; }
  :host([hidden]) { display: none; }
  :host([theme="dark"]) { color-scheme: dark; }
  :host([theme="auto"]) { color-scheme: light dark; }
  /* A fresh start: nothing inherited from the host page (fonts, colours, spacing, alignment). */
  .gs-frame {
    all: initial;
    color-scheme: inherit;
    display: grid;
    grid-template-columns: minmax(min(var(--gs-min-width), 100%), var(--gs-max-width));
    font-family: var(--gs-font, system-ui, sans-serif);
    font-size: inherit;
    line-height: 1.5;
    color: var(--gs-text, CanvasText);
    text-align: start;
    overflow-wrap: break-word;
  }
  /* The readable minimum in layouts that size the widget by its content (a table cell, an auto
     grid column): a line as wide as --gs-min-width that counts there, and never overflows a
     narrower container (its percentage counts only once the container's width is known). */
  .gs-frame::before { content: ""; inline-size: var(--gs-min-width); max-inline-size: 100%; }
  /* The theme's colours, or the system's for the colour scheme until they arrive: readable on
     any host page, light or dark. */
  .gs-loading {
    margin: 0;
    padding: 1em;
    /* A line's height, before its words are in (a language other than English). */
    min-block-size: 1.5em;
    color: var(--gs-text, CanvasText);
    background: var(--gs-surface, Canvas);
    border: 1px solid var(--gs-border, GrayText);
    border-radius: var(--gs-radius, 12px);
  }
`);

let widgetLoading = null;
/** The widget's code, fetched once, when the first element appears. */
function loadWidget() {
  widgetLoading ??= import('./js/embed/widget.js');
  return widgetLoading;
}

export class GiftsimCalculator extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #shadow;
  /** The shadow root's top element: the widget's language, direction and width. */
  #frame;
  #widget = null;
  #started = false;
  #settle;
  /** Resolves with the first `giftsim-change` detail (or rejects if the engine cannot load). */
  ready = new Promise((resolve, reject) => {
    this.#settle = { resolve, reject };
  });

  constructor() {
    super();
    this.ready.catch(() => {}); // reported in the widget itself; `ready` is for those who ask
    this.#shadow = this.attachShadow({ mode: 'open' });
    this.#shadow.adoptedStyleSheets = [BASE];
    this.#frame = document.createElement('div');
    this.#frame.className = 'gs-frame';
    this.#shadow.append(this.#frame);
  }

  connectedCallback() {
    if (this.#started) return;
    this.#started = true;
    // The loading line, once the element's attributes and place in the page are known: in
    // English at once when that is its language; in another, empty until the widget (which
    // knows the languages that ship) has fetched its words, small files, with the engine.
    const english = startsInEnglish(this);
    applyTextLanguage(this.#frame, 'en');
    this.#frame.replaceChildren(statusLine(english ? englishLine('widget.loading') : '', 'status'));
    loadWidget().then(
      ({ Widget }) => {
        this.#widget = new Widget(this, { shadow: this.#shadow, frame: this.#frame, base: BASE, ready: this.#settle });
      },
      (e) => {
        // Without the widget's code there is no catalogue either: this line is in English.
        applyTextLanguage(this.#frame, 'en');
        this.#frame.replaceChildren(statusLine(englishLine('widget.failed', { reason: e.message }), 'alert'));
        this.#settle.reject(e);
      },
    );
  }

  attributeChangedCallback(name, before, after) {
    if (before !== after) this.#widget?.attributeChanged(name);
  }

  /** The latest `giftsim-change` detail, or null before the first answer. */
  get result() {
    return this.#widget?.result ?? null;
  }
}

/** A line of text saying how the widget is doing (`role` "status" or "alert"). */
function statusLine(text, role) {
  const line = document.createElement('p');
  line.className = 'gs-loading';
  line.setAttribute('role', role);
  line.textContent = text;
  return line;
}

if (!customElements.get('giftsim-calculator')) customElements.define('giftsim-calculator', GiftsimCalculator);

/** An iframe is never set shorter than this: room for a line of text, never a sliver. */
const MIN_FRAME_HEIGHT = 200;

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
      frame.style.height = `${Math.max(MIN_FRAME_HEIGHT, Math.min(Math.ceil(data.height), 20000))}px`;
      frame.style.border = frame.style.border || '0';
    }
  }
}
const listening = Symbol.for(`giftsim:frames:${OWN_ORIGIN}`);
if (!globalThis[listening]) {
  globalThis[listening] = true;
  window.addEventListener('message', resizeFrames);
}
