// What the pages download for the engine: each .wasm gzipped and its JS glue, and the widget's
// whole first download as `make dist` ships it (dist/files.json: the loader, the widget's
// minified bundles, its styles and the WebAssembly, Brotli-compressed as served). The calculator
// and the widget load the lean build (budgets: 250 KB gzipped for the .wasm, 260 KB transferred
// for the widget); the pricing lab loads the full one.
//
//   node scripts/wasm-size.mjs          print the sizes (every `make www`; the widget's after `make dist`)
//   node scripts/wasm-size.mjs --check  also exit 1 when a budget is exceeded (`make test`)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const www = join(root, 'www');
const BUDGET = 250 * 1024;
// The widget's first download from dist/, as transferred (Brotli). Unminified from www/ it was
// 276 KB gzipped before `make dist`; minified and compressed it is about 226 KB.
const WIDGET_BUDGET = 260 * 1000;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

const failures = [];
for (const [name, dir, budget] of [['calculator and widget (lean)', 'pkg', BUDGET], ['pricing lab and npm package (full)', 'pkg-full', null]]) {
  const wasm = readFileSync(join(www, dir, 'giftsim_bg.wasm'));
  const glue = readFileSync(join(www, dir, 'giftsim.js'));
  const limit = budget ? ` (budget ${kb(budget)})` : '';
  console.log(`${name}: wasm ${kb(wasm.length)}, ${kb(gz(wasm))} gzipped${limit}; JS glue ${kb(glue.length)}, ${kb(gz(glue))} gzipped`);
  if (budget && gz(wasm) > budget) failures.push(`the ${name} .wasm is ${kb(gz(wasm))} gzipped, over its ${kb(budget)} budget`);
}

const files = join(root, 'dist', 'files.json');
if (existsSync(files)) {
  const { surfaces } = JSON.parse(readFileSync(files, 'utf8'));
  const widget = surfaces['widget (host page adds embed.js)'];
  const k = (n) => `${(n / 1000).toFixed(1)} KB`;
  console.log(`widget download from dist/: ${widget.files.length} files, ${k(widget.br)} Brotli (budget ${k(WIDGET_BUDGET)}), ${k(widget.gz)} gzip, ${k(widget.bytes)} raw`);
  if (widget.br > WIDGET_BUDGET) failures.push(`the widget's download is ${k(widget.br)} Brotli, over its ${k(WIDGET_BUDGET)} budget`);
} else {
  console.log('widget download: run `make dist` to measure it');
  if (process.argv.includes('--check')) failures.push('dist/files.json is missing: `make dist` first');
}

if (failures.length) {
  for (const f of failures) console.log(`OVER BUDGET: ${f}`);
  if (process.argv.includes('--check')) process.exit(1);
}
