// Pieces of an engine answer drawn the same way wherever they appear: the bundle mix, the
// payout schedule, the flow of money.
import { facts, h, table } from './dom.js';
import { sign } from './decimal.js';
import { RECIPIENTS, unitCount } from './format.js';

/** "85 × 330 coins at $4.99" lines of the cheapest purchase. */
export function purchaseLines(purchase, fmt, coinName = 'coins') {
  return h(
    'ul',
    { class: 'purchase-lines' },
    purchase.lines.map((line) => {
      const what =
        line.kind === 'custom'
          ? `custom amount of ${fmt.count(line.coins)} ${coinName}`
          : `${fmt.count(line.coins)} ${coinName}`;
      return h(
        'li',
        null,
        h('span', { class: 'qty', text: `${fmt.count(line.count)} ×` }),
        h('span', { class: 'what', text: ` ${what} at ${fmt.money(line.price)}` }),
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
export function simplerPurchase(simplest, fmt, coinName = 'coins', testid = null) {
  if (!simplest) return null;
  // Each bundle kept on one line ("2 × 6,607 Coins" never breaks), the list wrapping between them.
  const what = simplest.lines.map((line, i) => {
    const coins = unitCount(fmt, line.coins, coinName);
    const text =
      line.kind !== 'custom'
        ? `${fmt.count(line.count)} × ${coins}`
        : line.count === 1
          ? `${i ? 'a' : 'A'} custom amount of ${coins}`
          : `${fmt.count(line.count)} × a custom amount of ${coins}`;
    return [i ? ', ' : null, line.kind === 'custom' ? text : h('span', { class: 'simpler-line', text })];
  });
  const more = sign(simplest.costs_more) === 0 ? 'for the same price' : `for ${fmt.money(simplest.costs_more)} more`;
  return h(
    'div',
    { class: 'simpler', dataset: testid ? { testid } : null },
    h('p', { class: 'simpler-head' }, h('strong', { text: 'Simpler: ' }), `${unitCount(fmt, simplest.purchase_count, 'purchases')} ${more} `, h('span', { class: 'simpler-total', text: `(${fmt.money(simplest.viewer_pays)})` })),
    h('p', { class: 'simpler-what' }, what),
    simplest.leftover_coins ? h('p', { class: 'simpler-left', text: `${unitCount(fmt, simplest.leftover_coins, coinName)} left over` }) : null,
  );
}

/** When the creator's earnings become cash: the withdrawals, or why none yet. */
export function payoutPlan(payout, fmt) {
  const rows = [
    ['Balance to withdraw', fmt.money(payout.balance)],
    ['Minimum withdrawal', fmt.money(payout.minimum)],
    ['Daily limit', payout.daily_cap == null ? 'none' : fmt.money(payout.daily_cap)],
  ];
  if (!payout.can_withdraw) {
    return h(
      'div',
      { class: 'payout' },
      h('p', { class: 'payout-verdict payout-verdict--wait', text: `Not yet withdrawable: ${fmt.money(payout.shortfall)} more is needed to reach the ${fmt.money(payout.minimum)} minimum.` }),
      facts(rows),
    );
  }
  const steps = payout.withdrawals.map((w) => {
    const days = w.count > 1 ? `Days ${fmt.count(w.first_day)}–${fmt.count(w.first_day + w.count - 1)}` : `Day ${fmt.count(w.first_day)}`;
    const each = w.count > 1 ? `${fmt.count(w.count)} withdrawals of ${fmt.money(w.amount)}` : `withdraw ${fmt.money(w.amount)}`;
    const fee = sign(w.fee) !== 0 ? `, fee ${fmt.money(w.fee)}` : '';
    const arrives =
      w.first_arrival_day === w.last_arrival_day
        ? `day ${fmt.count(w.first_arrival_day)}`
        : `days ${fmt.count(w.first_arrival_day)}–${fmt.count(w.last_arrival_day)}`;
    return h('li', null, h('strong', { text: `${days}: ` }), `${each}${fee}; ${fmt.money(w.received)}${w.count > 1 ? ' each' : ''} arrives on ${arrives}.`);
  });
  return h(
    'div',
    { class: 'payout' },
    h('p', { class: 'payout-verdict payout-verdict--ok', text: `${fmt.money(payout.total_received)} reaches the creator's bank, the last of it ${fmt.days(payout.last_arrival_day ?? 0)} after the gifts.` }),
    h('ol', { class: 'payout-steps' }, steps),
    facts([
      ...rows,
      sign(payout.total_fees) !== 0 ? ['Withdrawal fees', fmt.money(payout.total_fees)] : null,
      sign(payout.remaining) !== 0 ? ['Left in the balance', fmt.money(payout.remaining)] : null,
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
    head: ['Goes to', 'Amount', 'Share'],
    numeric: [1, 2],
    rows: [
      ...flow.map((entry) => ({
        className: sign(entry.amount) === 0 ? 'is-zero' : null,
        cells: [
          h('span', { class: 'recipient' }, h('span', { class: `swatch swatch--${entry.to}`, 'aria-hidden': 'true' }), RECIPIENTS[entry.to] ?? entry.to),
          fmt.money(entry.amount),
          fmt.percent(entry.percent),
        ],
      })),
      { className: 'total', cells: ['Viewer pays', fmt.money(viewerPays), paid ? fmt.percent('100.00') : '—'] },
    ],
  });
}
