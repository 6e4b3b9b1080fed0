// Labelled form fields, and the engine's errors shown next to the field they name. An error's
// `path` ("gifts[0].count", "rate_card.bundles[2].price") finds the field registered for it.
import { h, uid } from './dom.js';

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

/** Where each error path is shown. */
export class FieldErrors {
  constructor() {
    this.byKey = new Map();
    this.shown = new Set();
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
        f.error.textContent = err.message;
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
