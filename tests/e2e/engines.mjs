// The same engine three ways, each answering `{ op, text }` with `{ ok: true, text }` (the
// CLI's exact JSON, final newline removed) or `{ ok: false, error: { code, path, message } }`:
// the native CLI, the npm package's WebAssembly under Node, and the page's WebAssembly in
// Chromium. tests/e2e/cross-target.test.mjs and catalogue.test.mjs compare them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const root = new URL('../../', import.meta.url).pathname;

/** The CLI binary, built (debug profile) if it is missing. */
export function cliPath() {
  const bin = `${root}target/debug/giftsim`;
  if (!existsSync(bin)) execFileSync('cargo', ['build', '--quiet', '--bin', 'giftsim'], { cwd: root, stdio: 'inherit' });
  return bin;
}

/** Runs one input on the CLI (`giftsim OP -`). */
export function runCli(bin, { op, text }) {
  const r = spawnSync(bin, [op, '-'], { input: text, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status === 0) return { ok: true, text: r.stdout.replace(/\n$/, '') };
  if (r.status !== 2) return { ok: false, error: { code: 'cli_crashed', path: '', message: `exit ${r.status} ${r.signal ?? ''}: ${r.stderr}` } };
  return { ok: false, error: JSON.parse(r.stderr).error };
}

/** The npm package (pkg/, every operation) loaded under Node. */
export async function nodeEngine() {
  const mod = await import(`${root}pkg/giftsim.js`);
  await mod.default({ module_or_path: readFileSync(`${root}pkg/giftsim_bg.wasm`) });
  return ({ op, text }) => {
    try {
      return { ok: true, text: mod.runJson(op, text) };
    } catch (e) {
      return { ok: false, error: { code: e.code ?? `threw ${e.name}`, path: e.path ?? '', message: e.message } };
    }
  };
}

/**
 * Runs `inputs` in Chromium with one of the page's builds — `pkg-full` (every operation, what
 * the pricing lab loads) or `pkg` (the lean build of the calculator and the widget) — on a page
 * of the harness's origin. Resolves to the answers in order.
 */
export async function chromiumAnswers(h, inputs, pkg = 'pkg-full') {
  const page = await h.open('');
  try {
    return await page.evaluate(async ([list, dir]) => {
      const mod = await import(`/${dir}/giftsim.js`);
      await mod.default({ module_or_path: new URL(`/${dir}/giftsim_bg.wasm`, location.href) });
      return list.map(({ op, text }) => {
        try {
          return { ok: true, text: mod.runJson(op, text) };
        } catch (e) {
          return { ok: false, error: { code: e.code ?? `threw ${e.name}`, path: e.path ?? '', message: e.message } };
        }
      });
    }, [inputs, pkg]);
  } finally {
    await page.context().close();
  }
}
