//! Statistics over Monte Carlo runs: nearest-rank percentiles (always the value of an actual
//! run, so money stays exact) and means rounded at a named point.

use crate::money::{Currency, Fraction, Money, RoundingPoint};
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
    pub fn of(values: &[i64], currency: Currency) -> MoneyStat {
        let mut sorted = values.to_vec();
        crate::sort::sort_by_key(&mut sorted, |x| *x);
        let m = |v: Option<i64>| Money::from_minor(v.unwrap_or(0), currency);
        let sum: i128 = values.iter().map(|&v| i128::from(v)).sum();
        let mean = mean_minor(sum, values.len());
        MoneyStat {
            p5: m(percentile(&sorted, 5)),
            p50: m(percentile(&sorted, 50)),
            p95: m(percentile(&sorted, 95)),
            mean: m(Some(mean)),
        }
    }
}

/// `sum / n` rounded half away from zero.
fn mean_minor(sum: i128, n: usize) -> i64 {
    if n == 0 {
        return 0;
    }
    let sum = i64::try_from(sum.clamp(i128::from(i64::MIN), i128::from(i64::MAX))).unwrap_or(0);
    Fraction::new(1, n as i128)
        .apply(sum, RoundingPoint::Statistic)
        .unwrap_or(0)
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
    /// The statistic of per-run counts.
    pub fn of(values: &[u64]) -> CountStat {
        let mut sorted = values.to_vec();
        crate::sort::sort_by_key(&mut sorted, |x| *x);
        let sum: u128 = values.iter().map(|&v| u128::from(v)).sum();
        let hundredths = mean_minor(i128::try_from(sum * 100).unwrap_or(i128::MAX), values.len());
        CountStat {
            p5: percentile(&sorted, 5).unwrap_or(0),
            p50: percentile(&sorted, 50).unwrap_or(0),
            p95: percentile(&sorted, 95).unwrap_or(0),
            mean: Decimal::new(hundredths, 2),
        }
    }
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
        let s = MoneyStat::of(&[300, 100, 200], Currency::USD);
        assert_eq!(
            (s.p5.minor(), s.p50.minor(), s.p95.minor(), s.mean.minor()),
            (100, 200, 300, 200)
        );
        assert!(s.p5.minor() <= s.p50.minor() && s.p50.minor() <= s.p95.minor());
        let c = CountStat::of(&[1, 2]);
        assert_eq!(c.mean.to_string(), "1.50");
    }
}
