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
use crate::time_zone::Zone;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::cell::OnceCell;

/// Most events in one plan.
pub const MAX_EVENTS: usize = 10_000;

/// The person the plan is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonInput {
    /// Age in whole years.
    pub age: u32,
    /// ISO 3166-1 alpha-2 country (`KR`) or ISO 3166-2 US state (`US-TX`), for regional
    /// rules; `"rule_set": "auto"` needs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Time zone for calendar windows: an IANA name (`Europe/Athens`), `UTC`, an offset
    /// (`+08:00`) or a POSIX rule (default: the rule set's, else UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// A guardian approved every purchase in advance.
    #[serde(default)]
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
    /// Coins bought at the rate card's cheapest mix (needs a rate card).
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
    #[serde(default)]
    pub guardian_approved: bool,
    /// A note, echoed in the verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
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
        caps::check_age(Some(self.age), &join(path, "age"))?;
        if let Some(r) = &self.region {
            caps::validate_region(r, &join(path, "region"))?;
        }
        Ok(Person {
            age: self.age,
            region: self.region.clone(),
            zone,
            guardian_approved: self.guardian_approved,
        })
    }
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
    /// The event in the plan's terms; `i` is its position, for error paths.
    pub fn resolve(&self, i: usize, terms: &Terms<'_>) -> Result<Event> {
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
        Ok(Event {
            index: i,
            at,
            kind,
            approved: self.guardian_approved,
            note: self.note.clone(),
        })
    }
}

impl BuyInput {
    fn resolve(&self, path: &str, terms: &Terms<'_>) -> Result<EventKind> {
        match (&self.amount, self.coins) {
            (Some(_), Some(_)) => Err(Error::new(
                ErrorCode::ConflictingFields,
                join(path, "coins"),
                "buy either an `amount` of money or a number of `coins`",
            )),
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
                let coins = check_target(coins, &join(path, "coins"))?;
                if coins == 0 {
                    return Err(Error::new(
                        ErrorCode::OutOfRange,
                        join(path, "coins"),
                        "buy at least one coin",
                    )
                    .with("min", 1));
                }
                let (amount, lots) = lots_of(card, &terms.optimizer(card).cheapest(coins))?;
                Ok(EventKind::Buy { amount, lots })
            }
        }
    }
}

impl GiftEventInput {
    fn resolve(&self, path: &str, terms: &Terms<'_>) -> Result<EventKind> {
        match (&self.gift, &self.amount) {
            (Some(_), Some(_)) => Err(Error::new(
                ErrorCode::ConflictingFields,
                join(path, "amount"),
                "send either a catalogue `gift` or a tip `amount`",
            )),
            (None, None) => Err(Error::new(
                ErrorCode::MissingField,
                join(path, "gift"),
                "a gift needs a `gift` id or an `amount`",
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
                    id: gift.id.clone(),
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
