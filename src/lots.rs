//! Coin lots: every purchase creates a lot, and gifts spend lots first-in-first-out, so the real
//! cost of a gift is exact even when its coins come from bundles of different price per coin.

use crate::error::{Error, ErrorCode, Result};
use crate::money::{Fraction, Money, RoundingPoint};

/// Coins bought together at one price.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lot {
    /// Coins in the lot.
    pub coins: u64,
    /// What the viewer paid for them.
    pub cost: Money,
}

/// Part of a lot spent by one gift: coins `from..to` of lot `lot`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slice {
    /// Index of the lot.
    pub lot: usize,
    /// First coin (counted from the start of the lot).
    pub from: u64,
    /// One past the last coin.
    pub to: u64,
}

impl Slice {
    /// Coins in the slice.
    pub fn coins(&self) -> u64 {
        self.to - self.from
    }
}

/// Lots in purchase order, with how far each has been spent.
#[derive(Debug, Clone, Default)]
pub struct Wallet {
    lots: Vec<Lot>,
    spent: Vec<u64>,
    /// First lot that still has coins.
    next: usize,
}

impl Wallet {
    /// A wallet holding `lots`, oldest first.
    pub fn new(lots: Vec<Lot>) -> Wallet {
        let spent = vec![0; lots.len()];
        Wallet {
            lots,
            spent,
            next: 0,
        }
    }

    /// The lots, oldest first.
    pub fn lots(&self) -> &[Lot] {
        &self.lots
    }

    /// Coins spent from lot `i` so far.
    pub fn spent(&self, i: usize) -> u64 {
        self.spent.get(i).copied().unwrap_or(0)
    }

    /// Coins not yet spent.
    pub fn balance(&self) -> u64 {
        self.lots
            .iter()
            .zip(&self.spent)
            .map(|(l, s)| l.coins - s)
            .sum()
    }

    /// Spends `coins` oldest-first and returns the slices they came from; nothing is spent if
    /// the wallet holds too few.
    pub fn spend(&mut self, coins: u64) -> Result<Vec<Slice>> {
        if coins > self.balance() {
            return Err(Error::new(
                ErrorCode::NoSolution,
                "",
                format!(
                    "{} were to be spent but only {} held",
                    crate::words::coins(coins),
                    crate::words::count(self.balance(), "is", "are")
                ),
            )
            .with("needed", coins)
            .with("held", self.balance()));
        }
        let mut left = coins;
        let mut slices = Vec::new();
        while left > 0 {
            let i = self.next;
            let available = self.lots[i].coins - self.spent[i];
            let take = available.min(left);
            if take > 0 {
                slices.push(Slice {
                    lot: i,
                    from: self.spent[i],
                    to: self.spent[i] + take,
                });
                self.spent[i] += take;
                left -= take;
            }
            if self.spent[i] == self.lots[i].coins {
                self.next += 1;
            }
        }
        Ok(slices)
    }

    /// What spending `coins` next would cost, without spending them; `None` if too few are held.
    pub fn peek_cost(&self, coins: u64) -> Result<Option<Money>> {
        if coins > self.balance() {
            return Ok(None);
        }
        let mut left = coins;
        let mut total: Option<Money> = None;
        for i in self.next..self.lots.len() {
            if left == 0 {
                break;
            }
            let lot = self.lots[i];
            let from = self.spent[i];
            let take = (lot.coins - from).min(left);
            let part = share(lot.cost, lot.coins, from, from + take)?;
            total = Some(match total {
                Some(t) => t.checked_add(part)?,
                None => part,
            });
            left -= take;
        }
        Ok(Some(total.unwrap_or_else(|| match self.lots.first() {
            Some(l) => Money::zero(l.cost.currency()),
            None => Money::zero(crate::money::Currency::USD),
        })))
    }

    /// Adds a lot after the others.
    pub fn add(&mut self, lot: Lot) {
        self.lots.push(lot);
        self.spent.push(0);
    }

    /// What the coins of `slice` cost the viewer.
    pub fn cost(&self, slice: &Slice) -> Result<Money> {
        let lot = self.lots[slice.lot];
        share(lot.cost, lot.coins, slice.from, slice.to)
    }
}

/// The part of `amount` that belongs to units `from..to` of `whole` units, rounded
/// cumulatively (`round(amount·to/whole) − round(amount·from/whole)`, half away from zero, at
/// [`RoundingPoint::CoinCost`]), so that consecutive slices of a whole always add up to it.
pub fn share(amount: Money, whole: u64, from: u64, to: u64) -> Result<Money> {
    let at = |k| share_of(amount.minor(), whole, k);
    Ok(Money::from_minor(at(to)? - at(from)?, amount.currency()))
}

/// [`share`]'s `round(a·k/whole)` on a 64-bit amount: what the first `k` of `whole` coins
/// carry of `amount`. The simulation's hot loop keeps this per lot, so each gift costs one
/// division.
#[inline]
pub fn share_at(amount: i64, whole: u64, k: u64) -> Result<i64> {
    if k > 0 && k < whole {
        if let Some(share) = Fraction::share_narrow(amount, k, whole, RoundingPoint::CoinCost) {
            return Ok(share);
        }
    }
    i64::try_from(share_of(i128::from(amount), whole, k)?)
        .map_err(|_| Error::overflow("", "the cost of some coins"))
}

/// What the first `k` of `whole` coins carry of `amount` minor units: exact at both ends.
fn share_of(amount: i128, whole: u64, k: u64) -> Result<i128> {
    match (whole, k) {
        (0, _) | (_, 0) => Ok(0),
        _ if k == whole => Ok(amount),
        _ => Fraction::new(i128::from(k), i128::from(whole)).apply(amount, RoundingPoint::CoinCost),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;
    use proptest::prelude::*;

    fn usd(minor: i64) -> Money {
        Money::from_minor(minor, Currency::USD)
    }

    #[test]
    fn gifts_spend_the_oldest_lot_first() {
        // 65 coins for $0.99, then 330 for $4.99: a 100-coin gift spends all of the first lot.
        let mut w = Wallet::new(vec![
            Lot {
                coins: 65,
                cost: usd(99),
            },
            Lot {
                coins: 330,
                cost: usd(499),
            },
        ]);
        let slices = w.spend(100).unwrap();
        assert_eq!(
            slices,
            vec![
                Slice {
                    lot: 0,
                    from: 0,
                    to: 65
                },
                Slice {
                    lot: 1,
                    from: 0,
                    to: 35
                }
            ]
        );
        let cost: i128 = slices.iter().map(|s| w.cost(s).unwrap().minor()).sum();
        // $0.99 + 35/330 of $4.99 = 0.99 + 0.53 = $1.52
        assert_eq!(cost, 152);
        assert_eq!(w.balance(), 295);
        assert!(w.spend(296).is_err());
        assert_eq!(w.balance(), 295, "a failed spend spends nothing");
    }

    proptest! {
        #[test]
        fn slices_of_a_lot_add_up_to_its_cost(cost in 0i64..1_000_000, coins in 1u64..100_000, cuts in proptest::collection::vec(0u64..100_000, 0..8)) {
            let mut points: Vec<u64> = cuts.into_iter().map(|c| c % (coins + 1)).collect();
            points.push(0);
            points.push(coins);
            crate::sort::sort_by_key(&mut points, |p| *p);
            let total: i128 = points.windows(2).map(|w| share(usd(cost), coins, w[0], w[1]).unwrap().minor()).sum();
            prop_assert_eq!(total, i128::from(cost));
        }

        #[test]
        fn fifo_never_spends_a_lot_below_zero(lots in proptest::collection::vec((1u64..500, 1i64..10_000), 1..6), spends in proptest::collection::vec(1u64..400, 0..10)) {
            let mut w = Wallet::new(lots.iter().map(|&(coins, c)| Lot { coins, cost: usd(c) }).collect());
            let start = w.balance();
            let mut spent_total = 0;
            for s in spends {
                if let Ok(slices) = w.spend(s) {
                    prop_assert_eq!(slices.iter().map(Slice::coins).sum::<u64>(), s);
                    spent_total += s;
                }
                for (i, lot) in lots.iter().enumerate() {
                    prop_assert!(w.spent(i) <= lot.0);
                }
            }
            prop_assert_eq!(w.balance(), start - spent_total);
        }
    }
}
