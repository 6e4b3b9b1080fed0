//! `power`: plans the real A/B test of a price or cap change on a (calibrated) scenario. How
//! small an effect N users per arm over D days can detect, how many days a given effect needs,
//! for revenue per user, conversion and revenue per payer; whether the arms' sizes show a
//! sample-ratio mismatch; what peeking costs.
//!
//! Revenue per user is mostly zeros and a few large spenders, so the normal approximation can
//! be far off at realistic sizes. The arms are therefore drawn by simulation: the scenario's
//! viewers are simulated for each duration, and each replicate experiment draws N users per
//! arm from what those viewers paid (a multinomial over the spend histogram's bins). For each
//! replicate the smallest relative lift that Welch's test at `alpha` would call significant is
//! solved exactly; the minimum detectable effect at power P is that lift's P-quantile over
//! replicates. Conversion uses the normal approximation for two proportions, which holds at
//! the payer counts an experiment has.

use super::parameter::Parameter;
use super::rng::Rng;
use super::scenario::{Scenario, ScenarioInput};
use crate::error::{join, Error, ErrorCode, Result};
use crate::money::parse_decimal_in;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Most users in one arm.
pub const MAX_USERS: u64 = 1_000_000_000;
/// Most replicate experiments.
pub const MAX_REPLICATES: u32 = 20_000;
/// Longest experiment considered.
pub const MAX_DAYS: u32 = 182;
/// Most looks at the results.
pub const MAX_LOOKS: u32 = 52;
/// A sample-ratio mismatch is called below this p-value (the usual threshold: a real
/// mismatch is a bug in assignment, so the test is strict to avoid false alarms).
pub const SRM_P: f64 = 0.001;

/// The `power` request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PowerRequest {
    /// The scenario whose viewers' spending the arms are drawn from (calibrate it first).
    pub scenario: ScenarioInput,
    /// Users in each arm.
    pub users_per_arm: u64,
    /// Days each user is observed.
    pub days: u32,
    /// The change to test, as sweep parameters (`{"price_multiplier:tiktok-ios": "1.10"}`):
    /// its simulated effect is the effect to detect.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub change: BTreeMap<String, String>,
    /// Or the relative effect to detect, e.g. `0.05` for a 5 % change (both directions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<String>,
    /// Significance level of the two-sided test (default 0.05).
    #[serde(default = "five_percent")]
    pub alpha: String,
    /// Power wanted (default 0.8).
    #[serde(default = "eighty_percent")]
    pub power: String,
    /// Longest experiment considered when finding the days needed (default 56).
    #[serde(default = "eight_weeks")]
    pub max_days: u32,
    /// Times the results are looked at during the experiment (default: once a week).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub looks: Option<u32>,
    /// Users actually in each arm, for the sample-ratio check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed: Option<ObservedInput>,
    /// Replicate experiments simulated (default 2,000).
    #[serde(default = "two_thousand")]
    pub replicates: u32,
}

fn five_percent() -> String {
    "0.05".into()
}
fn eighty_percent() -> String {
    "0.8".into()
}
fn eight_weeks() -> u32 {
    56
}
fn two_thousand() -> u32 {
    2_000
}
fn half() -> String {
    "0.5".into()
}

/// Users counted in each arm of a running experiment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ObservedInput {
    /// Users in the control arm.
    pub control: u64,
    /// Users in the treatment arm.
    pub treatment: u64,
    /// Share of users meant for treatment (default 0.5).
    #[serde(default = "half")]
    pub treatment_share: String,
}

/// A validated power analysis.
pub struct PowerPlan {
    /// The scenario as written.
    pub base: ScenarioInput,
    /// The scenario with the change applied, if one is tested.
    pub variant: Option<ScenarioInput>,
    /// Users per arm.
    pub users: u64,
    /// Days of the experiment.
    pub days: u32,
    /// Durations examined, in days (weekly up to `max_days`, and `days`), increasing.
    pub durations: Vec<u32>,
    /// The effect to detect, if given.
    pub effect: Option<f64>,
    /// Significance level.
    pub alpha: f64,
    /// Power wanted.
    pub power: f64,
    /// Looks at the results.
    pub looks: u32,
    /// Observed arms, with the share meant for treatment.
    pub observed: Option<(u64, u64, f64)>,
    /// Replicates.
    pub replicates: u32,
    /// Seed of the replicate draws.
    pub seed: u64,
}

impl PowerRequest {
    /// Validates the request.
    pub fn validate(&self) -> Result<PowerPlan> {
        let scenario = Scenario::from_input(&self.scenario).map_err(|e| e.under("scenario"))?;
        let range = |value: u64, min: u64, max: u64, path: &str, what: &str| -> Result<()> {
            if value < min || value > max {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    path,
                    format!(
                        "{what} is {} to {}, not {}",
                        crate::words::number(min),
                        crate::words::number(max),
                        crate::words::number(value)
                    ),
                )
                .with_range(min, max, value));
            }
            Ok(())
        };
        range(
            self.users_per_arm,
            2,
            MAX_USERS,
            "users_per_arm",
            "users per arm",
        )?;
        range(
            u64::from(self.max_days),
            7,
            u64::from(MAX_DAYS),
            "max_days",
            "the longest experiment",
        )?;
        range(
            u64::from(self.days),
            1,
            u64::from(self.max_days),
            "days",
            "an experiment's days (at most max_days)",
        )?;
        range(
            u64::from(self.replicates),
            100,
            u64::from(MAX_REPLICATES),
            "replicates",
            "the replicate experiments",
        )?;
        let looks = self.looks.unwrap_or(self.days.div_ceil(7).max(1));
        range(
            u64::from(looks),
            1,
            u64::from(MAX_LOOKS.min(self.days)),
            "looks",
            "the looks at the results (at most one a day)",
        )?;
        let fraction = |text: &str, path: &str, lo: Decimal, hi: Decimal| -> Result<f64> {
            Ok(parse_decimal_in(text, path, lo, hi)?
                .to_f64()
                .unwrap_or(0.0))
        };
        let alpha = fraction(&self.alpha, "alpha", Decimal::new(1, 4), Decimal::new(5, 1))?;
        let power = fraction(
            &self.power,
            "power",
            Decimal::new(5, 1),
            Decimal::new(999, 3),
        )?;
        let effect = match (&self.effect, self.change.is_empty()) {
            (Some(_), false) => {
                return Err(Error::new(
                    ErrorCode::ConflictingFields,
                    "effect",
                    "give the `change` to test or the `effect` to detect, not both",
                ))
            }
            (Some(e), true) => {
                let e = fraction(e, "effect", Decimal::new(-99, 2), Decimal::from(10))?;
                if e == 0.0 {
                    return Err(Error::new(
                        ErrorCode::OutOfRange,
                        "effect",
                        "an effect of 0 cannot be detected; give the change you want to see, e.g. 0.05",
                    )
                    .with("given", e.to_string()));
                }
                Some(e)
            }
            _ => None,
        };
        let variant = if self.change.is_empty() {
            None
        } else {
            let mut input = self.scenario.clone();
            for (name, value) in &self.change {
                let path = join("change", name);
                let p = Parameter::parse(name, &path)?;
                p.check_value(value, &path)?;
                p.apply(&mut input, value, &path)?;
            }
            Scenario::from_input(&input).map_err(|e| {
                Error::new(
                    e.code,
                    "change",
                    format!(
                        "with this change the scenario is invalid: {} ({})",
                        e.message, e.path
                    ),
                )
            })?;
            Some(input)
        };
        let observed = match &self.observed {
            None => None,
            Some(o) => {
                let share = fraction(
                    &o.treatment_share,
                    "observed.treatment_share",
                    Decimal::new(1, 2),
                    Decimal::new(99, 2),
                )?;
                if o.control == 0 || o.treatment == 0 {
                    return Err(Error::new(
                        ErrorCode::OutOfRange,
                        "observed",
                        "each arm needs at least one user to check the split",
                    ));
                }
                Some((o.control, o.treatment, share))
            }
        };
        let mut durations: Vec<u32> = (1..=self.max_days / 7).map(|w| w * 7).collect();
        if !durations.contains(&self.days) {
            durations.push(self.days);
            crate::sort::sort_by_key(&mut durations, |d| *d);
        }
        let per_day = scenario.viewers * u64::from(1 + u32::from(variant.is_some()));
        let work: u64 = durations
            .iter()
            .map(|d| per_day * u64::from(d + scenario.warm_up))
            .sum();
        if work > super::scenario::MAX_VIEWER_DAYS {
            return Err(Error::new(
                ErrorCode::TooLarge,
                "scenario.viewers",
                format!(
                    "the analysis simulates {} viewer-days; at most {} (fewer viewers or a shorter max_days)",
                    crate::words::number(work),
                    crate::words::number(super::scenario::MAX_VIEWER_DAYS)
                ),
            )
            .with("max", super::scenario::MAX_VIEWER_DAYS)
            .with("given", work));
        }
        Ok(PowerPlan {
            base: self.scenario.clone(),
            variant,
            users: self.users_per_arm,
            days: self.days,
            durations,
            effect,
            alpha,
            power,
            looks,
            observed,
            replicates: self.replicates,
            seed: scenario.seed,
        })
    }
}

impl PowerPlan {
    /// The scenario (or its variant) for `days` days, one run.
    pub fn scenario_for(&self, variant: bool, days: u32) -> Result<Scenario> {
        let mut input = match (&self.variant, variant) {
            (Some(v), true) => v.clone(),
            _ => self.base.clone(),
        };
        input.days = days;
        input.runs = 1;
        Scenario::from_input(&input).map_err(|e| e.under("scenario"))
    }
}

/// What one user may have paid: the category's probability and value (minor units), payers'
/// categories flagged.
#[derive(Debug, Clone)]
pub struct Spend {
    /// Per category (non-payers first): probability, value, payer.
    categories: Vec<(f64, f64, bool)>,
    /// Viewers counted, exactly.
    pub viewers: u128,
    /// Viewers who paid.
    pub payers: u128,
    /// What they paid together, in minor units (exact: the answer's money comes from here).
    pub paid: i128,
    /// Mean per user.
    pub mean: f64,
    /// Variance per user.
    pub variance: f64,
    /// Share of users who pay.
    pub conversion: f64,
    /// Mean per payer.
    pub payer_mean: f64,
    /// Variance per payer.
    pub payer_variance: f64,
}

impl Spend {
    /// From a spend histogram: `viewers`, and per bin (payers, their spend).
    pub fn from_histogram(viewers: u128, bins: &[(u128, i128)]) -> Spend {
        let n = viewers.max(1) as f64;
        let payers: u128 = bins.iter().map(|b| b.0).sum();
        let mut categories = vec![(viewers.saturating_sub(payers) as f64 / n, 0.0, false)];
        for &(count, sum) in bins.iter().filter(|b| b.0 > 0) {
            categories.push((count as f64 / n, sum as f64 / count as f64, true));
        }
        let moment = |k: i32, payers_only: bool| -> f64 {
            categories
                .iter()
                .filter(|c| !payers_only || c.2)
                .map(|c| c.0 * libm::pow(c.1, f64::from(k)))
                .sum()
        };
        let conversion = categories.iter().filter(|c| c.2).map(|c| c.0).sum::<f64>();
        let mean = moment(1, false);
        let variance = (moment(2, false) - mean * mean).max(0.0);
        let (payer_mean, payer_variance) = if conversion > 0.0 {
            let m = moment(1, true) / conversion;
            (m, (moment(2, true) / conversion - m * m).max(0.0))
        } else {
            (0.0, 0.0)
        };
        Spend {
            categories,
            viewers,
            payers,
            paid: bins.iter().map(|b| b.1).sum(),
            mean,
            variance,
            conversion,
            payer_mean,
            payer_variance,
        }
    }

    /// One arm of `n` users drawn from the categories (a multinomial): (users, sum, sum of
    /// squares) over everyone, and over payers.
    fn arm(&self, n: u64, rng: &mut Rng) -> (Moments, Moments) {
        let mut left = n;
        let mut mass = 1.0f64;
        let (mut all, mut paid) = (Moments::default(), Moments::default());
        let last = self.categories.len().saturating_sub(1);
        for (i, &(p, value, payer)) in self.categories.iter().enumerate() {
            if left == 0 {
                break;
            }
            let k = if i == last || mass <= p {
                left
            } else {
                binomial(rng, left, (p / mass).clamp(0.0, 1.0))
            };
            left -= k;
            mass -= p;
            let kf = k as f64;
            all.add(kf, value);
            if payer {
                paid.add(kf, value);
            }
        }
        (all, paid)
    }
}

/// Users, sum and sum of squares.
#[derive(Debug, Default, Clone, Copy)]
struct Moments {
    n: f64,
    sum: f64,
    squares: f64,
}

impl Moments {
    fn add(&mut self, k: f64, value: f64) {
        self.n += k;
        self.sum += k * value;
        self.squares += k * value * value;
    }

    fn mean(&self) -> f64 {
        if self.n > 0.0 {
            self.sum / self.n
        } else {
            0.0
        }
    }

    fn variance(&self) -> f64 {
        if self.n < 2.0 {
            return 0.0;
        }
        ((self.squares - self.n * self.mean() * self.mean()) / (self.n - 1.0)).max(0.0)
    }
}

/// A binomial deviate: by waiting times when few successes (or failures) are expected, by the
/// normal approximation (rounded, clamped) when many are.
pub fn binomial(rng: &mut Rng, n: u64, p: f64) -> u64 {
    if n == 0 || p <= 0.0 {
        return 0;
    }
    if p >= 1.0 {
        return n;
    }
    if p > 0.5 {
        return n - binomial(rng, n, 1.0 - p);
    }
    let mean = n as f64 * p;
    if mean < 30.0 {
        // Count geometric waiting times until they pass n (expected about `mean` steps).
        let log_q = libm::log1p(-p);
        let mut successes = 0u64;
        let mut at = 0.0f64;
        loop {
            at += libm::floor(libm::log(rng.unit_open()) / log_q) + 1.0;
            if at > n as f64 || successes >= n {
                return successes;
            }
            successes += 1;
        }
    }
    let sd = libm::sqrt(mean * (1.0 - p));
    let k = libm::round(mean + sd * rng.normal());
    k.clamp(0.0, n as f64) as u64
}

/// The smallest relative changes (a rise, a fall) of the treatment's mean that Welch's test
/// calls significant at `z`, for arms with means `a` (treatment) and `b` (control), variances
/// `va`, `vb` and sizes `na`, `nb`; infinite where no change can be detected.
fn detectable(a: f64, b: f64, va: f64, vb: f64, na: f64, nb: f64, z: f64) -> (f64, f64) {
    // (a·x − b)² = z² (va·x²/na + vb/nb) for the treatment scaled by x = 1 + effect.
    let z2 = z * z;
    let qa = a * a - z2 * va / na;
    let qb = -2.0 * a * b;
    let qc = b * b - z2 * vb / nb;
    if a <= 0.0 || b <= 0.0 || qa <= 0.0 {
        return (f64::INFINITY, f64::INFINITY);
    }
    let disc = qb * qb - 4.0 * qa * qc;
    if disc < 0.0 {
        return (f64::INFINITY, f64::INFINITY);
    }
    let root = libm::sqrt(disc);
    let high = (-qb + root) / (2.0 * qa);
    let low = (-qb - root) / (2.0 * qa);
    let rise = (high - 1.0).max(0.0);
    let fall = if low > 0.0 {
        (1.0 - low).max(0.0)
    } else {
        f64::INFINITY
    };
    (rise, fall)
}

/// The standard normal quantile (Acklam's rational approximation, relative error below
/// 1.2e-9), for critical values.
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969683028665376e1,
        2.209460984245205e2,
        -2.759285104469687e2,
        1.383_577_518_672_69e2,
        -3.066479806614716e1,
        2.506628277459239,
    ];
    const B: [f64; 5] = [
        -5.447609879822406e1,
        1.615858368580409e2,
        -1.556989798598866e2,
        6.680131188771972e1,
        -1.328068155288572e1,
    ];
    const C: [f64; 6] = [
        -7.784894002430293e-3,
        -3.223964580411365e-1,
        -2.400758277161838,
        -2.549732539343734,
        4.374664141464968,
        2.938163982698783,
    ];
    const D: [f64; 4] = [
        7.784695709041462e-3,
        3.224671290700398e-1,
        2.445134137142996,
        3.754408661907416,
    ];
    let p = p.clamp(1e-300, 1.0 - 1e-16);
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < 0.02425 {
        tail(libm::sqrt(-2.0 * libm::log(p)))
    } else if p > 1.0 - 0.02425 {
        -tail(libm::sqrt(-2.0 * libm::log(1.0 - p)))
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

/// The two-sided p-value of a standard normal statistic.
pub fn normal_p(z: f64) -> f64 {
    libm::erfc(z.abs() / core::f64::consts::SQRT_2).clamp(0.0, 1.0)
}

/// The `q`-quantile of `values` (nearest rank; infinity counts as the largest).
fn quantile(values: &mut [f64], q: f64) -> f64 {
    if values.is_empty() {
        return f64::INFINITY;
    }
    crate::sort::sort_by(values, |a, b| a.total_cmp(b));
    let rank = libm::ceil(q * values.len() as f64).max(1.0) as usize;
    values[rank.min(values.len()) - 1]
}

/// What N users per arm can detect on one metric.
#[derive(Debug, Clone, Copy)]
pub struct Detectable {
    /// The smallest rise detected with the plan's power (relative; infinite if none).
    pub rise: f64,
    /// The smallest fall.
    pub fall: f64,
    /// The normal approximation's answer, for comparison (relative).
    pub closed_form: f64,
    /// Power at the effect to detect, if one is given.
    pub power_at: Option<f64>,
}

/// Revenue per user and revenue per payer, by replicate experiments drawn from `spend`.
pub fn simulate_power(
    spend: &Spend,
    users: u64,
    alpha: f64,
    power: f64,
    effect: Option<f64>,
    replicates: u32,
    seed: u64,
) -> (Detectable, Detectable) {
    let z = normal_quantile(1.0 - alpha / 2.0);
    let z_power = normal_quantile(power);
    // The same replicate draws for every duration and metric: a smooth curve over days.
    let mut rng = Rng::stream(seed, 0x0070_6f77_6572, 0);
    let n = users as f64;
    let (mut user_rise, mut user_fall) = (Vec::new(), Vec::new());
    let (mut payer_rise, mut payer_fall) = (Vec::new(), Vec::new());
    for _ in 0..replicates {
        let (ta, tp) = spend.arm(users, &mut rng);
        let (ca, cp) = spend.arm(users, &mut rng);
        let (r, f) = detectable(ta.mean(), ca.mean(), ta.variance(), ca.variance(), n, n, z);
        user_rise.push(r);
        user_fall.push(f);
        let (r, f) = detectable(
            tp.mean(),
            cp.mean(),
            tp.variance(),
            cp.variance(),
            tp.n.max(1.0),
            cp.n.max(1.0),
            z,
        );
        payer_rise.push(r);
        payer_fall.push(f);
    }
    let at = |rise: &[f64], fall: &[f64]| {
        effect.map(|e| {
            let hits = if e > 0.0 {
                rise.iter().filter(|r| **r <= e).count()
            } else {
                fall.iter().filter(|f| **f <= -e).count()
            };
            hits as f64 / f64::from(replicates.max(1))
        })
    };
    let closed = |mean: f64, variance: f64, n: f64| {
        if mean > 0.0 && n > 0.0 {
            (z + z_power) * libm::sqrt(2.0 * variance / n) / mean
        } else {
            f64::INFINITY
        }
    };
    let users_power = at(&user_rise, &user_fall);
    let payers_power = at(&payer_rise, &payer_fall);
    let per_user = Detectable {
        rise: quantile(&mut user_rise, power),
        fall: quantile(&mut user_fall, power),
        closed_form: closed(spend.mean, spend.variance, n),
        power_at: users_power,
    };
    let per_payer = Detectable {
        rise: quantile(&mut payer_rise, power),
        fall: quantile(&mut payer_fall, power),
        closed_form: closed(spend.payer_mean, spend.payer_variance, n * spend.conversion),
        power_at: payers_power,
    };
    (per_user, per_payer)
}

/// Conversion by the normal approximation for two proportions: the smallest relative rise
/// and fall, and the power at `effect`.
pub fn conversion_power(
    p: f64,
    users: u64,
    alpha: f64,
    power: f64,
    effect: Option<f64>,
) -> Detectable {
    let z = normal_quantile(1.0 - alpha / 2.0);
    let z_power = normal_quantile(power);
    let n = users as f64;
    let mde = if p > 0.0 && p < 1.0 {
        (z + z_power) * libm::sqrt(2.0 * p * (1.0 - p) / n) / p
    } else {
        f64::INFINITY
    };
    // Power at an effect is Φ(δ/se − z), and Φ(x) = erfc(−x/√2)/2.
    let power_at = effect.map(|e| {
        let delta = (p * e).abs();
        let se = libm::sqrt(2.0 * p * (1.0 - p) / n);
        if se > 0.0 {
            0.5 * libm::erfc(-(delta / se - z) / core::f64::consts::SQRT_2)
        } else {
            0.0
        }
    });
    Detectable {
        rise: mde,
        fall: mde,
        closed_form: mde,
        power_at,
    }
}

/// What peeking costs: the false-positive rate of stopping at the first look with p < alpha,
/// and O'Brien–Fleming boundaries for `looks` equally spaced looks (both by simulating the
/// test statistic's path under no effect, 20,000 paths).
pub fn peeking(looks: u32, alpha: f64, seed: u64) -> (f64, Vec<f64>) {
    const PATHS: u32 = 20_000;
    let k = looks.max(1);
    let z = normal_quantile(1.0 - alpha / 2.0);
    let mut rng = Rng::stream(seed, 0x7065_656b, 0);
    let mut naive = 0u32;
    let mut maxima = Vec::with_capacity(PATHS as usize);
    for _ in 0..PATHS {
        let mut sum = 0.0;
        let mut crossed = false;
        let mut max = 0.0f64;
        for look in 1..=k {
            sum += rng.normal();
            let stat = sum / libm::sqrt(f64::from(look));
            crossed |= stat.abs() > z;
            max = max.max(stat.abs() * libm::sqrt(f64::from(look) / f64::from(k)));
        }
        naive += u32::from(crossed);
        maxima.push(max);
    }
    let c = quantile(&mut maxima, 1.0 - alpha);
    let bounds = (1..=k)
        .map(|look| c * libm::sqrt(f64::from(k) / f64::from(look)))
        .collect();
    (f64::from(naive) / f64::from(PATHS), bounds)
}

/// The sample-ratio check: the chi-square statistic (1 degree of freedom) and its p-value.
pub fn sample_ratio(control: u64, treatment: u64, share: f64) -> (f64, f64) {
    let total = (control + treatment) as f64;
    let expected_t = total * share;
    let expected_c = total - expected_t;
    let chi = libm::pow(treatment as f64 - expected_t, 2.0) / expected_t
        + libm::pow(control as f64 - expected_c, 2.0) / expected_c;
    (chi, libm::erfc(libm::sqrt(chi / 2.0)).clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_quantiles_are_the_textbook_values() {
        assert!((normal_quantile(0.975) - 1.959964).abs() < 1e-5);
        assert!((normal_quantile(0.8) - 0.841621).abs() < 1e-5);
        assert!((normal_quantile(0.001) + 3.090232).abs() < 1e-5);
        assert!((normal_p(1.959964) - 0.05).abs() < 1e-6);
    }

    #[test]
    fn binomial_draws_have_the_right_mean() {
        let mut rng = Rng::stream(1, 2, 3);
        for (n, p) in [(100u64, 0.03), (1_000_000, 0.3), (50, 0.9), (10, 0.0)] {
            let draws = 4_000;
            let total: u64 = (0..draws).map(|_| binomial(&mut rng, n, p)).sum();
            let mean = total as f64 / f64::from(draws);
            let expect = n as f64 * p;
            let sd = libm::sqrt(n as f64 * p * (1.0 - p) / f64::from(draws));
            assert!(
                (mean - expect).abs() <= 4.0 * sd + 1e-9,
                "{n} {p}: {mean} vs {expect}"
            );
        }
    }

    /// Normally distributed revenue (every user pays, mean 100, sd 20, in 1 % bins): the
    /// simulated minimum detectable effect is the closed form's.
    #[test]
    fn normal_revenue_agrees_with_the_closed_form() {
        let mut bins: Vec<(u128, i128)> = Vec::new();
        let viewers = 1_000_000u128;
        let mut placed = 0u128;
        for i in 0..=160 {
            let x = 20.0 + f64::from(i);
            let lo = (x - 0.5 - 100.0) / 20.0;
            let hi = (x + 0.5 - 100.0) / 20.0;
            let p = 0.5
                * (libm::erfc(-hi / core::f64::consts::SQRT_2)
                    - libm::erfc(-lo / core::f64::consts::SQRT_2));
            let count = (p * viewers as f64) as u128;
            placed += count;
            bins.push((count, count as i128 * x as i128));
        }
        let spend = Spend::from_histogram(placed, &bins);
        assert!(
            (spend.mean - 100.0).abs() < 0.1 && (libm::sqrt(spend.variance) - 20.0).abs() < 0.2
        );
        for users in [200u64, 5_000] {
            let (per_user, _) = simulate_power(&spend, users, 0.05, 0.8, None, 4_000, 7);
            let ratio = per_user.rise / per_user.closed_form;
            assert!(
                (ratio - 1.0).abs() < 0.05,
                "{users}: {} vs {}",
                per_user.rise,
                per_user.closed_form
            );
            assert!((per_user.fall / per_user.closed_form - 1.0).abs() < 0.05);
        }
    }

    #[test]
    fn peeking_weekly_inflates_false_alarms_and_obrien_fleming_boundaries_fall() {
        let (naive, bounds) = peeking(4, 0.05, 1);
        assert!((0.11..0.15).contains(&naive), "{naive}");
        // Published O'Brien–Fleming constant for 4 looks at 5 %: 2.024 (Jennison & Turnbull).
        assert!((bounds[3] - 2.024).abs() < 0.04, "{bounds:?}");
        assert!(bounds.windows(2).all(|w| w[0] > w[1]));
    }

    #[test]
    fn a_lopsided_split_is_a_sample_ratio_mismatch() {
        let (_, p) = sample_ratio(50_000, 50_100, 0.5);
        assert!(p > 0.5);
        let (chi, p) = sample_ratio(50_000, 51_500, 0.5);
        assert!(chi > 9.0 && p < SRM_P, "{chi} {p}");
    }
}
