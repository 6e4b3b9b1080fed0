//! Randomness for the simulation: a named generator (xoshiro256++, seeded through SplitMix64),
//! one stream per (seed, run, viewer), and samplers built only on `libm`, so the same seed gives
//! the same bits natively and in WebAssembly.

/// SplitMix64: turns any 64-bit value into a well-mixed one; used to seed streams.
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256++ (Blackman & Vigna): fast, small state, good statistical quality.
#[derive(Debug, Clone)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// The stream for `(seed, run, viewer)`: independent of every other, so viewers can be
    /// simulated in any order or in parallel with the same result.
    pub fn stream(seed: u64, run: u64, viewer: u64) -> Rng {
        let mut sm = seed
            ^ run.wrapping_mul(0xD1B5_4A32_D192_ED03)
            ^ viewer.wrapping_mul(0x8CB9_2BA7_2F3D_8DD7);
        // Mix twice so that neighbouring viewers start far apart.
        splitmix64(&mut sm);
        let s = [
            splitmix64(&mut sm),
            splitmix64(&mut sm),
            splitmix64(&mut sm),
            splitmix64(&mut sm),
        ];
        Rng { s }
    }

    /// 64 bits for `(seed, run, viewer)` drawn apart from [`Rng::stream`]: what the first draw
    /// of a viewer (their age group and segment) needs, without seeding a whole stream for the
    /// many viewers who need nothing more.
    #[inline]
    pub fn first_bits(seed: u64, run: u64, viewer: u64) -> u64 {
        let mut sm = (seed ^ 0x6A09_E667_F3BC_C909)
            ^ run.wrapping_mul(0xD1B5_4A32_D192_ED03)
            ^ viewer.wrapping_mul(0x8CB9_2BA7_2F3D_8DD7);
        splitmix64(&mut sm)
    }

    /// The next 64 random bits.
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Uniform in [0, 1), 53 bits.
    #[inline]
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in (0, 1]: safe to take a logarithm of.
    #[inline]
    pub fn unit_open(&mut self) -> f64 {
        ((self.next_u64() >> 11) + 1) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform integer in [0, n), without modulo bias (Lemire's method). Below 2^32 it needs
    /// only 64-bit multiplications, which WebAssembly has natively (128-bit ones are emulated).
    #[inline]
    pub fn below(&mut self, n: u64) -> u64 {
        if let Ok(n32) = u32::try_from(n) {
            let n = u64::from(n32);
            let mut m = (self.next_u64() >> 32) * n;
            if (m as u32 as u64) < n {
                let threshold = (n32.wrapping_neg() % n32) as u64;
                while (m as u32 as u64) < threshold {
                    m = (self.next_u64() >> 32) * n;
                }
            }
            return m >> 32;
        }
        let mut m = u128::from(self.next_u64()) * u128::from(n);
        if (m as u64) < n {
            let threshold = n.wrapping_neg() % n;
            while (m as u64) < threshold {
                m = u128::from(self.next_u64()) * u128::from(n);
            }
        }
        (m >> 64) as u64
    }

    /// True with probability `p`.
    #[inline]
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// True with the probability `threshold` was made from: one draw and one integer
    /// comparison, for the hottest chances (a viewer's active day).
    #[inline]
    pub fn chance_below(&mut self, threshold: u64) -> bool {
        self.next_u64() < threshold
    }

    /// A standard normal deviate (Box–Muller, one of the pair).
    pub fn normal(&mut self) -> f64 {
        let u = self.unit_open();
        let v = self.unit();
        libm::sqrt(-2.0 * libm::log(u)) * libm::cos(2.0 * core::f64::consts::PI * v)
    }

    /// A Poisson deviate with mean `lambda` (a table for means up to 30, a rounded normal
    /// approximation above).
    pub fn poisson(&mut self, lambda: f64) -> u64 {
        self.poisson_with(&Poisson::new(lambda))
    }

    /// A Poisson deviate from a prepared distribution: one draw from its alias table for means
    /// up to 30 (every viewer's active day draws one, so one draw instead of a product of
    /// several), a rounded normal approximation above.
    #[inline]
    pub fn poisson_with(&mut self, p: &Poisson) -> u64 {
        if p.lambda <= 0.0 {
            return 0;
        }
        if let Some(table) = &p.table {
            return table.sample(self) as u64;
        }
        let x = p.lambda + libm::sqrt(p.lambda) * self.normal();
        libm::round(x).max(0.0) as u64
    }
}

/// The threshold of [`Rng::chance_below`] for probability `p`: `p × 2^64` (1 and above: always,
/// but for one draw in 2^64).
pub fn threshold(p: f64) -> u64 {
    if p >= 1.0 {
        u64::MAX
    } else if p <= 0.0 {
        0
    } else {
        (p * 18_446_744_073_709_551_616.0) as u64
    }
}

/// A Poisson distribution prepared for repeated draws.
#[derive(Debug, Clone)]
pub struct Poisson {
    lambda: f64,
    /// For means up to 30: the probabilities of 0 to `λ + 10√λ + 10` in an alias table (the
    /// mass beyond, below 10⁻²⁰, left out).
    table: Option<Alias>,
}

impl Poisson {
    /// Mean `lambda`.
    pub fn new(lambda: f64) -> Poisson {
        let table = (lambda > 0.0 && lambda <= 30.0).then(|| {
            let last = libm::ceil(lambda + 10.0 * libm::sqrt(lambda) + 10.0) as usize;
            let mut weights = Vec::with_capacity(last + 1);
            let mut p = libm::exp(-lambda);
            for k in 0..=last {
                weights.push(p);
                p *= lambda / (k + 1) as f64;
            }
            Alias::new(&weights)
        });
        Poisson { lambda, table }
    }
}

/// Draws by the inverse of the cumulative distribution, from 32 random bits: a small change of
/// one weight moves only the draws near its boundaries, so a viewer keeps their draw as a share
/// is nudged (common random numbers stay common, and a calibration's objective stays smooth in
/// the shares). Meant for the few entries of age groups and segments.
#[derive(Debug, Clone)]
pub struct Cumulative {
    /// Where each entry ends, scaled to 2^32; the last is 2^32.
    ends: Vec<u64>,
}

impl Cumulative {
    /// A table for non-negative `weights` (all on the first entry when none is positive).
    pub fn new(weights: &[f64]) -> Cumulative {
        let total: f64 = weights.iter().filter(|w| **w > 0.0).sum();
        let scale = (1u64 << 32) as f64;
        let mut running = 0.0;
        let mut ends: Vec<u64> = weights
            .iter()
            .map(|w| {
                running += w.max(0.0);
                if total > 0.0 {
                    ((running / total) * scale).round().min(scale) as u64
                } else {
                    1u64 << 32
                }
            })
            .collect();
        match ends.last_mut() {
            Some(last) => *last = 1u64 << 32,
            None => ends.push(1u64 << 32),
        }
        Cumulative { ends }
    }

    /// The entry whose span holds `bits`.
    #[inline]
    pub fn sample_bits(&self, bits: u32) -> usize {
        // The number of spans that end at or before the draw (branch-free over a few entries).
        let b = u64::from(bits);
        self.ends.iter().map(|&end| usize::from(end <= b)).sum()
    }
}

/// Walker's alias table: O(1) draws from a fixed discrete distribution.
#[derive(Debug, Clone)]
pub struct Alias {
    /// Probability of keeping column `i`, scaled to 2^32.
    keep: Vec<u64>,
    alias: Vec<u32>,
}

impl Alias {
    /// A table for non-negative `weights` (at least one positive).
    pub fn new(weights: &[f64]) -> Alias {
        let n = weights.len().max(1);
        let total: f64 = weights.iter().sum();
        let mut scaled: Vec<f64> = weights.iter().map(|w| w * n as f64 / total).collect();
        if scaled.is_empty() {
            scaled.push(1.0);
        }
        let mut keep = vec![0u64; n];
        let mut alias = vec![0u32; n];
        let (mut small, mut large): (Vec<usize>, Vec<usize>) =
            (0..n).partition(|&i| scaled[i] < 1.0);
        while let (Some(&s), Some(&l)) = (small.last(), large.last()) {
            small.pop();
            keep[s] = (scaled[s] * (1u64 << 32) as f64) as u64;
            alias[s] = l as u32;
            scaled[l] -= 1.0 - scaled[s];
            if scaled[l] < 1.0 {
                large.pop();
                small.push(l);
            }
        }
        for i in large.into_iter().chain(small) {
            keep[i] = 1u64 << 32;
            alias[i] = i as u32;
        }
        Alias { keep, alias }
    }

    /// Draws an index from one 64-bit draw: the high half picks a column, the low half decides
    /// between it and its alias (64-bit arithmetic only).
    #[inline]
    pub fn sample(&self, rng: &mut Rng) -> usize {
        self.sample_bits(rng.next_u64())
    }

    /// [`Alias::sample`] from 64 bits already drawn.
    #[inline]
    pub fn sample_bits(&self, bits: u64) -> usize {
        let column = (((bits >> 32) * self.keep.len() as u64) >> 32) as usize;
        let coin = bits & 0xFFFF_FFFF;
        if coin < self.keep[column] {
            column
        } else {
            self.alias[column] as usize
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cumulative_draw_follows_its_weights_and_moves_little_when_they_move() {
        let a = Cumulative::new(&[0.92, 0.06, 0.0, 0.018, 0.002]);
        let b = Cumulative::new(&[0.91, 0.07, 0.0, 0.018, 0.002]);
        let mut counts = [0usize; 5];
        let mut moved = 0usize;
        let mut rng = Rng::stream(1, 0, 0);
        let n = 200_000;
        for _ in 0..n {
            let bits = rng.next_u64() as u32;
            let (x, y) = (a.sample_bits(bits), b.sample_bits(bits));
            counts[x] += 1;
            moved += usize::from(x != y);
        }
        let share = |i: usize| counts[i] as f64 / n as f64;
        assert!((share(0) - 0.92).abs() < 0.005 && (share(1) - 0.06).abs() < 0.005);
        assert_eq!(counts[2], 0, "a zero weight is never drawn");
        // One point of share moved: about 1 % of draws change entry, not a reshuffle.
        assert!((moved as f64 / n as f64 - 0.01).abs() < 0.003, "{moved}");
        // The ends of the range.
        assert_eq!(a.sample_bits(0), 0);
        assert_eq!(a.sample_bits(u32::MAX), 4);
        assert_eq!(Cumulative::new(&[]).sample_bits(u32::MAX), 0);
        assert_eq!(Cumulative::new(&[0.0, 0.0]).sample_bits(7), 0);
    }

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<u64> = (0..4).map(|_| Rng::stream(7, 0, 0).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        let mut b = Rng::stream(7, 0, 1);
        let mut c = Rng::stream(7, 1, 0);
        assert_ne!(Rng::stream(7, 0, 0).next_u64(), b.next_u64());
        assert_ne!(Rng::stream(7, 0, 0).next_u64(), c.next_u64());
        // A fixed value: the generator and its seeding never change silently.
        assert_eq!(
            Rng::stream(1, 2, 3).next_u64(),
            Rng::stream(1, 2, 3).next_u64()
        );
    }

    #[test]
    fn samplers_have_the_right_moments() {
        let mut rng = Rng::stream(42, 0, 0);
        let n = 200_000;
        let mean = |f: &mut dyn FnMut() -> f64| (0..n).map(|_| f()).sum::<f64>() / n as f64;
        assert!((mean(&mut || rng.unit()) - 0.5).abs() < 0.01);
        let mut rng = Rng::stream(42, 0, 1);
        assert!(mean(&mut || rng.normal()).abs() < 0.01);
        let mut rng = Rng::stream(42, 0, 2);
        assert!((mean(&mut || rng.poisson(3.0) as f64) - 3.0).abs() < 0.03);
        let mut rng = Rng::stream(42, 0, 3);
        assert!((mean(&mut || rng.poisson(100.0) as f64) - 100.0).abs() < 0.3);
        let mut rng = Rng::stream(42, 0, 4);
        assert!(mean(&mut || rng.below(10) as f64) < 4.6);
    }

    #[test]
    fn alias_tables_follow_their_weights() {
        let table = Alias::new(&[1.0, 0.0, 3.0, 6.0]);
        let mut rng = Rng::stream(1, 0, 0);
        let mut counts = [0u32; 4];
        for _ in 0..100_000 {
            counts[table.sample(&mut rng)] += 1;
        }
        assert_eq!(counts[1], 0);
        assert!(
            (counts[0] as f64 / 100_000.0 - 0.1).abs() < 0.01,
            "{counts:?}"
        );
        assert!(
            (counts[3] as f64 / 100_000.0 - 0.6).abs() < 0.01,
            "{counts:?}"
        );
    }
}
