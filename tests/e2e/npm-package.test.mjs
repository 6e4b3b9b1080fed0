// The npm package as a user gets it: `npm pack` (by scripts/npm-package.mjs, `make npm`), the
// tarball installed into a fresh project, then used from Node (ES modules and CommonJS, with
// `init()` and no arguments), TypeScript without the DOM lib, a plain HTML page and Vite (its
// dev server and `vite build`) in Chromium, all without any configuration.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer } from 'vite';
import { harness, until } from './browser.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const npmDir = join(root, 'target', 'npm');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const LION = '453.85';
const WEB_5000_COINS = '52.86';

let h;
let project;

/** Writes `files` (name → text) into the consumer project. */
function write(files) {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(project, name), text);
}

/** Runs `node file` in the project; its standard output, trimmed. */
function node(file) {
  return execFileSync(process.execPath, [file], { cwd: project, encoding: 'utf8' }).trim();
}

before(async () => {
  const tarball = readdirSync(npmDir).find((f) => /^giftsim-.*\.tgz$/.test(f));
  assert.ok(tarball, 'target/npm has the packed package (make npm)');
  project = mkdtempSync(join(tmpdir(), 'giftsim-consumer-'));
  write({ 'package.json': JSON.stringify({ name: 'consumer', private: true, type: 'module' }) });
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(npmDir, tarball)], { cwd: project, stdio: 'pipe' });
  h = await harness();
});

after(async () => {
  await h?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

test('the package ships its own README, both licences, engines and no internal helper', () => {
  const dir = join(project, 'node_modules', 'giftsim');
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  assert.equal(manifest.license, 'MIT OR Apache-2.0');
  assert.ok(manifest.engines.node);
  for (const file of ['README.md', 'LICENSE-APACHE', 'LICENSE-MIT']) assert.ok(readFileSync(join(dir, file), 'utf8').length > 100, file);
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  assert.doesNotMatch(readme, /\]\((?!https?:)[^)]*\)/, 'no relative links that break on npm');
  assert.match(readme, /## Node/);
  assert.match(readme, /## Errors/);
  const types = readFileSync(join(dir, 'index.d.ts'), 'utf8');
  for (const internal of ['simulatePart', 'sweepMerge', 'timeZoneFile', 'RequestInfo', 'WebAssembly.Module']) {
    assert.ok(!types.includes(internal), `index.d.ts mentions ${internal}`);
  }
});

test('Node, ES modules: await init() without arguments, the full and the lean build', () => {
  write({
    'esm.mjs': `import init, * as giftsim from 'giftsim';
import initLean, * as lean from 'giftsim/lean';
await init();
await initLean();
console.log(giftsim.quote({ rate_card: 'tiktok-ios', gifts: [{ gift: 'lion', count: 1 }] }).purchase.viewer_pays);
console.log(lean.quote({ rate_card: 'tiktok-web', coins: 5000 }).purchase.viewer_pays);
console.log(typeof giftsim.simulate, typeof giftsim.simulatePart, typeof lean.simulate, typeof lean.plan);
try { giftsim.quote({ rate_card: 'tiktok-ios', gifts: [{ gift: 'loin' }] }); } catch (e) { console.log(e.name, e.code, e.path); }`,
  });
  assert.deepEqual(node('esm.mjs').split('\n'), [
    LION,
    WEB_5000_COINS,
    'function undefined undefined function',
    'GiftsimError unknown_gift gifts[0].gift',
  ]);
});

test('Node, CommonJS: ready on require, init() still awaitable', () => {
  write({
    'cjs.cjs': `const giftsim = require('giftsim');
const lean = require('giftsim/lean');
console.log(giftsim.quote({ rate_card: 'tiktok-web', coins: 5000 }).purchase.viewer_pays);
giftsim.default().then(() => console.log(lean.quote({ rate_card: 'tiktok-ios', gifts: [{ gift: 'lion', count: 1 }] }).purchase.viewer_pays));`,
  });
  assert.deepEqual(node('cjs.cjs').split('\n'), [WEB_5000_COINS, LION]);
});

test('TypeScript: tsc --noEmit with only the es2022 lib, ES module and CommonJS files, both resolutions', () => {
  write({
    'app.mts': `import init, { plan, quote, type PlanRequest, type QuoteResponse } from 'giftsim';
import initLean, { quote as leanQuote } from 'giftsim/lean';
await init();
await initLean();
const answer: QuoteResponse = quote({ rate_card: 'tiktok-ios', gifts: [{ gift: 'lion', count: 1 }] });
export const pays: string = answer.purchase.viewer_pays;
const request: PlanRequest = { rule_set: 'cn-games-2019', person: { age: 15 }, events: [] };
plan(request);
leanQuote({ rate_card: 'tiktok-web', coins: 5000 });
// @ts-expect-error money is a decimal string, never a number
export const wrong: number = answer.purchase.viewer_pays;
`,
    'app.cts': `import giftsim = require('giftsim');
const pays: string = giftsim.quote({ rate_card: 'tiktok-web', coins: 5000 }).purchase.viewer_pays;
export = pays;
`,
    'tsconfig.json': JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022'], types: [], skipLibCheck: false },
      files: ['app.mts', 'app.cts'],
    }),
    'tsconfig.bundler.json': JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022'], types: [], skipLibCheck: false },
      files: ['app.mts'],
    }),
  });
  for (const config of ['tsconfig.json', 'tsconfig.bundler.json']) {
    execFileSync(process.execPath, [tsc, '-p', config], { cwd: project, encoding: 'utf8' });
  }
});

/** Opens `url` and waits for the page's `#out` to show an answer; its text. */
async function answerOn(url) {
  const page = await h.open(url, { wait: null });
  const text = await until(() => page.textContent('#out'), (t) => t !== '…', { timeout: 15000, what: `${url}'s answer` });
  await page.context().close();
  return text;
}

const PAGE_SCRIPT = `import init, { quote } from 'giftsim';
await init();
document.getElementById('out').textContent = quote({ rate_card: 'tiktok-ios', gifts: [{ gift: 'lion', count: 1 }] }).purchase.viewer_pays;
`;

test('a plain HTML page with an import map', async () => {
  write({
    'plain.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain page</title>
<link rel="icon" href="data:,">
<script type="importmap">{ "imports": { "giftsim": "/node_modules/giftsim/index.js" } }</script></head>
<body><output id="out">…</output><script type="module">${PAGE_SCRIPT}</script></body></html>`,
  });
  const base = await h.serve({ root: project, csp: null });
  assert.equal(await answerOn(`${base}plain.html`), LION);
});

test('Vite: the dev server and vite build, without configuration', async () => {
  write({
    'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vite page</title><link rel="icon" href="data:,"></head>
<body><output id="out">…</output><script type="module" src="/main.js"></script></body></html>`,
    'main.js': PAGE_SCRIPT,
  });
  const dev = await createServer({ root: project, logLevel: 'error', configFile: false, server: { port: 0, host: '127.0.0.1' } });
  await dev.listen();
  try {
    assert.equal(await answerOn(dev.resolvedUrls.local[0]), LION);
  } finally {
    await dev.close();
  }
  await build({ root: project, logLevel: 'error', configFile: false });
  const assets = readdirSync(join(project, 'dist', 'assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `vite build copied the .wasm: ${assets}`);
  const base = await h.serve({ root: join(project, 'dist'), csp: null });
  assert.equal(await answerOn(base), LION);
  assert.deepEqual(h.problems, []);
});

test('the README’s JavaScript example, run by Node from the installed package, prints what its comments say', async () => {
  const { readmeBlocks } = await import('./engines.mjs');
  const [code] = readmeBlocks('js');
  const expected = [...code.matchAll(/console\.log\(.*\); \/\/ → (.*)$/gm)].map((m) => m[1]);
  assert.ok(expected.length >= 4, `${expected.length} checked lines`);
  // Values print as the page test prints them: strings as they are, the rest as JSON.
  const shim = "const console = { log: (...v) => process.stdout.write(v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' ') + '\\n') };\n";
  write({ 'readme.mjs': shim + code });
  assert.deepEqual(node('readme.mjs').split('\n'), expected);
});
