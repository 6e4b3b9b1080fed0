// Prints what the page downloads for the engine: the .wasm gzipped (the budget is 250 KB) and
// the JS glue. Tracked on every build so growth is seen when it happens.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 250 * 1024;
const wasm = readFileSync(new URL('../pkg/giftsim_bg.wasm', import.meta.url));
const glue = readFileSync(new URL('../pkg/giftsim.js', import.meta.url));
const gz = gzipSync(wasm, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`wasm: ${kb(wasm.length)}, ${kb(gz)} gzipped (budget ${kb(BUDGET)}); JS glue: ${kb(glue.length)}, ${kb(gzipSync(glue, { level: 9 }).length)} gzipped`);
if (gz > BUDGET) console.log(`WARNING: the gzipped .wasm is over its ${kb(BUDGET)} budget`);
