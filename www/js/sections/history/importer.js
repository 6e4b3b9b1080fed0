// The engine's `importHistory`, which turns a TikTok export (and Google Play's invoices) into a
// checked plan. It is in the full build only (../../../pkg-full, the pricing lab's engine), so
// it is loaded here, on first use, when a parent picks a file: the calculator's first load does
// not carry it. Answers are `{ ok: true, value }` or `{ ok: false, error }` as engine.js gives.
import { fromThrown, pageError } from '../../errors.js';
import { t } from '../../i18n.js';

let loading = null;

/** The full engine's module, instantiated once; rejects with a page error when it cannot load. */
export function loadImporter() {
  loading ??= (async () => {
    const module = await import('../../../pkg-full/giftsim.js');
    await module.default({ module_or_path: new URL('../../../pkg-full/giftsim_bg.wasm', import.meta.url) });
    if (typeof module.importHistory !== 'function' && typeof module.runJson !== 'function') {
      throw new Error(t('calc.history.error.no_import'));
    }
    return module;
  })().catch((e) => {
    loading = null;
    const reason = String(e?.message ?? e);
    throw pageError('engine_unavailable', t('calc.history.error.reader', { reason }), '', { message_id: 'calc.history.error.reader', reason });
  });
  return loading;
}

/** Runs the import on `request` (the contract's request object) with the loaded `module`. */
export function importHistory(module, request) {
  try {
    if (typeof module.importHistory === 'function') {
      const answer = module.importHistory(request);
      return { ok: true, value: typeof answer === 'string' ? JSON.parse(answer) : answer };
    }
    return { ok: true, value: JSON.parse(module.runJson('import', JSON.stringify(request))) };
  } catch (thrown) {
    return { ok: false, error: fromThrownJson(thrown) };
  }
}

/** An engine error, whether thrown as an Error with fields or as the JSON text of one. */
function fromThrownJson(thrown) {
  const text = typeof thrown === 'string' ? thrown : thrown instanceof Error && typeof thrown.code !== 'string' ? thrown.message : null;
  if (text) {
    try {
      const e = JSON.parse(text);
      if (e && typeof e.code === 'string') return { code: e.code, path: typeof e.path === 'string' ? e.path : '', message: String(e.message ?? ''), details: e.details && typeof e.details === 'object' ? e.details : {} };
    } catch {
      // not JSON: an ordinary failure
    }
  }
  return fromThrown(thrown);
}

/**
 * Only the parts of a TikTok export the engine reads (activity's purchases, and the profile,
 * in both key eras): the rest — watch history, messages, comments — is most of the file, and
 * is neither kept in memory nor handed to the engine. Anything of an unexpected shape is kept
 * as it is, for the engine to report with its path.
 */
export function exportParts(json) {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return json;
  const out = {};
  for (const [key, wanted] of [['Your Activity', 'Purchases'], ['Activity', 'Purchase History'], ['Profile', null]]) {
    if (!(key in json)) continue;
    const part = json[key];
    out[key] = wanted && part && typeof part === 'object' && !Array.isArray(part) ? (wanted in part ? { [wanted]: part[wanted] } : {}) : part;
  }
  return out;
}
