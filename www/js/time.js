// Dates and times for spending rules. People type wall-clock times ("10:00 on 1 March") in the
// person's time zone and the engine reads them there, with the zone's own rules on that date
// (the engine's pinned time-zone database: the page never converts them itself). Answers are
// shown as the engine wrote them, so a window's dates are always the person's, whatever the
// reader's zone. The browser's Intl only suggests the wall-clock time now, for a new event.
// Dates are written in the locale the caller gives (the text's: i18n.js `textLocale`), their
// words from the catalogue.
import { t } from './i18n.js';

/** A wall-clock time as a datetime-local control writes it: `2026-03-01T10:00`. */
export const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const OFFSET = /^([+-])(\d{2})(?::?(\d{2}))?$/;
const STAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const dateFormats = new Map();

/** An Intl.DateTimeFormat, made once per locale and options (they are slow to build). */
function dateFormat(locale, options) {
  const key = `${locale}|${JSON.stringify(options)}`;
  if (!dateFormats.has(key)) dateFormats.set(key, new Intl.DateTimeFormat(locale, options));
  return dateFormats.get(key);
}

/** Minutes east of UTC in `zone` at the instant `ms`, or null for a zone the browser lacks. */
function offsetMinutes(zone, ms) {
  const fixed = OFFSET.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0));
  let parts;
  try {
    parts = dateFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    }).formatToParts(new Date(ms));
  } catch {
    return null;
  }
  const get = (type) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
}

/** The wall-clock time in `zone` at the instant `ms`, as `2026-03-01T10:00`. */
export function wallAt(ms, zone) {
  const offset = offsetMinutes(zone, ms) ?? 0;
  return new Date(ms + offset * 60000).toISOString().slice(0, 16);
}

/** A wall-clock time as the engine takes it, seconds included: `2026-03-01T10:00:00`. */
export function wallInput(text) {
  return WALL.test(text) && text.length === 16 ? `${text}:00` : text;
}

/** The wall-clock time a day after `wall` (for the next event of a plan). */
export function nextDay(wall) {
  const m = WALL.exec(String(wall));
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1, Number(m[4]), Number(m[5]));
  return new Date(t).toISOString().slice(0, 16);
}

/**
 * An engine timestamp shown as its own wall-clock time (the person's), in the reader's locale:
 * `{ date, time, offset, ms }` or null. `ms` is the wall time read as UTC, for formatting only.
 */
function wallOf(stamp) {
  const m = STAMP.exec(String(stamp));
  if (!m) return null;
  const [, y, mo, d, hh, mm, ss, zone] = m;
  return { ms: Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mm), Number(ss)), offset: zone === 'Z' ? '+00:00' : zone };
}

/** Formats an engine timestamp in the person's wall-clock time: "Sun, Mar 1, 2026, 10:00". */
export function formatStamp(stamp, locale, options = { dateStyle: 'medium', timeStyle: 'short' }) {
  const w = wallOf(stamp);
  if (!w) return String(stamp ?? '');
  return dateFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(w.ms));
}

/** "UTC+08:00" for a timestamp's offset. */
export function offsetLabel(stamp) {
  const w = wallOf(stamp);
  return w ? `UTC${w.offset === '+00:00' ? '' : w.offset}` : '';
}

/**
 * A window of the engine's answer in words, in the person's time: "March 2026",
 * "Sun, Mar 1, 2026", "the week from Mon, Mar 2", "the 24 hours to Mar 1, 10:00".
 */
export function describeWindow(window, locale) {
  if (!window) return '';
  const { kind, start, end } = window;
  const date = (s, o) => formatStamp(s, locale, o);
  const day = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
  switch (kind) {
    case 'transaction':
      return t('calc.window.transaction');
    case 'calendar_day':
      return start ? date(start, day) : t('calc.window.calendar_day');
    case 'calendar_week':
      return start ? t('calc.window.week_from', { date: date(start, day) }) : t('calc.window.calendar_week');
    case 'calendar_month':
      return start ? date(start, { month: 'long', year: 'numeric' }) : t('calc.window.calendar_month');
    case 'rolling_24h':
    case 'rolling_7d':
    case 'rolling_30d':
      return end ? t(`calc.window.${kind}_to`, { date: date(end, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) }) : t(`calc.window.${kind}`);
    default:
      return kind;
  }
}

/** A window's exact bounds: "Mar 1, 2026, 00:00 – Apr 1, 2026, 00:00 (UTC+08:00)", or ''. */
export function windowBounds(window, locale) {
  if (!window?.start || !window?.end) return '';
  const o = { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' };
  return t('calc.window.bounds', { start: formatStamp(window.start, locale, o), end: formatStamp(window.end, locale, o), offset: offsetLabel(window.start) });
}
