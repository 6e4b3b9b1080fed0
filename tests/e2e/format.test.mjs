// The page's one formatting path (www/js/format.js over www/js/decimal.js) under Node: the
// engine's decimal strings are shown with exactly their digits in every locale, never through a
// float and never rounded a second time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatter } from '../../www/js/format.js';
import { percentOf, sum, times } from '../../www/js/decimal.js';

const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ');

test('money keeps every digit the engine gives, in any locale', () => {
  const us = formatter('en-US', 'USD');
  assert.equal(us.money('0.02'), '$0.02');
  assert.equal(us.money('149.995'), '$149.995');
  assert.equal(us.money('0.015128'), '$0.015128');
  assert.equal(us.money('1219999999878000000.00'), '$1,219,999,999,878,000,000.00');
  assert.equal(us.money('-71272085281668613.12'), '-$71,272,085,281,668,613.12');
  assert.equal(plain(formatter('de-DE', 'EUR').money('149.995')), '149,995 €');
  assert.equal(plain(formatter('ja-JP', 'JPY').money('1500')), '￥1,500');
  assert.equal(us.money('not a number'), '—');
  assert.equal(us.decimal('7.10'), '7.10');
  assert.equal(plain(formatter('de-DE', 'EUR').decimal('1234.50')), '1.234,50');
});

test('percentages are the engine\u2019s figures; rates are the card\u2019s fractions', () => {
  const us = formatter('en-US', 'USD');
  assert.equal(us.percent('30.08'), '30.08%');
  assert.equal(us.percent('0.00'), '0.00%');
  assert.equal(us.rate('0.3'), '30%');
  assert.equal(us.rate('0.0299'), '2.99%');
  assert.equal(plain(formatter('fr-FR', 'EUR').percent('33.05')), '33,05 %');
});

test('sums and products of decimal strings are exact', () => {
  assert.equal(sum(['0.1', '0.2']), '0.3');
  assert.equal(sum(['99999999999999999.99', '0.01']), '100000000000000000.00');
  assert.equal(times('0.99', 3), '2.97');
  assert.equal(percentOf('149.99', '453.85'), '33.05');
});
