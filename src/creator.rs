//! The creator's side in reverse: how many coins fans must gift for a creator to keep a sum.

use crate::bundles::{Optimizer, MAX_TARGET_COINS};
use crate::error::{Error, ErrorCode, Result};
use crate::flow;
use crate::money::Money;
use crate::rate_card::RateCard;

/// The fewest coins that, bought at the cheapest mix and gifted, leave the creator at least
/// `wanted`, by bisection on the coin count (what the creator keeps never falls as more coins
/// are gifted). The search doubles from 1,024 coins, so a small wish never builds large
/// tables, and stops at [`MAX_TARGET_COINS`].
pub fn coins_for_cash(card: &RateCard, optimizer: &Optimizer, wanted: Money) -> Result<u64> {
    let keeps = |n: u64| -> Result<Money> {
        let mix = optimizer.cheapest(n);
        Ok(flow::ledger(card, &mix, &flow::plain_coins(card, n))?
            .creator
            .keeps)
    };
    if wanted.minor() <= 0 {
        return Ok(0);
    }
    let (mut lo, mut hi) = (0u64, 1024u64);
    while keeps(hi)?.minor() < wanted.minor() {
        if hi == MAX_TARGET_COINS {
            return Err(Error::new(
                ErrorCode::NoSolution,
                "creator_cash",
                format!(
                    "{wanted} {} would take more than {MAX_TARGET_COINS} coins on this rate card",
                    card.currency
                ),
            )
            .with("max", MAX_TARGET_COINS));
        }
        lo = hi;
        hi = (hi * 2).min(MAX_TARGET_COINS);
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if keeps(mid)?.minor() >= wanted.minor() {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Ok(hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_least_that_reaches_the_target() {
        let card = crate::presets::rate_card("tiktok-web", "").unwrap();
        let optimizer = Optimizer::for_card(card);
        let wanted = Money::parse("100.00", card.currency, "").unwrap();
        let n = coins_for_cash(card, &optimizer, wanted).unwrap();
        assert_eq!(n, 20_000);
        let keeps = |n| {
            flow::ledger(card, &optimizer.cheapest(n), &flow::plain_coins(card, n))
                .unwrap()
                .creator
                .keeps
        };
        assert!(keeps(n).minor() >= wanted.minor());
        assert!(keeps(n - 1).minor() < wanted.minor());
    }
}
