//! Exact dynamic-programming tables, grown on demand: covering answers for small targets, and
//! exact bundle purchases when custom amounts are the base.

use super::mix::{mix_from_counts, Mix, Offer, Score};

/// Exact covering answers for every target from 0 up, by dynamic programming, grown on demand.
/// A cell is 16 bytes: price, purchases, and leftover (24 bits, below `MAX_BUNDLE_COINS`) packed
/// with the last offer (8 bits).
#[derive(Debug, Clone)]
pub(super) struct CoverTable {
    cells: Vec<(u64, u32, u32)>,
}

impl CoverTable {
    pub(super) fn new() -> CoverTable {
        CoverTable {
            cells: vec![(0, 0, u32::MAX)],
        }
    }

    pub(super) fn grow(&mut self, target: u64, offers: &[(usize, Offer)]) {
        let pack = |left: u64, k: usize| ((left as u32) << 8) | k as u32;
        for t in self.cells.len() as u64..=target {
            let mut best = (u64::MAX, u32::MAX, u32::MAX);
            let mut best_left = u64::MAX;
            for (k, (_, o)) in offers.iter().enumerate() {
                let (price, count, left) = if o.coins >= t {
                    (o.price, 1, o.coins - t)
                } else {
                    let (price, count, packed) = self.cells[(t - o.coins) as usize];
                    (price + o.price, count + 1, u64::from(packed >> 8))
                };
                if (price, left, count) < (best.0, best_left, best.1) {
                    best = (price, count, pack(left, k));
                    best_left = left;
                }
            }
            self.cells.push(best);
        }
    }

    pub(super) fn score(&self, target: u64) -> Score {
        let (price, purchases, packed) = self.cells[target as usize];
        Score {
            price,
            leftover: u64::from(packed >> 8),
            purchases: u64::from(purchases),
        }
    }

    pub(super) fn mix(&self, target: u64, offers: &[(usize, Offer)]) -> Mix {
        let mut counts = vec![0u64; offers.len()];
        let mut t = target;
        while t > 0 {
            let k = (self.cells[t as usize].2 & 0xff) as usize;
            counts[k] += 1;
            t = t.saturating_sub(offers[k].1.coins);
        }
        mix_from_counts(&counts, offers)
    }
}

/// Cheapest (price, purchases) for exactly `s` coins, for every `s` up to a span. A cell is
/// 16 bytes; `price == u64::MAX` marks a count no purchases can make.
#[derive(Debug, Clone)]
pub(super) struct ExactTable {
    cells: Vec<(u64, u32, u32)>,
}

impl ExactTable {
    const NONE: (u64, u32, u32) = (u64::MAX, 0, 0);

    pub(super) fn new() -> ExactTable {
        ExactTable {
            cells: vec![(0, 0, u32::MAX)],
        }
    }

    /// Extends the table to cover every count up to `span`.
    pub(super) fn grow(&mut self, span: u64, offers: &[(usize, Offer)]) {
        let cells = &mut self.cells;
        let len = span as usize + 1;
        let from = cells.len();
        if len <= from {
            return;
        }
        cells.resize(len, Self::NONE);
        for s in from..len {
            for (k, (_, o)) in offers.iter().enumerate() {
                let Some(prev) = (s as u64).checked_sub(o.coins) else {
                    continue;
                };
                let (price, count, _) = cells[prev as usize];
                if price == u64::MAX {
                    continue;
                }
                let cand = (price + o.price, count + 1, k as u32);
                if (cand.0, cand.1) < (cells[s].0, cells[s].1) {
                    cells[s] = cand;
                }
            }
        }
    }

    pub(super) fn get(&self, s: u64) -> Option<(u64, u64)> {
        let (price, count, _) = self.cells[s as usize];
        (price != u64::MAX).then_some((price, u64::from(count)))
    }

    pub(super) fn mix(&self, s: u64, offers: &[(usize, Offer)]) -> Mix {
        let mut counts = vec![0u64; offers.len()];
        let mut at = s;
        while at > 0 && self.cells[at as usize].0 != u64::MAX {
            let k = self.cells[at as usize].2 as usize;
            counts[k] += 1;
            at -= offers[k].1.coins;
        }
        mix_from_counts(&counts, offers)
    }
}
