// The creator's side: what reaches the creator as Diamonds and cash and when it can be
// withdrawn; and the reverse question, what fans must spend for the creator to get a sum.
import { facts, h, isFocused, replace } from '../dom.js';
import { field } from '../fields.js';
import { sign } from '../decimal.js';
import { moneyInput } from '../format.js';
import { t } from '../i18n.js';
import { payoutPlan, purchaseCount, unitCount, unitName } from '../answers.js';
import { keptValue, shownValue } from './coins-money.js';

export default {
  id: 'creator',
  get nav() {
    return t('calc.creator.nav');
  },
  get title() {
    return t('calc.creator.title');
  },
  get intro() {
    return t('calc.creator.intro');
  },

  mount(el, app) {
    const cash = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', oninput: () => app.update({ cash: keptValue(cash.value, 'money') }) });
    const cashField = field({ label: t('calc.creator.wants'), control: cash, hint: t('calc.creator.wants_hint', { example: app.fmt.decimal('100.00') }) });
    this.ui = {
      cash,
      cashField,
      earned: h('div', { class: 'answer', 'aria-live': 'polite', dataset: { answers: 'gifts coins' } }),
      earnedTitle: h('h3', { class: 'subhead' }),
      target: h('div', { class: 'answer', 'aria-live': 'polite', dataset: { answers: 'cash' } }),
    };
    replace(
      el,
      h(
        'div',
        { class: 'two-up' },
        h('div', { class: 'panel' }, this.ui.earnedTitle, this.ui.earned),
        h('div', { class: 'panel' }, h('h3', { class: 'subhead', text: t('calc.creator.working_back') }), cashField.el, this.ui.target),
      ),
    );
    this.sync(app);
  },

  sync(app) {
    if (!isFocused(this.ui.cash)) this.ui.cash.value = shownValue(app.state.cash, app.fmt, 'money');
  },

  queries(app) {
    return {
      cash: {
        op: 'quote',
        input: { rate_card: app.cardInput(), creator_cash: moneyInput(app.state.cash, app.fmt.decimalSeparator), compare_channels: false },
      },
    };
  },

  render(app) {
    app.fields.register('cash', 'creator_cash', this.ui.cashField);
    // The creator's side of the gifts asked above, or of the coins when the card has no gifts.
    const fromGifts = app.results.get('gifts')?.value;
    const source = fromGifts ?? app.results.get('coins')?.value;
    this.ui.earnedTitle.textContent = fromGifts ? t('calc.creator.from_gifts') : t('calc.creator.from_coins');
    if (source) {
      const fmt = app.format(source.rate_card.currency);
      const c = source.creator;
      replace(
        this.ui.earned,
        h('p', { class: 'headline', dataset: { testid: 'creator-keeps' }, text: fmt.money(c.keeps) }),
        h('p', { class: 'headline-sub', text: t('calc.creator.kept', { percent: fmt.percent(c.percent_of_viewer_pays), paid: fmt.money(source.purchase.viewer_pays) }) }),
        facts([
          c.diamonds ? [unitName(c.diamond_name), fmt.count(c.diamonds)] : null,
          [t('calc.creator.earned'), fmt.money(c.earnings_exact)],
          [t('calc.creator.credited'), fmt.money(c.earnings)],
          sign(c.agency) !== 0 ? [t('calc.creator.agency'), fmt.money(c.agency)] : null,
        ]),
        h('h3', { class: 'subhead', text: t('calc.creator.withdrawn') }),
        payoutPlan(source.payout, fmt),
      );
    } else replace(this.ui.earned, h('p', { class: 'empty', text: t('calc.creator.ask') }));

    const target = app.results.get('cash')?.value;
    if (target) {
      const fmt = app.format(target.rate_card.currency);
      replace(
        this.ui.target,
        h('p', { class: 'headline-label', text: t('calc.creator.fans_spend') }),
        h('p', { class: 'headline', dataset: { testid: 'cash-spend' }, text: fmt.money(target.purchase.viewer_pays) }),
        h('p', { class: 'headline-sub', text: t('calc.creator.target', { coins: unitCount(fmt, target.purchase.coins, app.card().coin_name), purchases: purchaseCount(fmt, target.purchase.purchase_count), keeps: fmt.money(target.creator.keeps) }) }),
        facts([
          [t('calc.creator.reaches_bank'), fmt.money(target.payout.total_received)],
          [t('calc.creator.last_arrives'), target.payout.last_arrival_day == null ? t('calc.creator.not_withdrawable') : t('calc.creator.after', { days: fmt.days(target.payout.last_arrival_day) })],
        ]),
      );
    } else replace(this.ui.target);
  },
};
