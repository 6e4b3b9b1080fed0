// Scenarios kept in this browser (localStorage) under a name of the person's choosing: the whole
// document — scenario, mode, and each mode's grid, variants, calibration, optimization, plan
// and audit — in the form a link carries (preset cards as their id plus the edits), read back
// through the link's own checks. Nothing leaves the device. As the calculator's store
// (../scenarios.js), a store that cannot be read is never dropped: it is moved aside before
// anything is written.
import { t } from '../i18n.js';
import { compact, expand } from './document.js';

/** Where the list is kept; the version is in the key, so a later form can live beside it. */
const KEY = 'giftsim.lab.scenarios.v1';
const DAMAGED_PREFIX = `${KEY}.damaged.`;
/** Longest name kept. */
export const MAX_NAME = 80;

/** Why a scenario could not be kept or read: the catalogue's message `id` (`lab.saved.*`) with
 * `params`, in the reader's language. */
export class SavedError extends Error {
  constructor(id, params = {}) {
    super(t(id, params));
    this.name = 'SavedError';
    this.id = id;
  }
}

function store() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage refused (a sandboxed frame, cookies blocked).
    return null;
  }
}

/** Whether this browser lets the lab keep scenarios. */
export function canSave() {
  return store() !== null;
}

/** The store: `{ list, damaged }` — the entries `[{ name, saved, doc }]` (doc in the link's
 * form) and, when the text kept cannot be read as such a list, that text. */
function read() {
  let text = null;
  try {
    text = store()?.getItem(KEY) ?? null;
  } catch {
    return { list: [], damaged: null };
  }
  if (text === null) return { list: [], damaged: null };
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return { list: [], damaged: text };
  }
  if (!Array.isArray(value)) return { list: [], damaged: text };
  return { list: value.filter((e) => typeof e?.name === 'string' && e.doc !== null && typeof e.doc === 'object'), damaged: null };
}

/** The kept scenarios, `[{ name, saved, doc }]`, by name. */
export function savedScenarios() {
  return read().list;
}

/** Whether a store was found that cannot be read (it is kept as it is until the next save). */
export function savedStoreDamaged() {
  return read().damaged !== null;
}

function write(list) {
  const s = store();
  if (!s) throw new SavedError('lab.saved.no_storage');
  list.sort((a, b) => a.name.localeCompare(b.name));
  try {
    const { damaged } = read();
    if (damaged !== null) s.setItem(`${DAMAGED_PREFIX}${new Date().toISOString()}`, damaged);
    s.setItem(KEY, JSON.stringify(list));
  } catch (e) {
    throw new SavedError(e?.name === 'QuotaExceededError' ? 'lab.saved.full' : 'lab.saved.refused', { reason: String(e?.message ?? e) });
  }
}

/** Keeps `doc` under `name`, replacing a scenario of the same name. */
export function saveScenario(name, doc, library) {
  const list = savedScenarios().filter((e) => e.name !== name);
  list.push({ name, saved: new Date().toISOString(), doc: JSON.parse(JSON.stringify(compact(doc, library))) });
  write(list);
}

/** The document kept under `name`, checked as a link's is; throws SavedError or DocumentError. */
export function loadSaved(name, library) {
  const entry = savedScenarios().find((e) => e.name === name);
  if (!entry) throw new SavedError('lab.saved.not_found', { name });
  return expand(entry.doc, library);
}

/** Forgets the scenario kept under `name`; returns it as it was kept (to put it back), or null. */
export function removeSaved(name) {
  const list = savedScenarios();
  const entry = list.find((e) => e.name === name) ?? null;
  if (entry) write(list.filter((e) => e !== entry));
  return entry;
}

/** Puts back an entry `removeSaved` returned. */
export function restoreSaved(entry) {
  write([...savedScenarios().filter((e) => e.name !== entry.name), entry]);
}

/** Whether the storage key is the one the lab keeps scenarios under (for `storage` events). */
export const isSavedKey = (key) => key === KEY || key === null;
