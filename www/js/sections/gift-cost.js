// "What a gift really costs": pick gifts, see the cheapest way to buy their coins, the real cost
// of each gift, the coins left over, and what the platform's other channels would charge.
import { append, facts, h, isFocused, replace } from '../dom.js';
import { describeError } from '../errors.js';
import { field } from '../fields.js';
import { t } from '../i18n.js';
import { purchaseCount, purchaseLines, simplerPurchase, table, unitCount, unitName } from '../answers.js';
import { shortName } from '../rate-card.js';
import { abs, sign } from '../decimal.js';
import { exchangeError, exchangePath, exchangeRates, personInput } from './spending-check/person.js';
import { badge, checkMessage } from './spending-check/verdicts.js';

export default {
  id: 'gift-cost',
  get nav() {
    return t('calc.gift.nav');
  },
  get title() {
    return t('calc.gift.title');
  },
  get intro() {
    return t('calc.gift.intro');
  },

  mount(el, app) {
    const search = h('input', {
      type: 'search',
      autocomplete: 'off',
      placeholder: t('calc.gift.search_placeholder'),
      oninput: () => {
        this.filter();
        this.unmark();
      },
    });
    // Says so when a gift chosen is already in the list (instead of adding it twice).
    const notice = h('p', { class: 'gift-notice', role: 'status' });
    const chips = h('ul', { class: 'gift-chips', 'aria-label': t('calc.gift.chips') });
    const basket = h('ul', { class: 'basket', 'aria-label': t('calc.gift.basket') });
    const answer = h('div', { class: 'answer', 'aria-live': 'polite', dataset: { answers: 'gifts' } });
    const details = h('div', { class: 'answer-details', dataset: { answers: 'gifts' } });
    const picker = h('div', { class: 'picker' });
    const checkBox = h('input', { type: 'checkbox', id: `${this.id}-check`, onchange: () => app.update({ check: checkBox.checked }) });
    const checkHint = h('span', { class: 'muted block', id: `${this.id}-check-hint` });
    checkBox.setAttribute('aria-describedby', checkHint.id);
    const check = h('div', { class: 'gift-check', 'aria-live': 'polite', dataset: { answers: 'gift-check' } });
    this.ui = { search, notice, chips, basket, answer, details, picker, checkBox, checkHint, check, catalogueKey: null, basketKey: null, app };
    // The price comes first in the reading order: beside the picker on a wide screen, above
    // it on a narrow one (page.css, .gift-layout), so a phone shows it before the gifts.
    replace(
      el,
      h(
        'div',
        { class: 'split gift-layout' },
        h('div', { class: 'result gift-answer' }, answer),
        append(picker, [
          field({ label: t('calc.gift.find'), control: search, hint: t('calc.gift.find_hint') }).el,
          notice,
          chips,
          h('h3', { class: 'subhead', text: t('calc.gift.yours') }),
          basket,
        ]),
        h(
          'div',
          { class: 'result gift-more' },
          h(
            'div',
            { class: 'gift-check-box' },
            h('div', { class: 'check' }, checkBox, h('label', { for: checkBox.id }, t('calc.gift.check'), checkHint)),
            check,
          ),
          details,
        ),
      ),
    );
  },

  queries(app) {
    const gifts = app.presets.giftsOf(app.card());
    if (!gifts.length || !app.state.gifts.length) return { gifts: null, 'gift-check': null };
    const input = { rate_card: app.cardInput(), gifts: app.state.gifts.map((g) => ({ gift: g.gift, count: g.count })) };
    return { gifts: { op: 'quote', input }, 'gift-check': app.state.check ? this.checkQuery(app, input) : null };
  },

  /**
   * The same purchase checked against the spending check's person and rules, now: asked apart
   * from the answer, so a rule the purchase breaks (or a missing exchange rate) never hides it.
   */
  checkQuery(app, input) {
    const { person, error } = personInput(app);
    if (error) return { error, notice: false };
    const checked = { ...input, compare_channels: false, rule_set: app.ruleSetInput(), person, at: new Date().toISOString() };
    // Only the card's currency is converted here: the purchase is in it.
    const rates = exchangeRates(app, { events: false });
    if (rates) checked.exchange_rates = rates;
    return { op: 'quote', input: checked, mapPath: exchangePath(app), mapError: exchangeError(app), notice: false };
  },

  sync(app) {
    this.ui.basketKey = null;
    this.ui.checkBox.checked = app.state.check;
  },

  /** The spending check of the purchase: may this person buy these coins and send these gifts? */
  renderCheck(app) {
    const { check, checkHint, checkBox } = this.ui;
    const rs = app.ruleSet();
    checkBox.checked = app.state.check;
    const age = String(app.state.age).trim() || '?';
    const rules = rs?.name ?? app.state.rules;
    checkHint.textContent = ` ${app.state.region ? t('calc.gift.check_hint_in', { age, region: app.state.region, rules }) : t('calc.gift.check_hint', { age, rules })}`;
    if (!app.state.check) return replace(check);
    const result = app.results.get('gift-check');
    if (result?.error) {
      return replace(
        check,
        h('p', { class: 'notice-error', text: t('calc.gift.not_checked', { reason: describeError(result.error) }) }),
        h('a', { href: '#spending-check', text: t('calc.gift.change_person') }),
      );
    }
    const value = result?.value?.spending_check;
    if (!value) return replace(check);
    const [buy, gift] = value.verdicts;
    // One message per outcome, with and without the region: "a 15-year-old in FR".
    const outcome =
      buy?.verdict === 'block' ? 'no_buy' : gift?.verdict === 'block' ? 'no_gift' : buy?.verdict === 'warn' || gift?.verdict === 'warn' ? 'warn' : 'ok';
    const params = { age: value.person.age, region: value.person.region, rules: value.rule_set.name };
    const sentence = t(`calc.gift.check_${outcome}${value.person.region ? '_in' : ''}`, params);
    const worst = [buy, gift].some((v) => v?.verdict === 'block') ? 'block' : [buy, gift].some((v) => v?.verdict === 'warn') ? 'warn' : 'ok';
    replace(
      check,
      h('p', { class: `gift-check-verdict is-${worst}`, dataset: { testid: 'gift-check' } }, badge(worst), ' ', sentence),
      h(
        'ul',
        { class: 'gift-check-list' },
        [buy && ['calc.gift.check_buying', buy], gift && ['calc.gift.check_sending', gift]].filter(Boolean).map(([what, v]) => h('li', null, badge(v.verdict), ` ${t(what, { message: checkMessage(v, { amount: v.amount, fmt: app.format(value.rule_set.currency), action: v.action }, app) })}`)),
      ),
    );
  },

  render(app) {
    const { answer, details } = this.ui;
    const catalogue = app.presets.giftsOf(app.card());
    this.renderChips(app, catalogue);
    this.renderBasket(app, catalogue);

    this.renderCheck(app);
    const { value } = app.results.get('gifts') ?? {};
    // A card without gifts (Twitch Bits, Super Chat…) keeps the basket for when one returns.
    this.ui.picker.hidden = !catalogue.length;
    this.ui.picker.parentElement.classList.toggle('split--single', !catalogue.length);
    if (!catalogue.length) {
      replace(answer, h('p', { class: 'empty', text: t('calc.gift.no_catalogue', { card: shortName(app.card()), coins: unitName(app.card().coin_name) }) }));
      replace(details);
      return;
    }
    if (!app.state.gifts.length || !value) {
      replace(answer, h('p', { class: 'empty', text: t('calc.gift.add_one') }));
      replace(details);
      return;
    }
    const fmt = app.format(value.rate_card.currency);
    const coinName = app.card().coin_name;
    const what = value.spent.map((s) => t('calc.gift.times', { gift: s.name, count: fmt.count(s.count) })).join(t('calc.list.separator'));
    replace(
      answer,
      h('p', { class: 'headline-label', text: t('calc.gift.you_pay') }),
      h('p', { class: 'headline', dataset: { testid: 'gift-total' }, text: fmt.money(value.purchase.viewer_pays) }),
      h(
        'p',
        { class: 'headline-sub' },
        t('calc.gift.for', { gifts: what, coins: unitCount(fmt, value.coins_needed, coinName), card: shortName(value.rate_card) }),
        // With a simpler way beside it, the headline says it is the cheapest, and in how many purchases.
        value.simplest ? h('span', { class: 'headline-count', dataset: { testid: 'gift-cheapest' }, text: t('calc.gift.cheapest', { purchases: purchaseCount(fmt, value.purchase.purchase_count) }) }) : null,
      ),
      simplerPurchase(value.simplest, fmt, coinName, 'gift-simpler'),
    );
    const left = unitCount(fmt, value.unspent.coins, coinName);
    replace(
      details,
      h('h3', { class: 'subhead', text: t('calc.gift.cheapest_way') }),
      purchaseLines(value.purchase, fmt, coinName),
      facts([
        [t('calc.gift.coins_bought', { coins: unitName(coinName) }), fmt.count(value.purchase.coins)],
        [t('calc.gift.left_over'), value.unspent.coins ? t('calc.gift.left_over_cost', { coins: left, cost: fmt.money(value.unspent.cost) }) : left],
        [t('calc.gift.price_per', { coin: unitName(coinName, 1) }), fmt.money(value.purchase.price_per_coin)],
        [t('calc.gift.purchases'), fmt.count(value.purchase.purchase_count)],
        value.purchase.price !== value.purchase.viewer_pays ? [t('calc.gift.before_tax'), fmt.money(value.purchase.price)] : null,
      ]),
      h('h3', { class: 'subhead', text: t('calc.gift.each_cost') }),
      table({
        head: [t('calc.gift.head.gift'), t('calc.gift.head.count'), unitName(coinName), t('calc.gift.head.cost'), t('calc.gift.head.credited')],
        scrollHint: true,
        numeric: [1, 2, 3, 4],
        rows: value.spent.map((s) => [s.name, fmt.count(s.count), fmt.count(s.coins), fmt.money(s.cost), fmt.money(s.creator_credited)]),
      }),
      channels(value, fmt),
    );
  },

  renderChips(app, catalogue) {
    const key = JSON.stringify(catalogue.map((g) => g.id));
    if (key === this.ui.catalogueKey) return;
    this.ui.catalogueKey = key;
    const fmt = app.fmt;
    replace(
      this.ui.chips,
      catalogue.map((gift) =>
        h(
          'li',
          { dataset: { search: `${gift.name} ${gift.id}`.toLowerCase() } },
          h(
            'button',
            { type: 'button', class: 'chip', onclick: () => this.add(gift.id) },
            h('span', { class: 'sr-only', text: `${t('calc.gift.add')} ` }),
            h('span', { class: 'chip-name', text: gift.name }),
            h('span', { class: 'chip-coins', text: fmt.count(gift.coins) }),
            h('span', { class: 'sr-only', text: ` ${unitName(null, gift.coins)}` }),
          ),
        ),
      ),
    );
    this.ui.search.disabled = !catalogue.length;
    this.ui.search.onkeydown = (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      this.ui.chips.querySelector('li:not([hidden]) button')?.click();
    };
    this.filter();
  },

  filter() {
    const words = this.ui.search.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
    for (const li of this.ui.chips.children) li.hidden = !words.every((w) => li.dataset.search.includes(w));
  },

  /**
   * Adds a gift to the list. One already there is not added again: the list says so and
   * points to its row, where its number is changed.
   */
  add(id) {
    const { app } = this.ui;
    const index = app.state.gifts.findIndex((g) => g.gift === id);
    if (index >= 0) return this.pointTo(index);
    this.unmark();
    this.ui.basketKey = null;
    this.countFocus = id;
    app.update({ gifts: [...app.state.gifts.map((g) => ({ ...g })), { gift: id, count: 1 }] });
  },

  /** Points to gift `index` of the list: says it is there, marks its row, focuses its number. */
  pointTo(index) {
    const { app, basket, notice } = this.ui;
    const row = basket.children[index];
    const name = app.presets.giftsOf(app.card()).find((g) => g.id === app.state.gifts[index].gift)?.name ?? app.state.gifts[index].gift;
    this.unmark();
    notice.textContent = t('calc.gift.already', { name });
    row?.classList.add('is-found');
    row?.querySelector('input')?.focus();
  },

  /** Clears what `pointTo` said and marked. */
  unmark() {
    this.ui.notice.textContent = '';
    this.ui.basket.querySelector('.is-found')?.classList.remove('is-found');
  },

  renderBasket(app, catalogue) {
    const key = JSON.stringify([app.state.gifts.map((g) => g.gift), app.fmt.locale, catalogue.length]);
    const byId = new Map(catalogue.map((g) => [g.id, g]));
    if (key !== this.ui.basketKey) {
      this.ui.basketKey = key;
      replace(
        this.ui.basket,
        app.state.gifts.length
          ? app.state.gifts.map((g, i) => this.basketRow(app, g, i, byId.get(g.gift)))
          : h('li', { class: 'empty', text: catalogue.length ? t('calc.gift.none_yet') : t('calc.gift.none_on_card') }),
      );
    } else {
      this.ui.basket.querySelectorAll('input[data-index]').forEach((input) => {
        const g = app.state.gifts[Number(input.dataset.index)];
        if (g && !isFocused(input) && input.value !== String(g.count)) input.value = String(g.count);
      });
    }
    for (const [i, g] of app.state.gifts.entries()) {
      const row = this.ui.basket.children[i];
      if (row?.registration) {
        app.fields.register('gifts', `gifts[${i}].count`, row.registration);
        app.fields.register('gifts', `gifts[${i}]`, row.registration);
      }
    }
    if (this.countFocus) {
      const index = app.state.gifts.findIndex((g) => g.gift === this.countFocus);
      this.countFocus = null;
      this.ui.basket.querySelector(`input[data-index="${index}"]`)?.focus();
    }
  },

  basketRow(app, g, i, gift) {
    const name = gift?.name ?? g.gift;
    const count = h('input', {
      type: 'number',
      min: '0',
      step: '1',
      inputmode: 'numeric',
      value: String(g.count),
      dataset: { index: String(i) },
      oninput: () => {
        this.unmark();
        const gifts = app.state.gifts.map((x) => ({ ...x }));
        gifts[i].count = /^\d{1,15}$/.test(count.value) ? Number(count.value) : count.value;
        app.update({ gifts });
      },
    });
    const f = field({ label: t('calc.gift.how_many', { name }), control: count, className: 'field--count' });
    const row = h(
      'li',
      { class: 'basket-row' },
      h('span', { class: 'basket-name' }, h('strong', { text: name }), h('span', { class: 'muted', text: ` ${gift ? t('calc.gift.each', { coins: unitCount(app.fmt, gift.coins) }) : t('calc.gift.not_on_card')}` })),
      f.el,
      h('button', {
        type: 'button',
        class: 'button button--quiet',
        'aria-label': t('calc.gift.remove_named', { name }),
        text: t('calc.gift.remove'),
        onclick: () => {
          this.unmark();
          this.ui.basketKey = null;
          app.update({ gifts: app.state.gifts.filter((_, j) => j !== i) });
          requestAnimationFrame(() => this.ui.search.focus());
        },
      }),
    );
    row.registration = f;
    return row;
  },
};

/** The same coins bought on the platform's other channels. */
function channels(value, fmt) {
  if (!value.channels.length) return null;
  return h(
    'div',
    { class: 'channels' },
    h('h3', { class: 'subhead', text: t('calc.gift.elsewhere') }),
    table({
      head: [t('calc.gift.head.bought_on'), t('calc.gift.head.would_pay'), t('calc.gift.head.difference'), t('calc.gift.head.per_coin')],
      scrollHint: true,
      numeric: [1, 2, 3],
      rows: [
        { className: 'is-current', cells: [t('calc.gift.this_card', { card: shortName(value.rate_card) }), fmt.money(value.purchase.viewer_pays), '—', fmt.money(value.purchase.price_per_coin)] },
        ...value.channels.map((c) => ({
          className: sign(c.difference) < 0 ? 'is-cheaper' : null,
          cells: [shortName(c.rate_card), fmt.money(c.viewer_pays), difference(c.difference, fmt), fmt.money(c.price_per_coin)],
        })),
      ],
    }),
  );
}

function difference(amount, fmt) {
  const s = sign(amount);
  if (s === 0) return t('calc.gift.same');
  return t(s < 0 ? 'calc.gift.cheaper' : 'calc.gift.dearer', { amount: fmt.money(abs(amount)) });
}
