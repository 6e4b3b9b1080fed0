// Pieces of an engine answer drawn the same way wherever they appear: the bundle mix, the
// payout schedule, the flow of money.
import { facts, h, table } from './dom.js';
import { RECIPIENTS } from './format.js';

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
        h('span', { class: 'num', text: fmt.money(multiply(line.viewer_pays, line.count)) }),
      );
    }),
  );
}

/** Exact product of a decimal string and a whole count, as a decimal string. */
export function multiply(decimal, count) {
  const [int, frac = ''] = String(decimal).replace('-', '').split('.');
  const negative = String(decimal).startsWith('-');
  const scaled = BigInt(int + frac) * BigInt(count);
  const digits = scaled.toString().padStart(frac.length + 1, '0');
  const whole = frac.length ? `${digits.slice(0, -frac.length)}.${digits.slice(-frac.length)}` : digits;
  return negative && scaled !== 0n ? `-${whole}` : whole;
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
    const fee = Number(w.fee) !== 0 ? `, fee ${fmt.money(w.fee)}` : '';
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
      Number(payout.total_fees) !== 0 ? ['Withdrawal fees', fmt.money(payout.total_fees)] : null,
      Number(payout.remaining) !== 0 ? ['Left in the balance', fmt.money(payout.remaining)] : null,
    ]),
  );
}

/** The flow as a table: recipient, amount, share of what the viewer paid; with its total. */
export function flowTable(flow, viewerPays, fmt, caption) {
  const total = Number(viewerPays);
  return table({
    caption,
    head: ['Goes to', 'Amount', 'Share'],
    numeric: [1, 2],
    rows: [
      ...flow.map((entry) => ({
        className: Number(entry.amount) === 0 ? 'is-zero' : null,
        cells: [
          h('span', { class: 'recipient' }, h('span', { class: `swatch swatch--${entry.to}`, 'aria-hidden': 'true' }), RECIPIENTS[entry.to] ?? entry.to),
          fmt.money(entry.amount),
          total ? fmt.rate(Number(entry.amount) / total) : '—',
        ],
      })),
      { className: 'total', cells: ['Viewer pays', fmt.money(viewerPays), total ? fmt.rate(1) : '—'] },
    ],
  });
}
