//! A dated plan of purchases and gifts for one person, run through a rule set in time order:
//! what each event would be allowed, warned or blocked by, with its money converted into the
//! rules' currency at the stated rate; the totals; and what can still be spent.
//!
//! - [`input`]: the plan as JSON writes it, and the events it becomes;
//! - [`verdict`]: what the plan answers.
//!
//! Coins keep their cost: purchases become lots, gifts spend them first in first out
//! ([`crate::lots`]), so a gift is valued at what its coins really cost.

pub mod input;
pub mod rules;
pub mod verdict;

use crate::caps::check::{
    self, hide_bounds, rule_check, Check, Checker, Headroom, Level, MessageCode, Person, Verdict,
};
use crate::caps::{Action, MinAge, RuleSet};
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::flow;
use crate::lots::{Lot, Wallet};
use crate::money::{ExchangeRates, Money};
use crate::rate_card::RateCard;
use crate::time_zone::{Date, Instant};
use rules::Rules;
use std::cell::OnceCell;
use verdict::{Amount, EventVerdict, PersonOut, PlanSummary, Spendable, StillSpendable};

/// An event with its money resolved as far as it can be before the rules run.
#[derive(Debug, Clone)]
pub struct Event {
    /// Position in the input.
    pub index: usize,
    /// Which occurrence of a repeating event, from 1.
    pub occurrence: Option<u32>,
    /// When.
    pub at: Instant,
    /// What happens.
    pub kind: EventKind,
    /// A guardian approved it.
    pub approved: bool,
    /// The caller's note, echoed.
    pub note: Option<String>,
}

/// What an event does.
#[derive(Debug, Clone)]
pub enum EventKind {
    /// Money spent on coins, in the currency paid; with a rate card, the coins it buys.
    Buy {
        /// What was paid.
        amount: Money,
        /// The coins it bought, as lots (none without a rate card).
        lots: Vec<Lot>,
    },
    /// A catalogue gift (or unnamed coins sent) costing `coins`, valued first-in-first-out.
    Gift {
        /// Gift id, for a catalogue gift.
        id: Option<String>,
        /// Coins it costs.
        coins: u64,
    },
    /// A tip of money.
    Tip {
        /// What was tipped.
        amount: Money,
    },
}

/// What running a plan answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The person as the rules see them.
    pub person: PersonOut,
    /// One verdict per event, in input order.
    pub verdicts: Vec<EventVerdict>,
    /// Totals.
    pub summary: PlanSummary,
    /// The most that can still be spent at the end of the plan (or at `now`).
    pub can_still_spend: StillSpendable,
    /// Events each rule set was applied to, in the order of [`Rules::sets`].
    pub applied: Vec<usize>,
    /// Whether each rule set applies at the moment asked about, in the same order.
    pub applies_now: Vec<bool>,
}

/// How a plan is run: its pricing, and whether its times are real.
pub struct Run<'a> {
    /// The rules.
    pub rules: &'a Rules,
    /// The rate card coins are bought on, if any.
    pub card: Option<&'a RateCard>,
    /// The stated exchange rates.
    pub rates: &'a ExchangeRates,
    /// The card's optimizer, built once for the plan (the events' purchases share it).
    pub optimizer: &'a OnceCell<crate::presets::CardOptimizer>,
    /// The moment for "what can still be spent" (default: the last event).
    pub now: Option<Instant>,
    /// False when the times are not real (a quote checked without a date): no window bounds
    /// are given then.
    pub show_windows: bool,
    /// The events took place (an imported history): each counts toward the limits whatever
    /// its verdict, so a verdict says whether the rules would have stopped it.
    pub happened: bool,
}

impl Run<'_> {
    /// Runs `events` for `person`, in time order (ties in input order).
    // Not inlined: `plan` and `quote` both call it, and the calculator's WebAssembly carries it once.
    #[inline(never)]
    pub fn events(&self, person: Person, events: &[Event]) -> Result<Outcome> {
        let cur = self.rules.currency();
        let zone = person.zone.clone();
        let sets = self.rules.sets(&person);
        let mut checkers: Vec<Checker> = sets
            .iter()
            .map(|(set, p)| Checker::new(set, p.clone()))
            .collect();
        let mut applied = vec![0usize; sets.len()];
        let mut wallet = Wallet::default();
        // Positions in `events`, in time order (ties in input order).
        let mut order: Vec<(usize, &Event)> = events.iter().enumerate().collect();
        crate::sort::sort_by_key(&mut order, |(p, e)| (e.at, *p));
        let mut verdicts: Vec<Option<EventVerdict>> = vec![None; events.len()];
        let mut summary = PlanSummary {
            events: events.len(),
            ok: 0,
            warn: 0,
            block: 0,
            bought: Money::zero(cur),
            gifted: Money::zero(cur),
            blocked: Money::zero(cur),
            first_block: None,
            first_block_at: None,
        };
        for &(position, e) in &order {
            let event_path = index("events", e.index);
            let (action, paid, coins, gift) = match &e.kind {
                EventKind::Buy { amount, lots } => (
                    Action::Buy,
                    *amount,
                    Some(lots.iter().map(|l| l.coins).sum::<u64>()).filter(|c| *c > 0),
                    None,
                ),
                EventKind::Tip { amount } => (Action::Gift, *amount, None, None),
                EventKind::Gift { id, coins } => {
                    let value = match wallet.peek_cost(*coins)? {
                        Some(cost) => cost,
                        None => {
                            let card = self.card.ok_or_else(|| {
                                Error::new(
                                    ErrorCode::MissingField,
                                    "rate_card",
                                    "a catalogue gift needs a `rate_card` to price it",
                                )
                            })?;
                            self.shortfall_value(card, &wallet, *coins)?
                        }
                    };
                    (Action::Gift, value, Some(*coins), id.clone())
                }
            };
            let money_path = join(
                &event_path,
                match &e.kind {
                    EventKind::Buy { .. } => "buy.amount",
                    EventKind::Tip { .. } => "gift.amount",
                    EventKind::Gift { id: Some(_), .. } => "gift.gift",
                    EventKind::Gift { id: None, .. } => "gift.coins",
                },
            );
            let counted = self.rates.convert(paid, cur, &money_path)?;
            let date = zone.date_of(e.at);
            let mut per_set: Vec<Option<(Money, Verdict)>> = Vec::with_capacity(sets.len());
            for (i, (set, _)) in sets.iter().enumerate() {
                checkers[i].on_date(date);
                if !self.rules.applies(set, date) {
                    per_set.push(None);
                    continue;
                }
                let amount = self.amount_for(set, paid, counted, &money_path)?;
                per_set.push(Some((
                    amount,
                    checkers[i].evaluate(action, amount, e.at, e.approved)?,
                )));
                applied[i] += 1;
            }
            let mut verdict = if per_set.iter().any(Option::is_some) {
                Verdict::merge(per_set.iter().flatten().map(|(_, v)| v))
            } else {
                let idle: Vec<String> = sets
                    .iter()
                    .filter_map(|(set, _)| {
                        set.scope
                            .status_on(date)
                            .map(|st| format!("{} is {} then", set.id, st.words()))
                    })
                    .collect();
                Verdict::single(no_rules(&person, date, &idle))
            };
            if let EventKind::Gift { coins, .. } = &e.kind {
                let held = wallet.balance();
                // A history that happened may begin after coins bought earlier: no block then.
                if held < *coins && !self.happened {
                    verdict.push(not_enough_coins(*coins, held));
                }
            }
            let counts = verdict.level != Level::Block || self.happened;
            if counts {
                for (checker, (amount, v)) in checkers
                    .iter_mut()
                    .zip(&per_set)
                    .filter_map(|(c, p)| p.as_ref().map(|p| (c, p)))
                {
                    checker.commit(action, *amount, e.at, v);
                }
                match &e.kind {
                    EventKind::Buy { lots, .. } => lots.iter().for_each(|l| wallet.add(*l)),
                    EventKind::Gift { coins, .. } => {
                        wallet.spend((*coins).min(wallet.balance()))?;
                    }
                    EventKind::Tip { .. } => {}
                }
            }
            match verdict.level {
                Level::Ok => summary.ok += 1,
                Level::Warn => summary.warn += 1,
                Level::Block => {
                    summary.block += 1;
                    summary.first_block.get_or_insert(e.index);
                    if summary.first_block_at.is_none() {
                        summary.first_block_at = Some(zone.format(e.at));
                    }
                    summary.blocked = summary.blocked.checked_add(counted)?;
                }
            }
            if counts {
                match action {
                    Action::Buy => summary.bought = summary.bought.checked_add(counted)?,
                    Action::Gift => summary.gifted = summary.gifted.checked_add(counted)?,
                }
            }
            let mut checks = verdict.checks.clone();
            if !self.show_windows {
                for c in &mut checks {
                    hide_bounds(&mut c.window);
                }
            }
            let decided = checks[verdict.deciding].clone();
            let paid_out = match (
                paid.currency() != cur,
                self.rates.stated(paid.currency(), cur),
            ) {
                (true, Some(exchange_rate)) => Some(Amount {
                    amount: paid,
                    currency: paid.currency(),
                    exchange_rate,
                }),
                _ => None,
            };
            verdicts[position] = Some(EventVerdict {
                index: e.index,
                occurrence: e.occurrence,
                at: zone.format(e.at),
                action,
                gift,
                coins,
                amount: counted,
                paid: paid_out,
                decided,
                checks,
                note: e.note.clone(),
            });
        }
        let now = match (self.now, order.last()) {
            (Some(n), _) => n,
            (None, Some((_, last))) => last.at,
            (None, None) => {
                return Err(Error::new(
                    ErrorCode::MissingField,
                    "now",
                    "with no events, give `now` to ask what can be spent",
                ))
            }
        };
        let today = zone.date_of(now);
        checkers.iter_mut().for_each(|c| c.on_date(today));
        let age = person
            .born
            .map_or(person.age, |born| check::age_on(born, today));
        let applies_now: Vec<bool> = sets
            .iter()
            .map(|(set, _)| self.rules.applies(set, today))
            .collect();
        let active: Vec<(&RuleSet, &Checker)> = sets
            .iter()
            .zip(&checkers)
            .zip(&applies_now)
            .filter(|(_, applies)| **applies)
            .map(|(((set, _), c), _)| (*set, c))
            .collect();
        let spendable = |action| -> Result<Spendable> {
            let mut s = Spendable {
                without_block: self.headroom(&active, action, now, true, cur)?,
                without_warning: self.headroom(&active, action, now, false, cur)?,
            };
            if !self.show_windows {
                hide_bounds(&mut s.without_block.window);
                hide_bounds(&mut s.without_warning.window);
            }
            Ok(s)
        };
        let min_age = active.iter().fold(MinAge::default(), |m, (_, c)| {
            let a = c.min_age();
            MinAge {
                buy: m.buy.max(a.buy),
                gift: m.gift.max(a.gift),
                receive: m.receive.max(a.receive),
            }
        });
        let bracket = active.iter().find_map(|(set, c)| {
            c.bracket().map(|b| match self.rules {
                Rules::One(_) => format!("{} ({})", b.id, b.describe()),
                Rules::ByDate { .. } => format!("{}: {} ({})", set.id, b.id, b.describe()),
            })
        });
        Ok(Outcome {
            person: PersonOut {
                age,
                birth_date: person.born.map(|b| b.to_string()),
                region: person.region.clone(),
                time_zone: zone.name().to_string(),
                bracket,
                min_age,
                may_buy: age >= min_age.buy,
                may_gift: age >= min_age.gift,
                may_receive: age >= min_age.receive,
            },
            verdicts: verdicts.into_iter().flatten().collect(),
            summary,
            can_still_spend: StillSpendable {
                at: zone.format(now),
                buy: spendable(Action::Buy)?,
                gift: spendable(Action::Gift)?,
            },
            applied,
            applies_now,
        })
    }

    /// The amount `set` counts: the plan's counted amount in the plan's currency, else `paid`
    /// converted at the stated rates. A set without caps counts no money, so it needs no rate.
    fn amount_for(&self, set: &RuleSet, paid: Money, counted: Money, path: &str) -> Result<Money> {
        if set.currency == counted.currency() {
            Ok(counted)
        } else if set.brackets.iter().all(|b| b.caps.is_empty()) {
            Ok(Money::zero(set.currency))
        } else {
            self.rates.convert(paid, set.currency, path)
        }
    }

    /// Room `a` left under a set's cap, in the plan's currency: the converted amount, lowered by
    /// a minor unit while converting it back would pass `a` (an exchange rounds half away from
    /// zero, so room rounded up could be blocked when spent).
    fn room_in(&self, a: Money, cur: crate::money::Currency) -> Result<Money> {
        let mut room = self.rates.convert(a, cur, "exchange_rates")?;
        for _ in 0..4 {
            if room.minor() <= 0
                || self
                    .rates
                    .convert(room, a.currency(), "exchange_rates")?
                    .minor()
                    <= a.minor()
            {
                break;
            }
            room = Money::from_minor(room.minor() - 1, cur);
        }
        Ok(room)
    }

    /// The least headroom of the sets in force at `now`, in the plan's currency.
    fn headroom(
        &self,
        active: &[(&RuleSet, &Checker)],
        action: Action,
        now: Instant,
        hard_only: bool,
        cur: crate::money::Currency,
    ) -> Result<Headroom> {
        let mut best: Option<Headroom> = None;
        let mut approval = false;
        for (_, checker) in active {
            let mut h = checker.headroom(action, now, hard_only)?;
            approval |= h.needs_guardian_approval;
            if let Some(a) = h.amount {
                // Nothing left needs no rate (a set without caps only ever answers zero).
                h.amount = Some(if a.minor() == 0 {
                    Money::zero(cur)
                } else {
                    self.room_in(a, cur)?
                });
            }
            let tighter = match (&best, h.amount) {
                (None, _) => true,
                (Some(b), Some(a)) => b.amount.is_none_or(|bm| a.minor() < bm.minor()),
                (Some(_), None) => false,
            };
            if tighter {
                best = Some(h);
            }
        }
        let mut out = best.unwrap_or(Headroom {
            amount: None,
            rule_set: None,
            limited_by: None,
            window: None,
            next_allowed_at: None,
            needs_guardian_approval: false,
        });
        out.needs_guardian_approval = approval;
        Ok(out)
    }

    /// What a gift the wallet cannot cover stands for: the coins held at what they cost, plus
    /// the cheapest purchase of the missing coins on the card.
    fn shortfall_value(&self, card: &RateCard, wallet: &Wallet, coins: u64) -> Result<Money> {
        let held = wallet.balance();
        let held_cost = match wallet.peek_cost(held)? {
            Some(cost) if cost.currency() == card.currency => cost,
            _ => Money::zero(card.currency),
        };
        let optimizer = self
            .optimizer
            .get_or_init(|| crate::presets::open_optimizer(card));
        let missing = flow::ledger(card, &optimizer.cheapest(coins - held), &[])?.viewer_pays;
        held_cost.checked_add(missing)
    }
}

/// The check of an event on a date no rule of the registry covers; `idle` says why each set
/// that covers the region does not apply then.
fn no_rules(person: &Person, date: Date, idle: &[String]) -> Check {
    let region = person.region.as_deref().unwrap_or("this region");
    let why = if idle.is_empty() {
        String::new()
    } else {
        format!(" ({})", idle.join("; "))
    };
    Check {
        details: crate::caps::check::details([("date", date.to_string().into())]),
        ..rule_check(
            Level::Ok,
            "no-rules",
            MessageCode::NoRulesApply,
            format!("No rule giftsim knows of holds in {region} on {date} for this purchase{why}."),
        )
    }
}

/// The check of a gift that needs more coins than are held.
fn not_enough_coins(needed: u64, held: u64) -> Check {
    Check {
        details: crate::caps::check::details([("needed", needed.into()), ("held", held.into())]),
        ..rule_check(
            Level::Block,
            "coins",
            MessageCode::NotEnoughCoins,
            format!(
                "This gift needs {} but only {} held from earlier purchases in the plan.",
                crate::words::coins(needed),
                crate::words::count(held, "coin is", "coins are")
            ),
        )
    }
}
