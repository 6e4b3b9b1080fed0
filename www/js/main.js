// The calculator page: loads the engine, the presets and the reader's language, mounts the
// calculator over the page's sections and toolbar, and after every change writes the state into
// the URL; the section menu follows the reader, and the sections they close stay closed in this
// browser. The language picker in the header redraws the page in place in another language
// (remembered in this browser); the number format follows the language unless the reader or
// the link chose one.
import { h, replace } from './dom.js';
import { createCalculator, loadLanguage, loadPresets } from './calculator.js';
import { LANGUAGES, dir, language, languageNumberLocale, localize, preferredLanguage, rememberLanguage, setNumberLocale, subscribe, t } from './i18n.js';
import { sectionMenu } from './nav.js';
import { fromQuery, toQuery } from './state.js';
import { sections } from './sections/index.js';

const started = performance.now();
let firstResultShown = false;
// A language whose words cannot be fetched gives way to English, which comes with the code.
const languageReady = loadLanguage(preferredLanguage()).catch(() => loadLanguage('en'));

/**
 * Whether the number format was chosen (by the link or in the toolbar), rather than the one the
 * language starts with: only a chosen one is kept in the link and across languages.
 */
let localeChosen = new URLSearchParams(location.search).has('locale');
/** The number format the language started with, as last set here. */
let languageLocale = null;


/** After each refresh: the URL holds the state (the number format only when chosen). */
function onRefresh(app) {
  if (app.state.locale !== languageLocale) localeChosen = true;
  const query = new URLSearchParams(toQuery(app.state));
  if (!localeChosen) query.delete('locale');
  history.replaceState(null, '', `?${query}${location.hash}`);
  if (!firstResultShown) {
    markFirstResult();
    menu.start(app, document.getElementById('sections'));
  }
}

function markFirstResult() {
  firstResultShown = true;
  const ms = performance.now();
  performance.mark('giftsim:first-result');
  document.documentElement.dataset.firstResultMs = String(Math.round(ms));
  document.documentElement.dataset.bootMs = String(Math.round(ms - started));
}

/**
 * The sections the reader closed, kept in this browser (not in the link: a link shares the
 * answers, not how the page was folded). Storage may be refused (a private window): then
 * nothing is remembered.
 */
const CLOSED_KEY = 'giftsim.closed-sections.v1';
const closedSections = {
  read() {
    try {
      const ids = JSON.parse(localStorage.getItem(CLOSED_KEY) ?? '[]');
      return Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : [];
    } catch {
      return [];
    }
  },
  write(id, open) {
    const ids = new Set(this.read());
    if (open) ids.delete(id);
    else ids.add(id);
    try {
      if (ids.size) localStorage.setItem(CLOSED_KEY, JSON.stringify([...ids]));
      else localStorage.removeItem(CLOSED_KEY);
    } catch {
      // Not remembered; the section is still closed for now.
    }
  },
};

const menu = sectionMenu(document.getElementById('section-menu'), sections);

/** The page's own words (index.html's marked elements), its language and direction. */
function applyLanguage() {
  const root = document.documentElement;
  root.lang = language();
  root.dir = dir();
  localize(document);
  menu.relabel();
  const picker = document.getElementById('language');
  if (picker) picker.value = language();
}

/** The language picker in the header: each language by its own name; a choice is kept. */
function languagePicker() {
  const picker = h(
    'select',
    { id: 'language', onchange: () => chooseLanguage(picker.value) },
    Object.entries(LANGUAGES).map(([code, name]) => h('option', { value: code, text: name, lang: code })),
  );
  picker.value = language();
  replace(document.getElementById('language-box'), h('label', { for: 'language', 'data-i18n': 'calc.page.language' }), picker);
}

/** Draws the page in `lang` and remembers it; a language that cannot be fetched leaves the page as it is. */
async function chooseLanguage(lang) {
  try {
    await loadLanguage(lang);
    rememberLanguage(lang);
  } catch {
    applyLanguage();
  }
}

async function boot() {
  const root = document.getElementById('sections');
  let presets;
  try {
    [presets] = await Promise.all([loadPresets(), languageReady]);
  } catch (e) {
    await languageReady;
    applyLanguage();
    replace(root, h('p', { class: 'fatal', role: 'alert', text: t('calc.start.failed', { reason: e.message }) }));
    return;
  }
  languagePicker();
  applyLanguage();
  const state = fromQuery(location.search);
  languageLocale = languageNumberLocale();
  if (!localeChosen) state.locale = languageLocale;
  const app = createCalculator({
    presets,
    state,
    sections,
    root,
    toolbar: document.getElementById('toolbar'),
    toolbarOptions: { embedCode: true },
    // The first answer is never closed: it is what the page is for.
    collapsible: { closed: closedSections.read().filter((id) => id !== sections[0].id), onToggle: (id, open) => closedSections.write(id, open) },
    onRefresh,
  });
  // The calculator draws itself again in the new language; the page's own words follow, and
  // the number format too unless one was chosen.
  subscribe(() => {
    applyLanguage();
    const own = languageNumberLocale();
    if (!localeChosen && app.state.locale !== own) {
      languageLocale = own;
      app.update({ locale: own }, { sync: true });
    } else setNumberLocale(app.state.locale);
  });
}

boot();
