// The creator's side: what reaches the creator as Diamonds and cash and when it can be
// withdrawn; and the reverse question, what fans must spend for the creator to get a sum.
import { facts, h, isFocused, replace } from '../dom.js';
import { field } from '../fields.js';
import { sign } from '../decimal.js';
import { moneyInput } from '../format.js';
import { payoutPlan } from '../answers.js';

export default {
  id: 'creator',
  nav: 'Creator',
  title: 'What the creator gets',
  intro: 'Gifts become the creator’s units (Diamonds on TikTok), worth a fixed amount of cash each, paid out under a minimum, a daily limit and a delay.',

  mount(el, app) {
    const cash = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', oninput: () => app.update({ cash: cash.value }) });
    const cashField = field({ label: 'The creator wants to receive', control: cash, hint: 'Cash in the card’s currency, e.g. 100.00' });
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
        h('div', { class: 'panel' }, h('h3', { class: 'subhead', text: 'Working back from the creator' }), cashField.el, this.ui.target),
      ),
    );
    this.sync(app);
  },

  sync(app) {
    if (!isFocused(this.ui.cash)) this.ui.cash.value = app.state.cash;
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
    this.ui.earnedTitle.textContent = fromGifts ? 'From the gifts above' : 'From the coins asked for above';
    if (source) {
      const fmt = app.format(source.rate_card.currency);
      const c = source.creator;
      const unit = c.diamond_name;
      replace(
        this.ui.earned,
        h('p', { class: 'headline', dataset: { testid: 'creator-keeps' }, text: fmt.money(c.keeps) }),
        h('p', { class: 'headline-sub', text: `kept by the creator: ${fmt.percent(c.percent_of_viewer_pays)} of the ${fmt.money(source.purchase.viewer_pays)} the viewer paid` }),
        facts([
          c.diamonds ? [unit, fmt.count(c.diamonds)] : null,
          ['Earned, to the fraction of a cent', fmt.money(c.earnings_exact)],
          ['Credited, rounded down to the cent', fmt.money(c.earnings)],
          sign(c.agency) !== 0 ? ['To the agency', fmt.money(c.agency)] : null,
        ]),
        h('h3', { class: 'subhead', text: 'When it can be withdrawn' }),
        payoutPlan(source.payout, fmt),
      );
    } else replace(this.ui.earned, h('p', { class: 'empty', text: 'Ask for gifts or coins above to see the creator’s side.' }));

    const target = app.results.get('cash')?.value;
    if (target) {
      const fmt = app.format(target.rate_card.currency);
      replace(
        this.ui.target,
        h('p', { class: 'headline-label', text: 'Fans must spend' }),
        h('p', { class: 'headline', dataset: { testid: 'cash-spend' }, text: fmt.money(target.purchase.viewer_pays) }),
        h('p', { class: 'headline-sub', text: `${fmt.count(target.purchase.coins)} ${app.card().coin_name ?? 'coins'} in ${fmt.count(target.purchase.purchase_count)} purchases, gifted, for the creator to keep ${fmt.money(target.creator.keeps)}` }),
        facts([
          ['Reaches the bank', fmt.money(target.payout.total_received)],
          ['Last money arrives', target.payout.last_arrival_day == null ? 'not yet withdrawable' : `after ${fmt.days(target.payout.last_arrival_day)}`],
        ]),
      );
    } else replace(this.ui.target);
  },
};
