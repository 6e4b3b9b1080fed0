// Labelled controls bound to a path in the lab's document ("scenario.segments[1].share"). A
// typed value is written to the document as the engine's JSON: decimals as strings (a locale's
// decimal comma becomes a point), whole numbers as numbers; anything else is passed on as
// typed, for the engine to judge and mark with its message.
import { sum } from '../decimal.js';
import { h, uid } from '../dom.js';
import { moneyInput } from '../format.js';

/** Splits "a.b[2].c" into ["a", "b", 2, "c"]. */
export function pathParts(path) {
  const parts = [];
  for (const m of String(path).matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return parts;
}

/** The value at `path` in `obj`, or undefined. */
export function getAt(obj, path) {
  let v = obj;
  for (const part of pathParts(path)) {
    if (v == null || typeof v !== 'object' || !Object.hasOwn(v, part)) return undefined;
    v = v[part];
  }
  return v;
}

/** Sets (or, for undefined, deletes) the value at `path`, creating objects on the way. */
export function setAt(obj, path, value) {
  const parts = pathParts(path);
  let v = obj;
  parts.slice(0, -1).forEach((part, i) => {
    if (v[part] == null || typeof v[part] !== 'object') v[part] = typeof parts[i + 1] === 'number' ? [] : {};
    v = v[part];
  });
  const last = parts[parts.length - 1];
  if (['__proto__', 'prototype', 'constructor'].includes(last)) return;
  if (value === undefined) {
    if (Array.isArray(v) && typeof last === 'number') v.splice(last, 1);
    else delete v[last];
  } else v[last] = value;
}

/** What a typed text becomes in the document. */
export function parseValue(kind, text, decimalSeparator, optional) {
  const trimmed = String(text).trim();
  if (optional && trimmed === '') return undefined;
  if (kind === 'int') return /^\d{1,15}$/.test(trimmed) ? Number(trimmed) : trimmed;
  if (kind === 'dec') return moneyInput(trimmed, decimalSeparator);
  return text;
}

export function shown(value) {
  return value == null ? '' : String(value);
}

/**
 * A labelled control for `path`: `{ kind: 'dec' | 'int' | 'text' | 'date' | 'select' | 'check',
 * label, hint, options: [[value, text]], optional, placeholder, rebuild, hideLabel, edited }`.
 * `rebuild` redraws the editor after a change (for values other parts of it depend on);
 * `value` shows something else than the document's value, and `write(value)` replaces the
 * plain write (for controls that change more than their own path).
 */
export function bound(app, path, { kind = 'dec', label, hint, options, optional = false, placeholder, rebuild = false, hideLabel = false, className, edited, width, value: given, write }) {
  const value = given !== undefined ? given : app.read(path);
  let control;
  if (kind === 'select') {
    control = h('select', null, options.map(([v, text]) => h('option', { value: v, text })));
    control.value = shown(value);
    if (control.value !== shown(value) && value != null) {
      // A value the list does not know (from a file): shown as itself, never lost.
      control.append(h('option', { value: shown(value), text: shown(value) }));
      control.value = shown(value);
    }
  } else if (kind === 'check') {
    control = h('input', { type: 'checkbox', checked: value === true });
  } else {
    control = h('input', {
      type: 'text',
      value: shown(value),
      inputmode: kind === 'int' ? 'numeric' : kind === 'dec' ? 'decimal' : null,
      placeholder,
      autocomplete: 'off',
      spellcheck: kind === 'text' ? null : 'false',
      size: width,
    });
  }
  control.id = uid('lab');
  control.dataset.path = path;
  const hintEl = hint ? h('p', { class: 'field-hint', id: uid('hint'), text: hint }) : null;
  const error = h('p', { class: 'field-error', id: uid('error'), hidden: true });
  control.setAttribute('aria-describedby', [hintEl?.id, error.id].filter(Boolean).join(' '));
  const labelEl = h('label', { for: control.id, text: label, class: hideLabel ? 'sr-only' : null });
  const el =
    kind === 'check'
      ? h('div', { class: `field lab-field--check${className ? ` ${className}` : ''}` }, h('span', { class: 'lab-check' }, control, labelEl), hintEl, error)
      : h('div', { class: `field${className ? ` ${className}` : ''}` }, labelEl, control, hintEl, error);
  if (edited) el.classList.add('is-edited');

  const read = () => {
    if (kind === 'check') return control.checked;
    if (kind === 'select') return control.value;
    return parseValue(kind, control.value, app.fmt.decimalSeparator, optional);
  };
  const commit = (structural) => (write ? write(read()) : app.edit(path, read(), { rebuild: structural }));
  if (kind === 'select' || kind === 'check') control.addEventListener('change', () => commit(rebuild));
  else {
    control.addEventListener('input', () => commit(false));
    if (rebuild) control.addEventListener('change', () => commit(true));
  }
  app.fields.register('*', path, { control, error });
  return el;
}

/** A small button. */
export function button(text, onclick, { label, kind = 'button--small', disabled } = {}) {
  return h('button', { type: 'button', class: `button ${kind}`, text, 'aria-label': label, onclick, disabled });
}

/** A titled group of the editor, open or closed, with an id for links and tests. */
export function group(id, title, intro, ...children) {
  return h(
    'details',
    { class: 'lab-group', id, open: true },
    h('summary', null, h('h2', { text: title })),
    h('div', { class: 'lab-group-body' }, intro ? h('p', { class: 'lab-group-intro', text: intro }) : null, children),
  );
}

/**
 * A line that says what a list of shares adds up to, kept current as `group` is edited: the
 * engine refuses shares that do not add up to exactly 1, so the lab says so before a run.
 */
export function shareSum(app, group, sharesOf, what) {
  const line = h('p', { class: 'lab-share-sum' });
  const update = () => {
    const total = sum(sharesOf());
    line.hidden = total === null;
    if (total === null) return;
    const ok = total === '1';
    line.classList.toggle('is-off', !ok);
    line.textContent = ok ? `The ${what} add up to 1.` : `The ${what} add up to ${app.fmt.decimal(total)}; they must add up to 1.`;
  };
  group.addEventListener('input', update);
  update();
  return line;
}
