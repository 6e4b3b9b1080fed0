// The widget's simple mode: one question and its answer. "What does this gift cost, this many
// times, bought here?" — or, on a card without gifts (Twitch Bits, Super Chat…), "what do this
// many coins cost?". A section like the page's, asked and drawn by the same calculator.
// Its words are the widget's part of the catalogue (www/i18n/widget/), with the names of units
// and cards the calculator's; counts are read in the number format (`locale`). Every figure is
// isolated (<bdi>), so it reads the same in a text of either direction.
import { unitCount, unitName } from '../answers.js';
import { abs, sign } from '../decimal.js';
import { facts, h, isFocused, replace } from '../dom.js';
import { field } from '../fields.js';
import { t, tParts } from '../i18n.js';
import { shortName } from '../rate-card.js';
import { countError, countInput } from '../sections/coins-money.js';

export default {
  id: 'gift-question',
  get nav() {
    return t('calc.gift.nav');
  },
  get title() {
    return t('widget.title');
  },

  mount(el, app) {
    // What the reader types is kept as typed, and read in the number format when the question
    // is asked (in `queries`, under this calculator's format).
    const gift = h('select', { onchange: () => this.setGift({ gift: gift.value }) });
    const count = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', class: 'input--count', oninput: () => this.setGift({ count: count.value }) });
    const coins = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', oninput: () => app.update({ coins: coins.value }) });
    const card = h('select', { onchange: () => app.update({ card: card.value, edits: null }) });
    const f = {
      gift: field({ label: t('widget.field.gift'), control: gift, className: 'field--gift' }),
      count: field({ label: t('widget.field.count'), control: count, className: 'field--count' }),
      coins: field({ label: t('widget.field.coins', { coins: unitName(app.card().coin_name) }), control: coins, className: 'field--coins' }),
      card: field({ label: t('widget.field.card'), control: card, className: 'field--card' }),
    };
    this.ui = { app, f, gift, count, coins, card, answer: h('div', { class: 'answer simple-answer', 'aria-live': 'polite' }), foot: h('p', { class: 'simple-foot' }), key: null };
    replace(
      el,
      h('div', { class: 'simple-question' }, f.gift.el, f.count.el, f.coins.el, f.card.el),
      this.ui.answer,
      this.ui.foot,
    );
    this.sync(app);
  },

  /** Changes the one gift asked about. */
  setGift(change) {
    const { app } = this.ui;
    const first = app.state.gifts[0] ?? { gift: 'lion', count: 1 };
    app.update({ gifts: [{ ...first, ...change }] });
  },

  sync(app) {
    const { count, coins } = this.ui;
    const first = app.state.gifts[0];
    if (!isFocused(count)) count.value = String(first?.count ?? 1);
    if (!isFocused(coins)) coins.value = app.state.coins;
    this.ui.key = null;
  },

  queries(app) {
    const catalogue = app.presets.giftsOf(app.card());
    if (catalogue.length) {
      const first = app.state.gifts[0] ?? { gift: catalogue[0].id, count: 1 };
      const typed = String(first.count);
      const error = countError(typed, 'gifts[0].count');
      return { gifts: error ? { error } : { op: 'quote', input: { rate_card: app.cardInput(), gifts: [{ gift: first.gift, count: countInput(typed) }] } }, coins: null };
    }
    const error = countError(app.state.coins, 'coins');
    return { gifts: null, coins: error ? { error } : { op: 'quote', input: { rate_card: app.cardInput(), coins: countInput(app.state.coins) } } };
  },

  render(app) {
    const { f, gift, card, answer, foot } = this.ui;
    const current = app.card();
    const catalogue = app.presets.giftsOf(current);
    const first = app.state.gifts[0];
    const key = JSON.stringify([current.id, app.state.currency, app.state.locale, first?.gift]);
    if (key !== this.ui.key) {
      this.ui.key = key;
      replace(
        gift,
        catalogue.map((g) => h('option', { value: g.id, text: t('widget.gift.option', { gift: g.name, coins: isolated(app.fmt.count(g.coins)) }) })),
        first && !catalogue.some((g) => g.id === first.gift) ? h('option', { value: first.gift, text: t('widget.gift.not_on_card', { gift: first.gift }) }) : null,
      );
      gift.value = first?.gift ?? catalogue[0]?.id ?? '';
      replace(card, app.presets.cardsIn(app.state.currency).map((c) => h('option', { value: c.id, text: shortName(c) })));
      card.value = current.id;
      f.coins.el.querySelector('label').textContent = t('widget.field.coins', { coins: unitName(current.coin_name) });
    }
    f.gift.el.hidden = !catalogue.length;
    f.count.el.hidden = !catalogue.length;
    f.coins.el.hidden = Boolean(catalogue.length);
    app.fields.register('gifts', 'gifts[0].gift', f.gift);
    app.fields.register('gifts', 'gifts[0].count', f.count);
    app.fields.register('gifts', 'gifts[0]', f.count);
    app.fields.register('coins', 'coins', f.coins);
    app.fields.register('*', 'rate_card', f.card);

    const name = catalogue.length ? 'gifts' : 'coins';
    const result = app.results.get(name);
    const value = result?.value;
    if (!value) {
      replace(answer, h('p', { class: 'empty', text: t('widget.answer.fix') }));
      replace(foot);
      return;
    }
    const fmt = app.format(value.rate_card.currency);
    const coinName = current.coin_name;
    const onCard = shortName(value.rate_card);
    const headlineSub = catalogue.length
      ? tParts('widget.answer.for_gifts', {
          gifts: value.spent.map((s, i) => [i ? t('calc.list.separator') : null, tParts('widget.answer.gift_count', { gift: s.name, count: figure(fmt.count(s.count)) })]),
          coins: figure(unitCount(fmt, value.coins_needed, coinName)),
          card: onCard,
        })
      : tParts('widget.answer.for_coins', { coins: figure(unitCount(fmt, value.question.coins, coinName)), card: onCard });
    // The engine lists the other channels cheapest first.
    const cheapest = value.channels?.[0];
    const saving = cheapest && sign(cheapest.difference) < 0 ? cheapest : null;
    replace(
      answer,
      h('p', { class: 'headline-label', text: t('widget.answer.you_pay') }),
      h('p', { class: 'headline', dataset: { testid: 'simple-total' } }, figure(fmt.money(value.purchase.viewer_pays))),
      h('p', { class: 'headline-sub' }, headlineSub),
      facts([
        [t('widget.answer.creator_keeps'), tParts('widget.answer.share', { amount: figure(fmt.money(value.creator.keeps)), share: figure(fmt.percent(value.creator.percent_of_viewer_pays)) })],
        [
          t('widget.answer.coins_bought', { coins: unitName(coinName) }),
          tParts('widget.answer.bought_in', { count: value.purchase.purchase_count, coins: figure(fmt.count(value.purchase.coins)), purchases: figure(fmt.count(value.purchase.purchase_count)) }),
        ],
        saving
          ? [t('widget.answer.cheaper_on', { card: shortName(saving.rate_card) }), tParts('widget.answer.save', { price: figure(fmt.money(saving.viewer_pays)), saving: figure(fmt.money(abs(saving.difference))) })]
          : null,
      ]),
    );
    // The whole calculator, on the same question (the count as the engine read it).
    const asked = result.input?.gifts?.[0] ?? (typeof first?.count === 'number' ? first : null);
    const full = new URL('../../index.html', import.meta.url);
    full.search = `?v=1&card=${encodeURIComponent(current.id)}${asked ? `&gifts=${encodeURIComponent(`${asked.gift}*${asked.count}`)}` : ''}&locale=${encodeURIComponent(app.state.locale)}`;
    const date = value.rate_card.as_of;
    const open = h('a', { href: full.href, target: '_blank', rel: 'noopener', text: t('widget.foot.open') });
    replace(foot, date ? tParts('widget.foot', { card: current.name, date: figure(date), open }) : tParts('widget.foot.undated', { card: current.name, open }));
  },
};

/** A figure (a number, an amount, a date) isolated from the text around it. */
function figure(text) {
  return h('bdi', { text });
}

/** The same for text that cannot hold elements (an option's label): Unicode's isolate marks. */
function isolated(text) {
  return `\u2068${text}\u2069`;
}
