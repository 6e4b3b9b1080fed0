// The widget's styles: the page's own theme and layout, fetched once from beside this module
// (so a widget served from a CDN styles itself from the CDN) and adapted to a shadow root, plus
// the widget's own rules. They are adopted as constructed style sheets: no <style> element, so
// a host page's Content-Security-Policy without 'unsafe-inline' does not stand in the way.

// Each named in full, so that `make dist` can point them at their content-hashed copies.
const FILES = [
  new URL('../../css/theme.css', import.meta.url),
  new URL('../../css/page.css', import.meta.url),
  new URL('../../css/embed.css', import.meta.url),
];
let loading = null;

/** The sheets, shared by every widget in the document: a promise of CSSStyleSheet[]. */
export function widgetSheets() {
  loading ??= Promise.all(
    FILES.map(async (url) => {
      // The default credentials, as the dist loader's preload of the same file (so it is reused).
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url.pathname.split('/').pop()} did not load (HTTP ${response.status})`);
      const text = await response.text();
      return sheetFrom(forShadow(text));
    }),
  );
  return loading;
}

/** A constructed sheet from CSS text. */
export function sheetFrom(text) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return sheet;
}

/**
 * The page's theme and layout, for a widget: sizes follow the widget's own font size rather than the host
 * page's root (`rem` → `em`, as the widget's root sets its font size), and the narrow-screen
 * rules follow the widget's width rather than the window's (`@media` → `@container`), since a
 * widget in an article column is narrow on a wide screen.
 */
export function forShadow(css) {
  return css
    .replace(/(\d*\.?\d+)rem\b/g, '$1em')
    .replace(/@media\s*\(\s*(max|min)-width/g, '@container giftsim ($1-width');
}
