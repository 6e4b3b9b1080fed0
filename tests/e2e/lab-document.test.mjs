// The lab's document checks (www/js/lab/document.js over the shapes generated from
// docs/schema/) under Node: every example and every preset passes, and a file that the engine
// would refuse for its structure is refused on import with the path of the problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { setLanguage } from '../../www/js/i18n.js';
import { DocumentError, Library, compact, defaultDocument, documentPath, engineRequest, expand, fromEngineDocument } from '../../www/js/lab/document.js';
import { nodeEngine, root } from './engines.mjs';

// A refusal is written in the reader's language: these checks read the English words.
await setLanguage('en', { parts: ['lab'] });

const current = defaultDocument();
const refusal = (value) => {
  try {
    fromEngineDocument(value, current);
  } catch (e) {
    assert.ok(e instanceof DocumentError, `${e}`);
    return { path: e.path, message: e.message };
  }
  return null;
};

test('every scenario and sweep example imports', () => {
  const files = readdirSync(`${root}examples`).filter((f) => /^(simulate|sweep)-.*\.json$/.test(f));
  assert.ok(files.length >= 3);
  for (const f of files) assert.equal(refusal(JSON.parse(readFileSync(`${root}examples/${f}`, 'utf8'))), null, f);
});

test('every preset rate card and rule set, written out in full, imports', async () => {
  const run = await nodeEngine();
  const presets = JSON.parse(run({ op: 'presets', text: '{}' }).text);
  const base = JSON.parse(readFileSync(`${root}examples/simulate-tiktok-us-teens.json`, 'utf8'));
  for (const card of presets.rate_cards) {
    for (const ruleSet of presets.rule_sets) {
      const scenario = { ...base, channels: [{ rate_card: card, share: '1' }], rule_set: ruleSet };
      assert.equal(refusal(scenario), null, `${card.id} with ${ruleSet.id}`);
    }
  }
});

test('a structural problem is refused with its path; odd keys never crash the check', () => {
  const base = JSON.parse(readFileSync(`${root}examples/simulate-tiktok-us-teens.json`, 'utf8'));
  const withCard = (card) => ({ ...base, channels: [{ rate_card: card, share: '1' }] });
  const card = {
    id: 'mine', name: 'Mine', platform: 'tiktok', channel: 'web', currency: 'USD',
    bundles: [{ coins: 70, price: '0.99' }], creator: { model: 'share_of_net', share: '0.5' },
  };
  assert.equal(refusal(withCard(card)), null);
  const { creator: _, ...noCreator } = card;
  assert.deepEqual(refusal(withCard(noCreator)), { path: 'channels[0].rate_card', message: 'channels[0].rate_card: the field `creator` is missing' });
  assert.deepEqual(refusal(withCard({ ...card, bundlez: [] })).path, 'channels[0].rate_card.bundlez');
  assert.match(refusal(withCard({ ...card, bundlez: [] })).message, /unknown field; the fields here are id, name/);
  assert.equal(refusal(withCard({ ...card, bundles: [{ coins: 70 }] })).path, 'channels[0].rate_card.bundles[0]');
  assert.equal(refusal(withCard({ ...card, bundles: { coins: 70 } })).path, 'channels[0].rate_card.bundles');
  assert.equal(refusal({ ...base, toString: 1 }).path, 'toString');
  assert.equal(refusal({ ...base, segments: [{ ...base.segments[0], gifts: [{ weight: 1, hasOwnProperty: 2 }] }] }).path, 'segments[0].gifts[0].hasOwnProperty');
  assert.equal(refusal({ ...base, viewers: [1] }).path, 'viewers');
});

test('every optimization example imports as the Optimize mode, and exports as it was', () => {
  const files = readdirSync(`${root}examples`).filter((f) => /^optimize-.*\.json$/.test(f));
  assert.ok(files.length >= 2);
  for (const f of files) {
    const example = JSON.parse(readFileSync(`${root}examples/${f}`, 'utf8'));
    const doc = fromEngineDocument(example, current);
    assert.equal(doc.mode, 'optimize', f);
    assert.deepEqual(doc.grid, current.grid, `${f}: the sweep's grid is kept`);
    assert.deepEqual(doc.calibration, current.calibration, `${f}: the calibration is kept`);
    assert.deepEqual(engineRequest(doc), { op: 'optimize', input: example }, f);
  }
});

test('the default optimization is the request the lab sends, and a file of another mode keeps it', () => {
  const doc = { ...defaultDocument(), mode: 'optimize' };
  const { op, input } = engineRequest(doc);
  assert.equal(op, 'optimize');
  assert.deepEqual(Object.keys(input), ['scenario', 'variables', 'objective', 'constraints', 'max_evaluations']);
  assert.deepEqual(input.variables.map((v) => v.parameter), ['price_multiplier:tiktok-ios', 'price_multiplier:tiktok-android']);
  const sweep = JSON.parse(readFileSync(`${root}examples/sweep-prices-elasticity.json`, 'utf8'));
  assert.deepEqual(fromEngineDocument(sweep, doc).optimization, doc.optimization);
});

test('an optimization file with a structural problem is refused with its path', () => {
  const example = JSON.parse(readFileSync(`${root}examples/optimize-channel-prices.json`, 'utf8'));
  assert.equal(refusal({ ...example, variables: [{ parameter: 'price_multiplier', stepp: '1' }] }).path, 'variables[0].stepp');
  assert.equal(refusal({ ...example, variables: [{ min: '1' }] }).path, 'variables[0]');
  assert.equal(refusal({ ...example, objective: { metric: 'platform_margin', goals: 'max' } }).path, 'objective.goals');
  assert.equal(refusal({ ...example, objective: { weights: ['platform_margin'] } }).path, 'objective.weights');
  assert.equal(refusal({ ...example, constraints: { metric: 'payer_share' } }).path, 'constraints');
  assert.equal(refusal({ ...example, constraints: [{ metric: 'payer_share', reachable_gifts: 'lion' }] }).path, 'constraints[0].reachable_gifts');
  assert.equal(refusal({ ...example, scenario: { ...example.scenario, viewers: [1] } }).path, 'scenario.viewers');
  assert.equal(refusal({ ...example, speed: 'fast' }).path, 'speed');
  // Values the engine judges (a range upside down, an unknown metric) pass the lab's check.
  assert.equal(refusal({ ...example, variables: [{ parameter: 'nonsense', min: '2', max: '1', step: '-1' }] }), null);
});

test('a link keeps the optimization, and a damaged one is refused with its path', async () => {
  const run = await nodeEngine();
  const library = new Library(JSON.parse(run({ op: 'presets', text: '{}' }).text));
  const doc = fromEngineDocument(JSON.parse(readFileSync(`${root}examples/optimize-bundle-price-points.json`, 'utf8')), current);
  const back = expand(JSON.parse(JSON.stringify(compact(doc, library))), library);
  assert.deepEqual(back, doc);
  const old = compact({ ...defaultDocument(), mode: 'sweep' }, library);
  delete old.optimization;
  assert.deepEqual(expand(old, library).optimization, defaultDocument().optimization, 'a link from before Optimize opens the default one');
  assert.throws(() => expand({ ...compact(doc, library), optimization: { variables: 'price' } }, library), (e) => e instanceof DocumentError && e.path === 'optimization.variables');
  assert.throws(() => expand({ ...compact(doc, library), optimization: { objective: { metric: 'x', weight: {} } } }, library), (e) => e.path === 'optimization.objective.weight');
});

test('an engine error of an optimization is found at its field in the document', () => {
  const doc = { mode: 'optimize' };
  assert.equal(documentPath(doc, 'variables[0].max'), 'optimization.variables[0].max');
  assert.equal(documentPath(doc, 'objective.weights.platform_margin'), 'optimization.objective.weights.platform_margin');
  assert.equal(documentPath(doc, 'scenario.segments[1].share'), 'scenario.segments[1].share');
  assert.equal(documentPath(doc, ''), '');
  assert.equal(documentPath({ mode: 'calibrate' }, 'free[0].min'), 'calibration.free[0].min');
  assert.equal(documentPath({ mode: 'simulate' }, 'days'), 'scenario.days');
  assert.equal(documentPath({ mode: 'sweep' }, 'base.days'), 'scenario.days');
  assert.equal(documentPath({ mode: 'ab' }, 'variants[0].changes'), 'variants[0].changes');
});

test('every power example imports as the plan of a real test, and exports as it was', () => {
  const files = readdirSync(`${root}examples`).filter((f) => /^power-.*\.json$/.test(f));
  assert.ok(files.length >= 1);
  for (const f of files) {
    const example = JSON.parse(readFileSync(`${root}examples/${f}`, 'utf8'));
    const doc = fromEngineDocument(example, current);
    assert.equal(doc.mode, 'power', f);
    assert.deepEqual(doc.optimization, current.optimization, `${f}: the optimization is kept`);
    assert.deepEqual(engineRequest(doc), { op: 'power', input: example }, f);
    // The change to test is an A/B variant of the lab: the one that changes the same, or a new one.
    assert.deepEqual(doc.variants[doc.plan.variant].changes, example.change, f);
    assert.equal(doc.variants.length, current.variants.length + 1, `${f}: its change is a new variant`);
    const same = fromEngineDocument({ ...example, change: current.variants[0].changes }, current);
    assert.equal(same.plan.variant, 0, `${f}: a change the lab's variant makes is that variant`);
    assert.deepEqual(same.variants, current.variants);
  }
});

test('the default plan tests the first A/B variant, and a plan without a change sends none', () => {
  const doc = { ...defaultDocument(), mode: 'power' };
  const { op, input } = engineRequest(doc);
  assert.equal(op, 'power');
  assert.deepEqual(Object.keys(input), ['scenario', 'users_per_arm', 'days', 'change', 'looks']);
  assert.deepEqual(input.change, doc.variants[0].changes);
  const effect = engineRequest({ ...doc, plan: { users_per_arm: 1000, days: 14, effect: '0.05', observed: {} } }).input;
  assert.deepEqual(Object.keys(effect), ['scenario', 'users_per_arm', 'days', 'effect'], 'an effect, and no empty split check');
  assert.equal(engineRequest({ ...doc, plan: { users_per_arm: 1000, days: 14, variant: 5 } }).input.change, undefined, 'a variant no longer there');
});

test('a power file with a structural problem is refused with its path', () => {
  const example = JSON.parse(readFileSync(`${root}examples/power-ios-price-test.json`, 'utf8'));
  assert.equal(refusal({ ...example, observed: { control: 1, treatment: 2, share: '0.5' } }).path, 'observed.share');
  assert.equal(refusal({ ...example, observed: { control: 1 } }).path, 'observed');
  assert.equal(refusal({ ...example, change: ['price_multiplier'] }).path, 'change');
  assert.equal(refusal({ ...example, scenario: { ...example.scenario, viewers: [1] } }).path, 'scenario.viewers');
  assert.equal(refusal({ ...example, users: 5 }).path, 'users');
  // Values the engine judges (too few users, an effect of zero) pass the lab's check.
  assert.equal(refusal({ ...example, users_per_arm: 1, effect: '0' }), null);
});

test('a link keeps the plan, and a damaged one is refused with its path', async () => {
  const run = await nodeEngine();
  const library = new Library(JSON.parse(run({ op: 'presets', text: '{}' }).text));
  const doc = fromEngineDocument(JSON.parse(readFileSync(`${root}examples/power-ios-price-test.json`, 'utf8')), current);
  const back = expand(JSON.parse(JSON.stringify(compact(doc, library))), library);
  assert.deepEqual(back, doc);
  const old = compact({ ...defaultDocument(), mode: 'sweep' }, library);
  delete old.plan;
  assert.deepEqual(expand(old, library).plan, defaultDocument().plan, 'a link from before the plan opens the default one');
  assert.throws(() => expand({ ...compact(doc, library), plan: { users_per_arm: 10, observed: { control: 1, treatment: 2, extra: 1 } } }, library), (e) => e instanceof DocumentError && e.path === 'plan.observed.extra');
  assert.throws(() => expand({ ...compact(doc, library), plan: { scenario: {} } }, library), (e) => e.path === 'plan.scenario');
});

test('an engine error of a plan is found at its field in the document', () => {
  const doc = { mode: 'power' };
  assert.equal(documentPath(doc, 'users_per_arm'), 'plan.users_per_arm');
  assert.equal(documentPath(doc, 'observed.treatment_share'), 'plan.observed.treatment_share');
  assert.equal(documentPath(doc, 'change.price_multiplier:tiktok-ios'), 'plan.variant', 'the change is the variant picked');
  assert.equal(documentPath(doc, 'change'), 'plan.variant');
  assert.equal(documentPath(doc, 'scenario.viewers'), 'scenario.viewers');
  assert.equal(documentPath(doc, ''), '');
});
