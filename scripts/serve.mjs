// A small static server for www/ (or a `make dist` folder), as a production host would serve it:
// the right MIME types (application/wasm for the engine), compression (a file's precompressed
// `.br`/`.gz` beside it, else compressed on the fly), ETag revalidation, the Cache-Control of the
// folder's headers.json (written by `make dist`; `no-cache` without one),
// `Access-Control-Allow-Origin: *` (so the widget, embed.js, loads from another origin, as from a
// CDN), the page's Content-Security-Policy, and nothing outside the folder.
//
//   node scripts/serve.mjs [--root DIR]   serves www/ (or DIR) on http://127.0.0.1:8080/ (PORT and
//                                         HOST to change)
//   import { serve } from './serve.mjs'   the same from a test: `await serve({ port: 0 })`, or
//                                         `serve({ root, csp })` for another folder and policy
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const defaultRoot = fileURLToPath(new URL('../www/', import.meta.url));

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.tzif': 'application/octet-stream',
};

// The same policy as the page's <meta>; the header form could also forbid framing by others' pages
// (frame-ancestors is ignored in <meta>), which stays open for the iframe embed (embed.html).
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Maps a URL path to a file under `root`, or null when it would leave `root`. */
function fileFor(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.wasm', '.map', '.txt']);

/** The Cache-Control (and other headers) of `urlPath` from a dist folder's rules: the last match wins. */
function headersFor(rules, urlPath) {
  const headers = {};
  for (const rule of rules) {
    const m = rule.match;
    const hit = m.endsWith('/*') ? urlPath.startsWith(m.slice(0, -1)) : urlPath === m;
    if (hit) Object.assign(headers, rule.headers);
  }
  return headers;
}

/**
 * A file's bytes in the best encoding the client accepts: its precompressed copy when there is
 * one, else compressed here (once per file version, kept in `memo`).
 */
async function encoded(file, accept, memo) {
  const wants = (e) => new RegExp(`\\b${e}\\b`).test(accept ?? '');
  const info = await stat(file);
  const key = `${file}:${info.mtimeMs}:${info.size}`;
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!wants(encoding)) continue;
    try {
      return { body: await readFile(file + suffix), encoding, key };
    } catch {
      // no precompressed copy: compress below
    }
  }
  const body = await readFile(file);
  if (!COMPRESSIBLE.has(extname(file)) || body.length < 512) return { body, encoding: null, key };
  for (const encoding of ['br', 'gzip']) {
    if (!wants(encoding)) continue;
    const id = `${key}:${encoding}`;
    if (!memo.has(id)) {
      // Quality 5: fast enough on the fly; `make dist` precompresses at 11.
      memo.set(id, encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : gzipSync(body));
    }
    return { body: memo.get(id), encoding, key };
  }
  return { body, encoding: null, key };
}

/**
 * Starts the server; resolves to `{ server, url }` once it listens. `csp` replaces the policy
 * (null sends none), for test pages that play someone else's site.
 */
export function serve({ root = defaultRoot, host = '127.0.0.1', port = 8080, log = false, csp = contentSecurityPolicy } = {}) {
  const memo = new Map();
  const rules = readFile(join(root, 'headers.json'), 'utf8').then(JSON.parse, () => []);
  const server = createServer(async (req, res) => {
    const common = {
      'Access-Control-Allow-Origin': '*',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    if (csp) common['Content-Security-Policy'] = csp;
    const send = (status, body, type = 'text/plain; charset=utf-8', extra = {}) => {
      res.writeHead(status, { ...common, 'Content-Type': type, ...extra });
      res.end(req.method === 'HEAD' || status === 304 ? undefined : body);
      if (log) console.log(`${status} ${req.method} ${req.url}`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
    let file = fileFor(root, req.url ?? '/');
    if (!file) return send(404, 'not found\n');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const { body, encoding, key } = await encoded(file, req.headers['accept-encoding'], memo);
      const urlPath = `/${file.slice(resolve(root).length + 1).split(sep).join('/')}`;
      const etag = `"${createHash('sha1').update(key).digest('base64url').slice(0, 16)}${encoding ? `-${encoding}` : ''}"`;
      const extra = { ...headersFor(await rules, urlPath), ETag: etag, Vary: 'Accept-Encoding' };
      if (encoding) extra['Content-Encoding'] = encoding;
      const type = types[extname(file)] ?? 'application/octet-stream';
      if (req.headers['if-none-match'] === etag) return send(304, undefined, type, extra);
      send(200, body, type, extra);
    } catch {
      send(404, 'not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://${host}:${actual}/` });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const at = process.argv.indexOf('--root');
  const root = at > 0 ? resolve(process.argv[at + 1]) + sep : defaultRoot;
  serve({ root, host, port, log: Boolean(process.env.LOG) })
    .then(({ url }) => console.log(`giftsim calculator on ${url}  (Ctrl-C to stop)`))
    .catch((e) => {
      console.error(`cannot serve on ${host}:${port}: ${e.message}`);
      process.exit(1);
    });
}
