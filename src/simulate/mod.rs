//! Population Monte Carlo for product teams: many viewers, many days, many runs, seeded and
//! deterministic, aggregated as it goes.
//!
//! - [`scenario`]: what is simulated (input and validation);
//! - [`population`]: the hot loop over viewers and days;
//! - [`rng`]: the seeded generator and samplers;
//! - [`stats`]: percentiles over runs;
//! - [`sweep`]: a scenario over a grid of parameters, and A/B comparisons.

pub mod population;
pub mod rng;
pub mod scenario;
pub mod stats;
pub mod sweep;

use crate::caps::RuleSetRef;
use crate::error::{Error, ErrorCode, Result};
use crate::money::{Fraction, Money, RoundingPoint};
use crate::payout;
use crate::rate_card::{AgencyPayer, CreatorTerms, RateCardRef};
use population::{Model, Scratch, Totals};
use scenario::{AgeGroup, Scenario, ScenarioInput};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use stats::{CountStat, MoneyStat};
use std::collections::BTreeMap;

/// Viewers simulated between two progress reports (and the unit of parallel work).
pub const CHUNK: u64 = 1 << 15;

/// Progress of a long run: `done` out of `total` viewer-runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Progress {
    /// Viewer-runs simulated.
    pub done: u64,
    /// Viewer-runs in all.
    pub total: u64,
}

/// Reports progress; returning `false` cancels the simulation.
pub type ProgressFn<'a> = &'a (dyn Fn(Progress) -> bool + Sync);

/// The `simulate` request: a scenario.
pub type SimulateRequest = ScenarioInput;

/// The metrics of one run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RunMetrics {
    /// Run number.
    pub run: u32,
    /// Money metrics by name.
    pub money: BTreeMap<String, Money>,
    /// Count metrics by name.
    pub counts: BTreeMap<String, u64>,
}

/// A money metric over runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MoneyMetric {
    /// Metric name.
    pub metric: String,
    /// What it means.
    pub description: String,
    /// Percentiles and mean.
    #[serde(flatten)]
    pub stat: MoneyStat,
}

/// A count metric over runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CountMetric {
    /// Metric name.
    pub metric: String,
    /// What it means.
    pub description: String,
    /// Percentiles and mean.
    #[serde(flatten)]
    pub stat: CountStat,
}

/// Totals over runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TotalsOut {
    /// Money metrics.
    pub money: Vec<MoneyMetric>,
    /// Count metrics.
    pub counts: Vec<CountMetric>,
}

/// One age group over runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AgeGroupOut {
    /// The group.
    #[serde(flatten)]
    pub group: AgeGroup,
    /// Viewers.
    pub viewers: CountStat,
    /// Viewers with a budget.
    pub spenders: CountStat,
    /// Money paid.
    pub spend: MoneyStat,
    /// Money of blocked purchases.
    pub blocked_spend: MoneyStat,
    /// Value of blocked gifts.
    pub blocked_gifts: MoneyStat,
    /// Events that warned.
    pub warnings: CountStat,
}

/// One day over runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DayOut {
    /// Day number from 0.
    pub day: u32,
    /// The date.
    pub date: String,
    /// Money paid.
    pub spend: MoneyStat,
    /// Value of gifts sent.
    pub gifted: MoneyStat,
    /// Money of blocked purchases and gifts.
    pub blocked: MoneyStat,
    /// Events that warned.
    pub warnings: CountStat,
}

/// What was simulated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ScenarioOut {
    /// The channels' cards.
    pub rate_cards: Vec<RateCardRef>,
    /// The rules.
    pub rule_set: RuleSetRef,
    /// Currency of every amount.
    pub currency: crate::money::Currency,
    /// Viewers.
    pub viewers: u64,
    /// Creators.
    pub creators: u64,
    /// Days.
    pub days: u32,
    /// Runs.
    pub runs: u32,
    /// Seed.
    pub seed: u64,
    /// Price multiplier applied to every card.
    #[schemars(with = "String")]
    #[serde(serialize_with = "crate::money::decimal_string")]
    pub price_multiplier: rust_decimal::Decimal,
    /// Elasticity.
    #[schemars(with = "String")]
    #[serde(serialize_with = "crate::money::decimal_string")]
    pub elasticity: rust_decimal::Decimal,
}

/// The `simulate` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SimulateResponse {
    /// What was simulated.
    pub scenario: ScenarioOut,
    /// Totals: P5, P50, P95 and mean over runs.
    pub totals: TotalsOut,
    /// By age group.
    pub by_age: Vec<AgeGroupOut>,
    /// By day.
    pub by_day: Vec<DayOut>,
    /// Every run's totals (they reconcile to the cent).
    pub runs: Vec<RunMetrics>,
}

/// Runs `from..to` of a scenario, as raw integers: what another thread, process or Web Worker
/// hands back so that [`merge`] can assemble the same answer as one [`run_scenario`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunPart {
    /// Run number.
    pub run: u32,
    /// Money metrics in minor units.
    pub money: BTreeMap<String, i64>,
    /// Count metrics.
    pub counts: BTreeMap<String, u64>,
    /// By age group.
    pub by_age: Vec<population::AgeTotals>,
    /// By day.
    pub by_day: Vec<population::DayTotals>,
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
];

/// Count metrics, their meaning, in output order.
pub const COUNT_METRICS: &[(&str, &str)] = &[
    ("spenders", "viewers with a budget"),
    ("purchases", "top-ups made"),
    ("gifts", "gifts sent"),
    ("coins_bought", "coins bought"),
    ("coins_gifted", "coins gifted"),
    ("unspent_coins", "coins bought but not gifted"),
    ("diamonds", "diamonds creators received"),
    ("creators_with_gifts", "creators who received anything"),
    ("creators_paid", "creators at or above the payout minimum"),
    ("warnings", "purchases and gifts that warned"),
];

/// Every run's metrics as CSV: one row per run, one column per metric.
pub fn to_csv(resp: &SimulateResponse) -> String {
    let mut header = vec!["run".to_string()];
    header.extend(MONEY_METRICS.iter().map(|(m, _)| m.to_string()));
    header.extend(COUNT_METRICS.iter().map(|(m, _)| m.to_string()));
    let mut out = sweep::csv_line(&header);
    for r in &resp.runs {
        let mut cells = vec![r.run.to_string()];
        cells.extend(
            MONEY_METRICS
                .iter()
                .map(|(m, _)| r.money.get(*m).map(|v| v.to_string()).unwrap_or_default()),
        );
        cells.extend(
            COUNT_METRICS
                .iter()
                .map(|(m, _)| r.counts.get(*m).map(|v| v.to_string()).unwrap_or_default()),
        );
        out.push_str(&sweep::csv_line(&cells));
    }
    out
}

/// Runs the simulation sequentially.
pub fn simulate(req: &SimulateRequest, progress: ProgressFn<'_>) -> Result<SimulateResponse> {
    let scenario = Scenario::from_input(req)?;
    run_scenario(&scenario, progress, 1)
}

/// Runs a validated scenario, on up to `threads` threads when the `parallel` feature is on.
/// The answer is the same, byte for byte, for any number of threads.
pub fn run_scenario(
    s: &Scenario,
    progress: ProgressFn<'_>,
    threads: usize,
) -> Result<SimulateResponse> {
    let parts = run_part(s, 0, s.runs, progress, threads)?;
    merge(s, parts)
}

/// Runs `from..to` of a scenario (progress counts only these runs).
pub fn run_part(
    s: &Scenario,
    from: u32,
    to: u32,
    progress: ProgressFn<'_>,
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
    let report = |n: u64| -> Result<()> {
        let d = done.fetch_add(n, std::sync::atomic::Ordering::Relaxed) + n;
        if progress(Progress { done: d, total }) {
            Ok(())
        } else {
            Err(Error::new(
                ErrorCode::Cancelled,
                "",
                "the simulation was cancelled",
            ))
        }
    };
    let chunks: Vec<(u64, u64)> = (0..s.viewers.div_ceil(CHUNK))
        .map(|c| (c * CHUNK, ((c + 1) * CHUNK).min(s.viewers)))
        .collect();
    // Few viewers and several runs: the runs are the work items, each on one thread.
    let by_runs = (chunks.len() as u64) < threads as u64 && to - from > 1;
    let inner_threads = if by_runs { 1 } else { threads };
    let run_one = |run: u32| -> Result<RunPart> {
        let work =
            |acc: &mut Totals, scratch: &mut Scratch, (from, to): (u64, u64)| -> Result<()> {
                model.viewers(u64::from(run), from, to, acc, scratch)?;
                report(to - from)
            };
        let totals = parallel_fold(
            &chunks,
            inner_threads,
            || Totals::new(s),
            work,
            |a, b| a.merge(&b),
        )?;
        let metrics = finish_run(s, run, &totals)?;
        Ok(RunPart {
            run,
            money: metrics
                .money
                .iter()
                .map(|(k, v)| (k.clone(), v.minor()))
                .collect(),
            counts: metrics.counts,
            by_age: totals.by_age,
            by_day: totals.by_day,
        })
    };
    let runs: Vec<u32> = (from..to).collect();
    parallel_map(&runs, if by_runs { threads } else { 1 }, run_one)
}

/// A pool of `threads` threads for one simulation (the caller's choice, not rayon's global pool).
#[cfg(feature = "parallel")]
fn thread_pool(threads: usize) -> Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| Error::new(ErrorCode::TooLarge, "", format!("no threads: {e}")))
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
        let pool = thread_pool(threads)?;
        return pool.install(|| items.par_iter().map(|&item| f(item)).collect());
    }
    let _ = threads;
    items.iter().map(|&item| f(item)).collect()
}

/// Assembles the answer from parts that cover every run of the scenario exactly once (in any
/// order): byte for byte what [`run_scenario`] gives.
pub fn merge(s: &Scenario, mut parts: Vec<RunPart>) -> Result<SimulateResponse> {
    crate::sort::sort_by_key(&mut parts, |p| p.run);
    let complete = parts.len() == s.runs as usize
        && parts.iter().enumerate().all(|(i, p)| {
            p.run as usize == i
                && p.by_age.len() == s.ages.len()
                && p.by_day.len() == s.days as usize
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
    let runs = parts
        .iter()
        .map(|p| RunMetrics {
            run: p.run,
            money: p
                .money
                .iter()
                .map(|(k, v)| (k.clone(), Money::from_minor(*v, s.currency)))
                .collect(),
            counts: p.counts.clone(),
        })
        .collect();
    Ok(respond(s, &parts, runs))
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
        let pool = thread_pool(threads)?;
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

/// The metrics of one run: creators paid and withdrawals, and every total.
fn finish_run(s: &Scenario, run: u32, t: &Totals) -> Result<RunMetrics> {
    let card = &s.channels[0].card;
    let cur = s.currency;
    let mut earnings_total = 0i64;
    let mut agency_total = 0i64;
    let mut keeps_total = 0i64;
    let (mut withdrawn, mut fees, mut unwithdrawn) = (0i64, 0i64, 0i64);
    let (mut with_gifts, mut paid) = (0u64, 0u64);
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
            (Some(value), _) => value.apply(
                i64::try_from(diamonds).unwrap_or(i64::MAX),
                RoundingPoint::CreatorCash,
            )?,
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
    let platform = t.net_spent - earnings_total - platform_pays;
    let m = |v: i64| Money::from_minor(v, cur);
    let money: BTreeMap<String, Money> = [
        ("budgets", t.budgets),
        ("viewer_spend", t.spend),
        ("tax", t.tax),
        ("store_fees", t.store_fees),
        ("payment_fees", t.payment_fees),
        ("creator_payouts", keeps_total),
        ("agency", agency_total),
        ("platform_margin", platform),
        ("unspent_coins_value", t.unspent_net),
        ("gifted_value", t.gifted),
        ("blocked_spend", t.blocked_spend),
        ("blocked_gifts", t.blocked_gifts),
        ("withdrawn", withdrawn),
        ("withdrawal_fees", fees),
        ("unwithdrawn", unwithdrawn),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), m(v)))
    .collect();
    let counts: BTreeMap<String, u64> = [
        ("spenders", t.spenders),
        ("purchases", t.purchases),
        ("gifts", t.gifts),
        ("coins_bought", t.coins_bought),
        ("coins_gifted", t.coins_gifted),
        ("unspent_coins", t.coins_bought - t.coins_gifted),
        ("diamonds", t.creator_diamonds.iter().sum()),
        ("creators_with_gifts", with_gifts),
        ("creators_paid", paid),
        ("warnings", t.warnings),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    Ok(RunMetrics { run, money, counts })
}

fn respond(s: &Scenario, totals: &[RunPart], runs: Vec<RunMetrics>) -> SimulateResponse {
    let cur = s.currency;
    let money = |name: &str| -> Vec<i64> {
        runs.iter()
            .map(|r| r.money.get(name).map_or(0, |m| m.minor()))
            .collect()
    };
    let counts = |name: &str| -> Vec<u64> {
        runs.iter()
            .map(|r| r.counts.get(name).copied().unwrap_or(0))
            .collect()
    };
    let totals_out = TotalsOut {
        money: MONEY_METRICS
            .iter()
            .map(|(name, description)| MoneyMetric {
                metric: name.to_string(),
                description: description.to_string(),
                stat: MoneyStat::of(&money(name), cur),
            })
            .collect(),
        counts: COUNT_METRICS
            .iter()
            .map(|(name, description)| CountMetric {
                metric: name.to_string(),
                description: description.to_string(),
                stat: CountStat::of(&counts(name)),
            })
            .collect(),
    };
    let by_age = s
        .ages
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let col = |f: &dyn Fn(&population::AgeTotals) -> i64| -> Vec<i64> {
                totals.iter().map(|t| f(&t.by_age[i])).collect()
            };
            let cnt = |f: &dyn Fn(&population::AgeTotals) -> u64| -> Vec<u64> {
                totals.iter().map(|t| f(&t.by_age[i])).collect()
            };
            AgeGroupOut {
                group: g.clone(),
                viewers: CountStat::of(&cnt(&|a| a.viewers)),
                spenders: CountStat::of(&cnt(&|a| a.spenders)),
                spend: MoneyStat::of(&col(&|a| a.spend), cur),
                blocked_spend: MoneyStat::of(&col(&|a| a.blocked_spend), cur),
                blocked_gifts: MoneyStat::of(&col(&|a| a.blocked_gifts), cur),
                warnings: CountStat::of(&cnt(&|a| a.warnings)),
            }
        })
        .collect();
    let by_day = (0..s.days as usize)
        .map(|d| {
            let col = |f: &dyn Fn(&population::DayTotals) -> i64| -> Vec<i64> {
                totals.iter().map(|t| f(&t.by_day[d])).collect()
            };
            let date = s.start.plus_days(d as i64).to_string();
            DayOut {
                day: d as u32,
                date,
                spend: MoneyStat::of(&col(&|x| x.spend), cur),
                gifted: MoneyStat::of(&col(&|x| x.gifted), cur),
                blocked: MoneyStat::of(&col(&|x| x.blocked), cur),
                warnings: CountStat::of(
                    &totals
                        .iter()
                        .map(|t| t.by_day[d].warnings)
                        .collect::<Vec<_>>(),
                ),
            }
        })
        .collect();
    SimulateResponse {
        scenario: ScenarioOut {
            rate_cards: s.channels.iter().map(|c| c.card.reference()).collect(),
            rule_set: s.rules.reference(),
            currency: cur,
            viewers: s.viewers,
            creators: s.creators,
            days: s.days,
            runs: s.runs,
            seed: s.seed,
            price_multiplier: s.price_multiplier.normalize(),
            elasticity: s.elasticity.normalize(),
        },
        totals: totals_out,
        by_age,
        by_day,
        runs,
    }
}
