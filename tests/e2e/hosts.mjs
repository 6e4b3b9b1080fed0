// Someone else's site for the widget tests: pages served from another origin than the widget's,
// under a strict Content-Security-Policy that allows only the widget's origin.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A host site beside `h`'s widget server: `{ base, page(name, options), open(url, options),
 * problems, problemsOf(url), close() }`.
 */
export async function hostSite(h) {
  /** Console warnings and errors, page errors and failed requests, by page. */
  const problems = [];
  const dir = await mkdtemp(join(tmpdir(), 'giftsim-hosts-'));
  const widget = new URL(h.base).origin;
  const policy = `default-src 'self'; script-src 'self' ${widget} 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${widget}; frame-src ${widget}; img-src 'self'; object-src 'none'; base-uri 'none'`;
  const base = await h.serve({ root: dir, csp: policy });
  await writeFile(join(dir, 'favicon.ico'), '');
  return {
    base,
    /**
     * A host page (and its style sheet: the policy forbids inline styles) at `${name}.html`, its
     * body in a <main> (and under an <h1>) unless it brings its own; its URL.
     */
    async page(name, { body, css = '', lang = 'en', dir: direction = 'ltr' }) {
      await writeFile(join(dir, `${name}.css`), `body { margin: 0; padding: 16px; font: 16px/1.5 Georgia, serif; }\n${css}`);
      const main = body.includes('<main') ? body : `<main>${body.includes('<h1') ? '' : `<h1>${name}</h1>`}${body}</main>`;
      await writeFile(
        join(dir, `${name}.html`),
        `<!doctype html><html lang="${lang}" dir="${direction}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${name}</title><link rel="stylesheet" href="${name}.css"><script type="module" src="${h.base}embed.js"></script></head><body>${main}</body></html>`,
      );
      return `${base}${name}.html`;
    },
    /** Opens `url` in a fresh context, recording problems and every `giftsim-change` (`window.__changes`). */
    async open(url, { viewport = { width: 1280, height: 900 }, init } = {}) {
      const ctx = await h.browser.newContext({ viewport });
      await ctx.addInitScript(() => {
        window.__changes = [];
        document.addEventListener('giftsim-change', (e) => window.__changes.push({ id: e.target.id, ...e.detail, quote: undefined }), true);
      });
      const page = await ctx.newPage();
      if (init) await init(page);
      page.on('pageerror', (e) => problems.push(`page error on ${url}: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()} on ${url}: ${m.text()}`);
      });
      page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
      await page.goto(url);
      return page;
    },
    problems,
    /** Takes (and returns) the problems recorded for `url` so far. */
    problemsOf(url) {
      const mine = problems.filter((p) => p.includes(` on ${url}:`));
      for (const p of mine) problems.splice(problems.indexOf(p), 1);
      return mine.map((p) => p.replace(` on ${url}`, ''));
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}
