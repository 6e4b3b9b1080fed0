// Labelled form fields: what people type in them, read in the number locale, and the engine's
// errors shown next to the field they name. An error's `path` ("gifts[0].count",
// "rate_card.bundles[2].price") finds the field registered for it.
import { readTyped, shift } from './decimal.js';
import { h, uid } from './dom.js';
import { numberSigns } from './format.js';
import { numberLocale, t } from './i18n.js';

/**
 * A labelled control (the label: text, or nodes such as a visually hidden part) with room for a hint and an error: `{ label, control, hint, className }` →
 * `{ el, control, error }`. The control gets an id, and `aria-describedby` names hint and error.
 */
export function field({ label, control, hint, className }) {
  control.id ||= uid('field');
  const hintEl = hint ? h('p', { class: 'field-hint', id: uid('hint'), text: hint }) : null;
  const error = h('p', { class: 'field-error', id: uid('error'), hidden: true });
  control.setAttribute('aria-describedby', [hintEl?.id, error.id].filter(Boolean).join(' '));
  const el = h(
    'div',
    { class: `field${className ? ` ${className}` : ''}` },
    h('label', { for: control.id }, label),
    control,
    hintEl,
    error,
  );
  return { el, control, error, hint: hintEl };
}

/** The largest whole number a field passes on as a number (beyond, JavaScript loses digits). */
const MAX_WHOLE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * What a person typed in a field of `kind`, read in the number `locale` ("1.000,00" in de-DE,
 * "1,000.00" in en-US; full-width digits, no-break spaces): `{ value }` as the engine takes it,
 * or `{ error }`, a sentence for the person. Kinds: "money" (a currency sign may come with it:
 * "$20", "20 $"), "rate" (a fraction: "0.3", or "30 %" for 0.3), "percent" (a percentage:
 * "30" or "30 %"), "number" (a plain decimal, maybe negative) and "whole" (a whole number, as a
 * number). The value keeps every digit typed; nothing goes through floating point.
 */
export function readField(text, kind, locale = numberLocale()) {
  const read = readTyped(text, numberSigns(locale));
  const wrong = () => ({ error: read.problem === 'ambiguous' ? t('input.ambiguous', { typed: String(text).trim(), example: example(kind, locale) }) : t(`input.${kind}`, { example: example(kind, locale) }) });
  if (read.problem) return wrong();
  if (read.currency && kind !== 'money') return wrong();
  if (read.percent && kind !== 'rate' && kind !== 'percent') return wrong();
  if (kind === 'rate' && read.percent) return { value: shift(read.value, -2) };
  if (kind !== 'whole') return { value: read.value };
  if (read.value.includes('.')) return wrong();
  const n = BigInt(read.value);
  return n <= MAX_WHOLE && -n <= MAX_WHOLE ? { value: Number(n) } : wrong();
}

/** What a field of `kind` takes, written in `locale` ("1,000.00", "0.3 or 30%"). */
function example(kind, locale) {
  const f = (n, digits = 0, style = 'decimal') => new Intl.NumberFormat(locale, { style, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  if (kind === 'money') return f(1000, 2);
  if (kind === 'whole') return f(1000);
  if (kind === 'rate') return t('input.or', { a: f(0.3, 1), b: f(0.3, 0, 'percent') });
  if (kind === 'percent') return f(0.05, 0, 'percent');
  return f(2.5, 1);
}

/** Where each error path is shown. `describe(err)` writes an error's words: the engine's own
 * sentence unless a page gives its own (errors.js `describeError`, from the catalogue). */
export class FieldErrors {
  constructor({ describe = (err) => err.message } = {}) {
    this.byKey = new Map();
    this.shown = new Set();
    this.describe = describe;
  }

  /**
   * Registers the field for `path` in the answers of `query` (or of every query, for "*", as
   * the rate card's fields are shared by all of them).
   */
  register(query, path, { control, error }) {
    this.byKey.set(`${query}:${path}`, { control, error });
  }

  /** Removes every error mark. */
  clear() {
    for (const f of this.shown) {
      f.error.hidden = true;
      f.error.textContent = '';
      f.control.removeAttribute('aria-invalid');
      f.control.closest('.field')?.classList.remove('has-error');
    }
    this.shown.clear();
  }

  /**
   * Marks the field the error names, trying the path and then each shorter prefix of it;
   * returns the field, or null when none matches (the caller then shows the error in its
   * section).
   */
  show(query, err) {
    for (let path = err.path; ; path = parentPath(path)) {
      const f = this.lookup(`${query}:${path}`) ?? this.lookup(`*:${path}`);
      if (f) {
        f.error.hidden = false;
        f.error.textContent = this.describe(err);
        f.control.setAttribute('aria-invalid', 'true');
        f.control.closest('.field')?.classList.add('has-error');
        this.shown.add(f);
        return f;
      }
      if (!path) return null;
    }
  }

  lookup(key) {
    const f = this.byKey.get(key);
    if (f && !f.control.isConnected) {
      this.byKey.delete(key);
      return undefined;
    }
    return f;
  }
}

/** "a.b[2].c" → "a.b[2]" → "a.b" → "a" → "". */
function parentPath(path) {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut > 0 ? path.slice(0, cut) : '';
}
