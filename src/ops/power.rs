//! `power`: plans a real A/B test on a scenario (the method is [`crate::simulate::power`]):
//! the minimum detectable effect for N users per arm over D days, the days a given (or
//! simulated) effect needs, for revenue per user, conversion and revenue per payer; the
//! sample-ratio check; what peeking costs.

use super::simulate::{Progress, ProgressFn};
use crate::error::Result;
use crate::money::{round_decimal, Fraction, Money, RoundingPoint};
use crate::simulate;
use crate::simulate::power::{
    conversion_power, normal_p, peeking, sample_ratio, simulate_power, Detectable, PowerRequest,
    Spend, SRM_P,
};
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// What an experiment can detect on one metric.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MetricPlan {
    /// `arpu` (revenue per user), `payer_share` (conversion) or `arppu` (revenue per payer).
    pub metric: String,
    /// What it is.
    pub description: String,
    /// Its value in the scenario over the experiment's days (money, or a share).
    pub value: String,
    /// The smallest rise detected with the power wanted, relative (`0.0512` is 5.12 %);
    /// absent when no rise can be detected with these users.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mde_rise: Option<String>,
    /// The smallest fall detected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mde_fall: Option<String>,
    /// The normal approximation's minimum detectable effect, for comparison: with heavy-tailed
    /// revenue it is usually too optimistic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed_form: Option<String>,
    /// The effect to detect: the one given, or the change's simulated effect.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effect: Option<String>,
    /// The chance of detecting it with these users and days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub power_at_effect: Option<String>,
    /// The fewest days (of those examined: each week up to `max_days`, and `days`) that detect
    /// it with the power wanted; absent when none does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_needed: Option<u32>,
    /// The answer in a sentence.
    pub summary: String,
}

/// The smallest detectable rise of each metric after so many days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DurationRow {
    /// Days of the experiment.
    pub days: u32,
    /// Metric → smallest rise detected (relative), absent when none is.
    pub mde_rise: BTreeMap<String, String>,
    /// Metric → the effect to detect after so many days, when there is one.
    pub effect: BTreeMap<String, String>,
}

/// The sample-ratio check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SampleRatioOut {
    /// Users in control.
    pub control: u64,
    /// Users in treatment.
    pub treatment: u64,
    /// Share meant for treatment.
    pub treatment_share: String,
    /// Chi-square statistic (1 degree of freedom).
    pub chi_square: String,
    /// Its p-value.
    pub p_value: String,
    /// True when p < 0.001: the split is not what was meant, and the results cannot be
    /// trusted until the cause is found.
    pub mismatch: bool,
    /// The answer in a sentence.
    pub summary: String,
}

/// One look at the results under O'Brien–Fleming boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Boundary {
    /// Look number, from 1.
    pub look: u32,
    /// Day of the experiment.
    pub day: u32,
    /// Stop for an effect only when |z| is above this.
    pub z: String,
    /// The same as a two-sided p-value.
    pub p_value: String,
}

/// What looking at the results early costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PeekingOut {
    /// Looks planned.
    pub looks: u32,
    /// Chance of a false alarm when stopping at the first look with p below alpha, though
    /// there is no effect.
    pub naive_false_positive_rate: String,
    /// Boundaries that keep the false-alarm rate at alpha over every look.
    pub boundaries: Vec<Boundary>,
    /// The answer in a sentence.
    pub summary: String,
}

/// The `power` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PowerResponse {
    /// Users per arm.
    pub users_per_arm: u64,
    /// Days of the experiment.
    pub days: u32,
    /// Significance level (two-sided).
    pub alpha: String,
    /// Power wanted.
    pub power: String,
    /// Each metric after `days` days.
    pub metrics: Vec<MetricPlan>,
    /// The smallest detectable rise after each number of days examined.
    pub durations: Vec<DurationRow>,
    /// The change tested, as given.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub change: BTreeMap<String, String>,
    /// The sample-ratio check, when arms were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sample_ratio: Option<SampleRatioOut>,
    /// What peeking costs, and boundaries that allow it.
    pub peeking: PeekingOut,
    /// Where the revenue distribution comes from.
    pub sample: String,
    /// How the answer was found.
    pub method: String,
}

const METRICS: [(&str, &str); 3] = [
    ("arpu", "revenue per user"),
    ("payer_share", "conversion: share of users who pay"),
    ("arppu", "revenue per paying user"),
];

/// Runs the analysis, reporting progress over the simulations of every duration.
pub fn power(
    req: &PowerRequest,
    progress: ProgressFn<'_>,
    threads: usize,
) -> Result<PowerResponse> {
    let plan = req.validate()?;
    let sims = plan.durations.len() as u64 * (1 + u64::from(plan.variant.is_some()));
    let first = plan.scenario_for(false, plan.days)?;
    let viewers = first.viewers;
    let currency = first.currency;
    let total = sims * viewers;
    let offset = std::sync::atomic::AtomicU64::new(0);
    let report = |done: u64, _: u64| {
        progress(Progress {
            done: offset.load(std::sync::atomic::Ordering::Relaxed) + done,
            total,
        })
    };
    let spend_of = |variant: bool, days: u32| -> Result<Spend> {
        let s = plan.scenario_for(variant, days)?;
        let (n, bins) = simulate::spend_histogram(&s, &report, threads)?;
        offset.fetch_add(viewers, std::sync::atomic::Ordering::Relaxed);
        Ok(Spend::from_histogram(n, &bins))
    };
    let mut rows = Vec::new();
    let mut at_days: Option<(Spend, [Detectable; 3], [Option<f64>; 3])> = None;
    let mut needed: [Option<u32>; 3] = [None; 3];
    for &d in &plan.durations {
        let base = spend_of(false, d)?;
        let effects: [Option<f64>; 3] = match plan.variant {
            Some(_) => {
                let v = spend_of(true, d)?;
                let rel = |a: f64, b: f64| (a > 0.0).then(|| b / a - 1.0);
                [
                    rel(base.mean, v.mean),
                    rel(base.conversion, v.conversion),
                    rel(base.payer_mean, v.payer_mean),
                ]
            }
            None => [plan.effect; 3],
        };
        let (user, payer) = simulate_power(
            &base,
            plan.users,
            plan.alpha,
            plan.power,
            effects[0],
            plan.replicates,
            plan.seed,
        );
        let conv = conversion_power(
            base.conversion,
            plan.users,
            plan.alpha,
            plan.power,
            effects[1],
        );
        let found = [user, conv, payer];
        let mut mde_rise = BTreeMap::new();
        let mut effect = BTreeMap::new();
        for (i, (m, _)) in METRICS.iter().enumerate() {
            if let Some(r) = relative(found[i].rise) {
                mde_rise.insert(m.to_string(), r);
            }
            if let Some(e) = effects[i].and_then(relative) {
                effect.insert(m.to_string(), e);
            }
            let reached = effects[i].is_some_and(|e| {
                let mde = if e > 0.0 {
                    found[i].rise
                } else {
                    found[i].fall
                };
                e != 0.0 && mde <= e.abs()
            });
            if reached && needed[i].is_none() {
                needed[i] = Some(d);
            }
        }
        rows.push(DurationRow {
            days: d,
            mde_rise,
            effect,
        });
        if d == plan.days {
            at_days = Some((base, found, effects));
        }
    }
    let (base, found, effects) = at_days.ok_or_else(|| {
        crate::error::Error::new(
            crate::error::ErrorCode::InvalidValue,
            "days",
            "no duration was examined",
        )
    })?;
    // The metrics' values exactly, from what the viewers paid (the f64 moments are for the
    // draws only).
    let per = |n: u128| -> Result<String> {
        let n =
            i128::try_from(n.max(1)).map_err(|_| crate::error::Error::overflow("", "viewers"))?;
        let minor = Fraction::new(1, n).apply(base.paid, RoundingPoint::Statistic)?;
        Ok(Money::from_minor(minor, currency).to_string())
    };
    let values = [
        per(base.viewers)?,
        simulate::ratio_text(simulate::millionths(
            i128::try_from(base.payers).unwrap_or(i128::MAX),
            i128::try_from(base.viewers).unwrap_or(i128::MAX),
        )),
        per(base.payers)?,
    ];
    let metrics = METRICS
        .iter()
        .enumerate()
        .map(|(i, (m, description))| {
            let f = found[i];
            let summary = summary(description, &plan, f, effects[i], needed[i], req.max_days);
            MetricPlan {
                metric: m.to_string(),
                description: description.to_string(),
                value: values[i].clone(),
                mde_rise: relative(f.rise),
                mde_fall: relative(f.fall),
                closed_form: relative(f.closed_form),
                effect: effects[i].and_then(relative),
                power_at_effect: f.power_at.and_then(relative),
                days_needed: needed[i],
                summary,
            }
        })
        .collect();
    let sample_ratio = plan.observed.map(|(control, treatment, share)| {
        let (chi, p) = sample_ratio(control, treatment, share);
        let mismatch = p < SRM_P;
        SampleRatioOut {
            control,
            treatment,
            treatment_share: fixed(share, 4),
            chi_square: fixed(chi, 4),
            p_value: fixed(p, 6),
            mismatch,
            summary: if mismatch {
                format!("Sample-ratio mismatch: {treatment} in treatment and {control} in control is not a {}/{} split (p = {}, below 0.001). Find the cause (assignment, logging, bots) before reading the results.", fixed(share * 100.0, 0), fixed(100.0 - share * 100.0, 0), fixed(p, 6))
            } else {
                format!("The split looks as intended (p = {}; a mismatch is called below 0.001).", fixed(p, 4))
            },
        }
    });
    let (naive, bounds) = peeking(plan.looks, plan.alpha, plan.seed);
    let boundaries: Vec<Boundary> = bounds
        .iter()
        .enumerate()
        .map(|(i, z)| {
            let look = i as u32 + 1;
            Boundary {
                look,
                day: (u64::from(plan.days) * u64::from(look)).div_ceil(u64::from(plan.looks))
                    as u32,
                z: fixed(*z, 3),
                p_value: fixed(normal_p(*z), 5),
            }
        })
        .collect();
    let peeking = PeekingOut {
        looks: plan.looks,
        naive_false_positive_rate: fixed(naive, 4),
        summary: if plan.looks > 1 {
            format!(
                "Looking {} times and stopping at the first p below {} raises the chance of a false alarm from {} % to about {} %. To look that often, stop early only when a look's p is below the boundary (O'Brien–Fleming: {} at the first look, {} at the last).",
                plan.looks,
                req.alpha,
                fixed(plan.alpha * 100.0, 1),
                fixed(naive * 100.0, 1),
                boundaries.first().map(|b| b.p_value.as_str()).unwrap_or(""),
                boundaries.last().map(|b| b.p_value.as_str()).unwrap_or("")
            )
        } else {
            "One look at the end: the test's false-alarm rate is alpha.".to_string()
        },
        boundaries,
    };
    Ok(PowerResponse {
        users_per_arm: plan.users,
        days: plan.days,
        alpha: req.alpha.clone(),
        power: req.power.clone(),
        metrics,
        durations: rows,
        change: req.change.clone(),
        sample_ratio,
        peeking,
        sample: format!(
            "Arms are drawn from what the scenario's {} simulated viewers paid over each duration (one run, seed {}): a spender rarer than one in {} is not represented.",
            crate::words::number(viewers),
            plan.seed,
            crate::words::number(viewers)
        ),
        method: METHOD.into(),
    })
}

/// How the answer was found, said with every answer.
pub const METHOD: &str = "Revenue per user and per payer: replicate experiments (N users per arm drawn from the simulated viewers' spending), each solved exactly for the smallest lift Welch's two-sided test calls significant; the minimum detectable effect is that lift's quantile at the power wanted, so a heavy tail counts as it should. A change is modelled as scaling what the treatment arm pays. Conversion: the normal approximation for two proportions. Users are assigned at the start and followed for the days given. Peeking: the test statistic's path simulated under no effect.";

fn summary(
    description: &str,
    plan: &simulate::power::PowerPlan,
    f: Detectable,
    effect: Option<f64>,
    needed: Option<u32>,
    max_days: u32,
) -> String {
    let users = crate::words::number(plan.users);
    let pct = |x: f64| fixed(x * 100.0, 1);
    let mde = if f.rise.is_finite() {
        format!(
            "With {users} users per arm over {} days, a rise in {description} of {} % or more (a fall of {} % or more) is detected {} % of the time.",
            plan.days,
            pct(f.rise),
            if f.fall.is_finite() { pct(f.fall) } else { "–".into() },
            pct(plan.power)
        )
    } else {
        format!("With {users} users per arm over {} days, no change in {description} can be told from noise.", plan.days)
    };
    let Some(e) = effect else { return mde };
    let days = match needed {
        Some(d) => format!(" A change of {} % needs {d} days.", fixed(e * 100.0, 1)),
        None => format!(
            " A change of {} % is not detected within {max_days} days.",
            fixed(e * 100.0, 1)
        ),
    };
    format!(
        "{mde} The change of {} % would be detected {} % of the time.{days}",
        fixed(e * 100.0, 1),
        f.power_at.map_or("–".into(), pct)
    )
}

/// A figure with `digits` decimals (a statistic, not money).
fn fixed(x: f64, digits: u32) -> String {
    match Decimal::from_f64(x) {
        Some(d) if x.is_finite() => {
            let mut r = round_decimal(d, digits, RoundingPoint::Ratio);
            r.rescale(digits);
            r.to_string()
        }
        _ => "–".into(),
    }
}

/// A relative figure (4 decimals), absent when infinite.
fn relative(x: f64) -> Option<String> {
    x.is_finite().then(|| fixed(x, 4))
}
