// The iframe embed (embed.html): one <giftsim-calculator> made from the URL's parameters, which
// are set as attribute values (data, never markup). The frame tells the page around it its
// height whenever it changes, and each new answer, by postMessage; the parent decides whom to
// trust by checking the message's origin (embed.js does, for `<iframe data-giftsim>`).
import '../../embed.js';

const ATTRIBUTES = ['preset', 'gift', 'count', 'currency', 'locale', 'mode', 'theme'];
const params = new URLSearchParams(location.search);
const widget = document.createElement('giftsim-calculator');
for (const name of ATTRIBUTES) {
  const value = params.get(name);
  if (value != null) widget.setAttribute(name, value.slice(0, 64));
}
// The widget's own background shows through the frame only in the whole calculator.
document.getElementById('frame').replaceChildren(widget);

/** Messages go to the parent only; height and answers are not secrets, so any parent may read them. */
function tell(message) {
  if (window.parent !== window) window.parent.postMessage(message, '*');
}

let last = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last) {
    last = height;
    tell({ type: 'giftsim:height', height });
  }
}).observe(document.documentElement);

widget.addEventListener('giftsim-change', (event) => {
  const { quote, ...summary } = event.detail;
  tell({ type: 'giftsim:change', detail: { ...summary, error: summary.error && { ...summary.error } } });
});
