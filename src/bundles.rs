//! The cheapest bundle mix: the purchases that give at least N coins for the lowest price, then
//! the fewest leftover coins, then the fewest purchases.
//!
//! # How it stays exact without a table of ten million cells
//!
//! Let `b` be the bundle with the best price per coin (the largest one among ties), of `c`
//! coins for `p`. Every other bundle `i` costs `W_i = c·p_i − p·c_i ≥ 0` more than the same coins
//! bought at `b`'s rate. For any set of non-`b` purchases with `s` coins, adding copies of `b`
//! until N is covered gives a total that depends on `s` only through `s mod c`. So one shortest
//! path per residue modulo `c` (weights `(W_i, c − c_i)`, compared lexicographically, the second
//! part standing in for the purchase count) answers every N at once: for N above the largest
//! path's coin count the optimum is `path(ρ) + k·b` for the best residue `ρ`, and below it a
//! covering table that small is exact. The residue paths come from the round-robin algorithm
//! (Böcker & Lipták, 2007), O(bundles × c) with no heap.
//!
//! Custom amounts are exactly linear (see [`crate::rate_card::CustomAmount`]), so customs can be
//! merged and split freely. Two cases cover every card:
//! - **bundles are at least as cheap per coin**: an optimal mix never holds `lcm(c, step)` or
//!   more custom coins above the minimum (they could be swapped for copies of `b` at no loss), so
//!   trying each custom total below that bound against the residue answer is exact;
//! - **customs are cheaper per coin**: an optimal mix holds fewer than `step` bundles (any
//!   `step` of them contain a subset whose coins are a multiple of `step`, which customs buy for
//!   no more), so an exact table over those few bundle coins is enough.
//!
//! `tests/optimizer.rs` checks both against brute force.

use crate::error::{Error, ErrorCode, Result};
use crate::rate_card::RateCard;
use std::sync::Mutex;

/// Most coins one question may ask for.
pub const MAX_TARGET_COINS: u64 = 10_000_000;

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

/// Finds cheapest mixes on one rate card. Build once, ask for many targets.
#[derive(Debug)]
pub struct Optimizer {
    offers: Vec<(usize, Offer)>,
    custom: Option<CustomOffer>,
    residues: Option<Residues>,
    /// True when customs are cheaper per coin than every bundle (or tie and come larger).
    custom_is_base: bool,
    /// When customs are the base: the most bundle coins an optimal mix can hold, and the
    /// cheapest exact bundle purchases for each count, grown on demand.
    exact: Option<(u64, Mutex<ExactTable>)>,
    /// The greatest common divisor of every offer's coins (and the custom step). Offers and
    /// targets are counted in these units: any mix buys a multiple of it, so N coins need
    /// `⌈N / unit⌉` units, leftover coins grow with leftover units, and every table is `unit`
    /// times smaller (Twitch sells Bits in hundreds).
    unit: u64,
}

impl Optimizer {
    /// An optimizer for a validated rate card.
    pub fn for_card(card: &RateCard) -> Optimizer {
        let offers: Vec<Offer> = card
            .bundles
            .iter()
            .map(|b| Offer {
                coins: b.total_coins(),
                price: u64::try_from(b.price.minor()).unwrap_or(u64::MAX),
            })
            .collect();
        let custom = card.custom.map(|c| CustomOffer {
            step: c.step_coins,
            step_price: u64::try_from(c.step_price.minor()).unwrap_or(u64::MAX),
            min_steps: c.min_coins / c.step_coins,
            max_steps: c.max_coins / c.step_coins,
        });
        Optimizer::new(&offers, custom)
    }

    /// An optimizer over raw offers (bundle `i` is `offers[i]`). Offers must have coins ≥ 1 and
    /// price ≥ 1; customs must have `step ≥ 1`, `min_steps ≥ 1`, `max_steps ≥ 2 × min_steps`.
    pub fn new(offers: &[Offer], custom: Option<CustomOffer>) -> Optimizer {
        let unit = offers
            .iter()
            .map(|o| o.coins)
            .chain(custom.map(|cu| cu.step))
            .fold(0, gcd)
            .max(1);
        let scaled = offers.iter().map(|o| Offer {
            coins: o.coins / unit,
            price: o.price,
        });
        let custom = custom.map(|cu| CustomOffer {
            step: cu.step / unit,
            ..cu
        });
        // Of offers with equal coins only the cheapest (first among equals) can be optimal.
        let mut kept: Vec<(usize, Offer)> = Vec::new();
        for (i, o) in scaled.enumerate() {
            match kept.iter_mut().find(|(_, k)| k.coins == o.coins) {
                Some(k) if o.price < k.1.price => *k = (i, o),
                Some(_) => {}
                None => kept.push((i, o)),
            }
        }
        let residues = Residues::build(&kept);
        let custom_is_base = match (custom, &residues) {
            (Some(_), None) => true,
            (Some(cu), Some(r)) => {
                // Compare step_price/step with p/c exactly.
                let lhs = u128::from(cu.step_price) * u128::from(r.c);
                let rhs = u128::from(r.p) * u128::from(cu.step);
                lhs < rhs || (lhs == rhs && cu.step * cu.max_steps > r.c)
            }
            (None, _) => false,
        };
        let exact = match custom {
            Some(cu) if custom_is_base => {
                let max_offer = kept.iter().map(|(_, o)| o.coins).max().unwrap_or(0);
                let span = (cu.step - 1)
                    .saturating_mul(max_offer)
                    .min(MAX_TARGET_COINS - 1);
                Some((span, Mutex::new(ExactTable::new())))
            }
            _ => None,
        };
        Optimizer {
            offers: kept,
            custom,
            residues,
            custom_is_base,
            exact,
            unit,
        }
    }

    /// The cheapest mix giving at least `target` coins.
    pub fn cheapest(&self, target: u64) -> Mix {
        if target == 0 {
            return Mix::default();
        }
        let target = target.div_ceil(self.unit);
        let mut mix = match self.custom {
            None => self.bundles_only(target),
            Some(cu) if self.custom_is_base => self.custom_base(target, cu),
            Some(cu) => self.bundle_base(target, cu),
        };
        crate::sort::sort_by(&mut mix.lines, |a, b| {
            let custom = |l: &Line| matches!(l.item, Item::Custom);
            custom(a)
                .cmp(&custom(b))
                .then(b.coins.cmp(&a.coins))
                .then(a.price.cmp(&b.price))
        });
        for line in &mut mix.lines {
            line.coins *= self.unit;
        }
        mix
    }

    /// The most coins whose cheapest mix costs at most `budget` minor units, and that mix.
    /// More money never buys fewer coins: the cheapest price of N coins never falls as N grows.
    pub fn most_coins_for(&self, budget: u64) -> Mix {
        // Grow the bracket from small targets so small budgets never touch large tables.
        let (mut lo, mut hi) = (0u64, 1024u64);
        while self.price_of(hi) <= budget {
            if hi == MAX_TARGET_COINS {
                return self.cheapest(hi);
            }
            lo = hi;
            hi = (hi * 2).min(MAX_TARGET_COINS);
        }
        // Invariant: price_of(lo) <= budget < price_of(hi).
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.price_of(mid) <= budget {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        self.cheapest(lo)
    }

    fn price_of(&self, target: u64) -> u64 {
        self.cheapest(target).price()
    }

    fn bundles_only(&self, target: u64) -> Mix {
        match &self.residues {
            Some(r) => r.cover(target, &self.offers),
            // Unreachable for validated cards (a card has bundles or a custom rule).
            None => Mix::default(),
        }
    }

    /// Bundles are the base: try each custom total below the exchange bound.
    fn bundle_base(&self, target: u64, cu: CustomOffer) -> Mix {
        let Some(r) = &self.residues else {
            return Mix::default();
        };
        let mut best_j = 0u64;
        let mut best = r.cover_score(target, &self.offers);
        let lcm_steps = r.c / gcd(r.c, cu.step); // lcm(c, step) / step
        let enough = target.div_ceil(cu.step).max(cu.min_steps);
        let last = (cu.min_steps + lcm_steps - 1).min(enough);
        for j in cu.min_steps..=last {
            let custom_coins = j * cu.step;
            let custom = Score {
                price: j * cu.step_price,
                leftover: 0,
                purchases: j.div_ceil(cu.max_steps),
            };
            let score = if custom_coins >= target {
                Score {
                    leftover: custom_coins - target,
                    ..custom
                }
            } else {
                add(r.cover_score(target - custom_coins, &self.offers), custom)
            };
            if score < best {
                best = score;
                best_j = j;
            }
        }
        let mut mix = if best_j * cu.step >= target {
            Mix::default()
        } else {
            r.cover(target - best_j * cu.step, &self.offers)
        };
        mix.lines.extend(custom_lines(best_j, cu));
        mix
    }

    /// Customs are the base: fewer than `step` bundles, so an exact table over their coins.
    fn custom_base(&self, target: u64, cu: CustomOffer) -> Mix {
        let Some((most, table)) = &self.exact else {
            return Mix::default();
        };
        let span = (*most).min(target - 1);
        // A poisoned lock only means another thread panicked while growing it; what it holds
        // is still a valid prefix.
        let mut table = table.lock().unwrap_or_else(|e| e.into_inner());
        table.grow(span, &self.offers);
        let mut best: Option<(Score, u64)> = None;
        for s in 0..=span {
            let Some((price, purchases)) = table.get(s) else {
                continue;
            };
            let j = (target - s).div_ceil(cu.step).max(cu.min_steps);
            let score = Score {
                price: price + j * cu.step_price,
                leftover: s + j * cu.step - target,
                purchases: purchases + j.div_ceil(cu.max_steps),
            };
            if best.is_none_or(|(b, _)| score < b) {
                best = Some((score, s));
            }
        }
        let bundles_only = self
            .residues
            .as_ref()
            .map(|r| r.cover_score(target, &self.offers));
        match best {
            Some((score, s)) if bundles_only.is_none_or(|b| score <= b) => {
                let j = (target - s).div_ceil(cu.step).max(cu.min_steps);
                let mut mix = table.mix(s, &self.offers);
                mix.lines.extend(custom_lines(j, cu));
                mix
            }
            _ => self.bundles_only(target),
        }
    }
}

fn add(a: Score, b: Score) -> Score {
    Score {
        price: a.price + b.price,
        leftover: a.leftover + b.leftover,
        purchases: a.purchases + b.purchases,
    }
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// `steps` custom steps as the fewest purchases, each within the allowed range.
fn custom_lines(steps: u64, cu: CustomOffer) -> Vec<Line> {
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

/// Shortest paths over residues modulo the base bundle, plus an exact covering table for
/// targets too small for the residue formula.
#[derive(Debug)]
struct Residues {
    /// Index into the kept offers of the base bundle.
    base: usize,
    c: u64,
    p: u64,
    /// Per residue: the non-base purchases of the best path (price, count, coins), or `None`.
    paths: Vec<Option<PathTotals>>,
    /// Per residue: the last offer on the best path.
    pred: Vec<u8>,
    /// Per target residue: the best path residue to complete with base copies.
    ramp: Vec<u32>,
    /// Exact answers for small targets, grown on demand up to `span`.
    small: Mutex<CoverTable>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PathTotals {
    price: u64,
    count: u64,
    coins: u64,
}

impl Residues {
    fn build(offers: &[(usize, Offer)]) -> Option<Residues> {
        // Base: best price per coin, the largest among ties.
        let base = (0..offers.len()).min_by(|&a, &b| {
            let (oa, ob) = (offers[a].1, offers[b].1);
            (u128::from(oa.price) * u128::from(ob.coins))
                .cmp(&(u128::from(ob.price) * u128::from(oa.coins)))
                .then(ob.coins.cmp(&oa.coins))
        })?;
        let Offer { coins: c, price: p } = offers[base].1;
        let n = usize::try_from(c).ok()?;
        // Each offer's pass adds fewer than `n` copies of it to a path, so a path's totals are
        // below offers × n × the largest offer. When every product in a key then fits in an i64
        // the keys are computed there (i128 multiplication is a library call in WASM, and this
        // loop runs offers × n times).
        let max_price = offers.iter().map(|(_, o)| o.price).max().unwrap_or(0);
        let max_coins = offers.iter().map(|(_, o)| o.coins).max().unwrap_or(0);
        let paths_bound = u128::from(c) * offers.len() as u128;
        let narrow = [(c, max_price), (p, max_coins), (c, 1)]
            .iter()
            .all(|&(a, b)| u128::from(a) * u128::from(b) * paths_bound < 1u128 << 62);
        let key = |t: &PathTotals| -> (i128, i128) {
            if narrow {
                // In range by the bound above: c·price, p·coins and c·count are below 2^62.
                let (c, p) = (c as i64, p as i64);
                let (price, count, coins) = (t.price as i64, t.count as i64, t.coins as i64);
                return (
                    i128::from(c * price - p * coins),
                    i128::from(c * count - coins),
                );
            }
            let (c, p) = (i128::from(c), i128::from(p));
            let (price, count, coins) = (
                i128::from(t.price),
                i128::from(t.count),
                i128::from(t.coins),
            );
            (c * price - p * coins, c * count - coins)
        };
        let mut paths: Vec<Option<PathTotals>> = vec![None; n];
        let mut pred = vec![u8::MAX; n];
        paths[0] = Some(PathTotals {
            price: 0,
            count: 0,
            coins: 0,
        });
        for (k, (_, o)) in offers.iter().enumerate() {
            let step = usize::try_from(o.coins % c).ok()?;
            if k == base || step == 0 {
                continue;
            }
            let g = gcd(step as u64, c) as usize;
            let len = n / g;
            for start in 0..g {
                // Begin each cycle at its best node: nothing can improve it.
                let mut at = start;
                let mut best_at: Option<(usize, (i128, i128))> = None;
                for _ in 0..len {
                    if let Some(t) = &paths[at] {
                        let k = key(t);
                        if best_at.is_none_or(|(_, bk)| k < bk) {
                            best_at = Some((at, k));
                        }
                    }
                    at = (at + step) % n;
                }
                let Some((mut at, _)) = best_at else { continue };
                for _ in 1..len {
                    let next = (at + step) % n;
                    if let Some(t) = paths[at] {
                        let candidate = PathTotals {
                            price: t.price + o.price,
                            count: t.count + 1,
                            coins: t.coins + o.coins,
                        };
                        if paths[next].is_none_or(|old| key(&candidate) < key(&old)) {
                            paths[next] = Some(candidate);
                            pred[next] = k as u8;
                        }
                    }
                    at = next;
                }
            }
        }
        // Recompute each residue's totals from the final predecessor chain, so that the totals
        // describe exactly the purchases a reconstruction yields.
        let mut fixed = vec![false; n];
        fixed[0] = true;
        let mut chain = Vec::new();
        for r in 0..n {
            if paths[r].is_none() || fixed[r] {
                continue;
            }
            let mut at = r;
            while !fixed[at] {
                chain.push(at);
                let o = offers[usize::from(pred[at])].1;
                at = (at + n - (o.coins % c) as usize) % n;
            }
            while let Some(node) = chain.pop() {
                let o = offers[usize::from(pred[node])].1;
                let prev = (node + n - (o.coins % c) as usize) % n;
                let t = paths[prev]?;
                paths[node] = Some(PathTotals {
                    price: t.price + o.price,
                    count: t.count + 1,
                    coins: t.coins + o.coins,
                });
                fixed[node] = true;
            }
        }
        // For each target residue δ, the best path residue ρ: key(ρ) + ℓ·(p, 1, 1) with
        // ℓ = (ρ − δ) mod c, by two backward sweeps around the cycle.
        let ramp_key = |rho: usize, delta: usize| -> Option<(i128, u64, i128)> {
            let t = paths[rho].as_ref()?;
            let l = ((rho + n - delta) % n) as u64;
            let (w, second) = key(t);
            Some((w + i128::from(p) * i128::from(l), l, second + i128::from(l)))
        };
        let mut ramp = vec![0u32; n];
        let mut carry: Option<usize> = None;
        for i in (0..2 * n).rev() {
            let delta = i % n;
            let own = paths[delta].is_some().then_some(delta);
            let best = match (own, carry) {
                (Some(a), Some(b)) => {
                    if ramp_key(a, delta) <= ramp_key(b, delta) {
                        Some(a)
                    } else {
                        Some(b)
                    }
                }
                (a, b) => a.or(b),
            };
            if let Some(b) = best {
                ramp[delta] = b as u32;
            }
            carry = best;
        }
        Some(Residues {
            base,
            c,
            p,
            paths,
            pred,
            ramp,
            small: Mutex::new(CoverTable::new()),
        })
    }

    /// The best residue for `target` and the copies of the base it needs, or `None` when its
    /// path holds more coins than the target allows (only possible for small targets). The
    /// formula's value is a lower bound on every mix, so a feasible answer is the optimum.
    fn formula(&self, target: u64) -> Option<(usize, PathTotals, u64)> {
        let n = self.c as usize;
        let delta = (target % self.c) as usize;
        let rho = self.ramp[delta] as usize;
        // Residue 0 is always reachable, so the ramp always names a reachable residue.
        let t = self.paths[rho].unwrap_or(PathTotals {
            price: 0,
            count: 0,
            coins: 0,
        });
        let leftover = ((rho + n - delta) % n) as u64;
        let copies = (target + leftover).checked_sub(t.coins)? / self.c;
        Some((rho, t, copies))
    }

    /// Runs `f` on the exact table, grown to cover `target` first.
    fn with_small<T>(
        &self,
        target: u64,
        offers: &[(usize, Offer)],
        f: impl FnOnce(&CoverTable) -> T,
    ) -> T {
        // A poisoned lock only means another thread panicked mid-growth; the table it left is
        // still a valid prefix.
        let mut table = self.small.lock().unwrap_or_else(|e| e.into_inner());
        table.grow(target, offers);
        f(&table)
    }

    fn cover_score(&self, target: u64, offers: &[(usize, Offer)]) -> Score {
        let Some((_, t, copies)) = self.formula(target) else {
            return self.with_small(target, offers, |t| t.score(target));
        };
        Score {
            price: t.price + copies * self.p,
            leftover: t.coins + copies * self.c - target,
            purchases: t.count + copies,
        }
    }

    fn cover(&self, target: u64, offers: &[(usize, Offer)]) -> Mix {
        if target == 0 {
            return Mix::default();
        }
        let Some((rho, _, copies)) = self.formula(target) else {
            return self.with_small(target, offers, |t| t.mix(target, offers));
        };
        let mut counts = vec![0u64; offers.len()];
        counts[self.base] += copies;
        let n = self.c as usize;
        let mut at = rho;
        while at != 0 {
            let k = usize::from(self.pred[at]);
            counts[k] += 1;
            at = (at + n - (offers[k].1.coins % self.c) as usize) % n;
        }
        mix_from_counts(&counts, offers)
    }
}

fn mix_from_counts(counts: &[u64], offers: &[(usize, Offer)]) -> Mix {
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

/// Exact covering answers for every target from 0 up, by dynamic programming, grown on demand.
/// A cell is 16 bytes: price, purchases, and leftover (24 bits, below `MAX_BUNDLE_COINS`) packed
/// with the last offer (8 bits).
#[derive(Debug, Clone)]
struct CoverTable {
    cells: Vec<(u64, u32, u32)>,
}

impl CoverTable {
    fn new() -> CoverTable {
        CoverTable {
            cells: vec![(0, 0, u32::MAX)],
        }
    }

    fn grow(&mut self, target: u64, offers: &[(usize, Offer)]) {
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

    fn score(&self, target: u64) -> Score {
        let (price, purchases, packed) = self.cells[target as usize];
        Score {
            price,
            leftover: u64::from(packed >> 8),
            purchases: u64::from(purchases),
        }
    }

    fn mix(&self, target: u64, offers: &[(usize, Offer)]) -> Mix {
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
struct ExactTable {
    cells: Vec<(u64, u32, u32)>,
}

impl ExactTable {
    const NONE: (u64, u32, u32) = (u64::MAX, 0, 0);

    fn new() -> ExactTable {
        ExactTable {
            cells: vec![(0, 0, u32::MAX)],
        }
    }

    /// Extends the table to cover every count up to `span`.
    fn grow(&mut self, span: u64, offers: &[(usize, Offer)]) {
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

    fn get(&self, s: u64) -> Option<(u64, u64)> {
        let (price, count, _) = self.cells[s as usize];
        (price != u64::MAX).then_some((price, u64::from(count)))
    }

    fn mix(&self, s: u64, offers: &[(usize, Offer)]) -> Mix {
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

/// Checks a requested coin count against [`MAX_TARGET_COINS`].
pub fn check_target(coins: u64, path: &str) -> Result<u64> {
    if coins > MAX_TARGET_COINS {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            path,
            format!(
                "at most {} can be asked for at once, not {}",
                crate::words::coins(MAX_TARGET_COINS),
                crate::words::number(coins)
            ),
        )
        .with("max", MAX_TARGET_COINS)
        .with("given", coins));
    }
    Ok(coins)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offers(list: &[(u64, u64)]) -> Vec<Offer> {
        list.iter()
            .map(|&(coins, price)| Offer { coins, price })
            .collect()
    }

    /// TikTok's US in-app ladder, prices in cents.
    fn ios() -> Optimizer {
        Optimizer::new(
            &offers(&[
                (65, 99),
                (330, 499),
                (660, 999),
                (1321, 1999),
                (3303, 4999),
                (6607, 9999),
                (16500, 24999),
            ]),
            None,
        )
    }

    #[test]
    fn a_lion_on_ios_is_cheapest_in_many_small_packs() {
        // The 330-coin pack has the best price per coin on this ladder, so the cheapest 29,999
        // coins are mostly 330-packs, not the 16,500 pack (tests/optimizer.rs checks this against
        // brute force).
        let mix = ios().cheapest(29_999);
        assert_eq!((mix.price(), mix.coins()), (45_385, 30_000), "{mix:?}");
        assert!(
            mix.price() < 24_999 + 2 * 9_999 + 499,
            "beats 16,500 + 2 × 6,607 + 330"
        );
    }

    #[test]
    fn huge_prices_take_the_wide_keys_and_agree_with_the_narrow_ones() {
        // Scaling every price by 10^12 keeps the order of mixes but pushes the residue keys past
        // i64, so the same ladder is solved once with i64 keys and once with i128 keys.
        let ladder = [(65, 99), (330, 499), (1321, 1999), (16500, 24999)];
        let scale = 1_000_000_000_000u64;
        let narrow = Optimizer::new(&offers(&ladder), None);
        let wide = Optimizer::new(
            &offers(&ladder.map(|(coins, price)| (coins, price * scale))),
            None,
        );
        for target in [1, 64, 66, 29_999, 1_000_000, MAX_TARGET_COINS] {
            let (a, b) = (narrow.cheapest(target), wide.cheapest(target));
            assert_eq!(a.price() * scale, b.price(), "target {target}");
            assert_eq!((a.coins(), a.purchases()), (b.coins(), b.purchases()));
        }
    }

    #[test]
    fn small_and_zero_targets() {
        let o = ios();
        assert_eq!(o.cheapest(0), Mix::default());
        let one = o.cheapest(1);
        assert_eq!((one.coins(), one.price(), one.purchases()), (65, 99, 1));
    }

    #[test]
    fn custom_fills_the_gap_on_the_web() {
        // 70 coins = $0.74 linear ladder; custom $0.0106 per coin in steps of 50.
        let o = Optimizer::new(
            &offers(&[
                (70, 74),
                (350, 370),
                (700, 740),
                (1400, 1480),
                (3500, 3700),
                (7000, 7400),
                (17500, 18500),
            ]),
            Some(CustomOffer {
                step: 50,
                step_price: 53,
                min_steps: 1,
                max_steps: 10_000,
            }),
        );
        let mix = o.cheapest(17_501);
        // Packs up to 17,360 coins plus a 150-coin custom amount beat the 17,500 pack + 50 custom.
        assert_eq!((mix.price(), mix.coins()), (18_511, 17_510), "{mix:?}");
        assert!(mix.lines.iter().any(|l| l.item == Item::Custom));
        let big = o.cheapest(MAX_TARGET_COINS);
        assert_eq!(big.coins(), MAX_TARGET_COINS);
    }

    #[test]
    fn custom_only_splits_into_the_fewest_purchases() {
        // YouTube Super Chat: 1 cent units from $1 to $500.
        let o = Optimizer::new(
            &[],
            Some(CustomOffer {
                step: 1,
                step_price: 1,
                min_steps: 100,
                max_steps: 50_000,
            }),
        );
        let mix = o.cheapest(100_001);
        assert_eq!(
            (mix.price(), mix.purchases(), mix.coins()),
            (100_001, 3, 100_001)
        );
        assert!(mix.lines.iter().all(|l| (100..=50_000).contains(&l.coins)));
        let mix = o.cheapest(5);
        assert_eq!((mix.price(), mix.coins()), (100, 100));
    }

    #[test]
    fn most_coins_for_a_budget() {
        let o = ios();
        let mix = o.most_coins_for(10_000);
        assert!(mix.price() <= 10_000);
        assert_eq!(mix.coins(), 6_607, "{mix:?}");
        assert_eq!(o.most_coins_for(98).coins(), 0);
    }
}
