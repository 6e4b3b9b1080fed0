// The calculator page: loads the engine and the presets, mounts the calculator over the page's
// sections and toolbar, and after every change writes the state into the URL; the section
// menu follows the reader, and the sections they close stay closed in this browser.
import { h, replace } from './dom.js';
import { createCalculator, loadPresets } from './calculator.js';
import { sectionMenu } from './nav.js';
import { fromQuery, toQuery } from './state.js';
import { sections } from './sections/index.js';

const started = performance.now();
let firstResultShown = false;

/** After each refresh: the URL holds the state, the page's language follows the locale. */
function onRefresh(app) {
  history.replaceState(null, '', toQuery(app.state) + location.hash);
  document.documentElement.lang = app.state.locale;
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

async function boot() {
  const root = document.getElementById('sections');
  let presets;
  try {
    presets = await loadPresets();
  } catch (e) {
    replace(root, h('p', { class: 'fatal', role: 'alert', text: `The calculator could not start: ${e.message}.` }));
    return;
  }
  createCalculator({
    presets,
    state: fromQuery(location.search),
    sections,
    root,
    toolbar: document.getElementById('toolbar'),
    toolbarOptions: { embedCode: true },
    // The first answer is never closed: it is what the page is for.
    collapsible: { closed: closedSections.read().filter((id) => id !== sections[0].id), onToggle: (id, open) => closedSections.write(id, open) },
    onRefresh,
  });
}

boot();
