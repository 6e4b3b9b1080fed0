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
use super::scenario::{Budget, Scenario};
use crate::caps::Action;
use crate::error::Result;
use crate::lots::share_at;
use channel::Channel;
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

/// Per-age-group totals.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgeTotals {
    /// Viewers in the group.
    pub viewers: u128,
    /// Viewers with a budget.
    pub spenders: u128,
    /// Money paid.
    pub spend: i128,
    /// Money of blocked purchases.
    pub blocked_spend: i128,
    /// Value of blocked gifts.
    pub blocked_gifts: i128,
    /// Events that warned.
    pub warnings: u128,
}

/// Everything one run (or part of one) adds up, in minor units and counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    /// Viewers with a budget.
    pub spenders: u128,
    /// What spenders were willing to spend over the horizon.
    pub budgets: i128,
    /// What viewers paid.
    pub spend: i128,
    /// Tax.
    pub tax: i128,
    /// Store fees.
    pub store_fees: i128,
    /// Payment fees.
    pub payment_fees: i128,
    /// Net of coins gifted.
    pub net_spent: i128,
    /// Net of coins bought and not gifted.
    pub unspent_net: i128,
    /// Purchases made.
    pub purchases: u128,
    /// Gifts sent.
    pub gifts: u128,
    /// Coins bought.
    pub coins_bought: u128,
    /// Coins gifted.
    pub coins_gifted: u128,
    /// Value of gifts sent.
    pub gifted: i128,
    /// Money of blocked purchases.
    pub blocked_spend: i128,
    /// Value of blocked gifts.
    pub blocked_gifts: i128,
    /// Events that warned.
    pub warnings: u128,
    /// By age group.
    pub by_age: Vec<AgeTotals>,
    /// By day.
    pub by_day: Vec<DayTotals>,
    /// Diamonds per creator.
    pub creator_diamonds: Vec<u128>,
    /// Share-of-net base per creator (price after tax and store fee of the coins gifted).
    pub creator_basis: Vec<i128>,
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

/// Prepared state shared by every viewer of a run.
pub struct Model<'a> {
    s: &'a Scenario,
    channels: Vec<Channel>,
    rules: DayRules,
    /// True when creators earn a share of net (the basis of each gift is then needed).
    share_of_net: bool,
}

impl<'a> Model<'a> {
    /// Prepares channels, rules and calendars.
    pub fn new(s: &'a Scenario) -> Result<Model<'a>> {
        let channels = s
            .channels
            .iter()
            .map(|c| Channel::new(c, s))
            .collect::<Result<Vec<_>>>()?;
        Ok(Model {
            s,
            share_of_net: matches!(
                s.channels[0].card.creator,
                crate::rate_card::CreatorTerms::ShareOfNet { .. }
            ),
            channels,
            rules: DayRules::new(&s.rules, s.region.as_deref(), s.start, s.days, s.to_rules)?,
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
        let rules = self.rules.for_age(age);
        let monthly = sample_budget(budget, &mut rng);
        let horizon = monthly as f64 * f64::from(s.days) / 30.0 * channel.demand_factor;
        let budget = libm::round(horizon).clamp(0.0, MAX_VIEWER_BUDGET) as i64;
        let creator = s.creator_alias.sample(&mut rng);
        t.spenders += 1;
        t.budgets += i128::from(budget);
        t.by_age[group].spenders += 1;
        if seg.p_active <= 0.0 {
            // Never active: no day would draw anything else.
            return Ok(());
        }

        scratch.lots.clear();
        rules.reset(&mut scratch.caps);
        let approval_rate = s.approval_rate;
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
                        None => channel.cheapest.filter(|c| c.pays <= remaining),
                    };
                    let Some(offer) = offer else {
                        exhausted = true;
                        break 'gifts;
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
                        remaining -= pays;
                        t.blocked_spend += i128::from(pays);
                        t.by_age[group].blocked_spend += i128::from(pays);
                        t.by_day[d].blocked += i128::from(pays);
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
                    scratch.lots.push(Lot {
                        coins: offer.coins,
                        spent: 0,
                        cost: pays,
                        net: offer.net,
                        after_store: offer.after_store,
                        cost_spent: 0,
                        basis_spent: 0,
                    });
                    t.spend += i128::from(pays);
                    t.tax += i128::from(offer.tax);
                    t.store_fees += i128::from(offer.store_fee);
                    t.payment_fees += i128::from(offer.payment_fee);
                    t.purchases += 1;
                    t.coins_bought += u128::from(offer.coins);
                    t.by_age[group].spend += i128::from(pays);
                    t.by_day[d].spend += i128::from(pays);
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
                    t.blocked_gifts += i128::from(value);
                    t.by_age[group].blocked_gifts += i128::from(value);
                    t.by_day[d].blocked += i128::from(value);
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
                t.coins_gifted += u128::from(need);
                t.gifted += i128::from(value);
                t.by_day[d].gifted += i128::from(value);
            }
        }
        for lot in &scratch.lots {
            let spent_net = share_at(lot.net, lot.coins, lot.spent)?;
            t.net_spent += i128::from(spent_net);
            t.unspent_net += i128::from(lot.net - spent_net);
        }
        t.creator_diamonds[creator] += u128::from(diamonds);
        t.creator_basis[creator] += i128::from(basis);
        Ok(())
    }
}

/// The largest budget one viewer is given over the horizon, in minor units.
const MAX_VIEWER_BUDGET: f64 = 1e15;

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
