//! When a creator's earnings become cash: withdrawal minimum, daily cap, fee and delay.
//!
//! Day 0 is the day the earnings are credited. Each day the creator withdraws as much as the
//! daily cap allows; a remainder below the minimum stays in the balance until more arrives.

use crate::error::Result;
use crate::money::{round, Money, RoundingPoint};
use crate::rate_card::PayoutTerms;
use schemars::JsonSchema;
use serde::Serialize;

/// Withdrawals of the same amount on consecutive days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Withdrawals {
    /// Day of the first request.
    pub first_day: u64,
    /// Number of withdrawals (one per day).
    pub count: u64,
    /// Amount of each.
    pub amount: Money,
    /// Fee on each.
    pub fee: Money,
    /// What arrives from each.
    pub received: Money,
    /// Day the first arrives.
    pub first_arrival_day: u64,
    /// Day the last arrives.
    pub last_arrival_day: u64,
}

/// The cash-out of one balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PayoutPlan {
    /// Balance available, in whole minor units.
    pub balance: Money,
    /// The card's minimum withdrawal.
    pub minimum: Money,
    /// The card's daily cap, if any.
    pub daily_cap: Option<Money>,
    /// True when at least one withdrawal is possible now.
    pub can_withdraw: bool,
    /// How much more is needed before the first withdrawal (zero when one is possible).
    pub shortfall: Money,
    /// The withdrawals, grouped by amount.
    pub withdrawals: Vec<Withdrawals>,
    /// Sum of all withdrawal fees.
    pub total_fees: Money,
    /// Sum of everything that arrives.
    pub total_received: Money,
    /// What stays in the balance (below the minimum).
    pub remaining: Money,
    /// Day the last money arrives, if any is withdrawn.
    pub last_arrival_day: Option<u64>,
}

/// Plans the withdrawal of `balance` under `terms`.
pub fn plan(terms: &PayoutTerms, balance: Money) -> Result<PayoutPlan> {
    let cur = balance.currency();
    let zero = Money::zero(cur);
    let minimum_to_withdraw = if terms.minimum.is_positive() {
        terms.minimum
    } else {
        Money::from_minor(1, cur)
    };
    let mut plan = PayoutPlan {
        balance,
        minimum: terms.minimum,
        daily_cap: terms.daily_cap,
        can_withdraw: balance.minor() >= minimum_to_withdraw.minor(),
        shortfall: minimum_to_withdraw.checked_sub(balance)?.max_zero(),
        withdrawals: Vec::new(),
        total_fees: zero,
        total_received: zero,
        remaining: balance,
        last_arrival_day: None,
    };
    if !plan.can_withdraw {
        return Ok(plan);
    }
    let cap = terms.daily_cap.unwrap_or(balance);
    let full = u64::try_from(balance.minor() / cap.minor())
        .map_err(|_| crate::error::Error::overflow("", "the number of withdrawals"))?;
    let rest = Money::from_minor(balance.minor() % cap.minor(), cur);
    let mut day = 0u64;
    let mut group = |amount: Money, count: u64, plan: &mut PayoutPlan| -> Result<()> {
        if count == 0 {
            return Ok(());
        }
        let fee = round(amount.times(terms.fee.rate)?, cur, RoundingPoint::Payout)?
            .checked_add(terms.fee.fixed)?
            .min_of(amount);
        let received = amount.checked_sub(fee)?;
        let delay = u64::from(terms.delay_days);
        plan.withdrawals.push(Withdrawals {
            first_day: day,
            count,
            amount,
            fee,
            received,
            first_arrival_day: day + delay,
            last_arrival_day: day + count - 1 + delay,
        });
        plan.total_fees = plan.total_fees.checked_add(fee.checked_mul_count(count)?)?;
        plan.total_received = plan
            .total_received
            .checked_add(received.checked_mul_count(count)?)?;
        plan.remaining = plan
            .remaining
            .checked_sub(amount.checked_mul_count(count)?)?;
        plan.last_arrival_day = Some(day + count - 1 + delay);
        day += count;
        Ok(())
    };
    group(cap, full, &mut plan)?;
    if rest.minor() >= minimum_to_withdraw.minor() {
        group(rest, 1, &mut plan)?;
    }
    Ok(plan)
}

trait Clamp {
    fn max_zero(self) -> Self;
    fn min_of(self, other: Self) -> Self;
}

impl Clamp for Money {
    fn max_zero(self) -> Money {
        if self.is_negative() {
            Money::zero(self.currency())
        } else {
            self
        }
    }
    fn min_of(self, other: Money) -> Money {
        if self.minor() <= other.minor() {
            self
        } else {
            other
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    fn usd(s: &str) -> Money {
        Money::parse(s, crate::money::Currency::USD, "").unwrap()
    }

    #[test]
    fn tiktok_pays_at_most_1000_a_day_after_15_days() {
        let terms = presets::rate_card("tiktok-web", "").unwrap().payout;
        let p = plan(&terms, usd("2505.00")).unwrap();
        assert!(p.can_withdraw);
        assert_eq!(p.withdrawals.len(), 2);
        assert_eq!(
            (p.withdrawals[0].count, p.withdrawals[0].amount),
            (2, usd("1000.00"))
        );
        assert_eq!(p.withdrawals[1].amount, usd("505.00"));
        assert_eq!(p.last_arrival_day, Some(2 + 15));
        assert_eq!(p.total_received, usd("2505.00"));
        assert_eq!(p.remaining, usd("0.00"));
    }

    #[test]
    fn below_the_minimum_nothing_moves_and_a_small_remainder_waits() {
        let terms = presets::rate_card("tiktok-web", "").unwrap().payout;
        let p = plan(&terms, usd("7.50")).unwrap();
        assert!(!p.can_withdraw);
        assert_eq!(p.shortfall, usd("2.50"));
        assert!(p.withdrawals.is_empty());
        let p = plan(&terms, usd("1005.00")).unwrap();
        assert_eq!(p.withdrawals.len(), 1);
        assert_eq!(p.remaining, usd("5.00"));
    }
}
