// The code a help-centre editor pastes to embed the calculator: a script tag and the element, or
// an iframe. Values come from the page's state (and its language) and are escaped as attribute
// text.
import { language, t } from '../i18n.js';
import './words.js';

/** `"` `&` `<` `>` as entities, so a value can never end its attribute. */
export function attr(value) {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The attributes a view of the calculator turns into: preset, gift, count, currency, the
 * language of its words (`lang`), the number format (`locale`), mode.
 */
export function attributesOf(state, mode, lang = language()) {
  const first = state.gifts?.[0];
  const out = [['preset', state.card]];
  if (first) out.push(['gift', first.gift], ['count', String(first.count)]);
  out.push(['currency', state.currency], ['lang', lang], ['locale', state.locale], ['mode', mode]);
  return out;
}

/**
 * The snippet for `kind` "element" (a script tag and <giftsim-calculator>) or "iframe", served
 * from `origin` (where embed.js lives, e.g. "https://giftsim.example"), in `lang` (the page's
 * language). The iframe's title is `title` if given, else the widget's words for it, in the
 * page's language.
 */
export function embedSnippet(state, { kind = 'element', mode = 'simple', origin, lang = language(), title }) {
  const attrs = attributesOf(state, mode, lang);
  const script = `<script type="module" src="${attr(new URL('embed.js', origin).href)}"></script>`;
  if (kind === 'iframe') {
    const src = new URL('embed.html', origin);
    for (const [k, v] of attrs) src.searchParams.set(k, v);
    const height = mode === 'full' ? 1400 : 420;
    return [
      `<iframe data-giftsim src="${attr(src.href)}" title="${attr(title ?? t('widget.frame.title'))}" width="100%" height="${height}" loading="lazy"></iframe>`,
      `<!-- Optional: resizes the iframe to its content (only messages from ${attr(new URL(origin).origin)} are trusted). -->`,
      script,
    ].join('\n');
  }
  return [script, `<giftsim-calculator ${attrs.map(([k, v]) => `${k}="${attr(v)}"`).join(' ')}></giftsim-calculator>`].join('\n');
}

