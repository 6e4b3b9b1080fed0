// What the lab starts from, and the lab's document: one scenario plus what each mode adds (the
// sweep grid, the A/B variants, a calibration, an optimization, the plan of a real experiment,
// an audit), in the engine's own JSON (money as decimal strings). The scenario below is
// examples/simulate-tiktok-us-teens.json, so a first click on Run answers a real question (the
// end-to-end test keeps the two equal).

/** examples/simulate-tiktok-us-teens.json: 100,000 US viewers on TikTok's three channels. */
export const EXAMPLE_SCENARIO = Object.freeze({
  "channels": [
    {
      "rate_card": "tiktok-ios",
      "share": "0.55"
    },
    {
      "rate_card": "tiktok-android",
      "share": "0.35"
    },
    {
      "rate_card": "tiktok-web",
      "share": "0.10"
    }
  ],
  "rule_set": "under18-family",
  "viewers": 100000,
  "ages": [
    {
      "min_age": 13,
      "max_age": 16,
      "share": "0.12"
    },
    {
      "min_age": 16,
      "max_age": 18,
      "share": "0.13"
    },
    {
      "min_age": 18,
      "max_age": 25,
      "share": "0.35"
    },
    {
      "min_age": 25,
      "max_age": 65,
      "share": "0.40"
    }
  ],
  "segments": [
    {
      "id": "non-spenders",
      "share": "0.92"
    },
    {
      "id": "minnows",
      "share": "0.06",
      "budget": {
        "distribution": "lognormal",
        "median": "5.00",
        "sigma": "0.7",
        "max": "60.00"
      },
      "active_days_per_week": "1.5",
      "gifts_per_active_day": "4",
      "top_up": "4.99",
      "gifts": [
        {
          "gift": "rose",
          "weight": 10
        },
        {
          "gift": "finger-heart",
          "weight": 5
        },
        {
          "gift": "doughnut",
          "weight": 3
        },
        {
          "gift": "hand-hearts",
          "weight": 1
        }
      ]
    },
    {
      "id": "dolphins",
      "share": "0.018",
      "budget": {
        "distribution": "lognormal",
        "median": "40.00",
        "sigma": "0.6",
        "max": "500.00"
      },
      "active_days_per_week": "3",
      "gifts_per_active_day": "5",
      "top_up": "19.99",
      "gifts": [
        {
          "gift": "finger-heart",
          "weight": 4
        },
        {
          "gift": "hand-hearts",
          "weight": 4
        },
        {
          "gift": "corgi",
          "weight": 2
        },
        {
          "gift": "money-gun",
          "weight": 1
        },
        {
          "gift": "galaxy",
          "weight": 1
        }
      ]
    },
    {
      "id": "whales",
      "share": "0.002",
      "budget": {
        "distribution": "pareto",
        "min": "300.00",
        "alpha": "1.5",
        "max": "20000.00"
      },
      "active_days_per_week": "5",
      "gifts_per_active_day": "6",
      "top_up": "249.99",
      "gifts": [
        {
          "gift": "galaxy",
          "weight": 4
        },
        {
          "gift": "sports-car",
          "weight": 2
        },
        {
          "gift": "lion",
          "weight": 1
        },
        {
          "gift": "tiktok-universe",
          "weight": 1
        }
      ]
    }
  ],
  "elasticity": "-0.5",
  "creators": {
    "count": 2000,
    "zipf_exponent": "1.1"
  },
  "guardian_approval_rate": "0.6",
  "days": 30,
  "start": "2026-03-01",
  "runs": 20,
  "seed": 2026
});

/** The grid of examples/sweep-prices-elasticity.json: prices against elasticity. */
export const DEFAULT_GRID = Object.freeze([
  { parameter: 'price_multiplier', values: ['0.9', '1.0', '1.1', '1.25'] },
  { parameter: 'elasticity', values: ['0', '-0.5', '-1'] },
]);

/** The question of issue 6 on the example's own rules: iOS 10 % dearer, teens capped lower. */
export const DEFAULT_VARIANTS = Object.freeze([
  { name: 'iOS +10 %, 13–17 capped at $20 a month', changes: { 'price_multiplier:tiktok-ios': '1.10', 'cap:13-to-17/monthly': '20.00' } },
]);

/** The calibration the lab opens with: three published targets (Swrve, 2016) and three free
 * parameters of the example scenario. */
export const DEFAULT_CALIBRATION = Object.freeze({
  free: [
    { parameter: 'segment:minnows/share', min: '0.001', max: '0.1' },
    { parameter: 'segment:dolphins/budget.median', min: '5.00', max: '200.00' },
    { parameter: 'segment:whales/share', min: '0.0001', max: '0.01' },
  ],
  targets: [
    { metric: 'payer_share', value: '0.019', tolerance: '0.05' },
    { metric: 'arppu', value: '24.33', tolerance: '0.05' },
    { metric: 'top_10pct_revenue_share', value: '0.48', tolerance: '0.05' },
  ],
  max_evaluations: 120,
});

/** The optimization the lab opens with: the iPhone and Android prices that earn the platform
 * most while at least 7.5 % of viewers still pay (the example pays about 7.6 % at today's
 * prices, fewer as prices rise). */
export const DEFAULT_OPTIMIZATION = Object.freeze({
  variables: [
    { parameter: 'price_multiplier:tiktok-ios', min: '0.8', max: '1.5', step: '0.05' },
    { parameter: 'price_multiplier:tiktok-android', min: '0.8', max: '1.5', step: '0.05' },
  ],
  objective: { metric: 'platform_margin' },
  constraints: [{ metric: 'payer_share', at_least: '0.075' }],
  max_evaluations: 40,
});

/**
 * The real experiment the lab plans first: the first A/B variant's change (`variant` is the
 * lab's own key: the index of the variant whose changes are the engine's `change`), 100,000
 * users per arm for four weeks, looked at once a week.
 */
export const DEFAULT_PLAN = Object.freeze({
  variant: 0,
  users_per_arm: 100000,
  days: 28,
  looks: 4,
});

/**
 * The audit the lab opens with: the scenario's first card (no `rate_card` of its own) and its
 * platform's other channels, with no region, so no rules, until one is picked; the rules are
 * read for today, by this browser's clock, so a new audit is of the rules as they stand now.
 */
export function defaultAudit() {
  return { all_channels: true, date: today() };
}

/** Today in this browser's time zone, as `YYYY-MM-DD`. */
export function today(now = new Date()) {
  const two = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
