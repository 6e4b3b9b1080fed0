// Building DOM from data: elements and textContent only, never HTML strings.

/**
 * `h('p', { class: 'note', text: 'Hello' }, child, …)`: an element with properties, attributes,
 * listeners (`onclick`) and children (nodes or strings, nested arrays flattened, null skipped).
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value == null || value === false) continue;
    if (key === 'text') el.textContent = value;
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'value' || key === 'checked' || key === 'selected') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children (nodes, strings, arrays of them; null and false skipped). */
export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces an element's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

let nextId = 0;
/** A unique id for label/aria wiring. */
export function uid(prefix = 'gs') {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/**
 * A link to an outside source (named by its host unless `text` is given), only for http(s)
 * addresses; anything else stays plain text. Nothing is fetched unless the person follows it.
 */
export function sourceLink(address, text) {
  let url;
  try {
    url = new URL(address);
  } catch {
    return document.createTextNode(text ?? String(address));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return document.createTextNode(text ?? String(address));
  return h('a', { href: url.href, rel: 'noopener noreferrer external', target: '_blank', title: url.href, text: text ?? url.hostname.replace(/^www\./, '') });
}

/** `<dl>` rows from [term, description] pairs; a null pair is skipped. */
export function facts(rows, className = 'facts') {
  return h(
    'dl',
    { class: className },
    rows.filter(Boolean).map(([term, desc]) => h('div', null, h('dt', { text: term }), h('dd', null, desc))),
  );
}

/**
 * Scrolling boxes take the keyboard focus only while they scroll (a wide table on a narrow
 * screen or in a narrow widget), so keyboard users can scroll them too.
 */
const scrollables = typeof ResizeObserver === 'function'
  ? new ResizeObserver((entries) => {
      for (const { target } of entries) {
        if (!target.isConnected) {
          scrollables.unobserve(target);
          continue;
        }
        const scrolls = target.scrollWidth > target.clientWidth + 1;
        if (scrolls) {
          target.setAttribute('tabindex', '0');
          target.setAttribute('role', 'group');
          target.setAttribute('aria-label', target.dataset.label);
        } else {
          for (const name of ['tabindex', 'role', 'aria-label']) target.removeAttribute(name);
        }
      }
    })
  : null;

/**
 * A table from a header row and body rows of cells (strings or nodes). With `scrollHint`, a
 * table wider than its box says so above it and shades the edge that has more (page.css).
 */
export function table({ caption, head, rows, numeric = [], className = 'table', scrollHint = false }) {
  const cell = (tag, content, i) =>
    h(tag, { class: numeric.includes(i) ? 'num' : null, scope: tag === 'th' ? 'col' : null }, content);
  const wrap = h('div', { class: scrollHint ? 'table-wrap table-wrap--hint' : 'table-wrap', dataset: { label: `Table: ${caption ?? head.join(', ')}` } });
  scrollables?.observe(wrap);
  return append(wrap, [
    scrollHint ? h('p', { class: 'scroll-hint' }, h('span', { 'aria-hidden': 'true', text: '↔ ' }), 'Scroll sideways for more') : null,
    h(
      'table',
      { class: className },
      caption ? h('caption', { text: caption }) : null,
      h('thead', null, h('tr', null, head.map((c, i) => cell('th', c, i)))),
      h(
        'tbody',
        null,
        rows.map((row) =>
          h('tr', { class: row.className ?? null }, (row.cells ?? row).map((c, i) => cell('td', c, i))),
        ),
      ),
    ),
  ]);
}

/**
 * Whether `el` has the keyboard focus, in the page or inside a shadow root (where
 * `document.activeElement` is the shadow host, not the control).
 */
export function isFocused(el) {
  return el.getRootNode?.().activeElement === el;
}
