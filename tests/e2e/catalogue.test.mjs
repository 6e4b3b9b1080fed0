// The bad-input catalogue (tests/bad-inputs/catalogue.json) through the WebAssembly API: under
// Node (the npm package) and in Chromium (the page's build), every case throws a GiftsimError
// with its documented code and path, quickly, and the module keeps working afterwards. The
// library and the CLI run the same catalogue in tests/bad_inputs.rs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { harness } from './browser.mjs';
import { chromiumAnswers, nodeEngine, root } from './engines.mjs';

/** The catalogue's cases as `{ name, op, text, code, path }` (generated ones expanded). */
export function catalogue() {
  const doc = JSON.parse(readFileSync(`${root}tests/bad-inputs/catalogue.json`, 'utf8'));
  return doc.cases.map((c) => ({ name: c.name, op: c.op, text: c.generate ? expand(c.generate) : c.input, code: c.code, path: c.path }));
}

/** As `expand` in tests/bad_inputs.rs: `@` becomes `fill` (or `sequence` numbered) repeated, then `close` repeated. */
function expand(g) {
  const str = (v) => typeof v === 'string';
  const body = str(g.fill) ? g.fill.repeat(g.repeat) : str(g.sequence) ? Array.from({ length: g.repeat }, (_, i) => g.sequence.replaceAll('#', String(i + 1))).join('') : '';
  return g.template.replace('@', () => body + (str(g.close) ? g.close : '').repeat(g.repeat));
}

const cases = catalogue();
const lion = { op: 'quote', text: readFileSync(`${root}examples/quote-lion-ios.json`, 'utf8') };
const lionGolden = readFileSync(`${root}tests/golden/quote-lion-ios.json`, 'utf8').trimEnd();

describe('the bad-input catalogue through WebAssembly', () => {
  test('is large and covers every operation', () => {
    assert.ok(cases.length >= 60, `only ${cases.length} cases`);
    for (const op of ['quote', 'compare', 'plan', 'simulate', 'sweep']) assert.ok(cases.filter((c) => c.op === op).length >= 5, op);
  });

  test('under Node: every case throws its code and path, and the module survives', async () => {
    const run = await nodeEngine();
    for (const c of cases) {
      const answer = run(c);
      assert.equal(answer.ok, false, `${c.name}: answered instead of failing`);
      assert.deepEqual([answer.error.code, answer.error.path], [c.code, c.path], `${c.name}: ${answer.error.message}`);
      assert.ok(answer.error.message.length > 0 && answer.error.message.length < 1000, c.name);
    }
    // A panic would have killed the module: it still answers.
    assert.deepEqual(run(lion), { ok: true, text: lionGolden });
  });

  describe('in Chromium', () => {
    let h;
    before(async () => {
      h = await harness();
    });
    after(async () => {
      await h?.close();
    });

    test('every case throws its code and path, and the module survives', async () => {
      const answers = await chromiumAnswers(h, [...cases, lion]);
      cases.forEach((c, i) => {
        assert.equal(answers[i].ok, false, `${c.name}: answered instead of failing`);
        assert.deepEqual([answers[i].error.code, answers[i].error.path], [c.code, c.path], `${c.name}: ${answers[i].error.message}`);
      });
      assert.deepEqual(answers.at(-1), { ok: true, text: lionGolden });
      assert.deepEqual(h.problems, []);
    });
  });
});
