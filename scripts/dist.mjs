// `make dist`: www/ as a static folder ready for any host or CDN, in dist/.
//
// - The JavaScript bundled and minified by esbuild: the calculator, the lab (and its worker), the
//   iframe's frame script and the widget. Each page's entry and shared chunks get content-hashed
//   names; the widget keeps its public name `embed.js` (host pages link it), with everything it
//   imports statically inside it, so a host page waits for one script before the engine.
// - Every other file a page needs (the two .wasm builds, the style sheets, the chart library,
//   the icon) copied under a content-hashed name; `new URL('…', import.meta.url)` references in
//   the code and the pages' links point at those names. Time-zone files keep their names (the
//   code asks for a zone by name): tz/ is copied as it is.
// - Each page's <head> lists its chunks as `modulepreload` and the engine as `preload`, so the
//   browser fetches them at once instead of one import level at a time.
// - Every compressible file also as `.br` and `.gz`; `headers.json` (read by scripts/serve.mjs)
//   and `_headers` (Netlify and Cloudflare Pages) give each file its Cache-Control;
//   `files.json` says which files each surface needs, with their sizes. docs/deploying.md.
//
//   node scripts/dist.mjs [--out DIR]
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const www = join(root, 'www');
const outArg = process.argv.indexOf('--out');
const out = resolve(outArg > 0 ? process.argv[outArg + 1] : join(root, 'dist'));

/** The pages and the script each runs (the bench page is a developer tool, not shipped). */
const PAGES = {
  'index.html': 'js/main.js',
  'lab.html': 'js/lab/main.js',
  'embed.html': 'js/embed/frame.js',
  'embed-demo.html': null,
};
/** The bundles' names for the pages' scripts. */
const ENTRY_NAMES = { 'js/main.js': 'calculator', 'js/lab/main.js': 'lab', 'js/embed/frame.js': 'frame' };
/** Copied under a content-hashed name: source path under www/ → the name's stem. */
const ASSETS = {
  'pkg/giftsim_bg.wasm': 'giftsim-lean',
  'pkg-full/giftsim_bg.wasm': 'giftsim-full',
  'css/theme.css': 'theme',
  'css/page.css': 'page',
  'css/lab.css': 'lab',
  'css/embed.css': 'embed',
  'css/embed-frame.css': 'embed-frame',
  'css/embed-demo.css': 'embed-demo',
  'vendor/chart.umd.min.js': 'chart',
  'favicon.svg': 'favicon',
};
/** Folders copied as they are, for code that builds a file's name at run time. */
const FOLDERS = ['tz', 'i18n'];
const IMMUTABLE = 'public, max-age=31536000, immutable';

const hash = (bytes) => createHash('sha256').update(bytes).digest('base64url').slice(0, 10);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/** www path (absolute) → the file's name in dist (all at the top, so `./name` works from any). */
const names = new Map();
for (const page of Object.keys(PAGES)) names.set(join(www, page), page);
for (const [path, stem] of Object.entries(ASSETS)) {
  const bytes = readFileSync(join(www, path));
  const name = `${stem}-${hash(bytes)}${extname(path)}`;
  writeFileSync(join(out, name), bytes);
  names.set(join(www, path), name);
}
for (const folder of FOLDERS.filter((f) => existsSync(join(www, f)))) {
  cpSync(join(www, folder), join(out, folder), { recursive: true });
  names.set(join(www, folder), folder);
}

/** The dist name of `spec` as seen from `file`; a build error when dist has no such file. */
function distName(file, spec) {
  const target = resolve(dirname(file), spec.replace(/\/$/, ''));
  const inFolder = FOLDERS.some((f) => target.startsWith(join(www, f) + '/'));
  const name = inFolder ? relative(www, target) : names.get(target);
  if (name === undefined) throw new Error(`${relative(root, file)}: ${spec} is not in dist (add it to ASSETS, PAGES or FOLDERS)`);
  return name;
}

/**
 * Points the code's references to other files at their dist names: `new URL('x', import.meta.url)`
 * (a file) and `` new URL(`dir/${…}`, import.meta.url) `` (a copied folder), dynamic imports of
 * copied scripts (the chart library stays the UMD script it is), and the widget itself, which
 * other scripts import by its public name.
 */
function distReferences({ widget }) {
  return {
    name: 'dist-references',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = resolve(args.resolveDir, args.path);
        if (target === join(www, 'embed.js') && widget) return undefined;
        if (names.has(target) && extname(target) === '.js') return { path: `./${names.get(target)}`, external: true };
        return undefined;
      });
      b.onLoad({ filter: /\.js$/ }, (args) => {
        let text = readFileSync(args.path, 'utf8');
        text = text.replace(/new URL\((['"])([^'"]+)\1,\s*import\.meta\.url\)/g, (_, q, spec) => `new URL(${q}./${distName(args.path, spec)}${spec.endsWith('/') ? '/' : ''}${q}, import.meta.url)`);
        text = text.replace(/new URL\(`([^`$]*\/)\$\{/g, (_, dir) => `new URL(\`./${distName(args.path, dir)}/\${`);
        return { contents: text, loader: 'js' };
      });
    },
  };
}

const common = { bundle: true, format: 'esm', minify: true, target: 'es2022', outdir: out, metafile: true, logLevel: 'warning', legalComments: 'none', charset: 'utf8' };

// The lab's worker first: the lab's code names it.
const worker = await build({ ...common, entryPoints: { worker: join(www, 'js/lab/worker.js') }, entryNames: '[name]-[hash]', plugins: [distReferences({ widget: false })] });
names.set(join(www, 'js/lab/worker.js'), basename(Object.keys(worker.metafile.outputs).find((f) => f.endsWith('.js'))));

// The widget: a hashed bundle (its static graph in a few chunks; what only the full mode needs
// split off), started by the loader written below under the widget's public name.
const widget = await build({ ...common, entryPoints: { 'embed-main': join(www, 'embed.js') }, splitting: true, entryNames: '[name]-[hash]', chunkNames: 'embed-[name]-[hash]', plugins: [distReferences({ widget: true })] });
// Other scripts that import the widget (the iframe's frame script) get the bundle itself.
names.set(join(www, 'embed.js'), basename(Object.keys(widget.metafile.outputs).find((o) => widget.metafile.outputs[o].entryPoint)));

// The pages, sharing chunks.
const pageEntries = Object.fromEntries(Object.values(PAGES).filter(Boolean).map((src) => [ENTRY_NAMES[src], join(www, src)]));
const pages = await build({ ...common, entryPoints: pageEntries, splitting: true, entryNames: '[name]-[hash]', chunkNames: 'chunk-[hash]', plugins: [distReferences({ widget: false })] });

/**
 * The output that is the entry for `src`, and the chunks it imports statically (transitively),
 * plus those of the dynamic imports `eager` names (by source path under www/): code it will
 * ask for at once.
 */
function graph(metafile, src, eager = []) {
  const outputs = metafile.outputs;
  const source = (o) => outputs[o]?.entryPoint && resolve(root, outputs[o].entryPoint);
  const entry = Object.keys(outputs).find((o) => source(o) === src);
  const seen = new Set();
  const visit = (o) => {
    for (const i of outputs[o]?.imports ?? []) {
      const follow = i.kind === 'import-statement' || (i.kind === 'dynamic-import' && eager.some((e) => source(i.path) === join(www, e)));
      if (follow && !i.external && !seen.has(i.path)) {
        seen.add(i.path);
        visit(i.path);
      }
    }
  };
  visit(entry);
  return { entry: basename(entry), chunks: [...seen].map((c) => basename(c)) };
}

/** The wasm a script starts loading as soon as it runs (from its bundled text). */
function wasmOf(file) {
  const text = readFileSync(join(out, file), 'utf8');
  return [...text.matchAll(/giftsim-(?:lean|full)-[\w-]+\.wasm/g)].map((m) => m[0]);
}

/** The files a bundle fetches as soon as it runs: the engine's .wasm and the widget's styles. */
function fetchedBy(bundles) {
  const text = bundles.map((f) => readFileSync(join(out, f), "utf8")).join("\n");
  const files = [...new Set([...text.matchAll(/(?:giftsim-(?:lean|full)|theme|page|embed)-[\w-]{10}\.(?:wasm|css)/g)].map((m) => m[0]))];
  // The engine first: the largest file, on the critical path (HTTP/1.1 opens six connections).
  return [...files.filter((f) => f.endsWith('.wasm')), ...files.filter((f) => !f.endsWith('.wasm'))];
}

// The widget's loader, `embed.js`: tiny, so that the browser learns at once every file the
// widget needs and fetches them side by side (one round trip, not one per import level), then
// imports the bundle. The widget's code, the engine and the styles only when the page has a
// widget: a page that only sizes iframes needs none of them.
const widgetBase = graph(widget.metafile, join(www, 'embed.js'));
const widgetGraph = graph(widget.metafile, join(www, 'embed.js'), ['js/embed/widget.js']);
const widgetOnly = widgetGraph.chunks.filter((c) => !widgetBase.chunks.includes(c));
const widgetFetches = fetchedBy([widgetGraph.entry, ...widgetGraph.chunks]);
writeFileSync(
  join(out, 'embed.js'),
  `// <giftsim-calculator>'s loader (generated by scripts/dist.mjs; the widget is ${widgetGraph.entry}).
const here = new URL('./', import.meta.url);
const hint = (rel, file) => {
  const link = Object.assign(document.createElement('link'), { rel, href: new URL(file, here).href });
  if (rel === 'preload') Object.assign(link, { as: 'fetch', crossOrigin: 'anonymous' });
  document.head.append(link);
};
if (document.querySelector('giftsim-calculator')) {
  for (const file of ${JSON.stringify(widgetFetches)}) hint('preload', file);
  for (const file of ${JSON.stringify(widgetOnly)}) hint('modulepreload', file);
}
for (const file of ${JSON.stringify(widgetBase.chunks)}) hint('modulepreload', file);
await import('./${widgetGraph.entry}');
`,
);

// The pages: links to hashed files, preload hints, no development modulepreload lists.
/** A page of ours that shows the widget lists the widget's files itself (no loader round trip). */
function widgetHints(hints) {
  for (const f of widgetFetches) hints.push(`<link rel="preload" href="${f}" as="fetch"${f.endsWith('.wasm') ? ' type="application/wasm"' : ''} crossorigin>`);
  for (const f of [widgetGraph.entry, ...widgetGraph.chunks]) hints.push(`<link rel="modulepreload" href="${f}">`);
}
for (const [page, src] of Object.entries(PAGES)) {
  let html = readFileSync(join(www, page), 'utf8');
  html = html.replace(/^\s*<link rel="(?:modulepreload|preload)"[^>]*>\n/gm, '');
  html = html.replace(/(href|src)="([^":]+\.(?:css|svg|js))"/g, (all, attr, path) => {
    const target = join(www, path);
    if (target === join(www, 'embed.js')) return `${attr}="embed.js"`;
    if (src && target === join(www, src)) return all; // replaced below
    return `${attr}="${distName(join(www, page), path)}"`;
  });
  const hints = [];
  if (src) {
    const { entry, chunks } = graph(pages.metafile, join(www, src));
    html = html.replace(`src="${src}"`, `src="${entry}"`);
    const wasm = new Set([...wasmOf(entry), ...chunks.flatMap(wasmOf)]);
    // The lab's engine loads in its worker, on the first run: no preload for it.
    if (page !== 'lab.html') for (const w of wasm) hints.push(`<link rel="preload" href="${w}" as="fetch" type="application/wasm" crossorigin>`);
    for (const c of chunks) hints.push(`<link rel="modulepreload" href="${c}">`);
    if (page === 'embed.html') widgetHints(hints);
  } else if (html.includes('src="embed.js"')) {
    widgetHints(hints);
  }
  html = html.replace(/(\s*)<script type="module"/, (all, space) => `${hints.map((l) => space + l).join('')}${all}`);
  writeFileSync(join(out, page), html);
}

/** Every file under dist, relative. */
function walk(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

// Precompressed copies of every compressible file (the server picks one by Accept-Encoding).
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.wasm']);
const sizes = {};
for (const file of walk(out)) {
  const bytes = readFileSync(join(out, file));
  const entry = { bytes: bytes.length };
  if (COMPRESSIBLE.has(extname(file)) && bytes.length > 512) {
    const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
    const gz = gzipSync(bytes, { level: 9 });
    writeFileSync(join(out, `${file}.br`), br);
    writeFileSync(join(out, `${file}.gz`), gz);
    entry.br = br.length;
    entry.gz = gz.length;
  }
  sizes[file] = entry;
}

// Cache-Control for each kind of file.
const hashed = new Set([...names.values()].filter((n) => /-[\w-]{10}\.\w+$/.test(n)));
for (const o of [...Object.keys(worker.metafile.outputs), ...Object.keys(widget.metafile.outputs), ...Object.keys(pages.metafile.outputs)]) {
  hashed.add(basename(o));
}
const rules = [
  { match: '/*', headers: { 'X-Content-Type-Options': 'nosniff', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache' }, why: 'everything: revalidate unless said otherwise; the widget loads from other origins' },
  ...[...hashed].sort().map((n) => ({ match: `/${n}`, headers: { 'Cache-Control': IMMUTABLE }, why: 'content-hashed: a new build has a new name' })),
  { match: '/embed.js', headers: { 'Cache-Control': 'public, max-age=300, stale-while-revalidate=604800' }, why: 'the widget\'s public name: fresh for 5 minutes, then served from cache while it revalidates' },
  ...FOLDERS.map((f) => ({ match: `/${f}/*`, headers: { 'Cache-Control': 'public, max-age=86400, stale-while-revalidate=604800' }, why: 'files the code names at run time (a time zone, a language): fresh for a day, then revalidated in the background' })),
];
writeFileSync(join(out, 'headers.json'), `${JSON.stringify(rules, null, 2)}\n`);
writeFileSync(
  join(out, '_headers'),
  `# Netlify / Cloudflare Pages header rules, generated by scripts/dist.mjs (see docs/deploying.md).\n${rules
    .map((r) => `${r.match}\n${Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`)
    .join('\n')}\n`,
);

// What each surface downloads first (before the reader does anything), with its sizes.
function surface(files) {
  const list = [...new Set(files)];
  const total = (k) => list.reduce((s, f) => s + (sizes[f]?.[k] ?? sizes[f]?.bytes ?? 0), 0);
  return { files: list, bytes: total('bytes'), br: total('br'), gz: total('gz') };
}
const first = (page) => {
  const html = readFileSync(join(out, page), 'utf8');
  return [page, ...[...html.matchAll(/(?:href|src)="([^":#]+)"/g)].map((m) => m[1]).filter((f) => sizes[f])];
};
const surfaces = {
  calculator: surface(first('index.html')),
  lab: surface(first('lab.html')),
  'widget (host page adds embed.js)': surface(['embed.js', widgetGraph.entry, ...widgetGraph.chunks, ...widgetFetches]),
  'iframe (embed.html)': surface(first('embed.html')),
};
writeFileSync(join(out, 'files.json'), `${JSON.stringify({ surfaces, sizes }, null, 2)}\n`);

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(`dist: ${relative(root, out)}/ (${walk(out).length} files)`);
for (const [name, s] of Object.entries(surfaces)) console.log(`  ${name}: ${s.files.length} files, ${kb(s.bytes)} (${kb(s.br)} brotli, ${kb(s.gz)} gzip)`);
