// A family agreement on one printable page: the limits in money and in coins, what they mean for
// the gifts the family cares about (the calculator's basket, a Rose and a Lion), the plan, and
// lines to sign. Coins and prices come from the engine's `quote` on the card in use: what a
// limit's money buys at the cheapest mix of bundles, and what one of each gift costs.
import { compare } from '../../decimal.js';
import { h, replace } from '../../dom.js';
import { formatList, t, textLocale } from '../../i18n.js';
import { unitCount, unitName } from '../../answers.js';
import { platformName } from '../../rate-card.js';
import { OWN_LIMITS } from '../../state.js';
import { formatStamp } from '../../time.js';
import { repeatText } from './events.js';
import { appliesOn, isAuto, rulesWhereTheyLive } from './region.js';
import { capName } from './verdicts.js';

/** Windows from the shortest to the longest, to find the widest limit a price passes. */
const SPAN = ['transaction', 'calendar_day', 'rolling_24h', 'calendar_week', 'rolling_7d', 'calendar_month', 'rolling_30d'];

/**
 * The limits on top-ups that hold for a person of `age` on `day`: `{ cap, ruleSet }` for the
 * family's own limits, the chosen rule set's for the person's age, or those of every rule in
 * force where they live.
 */
export function limitsFor(app, age, day) {
  const sets = isAuto(app) ? rulesWhereTheyLive(app).filter((rs) => appliesOn(app, rs, day)) : [app.ruleSet()].filter(Boolean);
  return sets.flatMap((rs) => {
    const b = (rs.brackets ?? []).find((x) => age != null && age >= (x.min_age ?? 0) && (x.max_age == null || age < x.max_age));
    return (b?.caps ?? []).filter((c) => c.action === 'buy').map((cap) => ({ cap, ruleSet: rs }));
  });
}

/** The gifts the agreement prices: the basket's, then a Rose and a Lion, each once. */
function agreementGifts(app) {
  const catalogue = app.presets.giftsOf(app.card());
  const ids = [...new Set([...app.state.gifts.map((g) => g.gift), 'rose', 'lion'])];
  return ids.map((id) => catalogue.find((g) => g.id === id)).filter(Boolean).slice(0, 5);
}

/**
 * The engine questions the agreement needs (asked only while it is open): what each limit in
 * the card's currency buys, and what one of each gift costs.
 */
export function agreementQueries(app, age, day) {
  const card = app.card();
  const out = {};
  limitsFor(app, age, day).forEach(({ cap, ruleSet }, i) => {
    if (ruleSet.currency === card.currency) out[`agreement-limit-${i}`] = { op: 'quote', input: { rate_card: app.cardInput(), spend: cap.limit, compare_channels: false }, notice: false };
  });
  for (const g of agreementGifts(app)) out[`agreement-gift-${g.id}`] = { op: 'quote', input: { rate_card: app.cardInput(), gifts: [{ gift: g.id, count: 1 }], compare_channels: false }, notice: false };
  return out;
}

/** "Under 18: may not buy coins" facts of the rules, for the sheet. */
function ageFacts(app, day) {
  const sets = isAuto(app) ? rulesWhereTheyLive(app).filter((rs) => appliesOn(app, rs, day)) : [app.ruleSet()].filter(Boolean);
  const out = [];
  for (const rs of sets) {
    const ages = rs.min_age ?? {};
    if (rs.id === OWN_LIMITS) continue;
    if (ages.buy) out.push(t('calc.agreement.buy_from', { age: ages.buy, rules: rs.name }));
    if (ages.gift && ages.gift !== ages.buy) out.push(t('calc.agreement.gift_from', { age: ages.gift, rules: rs.name }));
  }
  return out;
}

/**
 * Draws the agreement for the state and answers into `el`. `who` is the young person's name
 * (or null), `age` their age, `day` today where they live.
 */
export function renderAgreement(el, app, { who, age, day }) {
  const card = app.card();
  const locale = textLocale();
  const limits = limitsFor(app, age, day);
  const result = (name) => app.results.get(name)?.value ?? null;
  const own = app.state.rules === OWN_LIMITS ? app.state.limits : null;
  const sorted = [...limits].sort((a, b) => SPAN.indexOf(a.cap.window) - SPAN.indexOf(b.cap.window));
  // A family's agreement says "coins", whatever the card calls them.
  const coinName = null;
  const warnings = (own?.warn ?? '').split(/[,;\s]+/).filter(Boolean).map((p) => `${p.replace(/%$/, '')} %`);

  const limitRows = limits.map(({ cap, ruleSet }, i) => {
    const fmt = app.format(ruleSet.currency);
    const quote = result(`agreement-limit-${i}`);
    const name = capName(cap.window, cap.action);
    return h(
      'tr',
      null,
      h('th', { scope: 'row', text: t(cap.enforcement === 'soft' ? 'calc.agreement.limit_soft' : 'calc.agreement.limit', { name: `${name.charAt(0).toUpperCase()}${name.slice(1)}` }) }),
      h('td', { class: 'num', text: fmt.money(cap.limit) }),
      h('td', { class: 'num', text: quote ? t('calc.agreement.about', { coins: unitCount(app.fmt, quote.purchase.coins, coinName) }) : '—' }),
    );
  });
  const extras = [
    own ? (own.gifting ? t('calc.agreement.gifts_yes') : t('calc.agreement.gifts_no')) : null,
    own?.approval ? t('calc.agreement.approval') : null,
    own && warnings.length ? t('calc.agreement.warnings', { count: warnings.length, shares: formatList(warnings) }) : null,
    ...ageFacts(app, day),
  ].filter(Boolean);

  const giftLines = agreementGifts(app).map((g) => {
    const quote = result(`agreement-gift-${g.id}`);
    if (!quote) return h('li', { text: t('calc.agreement.gift_coins', { gift: g.name, coins: unitCount(app.fmt, g.coins, coinName) }) });
    // What the gift's coins cost, bought at the cheapest mix (a Rose is a coin, not a bundle).
    const price = quote.spent.find((x) => x.gift === g.id)?.cost ?? quote.purchase.viewer_pays;
    const fmt = app.format(card.currency);
    const passed = sorted.filter(({ cap, ruleSet }) => ruleSet.currency === card.currency && compare(price, cap.limit) > 0);
    const widest = passed[passed.length - 1];
    const within = sorted.filter(({ ruleSet }) => ruleSet.currency === card.currency);
    const params = { gift: g.name, price: fmt.money(price), coins: unitCount(app.fmt, g.coins, coinName) };
    if (widest) {
      const last = widest === within[within.length - 1];
      return h('li', { text: t(last ? 'calc.agreement.gift_never' : 'calc.agreement.gift_over', { ...params, limit: capName(widest.cap.window, 'buy'), amount: fmt.money(widest.cap.limit) }) });
    }
    return h('li', { text: t(within.length ? 'calc.agreement.gift_within' : 'calc.agreement.gift_costs', params) });
  });

  const events = app.state.events;
  const shown = events.slice(0, 6);
  const eventText = (e) => {
    const when = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(e.at) ? formatStamp(`${e.at.slice(0, 16)}:00Z`, locale) : t('calc.agreement.no_time');
    const count = Number(e.count);
    const what = t(`calc.agreement.event.${e.kind}`, {
      amount: app.format(e.currency).money(e.amount),
      coins: t('calc.unit.count', { count: e.coins, unit: unitName(coinName, Number(e.coins)) }),
      gift: app.presets.giftsOf(card).find((g) => g.id === e.gift)?.name ?? e.gift,
      count: Number.isFinite(count) ? count : e.count,
    });
    const repeat = repeatText(e.repeat);
    const line = repeat ? t('calc.agreement.plan_line_repeat', { when, what, repeat }) : t('calc.agreement.plan_line', { when, what });
    return e.note ? t('calc.agreement.with_note', { line, note: e.note }) : line;
  };

  const line = (label) => h('div', { class: 'sign-line' }, h('span', { class: 'sign-rule', 'aria-hidden': 'true' }), h('span', { text: label }));
  replace(
    el,
    h('h3', { class: 'agreement-title', id: 'spending-check-agreement-title', text: t('calc.agreement.title', { platform: platformName(card) }) }),
    h('p', { class: 'agreement-between', text: t('calc.agreement.between', { name: who ?? '_______________', date: formatStamp(`${day}T00:00:00Z`, locale, { dateStyle: 'long' }) }) }),
    h('h4', { text: t('calc.agreement.limits') }),
    limits.length
      ? h('table', { class: 'agreement-limits' }, h('thead', null, h('tr', null, h('th', { scope: 'col', text: t('calc.agreement.head.limit') }), h('th', { scope: 'col', class: 'num', text: t('calc.agreement.head.money') }), h('th', { scope: 'col', class: 'num', text: t('calc.agreement.head.coins') }))), h('tbody', null, limitRows))
      : h('p', { text: t('calc.agreement.no_limits') }),
    extras.length ? h('ul', { class: 'agreement-extras' }, extras.map((text) => h('li', { text }))) : null,
    h('h4', { text: t('calc.agreement.gifts') }),
    h('ul', { class: 'agreement-gifts' }, giftLines),
    h('h4', { text: t('calc.agreement.plan') }),
    shown.length
      ? h('ul', { class: 'agreement-plan' }, shown.map((e) => h('li', { text: eventText(e) })), events.length > shown.length ? h('li', { text: t('calc.agreement.more', { count: events.length - shown.length }) }) : null)
      : h('p', { text: t('calc.agreement.no_plan') }),
    h('h4', { text: t('calc.agreement.signed') }),
    h('div', { class: 'agreement-signatures', dataset: { testid: 'signatures' } }, line(t('calc.agreement.sign.guardian')), line(who ? t('calc.agreement.sign.young_named', { name: who }) : t('calc.agreement.sign.young')), line(t('calc.agreement.sign.date'))),
    h('p', { class: 'agreement-footer', text: t(card.as_of ? 'calc.agreement.footer_dated' : 'calc.agreement.footer', { card: card.name, date: card.as_of }) }),
  );
}
