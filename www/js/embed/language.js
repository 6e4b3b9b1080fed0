// The language the widget's words are written in, and its direction. The widget sets both on
// its top element whatever the host page's `lang` and `dir`, so its text reads right (and is
// read aloud in the right voice) on any page. The `locale` attribute is another matter: it only
// says how numbers and money are written.
//
// This module is part of embed.js's first, small download. It holds the widget's words in
// English (www/i18n/widget/en.js) for the lines the element shows before the rest of the widget
// — and the catalogue, ../i18n.js, which ./words.js gives the same English — arrive.
import english from '../../i18n/widget/en.js';

/** Languages written right to left, for browsers without Intl.Locale's text info. */
const RIGHT_TO_LEFT = ['ar', 'he', 'fa', 'ur'];

/** The language the widget's words are in now; widget.js sets it when the catalogue's changes. */
let textLang = 'en';

/** Sets the language of the widget's words (a BCP 47 tag); each widget takes it on its next refresh. */
export function setTextLanguage(tag) {
  textLang = tag;
}

/** The language of the widget's words and its direction: `{ lang: 'en', dir: 'ltr' }`. */
export function textLanguage() {
  return { lang: textLang, dir: directionOf(textLang) };
}

/** Gives `el` the language of the widget's words (or `lang`) and its direction. */
export function applyTextLanguage(el, lang = textLang) {
  const dir = directionOf(lang);
  if (el.lang !== lang) el.lang = lang;
  if (el.dir !== dir) el.dir = dir;
}

/** "rtl" for a language written right to left ("ar", "he-IL"), else "ltr". */
export function directionOf(tag) {
  try {
    const locale = new Intl.Locale(tag);
    // `getTextInfo()` in the current proposal, the `textInfo` getter in older browsers.
    const info = typeof locale.getTextInfo === 'function' ? locale.getTextInfo() : locale.textInfo;
    if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction;
    return RIGHT_TO_LEFT.includes(locale.language) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/**
 * The language of the page around `element`: the nearest `lang` above it (as HTML inherits it),
 * usually `<html lang>`; "" when the page does not say.
 */
export function languageAround(element) {
  return element.parentElement?.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.getAttribute('lang') ?? '';
}

/**
 * Whether the element's first line can be written at once in the English that came with this
 * module: it asks for English (`lang`, else the page's language), or for nothing. Any other
 * language waits for the widget, which knows which languages ship and fetches their words.
 */
export function startsInEnglish(element) {
  const tag = element.getAttribute('lang') ?? languageAround(element);
  return !tag || /^en(?:[-_]|$)/i.test(tag);
}

/**
 * One of the widget's messages in English, its `{name}`s filled from `params`: for the lines
 * the element shows before the catalogue is in (or when it could not be fetched). Every other
 * word goes through ../i18n.js's `t`.
 */
export function englishLine(id, params = {}) {
  return String(english[id] ?? id).replace(/\{(\w+)\}/g, (all, name) => (Object.hasOwn(params, name) ? String(params[name]) : all));
}
