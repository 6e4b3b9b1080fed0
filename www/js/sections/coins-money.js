// Coins and money in both directions: "I want N coins" and "I want to spend X".
import { facts, h, isFocused, replace } from '../dom.js';
import { field } from '../fields.js';
import { moneyInput, unitCount } from '../format.js';
import { purchaseLines, simplerPurchase } from '../answers.js';

/** A count as typed: a number when it is one, else the text itself for the engine to judge. */
export function countInput(text) {
  const t = String(text).trim();
  return /^\d{1,15}$/.test(t) ? Number(t) : t;
}

export default {
  id: 'coins-money',
  nav: 'Coins and money',
  title: 'Coins and money, both ways',
  intro: 'How much a number of coins costs, and how many coins a budget buys, at the cheapest mix of bundles.',

  mount(el, app) {
    const coins = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', oninput: () => app.update({ coins: coins.value }) });
    const spend = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', oninput: () => app.update({ spend: spend.value }) });
    const coinsField = field({ label: 'I want this many coins', control: coins });
    const spendField = field({ label: 'I want to spend', control: spend, hint: 'An amount in the card’s currency, e.g. 25.00' });
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
    if (!isFocused(coins)) coins.value = app.state.coins;
    if (!isFocused(spend)) spend.value = app.state.spend;
  },

  queries(app) {
    const rate_card = app.cardInput();
    return {
      coins: { op: 'quote', input: { rate_card, coins: countInput(app.state.coins), compare_channels: false } },
      spend: { op: 'quote', input: { rate_card, spend: moneyInput(app.state.spend, app.fmt.decimalSeparator), compare_channels: false } },
    };
  },

  render(app) {
    const { coinsField, spendField, coinsAnswer, spendAnswer } = this.ui;
    app.fields.register('coins', 'coins', coinsField);
    app.fields.register('spend', 'spend', spendField);
    const coinName = app.card().coin_name ?? 'coins';
    coinsField.el.querySelector('label').textContent = `I want this many ${coinName}`;

    const byCoins = app.results.get('coins')?.value;
    if (byCoins) {
      const fmt = app.format(byCoins.rate_card.currency);
      replace(
        coinsAnswer,
        h('p', { class: 'headline', dataset: { testid: 'coins-total' }, text: fmt.money(byCoins.purchase.viewer_pays) }),
        h(
          'p',
          { class: 'headline-sub' },
          `for ${unitCount(fmt, byCoins.question.coins, coinName)}`,
          byCoins.simplest ? h('span', { class: 'headline-count', text: `Cheapest: ${unitCount(fmt, byCoins.purchase.purchase_count, 'purchases')}` }) : null,
        ),
        purchaseLines(byCoins.purchase, fmt, coinName),
        facts([
          [`${coinName} received`, fmt.count(byCoins.purchase.coins)],
          ['Beyond what you asked', fmt.count(byCoins.purchase.leftover_coins)],
          ['Price per coin', fmt.money(byCoins.purchase.price_per_coin)],
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
        h('p', { class: 'headline-sub', text: `for ${fmt.money(bySpend.purchase.viewer_pays)} of your ${fmt.money(bySpend.question.spend)}` }),
        purchaseLines(bySpend.purchase, fmt, coinName),
        facts([
          ['Left of the budget', fmt.money(bySpend.purchase.budget_left ?? '0')],
          ['Price per coin', fmt.money(bySpend.purchase.price_per_coin)],
        ]),
      );
    } else replace(spendAnswer);
  },
};
