// The page's section menu: a strip that stays at the top of the screen, marks the section in
// view, and takes a link to a section (#spending-check) there once the page has drawn it,
// opening the section if it was closed. Its words are the sections' own, in the reader's
// language (`relabel` writes them again in another).
import { h, replace } from './dom.js';

/**
 * Fills `nav` with one link per section (`{ id, nav, title }`); returns `{ relabel(),
 * start(app, root) }`. `relabel` writes the links in the current language (first once the
 * words are in); `start` is called once the calculator has drawn its first answers in `root`:
 * from then on the menu marks the section in view and answers links to sections, and it goes
 * to the section the address names (the browser's own jump came before there was anything to
 * jump to).
 */
export function sectionMenu(nav, sections) {
  const links = new Map(sections.map((s) => [s.id, h('a', { href: `#${s.id}`, class: 'page-nav-link' })]));
  const strip = h('ul', { class: 'page-nav-list' }, [...links.values()].map((a) => h('li', null, a)));
  replace(nav, h('div', { class: 'wrap page-nav-wrap' }, strip));
  const edges = () => {
    nav.classList.toggle('has-more-before', strip.scrollLeft > 1);
    nav.classList.toggle('has-more-after', strip.scrollLeft + strip.clientWidth < strip.scrollWidth - 1);
  };
  strip.addEventListener('scroll', edges, { passive: true });
  // The menu's height, for the page to keep headings and fields clear of it (page.css,
  // scroll-margin-top).
  new ResizeObserver(() => {
    document.documentElement.style.setProperty('--page-nav-height', `${nav.offsetHeight}px`);
    edges();
  }).observe(nav);

  let app = null;
  let root = null;
  let current = null;

  /** The section a `#hash` names, or null. */
  const idOf = (hash) => {
    let id;
    try {
      id = decodeURIComponent(hash.slice(1));
    } catch {
      return null;
    }
    return links.has(id) ? id : null;
  };

  function mark(id) {
    if (id === current) return;
    current = id;
    for (const [key, a] of links) {
      if (key === id) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    }
    const a = links.get(id);
    if (!a) return;
    // On a phone the strip scrolls: bring the current link to its middle (the page stays put).
    if (strip.scrollWidth > strip.clientWidth) strip.scrollLeft = a.offsetLeft - (strip.clientWidth - a.offsetWidth) / 2;
  }

  /** Opens section `id` and brings its heading just under the menu. */
  function go(id, { smooth = false, focus = false } = {}) {
    const el = app.openSection(id);
    if (!el) return null;
    // `auto` follows the page's scroll-behavior (smooth unless the reader asks for less motion).
    el.scrollIntoView({ block: 'start', behavior: smooth ? 'auto' : 'instant' });
    if (focus) el.focus({ preventScroll: true });
    mark(id);
    return el;
  }

  /**
   * Keeps the section in place while the page settles (slower sections drawn just after the
   * first answers, charts, fonts), until the reader does anything or a few seconds have passed.
   */
  function hold(el) {
    const stop = () => {
      resize.disconnect();
      clearTimeout(timer);
      for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown']) removeEventListener(type, stop, true);
    };
    const resize = new ResizeObserver(() => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
    resize.observe(root);
    const timer = setTimeout(stop, 3000);
    for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown']) addEventListener(type, stop, { capture: true, passive: true });
  }

  /**
   * The section in view: the last one whose top has passed a line a third of the way down the
   * screen (the last one crossing the band between the menu and that line); at the foot of
   * the page, the last section (it may be too short to reach the line).
   */
  function watch() {
    const crossing = new Set();
    let atFoot = false;
    const update = () => {
      const ids = [...links.keys()];
      const id = atFoot ? ids.at(-1) : ids.findLast((key) => crossing.has(key));
      if (id) mark(id);
    };
    let band = null;
    const observeBand = () => {
      band?.disconnect();
      crossing.clear();
      band = new IntersectionObserver(
        (entries) => {
          for (const { target, isIntersecting } of entries) {
            if (isIntersecting) crossing.add(target.id);
            else crossing.delete(target.id);
          }
          update();
        },
        { rootMargin: `-${nav.offsetHeight}px 0px -65% 0px` },
      );
      for (const id of links.keys()) {
        const el = document.getElementById(id);
        if (el) band.observe(el);
      }
    };
    // Drawn again whenever the menu's height changes (and first when it is observed).
    new ResizeObserver(observeBand).observe(nav);
    const foot = document.querySelector('.site-footer');
    if (foot) {
      new IntersectionObserver(
        ([entry]) => {
          atFoot = entry.isIntersecting;
          update();
        },
        { threshold: 0.9 },
      ).observe(foot);
    }
  }

  return {
    relabel() {
      for (const s of sections) links.get(s.id).textContent = s.nav ?? s.title;
      edges();
    },

    start(calculator, sectionsRoot) {
      app = calculator;
      root = sectionsRoot;
      for (const id of links.keys()) document.getElementById(id)?.setAttribute('tabindex', '-1');
      watch();
      // Links to a section from anywhere on the page: open it first, then go (the browser
      // alone would stop at a closed section's heading, or not move when the address already
      // names it).
      document.addEventListener('click', (e) => {
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        const a = e.target.closest?.('a[href^="#"]');
        const id = a && idOf(a.hash);
        if (!id) return;
        e.preventDefault();
        if (location.hash !== a.hash) history.pushState(null, '', a.hash);
        go(id, { smooth: true, focus: true });
      });
      addEventListener('hashchange', () => {
        const id = idOf(location.hash);
        if (id) go(id, { smooth: true });
      });
      const id = idOf(location.hash);
      const el = id && go(id);
      if (el) hold(el);
    },
  };
}
