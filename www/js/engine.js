// The one module that talks to the calculator's WASM engine (../pkg, built by `make www`).
// Everything else asks it `run(op, input)` and gets `{ ok: true, value }` or `{ ok: false,
// error }` back, where `error` is the engine's `{ code, path, message, details }`.
//
// This build carries no time-zone database: when a question needs a zone it has not seen, the
// engine says `time_zone_not_loaded` and this module fetches that zone's TZif file from the
// page's own origin (../tz/), hands it over and reports the answer as `pending` until then.
import init, * as wasm from '../pkg/giftsim.js';
import { fromThrown, pageError } from './errors.js';

let loading = null;
let zoneList = null;
/** Zone name → { promise, error, failedAt } of its file's loading. */
const zones = new Map();
/** A zone file that failed to load is tried again on a question asked this long after. */
const RETRY_MS = 30_000;

/** Loads and instantiates the engine once; resolves when operations can run. */
export function load() {
  loading ??= init({ module_or_path: new URL('../pkg/giftsim_bg.wasm', import.meta.url) });
  return loading;
}

/** Fetches and loads the rules of time zone `name` (once); resolves when they are loaded. */
function loadZone(name) {
  if (!zones.has(name)) {
    const entry = { promise: null, error: null, failedAt: 0 };
    entry.promise = load()
      .then(() => fetch(new URL(`../tz/${name}.tzif`, import.meta.url)))
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.arrayBuffer();
      })
      .then((bytes) => {
        wasm.loadTimeZone(name, new Uint8Array(bytes));
      })
      .catch((e) => {
        entry.failedAt = Date.now();
        entry.error = pageError('time_zone_unavailable', `The time-zone rules of ${name} could not be loaded (${e?.message ?? e}).`, '', { zone: name });
        throw entry.error;
      });
    zones.set(name, entry);
  }
  return zones.get(name).promise;
}

/**
 * Every zone name of the engine's database (this build lists none: they are in ../tz/), fetched
 * once; rejects with the reason when the list cannot be read (and is fetched again next time).
 */
export function zoneNames() {
  zoneList ??= fetch(new URL('../tz/zones.json', import.meta.url))
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    })
    .then((list) => {
      if (!Array.isArray(list?.zones)) throw new Error('the list is damaged');
      return list.zones.filter((z) => typeof z === 'string');
    })
    .catch((e) => {
      zoneList = null;
      throw e;
    });
  return zoneList;
}

/**
 * Runs operation `op` ("presets", "quote", "compare", …) on a plain object. An answer waiting
 * for a time zone's rules is `{ ok: false, error, pending }`: ask again once `pending` settles.
 */
export function run(op, input) {
  const operation = wasm[op];
  if (typeof operation !== 'function' || op === 'default' || op.startsWith('init')) {
    return { ok: false, error: pageError('unknown_operation', `this build of the engine has no "${op}" operation`) };
  }
  try {
    return { ok: true, value: op === 'presets' ? operation() : operation(input) };
  } catch (thrown) {
    const error = fromThrown(thrown);
    const zone = error.code === 'time_zone_not_loaded' ? error.details.zone : null;
    if (typeof zone !== 'string') return { ok: false, error };
    const entry = zones.get(zone);
    if (entry?.error) {
      if (Date.now() - entry.failedAt < RETRY_MS) return { ok: false, error: { ...entry.error, path: error.path } };
      zones.delete(zone);
    }
    return { ok: false, error, pending: loadZone(zone).catch(() => {}) };
  }
}
