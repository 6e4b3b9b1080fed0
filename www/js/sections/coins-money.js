// Coins and money in both directions: "I want N coins" and "I want to spend X".
import { facts, h, isFocused, replace } from '../dom.js';
import { pageError } from '../errors.js';
import { field, readField } from '../fields.js';
import { moneyInput } from '../format.js';
import { t } from '../i18n.js';
import { purchaseCount, purchaseLines, simplerPurchase, unitCount, unitName } from '../answers.js';

/**
 * A count as typed, read in the number format ("1,000" in en-US, "1.000" in de-DE): a number
 * when it is one, else the text itself for the engine to judge.
 */
export function countInput(text) {
  return readField(text, 'whole').value ?? String(text).trim();
}

/**
 * What a typed figure is kept as in the state (and so in the link): the engine's form when it can
 * be read in the number format ("1.000,50" → "1000.50", "$20" → "20"), so a link reads the same
 * in every number format; else the text as typed, for the engine to judge. `kind` is a kind of
 * fields.js `readField` ("money", "whole").
 */
export function keptValue(text, kind) {
  const { value } = readField(text, kind);
  return value === undefined ? text : String(value);
}

/** A kept figure as its field shows it: in the number format when it is in the engine's form. */
export function shownValue(value, fmt, kind) {
  const text = String(value ?? '');
  if (kind === 'whole') return /^\d{1,15}$/.test(text) ? fmt.count(Number(text)) : text;
  return /^\d+(\.\d+)?$/.test(text) ? fmt.decimal(text) : text;
}

/** Why a count as typed cannot be read, as an error at `path` (people's words), or null. */
export function countError(text, path) {
  const { error } = readField(text, 'whole');
  return error ? pageError('invalid_value', error, path) : null;
}

export default {
  id: 'coins-money',
  get nav() {
    return t('calc.coins.nav');
  },
  get title() {
    return t('calc.coins.title');
  },
  get intro() {
    return t('calc.coins.intro');
  },

  mount(el, app) {
    const coins = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', oninput: () => app.update({ coins: keptValue(coins.value, 'whole') }) });
    const spend = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', oninput: () => app.update({ spend: keptValue(spend.value, 'money') }) });
    const coinsField = field({ label: t('calc.coins.want', { coins: unitName(app.card().coin_name) }), control: coins });
    const spendField = field({ label: t('calc.coins.spend'), control: spend, hint: t('calc.coins.spend_hint', { example: app.fmt.decimal('25.00') }) });
    this.ui = { coins, spend, coinsField, spendField, coinsAnswer: h('div', { class: 'answer', 'aria-live': 'polite', dataset: { answers: 'coins' } }), spendAnswer: h('div', { class: 'answer', 'aria-live': 'polite', dataset: { answers: 'spend' } }) };
    replace(
      el,
      h(
        'div',
        { class: 'two-up' },
        h('div', { class: 'panel' }, coinsField.el, this.ui.coinsAnswer),
        h('div', { class: 'panel' }, spendField.el, this.ui.spendAnswer),
      ),
    );
    this.sync(app);
  },

  sync(app) {
    const { coins, spend } = this.ui;
    if (!isFocused(coins)) coins.value = shownValue(app.state.coins, app.fmt, 'whole');
    if (!isFocused(spend)) spend.value = shownValue(app.state.spend, app.fmt, 'money');
  },

  queries(app) {
    const rate_card = app.cardInput();
    const coinsError = countError(app.state.coins, 'coins');
    return {
      coins: coinsError ? { error: coinsError } : { op: 'quote', input: { rate_card, coins: countInput(app.state.coins), compare_channels: false } },
      spend: { op: 'quote', input: { rate_card, spend: moneyInput(app.state.spend, app.fmt.decimalSeparator), compare_channels: false } },
    };
  },

  render(app) {
    const { coinsField, spendField, coinsAnswer, spendAnswer } = this.ui;
    app.fields.register('coins', 'coins', coinsField);
    app.fields.register('spend', 'spend', spendField);
    const coinName = app.card().coin_name;
    coinsField.el.querySelector('label').textContent = t('calc.coins.want', { coins: unitName(coinName) });

    const byCoins = app.results.get('coins')?.value;
    if (byCoins) {
      const fmt = app.format(byCoins.rate_card.currency);
      replace(
        coinsAnswer,
        h('p', { class: 'headline', dataset: { testid: 'coins-total' }, text: fmt.money(byCoins.purchase.viewer_pays) }),
        h(
          'p',
          { class: 'headline-sub' },
          t('calc.coins.for', { coins: unitCount(fmt, byCoins.question.coins, coinName) }),
          byCoins.simplest ? h('span', { class: 'headline-count', text: t('calc.gift.cheapest', { purchases: purchaseCount(fmt, byCoins.purchase.purchase_count) }) }) : null,
        ),
        purchaseLines(byCoins.purchase, fmt, coinName),
        facts([
          [t('calc.coins.received', { coins: unitName(coinName) }), fmt.count(byCoins.purchase.coins)],
          [t('calc.coins.beyond'), fmt.count(byCoins.purchase.leftover_coins)],
          [t('calc.coins.price_per_coin'), fmt.money(byCoins.purchase.price_per_coin)],
        ]),
        simplerPurchase(byCoins.simplest, fmt, coinName, 'coins-simpler'),
      );
    } else replace(coinsAnswer);

    const bySpend = app.results.get('spend')?.value;
    if (bySpend) {
      const fmt = app.format(bySpend.rate_card.currency);
      replace(
        spendAnswer,
        h('p', { class: 'headline', dataset: { testid: 'spend-coins' }, text: unitCount(fmt, bySpend.purchase.coins, coinName) }),
        h('p', { class: 'headline-sub', text: t('calc.coins.of_budget', { paid: fmt.money(bySpend.purchase.viewer_pays), budget: fmt.money(bySpend.question.spend) }) }),
        purchaseLines(bySpend.purchase, fmt, coinName),
        facts([
          [t('calc.coins.budget_left'), fmt.money(bySpend.purchase.budget_left ?? '0')],
          [t('calc.coins.price_per_coin'), fmt.money(bySpend.purchase.price_per_coin)],
        ]),
      );
    } else replace(spendAnswer);
  },
};
