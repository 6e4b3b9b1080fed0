// The page's one formatting path (www/js/format.js over www/js/decimal.js) under Node: the
// engine's decimal strings are shown with exactly their digits in every locale, never through a
// float and never rounded a second time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatter, moneyInput } from '../../www/js/format.js';
import { percentOf, readTyped, sum, times } from '../../www/js/decimal.js';
import { readField } from '../../www/js/fields.js';
import { setLanguage } from '../../www/js/i18n.js';

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

// What people type, read exactly in the number locale (decimal.js `readTyped`, fields.js
// `readField`): separators of either convention where they cannot be misread, currency and
// percent signs, full-width digits and no-break spaces; a plain sentence for anything else.

const EN = { decimal: '.', group: ',' };
const DE = { decimal: ',', group: '.' };
const FR = { decimal: ',', group: '\u202f' };

test('typed numbers are read per the number locale, every digit kept', () => {
  const cases = [
    // [typed, signs, value]
    ['1,000.00', EN, '1000.00'],
    ['1.000,00', DE, '1000.00'],
    ['1.000,00', EN, '1000.00'], // both signs: only one reading
    ['1,000.00', DE, '1000.00'],
    ['1,000', EN, '1000'],
    ['1,000', DE, '1.000'], // the German decimal comma
    ['1.000', DE, '1000'],
    ['1.000', EN, '1.000'], // the English decimal point
    ['1,00,000', EN, '100000'], // Indian grouping
    ['1 000,50', FR, '1000.50'],
    ['1\u00a0000,50', FR, '1000.50'],
    ['1\u202f000,50', FR, '1000.50'],
    ["1'000.50", EN, '1000.50'],
    ['12,50', EN, '12.50'], // a lone comma that cannot group digits
    ['1.5', DE, '1.5'],
    ['0,10', DE, '0.10'],
    ['.5', EN, '0.5'],
    ['5.', EN, '5'],
    ['007', EN, '7'],
    ['-0.5', EN, '-0.5'],
    ['−0,5', DE, '-0.5'],
    ['-0', EN, '0'],
    ['99999999999999999999.99', EN, '99999999999999999999.99'], // beyond any float
  ];
  for (const [typed, signs, value] of cases) {
    assert.equal(readTyped(typed, signs).value, value, `${JSON.stringify(typed)} with ${JSON.stringify(signs)}`);
  }
});

test('full-width digits and signs are read as their ASCII forms (Japanese input)', () => {
  assert.equal(readTyped('１，０００', EN).value, '1000');
  assert.equal(readTyped('１２．５', EN).value, '12.5');
  assert.deepEqual(readTyped('３０％', EN), { value: '30', currency: false, percent: true });
  assert.deepEqual(readTyped('＄２０', EN), { value: '20', currency: true, percent: false });
  assert.deepEqual(readTyped('５００円', EN), { value: '500', currency: true, percent: false });
  assert.deepEqual(readTyped('１\u3000０００', FR), { value: '1000', currency: false, percent: false });
});

test('currency and percent signs are taken off, and said to have been there', () => {
  const cases = [
    ['$20', EN, { value: '20', currency: true, percent: false }],
    ['20 $', EN, { value: '20', currency: true, percent: false }],
    ['€ 4,99', DE, { value: '4.99', currency: true, percent: false }],
    ['4,99 €', DE, { value: '4.99', currency: true, percent: false }],
    ['US$ 1,234.56', EN, { value: '1234.56', currency: true, percent: false }],
    ['USD 5', EN, { value: '5', currency: true, percent: false }],
    ['5 EUR', DE, { value: '5', currency: true, percent: false }],
    ['¥1,500', EN, { value: '1500', currency: true, percent: false }],
    ['-$20', EN, { value: '-20', currency: true, percent: false }],
    ['$-20', EN, { value: '-20', currency: true, percent: false }],
    ['30 %', EN, { value: '30', currency: false, percent: true }],
    ['30%', EN, { value: '30', currency: false, percent: true }],
    ['7,5 %', DE, { value: '7.5', currency: false, percent: true }],
  ];
  for (const [typed, signs, read] of cases) assert.deepEqual(readTyped(typed, signs), read, typed);
});

test('ambiguous and unreadable input is refused, never guessed', () => {
  const cases = [
    ['', EN, 'empty'],
    ['   ', EN, 'empty'],
    ['1.000', FR, 'ambiguous'], // French groups with a space: a thousand, or one?
    ['12,3,4', EN, 'unreadable'],
    ['1,0.5', EN, 'unreadable'],
    ['1.2.3,4', DE, 'unreadable'],
    ['abc', EN, 'unreadable'],
    ['NaN', EN, 'unreadable'],
    ['1e3', EN, 'unreadable'],
    ['$$5', EN, 'unreadable'],
    ['20%%', EN, 'unreadable'],
    ['--5', EN, 'unreadable'],
  ];
  for (const [typed, signs, problem] of cases) assert.deepEqual(readTyped(typed, signs), { problem }, JSON.stringify(typed));
});

test('a field reads its kind of number and says what to type when it cannot', async () => {
  await setLanguage('en');
  assert.deepEqual(readField('$1,000.00', 'money', 'en-US'), { value: '1000.00' });
  assert.deepEqual(readField('1.000,00 €', 'money', 'de-DE'), { value: '1000.00' });
  assert.deepEqual(readField('30 %', 'rate', 'en-US'), { value: '0.30' });
  assert.deepEqual(readField('0.3', 'rate', 'en-US'), { value: '0.3' });
  assert.deepEqual(readField('5 %', 'percent', 'en-US'), { value: '5' });
  assert.deepEqual(readField('1,000', 'whole', 'en-US'), { value: 1000 });
  assert.deepEqual(readField('１０００', 'whole', 'ja-JP'), { value: 1000 });
  assert.deepEqual(readField('-0.5', 'number', 'en-US'), { value: '-0.5' });
  assert.deepEqual(readField('twelve', 'money', 'en-US'), { error: 'Type an amount like 1,000.00.' });
  assert.deepEqual(readField('$5', 'number', 'en-US'), { error: 'Type a number like 2.5.' }, 'no currency where a plain number goes');
  assert.deepEqual(readField('5 %', 'money', 'en-US'), { error: 'Type an amount like 1,000.00.' }, 'no percent where money goes');
  assert.deepEqual(readField('1.5', 'whole', 'en-US'), { error: 'Type a whole number like 1,000.' });
  assert.deepEqual(readField('9007199254740993', 'whole', 'en-US'), { error: 'Type a whole number like 1,000.' }, 'no whole number JavaScript cannot hold');
  assert.deepEqual(readField('x', 'rate', 'en-US'), { error: 'Type a share like 0.3 or 30%.' });
  assert.deepEqual(readField('1.000', 'money', 'fr-FR'), { error: '“1.000” could be read two ways. Type it like 1\u202f000,00.' });
  await setLanguage('de');
  assert.deepEqual(readField('zwölf', 'money', 'de-DE'), { error: 'Geben Sie einen Betrag wie 1.000,00 ein.' });
  await setLanguage('ja');
  assert.deepEqual(readField('十二', 'whole', 'ja-JP'), { error: '1,000 のように整数を入力してください。' });
  await setLanguage('es');
  assert.deepEqual(readField('doce', 'number', 'es-ES'), { error: 'Escribe un número como 2,5.' });
  await setLanguage('en');
});

test('money typed on the calculator is read the same way; what cannot be read goes on as typed', () => {
  assert.equal(moneyInput('12,50', ','), '12.50');
  assert.equal(moneyInput('1.234,50', ','), '1234.50');
  assert.equal(moneyInput('$20', '.'), '20');
  assert.equal(moneyInput(' 1,000.00 ', '.'), '1000.00');
  assert.equal(moneyInput('12,3,4', '.'), '12,3,4', 'the engine judges what the page cannot read');
  assert.equal(moneyInput('', '.'), '');
});
