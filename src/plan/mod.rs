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
pub mod verdict;

use crate::bundles::Optimizer;
use crate::caps::check::{hide_bounds, rule_check, Check, Checker, Level, MessageCode, Person};
use crate::caps::{Action, RuleSet};
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::flow;
use crate::lots::{Lot, Wallet};
use crate::money::{ExchangeRates, Money};
use crate::rate_card::RateCard;
use crate::time_zone::Instant;
use std::cell::OnceCell;
use verdict::{Amount, EventVerdict, PersonOut, PlanSummary, Spendable, StillSpendable};

/// An event with its money resolved as far as it can be before the rules run.
#[derive(Debug, Clone)]
pub struct Event {
    /// Position in the input.
    pub index: usize,
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
    /// A catalogue gift costing `coins`, valued first-in-first-out.
    Gift {
        /// Gift id.
        id: String,
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
}

/// How a plan is run: its pricing, and whether its times are real.
pub struct Run<'a> {
    /// The rules.
    pub rules: &'a RuleSet,
    /// The rate card coins are bought on, if any.
    pub card: Option<&'a RateCard>,
    /// The stated exchange rates.
    pub rates: &'a ExchangeRates,
    /// The card's optimizer, built once for the plan (the events' purchases share it).
    pub optimizer: &'a OnceCell<Optimizer>,
    /// The moment for "what can still be spent" (default: the last event).
    pub now: Option<Instant>,
    /// False when the times are not real (a quote checked without a date): no window bounds
    /// are given then.
    pub show_windows: bool,
}

impl Run<'_> {
    /// Runs `events` for `person`, in time order (ties in input order).
    pub fn events(&self, person: Person, events: &[Event]) -> Result<Outcome> {
        let cur = self.rules.currency;
        let zone = person.zone.clone();
        let mut checker = Checker::new(self.rules, person.clone());
        let mut wallet = Wallet::default();
        let mut order: Vec<&Event> = events.iter().collect();
        crate::sort::sort_by_key(&mut order, |e| (e.at, e.index));
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
        };
        for e in &order {
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
                    (Action::Gift, value, Some(*coins), Some(id.clone()))
                }
            };
            let money_path = join(
                &event_path,
                match &e.kind {
                    EventKind::Buy { .. } => "buy.amount",
                    EventKind::Tip { .. } => "gift.amount",
                    EventKind::Gift { .. } => "gift.gift",
                },
            );
            let counted = self.rates.convert(paid, cur, &money_path)?;
            let mut verdict = checker.evaluate(action, counted, e.at, e.approved)?;
            if let EventKind::Gift { coins, .. } = &e.kind {
                let held = wallet.balance();
                if held < *coins {
                    verdict.push(not_enough_coins(*coins, held));
                }
            }
            checker.commit(action, counted, e.at, &verdict);
            if verdict.level != Level::Block {
                match &e.kind {
                    EventKind::Buy { lots, .. } => lots.iter().for_each(|l| wallet.add(*l)),
                    EventKind::Gift { coins, .. } => {
                        wallet.spend(*coins)?;
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
                    summary.blocked = summary.blocked.checked_add(counted)?;
                }
            }
            if verdict.level != Level::Block {
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
            verdicts[e.index] = Some(EventVerdict {
                index: e.index,
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
            (None, Some(last)) => last.at,
            (None, None) => {
                return Err(Error::new(
                    ErrorCode::MissingField,
                    "now",
                    "with no events, give `now` to ask what can be spent",
                ))
            }
        };
        let spendable = |action| -> Result<Spendable> {
            let mut s = Spendable {
                without_block: checker.headroom(action, now, true)?,
                without_warning: checker.headroom(action, now, false)?,
            };
            if !self.show_windows {
                hide_bounds(&mut s.without_block.window);
                hide_bounds(&mut s.without_warning.window);
            }
            Ok(s)
        };
        let min_age = checker.min_age();
        Ok(Outcome {
            person: PersonOut {
                age: person.age,
                region: person.region.clone(),
                time_zone: zone.name().to_string(),
                bracket: checker
                    .bracket()
                    .map(|b| format!("{} ({})", b.id, b.describe())),
                min_age,
                may_buy: person.age >= min_age.buy,
                may_gift: person.age >= min_age.gift,
                may_receive: person.age >= min_age.receive,
            },
            verdicts: verdicts.into_iter().flatten().collect(),
            summary,
            can_still_spend: StillSpendable {
                at: zone.format(now),
                buy: spendable(Action::Buy)?,
                gift: spendable(Action::Gift)?,
            },
        })
    }

    /// What a gift the wallet cannot cover stands for: the coins held at what they cost, plus
    /// the cheapest purchase of the missing coins on the card.
    fn shortfall_value(&self, card: &RateCard, wallet: &Wallet, coins: u64) -> Result<Money> {
        let held = wallet.balance();
        let held_cost = match wallet.peek_cost(held)? {
            Some(cost) if cost.currency() == card.currency => cost,
            _ => Money::zero(card.currency),
        };
        let optimizer = self.optimizer.get_or_init(|| Optimizer::for_card(card));
        let missing = flow::ledger(card, &optimizer.cheapest(coins - held), &[])?.viewer_pays;
        held_cost.checked_add(missing)
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
