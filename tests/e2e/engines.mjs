// The same engine three ways, each answering `{ op, text }` with `{ ok: true, text }` (the
// CLI's exact JSON, final newline removed) or `{ ok: false, error: { code, path, message,
// details } }`:
// the native CLI, the npm package's WebAssembly under Node, and the page's WebAssembly in
// Chromium. tests/e2e/cross-target.test.mjs and catalogue.test.mjs compare them.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const root = new URL('../../', import.meta.url).pathname;

/** The CLI binary, built (debug profile) if it is missing. */
export function cliPath() {
  const bin = `${root}target/debug/giftsim`;
  // Always built: a binary left from before a change would compare against stale answers.
  execFileSync('cargo', ['build', '--quiet', '--bin', 'giftsim'], { cwd: root, stdio: 'inherit' });
  return bin;
}

/** Runs one input on the CLI (`giftsim OP -`). */
export function runCli(bin, { op, text }) {
  // `giftsim import` prints the plan alone unless asked for the whole answer.
  const args = op === 'import' ? [op, '--report', '-'] : [op, '-'];
  const r = spawnSync(bin, args, { input: text, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status === 0) return { ok: true, text: r.stdout.replace(/\n$/, '') };
  if (r.status !== 2) return { ok: false, error: { code: 'cli_crashed', path: '', message: `exit ${r.status} ${r.signal ?? ''}: ${r.stderr}` } };
  const { error } = JSON.parse(r.stderr);
  return { ok: false, error: { ...error, details: error.details ?? {} } };
}

/** A thrown engine error in the CLI's shape. */
function thrown(e) {
  return { ok: false, error: { code: e.code ?? `threw ${e.name}`, path: e.path ?? '', message: e.message, details: e.details ?? {} } };
}

/** The npm package (pkg/, every operation) loaded under Node. */
export async function nodeEngine() {
  const mod = await import(`${root}pkg/giftsim.js`);
  await mod.default({ module_or_path: readFileSync(`${root}pkg/giftsim_bg.wasm`) });
  return ({ op, text }) => {
    try {
      return { ok: true, text: mod.runJson(op, text) };
    } catch (e) {
      return thrown(e);
    }
  };
}

/**
 * Runs `inputs` in Chromium with one of the page's builds — `pkg-full` (every operation, what
 * the pricing lab loads) or `pkg` (the lean build of the calculator and the widget, which loads
 * each time zone's file from /tz/ as the page does) — on a page of the harness's origin.
 * Resolves to the answers in order.
 */
export async function chromiumAnswers(h, inputs, pkg = 'pkg-full') {
  const page = await h.open('');
  try {
    return await page.evaluate(async ([list, dir]) => {
      const mod = await import(`/${dir}/giftsim.js`);
      await mod.default({ module_or_path: new URL(`/${dir}/giftsim_bg.wasm`, location.href) });
      const answers = [];
      for (const { op, text } of list) {
        for (let loads = 0; ; loads += 1) {
          try {
            answers.push({ ok: true, text: mod.runJson(op, text) });
          } catch (e) {
            const zone = e.code === 'time_zone_not_loaded' ? e.details?.zone : null;
            if (zone && loads < 4) {
              const response = await fetch(`/tz/${zone}.tzif`);
              if (response.ok) {
                mod.loadTimeZone(zone, new Uint8Array(await response.arrayBuffer()));
                continue;
              }
            }
            answers.push({ ok: false, error: { code: e.code ?? `threw ${e.name}`, path: e.path ?? '', message: e.message, details: e.details ?? {} } });
          }
          break;
        }
      }
      return answers;
    }, [inputs, pkg]);
  } finally {
    await page.context().close();
  }
}

/** The README's fenced code blocks in `lang` (`js`, `html`), in order: its examples are tests. */
export function readmeBlocks(lang) {
  const text = readFileSync(`${root}README.md`, 'utf8');
  return [...text.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1]);
}
