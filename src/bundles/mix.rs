//! What the optimizer buys and compares: offers, the lines and mixes of purchases, and their
//! score (price, then leftover coins, then purchases).

/// A bundle as the optimizer sees it: coins received (bonus included) and price in minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offer {
    /// Coins received.
    pub coins: u64,
    /// Price in minor units.
    pub price: u64,
}

/// A custom-amount rule in optimizer terms: multiples of `step` coins, `step_price` each, from
/// `min_steps` to `max_steps` steps per purchase (`max_steps ≥ 2 × min_steps`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CustomOffer {
    /// Coins per step.
    pub step: u64,
    /// Price of one step in minor units.
    pub step_price: u64,
    /// Fewest steps in one purchase.
    pub min_steps: u64,
    /// Most steps in one purchase.
    pub max_steps: u64,
}

/// What a line of a mix buys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// The bundle at this index of the rate card.
    Bundle(usize),
    /// A custom amount.
    Custom,
}

/// `count` purchases of the same thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// What is bought.
    pub item: Item,
    /// Coins per purchase.
    pub coins: u64,
    /// Price per purchase in minor units.
    pub price: u64,
    /// Number of purchases.
    pub count: u64,
}

/// A set of purchases, in the order they are made (largest first; customs last).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mix {
    /// The purchases.
    pub lines: Vec<Line>,
}

impl Mix {
    /// Coins received.
    pub fn coins(&self) -> u64 {
        self.lines.iter().map(|l| l.coins * l.count).sum()
    }

    /// Total price in minor units.
    pub fn price(&self) -> u64 {
        self.lines.iter().map(|l| l.price * l.count).sum()
    }

    /// Number of purchases.
    pub fn purchases(&self) -> u64 {
        self.lines.iter().map(|l| l.count).sum()
    }

    /// The mix's score for a target: (price, leftover coins, purchases).
    pub fn score(&self, target: u64) -> Score {
        Score {
            price: self.price(),
            leftover: self.coins().saturating_sub(target),
            purchases: self.purchases(),
        }
    }
}

/// What the optimizer minimizes, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Score {
    /// Total price in minor units.
    pub price: u64,
    /// Coins bought beyond the target.
    pub leftover: u64,
    /// Number of purchases.
    pub purchases: u64,
}

/// Two scores together (a mix and what completes it).
pub(super) fn add(a: Score, b: Score) -> Score {
    Score {
        price: a.price + b.price,
        leftover: a.leftover + b.leftover,
        purchases: a.purchases + b.purchases,
    }
}

/// `steps` custom steps as the fewest purchases, each within the allowed range.
pub(super) fn custom_lines(steps: u64, cu: CustomOffer) -> Vec<Line> {
    if steps == 0 {
        return Vec::new();
    }
    let purchases = steps.div_ceil(cu.max_steps);
    // Spread evenly: sizes differ by at most one step, so each is within [min, max] because
    // max ≥ 2 × min.
    let small = steps / purchases;
    let big_count = steps % purchases;
    let line = |size: u64, count: u64| Line {
        item: Item::Custom,
        coins: size * cu.step,
        price: size * cu.step_price,
        count,
    };
    let mut lines = Vec::new();
    if big_count > 0 {
        lines.push(line(small + 1, big_count));
    }
    if purchases - big_count > 0 {
        lines.push(line(small, purchases - big_count));
    }
    lines
}

/// The mix buying `counts[k]` of each kept offer `k`.
pub(super) fn mix_from_counts(counts: &[u64], offers: &[(usize, Offer)]) -> Mix {
    Mix {
        lines: counts
            .iter()
            .zip(offers)
            .filter(|(n, _)| **n > 0)
            .map(|(&count, &(index, o))| Line {
                item: Item::Bundle(index),
                coins: o.coins,
                price: o.price,
                count,
            })
            .collect(),
    }
}
