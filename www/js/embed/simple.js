// The widget's simple mode: one question and its answer. "What does this gift cost, this many
// times, bought here?" — or, on a card without gifts (Twitch Bits, Super Chat…), "what do this
// many coins cost?". A section like the page's, asked and drawn by the same calculator.
// Every figure is isolated (<bdi>), so it reads the same in a text of either direction.
import { abs, sign } from '../decimal.js';
import { facts, h, isFocused, replace } from '../dom.js';
import { field } from '../fields.js';
import { unitCount } from '../format.js';
import { shortName } from '../rate-card.js';
import { countInput } from '../sections/coins-money.js';

export default {
  id: 'gift-question',
  nav: 'Gift cost',
  title: 'What does a gift really cost?',

  mount(el, app) {
    const gift = h('select', { onchange: () => this.setGift({ gift: gift.value }) });
    const count = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', class: 'input--count', oninput: () => this.setGift({ count: countInput(count.value) }) });
    const coins = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', oninput: () => app.update({ coins: coins.value }) });
    const card = h('select', { onchange: () => app.update({ card: card.value, edits: null }) });
    const f = {
      gift: field({ label: 'Gift', control: gift, className: 'field--gift' }),
      count: field({ label: 'How many', control: count, className: 'field--count' }),
      coins: field({ label: 'Coins', control: coins, className: 'field--coins' }),
      card: field({ label: 'Bought on', control: card, className: 'field--card' }),
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
      return { gifts: { op: 'quote', input: { rate_card: app.cardInput(), gifts: [{ gift: first.gift, count: first.count }] } }, coins: null };
    }
    return { gifts: null, coins: { op: 'quote', input: { rate_card: app.cardInput(), coins: countInput(app.state.coins) } } };
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
        catalogue.map((g) => h('option', { value: g.id, text: `${g.name} (${isolated(app.fmt.count(g.coins))})` })),
        first && !catalogue.some((g) => g.id === first.gift) ? h('option', { value: first.gift, text: `${first.gift} (not on this card)` }) : null,
      );
      gift.value = first?.gift ?? catalogue[0]?.id ?? '';
      replace(card, app.presets.cardsIn(app.state.currency).map((c) => h('option', { value: c.id, text: shortName(c) })));
      card.value = current.id;
      f.coins.el.querySelector('label').textContent = `How many ${current.coin_name ?? 'coins'}`;
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
    const value = app.results.get(name)?.value;
    if (!value) {
      replace(answer, h('p', { class: 'empty', text: 'Fix the marked field to see the cost.' }));
      replace(foot);
      return;
    }
    const fmt = app.format(value.rate_card.currency);
    const coinName = current.coin_name ?? 'coins';
    const what = catalogue.length
      ? [value.spent.map((s, i) => [i ? ', ' : '', `${s.name} × `, figure(fmt.count(s.count))]), ' (', figure(unitCount(fmt, value.coins_needed, coinName)), ')']
      : figure(unitCount(fmt, value.question.coins, coinName));
    // The engine lists the other channels cheapest first.
    const cheapest = value.channels?.[0];
    const saving = cheapest && sign(cheapest.difference) < 0 ? cheapest : null;
    replace(
      answer,
      h('p', { class: 'headline-label', text: 'You pay' }),
      h('p', { class: 'headline', dataset: { testid: 'simple-total' } }, figure(fmt.money(value.purchase.viewer_pays))),
      h('p', { class: 'headline-sub' }, 'for ', what, ` on ${shortName(value.rate_card)}`),
      facts([
        ['The creator keeps', [figure(fmt.money(value.creator.keeps)), ' (', figure(fmt.percent(value.creator.percent_of_viewer_pays)), ')']],
        [`${coinName} bought`, [figure(fmt.count(value.purchase.coins)), ' in ', figure(fmt.count(value.purchase.purchase_count)), value.purchase.purchase_count === 1 ? ' purchase' : ' purchases']],
        saving ? [`Cheaper on ${shortName(saving.rate_card)}`, [figure(fmt.money(saving.viewer_pays)), ' (save ', figure(fmt.money(abs(saving.difference))), ')']] : null,
      ]),
    );
    const full = new URL('../../index.html', import.meta.url);
    full.search = `?v=1&card=${encodeURIComponent(current.id)}${first ? `&gifts=${encodeURIComponent(`${first.gift}*${first.count}`)}` : ''}&locale=${encodeURIComponent(app.state.locale)}`;
    replace(
      foot,
      `${current.name}: figures as of `,
      figure(value.rate_card.as_of ?? 'an unstated date'),
      '. Computed in your browser by giftsim. ',
      h('a', { href: full.href, target: '_blank', rel: 'noopener', text: 'Open the full calculator' }),
    );
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
