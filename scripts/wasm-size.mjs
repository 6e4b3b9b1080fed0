// What the pages download for the engine: each .wasm gzipped and its JS glue, and the widget's
// whole download (embed.js and every module it imports, the WebAssembly and its glue). The
// calculator and the widget load the lean build (budgets: 250 KB gzipped for the .wasm, 280 KB
// for the widget's JS plus WebAssembly); the pricing lab loads the full one.
//
//   node scripts/wasm-size.mjs          print the sizes (every `make www`)
//   node scripts/wasm-size.mjs --check  also exit 1 when a budget is exceeded (`make test`)
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const www = join(root, 'www');
const BUDGET = 250 * 1024;
// The widget's whole download, JS unminified as served today. The product's bar is 260 KB
// transferred from `make dist`, whose minified JS is still to come; until then 280 KB holds the
// line (the rule registry, the simplest purchase, limited offers and the converted EUR, JPY and
// KRW cards took it from 245 to 270 KB; repeating events, birth dates and a family's own limits
// in the page's state to 276 KB, 39 KB of it unminified JS).
const WIDGET_BUDGET = 280 * 1024;
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

/**
 * Every module the widget's script loads before its first answer: its static imports, followed
 * through (a dynamic `import()` waits until the full calculator is asked for).
 */
function moduleGraph(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s+(?:[^'"();]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/gm)) {
      visit(normalize(join(dirname(file), m[1])));
    }
  };
  visit(entry);
  return [...seen];
}

// embed.js imports the widget itself (js/embed/widget.js) when the page has one.
const modules = [...new Set([...moduleGraph(join(www, 'embed.js')), ...moduleGraph(join(www, 'js/embed/widget.js'))])];
const js = modules.reduce((sum, f) => sum + gz(readFileSync(f)), 0);
const wasm = gz(readFileSync(join(www, 'pkg', 'giftsim_bg.wasm')));
console.log(`widget download: ${modules.length} JS modules ${kb(js)} + WASM ${kb(wasm)} = ${kb(js + wasm)} gzipped (budget ${kb(WIDGET_BUDGET)})`);
if (js + wasm > WIDGET_BUDGET) failures.push(`the widget's JS plus WebAssembly is ${kb(js + wasm)} gzipped, over its ${kb(WIDGET_BUDGET)} budget`);

if (failures.length) {
  for (const f of failures) console.log(`OVER BUDGET: ${f}`);
  if (process.argv.includes('--check')) process.exit(1);
}
