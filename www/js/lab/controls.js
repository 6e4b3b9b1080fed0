// Labelled controls bound to a path in the lab's document ("scenario.segments[1].share"). A
// typed value is read in the number locale (fields.js: "1.000,50", "$20", "30 %") and written
// to the document as the engine's JSON: decimals as strings, whole numbers as numbers; what
// cannot be read is said at the field, and passed on as typed for the engine to judge.
import { isDecimal, sum } from '../decimal.js';
import { h, uid } from '../dom.js';
import { readField } from '../fields.js';
import { numberSigns } from '../format.js';
import { t } from '../i18n.js';

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

/** The kinds of field that hold a number, and how fields.js reads each: a plain decimal, money,
 * a rate (a fraction, "30 %" typed for 0.3), a percentage, a whole number. */
const NUMBER_KINDS = { dec: 'number', money: 'money', rate: 'rate', percent: 'percent', int: 'whole' };

/** What a typed text becomes in the document, read in the number `locale`: `{ value, error }`,
 * where an unreadable text is kept as typed (the engine judges it) with the words for it. */
export function parseValue(kind, text, locale, optional) {
  const trimmed = String(text).trim();
  if (optional && trimmed === '') return { value: undefined };
  if (!NUMBER_KINDS[kind]) return { value: text };
  const read = readField(trimmed, NUMBER_KINDS[kind], locale);
  return read.error ? { value: trimmed, error: read.error } : read;
}

export function shown(value) {
  return value == null ? '' : String(value);
}

/** A value as a field of `kind` shows it: decimals with the locale's decimal sign ("0,55"). */
function typed(kind, value, locale) {
  const text = shown(value);
  return NUMBER_KINDS[kind] && isDecimal(text) ? text.replace('.', numberSigns(locale).decimal) : text;
}

/**
 * A labelled control for `path`: `{ kind: 'dec' | 'money' | 'rate' | 'percent' | 'int' | 'text'
 * | 'select' | 'check', label, hint, options: [[value, text]], optional, placeholder, rebuild,
 * hideLabel, edited }`.
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
      value: typed(kind, value, app.locale),
      inputmode: kind === 'int' ? 'numeric' : NUMBER_KINDS[kind] ? 'decimal' : null,
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

  // What cannot be read is said at the field once the person is done with it (not while typing
  // "-" on the way to "-0.5"), and no longer as soon as it reads.
  const problem = (why) => {
    if (!why && control.dataset.typed !== 'wrong') return;
    error.hidden = !why;
    error.textContent = why ?? '';
    control.toggleAttribute('aria-invalid', Boolean(why));
    el.classList.toggle('has-error', Boolean(why));
    if (why) control.dataset.typed = 'wrong';
    else delete control.dataset.typed;
  };
  const read = () => {
    if (kind === 'check') return { value: control.checked };
    if (kind === 'select') return { value: control.value };
    return parseValue(kind, control.value, app.locale, optional);
  };
  const commit = (structural) => {
    const { value: v, error: why } = read();
    if (!why) problem(null);
    if (write) write(v);
    else app.edit(path, v, { rebuild: structural });
    return why;
  };
  if (kind === 'select' || kind === 'check') control.addEventListener('change', () => commit(rebuild));
  else {
    control.addEventListener('input', () => commit(false));
    control.addEventListener('change', () => {
      const why = rebuild ? commit(true) : read().error;
      if (why && control.isConnected) problem(why);
    });
  }
  app.fields.register('*', path, { control, error });
  // A value kept as typed, and not read, is said at once when the field is drawn again.
  if (NUMBER_KINDS[kind] && value != null && shown(value) !== '' && parseValue(kind, typed(kind, value, app.locale), app.locale, optional).error) {
    queueMicrotask(() => control.isConnected && !control.hasAttribute('aria-invalid') && problem(parseValue(kind, control.value, app.locale, optional).error));
  }
  return el;
}

/** `[value, words]` options of a select, each value's words from the catalogue under `prefix`. */
export function choices(prefix, values) {
  return values.map((v) => [v, t(`${prefix}.${v}`)]);
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
 * `what` names the shares: "channels", "ages" or "segments".
 */
export function shareSum(app, group, sharesOf, what) {
  const line = h('p', { class: 'lab-share-sum' });
  const update = () => {
    const total = sum(sharesOf());
    line.hidden = total === null;
    if (total === null) return;
    const ok = total === '1';
    line.classList.toggle('is-off', !ok);
    line.textContent = ok ? t(`lab.shares.${what}.ok`) : t(`lab.shares.${what}.off`, { total: app.fmt.decimal(total) });
  };
  group.addEventListener('input', update);
  update();
  return line;
}
