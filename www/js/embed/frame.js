// The iframe embed (embed.html): one <giftsim-calculator> made from the URL's parameters, which
// are set as attribute values (data, never markup). Once the widget shows its first answer (or
// says it cannot start), the frame tells the page around it its height, and again whenever it
// changes, and each new answer, by postMessage; the parent decides whom to trust by checking the
// message's origin (embed.js does, for `<iframe data-giftsim>`). While the widget loads it says
// nothing, so the parent keeps the iframe's height rather than shrinking it to a loading line.
// The page takes the widget's language (`lang=`), and its heading as its title and its
// landmark's name.
import { ATTRIBUTES } from '../../embed.js';

const params = new URLSearchParams(location.search);
const widget = document.createElement('giftsim-calculator');
for (const name of ATTRIBUTES) {
  const value = params.get(name);
  if (value != null) widget.setAttribute(name, value.slice(0, 64));
}
document.getElementById('frame').replaceChildren(widget);

/** Messages go to the parent only; height and answers are not secrets, so any parent may read them. */
function tell(message) {
  if (window.parent !== window) window.parent.postMessage(message, '*');
}

let told = 0;
/** Tells the parent the content's height, if it changed since last told. */
function tellHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== told) {
    told = height;
    tell({ type: 'giftsim:height', height });
  }
}

function follow() {
  tellHeight();
  new ResizeObserver(tellHeight).observe(document.documentElement);
}
widget.ready.then(follow, follow);

/** The page in the widget's language and direction, titled and named by the widget's heading. */
function describePage() {
  const top = widget.shadowRoot.querySelector('.gs-frame');
  const root = document.documentElement;
  if (top?.lang && root.lang !== top.lang) root.lang = top.lang;
  if (top?.dir && root.dir !== top.dir) root.dir = top.dir;
  const heading = top?.querySelector('h2')?.textContent.trim();
  if (!heading) return;
  document.title = `${heading} — giftsim`;
  document.getElementById('frame').setAttribute('aria-label', heading);
}

widget.addEventListener('giftsim-change', (event) => {
  describePage();
  const { quote, ...summary } = event.detail;
  tell({ type: 'giftsim:change', detail: { ...summary, error: summary.error && { ...summary.error } } });
});
