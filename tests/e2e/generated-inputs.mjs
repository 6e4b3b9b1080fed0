// A few hundred generated inputs for every operation, the same ones on every machine (a seeded
// generator): most are valid, some are not, on purpose, so answers and errors are both compared
// across targets (tests/e2e/cross-target.test.mjs).

/** SplitMix64 on BigInt, so the sequence is exact everywhere. */
function generator(seed) {
  let state = BigInt(seed);
  const mask = (1n << 64n) - 1n;
  const next = () => {
    state = (state + 0x9e3779b97f4a7c15n) & mask;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
    return z ^ (z >> 31n);
  };
  const int = (lo, hi) => lo + Number(next() % BigInt(hi - lo + 1));
  return {
    int,
    pick: (list) => list[int(0, list.length - 1)],
    chance: (p) => int(0, 9999) < p * 10000,
    /** An amount with two decimals between lo and hi (whole units). */
    money: (lo, hi) => `${int(lo, hi)}.${String(int(0, 99)).padStart(2, '0')}`,
    /** Log-uniform integer in [1, hi]. */
    logInt: (hi) => Math.max(1, Math.round(Math.exp((int(0, 10000) / 10000) * Math.log(hi)))),
  };
}

const CARDS = ['tiktok-web', 'tiktok-ios', 'tiktok-android', 'tiktok-ios-gbp', 'twitch-bits', 'twitch-bits-mobile', 'youtube-super-chat', 'roblox', 'facebook-stars', 'instagram-gifts', 'snapchat-gifts'];
const TIKTOK_USD = ['tiktok-web', 'tiktok-ios', 'tiktok-android'];
const GIFTS = ['rose', 'tiktok', 'gg', 'finger-heart', 'rosa', 'perfume', 'doughnut', 'hat-and-mustache', 'hand-hearts', 'confetti', 'corgi', 'money-gun', 'swan', 'train', 'galaxy', 'whale-diving', 'motorcycle', 'private-jet', 'sports-car', 'interstellar', 'rosa-nebula', 'lion', 'tiktok-universe'];
const RULE_SETS = ['tiktok-global', 'cn-games-2019', 'cn-live-2022', 'under18-family', 'kr-live', 'youtube-viewer-limits', 'none'];
const ZONES = ['UTC', 'Asia/Shanghai', 'Asia/Seoul', 'Europe/London', 'America/New_York', 'America/Vancouver'];
const OFFSETS = ['Z', '+08:00', '+09:00', '+01:00', '-05:00', '-08:00', '+00:00'];
const REGIONS = ['CN', 'KR', 'US', 'GB', 'DE'];

function gifts(g, n) {
  return Array.from({ length: n }, () => ({ gift: g.pick(GIFTS), count: g.logInt(g.chance(0.1) ? 100000 : 60) }));
}

function quote(g) {
  const input = { rate_card: g.chance(0.8) ? g.pick(TIKTOK_USD.concat(CARDS)) : g.pick(CARDS) };
  switch (g.int(0, 3)) {
    case 0:
      input.coins = g.logInt(g.chance(0.05) ? 20_000_000 : 10_000_000);
      break;
    case 1:
      input.gifts = gifts(g, g.int(1, 4));
      break;
    case 2:
      input.spend = g.money(0, g.pick([5, 100, 5000]));
      break;
    default:
      input.creator_cash = g.money(0, g.pick([10, 200, 3000]));
  }
  if (g.chance(0.3)) input.compare_channels = g.chance(0.5);
  return input;
}

function compare(g) {
  const input = { spend: g.money(1, g.pick([20, 100, 1000])) };
  if (g.chance(0.6)) input.rate_cards = CARDS.filter(() => g.chance(0.4));
  return input;
}

function timestamp(g, day) {
  const d = new Date(Date.UTC(2026, 0, 1) + day * 86400000);
  const hh = String(g.int(0, 23)).padStart(2, '0');
  const mm = String(g.pick([0, 15, 30, 59])).padStart(2, '0');
  return `${d.toISOString().slice(0, 10)}T${hh}:${mm}:00${g.pick(OFFSETS)}`;
}

/** A plan's rule set: a preset, the registry's own (`auto`), or a dated law. */
const PLAN_RULE_SETS = [...RULE_SETS, 'auto', 'auto', 'us-tx-asaa-2026', 'au-smma-2025', 'jp-social-games-2012', 'kr-live'];

function plan(g) {
  const ruleSet = g.pick(PLAN_RULE_SETS);
  const person = { age: g.int(5, 70) };
  if (g.chance(0.6)) person.region = g.pick(REGIONS);
  if (g.chance(0.5)) person.time_zone = g.pick(ZONES);
  const input = { rule_set: ruleSet, person };
  if (g.chance(0.92)) input.rate_card = g.pick(TIKTOK_USD);
  // One rate per pair, stated either way round (both ways is refused: they could disagree).
  if (g.chance(0.92)) {
    input.exchange_rates = { 'USD/CNY': g.pick(['7.10', '7.2345', '6.9']), 'KRW/CNY': '0.0051' };
    if (g.chance(0.5)) input.exchange_rates['USD/KRW'] = g.pick(['1380', '1400.5']);
    else input.exchange_rates['KRW/USD'] = '0.00072';
  }
  let day = g.int(0, 300);
  input.events = Array.from({ length: g.int(1, 14) }, () => {
    day += g.pick([0, 0, 1, 1, 2, 7, 30]);
    const event = { at: timestamp(g, day) };
    if (g.chance(0.65)) {
      const kind = g.int(0, 2);
      event.buy =
        kind === 0
          ? { amount: g.money(1, 400) }
          : kind === 1
            ? { coins: g.pick([65, 70, 330, 350, 660, 1321, 3303, 6607]) }
            : { amount: String(g.int(1000, 600000)), currency: 'KRW' };
      if (g.chance(0.3)) event.guardian_approved = g.chance(0.7);
    } else {
      event.gift = { gift: g.pick(GIFTS), count: g.logInt(50) };
    }
    return event;
  });
  return input;
}

function scenario(g, { viewers = 3000 } = {}) {
  const cards = TIKTOK_USD.filter(() => g.chance(0.6));
  const channels = (cards.length ? cards : ['tiktok-ios']).map((rate_card) => ({ rate_card, share: '1' }));
  // Shares that add up to exactly one, in hundredths.
  let left = 100;
  channels.forEach((c, i) => {
    const share = i === channels.length - 1 ? left : g.int(1, left - (channels.length - 1 - i));
    left -= share;
    c.share = (share / 100).toFixed(2);
  });
  const spenders = g.int(2, 30);
  const input = {
    channels,
    rule_set: g.pick(RULE_SETS),
    exchange_rates: { 'USD/CNY': '7.10', 'USD/KRW': '1380' },
    viewers: g.int(50, viewers),
    ages: [
      { min_age: g.int(6, 12), max_age: 16, share: '0.3' },
      { min_age: 16, max_age: 18, share: '0.2' },
      { min_age: 18, max_age: 65, share: '0.5' },
    ],
    segments: [
      { id: 'non-spenders', share: ((100 - spenders) / 100).toFixed(2) },
      {
        id: 'fans',
        share: ((spenders - 1) / 100).toFixed(2),
        budget: g.chance(0.5) ? { distribution: 'lognormal', median: g.money(1, 60), sigma: g.pick(['0.3', '0.8', '1.2']) } : { distribution: 'uniform', min: '1.00', max: g.money(2, 80) },
        active_days_per_week: g.pick(['1', '2.5', '7']),
        gifts_per_active_day: g.pick(['0.5', '3', '12']),
        top_up: g.pick(['0.99', '4.99', '19.99']),
        gifts: gifts(g, g.int(1, 4)).map(({ gift }) => ({ gift, weight: g.int(1, 9) })),
      },
      {
        id: 'whales',
        share: '0.01',
        budget: { distribution: 'pareto', min: g.money(50, 300), alpha: g.pick(['1.1', '1.5', '2.5']), max: '20000.00' },
        top_up: '99.99',
        gifts: [{ gift: g.pick(['galaxy', 'lion', 'sports-car', 'tiktok-universe']), weight: 1 }],
      },
    ],
    elasticity: g.pick(['0', '-0.5', '-1.3']),
    creators: { count: g.int(1, 500), zipf_exponent: g.pick(['0', '1.1', '2']) },
    days: g.int(1, 45),
    start: `2026-0${g.int(1, 9)}-${String(g.int(1, 28)).padStart(2, '0')}`,
    runs: g.int(1, 4),
    seed: g.int(0, 2 ** 31),
  };
  if (g.chance(0.3)) input.guardian_approval_rate = g.pick(['0', '0.5', '1']);
  return input;
}

function sweep(g) {
  const base = scenario(g, { viewers: 800 });
  if (g.chance(0.5)) {
    return { base, grid: [{ parameter: 'price_multiplier', values: ['0.9', '1.0', '1.2'] }, { parameter: 'elasticity', values: ['0', '-1'] }].slice(0, g.int(1, 2)) };
  }
  return { base, variants: [{ name: `+${g.int(1, 30)} % on ${base.channels[0].rate_card}`, changes: { [`price_multiplier:${base.channels[0].rate_card}`]: g.pick(['1.05', '1.3']) } }] };
}

function audit(g) {
  const input = { rate_card: g.pick([...CARDS, 'tiktok-ios-eur', 'tiktok-web-jpy', 'tiktok-web-gbp']) };
  if (g.chance(0.4)) input.all_channels = true;
  if (g.chance(0.3)) input.gifts = gifts(g, g.int(1, 3)).map(({ gift }) => gift);
  if (g.chance(0.7)) {
    input.region = g.pick([...REGIONS, 'US-TX', 'US-UT', 'AU', 'JP', 'ZZ']);
    input.date = `${g.int(2011, 2028)}-${String(g.int(1, 12)).padStart(2, '0')}-${String(g.int(1, 28)).padStart(2, '0')}`;
  }
  return input;
}

/** `[{ name, op, text }]`: `count` inputs per operation weight, from `seed`. */
export function generatedInputs({ seed = 20261124, quotes = 130, compares = 30, plans = 90, simulations = 35, sweeps = 15, audits = 25 } = {}) {
  const g = generator(seed);
  const out = [];
  const add = (op, n, make) => {
    for (let i = 0; i < n; i++) out.push({ name: `generated ${op} #${i + 1}`, op, text: JSON.stringify(make(g)) });
  };
  add('quote', quotes, quote);
  add('compare', compares, compare);
  add('plan', plans, plan);
  add('simulate', simulations, scenario);
  add('sweep', sweeps, sweep);
  add('audit', audits, audit);
  return out;
}
