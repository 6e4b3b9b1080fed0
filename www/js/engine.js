// The one module that talks to the WASM engine (../pkg, built by `make www`). Everything else
// asks it `run(op, input)` and gets `{ ok: true, value }` or `{ ok: false, error }` back, where
// `error` is the engine's `{ code, path, message }`.
import init, * as wasm from '../pkg/giftsim.js';

let loading = null;

/** Loads and instantiates the engine once; resolves when operations can run. */
export function load() {
  loading ??= init({ module_or_path: new URL('../pkg/giftsim_bg.wasm', import.meta.url) });
  return loading;
}

/** Runs operation `op` ("presets", "quote", "compare", …) on a plain object. */
export function run(op, input) {
  const operation = wasm[op];
  if (typeof operation !== 'function' || op === 'default' || op.startsWith('init')) {
    return failure('unknown_operation', `this build of the engine has no "${op}" operation`);
  }
  try {
    return { ok: true, value: op === 'presets' ? operation() : operation(input) };
  } catch (thrown) {
    if (thrown instanceof Error && typeof thrown.code === 'string') {
      return { ok: false, error: { code: thrown.code, path: thrown.path ?? '', message: thrown.message } };
    }
    // Not an engine error: a trap would mean a bug in the engine, so say so plainly.
    return failure('internal', `the engine failed unexpectedly: ${String(thrown?.message ?? thrown)}`);
  }
}

function failure(code, message) {
  return { ok: false, error: { code, path: '', message } };
}
