// A tiny static server for www/: the right MIME types (application/wasm for the engine),
// `Access-Control-Allow-Origin: *` (so the widget, embed.js, loads from another origin, as from a
// CDN), the page's Content-Security-Policy, and nothing outside www/.
//
//   node scripts/serve.mjs            serves on http://127.0.0.1:8080/ (PORT and HOST to change)
//   import { serve } from './serve.mjs'   the same from a test: `await serve({ port: 0 })`, or
//                                         `serve({ root, csp })` for another folder and policy
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/**
 * Starts the server; resolves to `{ server, url }` once it listens. `csp` replaces the policy
 * (null sends none), for test pages that play someone else's site.
 */
export function serve({ root = defaultRoot, host = '127.0.0.1', port = 8080, log = false, csp = contentSecurityPolicy } = {}) {
  const server = createServer(async (req, res) => {
    const common = {
      'Access-Control-Allow-Origin': '*',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    if (csp) common['Content-Security-Policy'] = csp;
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { ...common, 'Content-Type': type });
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${status} ${req.method} ${req.url}`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
    let file = fileFor(root, req.url ?? '/');
    if (!file) return send(404, 'not found\n');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      send(200, body, types[extname(file)] ?? 'application/octet-stream');
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
  serve({ host, port, log: Boolean(process.env.LOG) })
    .then(({ url }) => console.log(`giftsim calculator on ${url}  (Ctrl-C to stop)`))
    .catch((e) => {
      console.error(`cannot serve on ${host}:${port}: ${e.message}`);
      process.exit(1);
    });
}
