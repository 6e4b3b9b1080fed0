// Assembles the npm package `giftsim` from the two wasm-pack builds (pkg/ with every operation
// and every time zone, pkg-lean/ for the calculator's size budget) into target/npm/giftsim/,
// then packs it into target/npm/giftsim-<version>.tgz.
//
//   node scripts/npm-package.mjs          (run by `make npm`)
//
// wasm-pack's own package.json cannot say what a real package needs, so this writes it:
// - one entry per host through conditional exports: `node` (ESM `node.js`, whose `init()` reads
//   the .wasm from disk, and CommonJS `index.cjs`, ready on `require`), and `browser`/`default`
//   (`index.js`, whose `init()` fetches the .wasm from beside it; bundlers see the
//   `new URL(…, import.meta.url)` and copy the file);
// - the lean build as the subpath `giftsim/lean`, not as a second package of the same name;
// - only the public operations: the lab's sharding helpers and the page's time-zone file server
//   stay inside (INTERNAL below);
// - types that compile without the DOM lib or @types/node (wasm-bindgen's `InitInput` names
//   `Response` and `WebAssembly.Module`, which only those declare);
// - the package's own README, the licences, `engines`.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'target', 'npm');
const dir = join(out, 'giftsim');

/** Exported by wasm-bindgen for our own pages and scripts, not part of the package's contract. */
const INTERNAL = new Set(['simulatePart', 'simulateMerge', 'sweepScenarios', 'sweepMerge', 'timeZoneFile']);

const version = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version = "(.+)"$/m)[1];

/** The public functions of a wasm-pack build, from its glue's `export function` lines. */
function publicNames(glue) {
  const names = [...glue.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]);
  return names.filter((n) => !INTERNAL.has(n));
}

/** The glue's .d.ts without the functions not offered and wasm-bindgen's DOM-typed init section. */
function publicTypes(dts, glue, names) {
  const initAt = dts.indexOf('export type InitInput');
  if (initAt < 0) throw new Error('wasm-bindgen .d.ts: no InitInput section (has its layout changed?)');
  let body = dts.slice(0, initAt);
  const hidden = [...glue.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]).filter((n) => !names.includes(n));
  for (const name of hidden) {
    // A declaration with its doc comment: `/** … */\nexport function name(…): …;\n`.
    const re = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/\\s*)?export function ${name}\\([^;]*;\\n`);
    body = body.replace(re, '');
  }
  for (const name of names) {
    if (!body.includes(`export function ${name}(`)) throw new Error(`types: ${name} is not declared`);
  }
  return `${body.trimEnd()}

/**
 * Where the engine's WebAssembly comes from: its URL (a string or URL), a fetch \`Response\`, its
 * bytes, or a compiled WebAssembly module. Typed loosely so that these types compile without
 * the DOM lib or @types/node.
 */
export type InitInput = string | { readonly href: string } | ArrayBuffer | ArrayBufferView | object;

/**
 * Loads the engine; await it once before any operation (later calls return at once). Without an
 * argument it finds \`giftsim_bg.wasm\` itself: beside this module in browsers and bundlers, on
 * disk in Node.
 *
 * @example
 * import init, { quote } from 'giftsim';
 * await init();
 * quote({ rate_card: 'tiktok-ios', gifts: [{ gift: 'lion', count: 1 }] }).purchase.viewer_pays; // "453.85"
 */
export default function init(input?: { module_or_path: InitInput | Promise<InitInput> }): Promise<void>;

/** Loads the engine from its bytes or a compiled module, synchronously (e.g. in a worker). */
export function initSync(input: { module: ArrayBuffer | ArrayBufferView | object }): void;
`;
}

/** The browser and bundler entry: `init()` fetches the .wasm from beside the glue. */
function browserEntry(names, what) {
  return `// giftsim${what} for browsers and bundlers. \`await init()\` fetches giftsim_bg.wasm from beside
// wasm/giftsim.js (bundlers copy it: they see \`new URL('giftsim_bg.wasm', import.meta.url)\`).
import load, { initSync as loadSync } from './wasm/giftsim.js';
export { ${names.join(', ')} } from './wasm/giftsim.js';

export default async function init(input) {
  await load(input);
}

export function initSync(input) {
  loadSync(input);
}
`;
}

/** The Node ESM entry: `init()` reads the .wasm from disk (Node's fetch cannot read file: URLs). */
function nodeEntry(names, what) {
  return `// giftsim${what} for Node (ES modules). \`await init()\` reads giftsim_bg.wasm from disk.
import { readFile } from 'node:fs/promises';
import load, { initSync as loadSync } from './wasm/giftsim.js';
export { ${names.join(', ')} } from './wasm/giftsim.js';

export default async function init(input) {
  await load(input ?? { module_or_path: await readFile(new URL('./wasm/giftsim_bg.wasm', import.meta.url)) });
}

export function initSync(input) {
  loadSync(input);
}
`;
}

/** The Node CommonJS entry's source (bundled to CJS by esbuild): ready as soon as it is required. */
function commonJsSource(names) {
  return `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initSync as loadSync } from './wasm/giftsim.js';
export { ${names.join(', ')} } from './wasm/giftsim.js';

loadSync({ module: readFileSync(join(__dirname, 'wasm', 'giftsim_bg.wasm')) });

/** Already loaded on \`require\`; kept so that code written for the ES module runs unchanged. */
export default async function init() {}

export function initSync() {}
`;
}

/**
 * The names among `names` that the build really has: the lean build keeps every function but
 * answers the simulation family with "not in this build", which the package should not offer.
 */
async function available(from, names) {
  const glue = await import(join(root, from, 'giftsim.js'));
  glue.initSync({ module: readFileSync(join(root, from, 'giftsim_bg.wasm')) });
  return names.filter((name) => {
    try {
      glue[name]({}, () => true);
    } catch (e) {
      return !String(e?.message).includes('not in this build');
    }
    return true;
  });
}

/** One build (full or lean) into `target`: glue, .wasm, entries, types. */
async function assemble(from, target, what) {
  const glue = readFileSync(join(root, from, 'giftsim.js'), 'utf8');
  const names = await available(from, publicNames(glue));
  const dts = readFileSync(join(root, from, 'giftsim.d.ts'), 'utf8');
  mkdirSync(join(target, 'wasm'), { recursive: true });
  cpSync(join(root, from, 'giftsim.js'), join(target, 'wasm', 'giftsim.js'));
  cpSync(join(root, from, 'giftsim_bg.wasm'), join(target, 'wasm', 'giftsim_bg.wasm'));
  writeFileSync(join(target, 'index.js'), browserEntry(names, what));
  writeFileSync(join(target, 'node.js'), nodeEntry(names, what));
  const source = join(target, 'cjs-source.mjs');
  writeFileSync(source, commonJsSource(names));
  await build({
    entryPoints: [source],
    outfile: join(target, 'index.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    // The glue's default path (import.meta.url) is never used here: the bytes are passed.
    logOverride: { 'empty-import-meta': 'silent' },
    banner: { js: `// giftsim${what} for Node (CommonJS), generated from wasm/giftsim.js by scripts/npm-package.mjs.` },
  });
  rmSync(source);
  const types = publicTypes(dts, glue, names);
  writeFileSync(join(target, 'index.d.ts'), types);
  writeFileSync(join(target, 'index.d.cts'), types);
  return names;
}

/** The conditional exports of one entry point at `at` ('.' or './lean'). */
function entryExports(at) {
  const p = (file) => `${at}/${file}`;
  return {
    node: {
      import: { types: p('index.d.ts'), default: p('node.js') },
      require: { types: p('index.d.cts'), default: p('index.cjs') },
    },
    browser: { types: p('index.d.ts'), default: p('index.js') },
    default: { types: p('index.d.ts'), default: p('index.js') },
  };
}

rmSync(dir, { recursive: true, force: true });
const full = await assemble('pkg', dir, '');
const lean = await assemble('pkg-lean', join(dir, 'lean'), ' (lean build)');
for (const file of ['LICENSE-APACHE', 'LICENSE-MIT']) cpSync(join(root, file), join(dir, file));
cpSync(join(root, 'npm', 'README.md'), join(dir, 'README.md'));

const manifest = {
  name: 'giftsim',
  version,
  description: 'Exact money math for creator-gifting economies (coins, gifts, diamonds, payouts), in Rust and WebAssembly',
  license: 'MIT OR Apache-2.0',
  repository: { type: 'git', url: 'https://github.com/giftsim/giftsim' },
  keywords: ['economy', 'simulation', 'wasm', 'decimal', 'tiktok', 'gifting', 'parental-controls'],
  type: 'module',
  engines: { node: '>=20' },
  exports: {
    '.': entryExports('.'),
    './lean': entryExports('./lean'),
    './giftsim_bg.wasm': './wasm/giftsim_bg.wasm',
    './lean/giftsim_bg.wasm': './lean/wasm/giftsim_bg.wasm',
    './package.json': './package.json',
  },
  main: './index.cjs',
  module: './index.js',
  types: './index.d.ts',
  sideEffects: false,
  files: [
    'index.js', 'node.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'wasm/',
    'lean/index.js', 'lean/node.js', 'lean/index.cjs', 'lean/index.d.ts', 'lean/index.d.cts', 'lean/wasm/',
    'README.md', 'LICENSE-APACHE', 'LICENSE-MIT',
  ],
};
writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', out], { cwd: dir, encoding: 'utf8' }).trim();
console.log(`npm package: target/npm/${packed} (${full.length} operations; lean: ${lean.length})`);
