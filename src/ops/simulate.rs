//! `simulate`: a population Monte Carlo (the engine is [`crate::simulate`]), answered with
//! totals and percentiles over runs, age groups, days and every run's totals.

use crate::caps::RuleSetRef;
use crate::error::Result;
use crate::money::{decimal_string, Currency, Fraction, RoundingPoint};
use crate::rate_card::RateCardRef;
use crate::simulate::scenario::{AgeGroup, Scenario};
use crate::simulate::stats::{CountStat, MoneyStat, RatioStat};
use crate::simulate::{self, RunMetrics, RunPart, COUNT_METRICS, MONEY_METRICS, RATIO_METRICS};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

/// The `simulate` request: a scenario.
pub type SimulateRequest = crate::simulate::scenario::ScenarioInput;

/// Progress of a long run: `done` out of `total` viewer-runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Progress {
    /// Viewer-runs simulated.
    pub done: u64,
    /// Viewer-runs in all.
    pub total: u64,
}

/// Reports progress; returning `false` cancels the run.
pub type ProgressFn<'a> = &'a (dyn Fn(Progress) -> bool + Sync);

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

/// A ratio metric over runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RatioMetric {
    /// Metric name.
    pub metric: String,
    /// What it means.
    pub description: String,
    /// Percentiles and mean.
    #[serde(flatten)]
    pub stat: RatioStat,
}

/// Totals over runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TotalsOut {
    /// Money metrics.
    pub money: Vec<MoneyMetric>,
    /// Count metrics.
    pub counts: Vec<CountMetric>,
    /// Ratio metrics (6 decimals).
    pub ratios: Vec<RatioMetric>,
}

/// One segment over runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SegmentOut {
    /// The segment's id.
    pub segment: String,
    /// Viewers.
    pub viewers: CountStat,
    /// Viewers who bought at least once.
    pub payers: CountStat,
    /// Purchases.
    pub purchases: CountStat,
    /// Money paid.
    pub spend: MoneyStat,
    /// Its share of what all viewers paid.
    pub revenue_share: RatioStat,
}

/// One purchase (a bundle or a channel's custom amount) over runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PurchaseOut {
    /// The channel's rate card.
    pub rate_card: String,
    /// `1321 coins` for a bundle, or `custom amount`.
    pub purchase: String,
    /// Coins of a bundle (absent for the custom amount).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coins: Option<u64>,
    /// Times bought.
    pub purchases: CountStat,
    /// Money paid.
    pub spend: MoneyStat,
    /// Its share of what all viewers paid.
    pub revenue_share: RatioStat,
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
    /// Viewers who bought at least once.
    pub payers: CountStat,
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
    pub currency: Currency,
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
    #[serde(serialize_with = "decimal_string")]
    pub price_multiplier: Decimal,
    /// Elasticity.
    #[schemars(with = "String")]
    #[serde(serialize_with = "decimal_string")]
    pub elasticity: Decimal,
    /// The viewers the simulated ones stand for, when the scenario scales up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<ScaleOut>,
}

/// How a scenario's sample is scaled up to the population it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ScaleOut {
    /// Viewers the sample stands for.
    pub represents: u64,
    /// Creators they stand for (the simulated creators scaled alike).
    pub creators: u64,
    /// Each simulated viewer stands for this many.
    pub factor: String,
    /// The error the sample adds, in words.
    pub note: String,
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
    /// By segment.
    pub by_segment: Vec<SegmentOut>,
    /// By purchase: every bundle and custom amount of every channel.
    pub by_purchase: Vec<PurchaseOut>,
    /// By day.
    pub by_day: Vec<DayOut>,
    /// Every run's totals (they reconcile to the cent).
    pub runs: Vec<RunMetrics>,
    /// The raw parts of every run, for comparing groups run by run (not in the answer).
    #[serde(skip)]
    #[schemars(skip)]
    pub parts: Vec<RunPart>,
}

/// Runs a scenario on up to `threads` threads, reporting progress; the answer never depends
/// on the number of threads.
pub fn simulate(
    req: &SimulateRequest,
    progress: ProgressFn<'_>,
    threads: usize,
) -> Result<SimulateResponse> {
    let scenario = Scenario::from_input(req)?;
    run(&scenario, progress, threads)
}

/// [`simulate`] on a validated scenario.
pub fn run(s: &Scenario, progress: ProgressFn<'_>, threads: usize) -> Result<SimulateResponse> {
    let report = |done, total| progress(Progress { done, total });
    answer(s, simulate::run(s, &report, threads)?)
}

/// Every metric over runs: P5, median, P95 and mean.
pub fn totals(runs: &[simulate::RunMetrics], cur: crate::money::Currency) -> Result<TotalsOut> {
    let money = |name: &str| -> Vec<i128> { runs.iter().map(|r| r.money_minor(name)).collect() };
    let counts =
        |name: &str| -> Vec<u128> { runs.iter().map(|r| u128::from(r.count(name))).collect() };
    Ok(TotalsOut {
        money: MONEY_METRICS
            .iter()
            .map(|(name, description)| {
                Ok(MoneyMetric {
                    metric: name.to_string(),
                    description: description.to_string(),
                    stat: MoneyStat::of(&money(name), cur)?,
                })
            })
            .collect::<Result<_>>()?,
        counts: COUNT_METRICS
            .iter()
            .map(|(name, description)| {
                Ok(CountMetric {
                    metric: name.to_string(),
                    description: description.to_string(),
                    stat: CountStat::of(name, &counts(name))?,
                })
            })
            .collect::<Result<_>>()?,
        ratios: RATIO_METRICS
            .iter()
            .map(|(name, description)| {
                Ok(RatioMetric {
                    metric: name.to_string(),
                    description: description.to_string(),
                    stat: RatioStat::of(&runs.iter().map(|r| r.ratio(name)).collect::<Vec<_>>())?,
                })
            })
            .collect::<Result<_>>()?,
    })
}

/// The answer from parts that cover every run once, in any order: byte for byte what one
/// [`simulate`] answers, however the runs were split.
pub fn answer(s: &Scenario, parts: Vec<RunPart>) -> Result<SimulateResponse> {
    let parts = simulate::check_parts(s, parts)?;
    let runs = simulate::metrics(s, &parts)?;
    let cur = s.currency;
    let money = |name: &str| -> Vec<i128> { runs.iter().map(|r| r.money_minor(name)).collect() };
    let totals = totals(&runs, cur)?;
    let all_spend: Vec<i128> = money("viewer_spend");
    let by_segment = s
        .segments
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let count = |name: &str| {
                CountStat::of(
                    name,
                    &parts
                        .iter()
                        .map(|p| p.by_segment.get(i).map_or(0, |g| g.count(name)))
                        .collect::<Vec<_>>(),
                )
            };
            let spend: Vec<i128> = parts
                .iter()
                .map(|p| p.by_segment.get(i).map_or(0, |g| g.money("viewer_spend")))
                .collect();
            Ok(SegmentOut {
                segment: g.id.clone(),
                viewers: count("viewers")?,
                payers: count("payers")?,
                purchases: count("purchases")?,
                spend: MoneyStat::of(&spend, cur)?,
                revenue_share: RatioStat::share_of(&spend, &all_spend)?,
            })
        })
        .collect::<Result<_>>()?;
    let by_purchase = purchase_rows(s, &parts, &all_spend, cur)?;
    let by_age = s
        .ages
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let money = |name: &str| -> Result<MoneyStat> {
                MoneyStat::of(
                    &parts
                        .iter()
                        .map(|p| p.by_age.get(i).map_or(0, |g| g.money(name)))
                        .collect::<Vec<_>>(),
                    cur,
                )
            };
            let count = |name: &str| {
                CountStat::of(
                    name,
                    &parts
                        .iter()
                        .map(|p| p.by_age.get(i).map_or(0, |g| g.count(name)))
                        .collect::<Vec<_>>(),
                )
            };
            Ok(AgeGroupOut {
                group: g.clone(),
                viewers: count("viewers")?,
                spenders: count("spenders")?,
                payers: count("payers")?,
                spend: money("viewer_spend")?,
                blocked_spend: money("blocked_spend")?,
                blocked_gifts: money("blocked_gifts")?,
                warnings: count("warnings")?,
            })
        })
        .collect::<Result<_>>()?;
    let by_day = (0..s.days as usize)
        .map(|d| {
            let money = |f: fn(&simulate::population::DayTotals) -> i128| -> Result<MoneyStat> {
                MoneyStat::of(
                    &parts.iter().map(|p| f(&p.by_day[d])).collect::<Vec<_>>(),
                    cur,
                )
            };
            Ok(DayOut {
                day: d as u32,
                date: s.start.plus_days(d as i64).to_string(),
                spend: money(|x| x.spend)?,
                gifted: money(|x| x.gifted)?,
                blocked: money(|x| x.blocked)?,
                warnings: CountStat::of(
                    "warnings",
                    &parts
                        .iter()
                        .map(|p| p.by_day[d].warnings)
                        .collect::<Vec<_>>(),
                )?,
            })
        })
        .collect::<Result<_>>()?;
    Ok(SimulateResponse {
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
            scale: scale_out(s, &money("viewer_spend")),
        },
        totals,
        by_age,
        by_segment,
        by_purchase,
        by_day,
        runs,
        parts,
    })
}

/// The scale of a scenario that stands for more viewers than it simulates, with the error its
/// sample adds: the relative spread of what viewers paid over runs is that of a sample of
/// `viewers`, about √factor times a whole population's.
fn scale_out(s: &Scenario, spend: &[i128]) -> Option<ScaleOut> {
    if s.represents <= s.viewers {
        return None;
    }
    let factor = s.represents as f64 / s.viewers as f64;
    // A whole factor reads as a count (`10,000`), any other to 3 decimals.
    let factor_text = if s.represents % s.viewers == 0 {
        crate::words::number(s.represents / s.viewers)
    } else {
        format!("{factor:.3}")
    };
    let n = spend.len() as f64;
    let mean = spend.iter().map(|v| *v as f64).sum::<f64>() / n.max(1.0);
    let spread = if spend.len() >= 2 && mean > 0.0 {
        let var = spend
            .iter()
            .map(|v| libm::pow(*v as f64 - mean, 2.0))
            .sum::<f64>()
            / (n - 1.0);
        format!(
            " Over these runs what viewers paid varies by {:.1} % (relative standard deviation); that is the sample's error, about {:.0} times what {} real viewers would show.",
            100.0 * libm::sqrt(var) / mean,
            libm::sqrt(factor),
            crate::words::number(s.represents)
        )
    } else {
        " Run it at least twice to see the error the sample adds.".to_string()
    };
    let creators = Fraction::new(i128::from(s.represents), i128::from(s.viewers))
        .apply(i128::from(s.creators), RoundingPoint::Statistic)
        .ok()
        .and_then(|c| u64::try_from(c).ok())
        .unwrap_or(s.creators);
    Some(ScaleOut {
        represents: s.represents,
        creators,
        factor: format!("{factor:.3}"),
        note: format!(
            "Each run simulates {} viewers and {} creators standing for {} viewers and {} creators: every total is scaled up by {factor_text}; shares, ARPU and ARPPU are not.{spread}",
            crate::words::number(s.viewers),
            crate::words::number(s.creators),
            crate::words::number(s.represents),
            crate::words::number(creators)
        ),
    })
}

/// Every bundle of every channel, then its custom amount if it has one, over runs.
fn purchase_rows(
    s: &Scenario,
    parts: &[RunPart],
    spend: &[i128],
    cur: Currency,
) -> Result<Vec<PurchaseOut>> {
    let mut rows = Vec::new();
    for (i, slot) in simulate::purchase_slots(s).iter().enumerate() {
        if !slot.offered {
            continue;
        }
        let money: Vec<i128> = parts.iter().map(|p| p.by_purchase[i].spend).collect();
        let counts: Vec<u128> = parts.iter().map(|p| p.by_purchase[i].purchases).collect();
        rows.push(PurchaseOut {
            rate_card: slot.rate_card.to_string(),
            purchase: slot.name(),
            coins: slot.coins,
            purchases: CountStat::of("purchases", &counts)?,
            spend: MoneyStat::of(&money, cur)?,
            revenue_share: RatioStat::share_of(&money, spend)?,
        });
    }
    Ok(rows)
}

/// Every run's metrics as CSV: one row per run, one column per metric.
pub fn to_csv(answer: &SimulateResponse) -> String {
    simulate::csv::runs(&answer.runs)
}
