// Cross-target determinism: every example and a few hundred generated inputs (valid and not)
// give byte-identical JSON — or the same error — from the native CLI, from the npm package's
// WebAssembly under Node, and from the page's WebAssembly in Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { harness } from './browser.mjs';
import { chromiumAnswers, cliPath, nodeEngine, root, runCli } from './engines.mjs';
import { generatedInputs } from './generated-inputs.mjs';

const OPS = ['quote', 'compare', 'plan', 'simulate', 'sweep', 'calibrate', 'optimize', 'power', 'audit', 'import'];
const examples = readdirSync(`${root}examples`)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f, op: f.startsWith('bench-') ? 'simulate' : f.split('-')[0], text: readFileSync(`${root}examples/${f}`, 'utf8') }));
const inputs = [...examples, ...generatedInputs()];

describe('the CLI, Node and Chromium agree byte for byte', () => {
  let h;
  let cli;
  before(async () => {
    h = await harness();
    const bin = cliPath();
    cli = inputs.map((input) => runCli(bin, input));
  });
  after(async () => {
    await h?.close();
  });

  test('the inputs: every example, and a few hundred generated ones for every operation, mostly valid', () => {
    assert.ok(examples.length >= 15, `${examples.length} examples`);
    for (const e of examples) assert.ok(OPS.includes(e.op), e.name);
    const generated = inputs.length - examples.length;
    const valid = cli.slice(examples.length).filter((a) => a.ok).length;
    assert.ok(generated >= 300, `${generated} generated inputs`);
    assert.ok(valid >= 0.75 * generated, `only ${valid} of ${generated} generated inputs are valid`);
    for (const op of OPS) assert.ok(inputs.some((x, i) => x.op === op && cli[i].ok), `no valid ${op}`);
    for (const [i, e] of examples.entries()) assert.ok(cli[i].ok, `${e.name}: ${JSON.stringify(cli[i].error)}`);
    for (const a of cli) assert.notEqual(a.error?.code, 'cli_crashed', a.error?.message);
  });

  test('Node (pkg/) gives the CLI’s bytes', async () => {
    const run = await nodeEngine();
    inputs.forEach((input, i) => assert.deepEqual(run(input), cli[i], `${input.name}: ${input.text.slice(0, 300)}`));
  });

  test('Chromium (www/pkg-full) gives the CLI’s bytes', async () => {
    const answers = await chromiumAnswers(h, inputs);
    inputs.forEach((input, i) => assert.deepEqual(answers[i], cli[i], `${input.name}: ${input.text.slice(0, 300)}`));
    assert.deepEqual(h.problems, []);
  });

  test('Chromium with the calculator’s lean build (www/pkg) gives the CLI’s bytes for what it answers', async () => {
    const calculator = inputs.map((x, i) => [x, i]).filter(([x]) => ['quote', 'compare', 'plan'].includes(x.op));
    const answers = await chromiumAnswers(h, calculator.map(([x]) => x), 'pkg');
    calculator.forEach(([input, i], k) => assert.deepEqual(answers[k], cli[i], `${input.name}: ${input.text.slice(0, 300)}`));
    // The simulator is left out of the lean build, and says so.
    const [sim] = await chromiumAnswers(h, [examples.find((e) => e.op === 'simulate')], 'pkg');
    assert.equal(sim.ok, false);
    assert.deepEqual(h.problems, []);
  });
});
