// The imported history as rows, and its totals per calendar week (from Monday) and month. Dates
// are the export's own wall-clock dates, as the engine wrote them in the chosen time zone, so a
// week or a month is the family's, whatever the reader's zone. Money is summed exactly, per
// currency (decimal.js).
import { sum } from '../../decimal.js';

/**
 * One row per imported event, in time order: the import's facts (when, what, coins, money and
 * where that figure comes from) joined to the plan's verdict for it.
 */
export function historyRows(answer, value) {
  const byIndex = new Map(value.verdicts.map((v) => [v.index, v]));
  const rules = value.rule_set.currency;
  return answer.events
    .map((e, i) => {
      const v = byIndex.get(e.event) ?? null;
      // What the rules counted, in their currency, and what was paid (the import's own figure
      // first: an invoice's or the export's, else the plan's estimate).
      const counted = v ? { amount: v.amount, currency: rules } : null;
      let money = null;
      if (e.kind === 'buy') {
        if (e.amount != null) money = { amount: e.amount, currency: e.currency ?? rules };
        else if (v?.paid) money = { amount: v.paid.amount, currency: v.paid.currency };
        else money = counted;
      }
      return {
        i,
        at: e.at,
        ms: Date.parse(e.at),
        day: String(e.at).slice(0, 10),
        kind: e.kind,
        coins: e.coins ?? v?.coins ?? null,
        money,
        counted,
        basis: e.basis,
        recipient: e.recipient ?? null,
        from: e.from,
        verdict: v?.verdict ?? null,
        rule: v?.rule ?? null,
        message: v?.message ?? '',
        // The verdict's deciding check, which the page words from its code and facts.
        check: v,
        checks: v?.checks ?? [],
        note: v?.note ?? null,
      };
    })
    .sort((a, b) => a.ms - b.ms || a.i - b.i);
}

/** A wall date `YYYY-MM-DD` as a UTC day number, and back. */
const dayNumber = (day) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86400000;
const dayText = (n) => new Date(n * 86400000).toISOString().slice(0, 10);

/** The Monday that starts the week of `day`. */
export function weekOf(day) {
  const n = dayNumber(day);
  const weekday = (new Date(n * 86400000).getUTCDay() + 6) % 7;
  return dayText(n - weekday);
}

/** The first day of the month of `day`. */
export function monthOf(day) {
  return `${day.slice(0, 7)}-01`;
}

/** The period's start of `day`, for `by` = day, week or month. */
export function periodOf(day, by) {
  return by === 'month' ? monthOf(day) : by === 'week' ? weekOf(day) : day;
}

/** Every period start from the first row's to the last's, with none left out (gaps show). */
export function periodsBetween(first, last, by) {
  const out = [];
  let p = periodOf(first, by);
  const end = periodOf(last, by);
  while (p <= end && out.length < 5000) {
    out.push(p);
    if (by === 'month') {
      const y = Number(p.slice(0, 4));
      const m = Number(p.slice(5, 7));
      p = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    } else {
      p = dayText(dayNumber(p) + (by === 'week' ? 7 : 1));
    }
  }
  return out;
}

/** Money per currency, summed exactly: `[{ currency, amount }]`, in order of first use. */
export function moneyTotals(moneys) {
  const by = new Map();
  for (const m of moneys) {
    if (!m?.amount) continue;
    if (!by.has(m.currency)) by.set(m.currency, []);
    by.get(m.currency).push(m.amount);
  }
  return [...by].map(([currency, amounts]) => ({ currency, amount: sum(amounts) }));
}

/**
 * Totals per period (`by` = week or month), periods with events only, oldest first: top-ups,
 * coins bought, money per currency, gifts, coins sent, warnings and blocks.
 */
export function totalsBy(rows, by) {
  const groups = new Map();
  for (const r of rows) {
    const key = periodOf(r.day, by);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  return [...groups].map(([start, rs]) => {
    const buys = rs.filter((r) => r.kind === 'buy');
    const gifts = rs.filter((r) => r.kind === 'gift');
    return {
      start,
      buys: buys.length,
      coinsBought: buys.reduce((n, r) => n + (r.coins ?? 0), 0),
      money: moneyTotals(buys.map((r) => r.money)),
      estimated: buys.some((r) => r.basis === 'estimate'),
      gifts: gifts.length,
      coinsSent: gifts.reduce((n, r) => n + (r.coins ?? 0), 0),
      warn: rs.filter((r) => r.verdict === 'warn').length,
      block: rs.filter((r) => r.verdict === 'block').length,
    };
  });
}

/**
 * The first warning and the first block of each rule, in time order, with how many events the
 * rule warned on or blocked: `[{ rule, warn: { row, check } | null, block, count }]`.
 */
export function firstBreaches(rows) {
  const rules = new Map();
  for (const r of rows) {
    const seen = new Set();
    for (const c of r.checks) {
      if (c.verdict !== 'warn' && c.verdict !== 'block') continue;
      if (!rules.has(c.rule)) rules.set(c.rule, { rule: c.rule, warn: null, block: null, count: 0 });
      const b = rules.get(c.rule);
      b[c.verdict] ??= { row: r, check: c };
      if (!seen.has(c.rule)) b.count += 1;
      seen.add(c.rule);
    }
  }
  return [...rules.values()];
}
