// The lab's document checks (www/js/lab/document.js over the shapes generated from
// docs/schema/) under Node: every example and every preset passes, and a file that the engine
// would refuse for its structure is refused on import with the path of the problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { DocumentError, defaultDocument, fromEngineDocument } from '../../www/js/lab/document.js';
import { nodeEngine, root } from './engines.mjs';

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
