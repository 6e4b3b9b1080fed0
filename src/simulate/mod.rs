//! Population Monte Carlo for product teams: many viewers, many days, many runs, seeded and
//! deterministic, aggregated as it goes.
//!
//! - [`scenario`]: what is simulated (input and validation);
//! - [`population`]: the hot loop over viewers and days, and the rules at day resolution;
//! - [`rng`]: the seeded generator and samplers;
//! - [`stats`]: percentiles over runs, and one point compared with a base run by run;
//! - [`sweep`]: a scenario over a grid of parameters, and A/B variants;
//! - [`calibrate`]: free parameters fitted to a team's own numbers;
//! - [`csv`]: the CSV the CLI prints with `--csv`.
//!
//! The engine answers in raw per-run parts ([`RunPart`]) and their metrics ([`RunMetrics`]);
//! `ops::simulate` and `ops::sweep` dress them as the contract's answers.

pub mod calibrate;
pub mod csv;
pub mod optimize;
pub mod parameter;
pub mod population;
pub mod power;
pub mod rng;
pub mod scenario;
pub mod stats;
pub mod sweep;
pub mod uncertain;

use crate::error::{Error, ErrorCode, Result};
use crate::money::{Fraction, Money, RoundingPoint};
use crate::payout;
use crate::rate_card::{AgencyPayer, CreatorTerms};
use population::{DayTotals, GroupTotals, Model, PurchaseTotals, Scratch, Totals};
use scenario::Scenario;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Viewers simulated between two progress reports (and the unit of parallel work).
pub const CHUNK: u64 = 1 << 15;

/// The largest count an answer holds: 2^53 − 1, the largest integer every JSON reader
/// (JavaScript's included) keeps exactly. A count beyond it is an `overflow` error naming the
/// metric, never a rounded number.
pub const MAX_EXACT_COUNT: u64 = (1 << 53) - 1;

/// Reports progress as `(done, total)` viewer-runs; returning `false` cancels the run.
pub type Report<'a> = &'a (dyn Fn(u64, u64) -> bool + Sync);

/// Runs `from..to` of a scenario, as raw integers: what another thread, process or Web Worker
/// hands back so that [`check_parts`] and [`metrics`] can assemble the same answer as one run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunPart {
    /// Run number.
    pub run: u32,
    /// Money metrics in minor units.
    pub money: BTreeMap<String, i128>,
    /// Count metrics.
    pub counts: BTreeMap<String, u128>,
    /// By age group: every metric of [`group_metric`].
    pub by_age: Vec<GroupPart>,
    /// By day.
    pub by_day: Vec<DayTotals>,
    /// Ratio metrics in millionths.
    pub ratios: BTreeMap<String, i128>,
    /// By segment: every metric of [`group_metric`].
    pub by_segment: Vec<GroupPart>,
    /// By purchase: each channel's bundles, then its custom amount.
    pub by_purchase: Vec<PurchaseTotals>,
    /// The uncertain parameters' values this run drew ([`uncertain`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub drawn: BTreeMap<String, String>,
}

/// One age group's or segment's metrics in one run, named as the run's own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupPart {
    /// Money metrics in minor units.
    pub money: BTreeMap<String, i128>,
    /// Count metrics.
    pub counts: BTreeMap<String, u128>,
    /// Ratio metrics in millionths.
    pub ratios: BTreeMap<String, i128>,
}

impl GroupPart {
    /// Money metric `name` in minor units (0 where the group has none).
    pub fn money(&self, name: &str) -> i128 {
        self.money.get(name).copied().unwrap_or(0)
    }

    /// Count metric `name` (0 where the group has none).
    pub fn count(&self, name: &str) -> u128 {
        self.counts.get(name).copied().unwrap_or(0)
    }

    /// Ratio metric `name` in millionths (0 where the group has none).
    pub fn ratio(&self, name: &str) -> i128 {
        self.ratios.get(name).copied().unwrap_or(0)
    }
}

/// Metrics of what creators are paid: they depend on every viewer's gifts to a creator
/// together (payout minimums, agency cuts), so they are given for everyone, not per group.
pub const CREATOR_METRICS: &[&str] = &[
    "creator_payouts",
    "agency",
    "platform_margin",
    "withdrawn",
    "withdrawal_fees",
    "unwithdrawn",
    "creators_with_gifts",
    "creators_paid",
];

/// Whether metric `name` is also given per age group and per segment: every metric but those
/// of [`CREATOR_METRICS`].
pub fn group_metric(name: &str) -> bool {
    !CREATOR_METRICS.contains(&name)
}

/// The metrics of a group of viewers (everyone, an age group, a segment): every metric of
/// [`group_metric`], each worked out here once.
fn group_part(g: &GroupTotals) -> Result<GroupPart> {
    let viewers = g.viewers as i128;
    let payers = g.payers as i128;
    let per = |den: i128| -> Result<i128> {
        if den == 0 {
            return Ok(0);
        }
        Fraction::new(1, den).apply(g.spend, RoundingPoint::Statistic)
    };
    let named = |pairs: Vec<(&str, i128)>| -> BTreeMap<String, i128> {
        pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
    };
    Ok(GroupPart {
        money: named(vec![
            ("budgets", g.budgets),
            ("viewer_spend", g.spend),
            ("tax", g.tax),
            ("store_fees", g.store_fees),
            ("payment_fees", g.payment_fees),
            ("unspent_coins_value", g.unspent_net),
            ("gifted_value", g.gifted),
            ("blocked_spend", g.blocked_spend),
            ("blocked_gifts", g.blocked_gifts),
            ("arpu", per(viewers)?),
            ("arppu", per(payers)?),
        ]),
        counts: [
            ("viewers", g.viewers),
            ("spenders", g.spenders),
            ("payers", g.payers),
            ("purchases", g.purchases),
            ("gifts", g.gifts),
            ("coins_bought", g.coins_bought),
            ("coins_gifted", g.coins_gifted),
            (
                "unspent_coins",
                g.coins_bought.saturating_sub(g.coins_gifted),
            ),
            ("diamonds", g.diamonds),
            ("warnings", g.warnings),
            ("channel_switches", g.switches),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect(),
        ratios: named(vec![
            ("payer_share", millionths(payers, viewers)),
            (
                "purchases_per_payer",
                millionths(g.purchases as i128, payers),
            ),
            ("top_1pct_revenue_share", g.top_share(10)),
            ("top_10pct_revenue_share", g.top_share(100)),
            (
                "top_20pct_viewers_revenue_share",
                g.top_spenders_share((g.viewers * 200).div_ceil(1000)),
            ),
        ]),
    })
}

/// The metrics of one run, as the answer gives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RunMetrics {
    /// Run number.
    pub run: u32,
    /// Money metrics by name.
    pub money: BTreeMap<String, Money>,
    /// Count metrics by name.
    pub counts: BTreeMap<String, u64>,
    /// Ratio metrics by name ([`RoundingPoint::Ratio`]: 6 decimals).
    #[schemars(with = "BTreeMap<String, String>")]
    #[serde(serialize_with = "ratio_map")]
    pub ratios: BTreeMap<String, i128>,
    /// The uncertain parameters' values this run drew.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inputs: BTreeMap<String, String>,
}

fn ratio_map<S: serde::Serializer>(
    ratios: &BTreeMap<String, i128>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.collect_map(ratios.iter().map(|(k, v)| (k, ratio_text(*v))))
}

/// A ratio in millionths as the answer writes it (`0.019000`).
pub fn ratio_text(millionths: i128) -> String {
    rust_decimal::Decimal::try_from_i128_with_scale(millionths, 6)
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// `num / den` in millionths, rounded at [`RoundingPoint::Ratio`] (0 when `den` is 0).
pub fn millionths(num: i128, den: i128) -> i128 {
    if den <= 0 {
        return 0;
    }
    Fraction::new(1_000_000, den)
        .apply(num, RoundingPoint::Ratio)
        .unwrap_or(0)
}

impl RunMetrics {
    /// Money metric `name` in minor units (0 where the run has none).
    pub fn money_minor(&self, name: &str) -> i128 {
        self.money.get(name).map_or(0, |m| m.minor())
    }

    /// Count metric `name` (0 where the run has none).
    pub fn count(&self, name: &str) -> u64 {
        self.counts.get(name).copied().unwrap_or(0)
    }

    /// Ratio metric `name` in millionths (0 where the run has none).
    pub fn ratio(&self, name: &str) -> i128 {
        self.ratios.get(name).copied().unwrap_or(0)
    }
}

/// Money metrics, their meaning, in output order.
pub const MONEY_METRICS: &[(&str, &str)] = &[
    (
        "budgets",
        "what spenders were willing to spend over the horizon",
    ),
    ("viewer_spend", "what viewers paid"),
    ("tax", "VAT or sales tax"),
    ("store_fees", "app-store commission"),
    ("payment_fees", "card processing"),
    (
        "creator_payouts",
        "creator earnings after any agency cut they pay",
    ),
    ("agency", "agencies' cut"),
    ("platform_margin", "what the platform keeps of coins gifted"),
    (
        "unspent_coins_value",
        "net value of coins bought but not gifted (breakage)",
    ),
    ("gifted_value", "what the gifted coins cost viewers"),
    ("blocked_spend", "purchases the rules blocked"),
    ("blocked_gifts", "gifts the rules blocked (value)"),
    (
        "withdrawn",
        "creator money withdrawn (after the horizon, under the payout terms)",
    ),
    ("withdrawal_fees", "fees on withdrawals"),
    (
        "unwithdrawn",
        "creator money below the payout minimum (breakage)",
    ),
    ("arpu", "what viewers paid, per viewer"),
    ("arppu", "what viewers paid, per paying viewer"),
];

/// Count metrics, their meaning, in output order.
pub const COUNT_METRICS: &[(&str, &str)] = &[
    (
        "viewers",
        "viewers present while counting (with a retention curve, those who joined too)",
    ),
    ("spenders", "viewers with a budget"),
    ("payers", "viewers who bought at least once"),
    ("purchases", "top-ups made"),
    ("gifts", "gifts sent"),
    ("coins_bought", "coins bought"),
    ("coins_gifted", "coins gifted"),
    ("unspent_coins", "coins bought but not gifted"),
    ("diamonds", "diamonds creators received"),
    ("creators_with_gifts", "creators who received anything"),
    ("creators_paid", "creators at or above the payout minimum"),
    ("warnings", "purchases and gifts that warned"),
    (
        "channel_switches",
        "viewers who moved to a cheaper channel of the same platform",
    ),
];

/// Ratio metrics, their meaning, in output order (6 decimals).
pub const RATIO_METRICS: &[(&str, &str)] = &[
    ("payer_share", "share of viewers who bought at least once"),
    ("purchases_per_payer", "purchases per paying viewer"),
    (
        "top_1pct_revenue_share",
        "share of what viewers paid that came from the top 1 % of payers",
    ),
    (
        "top_10pct_revenue_share",
        "share of what viewers paid that came from the top 10 % of payers",
    ),
    (
        "top_20pct_viewers_revenue_share",
        "share of what viewers paid that came from the top 20 % of all viewers",
    ),
];

/// A count as the answer holds it, or an `overflow` error naming `metric`.
pub fn exact_count(metric: &str, value: u128) -> Result<u64> {
    u64::try_from(value)
        .ok()
        .filter(|v| *v <= MAX_EXACT_COUNT)
        .ok_or_else(|| {
            Error::new(
                ErrorCode::Overflow,
                "",
                format!(
                    "`{metric}` reached {value}, more than {MAX_EXACT_COUNT}, the largest count an answer can give exactly"
                ),
            )
            .with("metric", metric)
            .with("max", MAX_EXACT_COUNT)
        })
}

/// Runs a validated scenario, on up to `threads` threads when the `parallel` feature is on.
/// The parts are the same, bit for bit, for any number of threads.
pub fn run(s: &Scenario, report: Report<'_>, threads: usize) -> Result<Vec<RunPart>> {
    run_part(s, 0, s.runs, report, threads)
}

/// Runs `from..to` of a scenario (progress counts only these runs).
pub fn run_part(
    s: &Scenario,
    from: u32,
    to: u32,
    report: Report<'_>,
    threads: usize,
) -> Result<Vec<RunPart>> {
    check_terms(s)?;
    if from > to || to > s.runs {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            "runs",
            format!(
                "runs {from} to {to} are not within the scenario's {} runs",
                s.runs
            ),
        ));
    }
    let model = Model::new(s)?;
    let total = s.viewers * u64::from(to - from);
    let done = std::sync::atomic::AtomicU64::new(0);
    let progress = |n: u64| -> Result<()> {
        let d = done.fetch_add(n, std::sync::atomic::Ordering::Relaxed) + n;
        if report(d, total) {
            Ok(())
        } else {
            Err(Error::new(
                ErrorCode::Cancelled,
                "",
                "the simulation was cancelled",
            ))
        }
    };
    let chunks = chunks(s);
    // Few viewers and several runs: the runs are the work items, each on one thread.
    let by_runs = (chunks.len() as u64) < threads as u64 && to - from > 1;
    let inner_threads = if by_runs { 1 } else { threads };
    let run_one = |run: u32| -> Result<RunPart> {
        // A run with uncertain parameters has a scenario (and a model) of its own.
        let drawn = uncertain::for_run(s, run)?;
        let own_model = match &drawn {
            Some((scenario, _)) => Some(Model::new(scenario)?),
            None => None,
        };
        let (s, model) = match (&drawn, &own_model) {
            (Some((scenario, _)), Some(m)) => (scenario, m),
            _ => (s, &model),
        };
        let work =
            |acc: &mut Totals, scratch: &mut Scratch, (from, to): (u64, u64)| -> Result<()> {
                model.viewers(u64::from(run), from, to, acc, scratch)?;
                progress(to - from)
            };
        let totals = parallel_fold(
            &chunks,
            inner_threads,
            || Totals::new(s),
            work,
            |a, b| a.merge(&b),
        )?;
        let mut part = finish_run(s, run, totals)?;
        part.drawn = drawn.map(|d| d.1).unwrap_or_default();
        Ok(part)
    };
    let runs: Vec<u32> = (from..to).collect();
    parallel_map(&runs, if by_runs { threads } else { 1 }, run_one)
}

/// The scenario's viewers in chunks of [`CHUNK`]: the work items of a run.
fn chunks(s: &Scenario) -> Vec<(u64, u64)> {
    (0..s.viewers.div_ceil(CHUNK))
        .map(|c| (c * CHUNK, ((c + 1) * CHUNK).min(s.viewers)))
        .collect()
}

/// What one run's viewers paid, as a histogram: the viewers counted, and per spend bin the
/// payers and what they paid together (bins at most 4.4 % wide). The power analysis draws
/// experiment arms from it.
pub fn spend_histogram(
    s: &Scenario,
    report: Report<'_>,
    threads: usize,
) -> Result<(u128, Vec<(u128, i128)>)> {
    check_terms(s)?;
    let drawn = uncertain::for_run(s, 0)?;
    let s = drawn.as_ref().map_or(s, |d| &d.0);
    let model = Model::new(s)?;
    let chunks = chunks(s);
    let done = std::sync::atomic::AtomicU64::new(0);
    let work = |acc: &mut Totals, scratch: &mut Scratch, (from, to): (u64, u64)| -> Result<()> {
        model.viewers(0, from, to, acc, scratch)?;
        let d = done.fetch_add(to - from, std::sync::atomic::Ordering::Relaxed) + (to - from);
        if report(d, s.viewers) {
            Ok(())
        } else {
            Err(Error::new(
                ErrorCode::Cancelled,
                "",
                "the simulation was cancelled",
            ))
        }
    };
    let totals = parallel_fold(
        &chunks,
        threads,
        || Totals::new(s),
        work,
        |a, b| a.merge(&b),
    )?;
    let all = totals.all();
    Ok((all.viewers, all.spend_bins))
}

/// A pool for one simulation (the caller's choice, not rayon's global pool): `threads` threads,
/// but never more than the machine's cores or the `items` to share, since more would only cost
/// memory (`threads=10**6` from Python would otherwise start a million threads). The answer
/// never depends on the number.
#[cfg(feature = "parallel")]
fn thread_pool(threads: usize, items: usize) -> Result<rayon::ThreadPool> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads.min(cores).min(items).max(1))
        .build()
        .map_err(|e| {
            Error::new(
                ErrorCode::TooLarge,
                "",
                format!("could not start the simulation's threads: {e}"),
            )
        })
}

/// `f` over `items` in order, on up to `threads` threads when the `parallel` feature is on.
fn parallel_map<T, R>(
    items: &[T],
    threads: usize,
    f: impl Fn(T) -> Result<R> + Sync,
) -> Result<Vec<R>>
where
    T: Copy + Send + Sync,
    R: Send,
{
    #[cfg(feature = "parallel")]
    if threads > 1 && items.len() > 1 {
        use rayon::prelude::*;
        let pool = thread_pool(threads, items.len())?;
        return pool.install(|| items.par_iter().map(|&item| f(item)).collect());
    }
    let _ = threads;
    items.iter().map(|&item| f(item)).collect()
}

/// Folds `items` into one accumulator, split over threads when allowed. Every accumulator
/// merge is a sum of integers, so the result does not depend on how the work was split.
fn parallel_fold<T, A>(
    items: &[T],
    threads: usize,
    init: impl Fn() -> A + Sync,
    work: impl Fn(&mut A, &mut Scratch, T) -> Result<()> + Sync,
    merge: impl Fn(&mut A, A) + Sync,
) -> Result<A>
where
    T: Copy + Send + Sync,
    A: Send,
{
    #[cfg(feature = "parallel")]
    if threads > 1 && items.len() > 1 {
        use rayon::prelude::*;
        let pool = thread_pool(threads, items.len())?;
        return pool.install(|| {
            items
                .par_iter()
                .try_fold(
                    || (init(), Scratch::default()),
                    |(mut acc, mut scratch), &item| {
                        work(&mut acc, &mut scratch, item)?;
                        Ok((acc, scratch))
                    },
                )
                .map(|r: Result<(A, Scratch)>| r.map(|(a, _)| a))
                .try_reduce(&init, |mut a, b| {
                    merge(&mut a, b);
                    Ok(a)
                })
        });
    }
    let _ = threads;
    let mut acc = init();
    let mut scratch = Scratch::default();
    for &item in items {
        work(&mut acc, &mut scratch, item)?;
    }
    let _ = &merge;
    Ok(acc)
}

/// Parts that cover every run of the scenario exactly once (in any order), sorted by run; an
/// `invalid_value` error otherwise.
pub fn check_parts(s: &Scenario, mut parts: Vec<RunPart>) -> Result<Vec<RunPart>> {
    crate::sort::sort_by_key(&mut parts, |p| p.run);
    let complete = parts.len() == s.runs as usize
        && parts.iter().enumerate().all(|(i, p)| {
            p.run as usize == i
                && p.by_age.len() == s.ages.len()
                && p.by_day.len() == s.days as usize
                && p.by_segment.len() == s.segments.len()
                && p.by_purchase.len() == purchases(s)
        });
    if !complete {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "runs",
            format!(
                "the parts do not cover the scenario's {} runs exactly once",
                s.runs
            ),
        ));
    }
    if let Some(p) = parts.iter().find(|p| !p.is_plausible()) {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "runs",
            format!(
                "the part of run {} is damaged: a metric is missing or beyond what a run can total",
                p.run
            ),
        )
        .with("run", p.run));
    }
    Ok(parts)
}

/// The largest magnitude a run's total can reach within the documented limits (10^21 minor
/// units, at most ~1.2 × 10^20 as `tests/simulate.rs` shows), with room to spare: sums over
/// 1,000 runs, times 100 for percentages, stay far inside i128.
const MAX_PART_TOTAL: u128 = 10u128.pow(30);

impl RunPart {
    /// Every metric present and within [`MAX_PART_TOTAL`], as a part from `run_part` is; parts
    /// come back from workers as JSON, so they are checked before any sum.
    fn is_plausible(&self) -> bool {
        let money = |v: &i128| v.unsigned_abs() <= MAX_PART_TOTAL;
        let count = |v: &u128| *v <= MAX_PART_TOTAL;
        self.money.len() == MONEY_METRICS.len()
            && MONEY_METRICS
                .iter()
                .all(|(k, _)| self.money.get(*k).is_some_and(money))
            && self.counts.len() == COUNT_METRICS.len()
            && COUNT_METRICS
                .iter()
                .all(|(k, _)| self.counts.get(*k).is_some_and(count))
            && self
                .by_age
                .iter()
                .chain(&self.by_segment)
                .all(|g| g.is_plausible())
            && self
                .by_day
                .iter()
                .all(|d| count(&d.warnings) && [d.spend, d.gifted, d.blocked].iter().all(money))
            && self.ratios.len() == RATIO_METRICS.len()
            && RATIO_METRICS.iter().all(|(k, _)| {
                self.ratios
                    .get(*k)
                    .is_some_and(|v| v.unsigned_abs() <= MAX_PART_TOTAL)
            })
            && self
                .by_purchase
                .iter()
                .all(|p| count(&p.purchases) && money(&p.spend))
    }
}

impl GroupPart {
    /// Every group metric present and within [`MAX_PART_TOTAL`].
    fn is_plausible(&self) -> bool {
        let named = |list: &[(&str, &str)]| list.iter().filter(|(k, _)| group_metric(k)).count();
        self.money.len() == named(MONEY_METRICS)
            && self.counts.len() == named(COUNT_METRICS)
            && self.ratios.len() == named(RATIO_METRICS)
            && [(MONEY_METRICS, &self.money), (RATIO_METRICS, &self.ratios)]
                .iter()
                .all(|(list, values)| {
                    list.iter().filter(|(k, _)| group_metric(k)).all(|(k, _)| {
                        values
                            .get(*k)
                            .is_some_and(|v| v.unsigned_abs() <= MAX_PART_TOTAL)
                    })
                })
            && COUNT_METRICS
                .iter()
                .filter(|(k, _)| group_metric(k))
                .all(|(k, _)| self.counts.get(*k).is_some_and(|v| *v <= MAX_PART_TOTAL))
    }
}

/// Every run's metrics as the answer gives them (counts checked against [`MAX_EXACT_COUNT`]).
pub fn metrics(s: &Scenario, parts: &[RunPart]) -> Result<Vec<RunMetrics>> {
    parts
        .iter()
        .map(|p| {
            Ok(RunMetrics {
                run: p.run,
                money: p
                    .money
                    .iter()
                    .map(|(k, v)| (k.clone(), Money::from_minor(*v, s.currency)))
                    .collect(),
                counts: p
                    .counts
                    .iter()
                    .map(|(k, v)| Ok((k.clone(), exact_count(k, *v)?)))
                    .collect::<Result<_>>()?,
                ratios: p.ratios.clone(),
                inputs: p.drawn.clone(),
            })
        })
        .collect()
}

/// Every channel of a scenario pays creators alike; the simulation pays them once per creator.
fn check_terms(s: &Scenario) -> Result<()> {
    let first = &s.channels[0].card;
    for card in s.channels[1..].iter().map(|c| &c.card) {
        if card.creator != first.creator
            || card.agency != first.agency
            || card.payout != first.payout
        {
            return Err(Error::new(
                ErrorCode::ConflictingFields,
                "channels",
                format!(
                    "{} and {} pay creators differently (creator, agency or payout terms); a scenario's channels must share them",
                    first.id, card.id
                ),
            ));
        }
    }
    Ok(())
}

/// The part of one run: creators paid and withdrawals, and every total.
fn finish_run(s: &Scenario, run: u32, t: Totals) -> Result<RunPart> {
    let card = &s.channels[0].card;
    let cur = s.currency;
    let (mut earnings_total, mut agency_total, mut keeps_total) = (0i128, 0i128, 0i128);
    let (mut withdrawn, mut fees, mut unwithdrawn) = (0i128, 0i128, 0i128);
    let (mut with_gifts, mut paid) = (0u128, 0u128);
    let agency_rate = Fraction::from_decimal(card.agency.rate);
    // A Diamond's value is in major units; scaled to minor units it applies to counts exactly.
    let diamond_value = match card.creator {
        CreatorTerms::PerDiamond { diamond_value, .. } => Some(
            Fraction::from_decimal(diamond_value)
                .times(Fraction::new(10i128.pow(cur.minor_units()), 1))
                .ok_or_else(|| Error::overflow("", "a Diamond's value"))?,
        ),
        CreatorTerms::ShareOfNet { .. } => None,
    };
    for (&diamonds, &basis) in t.creator_diamonds.iter().zip(&t.creator_basis) {
        if diamonds == 0 && basis == 0 {
            continue;
        }
        with_gifts += 1;
        // Credited per creator balance, toward zero.
        let earnings = match (diamond_value, card.creator) {
            (Some(value), _) => {
                let diamonds = i128::try_from(diamonds)
                    .map_err(|_| Error::overflow("", "a creator's Diamonds"))?;
                value.apply(diamonds, RoundingPoint::CreatorCash)?
            }
            (None, CreatorTerms::ShareOfNet { share }) => {
                Fraction::from_decimal(share).apply(basis, RoundingPoint::CreatorCash)?
            }
            (None, CreatorTerms::PerDiamond { .. }) => 0,
        };
        let agency = agency_rate.apply(earnings, RoundingPoint::Agency)?;
        let keeps = match card.agency.paid_by {
            AgencyPayer::Creator => earnings - agency,
            AgencyPayer::Platform => earnings,
        };
        earnings_total += earnings;
        agency_total += agency;
        keeps_total += keeps;
        let plan = payout::plan(&card.payout, Money::from_minor(keeps, cur))?;
        if plan.can_withdraw {
            paid += 1;
        }
        withdrawn += plan.total_received.minor() + plan.total_fees.minor();
        fees += plan.total_fees.minor();
        unwithdrawn += plan.remaining.minor();
    }
    let platform_pays = match card.agency.paid_by {
        AgencyPayer::Platform => agency_total,
        AgencyPayer::Creator => 0,
    };
    let all = t.all();
    let platform = all.net_spent - earnings_total - platform_pays;
    let GroupPart {
        mut money,
        mut counts,
        ratios,
    } = group_part(&all)?;
    for (name, value) in [
        ("creator_payouts", keeps_total),
        ("agency", agency_total),
        ("platform_margin", platform),
        ("withdrawn", withdrawn),
        ("withdrawal_fees", fees),
        ("unwithdrawn", unwithdrawn),
    ] {
        money.insert(name.to_string(), value);
    }
    for (name, value) in [("creators_with_gifts", with_gifts), ("creators_paid", paid)] {
        counts.insert(name.to_string(), value);
    }
    let by_age = t.by_age().iter().map(group_part).collect::<Result<_>>()?;
    let by_segment = t
        .by_segment()
        .iter()
        .map(group_part)
        .collect::<Result<_>>()?;
    let mut part = RunPart {
        run,
        money,
        counts,
        by_age,
        by_day: t.by_day,
        ratios,
        by_segment,
        by_purchase: t.by_purchase,
        drawn: BTreeMap::new(),
    };
    if s.represents > s.viewers {
        scale_up(
            &mut part,
            Fraction::new(i128::from(s.represents), i128::from(s.viewers)),
        )?;
    }
    Ok(part)
}

/// Money metrics per viewer or per payer: the same whatever the population's size.
const INTENSIVE: &[&str] = &["arpu", "arppu"];

/// A run's totals for the population its viewers stand for: every amount and count times
/// `f`, rounded at [`RoundingPoint::Statistic`]. Parts of a whole are scaled by their running
/// sums (each part is the difference of two rounded running sums), so a run still reconciles
/// to the cent: what viewers paid splits exactly into tax, fees, creators, agency, platform
/// and unspent coins; creators' pay into withdrawn and unwithdrawn; coins bought into gifted
/// and unspent.
fn scale_up(part: &mut RunPart, f: Fraction) -> Result<()> {
    let scaled = |v: i128| f.apply(v, RoundingPoint::Statistic);
    let count = |v: u128| -> Result<u128> {
        let v = i128::try_from(v).map_err(|_| Error::overflow("", "a scaled count"))?;
        u128::try_from(scaled(v)?).map_err(|_| Error::overflow("", "a scaled count"))
    };
    // Parts of a whole, in order: each becomes the step between rounded running sums.
    let split = |map: &mut BTreeMap<String, i128>, names: &[&str]| -> Result<()> {
        let (mut raw, mut before) = (0i128, 0i128);
        for name in names {
            raw += map.get(*name).copied().unwrap_or(0);
            let after = scaled(raw)?;
            map.insert(name.to_string(), after - before);
            before = after;
        }
        Ok(())
    };
    let money_parts = [
        "tax",
        "store_fees",
        "payment_fees",
        "agency",
        "platform_margin",
        "unspent_coins_value",
        "withdrawn",
        "unwithdrawn",
    ];
    for (name, v) in part.money.iter_mut() {
        if !INTENSIVE.contains(&name.as_str()) && !money_parts.contains(&name.as_str()) {
            *v = scaled(*v)?;
        }
    }
    split(&mut part.money, &money_parts)?;
    let paid = part.money.get("withdrawn").copied().unwrap_or(0)
        + part.money.get("unwithdrawn").copied().unwrap_or(0);
    part.money.insert("creator_payouts".into(), paid);
    for (name, v) in part.counts.iter_mut() {
        if name != "unspent_coins" {
            *v = count(*v)?;
        }
    }
    let bought = part.counts.get("coins_bought").copied().unwrap_or(0);
    let gifted = part.counts.get("coins_gifted").copied().unwrap_or(0);
    part.counts
        .insert("unspent_coins".into(), bought.saturating_sub(gifted));
    for g in part.by_age.iter_mut().chain(part.by_segment.iter_mut()) {
        for (name, v) in g.money.iter_mut() {
            if !INTENSIVE.contains(&name.as_str()) {
                *v = scaled(*v)?;
            }
        }
        for v in g.counts.values_mut() {
            *v = count(*v)?;
        }
    }
    for d in part.by_day.iter_mut() {
        d.spend = scaled(d.spend)?;
        d.gifted = scaled(d.gifted)?;
        d.blocked = scaled(d.blocked)?;
        d.warnings = count(d.warnings)?;
    }
    for p in part.by_purchase.iter_mut() {
        p.purchases = count(p.purchases)?;
        p.spend = scaled(p.spend)?;
    }
    Ok(())
}

/// One slot of [`RunPart::by_purchase`]: a bundle of a channel, or its custom amount.
pub struct PurchaseSlot<'a> {
    /// The channel's rate card.
    pub rate_card: &'a str,
    /// The bundle's coins; `None` for the custom amount.
    pub coins: Option<u64>,
    /// False for the custom-amount slot of a card without one.
    pub offered: bool,
}

impl PurchaseSlot<'_> {
    /// How answers and targets name it: `1321 coins`, or `custom amount`.
    pub fn name(&self) -> String {
        self.coins
            .map_or_else(|| "custom amount".to_string(), |n| format!("{n} coins"))
    }
}

/// Every slot of [`RunPart::by_purchase`], in order: each channel's bundles, then its custom
/// amount.
pub fn purchase_slots(s: &Scenario) -> Vec<PurchaseSlot<'_>> {
    s.channels
        .iter()
        .flat_map(|c| {
            let card = &c.card;
            card.bundles
                .iter()
                .map(|b| PurchaseSlot {
                    rate_card: &card.id,
                    coins: Some(b.total_coins()),
                    // A limited offer is not simulated.
                    offered: b.max_purchases.is_none(),
                })
                .chain(std::iter::once(PurchaseSlot {
                    rate_card: &card.id,
                    coins: None,
                    offered: card.custom.is_some(),
                }))
        })
        .collect()
}

/// Purchases a scenario's channels offer in all (each card's bundles and custom amount).
pub fn purchases(s: &Scenario) -> usize {
    purchase_slots(s).len()
}
