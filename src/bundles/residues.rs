//! The residue paths: for N above the largest path, the cheapest mix is a path plus copies of
//! the base bundle (see [`super`] for why); below it, an exact covering table.

use super::mix::{mix_from_counts, Mix, Offer, Score};
use super::tables::CoverTable;
use std::sync::Mutex;

/// Shortest paths over residues modulo the base bundle, plus an exact covering table for
/// targets too small for the residue formula.
#[derive(Debug)]
pub(super) struct Residues {
    /// Index into the kept offers of the base bundle.
    base: usize,
    /// Coins of the base bundle (the best price per coin, the largest among ties).
    pub(super) c: u64,
    /// Price of the base bundle in minor units.
    pub(super) p: u64,
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
    pub(super) fn build(offers: &[(usize, Offer)]) -> Option<Residues> {
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
    pub(super) fn with_small<T>(
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

    pub(super) fn cover_score(&self, target: u64, offers: &[(usize, Offer)]) -> Score {
        let Some((_, t, copies)) = self.formula(target) else {
            return self.with_small(target, offers, |t| t.score(target));
        };
        Score {
            price: t.price + copies * self.p,
            leftover: t.coins + copies * self.c - target,
            purchases: t.count + copies,
        }
    }

    pub(super) fn cover(&self, target: u64, offers: &[(usize, Offer)]) -> Mix {
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

/// Greatest common divisor.
pub(crate) fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}
