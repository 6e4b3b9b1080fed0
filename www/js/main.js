// The calculator page: loads the engine and the presets, mounts the calculator over the page's
// sections and toolbar, and after every change writes the state into the URL.
import { h, replace } from './dom.js';
import { createCalculator, loadPresets } from './calculator.js';
import { fromQuery, toQuery } from './state.js';
import { sections } from './sections/index.js';

const started = performance.now();
let firstResultShown = false;

/** After each refresh: the URL holds the state, the page's language follows the locale. */
function onRefresh(app) {
  history.replaceState(null, '', toQuery(app.state) + location.hash);
  document.documentElement.lang = app.state.locale;
  if (!firstResultShown) markFirstResult();
}

function markFirstResult() {
  firstResultShown = true;
  const ms = performance.now();
  performance.mark('giftsim:first-result');
  document.documentElement.dataset.firstResultMs = String(Math.round(ms));
  document.documentElement.dataset.bootMs = String(Math.round(ms - started));
}

async function boot() {
  const root = document.getElementById('sections');
  let presets;
  try {
    presets = await loadPresets();
  } catch (e) {
    replace(root, h('p', { class: 'fatal', role: 'alert', text: `The calculator could not start: ${e.message}.` }));
    return;
  }
  replace(
    document.getElementById('toc'),
    sections.map((s) => h('li', null, h('a', { href: `#${s.id}`, text: s.nav ?? s.title }))),
  );
  createCalculator({
    presets,
    state: fromQuery(location.search),
    sections,
    root,
    toolbar: document.getElementById('toolbar'),
    toolbarOptions: { embedCode: true },
    onRefresh,
  });
}

boot();
