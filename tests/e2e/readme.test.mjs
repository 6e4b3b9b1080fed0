// The README's JavaScript example, run as written against the npm package (pkg/, served as
// /pkg-full/) in Chromium: every `console.log(…); // → text` line must print that text.
// (The README's embed snippet is the host page of tests/e2e/embed.test.mjs.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from './browser.mjs';
import { readmeBlocks } from './engines.mjs';

let h;
before(async () => {
  h = await harness();
});
after(async () => {
  await h?.close();
});

/** The example as a script for the page: the package imported from where the page serves it. */
function runnable(code) {
  const imports = /^import (\w+), \{([^}]*)\} from 'giftsim';$/m;
  const m = code.match(imports);
  assert.ok(m, 'the example imports from the package');
  return code
    .replace(imports, `const { default: ${m[1]}, ${m[2].trim()} } = await import('/pkg-full/giftsim.js');`)
    .replaceAll('console.log(', '__log(');
}

test('the README’s JavaScript example prints what its comments say', async () => {
  const [code] = readmeBlocks('js');
  assert.ok(code, 'the README has a js block');
  const expected = [...code.matchAll(/console\.log\(.*\); \/\/ → (.*)$/gm)].map((m) => m[1]);
  assert.ok(expected.length >= 4, `${expected.length} checked lines`);
  const page = await h.open('');
  const printed = await page.evaluate(`(async () => {
    const printed = [];
    const __log = (...values) => printed.push(values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' '));
    ${runnable(code)}
    return printed;
  })()`);
  assert.deepEqual(printed, expected);
  assert.deepEqual(h.problems, []);
  await page.context().close();
});
