//! A plan as JSON writes it (the person and the dated events), and how it becomes the plan's
//! own terms: a [`Person`] with a time zone, and [`Event`]s whose money is resolved as far as
//! it can be before the rules run.

use super::{Event, EventKind};
use crate::bundles::{check_target, Optimizer, MAX_TARGET_COINS};
use crate::caps::check::Person;
use crate::caps::{self, RuleSet};
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::flow;
use crate::lots::Lot;
use crate::money::{Currency, ExchangeRates, Money};
use crate::rate_card::RateCard;
use crate::time_zone::{Date, Instant, Zone};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::cell::OnceCell;

/// Most events in one plan.
pub const MAX_EVENTS: usize = 10_000;

/// The person the plan is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonInput {
    /// Age in whole years, the same on every date (give this or `birth_date`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    /// Date of birth, `YYYY-MM-DD`: the age is then counted on each event's date, and the
    /// rules for that age apply (an imported history spanning a birthday).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    /// ISO 3166-1 alpha-2 country (`KR`) or ISO 3166-2 US state (`US-TX`), for regional
    /// rules; `"rule_set": "auto"` needs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Time zone for calendar windows: an IANA name (`Europe/Athens`), `UTC`, an offset
    /// (`+08:00`) or a POSIX rule (default: the rule set's, else UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// A guardian approved every purchase in advance.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub guardian_approved: bool,
}

/// A purchase of coins: an amount of money, or a number of coins priced on the rate card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BuyInput {
    /// Money spent, a decimal string. With a rate card it buys the most coins it can at the
    /// card's prices, after conversion at the stated exchange rate if it is in another currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    /// Currency of `amount` (default: the rate card's, else the rule set's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Coins bought at the rate card's cheapest mix (needs a rate card); with `amount` too, a
    /// purchase whose coins and price are both known (an imported history's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coins: Option<u64>,
}

/// A gift from the rate card's catalogue, or a tip of an amount of money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GiftEventInput {
    /// Gift id (needs a rate card; its coins come from earlier purchases, first in first out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift: Option<String>,
    /// How many of the gift (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// Coins sent as gifts that are not named (an imported history's), instead of `gift`;
    /// valued like a catalogue gift.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coins: Option<u64>,
    /// A tip of this much money instead of a catalogue gift.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    /// Currency of `amount` (default: the rate card's, else the rule set's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// One dated event: exactly one of `buy` and `gift`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventInput {
    /// When: an RFC 3339 timestamp (`2026-03-01T10:00:00+08:00`), or a wall-clock time in the
    /// person's time zone (`2026-03-01T10:00`; in the hour clocks go back, the earlier; in the
    /// hour they skip, as if the clocks had not moved yet).
    pub at: String,
    /// A purchase of coins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buy: Option<BuyInput>,
    /// A gift or tip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift: Option<GiftEventInput>,
    /// A guardian approved this purchase.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub guardian_approved: bool,
    /// A note, echoed in the verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The event happens again: every day, week or month at the same wall-clock time in the
    /// person's zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat: Option<RepeatInput>,
}

/// How often an event repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Every {
    /// Each day.
    Day,
    /// Each week, on the same weekday.
    Week,
    /// Each month, on the same day (or the month's last day when it is shorter).
    Month,
}

/// A repeating event: `times` occurrences in all, or every one up to and including `until`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RepeatInput {
    /// How often.
    pub every: Every,
    /// Occurrences in all, the first included (2 to 10,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u32>,
    /// The last day it may happen, `YYYY-MM-DD` in the person's zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
}

impl PersonInput {
    /// The person as the rules see them; `path` points at the person.
    pub fn resolve(&self, rules: &RuleSet, path: &str) -> Result<Person> {
        let zone = match &self.time_zone {
            Some(z) => Zone::parse(z, &join(path, "time_zone"))?,
            None => rules.zone()?,
        };
        self.resolve_in(zone, path)
    }

    /// The person, in `zone` (their own, already parsed, or a default); `path` points at them.
    pub fn resolve_in(&self, zone: Zone, path: &str) -> Result<Person> {
        let (age, born) = match (self.age, &self.birth_date) {
            (Some(_), Some(_)) => {
                return Err(Error::new(
                    ErrorCode::ConflictingFields,
                    join(path, "birth_date"),
                    "give the person's `age` or their `birth_date`, not both",
                ))
            }
            (None, None) => {
                return Err(Error::new(
                    ErrorCode::MissingField,
                    join(path, "age"),
                    "the person needs an `age` in whole years (or a `birth_date`)",
                ))
            }
            (Some(age), None) => {
                caps::check_age(Some(age), &join(path, "age"))?;
                (age, None)
            }
            (None, Some(text)) => (0, Some(parse_birth_date(text, &join(path, "birth_date"))?)),
        };
        if let Some(r) = &self.region {
            caps::validate_region(r, &join(path, "region"))?;
        }
        Ok(Person {
            age,
            born,
            region: self.region.clone(),
            zone,
            guardian_approved: self.guardian_approved,
        })
    }
}

/// A date of birth: `YYYY-MM-DD`, from 1900 on.
fn parse_birth_date(text: &str, path: &str) -> Result<Date> {
    Date::parse(text)
        .filter(|d| d.year() >= 1900)
        .ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidValue,
                path,
                format!(
                    "`{}` is not a date of birth like 2011-02-01",
                    text.chars().take(40).collect::<String>()
                ),
            )
        })
}

/// How the plan's events are read: wall-clock times in the person's zone; money with the rate
/// card (if any), the exchange rates, and the currency an amount without one is in.
pub struct Terms<'a> {
    /// The person's zone, for times written without an offset.
    pub zone: &'a Zone,
    /// The rate card coins are bought on.
    pub card: Option<&'a RateCard>,
    /// The stated exchange rates.
    pub rates: &'a ExchangeRates,
    /// The currency of amounts that name none: the card's, else the rules'.
    pub default_currency: Currency,
    /// The card's optimizer, built on the first purchase and shared by the rest (a plan may
    /// hold 10,000 top-ups).
    pub optimizer: OnceCell<crate::presets::CardOptimizer>,
}

impl Terms<'_> {
    fn optimizer(&self, card: &RateCard) -> &Optimizer {
        self.optimizer
            .get_or_init(|| crate::presets::open_optimizer(card))
    }
}

impl EventInput {
    /// The event in the plan's terms, once per occurrence when it repeats; `i` is its
    /// position, for error paths.
    pub fn resolve(&self, i: usize, terms: &Terms<'_>) -> Result<Vec<Event>> {
        let at_path = index("events", i);
        let at = terms.zone.parse_time(&self.at, &join(&at_path, "at"))?;
        let kind = match (&self.buy, &self.gift) {
            (Some(_), Some(_)) => {
                return Err(Error::new(
                    ErrorCode::ConflictingFields,
                    join(&at_path, "gift"),
                    "an event is either a `buy` or a `gift`, not both",
                ))
            }
            (None, None) => {
                return Err(Error::new(
                    ErrorCode::MissingField,
                    join(&at_path, "buy"),
                    "an event needs `buy` or `gift`",
                ))
            }
            (Some(b), None) => b.resolve(&join(&at_path, "buy"), terms)?,
            (None, Some(g)) => g.resolve(&join(&at_path, "gift"), terms)?,
        };
        let times = match &self.repeat {
            None => return Ok(vec![self.event(i, at, None, kind)]),
            Some(r) => r.times_from(at, terms.zone, &join(&at_path, "repeat"))?,
        };
        Ok(times
            .into_iter()
            .zip(1u32..)
            .map(|(t, k)| self.event(i, t, Some(k), kind.clone()))
            .collect())
    }

    fn event(&self, index: usize, at: Instant, occurrence: Option<u32>, kind: EventKind) -> Event {
        Event {
            index,
            occurrence,
            at,
            kind,
            approved: self.guardian_approved,
            note: self.note.clone(),
        }
    }
}

impl RepeatInput {
    /// Every occurrence from `first`, at its wall-clock time in `zone`; `path` points here.
    fn times_from(&self, first: Instant, zone: &Zone, path: &str) -> Result<Vec<Instant>> {
        let max = MAX_EVENTS as u32;
        let until = match (&self.times, &self.until) {
            (Some(_), Some(_)) => {
                return Err(Error::new(
                    ErrorCode::ConflictingFields,
                    join(path, "until"),
                    "repeat a number of `times` or `until` a date, not both",
                ))
            }
            (None, None) => {
                return Err(Error::new(
                    ErrorCode::MissingField,
                    join(path, "times"),
                    "say how many `times` the event happens, or `until` which date",
                ))
            }
            (Some(n), None) if !(2..=max).contains(n) => {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    join(path, "times"),
                    format!(
                        "an event repeats 2 to {} times in all",
                        crate::words::number(u64::from(max))
                    ),
                )
                .with("min", 2)
                .with("max", max))
            }
            (Some(_), None) => None,
            (None, Some(text)) => {
                let date = Date::parse(text).ok_or_else(|| {
                    Error::new(
                        ErrorCode::InvalidValue,
                        join(path, "until"),
                        format!(
                            "`{}` is not a date like 2026-12-31",
                            text.chars().take(40).collect::<String>()
                        ),
                    )
                })?;
                if date < zone.date_of(first) {
                    return Err(Error::new(
                        ErrorCode::OutOfRange,
                        join(path, "until"),
                        format!("the repeat ends on {date}, before the event's first day"),
                    ));
                }
                Some(date)
            }
        };
        let start = zone.date_of(first);
        let mut out = vec![first];
        // The last step: `times − 1`; with `until`, one past the most a plan holds, so reaching
        // that is an error, not a cut.
        let last = match self.times {
            Some(n) => i64::from(n) - 1,
            None => i64::from(max),
        };
        for k in 1..=last {
            let date = match self.every {
                Every::Day => Some(start.plus_days(k)),
                Every::Week => Some(start.plus_days(7 * k)),
                Every::Month => start.plus_months(k, start.day()),
            };
            let Some(date) = date.filter(|d| until.is_none_or(|u| *d <= u)) else {
                return Ok(out);
            };
            if out.len() == MAX_EVENTS {
                return Err(too_many(path, MAX_EVENTS + 1));
            }
            out.push(zone.same_time_on(first, date));
        }
        Ok(out)
    }
}

/// The error for a plan of more than [`MAX_EVENTS`] events (`given`, or at least that many).
pub fn too_many(path: &str, given: usize) -> Error {
    Error::new(
        ErrorCode::TooLarge,
        path,
        format!(
            "a plan holds at most {} events, repeats included",
            crate::words::number(MAX_EVENTS as u64),
        ),
    )
    .with("max", MAX_EVENTS)
    .with("given", given)
}

impl BuyInput {
    fn resolve(&self, path: &str, terms: &Terms<'_>) -> Result<EventKind> {
        match (&self.amount, self.coins) {
            (Some(text), Some(coins)) => {
                let coins = positive_coins(coins, &join(path, "coins"))?;
                let amount = money_in(text, &self.currency, terms.default_currency, path)?;
                // Coins and price both known: one lot, its cost in the card's currency.
                let cost = match terms.card {
                    Some(card) => {
                        terms
                            .rates
                            .convert(amount, card.currency, &join(path, "amount"))?
                    }
                    None => amount,
                };
                Ok(EventKind::Buy {
                    amount,
                    lots: vec![Lot { coins, cost }],
                })
            }
            (None, None) => Err(Error::new(
                ErrorCode::MissingField,
                join(path, "amount"),
                "a purchase needs an `amount` or `coins`",
            )),
            (Some(text), None) => {
                let amount = money_in(text, &self.currency, terms.default_currency, path)?;
                // With a card, the money buys the most coins it can at the card's prices,
                // converted at the stated rate when it is in another currency.
                let lots = match terms.card {
                    Some(card) => {
                        let budget =
                            terms
                                .rates
                                .convert(amount, card.currency, &join(path, "amount"))?;
                        let mix = terms
                            .optimizer(card)
                            .most_coins_for(u64::try_from(budget.minor()).unwrap_or(u64::MAX));
                        lots_of(card, &mix)?.1
                    }
                    None => Vec::new(),
                };
                Ok(EventKind::Buy { amount, lots })
            }
            (None, Some(coins)) => {
                let card = needs_card(terms.card, &join(path, "coins"), "buying coins")?;
                if self.currency.is_some() {
                    return Err(Error::new(
                        ErrorCode::ConflictingFields,
                        join(path, "currency"),
                        "coins are priced in the rate card's currency; leave out `currency`",
                    ));
                }
                let coins = positive_coins(coins, &join(path, "coins"))?;
                let (amount, lots) = lots_of(card, &terms.optimizer(card).cheapest(coins))?;
                Ok(EventKind::Buy { amount, lots })
            }
        }
    }
}

impl GiftEventInput {
    fn resolve(&self, path: &str, terms: &Terms<'_>) -> Result<EventKind> {
        if let Some(coins) = self.coins {
            let other = [
                ("gift", self.gift.is_some()),
                ("amount", self.amount.is_some()),
                ("count", self.count.is_some()),
            ];
            if let Some((name, _)) = other.iter().find(|(_, given)| *given) {
                return Err(Error::new(
                    ErrorCode::ConflictingFields,
                    join(path, name),
                    "send a catalogue `gift`, a tip `amount` or a number of `coins`: one of them",
                ));
            }
            needs_card(terms.card, &join(path, "coins"), "coins sent as gifts")?;
            return Ok(EventKind::Gift {
                id: None,
                coins: positive_coins(coins, &join(path, "coins"))?,
            });
        }
        match (&self.gift, &self.amount) {
            (Some(_), Some(_)) => Err(Error::new(
                ErrorCode::ConflictingFields,
                join(path, "amount"),
                "send either a catalogue `gift` or a tip `amount`",
            )),
            (None, None) => Err(Error::new(
                ErrorCode::MissingField,
                join(path, "gift"),
                "a gift needs a `gift` id, an `amount` or `coins`",
            )),
            (Some(id), None) => {
                let card = needs_card(terms.card, &join(path, "gift"), "a catalogue gift")?;
                let gift = card.gifts.find(id, &join(path, "gift"))?;
                let count = self.count.unwrap_or(1);
                let coins = gift
                    .coins
                    .checked_mul(count)
                    .filter(|n| (1..=MAX_TARGET_COINS).contains(n))
                    .ok_or_else(|| {
                        Error::new(
                            ErrorCode::OutOfRange,
                            join(path, "count"),
                            format!(
                                "a gift event sends 1 to {MAX_TARGET_COINS} coins of gifts; {count} × {} is {}",
                                crate::words::coins(gift.coins),
                                crate::words::coins(gift.coins.saturating_mul(count))
                            ),
                        )
                        .with("max", MAX_TARGET_COINS)
                    })?;
                Ok(EventKind::Gift {
                    id: Some(gift.id.clone()),
                    coins,
                })
            }
            (None, Some(text)) => {
                if self.count.is_some() {
                    return Err(Error::new(
                        ErrorCode::ConflictingFields,
                        join(path, "count"),
                        "`count` goes with a catalogue `gift`, not with a tip `amount`",
                    ));
                }
                Ok(EventKind::Tip {
                    amount: money_in(text, &self.currency, terms.default_currency, path)?,
                })
            }
        }
    }
}

/// A number of coins from 1 to [`MAX_TARGET_COINS`].
fn positive_coins(coins: u64, path: &str) -> Result<u64> {
    let coins = check_target(coins, path)?;
    if coins == 0 {
        return Err(Error::new(ErrorCode::OutOfRange, path, "at least one coin").with("min", 1));
    }
    Ok(coins)
}

fn needs_card<'a>(card: Option<&'a RateCard>, path: &str, what: &str) -> Result<&'a RateCard> {
    card.ok_or_else(|| {
        Error::new(
            ErrorCode::MissingField,
            path,
            format!("{what} needs a `rate_card` to price it"),
        )
    })
}

/// A positive amount with its currency (the given one, else `default`); `path` points at the
/// event part holding `amount` and `currency`.
fn money_in(text: &str, currency: &Option<String>, default: Currency, path: &str) -> Result<Money> {
    let currency = match currency {
        Some(c) => Currency::parse(c, &join(path, "currency"))?,
        None => default,
    };
    let m = Money::parse(text, currency, &join(path, "amount"))?;
    if !m.is_positive() {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            join(path, "amount"),
            "an amount must be above zero",
        )
        .with("min_exclusive", "0"));
    }
    Ok(m)
}

/// The coin lots a ledger's purchases create, one per purchase line.
pub fn lots_from(ledger: &flow::Ledger) -> Result<Vec<Lot>> {
    ledger
        .purchases
        .iter()
        .map(|p| {
            Ok(Lot {
                coins: p.coins * p.count,
                cost: p.viewer_pays.checked_mul_count(p.count)?,
            })
        })
        .collect()
}

/// What a purchase of `mix` on `card` costs the viewer, and the lots it creates.
pub fn lots_of(card: &RateCard, mix: &crate::bundles::Mix) -> Result<(Money, Vec<Lot>)> {
    let ledger = flow::ledger(card, mix, &[])?;
    Ok((ledger.viewer_pays, lots_from(&ledger)?))
}
