// Pieces of an engine answer drawn the same way wherever they appear: the bundle mix, the
// payout schedule, the flow of money; and the words they share — the names of a card's units
// (its coins, its Diamonds) and of the places money goes, a table's name — in the reader's
// language.
import { facts, h, sourceLink, table as domTable } from './dom.js';
import { sign } from './decimal.js';
import { RECIPIENTS } from './format.js';
import { has, t } from './i18n.js';

/**
 * A card's unit ("Coins", "Diamonds", "Bits") in the reader's language for `count` of them: the
 * catalogue's word for a name giftsim ships (`calc.unit.name.NAME`), else the name as the data gives
 * it (singular for one, as English makes it). No name: the language's word for coins.
 */
export function unitName(name, count = 2) {
  const key = name ? `calc.unit.name.${String(name).toLowerCase().replace(/[^a-z]+/g, '_')}` : 'calc.unit.coins';
  if (has(key)) return t(key, { count });
  if (count !== 1 || /ux$/.test(name)) return name;
  return name.replace(/s$/, '');
}

/** "1 Coin", "5,000 Coins": a count with the card's name for its unit (see `unitName`). */
export function unitCount(fmt, n, name) {
  return t('calc.unit.count', { count: fmt.count(n), unit: unitName(name, n) });
}

/** "4 purchases": a count of purchases. */
export function purchaseCount(fmt, n) {
  return t('calc.purchase.count', { count: n, figure: fmt.count(n) });
}

/** The name of a place money goes ("App store fee") in the reader's language. */
export function recipientName(to) {
  return has(`calc.recipient.${to}`) ? t(`calc.recipient.${to}`) : RECIPIENTS[to] ?? to;
}

/** dom.js's table, its box (which scrolls on a narrow screen) and scroll hint in the reader's language. */
export function table(spec) {
  const wrap = domTable(spec);
  wrap.dataset.label = t('calc.table.label', { caption: spec.caption ?? spec.head.filter((c) => typeof c === 'string').join(', ') });
  const hint = wrap.querySelector(':scope > .scroll-hint');
  if (hint) hint.lastChild.textContent = t('calc.table.scroll');
  return wrap;
}

const CONFIDENCE = { H: 'calc.sources.high', M: 'calc.sources.medium', L: 'calc.sources.low' };

/**
 * The provenance entries behind some figures, in a `<details>` list: each entry's fields, then
 * its source with date and confidence, or the estimate's method; `none` when there is no entry.
 */
export function sourceList(entries, none) {
  if (!entries.length) return h('p', { class: 'sources muted', text: none });
  return h(
    'details',
    { class: 'sources' },
    h('summary', { text: t('calc.sources.summary', { count: entries.length }) }),
    h(
      'ul',
      null,
      entries.map((s) =>
        h(
          'li',
          null,
          h('span', { class: 'source-fields', text: t('calc.sources.fields', { fields: s.fields.join(', ') }) }),
          s.estimate
            ? [h('span', { class: 'badge badge--estimate', text: t('calc.sources.estimate') }), ' ', h('span', { lang: 'en', text: s.method ?? '' })]
            : [
                s.source ? sourceLink(s.source) : t('calc.sources.unnamed'),
                s.as_of ? t('calc.sources.as_of', { date: s.as_of }) : '',
                s.confidence ? t('calc.sources.confidence', { confidence: CONFIDENCE[s.confidence] ? t(CONFIDENCE[s.confidence]) : s.confidence }) : '',
              ],
          // The presets' notes and methods are written in English (data, not the page's words).
          s.note ? h('span', { class: 'source-note', lang: 'en', text: ` — ${s.note}` }) : null,
        ),
      ),
    ),
  );
}

/** "85 × 330 coins at $4.99" lines of the cheapest purchase. */
export function purchaseLines(purchase, fmt, coinName) {
  return h(
    'ul',
    { class: 'purchase-lines' },
    purchase.lines.map((line) => {
      const coins = unitCount(fmt, line.coins, coinName);
      const what = t(line.kind === 'custom' ? 'calc.purchase.custom_at' : 'calc.purchase.bundle_at', { coins, price: fmt.money(line.price) });
      return h(
        'li',
        null,
        h('span', { class: 'qty', text: t('calc.purchase.times', { count: fmt.count(line.count) }) }),
        h('span', { class: 'what', text: ` ${what}` }),
        h('span', { class: 'num', text: fmt.money(line.total) }),
      );
    }),
  );
}

/**
 * The simpler way next to the cheapest, when the engine found one: "Simpler: 4 purchases for
 * $1.11 more ($454.96)", what they are ("1 × 16,500 Coins, 2 × 6,607 Coins…") and the coins
 * left over. Null when there is none (the cheapest is already the simplest).
 */
export function simplerPurchase(simplest, fmt, coinName, testid = null) {
  if (!simplest) return null;
  // Each bundle kept on one line ("2 × 6,607 Coins" never breaks), the list wrapping between them.
  const what = simplest.lines.map((line, i) => {
    const coins = unitCount(fmt, line.coins, coinName);
    const times = fmt.count(line.count);
    const text =
      line.kind !== 'custom'
        ? t('calc.simpler.bundle', { times, coins })
        : line.count === 1
          ? t(i ? 'calc.simpler.custom_one' : 'calc.simpler.custom_one_first', { coins })
          : t('calc.simpler.custom', { times, coins });
    return [i ? t('calc.list.separator') : null, line.kind === 'custom' ? text : h('span', { class: 'simpler-line', text })];
  });
  const purchases = purchaseCount(fmt, simplest.purchase_count);
  const head = sign(simplest.costs_more) === 0 ? t('calc.simpler.same_price', { purchases }) : t('calc.simpler.more', { purchases, more: fmt.money(simplest.costs_more) });
  return h(
    'div',
    { class: 'simpler', dataset: testid ? { testid } : null },
    h('p', { class: 'simpler-head' }, h('strong', { text: t('calc.simpler.label') }), ' ', head, ' ', h('span', { class: 'simpler-total', text: t('calc.simpler.total', { total: fmt.money(simplest.viewer_pays) }) })),
    h('p', { class: 'simpler-what' }, what),
    simplest.leftover_coins ? h('p', { class: 'simpler-left', text: t('calc.simpler.left', { coins: unitCount(fmt, simplest.leftover_coins, coinName) }) }) : null,
  );
}

/** When the creator's earnings become cash: the withdrawals, or why none yet. */
export function payoutPlan(payout, fmt) {
  const rows = [
    [t('calc.payout.balance'), fmt.money(payout.balance)],
    [t('calc.payout.minimum'), fmt.money(payout.minimum)],
    [t('calc.payout.daily_limit'), payout.daily_cap == null ? t('calc.payout.none') : fmt.money(payout.daily_cap)],
  ];
  if (!payout.can_withdraw) {
    return h(
      'div',
      { class: 'payout' },
      h('p', { class: 'payout-verdict payout-verdict--wait', text: t('calc.payout.not_yet', { more: fmt.money(payout.shortfall), minimum: fmt.money(payout.minimum) }) }),
      facts(rows),
    );
  }
  const steps = payout.withdrawals.map((w) => {
    const several = w.count > 1;
    const days = several ? t('calc.payout.days', { first: fmt.count(w.first_day), last: fmt.count(w.first_day + w.count - 1) }) : t('calc.payout.day', { day: fmt.count(w.first_day) });
    const arrives =
      w.first_arrival_day === w.last_arrival_day
        ? t('calc.payout.arrives_day', { day: fmt.count(w.first_arrival_day) })
        : t('calc.payout.arrives_days', { first: fmt.count(w.first_arrival_day), last: fmt.count(w.last_arrival_day) });
    const params = { count: fmt.count(w.count), amount: fmt.money(w.amount), fee: fmt.money(w.fee), received: fmt.money(w.received), arrives };
    const withFee = sign(w.fee) !== 0;
    const id = several ? (withFee ? 'calc.payout.step_many_fee' : 'calc.payout.step_many') : withFee ? 'calc.payout.step_one_fee' : 'calc.payout.step_one';
    return h('li', null, h('strong', { text: t('calc.payout.step_when', { days }) }), ' ', t(id, params));
  });
  return h(
    'div',
    { class: 'payout' },
    h('p', { class: 'payout-verdict payout-verdict--ok', text: t('calc.payout.reaches', { total: fmt.money(payout.total_received), after: fmt.days(payout.last_arrival_day ?? 0) }) }),
    h('ol', { class: 'payout-steps' }, steps),
    facts([
      ...rows,
      sign(payout.total_fees) !== 0 ? [t('calc.payout.fees'), fmt.money(payout.total_fees)] : null,
      sign(payout.remaining) !== 0 ? [t('calc.payout.left'), fmt.money(payout.remaining)] : null,
    ]),
  );
}

/**
 * The flow as a table: recipient, amount, and the engine's share of what the viewer paid (the
 * same rounded figure every section shows); with its total.
 */
export function flowTable(flow, viewerPays, fmt, caption) {
  const paid = sign(viewerPays) > 0;
  return table({
    caption,
    head: [t('calc.flow.head.to'), t('calc.flow.head.amount'), t('calc.flow.head.share')],
    numeric: [1, 2],
    rows: [
      ...flow.map((entry) => ({
        className: sign(entry.amount) === 0 ? 'is-zero' : null,
        cells: [
          h('span', { class: 'recipient' }, h('span', { class: `swatch swatch--${entry.to}`, 'aria-hidden': 'true' }), recipientName(entry.to)),
          fmt.money(entry.amount),
          fmt.percent(entry.percent),
        ],
      })),
      { className: 'total', cells: [t('calc.flow.viewer_pays'), fmt.money(viewerPays), paid ? fmt.percent('100.00') : '—'] },
    ],
  });
}
