//! The hot loop: viewers one at a time, day by day, in integer minor units and coin counts.
//!
//! Each viewer draws a segment and an age group; non-spenders stop there. A spender draws a
//! channel, an exact age, a budget for the horizon and a favourite creator, then on each active
//! day sends a Poisson number of gifts from the segment's mix, topping up when coins run short
//! (the most coins the top-up target or the remaining budget buys). Every top-up and gift
//! passes the viewer's spending rules first, at a resolution of one day. Purchases become lots
//! spent first-in-first-out, so gift values and the platform's net are exact. Totals are
//! aggregated as they go; nothing is stored per viewer-day, and the buffers of one viewer are
//! reused by the next.

use super::rng::{Alias, Rng};
use super::scenario::{Budget, ChannelSpec, Scenario};
use crate::caps::{Action, Enforcement, WindowKind};
use crate::error::Result;
use crate::flow::{Split, Splitter};
use crate::lots::share_at;
use crate::money::{Fraction, Money, RoundingPoint};
use crate::rate_card::CreatorTerms;

/// Per-day totals.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DayTotals {
    /// Money viewers paid.
    pub spend: i64,
    /// Value of gifts sent (what their coins cost).
    pub gifted: i64,
    /// Money of blocked purchases and gifts.
    pub blocked: i64,
    /// Events that warned.
    pub warnings: u64,
}

/// Per-age-group totals.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AgeTotals {
    /// Viewers in the group.
    pub viewers: u64,
    /// Viewers with a budget.
    pub spenders: u64,
    /// Money paid.
    pub spend: i64,
    /// Money of blocked purchases.
    pub blocked_spend: i64,
    /// Value of blocked gifts.
    pub blocked_gifts: i64,
    /// Events that warned.
    pub warnings: u64,
}

/// Everything one run (or part of one) adds up, in minor units and counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    /// Viewers with a budget.
    pub spenders: u64,
    /// What spenders were willing to spend over the horizon.
    pub budgets: i64,
    /// What viewers paid.
    pub spend: i64,
    /// Tax.
    pub tax: i64,
    /// Store fees.
    pub store_fees: i64,
    /// Payment fees.
    pub payment_fees: i64,
    /// Net of coins gifted.
    pub net_spent: i64,
    /// Net of coins bought and not gifted.
    pub unspent_net: i64,
    /// Purchases made.
    pub purchases: u64,
    /// Gifts sent.
    pub gifts: u64,
    /// Coins bought.
    pub coins_bought: u64,
    /// Coins gifted.
    pub coins_gifted: u64,
    /// Value of gifts sent.
    pub gifted: i64,
    /// Money of blocked purchases.
    pub blocked_spend: i64,
    /// Value of blocked gifts.
    pub blocked_gifts: i64,
    /// Events that warned.
    pub warnings: u64,
    /// By age group.
    pub by_age: Vec<AgeTotals>,
    /// By day.
    pub by_day: Vec<DayTotals>,
    /// Diamonds per creator.
    pub creator_diamonds: Vec<u64>,
    /// Share-of-net base per creator (price after tax and store fee of the coins gifted).
    pub creator_basis: Vec<i64>,
}

impl Totals {
    /// Empty totals for a scenario.
    pub fn new(s: &Scenario) -> Totals {
        Totals {
            spenders: 0,
            budgets: 0,
            spend: 0,
            tax: 0,
            store_fees: 0,
            payment_fees: 0,
            net_spent: 0,
            unspent_net: 0,
            purchases: 0,
            gifts: 0,
            coins_bought: 0,
            coins_gifted: 0,
            gifted: 0,
            blocked_spend: 0,
            blocked_gifts: 0,
            warnings: 0,
            by_age: vec![AgeTotals::default(); s.ages.len()],
            by_day: vec![DayTotals::default(); s.days as usize],
            creator_diamonds: vec![0; s.creators as usize],
            creator_basis: vec![0; s.creators as usize],
        }
    }

    /// Adds another part of the same run (integer sums: the order of parts never matters).
    pub fn merge(&mut self, o: &Totals) {
        self.spenders += o.spenders;
        self.budgets += o.budgets;
        self.spend += o.spend;
        self.tax += o.tax;
        self.store_fees += o.store_fees;
        self.payment_fees += o.payment_fees;
        self.net_spent += o.net_spent;
        self.unspent_net += o.unspent_net;
        self.purchases += o.purchases;
        self.gifts += o.gifts;
        self.coins_bought += o.coins_bought;
        self.coins_gifted += o.coins_gifted;
        self.gifted += o.gifted;
        self.blocked_spend += o.blocked_spend;
        self.blocked_gifts += o.blocked_gifts;
        self.warnings += o.warnings;
        for (a, b) in self.by_age.iter_mut().zip(&o.by_age) {
            a.viewers += b.viewers;
            a.spenders += b.spenders;
            a.spend += b.spend;
            a.blocked_spend += b.blocked_spend;
            a.blocked_gifts += b.blocked_gifts;
            a.warnings += b.warnings;
        }
        for (a, b) in self.by_day.iter_mut().zip(&o.by_day) {
            a.spend += b.spend;
            a.gifted += b.gifted;
            a.blocked += b.blocked;
            a.warnings += b.warnings;
        }
        for (a, b) in self.creator_diamonds.iter_mut().zip(&o.creator_diamonds) {
            *a += b;
        }
        for (a, b) in self.creator_basis.iter_mut().zip(&o.creator_basis) {
            *a += b;
        }
    }
}

/// A purchase a viewer can make.
#[derive(Debug, Clone, Copy)]
struct Offer {
    coins: u64,
    split: Split,
}

/// What a segment sends on one channel.
#[derive(Debug, Clone)]
struct GiftMix {
    alias: Alias,
    coins: Vec<u64>,
    diamonds: Vec<u64>,
}

/// A channel, prepared for the loop.
#[derive(Debug, Clone)]
struct Channel {
    /// Bundles sorted by what the viewer pays.
    offers: Vec<Offer>,
    /// For each prefix of `offers`, the index of the one with the most coins.
    best_upto: Vec<usize>,
    custom: Option<crate::rate_card::CustomAmount>,
    splitter: Splitter,
    /// The cheapest purchase.
    cheapest: Option<Offer>,
    /// Per segment: the gifts and the money a top-up aims at.
    mixes: Vec<Option<(GiftMix, i64)>>,
    /// Budgets on this channel scale by this (price elasticity).
    demand_factor: f64,
}

impl Channel {
    fn new(spec: &ChannelSpec, s: &Scenario) -> Result<Channel> {
        let card = &spec.card;
        let splitter = Splitter::for_card(card);
        let mut offers = card
            .bundles
            .iter()
            .map(|b| {
                Ok(Offer {
                    coins: b.total_coins(),
                    split: splitter.split(b.price)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        crate::sort::sort_by_key(&mut offers, |o| {
            (o.split.viewer_pays.minor(), std::cmp::Reverse(o.coins))
        });
        let mut best_upto: Vec<usize> = Vec::with_capacity(offers.len());
        for (i, o) in offers.iter().enumerate() {
            let best = match best_upto.last() {
                Some(&b) if offers[b].coins >= o.coins => b,
                _ => i,
            };
            best_upto.push(best);
        }
        let mut channel = Channel {
            offers,
            best_upto,
            custom: card.custom,
            splitter,
            cheapest: None,
            mixes: Vec::new(),
            demand_factor: spec.demand_factor,
        };
        channel.cheapest = channel.best_for(i64::MAX / 4, true)?;
        let diamonds_per_coin = match card.creator {
            CreatorTerms::PerDiamond {
                diamonds_per_coin, ..
            } => Some(Fraction::from_decimal(diamonds_per_coin)),
            CreatorTerms::ShareOfNet { .. } => None,
        };
        let m = Fraction::from_decimal(spec.multiplier);
        for seg in &s.segments {
            if seg.budget.is_none() {
                channel.mixes.push(None);
                continue;
            }
            let weights: Vec<f64> = seg.gifts.iter().map(|g| f64::from(g.2)).collect();
            let coins: Vec<u64> = seg.gifts.iter().map(|g| g.1).collect();
            let diamonds = coins
                .iter()
                .map(|&c| match diamonds_per_coin {
                    Some(d) => d
                        .apply(c as i64, RoundingPoint::CreatorCash)
                        .map(|v| v as u64),
                    None => Ok(0),
                })
                .collect::<Result<Vec<_>>>()?;
            let top_up = match seg.top_up {
                Some(t) => m.apply(t, RoundingPoint::Price)?,
                None => channel.cheapest.map_or(0, |c| c.split.viewer_pays.minor()),
            };
            channel.mixes.push(Some((
                GiftMix {
                    alias: Alias::new(&weights),
                    coins,
                    diamonds,
                },
                top_up,
            )));
        }
        Ok(channel)
    }

    /// The purchase with the most coins for at most `budget` (what the viewer pays); with
    /// `cheapest`, the cheapest purchase instead.
    fn best_for(&self, budget: i64, cheapest: bool) -> Result<Option<Offer>> {
        let bundle = if cheapest {
            self.offers.first().copied()
        } else {
            let n = self
                .offers
                .partition_point(|o| o.split.viewer_pays.minor() <= budget);
            n.checked_sub(1).map(|i| self.offers[self.best_upto[i]])
        };
        let custom = match self.custom {
            Some(c) => self.custom_for(c, budget, cheapest)?,
            None => None,
        };
        Ok(match (bundle, custom) {
            (Some(b), Some(c)) if cheapest => Some(
                if c.split.viewer_pays.minor() < b.split.viewer_pays.minor() {
                    c
                } else {
                    b
                },
            ),
            (Some(b), Some(c)) => Some(if c.coins > b.coins { c } else { b }),
            (b, c) => b.or(c),
        })
    }

    fn custom_for(
        &self,
        c: crate::rate_card::CustomAmount,
        budget: i64,
        cheapest: bool,
    ) -> Result<Option<Offer>> {
        let (min, max) = (c.min_coins / c.step_coins, c.max_coins / c.step_coins);
        let q = c.step_price.minor();
        let offer = |k: u64| -> Result<Offer> {
            Ok(Offer {
                coins: k * c.step_coins,
                split: self
                    .splitter
                    .split(Money::from_minor(q * k as i64, c.step_price.currency()))?,
            })
        };
        if cheapest {
            return offer(min).map(Some);
        }
        // Start from the price before tax and step down until what the viewer pays fits.
        let mut k = (budget / q.max(1)).clamp(0, max as i64) as u64;
        while k >= min {
            let o = offer(k)?;
            if o.split.viewer_pays.minor() <= budget {
                return Ok(Some(o));
            }
            k -= 1;
        }
        Ok(None)
    }
}

/// A cap with its thresholds in minor units of the rules' currency.
#[derive(Debug, Clone)]
struct CapSpec {
    action: Action,
    window: WindowKind,
    limit: i64,
    hard: bool,
    boundaries: Vec<i64>,
    /// Rolling windows: length in days.
    length: u32,
}

/// A cap's state for the current viewer.
#[derive(Debug, Clone, Default)]
struct CapState {
    window_id: i64,
    used: i64,
    fired: u64,
    /// Rolling: usage of the last days, by day modulo the length.
    ring: Vec<i64>,
    ring_day: i64,
    last_fired: Vec<i64>,
}

/// The rules that apply to one age, prepared.
#[derive(Debug, Clone)]
struct AgeRules {
    may_buy: bool,
    may_gift: bool,
    guardian: bool,
    /// Purchases a day allowed by a cooldown, and whether it blocks.
    per_day: Option<(u32, bool)>,
    caps: Vec<CapSpec>,
}

/// How an event fares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Ok,
    Warn,
    Block,
}

/// Prepared state shared by every viewer of a run.
pub struct Model<'a> {
    s: &'a Scenario,
    channels: Vec<Channel>,
    /// Rules by age (index = age).
    rules_by_age: Vec<AgeRules>,
    /// True when creators earn a share of net (the basis of each gift is then needed).
    share_of_net: bool,
    /// Week and month index of each simulated day.
    week_of: Vec<i64>,
    month_of: Vec<i64>,
}

impl<'a> Model<'a> {
    /// Prepares channels, rules and calendars.
    pub fn new(s: &'a Scenario) -> Result<Model<'a>> {
        let channels = s
            .channels
            .iter()
            .map(|c| Channel::new(c, s))
            .collect::<Result<Vec<_>>>()?;
        let thresholds: Vec<Fraction> = s
            .rules
            .thresholds
            .iter()
            .map(|t| Fraction::from_decimal(*t))
            .collect();
        let min_age = s.rules.min_age_in(s.region.as_deref());
        let mut rules_by_age = Vec::new();
        for age in 0..=crate::caps::MAX_AGE {
            let bracket = s.rules.bracket_for(age);
            let caps = bracket
                .map(|b| {
                    b.caps
                        .iter()
                        .map(|c| {
                            let limit = c.limit.minor();
                            Ok(CapSpec {
                                action: c.action,
                                window: c.window,
                                limit,
                                hard: c.enforcement == Enforcement::Hard,
                                boundaries: thresholds
                                    .iter()
                                    .map(|t| t.ceil_of(limit))
                                    .collect::<Result<Vec<_>>>()?,
                                length: match c.window {
                                    WindowKind::Rolling7d => 7,
                                    WindowKind::Rolling30d => 30,
                                    _ => 1,
                                },
                            })
                        })
                        .collect::<Result<Vec<_>>>()
                })
                .transpose()?
                .unwrap_or_default();
            rules_by_age.push(AgeRules {
                may_buy: age >= min_age.buy,
                may_gift: age >= min_age.gift,
                guardian: bracket.is_some_and(|b| b.guardian_approval),
                per_day: bracket.and_then(|b| b.cooldown).map(|(minutes, e)| {
                    ((24 * 60 / minutes.max(1)).max(1), e == Enforcement::Hard)
                }),
                caps,
            });
        }
        let mut week_of = Vec::with_capacity(s.days as usize);
        let mut month_of = Vec::with_capacity(s.days as usize);
        let monday_offset = s.start.days_from_monday();
        for d in 0..s.days {
            let date = s.start.plus_days(i64::from(d));
            week_of.push((i64::from(d) + monday_offset).div_euclid(7));
            month_of.push(i64::from(date.year()) * 12 + i64::from(date.month()));
        }
        Ok(Model {
            s,
            share_of_net: matches!(s.channels[0].card.creator, CreatorTerms::ShareOfNet { .. }),
            channels,
            rules_by_age,
            week_of,
            month_of,
        })
    }
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
}

/// Scratch space reused from viewer to viewer.
#[derive(Debug, Default)]
pub struct Scratch {
    lots: Vec<Lot>,
    /// For the gift being decided: `share_at(cost, coins, spent + take)` of each lot it touches.
    cost_to: Vec<i64>,
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

    fn viewer(&self, run: u64, viewer: u64, t: &mut Totals, scratch: &mut Scratch) -> Result<()> {
        let s = self.s;
        let mut rng = Rng::stream(s.seed, run, viewer);
        let segment = s.segment_alias.sample(&mut rng);
        let group = s.age_alias.sample(&mut rng);
        t.by_age[group].viewers += 1;
        let seg = &s.segments[segment];
        let Some(budget) = seg.budget else {
            return Ok(());
        };
        let channel = &self.channels[s.channel_alias.sample(&mut rng)];
        let Some((mix, top_up)) = &channel.mixes[segment] else {
            return Ok(());
        };
        let ages = &s.ages[group];
        let age = ages.min_age + rng.below(u64::from(ages.max_age - ages.min_age)) as u32;
        let rules = &self.rules_by_age[age.min(crate::caps::MAX_AGE) as usize];
        let monthly = sample_budget(budget, &mut rng);
        let horizon = monthly as f64 * f64::from(s.days) / 30.0 * channel.demand_factor;
        let budget = libm::round(horizon).clamp(0.0, 1e15) as i64;
        let creator = s.creator_alias.sample(&mut rng);
        t.spenders += 1;
        t.budgets += budget;
        t.by_age[group].spenders += 1;

        scratch.lots.clear();
        scratch.caps.clear();
        scratch.caps.extend(rules.caps.iter().map(|c| CapState {
            window_id: i64::MIN,
            ring: vec![0; c.length as usize],
            ring_day: -1,
            last_fired: vec![i64::MIN / 2; c.boundaries.len()],
            ..CapState::default()
        }));
        let mut head = 0usize;
        let mut held = 0u64;
        let mut remaining = budget;
        let mut diamonds = 0u64;
        let mut basis = 0i64;
        let mut exhausted = false;
        for day in 0..s.days {
            if exhausted {
                break;
            }
            if !rng.chance(seg.p_active) {
                continue;
            }
            let d = day as usize;
            let mut buys_today = 0u32;
            let gifts = rng.poisson_with(seg.gifts_per_day);
            'gifts: for _ in 0..gifts {
                let choice = mix.alias.sample(&mut rng);
                let need = mix.coins[choice];
                while held < need {
                    let target = (*top_up).min(remaining);
                    let offer = match channel.best_for(target, false)? {
                        Some(o) => Some(o),
                        None => channel
                            .cheapest
                            .filter(|c| c.split.viewer_pays.minor() <= remaining),
                    };
                    let Some(offer) = offer else {
                        exhausted = true;
                        break 'gifts;
                    };
                    let pays = offer.split.viewer_pays.minor();
                    let outcome =
                        self.check(rules, scratch, Action::Buy, pays, day, buys_today, &mut rng)?;
                    if outcome == Outcome::Block {
                        // The viewer gives that money up and stops for the day.
                        remaining -= pays;
                        t.blocked_spend += pays;
                        t.by_age[group].blocked_spend += pays;
                        t.by_day[d].blocked += pays;
                        break 'gifts;
                    }
                    if outcome == Outcome::Warn {
                        t.warnings += 1;
                        t.by_age[group].warnings += 1;
                        t.by_day[d].warnings += 1;
                    }
                    buys_today += 1;
                    remaining -= pays;
                    held += offer.coins;
                    let sp = offer.split;
                    scratch.lots.push(Lot {
                        coins: offer.coins,
                        spent: 0,
                        cost: pays,
                        net: sp.net.minor(),
                        after_store: sp.after_store.minor(),
                        cost_spent: 0,
                        basis_spent: 0,
                    });
                    t.spend += pays;
                    t.tax += sp.tax.minor();
                    t.store_fees += sp.store_fee.minor();
                    t.payment_fees += sp.payment_fee.minor();
                    t.purchases += 1;
                    t.coins_bought += offer.coins;
                    t.by_age[group].spend += pays;
                    t.by_day[d].spend += pays;
                }
                // The gift's value: what its coins cost, first in first out.
                let mut value = 0i64;
                let mut left = need;
                scratch.cost_to.clear();
                for lot in &scratch.lots[head..] {
                    if left == 0 {
                        break;
                    }
                    let take = (lot.coins - lot.spent).min(left);
                    let cost_to = share_at(lot.cost, lot.coins, lot.spent + take)?;
                    value += cost_to - lot.cost_spent;
                    scratch.cost_to.push(cost_to);
                    left -= take;
                }
                let outcome = self.check(
                    rules,
                    scratch,
                    Action::Gift,
                    value,
                    day,
                    buys_today,
                    &mut rng,
                )?;
                if outcome == Outcome::Block {
                    t.blocked_gifts += value;
                    t.by_age[group].blocked_gifts += value;
                    t.by_day[d].blocked += value;
                    break 'gifts;
                }
                if outcome == Outcome::Warn {
                    t.warnings += 1;
                    t.by_age[group].warnings += 1;
                    t.by_day[d].warnings += 1;
                }
                let mut left = need;
                for (lot, &cost_to) in scratch.lots[head..].iter_mut().zip(&scratch.cost_to) {
                    let take = (lot.coins - lot.spent).min(left);
                    lot.spent += take;
                    lot.cost_spent = cost_to;
                    if self.share_of_net {
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
                diamonds += mix.diamonds[choice];
                t.gifts += 1;
                t.coins_gifted += need;
                t.gifted += value;
                t.by_day[d].gifted += value;
            }
        }
        for lot in &scratch.lots {
            let spent_net = share_at(lot.net, lot.coins, lot.spent)?;
            t.net_spent += spent_net;
            t.unspent_net += lot.net - spent_net;
        }
        t.creator_diamonds[creator] += diamonds;
        t.creator_basis[creator] += basis;
        Ok(())
    }

    /// Checks one event of `value` (minor units of the spending currency) against the viewer's
    /// rules and records it unless it is blocked.
    #[allow(clippy::too_many_arguments)]
    fn check(
        &self,
        rules: &AgeRules,
        scratch: &mut Scratch,
        action: Action,
        value: i64,
        day: u32,
        buys_today: u32,
        rng: &mut Rng,
    ) -> Result<Outcome> {
        let mut outcome = Outcome::Ok;
        match action {
            Action::Buy if !rules.may_buy => return Ok(Outcome::Block),
            Action::Gift if !rules.may_gift => return Ok(Outcome::Block),
            _ => {}
        }
        if action == Action::Buy {
            if rules.guardian && !rng.chance(self.s.approval_rate) {
                return Ok(Outcome::Block);
            }
            if let Some((per_day, hard)) = rules.per_day {
                if buys_today >= per_day {
                    if hard {
                        return Ok(Outcome::Block);
                    }
                    outcome = Outcome::Warn;
                }
            }
        }
        // Most viewers have no cap on most actions: convert to the rules' currency only when
        // a cap will count it.
        if !rules.caps.iter().any(|c| c.action == action) {
            return Ok(outcome);
        }
        let amount = self.s.to_rules.apply(value, RoundingPoint::Exchange)?;
        let day = i64::from(day);
        // First pass: decide; nothing is recorded for a blocked event.
        for (spec, state) in rules.caps.iter().zip(scratch.caps.iter_mut()) {
            if spec.action != action {
                continue;
            }
            let before = self.used_before(spec, state, day);
            let after = before + amount;
            if after > spec.limit {
                if spec.hard {
                    return Ok(Outcome::Block);
                }
                outcome = Outcome::Warn;
            } else if spec.window != WindowKind::Transaction
                && spec
                    .boundaries
                    .iter()
                    .enumerate()
                    .any(|(j, &b)| before < b && b <= after && !fired(spec, state, j, day))
            {
                outcome = Outcome::Warn;
            }
        }
        // Second pass: record.
        for (spec, state) in rules.caps.iter().zip(scratch.caps.iter_mut()) {
            if spec.action != action || spec.window == WindowKind::Transaction {
                continue;
            }
            let before = self.used_before(spec, state, day);
            let after = before + amount;
            for (j, &b) in spec.boundaries.iter().enumerate() {
                if before < b && b <= after && !fired(spec, state, j, day) {
                    if spec.length > 1 {
                        state.last_fired[j] = day;
                    } else {
                        state.fired |= 1 << j;
                    }
                }
            }
            if spec.length > 1 {
                let slot = (day % i64::from(spec.length)) as usize;
                state.ring[slot] += amount;
            } else {
                state.used += amount;
            }
        }
        Ok(outcome)
    }

    /// Usage of a cap's window on `day` before a new event, rolling the window forward.
    fn used_before(&self, spec: &CapSpec, state: &mut CapState, day: i64) -> i64 {
        let d = day as usize;
        match spec.window {
            WindowKind::Transaction => 0,
            WindowKind::Rolling7d | WindowKind::Rolling30d => {
                let len = i64::from(spec.length);
                // Clear the slots of days that left the window since the last event.
                let from = (state.ring_day + 1).max(day - len + 1);
                for past in from..=day {
                    state.ring[(past.rem_euclid(len)) as usize] = 0;
                }
                state.ring_day = state.ring_day.max(day);
                state.ring.iter().sum()
            }
            kind => {
                let id = match kind {
                    WindowKind::CalendarWeek => self.week_of[d],
                    WindowKind::CalendarMonth => self.month_of[d],
                    _ => day,
                };
                if id != state.window_id {
                    state.window_id = id;
                    state.used = 0;
                    state.fired = 0;
                }
                state.used
            }
        }
    }
}

fn fired(spec: &CapSpec, state: &CapState, j: usize, day: i64) -> bool {
    if spec.length > 1 {
        day - state.last_fired[j] < i64::from(spec.length)
    } else {
        state.fired & (1 << j) != 0
    }
}

/// A budget for 30 days, in minor units.
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
