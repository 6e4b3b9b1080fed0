// Saved scenarios in localStorage, and scenario files. A damaged store is never dropped: it is
// reported, kept (moved aside before anything new is written), and can be downloaded. What
// went wrong is said in the reader's language.
import { t } from './i18n.js';
import { fromScenario, toScenario } from './state.js';

export const STORE_KEY = 'giftsim.scenarios.v1';
const DAMAGED_PREFIX = `${STORE_KEY}.damaged.`;

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The saved scenarios: `{ entries, damagedStore, backups, available }` where each entry is
 * `{ raw, scenario }` (`scenario` null and `problem` set when that entry cannot be read),
 * `damagedStore` the unreadable text of the whole store (or null), and `backups` earlier
 * damaged stores moved aside, as `{ key, text }`.
 */
export function loadSaved() {
  const store = storage();
  if (!store) return { entries: [], damagedStore: null, backups: [], available: false };
  const backups = [];
  for (let i = 0; i < store.length; i += 1) {
    const key = store.key(i);
    if (key?.startsWith(DAMAGED_PREFIX)) backups.push({ key, text: store.getItem(key) ?? '' });
  }
  const text = store.getItem(STORE_KEY);
  if (text == null) return { entries: [], damagedStore: null, backups, available: true };
  let list;
  try {
    list = JSON.parse(text);
  } catch (e) {
    return { entries: [], damagedStore: { text, problem: t('calc.scenario.store_not_json', { reason: e.message }) }, backups, available: true };
  }
  if (!Array.isArray(list)) {
    return { entries: [], damagedStore: { text, problem: t('calc.scenario.store_not_list') }, backups, available: true };
  }
  const entries = list.map((raw) => {
    try {
      return { raw, scenario: fromScenario(raw) };
    } catch (e) {
      return { raw, scenario: null, problem: e.message };
    }
  });
  return { entries, damagedStore: null, backups, available: true };
}

/** Writes the list of raw entries back, first moving a damaged store aside. */
function write(rawEntries) {
  const store = storage();
  if (!store) throw new Error(t('calc.scenario.no_storage'));
  const { damagedStore } = loadSaved();
  if (damagedStore) store.setItem(`${DAMAGED_PREFIX}${new Date().toISOString()}`, damagedStore.text);
  store.setItem(STORE_KEY, JSON.stringify(rawEntries));
}

/** Saves the state under a name (replacing a readable scenario of the same name). */
export function save(name, state) {
  const { entries } = loadSaved();
  const kept = entries.filter((e) => e.scenario?.name !== name).map((e) => e.raw);
  write([...kept, toScenario(state, name)]);
}

/** Removes the entry at `index` of the list `loadSaved` gave. */
export function remove(index) {
  const { entries } = loadSaved();
  write(entries.filter((_, i) => i !== index).map((e) => e.raw));
}

/** Forgets a damaged store that was moved aside. */
export function removeBackup(key) {
  if (key.startsWith(DAMAGED_PREFIX)) storage()?.removeItem(key);
}

/** Offers `text` as a file download (nothing leaves the machine). */
export function download(filename, text, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from a scenario name. */
export function fileName(name) {
  const slug = String(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `giftsim-${slug || 'scenario'}.json`;
}

/** Reads a scenario file; throws an Error saying what is wrong. */
export async function readFile(file) {
  if (file.size > 1_000_000) throw new Error(t('calc.scenario.too_large'));
  let doc;
  try {
    doc = JSON.parse(await file.text());
  } catch (e) {
    throw new Error(t('calc.scenario.file_not_json', { reason: e.message }));
  }
  return fromScenario(doc);
}
