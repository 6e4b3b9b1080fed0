//! The hot loop: viewers one at a time, day by day, in integer minor units and coin counts.
//!
//! Each viewer draws a segment and an age group; non-spenders stop there. A spender draws a
//! channel, an exact age, a budget for the horizon and a favourite creator, then on each active
//! day sends a Poisson number of gifts from the segment's mix, topping up when coins run short
//! (the most coins the top-up target or the remaining budget buys). Every top-up and gift
//! passes the viewer's spending rules first, at a resolution of one day ([`rules`]). Purchases
//! become lots spent first-in-first-out, so gift values and the platform's net are exact.
//! Totals are aggregated as they go; nothing is stored per viewer-day, and the buffers of one
//! viewer are reused by the next.
//!
//! One viewer's amounts stay far inside 64 bits (a budget is at most 10^15 minor units); the
//! totals of a run are 128-bit, so ten million viewers at the largest budgets add up exactly.

pub mod channel;
pub mod rules;

use super::rng::Rng;
use super::scenario::{Budget, Scenario, Spread};
use crate::caps::Action;
use crate::error::Result;
use crate::lots::share_at;
use crate::money::RoundingPoint;
use crate::time_zone::civil::days_in_month;
use channel::{Channel, Offer};
use rules::{CapState, DayRules, Outcome};
use serde::{Deserialize, Serialize};

/// Per-day totals.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayTotals {
    /// Money viewers paid.
    pub spend: i128,
    /// Value of gifts sent (what their coins cost).
    pub gifted: i128,
    /// Money of blocked purchases and gifts.
    pub blocked: i128,
    /// Events that warned.
    pub warnings: u128,
}

/// What a group of viewers adds up to — everyone, an age group or a segment: every figure
/// that a viewer's own purchases and gifts make. (What creators are paid depends on every
/// viewer's gifts to a creator together, so it is not split by viewer group.)
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupTotals {
    /// Viewers present while counting.
    pub viewers: u128,
    /// Viewers with a budget.
    pub spenders: u128,
    /// Viewers who bought at least once.
    pub payers: u128,
    /// Viewers who moved to a cheaper channel.
    pub switches: u128,
    /// Purchases made.
    pub purchases: u128,
    /// Gifts sent.
    pub gifts: u128,
    /// Coins bought.
    pub coins_bought: u128,
    /// Coins gifted.
    pub coins_gifted: u128,
    /// Diamonds the gifts earned.
    pub diamonds: u128,
    /// Events that warned.
    pub warnings: u128,
    /// What spenders were willing to spend while counted.
    pub budgets: i128,
    /// What viewers paid.
    pub spend: i128,
    /// Tax.
    pub tax: i128,
    /// Store fees.
    pub store_fees: i128,
    /// Payment fees.
    pub payment_fees: i128,
    /// Value of gifts sent.
    pub gifted: i128,
    /// Net of coins gifted.
    pub net_spent: i128,
    /// Net of coins bought and not gifted.
    pub unspent_net: i128,
    /// Money of blocked purchases.
    pub blocked_spend: i128,
    /// Value of blocked gifts.
    pub blocked_gifts: i128,
    /// Payers and their spend by spend bin ([`spend_bin`]), for the top payers' share; empty
    /// until the group's first payer.
    pub spend_bins: Vec<(u128, i128)>,
}

impl GroupTotals {
    /// Adds another part of the same group (integer sums: the order never matters).
    pub fn merge(&mut self, o: &GroupTotals) {
        self.viewers += o.viewers;
        self.spenders += o.spenders;
        self.payers += o.payers;
        self.switches += o.switches;
        self.purchases += o.purchases;
        self.gifts += o.gifts;
        self.coins_bought += o.coins_bought;
        self.coins_gifted += o.coins_gifted;
        self.diamonds += o.diamonds;
        self.warnings += o.warnings;
        self.budgets += o.budgets;
        self.spend += o.spend;
        self.tax += o.tax;
        self.store_fees += o.store_fees;
        self.payment_fees += o.payment_fees;
        self.gifted += o.gifted;
        self.net_spent += o.net_spent;
        self.unspent_net += o.unspent_net;
        self.blocked_spend += o.blocked_spend;
        self.blocked_gifts += o.blocked_gifts;
        if !o.spend_bins.is_empty() {
            self.spend_bins.resize(SPEND_BINS, (0, 0));
            for (a, b) in self.spend_bins.iter_mut().zip(&o.spend_bins) {
                a.0 += b.0;
                a.1 += b.1;
            }
        }
    }

    /// Adds one viewer's tally (the histogram apart: [`GroupTotals::add_payer`]).
    fn add(&mut self, v: &Tally) {
        self.viewers += u128::from(v.viewer);
        self.spenders += u128::from(v.spender);
        self.switches += u128::from(v.switched);
        self.purchases += u128::from(v.purchases);
        self.gifts += u128::from(v.gifts);
        self.coins_bought += u128::from(v.coins_bought);
        self.coins_gifted += u128::from(v.coins_gifted);
        self.diamonds += u128::from(v.diamonds);
        self.warnings += u128::from(v.warnings);
        self.budgets += i128::from(v.budgets);
        self.spend += i128::from(v.spend);
        self.tax += i128::from(v.tax);
        self.store_fees += i128::from(v.store_fees);
        self.payment_fees += i128::from(v.payment_fees);
        self.gifted += i128::from(v.gifted);
        self.net_spent += i128::from(v.net_spent);
        self.unspent_net += i128::from(v.unspent_net);
        self.blocked_spend += i128::from(v.blocked_spend);
        self.blocked_gifts += v.blocked_gifts;
        self.payers += u128::from(v.purchases > 0);
    }

    /// Adds a payer's spend to the histogram.
    fn add_payer(&mut self, spend: i64) {
        self.spend_bins.resize(SPEND_BINS, (0, 0));
        let bin = &mut self.spend_bins[spend_bin(spend)];
        bin.0 += 1;
        bin.1 += i128::from(spend);
    }

    /// The share of spend from the top `permille`‰ of payers (in millionths): whole bins from
    /// the top, and the bin the cut falls in at its mean spend per payer.
    pub fn top_share(&self, permille: u128) -> i128 {
        // At least one payer: the top 1 % of 50 payers is the biggest one.
        self.top_spenders_share((self.payers * permille).div_ceil(1000).max(1))
    }

    /// The share of spend from the `want` biggest payers (in millionths).
    pub fn top_spenders_share(&self, mut want: u128) -> i128 {
        if want == 0 || self.spend <= 0 {
            return 0;
        }
        let mut top = 0i128;
        for &(count, sum) in self.spend_bins.iter().rev() {
            if want == 0 {
                break;
            }
            if count <= want {
                top += sum;
                want -= count;
            } else {
                top += sum * want as i128 / count as i128;
                want = 0;
            }
        }
        super::millionths(top, self.spend)
    }
}

/// One viewer's figures while they are simulated, added to their groups when they leave. One
/// viewer's amounts stay far inside 64 bits.
#[derive(Debug, Default)]
struct Tally {
    viewer: bool,
    spender: bool,
    switched: bool,
    purchases: u64,
    gifts: u64,
    coins_bought: u64,
    coins_gifted: u64,
    diamonds: u64,
    warnings: u64,
    budgets: i64,
    spend: i64,
    tax: i64,
    store_fees: i64,
    payment_fees: i64,
    gifted: i64,
    net_spent: i64,
    unspent_net: i64,
    blocked_spend: i64,
    /// 128 bits: a gift blocked every day is blocked again with the same coins, so this is the
    /// one figure not bounded by what the viewer spends.
    blocked_gifts: i128,
}

/// Per-purchase totals (each bundle of each channel, and its custom amount).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchaseTotals {
    /// Times bought.
    pub purchases: u128,
    /// Money paid.
    pub spend: i128,
}

/// Sub-bins per doubling of the spend histogram: bins are at most 2^(1/16) − 1 ≈ 4.4 % wide.
const SUB_BINS: u32 = 16;
/// Bins of the spend histogram: 64 doublings.
pub const SPEND_BINS: usize = 64 * SUB_BINS as usize;

/// The bin of a payer's spend (> 0): its doubling and the next four bits below the top one.
fn spend_bin(spend: i64) -> usize {
    let v = spend.max(1) as u64;
    let top = 63 - v.leading_zeros();
    let sub = if top >= 4 {
        (v >> (top - 4)) & 0xF
    } else {
        (v << (4 - top)) & 0xF
    };
    (top * SUB_BINS) as usize + sub as usize
}

/// Everything one run (or part of one) adds up, in minor units and counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    /// Per age group and segment (group after group): every figure but the spend histogram.
    /// One cell per viewer to add to, not two groups (128-bit sums are emulated in WebAssembly);
    /// [`Totals::by_age`] and [`Totals::by_segment`] add the cells up.
    cells: Vec<GroupTotals>,
    /// The spend histogram of each age group, then of each segment.
    bins: Vec<GroupTotals>,
    ages: usize,
    segments: usize,
    /// By day.
    pub by_day: Vec<DayTotals>,
    /// By purchase: each channel's bundles then its custom amount, channel after channel.
    pub by_purchase: Vec<PurchaseTotals>,
    /// Diamonds per creator.
    pub creator_diamonds: Vec<u128>,
    /// Share-of-net base per creator (price after tax and store fee of the coins gifted).
    pub creator_basis: Vec<i128>,
}

impl Totals {
    /// Empty totals for a scenario.
    pub fn new(s: &Scenario) -> Totals {
        let (ages, segments) = (s.ages.len(), s.segments.len());
        Totals {
            cells: vec![GroupTotals::default(); ages * segments],
            bins: vec![GroupTotals::default(); ages + segments],
            ages,
            segments,
            by_day: vec![DayTotals::default(); s.days as usize],
            by_purchase: vec![PurchaseTotals::default(); super::purchases(s)],
            creator_diamonds: vec![0; s.creators as usize],
            creator_basis: vec![0; s.creators as usize],
        }
    }

    /// Adds another part of the same run (integer sums: the order of parts never matters).
    pub fn merge(&mut self, o: &Totals) {
        for (a, b) in self.cells.iter_mut().zip(&o.cells) {
            a.merge(b);
        }
        for (a, b) in self.bins.iter_mut().zip(&o.bins) {
            a.merge(b);
        }
        for (a, b) in self.by_day.iter_mut().zip(&o.by_day) {
            a.spend += b.spend;
            a.gifted += b.gifted;
            a.blocked += b.blocked;
            a.warnings += b.warnings;
        }
        for (a, b) in self.by_purchase.iter_mut().zip(&o.by_purchase) {
            a.purchases += b.purchases;
            a.spend += b.spend;
        }
        for (a, b) in self.creator_diamonds.iter_mut().zip(&o.creator_diamonds) {
            *a += b;
        }
        for (a, b) in self.creator_basis.iter_mut().zip(&o.creator_basis) {
            *a += b;
        }
    }

    /// Each age group: its cells and its histogram.
    pub fn by_age(&self) -> Vec<GroupTotals> {
        (0..self.ages)
            .map(|g| self.group((0..self.segments).map(|s| g * self.segments + s), g))
            .collect()
    }

    /// Each segment: its cells and its histogram.
    pub fn by_segment(&self) -> Vec<GroupTotals> {
        (0..self.segments)
            .map(|s| self.group((0..self.ages).map(|g| g * self.segments + s), self.ages + s))
            .collect()
    }

    /// Every viewer: every cell, and the age groups' histograms.
    pub fn all(&self) -> GroupTotals {
        let mut all = self.group(0..self.cells.len(), usize::MAX);
        for bins in self.bins.iter().take(self.ages) {
            all.merge(bins);
        }
        all
    }

    /// The sum of `cells`, with histogram `bins`.
    fn group(&self, cells: impl Iterator<Item = usize>, bins: usize) -> GroupTotals {
        let mut out = GroupTotals::default();
        for c in cells.filter_map(|c| self.cells.get(c)) {
            out.merge(c);
        }
        if let Some(b) = self.bins.get(bins) {
            out.merge(b);
        }
        out
    }

    /// Adds a viewer who spends nothing to their age group and segment.
    fn add_viewer(&mut self, group: usize, segment: usize) {
        if let Some(c) = self.cells.get_mut(group * self.segments + segment) {
            c.viewers += 1;
        }
    }

    /// Adds one viewer's tally to their age group and segment.
    fn add(&mut self, group: usize, segment: usize, v: &Tally) {
        if let Some(c) = self.cells.get_mut(group * self.segments + segment) {
            c.add(v);
        }
        if v.purchases > 0 {
            for i in [group, self.ages + segment] {
                if let Some(b) = self.bins.get_mut(i) {
                    b.add_payer(v.spend);
                }
            }
        }
    }
}

/// Prepared state shared by every viewer of a run.
pub struct Model<'a> {
    s: &'a Scenario,
    channels: Vec<Channel>,
    rules: DayRules,
    /// True when creators earn a share of net (the basis of each gift is then needed).
    share_of_net: bool,
    /// Per simulated day: the days in its month less 28 (0 to 3), its slot in [`per_day`].
    month_slot: Vec<u8>,
    /// For each simulated day `d` (and one past the end): how many of the days before it are
    /// in months of 28, 29, 30 and 31 days, so that the money set aside over any span of days
    /// is known without walking it.
    lengths_before: Vec<[u32; 4]>,
    /// Where each channel's purchases start in [`Totals::by_purchase`].
    purchase_base: Vec<usize>,
    /// Per segment, per channel: the other channel of the same platform where one top-up
    /// saves the most, and the saving.
    switch_to: Vec<Vec<Option<(usize, i64)>>>,
}

/// What is set aside each day of a month of 28, 29, 30 and 31 days: the monthly budget over
/// the month's days, toward zero ([`RoundingPoint::Budget`]; a budget is never negative, so
/// integer division is that rounding). Only the lengths the simulation meets are divided.
fn per_day(budget: i64, present: [bool; 4]) -> [i64; 4] {
    debug_assert_eq!(
        RoundingPoint::Budget.strategy(),
        rust_decimal::RoundingStrategy::ToZero
    );
    let budget = budget.max(0);
    let mut out = [0i64; 4];
    for (i, slot) in out.iter_mut().enumerate() {
        if present[i] {
            *slot = budget / (28 + i as i64);
        }
    }
    out
}

impl<'a> Model<'a> {
    /// Prepares channels, rules and calendars.
    pub fn new(s: &'a Scenario) -> Result<Model<'a>> {
        let channels = s
            .channels
            .iter()
            .map(|c| Channel::new(c, s))
            .collect::<Result<Vec<_>>>()?;
        let first = s.first_day();
        let total = s.simulated_days();
        let month_len: Vec<u32> = (0..total)
            .map(|day| {
                let date = first.plus_days(i64::from(day));
                u32::from(days_in_month(date.year(), date.month()))
            })
            .collect();
        let mut lengths_before = vec![[0u32; 4]];
        for len in &month_len {
            let mut next = lengths_before.last().copied().unwrap_or_default();
            next[(*len - 28) as usize] += 1;
            lengths_before.push(next);
        }
        let mut purchase_base = Vec::with_capacity(channels.len());
        let mut next = 0;
        for c in &channels {
            purchase_base.push(next);
            next += c.purchases;
        }
        let switch_to = (0..s.segments.len())
            .map(|seg| {
                (0..channels.len())
                    .map(|home| switch_gain(s, &channels, seg, home))
                    .collect::<Result<Vec<_>>>()
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Model {
            s,
            share_of_net: matches!(
                s.channels[0].card.creator,
                crate::rate_card::CreatorTerms::ShareOfNet { .. }
            ),
            channels,
            rules: DayRules::new(&s.rules, s.region.as_deref(), first, total, s.to_rules)?,
            month_slot: month_len.iter().map(|len| (*len - 28) as u8 & 3).collect(),
            lengths_before,
            purchase_base,
            switch_to,
        })
    }
}

impl Model<'_> {
    /// Which month lengths (28 to 31 days) the simulation meets.
    fn lengths_present(&self) -> [bool; 4] {
        let all = self.lengths_before.last().copied().unwrap_or_default();
        all.map(|days| days > 0)
    }

    /// What is set aside from a monthly budget over days `from..to`, day by day as the loop
    /// sets it aside (ignoring the cap of a month's savings).
    fn accrual(&self, daily: &[i64; 4], from: u32, to: u32) -> i64 {
        let at = |d: u32| {
            self.lengths_before
                .get(d as usize)
                .copied()
                .unwrap_or_default()
        };
        let (a, b) = (at(from), at(to.max(from)));
        (0..4).map(|i| i64::from(b[i] - a[i]) * daily[i]).sum()
    }
}

/// For a viewer of segment `seg` on channel `home`: the other channel of the same platform
/// where the top-up the segment aims at saves the most, and the saving (in minor units): the
/// home purchase's price less the same coins at the other channel's price per coin.
fn switch_gain(
    s: &Scenario,
    channels: &[Channel],
    seg: usize,
    home: usize,
) -> Result<Option<(usize, i64)>> {
    if s.segments[seg].switching_cost.is_none() {
        return Ok(None);
    }
    let offer = |c: usize| -> Result<Option<Offer>> {
        match &channels[c].mixes[seg] {
            Some((_, top_up)) => Ok(top_up.most),
            None => Ok(None),
        }
    };
    let Some(mine) = offer(home)? else {
        return Ok(None);
    };
    let platform = &s.channels[home].card.platform;
    let mut best: Option<(usize, i64)> = None;
    for other in 0..channels.len() {
        if other == home || s.channels[other].card.platform != *platform {
            continue;
        }
        let Some(there) = offer(other)? else { continue };
        // The same coins at the other channel's price per coin, in exact integers.
        let same_coins =
            i128::from(there.pays) * i128::from(mine.coins) / i128::from(there.coins.max(1));
        let saving = i128::from(mine.pays) - same_coins;
        if saving > 0 && best.is_none_or(|(_, b)| saving > i128::from(b)) {
            best = Some((other, saving.min(i128::from(i64::MAX)) as i64));
        }
    }
    Ok(best)
}

/// Who a viewer is and when they are there.
#[derive(Debug, Clone, Copy)]
struct Who {
    group: usize,
    segment: usize,
    /// Their segment's monthly budget for their age group.
    budget: Budget,
    /// The day they join.
    from: u32,
    /// The day they leave (the end of the simulation if they stay).
    until: u32,
    /// Present while counting.
    counted: bool,
}

/// A lot in a viewer's wallet.
#[derive(Debug, Clone, Copy)]
struct Lot {
    coins: u64,
    spent: u64,
    cost: i64,
    net: i64,
    after_store: i64,
    /// What the spent coins carried of `cost` and of `after_store` (`share_at(…, spent)`),
    /// kept so that each gift needs one division per lot, not two.
    cost_spent: i64,
    basis_spent: i64,
    /// Bought after the warm-up: its money is in the results.
    counted: bool,
}

/// Scratch space reused from viewer to viewer.
#[derive(Debug, Default)]
pub struct Scratch {
    lots: Vec<Lot>,
    caps: Vec<CapState>,
}

impl Model<'_> {
    /// Simulates viewers `from..to` of run `run` into `totals`.
    pub fn viewers(
        &self,
        run: u64,
        from: u64,
        to: u64,
        totals: &mut Totals,
        scratch: &mut Scratch,
    ) -> Result<()> {
        for viewer in from..to {
            self.viewer(run, viewer, totals, scratch)?;
        }
        Ok(())
    }

    /// One viewer's place in the population: the viewer, and whoever joins when they leave
    /// (a segment with a retention curve), until the last day.
    fn viewer(&self, run: u64, viewer: u64, t: &mut Totals, scratch: &mut Scratch) -> Result<()> {
        let s = self.s;
        let end = s.simulated_days();
        let mut who = s.group_and_segment_from(Rng::first_bits(s.seed, run, viewer));
        let (group, segment) = who;
        let seg = &s.segments[segment];
        if seg.budgets[group].is_none() && seg.retention.is_none() {
            // Most viewers: they stay, spend nothing and need no more randomness.
            if end > s.warm_up {
                t.add_viewer(group, segment);
            }
            return Ok(());
        }
        let mut rng = Rng::stream(s.seed, run, viewer);
        let mut from = self.person(&mut rng, 0, who, t, scratch)?;
        while from < end {
            who = s.group_and_segment(&mut rng);
            from = self.person(&mut rng, from, who, t, scratch)?;
        }
        Ok(())
    }

    /// A viewer of age group and segment `who` who joins on day `from`; returns the day they
    /// leave (the end of the simulation if they stay).
    fn person(
        &self,
        rng: &mut Rng,
        from: u32,
        (group, segment): (usize, usize),
        t: &mut Totals,
        scratch: &mut Scratch,
    ) -> Result<u32> {
        let s = self.s;
        let end = s.simulated_days();
        let seg = &s.segments[segment];
        let until = match &seg.retention {
            Some(r) => r.leave_day(from, end, rng),
            None => end,
        };
        // Only viewers present while counting are counted.
        let counted = until > s.warm_up;
        let Some(budget) = seg.budgets[group] else {
            // Nothing to add but themselves.
            if counted {
                t.add_viewer(group, segment);
            }
            return Ok(until);
        };
        let mut tally = Tally {
            viewer: counted,
            ..Tally::default()
        };
        let who = Who {
            group,
            segment,
            budget,
            from,
            until,
            counted,
        };
        self.spender(rng, who, &mut tally, t, scratch)?;
        t.add(group, segment, &tally);
        Ok(until)
    }

    /// The days of a viewer with a budget: purchases and gifts into `v` (and into `t`'s days,
    /// purchases and creators).
    fn spender(
        &self,
        rng: &mut Rng,
        who: Who,
        v: &mut Tally,
        t: &mut Totals,
        scratch: &mut Scratch,
    ) -> Result<()> {
        let s = self.s;
        let Who {
            group,
            segment,
            budget,
            from,
            until,
            counted,
        } = who;
        let seg = &s.segments[segment];
        let mut home = s.channel_alias.sample(rng);
        if let (Some(cost), Some((other, saving))) =
            (seg.switching_cost, self.switch_to[segment][home])
        {
            if saving as f64 > draw(cost, rng) {
                home = other;
                v.switched = counted;
            }
        }
        let channel = &self.channels[home];
        let purchase_base = self.purchase_base[home];
        let Some((mix, top_up)) = &channel.mixes[segment] else {
            return Ok(());
        };
        let ages = &s.ages[group];
        let mut age = ages.min_age + rng.below(u64::from(ages.max_age - ages.min_age)) as u32;
        if let Some((share, stated)) = s.misreport {
            if age < stated && rng.chance(share) {
                age = stated;
            }
        }
        let rules = self.rules.for_age(age);
        let monthly = sample_budget(budget, rng);
        let value = seg.value_per_coin.map(|v| draw(v, rng));
        // Without a value per coin, budgets follow prices (the reduced form: elasticity).
        let monthly = match value {
            Some(_) => monthly,
            None => {
                libm::round(monthly as f64 * channel.demand_factor).clamp(0.0, MAX_BUDGET) as i64
            }
        };
        let creator = s.creator_alias.sample(rng);
        v.spender = counted;
        // Money is set aside day by day (a month's budget over the month's days), a month's
        // budget at most. Viewers start anywhere in that cycle, so their purchases do not all
        // fall on the same days and a population's daily revenue is flat.
        // (The first day's share always fits under that cap.)
        let daily_by_len = per_day(monthly, self.lengths_present());
        let first_day = self
            .month_slot
            .get(from as usize)
            .map_or(0, |slot| daily_by_len[usize::from(*slot & 3)]);
        let mut saved = rng.below((monthly - first_day).max(0) as u64 + 1) as i64;
        // Savings stop growing at a month's budget, or at the viewer's usual top-up if that is
        // more (a viewer saves up for it).
        let cap = monthly.max(top_up.money);
        // What the viewer could spend while counted: the savings when counting starts and
        // what is set aside after (`budgets`).
        let counting_from = from.max(s.warm_up);
        let counted_accrual = if counted {
            self.accrual(&daily_by_len, counting_from, until)
        } else {
            0
        };
        if seg.p_active <= 0.0 || value.is_some_and(|v| v <= channel.lowest_unit_price) {
            // Never active, or no purchase is ever worth its price: no day would draw more,
            // and nothing is spent from the savings.
            if counted {
                let before = self.accrual(&daily_by_len, from, counting_from);
                v.budgets = (saved + before).min(cap) + counted_accrual;
            }
            return Ok(());
        }

        let mut budget_counted = counted_accrual;
        scratch.lots.clear();
        rules.reset(&mut scratch.caps);
        let approval_rate = s.approval_rate;
        let warm_up = s.warm_up;
        let mut head = 0usize;
        let mut held = 0u64;
        let mut diamonds = 0u64;
        let mut basis = 0i64;
        // Savings to wait for before trying again (0: not waiting): the purchase the viewer
        // could not afford, or never, when nothing on the channel is worth its price.
        let mut waiting_for = 0i64;
        for day in from..until {
            let d = day as usize;
            let counting = day >= warm_up;
            if day == counting_from {
                budget_counted += saved;
            }
            if saved < cap {
                let daily = daily_by_len[usize::from(self.month_slot[d] & 3)];
                saved = (saved + daily).min(cap);
            }
            if saved < waiting_for || !rng.chance_below(seg.active_threshold) {
                continue;
            }
            waiting_for = 0;
            let out = (day - warm_up.min(day)) as usize;

            let mut buys_today = 0u32;
            let gifts = rng.poisson_with(&seg.gifts_per_day);
            'gifts: for _ in 0..gifts {
                let choice = mix.alias.sample(rng);
                let need = mix.coins[choice];
                while held < need {
                    // A full top-up when the savings allow it; otherwise the most the savings
                    // buy, if that sends the gift in hand.
                    let offer = if saved >= top_up.money {
                        let full = match value {
                            Some(v) => channel.choose_top_up(v, top_up, saved),
                            None => top_up
                                .most
                                .or_else(|| channel.cheapest.filter(|c| c.pays <= saved)),
                        };
                        // Nothing within the top-up fits or is worth its price: wait for the
                        // cheapest purchase if it is worth it, or for good.
                        full.ok_or_else(|| match channel.cheapest {
                            Some(c)
                                if c.pays > saved
                                    && value.is_none_or(|v| v * c.coins as f64 > c.pays as f64) =>
                            {
                                c.pays
                            }
                            _ => i64::MAX,
                        })
                    } else {
                        // The most the savings buy, if that sends the gift in hand.
                        let most = match value {
                            Some(v) => channel.choose(v, saved, saved)?,
                            None => channel.best_for(saved, false)?,
                        };
                        match most {
                            Some(o) if held + o.coins >= need => Ok(o),
                            // Wait until the savings buy what sends it (or a full top-up).
                            _ => Err(channel
                                .covering(need - held)?
                                .map_or(top_up.money, |c| c.pays.min(top_up.money))),
                        }
                    };
                    let offer = match offer {
                        Ok(o) => o,
                        Err(wait) => {
                            // The viewer waits until that much is set aside.
                            waiting_for = wait;
                            break 'gifts;
                        }
                    };
                    let pays = offer.pays;
                    let outcome = self.rules.check(
                        rules,
                        &mut scratch.caps,
                        Action::Buy,
                        pays,
                        day,
                        buys_today,
                        || rng.chance(approval_rate),
                    )?;
                    if outcome == Outcome::Block {
                        // The viewer gives that money up and stops for the day.
                        saved -= pays;
                        if counting {
                            v.blocked_spend += pays;
                            t.by_day[out].blocked += i128::from(pays);
                        }
                        break 'gifts;
                    }
                    if outcome == Outcome::Warn && counting {
                        v.warnings += 1;
                        t.by_day[out].warnings += 1;
                    }
                    buys_today += 1;
                    saved -= pays;
                    held += offer.coins;
                    scratch.lots.push(Lot {
                        coins: offer.coins,
                        spent: 0,
                        cost: pays,
                        net: offer.net,
                        after_store: offer.after_store,
                        cost_spent: 0,
                        basis_spent: 0,
                        counted: counting,
                    });
                    if counting {
                        v.spend += pays;
                        v.tax += offer.tax;
                        v.store_fees += offer.store_fee;
                        v.payment_fees += offer.payment_fee;
                        v.purchases += 1;
                        v.coins_bought += offer.coins;
                        t.by_day[out].spend += i128::from(pays);
                        let p = &mut t.by_purchase[purchase_base + usize::from(offer.bundle)];
                        p.purchases += 1;
                        p.spend += i128::from(pays);
                    }
                }
                // The gift's value: what its coins cost, first in first out. Every lot it
                // touches but the last is spent to the end and carries its whole cost; only
                // the last one's share needs a division.
                let mut value = 0i64;
                let mut counted_value = 0i64;
                let mut counted_coins = 0u64;
                let mut last_cost_to = 0i64;
                let mut left = need;
                for lot in &scratch.lots[head..] {
                    if left == 0 {
                        break;
                    }
                    let take = (lot.coins - lot.spent).min(left);
                    let cost_to = share_at(lot.cost, lot.coins, lot.spent + take)?;
                    value += cost_to - lot.cost_spent;
                    if lot.counted {
                        counted_value += cost_to - lot.cost_spent;
                        counted_coins += take;
                    }
                    last_cost_to = cost_to;
                    left -= take;
                }
                let outcome = self.rules.check(
                    rules,
                    &mut scratch.caps,
                    Action::Gift,
                    value,
                    day,
                    buys_today,
                    || true,
                )?;
                if outcome == Outcome::Block {
                    if counting {
                        v.blocked_gifts += i128::from(value);
                        t.by_day[out].blocked += i128::from(value);
                    }
                    break 'gifts;
                }
                if outcome == Outcome::Warn && counting {
                    v.warnings += 1;
                    t.by_day[out].warnings += 1;
                }
                let mut left = need;
                for lot in &mut scratch.lots[head..] {
                    if left == 0 {
                        break;
                    }
                    let take = (lot.coins - lot.spent).min(left);
                    lot.spent += take;
                    lot.cost_spent = if lot.spent == lot.coins {
                        lot.cost
                    } else {
                        last_cost_to
                    };
                    if self.share_of_net && lot.counted {
                        let basis_to = share_at(lot.after_store, lot.coins, lot.spent)?;
                        basis += basis_to - lot.basis_spent;
                        lot.basis_spent = basis_to;
                    }
                    left -= take;
                    if lot.spent == lot.coins {
                        head += 1;
                    }
                }
                held -= need;
                // Coins bought in the warm-up are left out with their money; a gift that
                // spends some earns the Diamonds of the coins that are counted.
                diamonds += if counted_coins == need {
                    mix.diamonds[choice]
                } else {
                    match channel.diamonds_per_coin {
                        Some(rate) if counted_coins > 0 => {
                            crate::money::diamonds(counted_coins, rate)?
                        }
                        _ => 0,
                    }
                };
                if counting {
                    v.gifts += 1;
                    t.by_day[out].gifted += i128::from(counted_value);
                }
                v.coins_gifted += counted_coins;
                v.gifted += counted_value;
            }
        }
        for lot in scratch.lots.iter().filter(|l| l.counted) {
            let spent_net = share_at(lot.net, lot.coins, lot.spent)?;
            v.net_spent += spent_net;
            v.unspent_net += lot.net - spent_net;
        }
        v.budgets = budget_counted;
        v.diamonds = diamonds;
        t.creator_diamonds[creator] += u128::from(diamonds);
        t.creator_basis[creator] += i128::from(basis);
        Ok(())
    }
}

/// The largest monthly budget one viewer is given, in minor units.
const MAX_BUDGET: f64 = 1e15;

/// A draw from a lognormal spread, in minor units.
fn draw(spread: Spread, rng: &mut Rng) -> f64 {
    spread.median * libm::exp(spread.sigma * rng.normal())
}

/// A monthly budget, in minor units.
fn sample_budget(b: Budget, rng: &mut Rng) -> i64 {
    const MAX: f64 = 1e13;
    let value = match b {
        Budget::Fixed(a) => return a,
        Budget::Uniform(lo, hi) => return lo + rng.below((hi - lo) as u64 + 1) as i64,
        Budget::Lognormal(median, sigma, cap) => {
            let x = median * libm::exp(sigma * rng.normal());
            cap.map_or(x, |c| x.min(c as f64))
        }
        Budget::Pareto(min, alpha, cap) => {
            let x = min * libm::pow(rng.unit_open(), -1.0 / alpha);
            cap.map_or(x, |c| x.min(c as f64))
        }
    };
    libm::round(value.clamp(0.0, MAX)) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spend_bins_are_ordered_and_narrow() {
        let mut last = 0;
        for v in [
            1i64,
            2,
            3,
            15,
            16,
            17,
            31,
            32,
            1000,
            1001,
            1 << 40,
            i64::MAX,
        ] {
            let b = spend_bin(v);
            assert!(b >= last, "{v}");
            assert!(b < SPEND_BINS);
            last = b;
        }
        // Values within 1/16 of each other near the top of a doubling share a bin.
        assert_eq!(spend_bin(1024), spend_bin(1087));
        assert_ne!(spend_bin(1024), spend_bin(1088));
    }
}
