// Prints what the pages download for the engine: each .wasm gzipped and its JS glue. The
// calculator and the widget load the lean build (budget 250 KB gzipped); the pricing lab loads
// the full one. Tracked on every build so growth is seen when it happens.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 250 * 1024;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const [name, dir, budget] of [['calculator and widget (lean)', 'www/pkg', BUDGET], ['pricing lab and npm package (full)', 'www/pkg-full', null]]) {
  const wasm = readFileSync(new URL(`../${dir}/giftsim_bg.wasm`, import.meta.url));
  const glue = readFileSync(new URL(`../${dir}/giftsim.js`, import.meta.url));
  const gz = gzipSync(wasm, { level: 9 }).length;
  const limit = budget ? ` (budget ${kb(budget)})` : '';
  console.log(`${name}: wasm ${kb(wasm.length)}, ${kb(gz)} gzipped${limit}; JS glue ${kb(glue.length)}, ${kb(gzipSync(glue, { level: 9 }).length)} gzipped`);
  if (budget && gz > budget) console.log(`WARNING: the ${name} .wasm is over its ${kb(budget)} budget`);
}
