// The language the widget's own words are written in, and its direction. The widget sets both
// on its top element whatever the host page's `lang` and `dir`, so its text reads right (and is
// read aloud in the right voice) on any page. The `locale` attribute is another matter: it only
// says how numbers and money are written.

/** Languages written right to left, for browsers without Intl.Locale's text info. */
const RIGHT_TO_LEFT = ['ar', 'he', 'fa', 'ur'];

/** The widget's words are English until translations come; they set the language here. */
let textLang = 'en';

/** Sets the language of the widget's words (a BCP 47 tag); each widget takes it on its next refresh. */
export function setTextLanguage(tag) {
  textLang = tag;
}

/** The language of the widget's words and its direction: `{ lang: 'en', dir: 'ltr' }`. */
export function textLanguage() {
  return { lang: textLang, dir: directionOf(textLang) };
}

/** Gives `el` the language of the widget's words and their direction. */
export function applyTextLanguage(el) {
  const { lang, dir } = textLanguage();
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
