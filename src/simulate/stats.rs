//! Statistics over Monte Carlo runs: nearest-rank percentiles (always the value of an actual
//! run, so money stays exact), means rounded at [`RoundingPoint::Statistic`], and a point
//! compared with its base run by run.

use super::{
    exact_count, ratio_text, GroupPart, RunMetrics, COUNT_METRICS, MONEY_METRICS, RATIO_METRICS,
};
use crate::error::Result;
use crate::money::{percent_of, Currency, Fraction, Money, RoundingPoint};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

/// The nearest-rank `p`-th percentile of sorted values.
pub fn percentile<T: Copy>(sorted: &[T], p: u32) -> Option<T> {
    if sorted.is_empty() {
        return None;
    }
    let n = sorted.len();
    let rank = (u64::from(p) * n as u64).div_ceil(100).max(1) as usize;
    Some(sorted[rank.min(n) - 1])
}

fn sorted<T: Copy + Ord>(values: &[T]) -> Vec<T> {
    let mut sorted = values.to_vec();
    crate::sort::sort_by_key(&mut sorted, |x| *x);
    sorted
}

/// `sum / n` rounded at [`RoundingPoint::Statistic`] (over at most 1,000 runs of values far
/// inside `i128`, so the sum is exact).
fn mean(sum: i128, n: usize) -> Result<i128> {
    if n == 0 {
        return Ok(0);
    }
    Fraction::new(1, n as i128).apply(sum, RoundingPoint::Statistic)
}

/// A money metric over runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MoneyStat {
    /// 5th percentile.
    pub p5: Money,
    /// Median.
    pub p50: Money,
    /// 95th percentile.
    pub p95: Money,
    /// Mean, rounded half away from zero.
    pub mean: Money,
}

impl MoneyStat {
    /// The statistic of per-run values in minor units.
    pub fn of(values: &[i128], currency: Currency) -> Result<MoneyStat> {
        let sorted = sorted(values);
        let m = |v: Option<i128>| Money::from_minor(v.unwrap_or(0), currency);
        Ok(MoneyStat {
            p5: m(percentile(&sorted, 5)),
            p50: m(percentile(&sorted, 50)),
            p95: m(percentile(&sorted, 95)),
            mean: m(Some(mean(values.iter().sum(), values.len())?)),
        })
    }
}

/// A count metric over runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CountStat {
    /// 5th percentile.
    pub p5: u64,
    /// Median.
    pub p50: u64,
    /// 95th percentile.
    pub p95: u64,
    /// Mean with two decimals.
    #[schemars(with = "String")]
    #[serde(serialize_with = "crate::money::decimal_string")]
    pub mean: Decimal,
}

impl CountStat {
    /// The statistic of per-run counts of `metric` (named in an overflow error).
    pub fn of(metric: &str, values: &[u128]) -> Result<CountStat> {
        let sorted = sorted(values);
        let p = |q| exact_count(metric, percentile(&sorted, q).unwrap_or(0));
        let sum: u128 = values.iter().sum();
        let hundredths = mean(i128::try_from(sum * 100).unwrap_or(i128::MAX), values.len())?;
        Ok(CountStat {
            p5: p(5)?,
            p50: p(50)?,
            p95: p(95)?,
            mean: Decimal::try_from_i128_with_scale(hundredths, 2)
                .map_err(|_| crate::error::Error::overflow("", "a mean count"))?,
        })
    }
}

/// A ratio metric over runs, with 6 decimals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RatioStat {
    /// 5th percentile.
    pub p5: String,
    /// Median.
    pub p50: String,
    /// 95th percentile.
    pub p95: String,
    /// Mean, rounded half away from zero.
    pub mean: String,
}

impl RatioStat {
    /// The statistic of per-run ratios in millionths.
    pub fn of(values: &[i128]) -> Result<RatioStat> {
        let sorted = sorted(values);
        let p = |q| ratio_text(percentile(&sorted, q).unwrap_or(0));
        Ok(RatioStat {
            p5: p(5),
            p50: p(50),
            p95: p(95),
            mean: ratio_text(mean(values.iter().sum(), values.len())?),
        })
    }

    /// The statistic of each run's `part` as a share of its `whole` (run by run).
    pub fn share_of(part: &[i128], whole: &[i128]) -> Result<RatioStat> {
        let shares: Vec<i128> = part
            .iter()
            .zip(whole)
            .map(|(p, w)| super::millionths(*p, *w))
            .collect();
        RatioStat::of(&shares)
    }
}

/// How a metric of a point differs from the base, run by run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Difference {
    /// Metric name.
    pub metric: String,
    /// `money`, `count` or `ratio`.
    pub unit: String,
    /// The base's median.
    pub base: String,
    /// This point's median.
    pub value: String,
    /// Mean of the per-run differences (point − base).
    pub mean_difference: String,
    /// 5th percentile of the per-run differences.
    pub difference_p5: String,
    /// 95th percentile of the per-run differences.
    pub difference_p95: String,
    /// Relative change of the mean, in percent ([`RoundingPoint::Percent`]: rounded half away
    /// from zero to 2 decimals), when the base is not zero.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent: Option<String>,
    /// Two-sided p-value of the mean difference under the simulation's own sampling noise:
    /// Student's t on the paired per-run differences, with runs − 1 degrees of freedom (6
    /// decimals; absent with fewer than [`MIN_RUNS_TO_JUDGE`] runs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_value: Option<String>,
    /// True when the difference stands out from the simulation's noise at 5 % after Holm's
    /// correction over the metrics compared together ([`SIGNIFICANCE`]).
    pub significant: bool,
    /// `higher`, `lower`, `no clear difference`, or `too few runs to judge`.
    pub judgement: String,
}

/// What a judgement rests on: the p-value as computed and the sign of the mean difference.
#[derive(Debug, Clone, Copy)]
struct Evidence {
    p: Option<f64>,
    direction: i8,
}

/// A p-value as answers write it: 6 decimals, and `<0.000001` below that.
fn p_value_text(p: f64) -> String {
    if p < 0.000_001 {
        "<0.000001".to_string()
    } else {
        format!("{p:.6}")
    }
}

/// Fewest runs a difference is judged on: with two, one degree of freedom says little.
pub const MIN_RUNS_TO_JUDGE: usize = 3;

/// The level of every judgement, before Holm's correction.
const ALPHA: f64 = 0.05;

/// What "significant" means, as answers state it.
pub const SIGNIFICANCE: &str = "A difference is judged against this simulation's own sampling noise (how its runs vary), not a real experiment's: Student's t on the per-run differences (common random numbers), runs − 1 degrees of freedom, at 5 % after Holm's correction over the metrics compared together; fewer than 3 runs are not judged.";

/// What differences are read from: a run's metrics, or one age group's or segment's.
pub trait Metrics {
    /// Money metric `name` in minor units.
    fn money_minor(&self, name: &str) -> i128;
    /// Count metric `name`.
    fn count_of(&self, name: &str) -> i128;
    /// Ratio metric `name` in millionths.
    fn ratio_of(&self, name: &str) -> i128;
}

impl Metrics for RunMetrics {
    fn money_minor(&self, name: &str) -> i128 {
        RunMetrics::money_minor(self, name)
    }
    fn count_of(&self, name: &str) -> i128 {
        i128::from(self.count(name))
    }
    fn ratio_of(&self, name: &str) -> i128 {
        self.ratio(name)
    }
}

impl Metrics for &GroupPart {
    fn money_minor(&self, name: &str) -> i128 {
        self.money(name)
    }
    fn count_of(&self, name: &str) -> i128 {
        i128::try_from(self.count(name)).unwrap_or(i128::MAX)
    }
    fn ratio_of(&self, name: &str) -> i128 {
        self.ratio(name)
    }
}

/// Per-metric differences of `point` from `base`, paired run by run (common random numbers:
/// run `r` of both shares its random draws), for the metrics `keep` names.
pub fn differences<M: Metrics>(
    base: &[M],
    point: &[M],
    currency: Currency,
    keep: impl Fn(&str) -> bool,
) -> Result<Vec<Difference>> {
    let values =
        |runs: &[M], read: &dyn Fn(&M) -> i128| -> Vec<i128> { runs.iter().map(read).collect() };
    let show_money = |v: i128| Money::from_minor(v, currency).to_string();
    let mut out: Vec<(Difference, Evidence)> = Vec::new();
    for (name, _) in MONEY_METRICS.iter().filter(|(n, _)| keep(n)) {
        let read = |r: &M| r.money_minor(name);
        out.push(judged(
            name,
            "money",
            &values(base, &read),
            &values(point, &read),
            show_money,
        )?);
    }
    for (name, _) in COUNT_METRICS.iter().filter(|(n, _)| keep(n)) {
        let read = |r: &M| r.count_of(name);
        out.push(judged(
            name,
            "count",
            &values(base, &read),
            &values(point, &read),
            |v| v.to_string(),
        )?);
    }
    for (name, _) in RATIO_METRICS.iter().filter(|(n, _)| keep(n)) {
        let read = |r: &M| r.ratio_of(name);
        out.push(judged(
            name,
            "ratio",
            &values(base, &read),
            &values(point, &read),
            ratio_text,
        )?);
    }
    holm(&mut out);
    Ok(out.into_iter().map(|(d, _)| d).collect())
}

/// Holm's step-down correction over differences compared together: ordered by p-value, the
/// k-th smallest (from 0) stands out when it and every smaller one are at most
/// `ALPHA / (m − k)`; the rest are "no clear difference".
fn holm(ds: &mut [(Difference, Evidence)]) {
    let p = |e: &Evidence| e.p.unwrap_or(f64::INFINITY);
    let mut order: Vec<usize> = (0..ds.len()).collect();
    crate::sort::sort_by(&mut order, |&i, &j| {
        p(&ds[i].1).total_cmp(&p(&ds[j].1)).then(i.cmp(&j))
    });
    let m = ds.len();
    let mut still = true;
    for (k, &i) in order.iter().enumerate() {
        let (d, e) = &mut ds[i];
        still = still && e.p.is_some_and(|p| p <= ALPHA / (m - k) as f64);
        if e.p.is_some() {
            d.significant = still && e.direction != 0;
            d.judgement = verdict(e.p, d.significant, e.direction).to_string();
        }
    }
}

fn verdict(p: Option<f64>, significant: bool, direction: i8) -> &'static str {
    match (p, significant, direction > 0) {
        (None, _, _) => "too few runs to judge",
        (Some(_), false, _) => "no clear difference",
        (Some(_), true, true) => "higher",
        (Some(_), true, false) => "lower",
    }
}

/// Two-sided p-value of Student's t with `df` degrees of freedom:
/// `I_{df/(df+t²)}(df/2, 1/2)`, the regularized incomplete beta function.
pub fn t_test_p(t: f64, df: f64) -> f64 {
    if !t.is_finite() {
        return 0.0;
    }
    incomplete_beta(df / 2.0, 0.5, df / (df + t * t)).clamp(0.0, 1.0)
}

/// The regularized incomplete beta function `I_x(a, b)` by its continued fraction (Lentz's
/// method, at most 300 terms), on the side where it converges fast.
fn incomplete_beta(a: f64, b: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let front = libm::exp(
        libm::lgamma(a + b) - libm::lgamma(a) - libm::lgamma(b)
            + a * libm::log(x)
            + b * libm::log1p(-x),
    );
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_fraction(a, b, x) / a
    } else {
        1.0 - front * beta_fraction(b, a, 1.0 - x) / b
    }
}

fn beta_fraction(a: f64, b: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 - qab * x / qap;
    if d.abs() < TINY {
        d = TINY;
    }
    d = 1.0 / d;
    let mut h = d;
    for m in 1..=300 {
        let m = f64::from(m);
        let m2 = 2.0 * m;
        for aa in [
            m * (b - m) * x / ((qam + m2) * (a + m2)),
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
        ] {
            d = 1.0 + aa * d;
            if d.abs() < TINY {
                d = TINY;
            }
            c = 1.0 + aa / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            h *= d * c;
        }
        if (d * c - 1.0).abs() < 1e-15 {
            break;
        }
    }
    h
}

/// How `b` differs from `a`, run by run, for one metric judged alone (`show` writes a value).
pub fn difference(
    metric: &str,
    unit: &str,
    a: &[i128],
    b: &[i128],
    show: impl Fn(i128) -> String,
) -> Result<Difference> {
    judged(metric, unit, a, b, show).map(|(d, _)| d)
}

/// [`difference`], with the evidence its judgement rests on.
fn judged(
    metric: &str,
    unit: &str,
    a: &[i128],
    b: &[i128],
    show: impl Fn(i128) -> String,
) -> Result<(Difference, Evidence)> {
    let d: Vec<i128> = a.iter().zip(b).map(|(x, y)| y - x).collect();
    let (sa, sb, sd) = (sorted(a), sorted(b), sorted(&d));
    let p = |s: &[i128], q| percentile(s, q).unwrap_or(0);
    let sum: i128 = d.iter().sum();
    let mean_exact = mean(sum, d.len())?;
    // The noise judgement is a statistic, in floating point; no money is computed from it.
    let n = d.len().max(1) as f64;
    let mean_f = sum as f64 / n;
    let var = d.iter().map(|&x| (x as f64 - mean_f).powi(2)).sum::<f64>() / (n - 1.0).max(1.0);
    let stderr = libm::sqrt(var / n);
    // Judged alone here; `differences` then corrects a row's metrics together ([`holm`]).
    let p_value = (d.len() >= MIN_RUNS_TO_JUDGE).then(|| {
        if mean_f == 0.0 {
            1.0
        } else if stderr == 0.0 {
            // The same difference in every run: no noise at all.
            0.0
        } else {
            t_test_p(mean_f / stderr, n - 1.0)
        }
    });
    let direction: i8 = match sum.cmp(&0) {
        std::cmp::Ordering::Greater => 1,
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
    };
    let significant = p_value.is_some_and(|p| p <= ALPHA) && direction != 0;
    let base_sum: i128 = a.iter().sum();
    let difference = Difference {
        metric: metric.to_string(),
        unit: unit.to_string(),
        base: show(p(&sa, 50)),
        value: show(p(&sb, 50)),
        mean_difference: show(mean_exact),
        difference_p5: show(p(&sd, 5)),
        difference_p95: show(p(&sd, 95)),
        percent: percent_of(sum, base_sum).map(|p| p.to_string()),
        p_value: p_value.map(p_value_text),
        significant,
        judgement: verdict(p_value, significant, direction).to_string(),
    };
    Ok((
        difference,
        Evidence {
            p: p_value,
            direction,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<i64> = (1..=20).collect();
        assert_eq!(percentile(&v, 5), Some(1));
        assert_eq!(percentile(&v, 50), Some(10));
        assert_eq!(percentile(&v, 95), Some(19));
        assert_eq!(percentile(&[7], 95), Some(7));
        assert_eq!(percentile::<i64>(&[], 50), None);
        let s = MoneyStat::of(&[300, 100, 200], Currency::USD).unwrap();
        assert_eq!(
            (s.p5.minor(), s.p50.minor(), s.p95.minor(), s.mean.minor()),
            (100, 200, 300, 200)
        );
        let c = CountStat::of("gifts", &[1, 2]).unwrap();
        assert_eq!(c.mean.to_string(), "1.50");
    }

    #[test]
    fn totals_past_64_bits_keep_their_mean_and_counts_past_2_53_are_refused() {
        let big = 121_999_999_987_800_000_000i128;
        let s = MoneyStat::of(&[big, big + 2], Currency::USD).unwrap();
        assert_eq!(s.mean.minor(), big + 1);
        let err = CountStat::of("coins_bought", &[1 << 60]).unwrap_err();
        assert_eq!(err.code, crate::ErrorCode::Overflow);
        assert_eq!(err.details["metric"], "coins_bought");
    }

    #[test]
    fn student_t_matches_its_tables() {
        // Two-sided 5 % critical values: 12.706 (1 df), 2.776 (4), 2.045 (29); 1 % at 4.604 (4).
        for (t, df, p) in [
            (12.706, 1.0, 0.05),
            (2.776, 4.0, 0.05),
            (2.045, 29.0, 0.05),
            (4.604, 4.0, 0.01),
        ] {
            assert!((t_test_p(t, df) - p).abs() < 2e-4, "t {t}, df {df}");
        }
        assert_eq!(t_test_p(0.0, 5.0), 1.0);
        assert_eq!(t_test_p(f64::INFINITY, 5.0), 0.0);
    }

    #[test]
    fn two_runs_are_not_judged_and_many_metrics_are_corrected_together() {
        let d = difference("x", "count", &[10, 10], &[20, 30], |v| v.to_string()).unwrap();
        assert_eq!(d.judgement, "too few runs to judge");
        assert!(!d.significant && d.p_value.is_none());
        // p ≈ 0.005 alone is "higher"; among 20 metrics Holm asks for 0.05 / 20 first.
        let a = [100, 100, 100, 100, 100];
        let b = [103, 102, 104, 102, 105];
        let alone = difference("x", "count", &a, &b, |v| v.to_string()).unwrap();
        assert_eq!(alone.judgement, "higher", "{alone:?}");
        let mut many: Vec<(Difference, Evidence)> = (0..20)
            .map(|_| judged("x", "count", &a, &b, |v| v.to_string()).unwrap())
            .collect();
        holm(&mut many);
        assert!(many
            .iter()
            .all(|(d, _)| d.judgement == "no clear difference"));
        // The same difference in every run is certain.
        let exact = difference("x", "count", &a, &[101, 101, 101, 101, 101], |v| {
            v.to_string()
        })
        .unwrap();
        assert_eq!(
            (exact.judgement.as_str(), exact.p_value.as_deref()),
            ("higher", Some("<0.000001"))
        );
    }

    #[test]
    fn a_relative_change_is_rounded_not_cut() {
        // +2 on a base of 3 is +66.666…%: 66.67, where truncation gave 66.66.
        let d = difference("x", "count", &[3], &[5], |v| v.to_string()).unwrap();
        assert_eq!(d.percent.as_deref(), Some("66.67"));
        let d = difference("x", "count", &[3], &[1], |v| v.to_string()).unwrap();
        assert_eq!(d.percent.as_deref(), Some("-66.67"));
    }
}
