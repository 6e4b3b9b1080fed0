//! `plan`: a dated plan of purchases and gifts for one person, checked against a rule set,
//! event by event: what would be allowed, what would warn and what would be blocked, and why.

use crate::bundles::{check_target, Optimizer};
use crate::caps::check::{Check, Checker, Headroom, Level, MessageCode, Person};
use crate::caps::{self, Action, MinAge, RuleSet, RuleSetRef, MAX_AGE};
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::flow;
use crate::lots::{Lot, Wallet};
use crate::money::{Currency, ExchangeRates, Money};
use crate::rate_card::{RateCard, RateCardRef};
use crate::time_zone::{self, Instant, Zone};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Most events in one plan.
pub const MAX_EVENTS: usize = 10_000;

/// The person the plan is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonInput {
    /// Age in whole years.
    pub age: u32,
    /// ISO 3166-1 alpha-2 region (`KR`), for regional age rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Time zone for calendar windows: a known IANA name, `UTC`, an offset or a POSIX rule
    /// (default: the rule set's, else UTC).
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
    /// Money spent, a decimal string.
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
    /// RFC 3339 timestamp with a zone (`2026-03-01T10:00:00+08:00`).
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

/// The `plan` request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanRequest {
    /// A preset id (`"cn-games-2019"`) or a full rule set object.
    #[schemars(schema_with = "crate::caps::rule_set_arg_schema")]
    pub rule_set: serde_json::Value,
    /// The person.
    pub person: PersonInput,
    /// A rate card to price coin purchases and gifts (preset id or object).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "optional_rate_card_schema")]
    pub rate_card: Option<serde_json::Value>,
    /// Exchange rates, `{"USD/CNY": "7.10"}` (1 USD = 7.10 CNY), for amounts in another
    /// currency than the rule set's.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub exchange_rates: BTreeMap<String, String>,
    /// The moment for "what can still be spent" (default: the last event).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now: Option<String>,
    /// The events, in any order (they are applied in time order).
    pub events: Vec<EventInput>,
}

fn optional_rate_card_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let card = crate::rate_card::rate_card_arg_schema(generator);
    schemars::json_schema!({"anyOf": [card, {"type": "null"}]})
}

/// An amount with its currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Amount {
    /// The amount.
    pub amount: Money,
    /// Its currency.
    pub currency: Currency,
}

/// The verdict on one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct EventVerdict {
    /// Position of the event in the input.
    pub index: usize,
    /// When, in the person's time zone.
    pub at: String,
    /// Buy or gift.
    pub action: Action,
    /// Gift id, for catalogue gifts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gift: Option<String>,
    /// Coins bought or spent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coins: Option<u64>,
    /// The amount the rules count, in the rule set's currency.
    pub amount: Money,
    /// The amount as paid, when it was in another currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid: Option<Amount>,
    /// The check that decided the verdict: its level is the event's verdict (`ok`, `warn` or
    /// `block`), with its rule, window, limit, what is used and left, code and message.
    #[serde(flatten)]
    pub decided: Check,
    /// Every rule checked.
    pub checks: Vec<Check>,
    /// The event's note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The person as the rules see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PersonOut {
    /// Age.
    pub age: u32,
    /// Region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Time zone used for calendar windows.
    pub time_zone: String,
    /// The age bracket that applies, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bracket: Option<String>,
    /// The minimum ages that apply.
    pub min_age: MinAge,
    /// May buy coins.
    pub may_buy: bool,
    /// May send gifts.
    pub may_gift: bool,
    /// May receive gifts (go LIVE).
    pub may_receive: bool,
}

/// Totals over the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PlanSummary {
    /// Events checked.
    pub events: usize,
    /// Allowed without warning.
    pub ok: usize,
    /// Allowed with a warning.
    pub warn: usize,
    /// Blocked.
    pub block: usize,
    /// Money spent on allowed purchases.
    pub bought: Money,
    /// Money value of allowed gifts and tips.
    pub gifted: Money,
    /// Money of blocked events.
    pub blocked: Money,
    /// Index of the first blocked event in time order, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_block: Option<usize>,
}

/// What can still be spent on one action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Spendable {
    /// The most without a block.
    pub without_block: Headroom,
    /// The most without any warning.
    pub without_warning: Headroom,
}

/// What can still be spent at a moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct StillSpendable {
    /// The moment, in the person's time zone.
    pub at: String,
    /// On purchases.
    pub buy: Spendable,
    /// On gifts and tips.
    pub gift: Spendable,
}

/// The `plan` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PlanResponse {
    /// The rule set used.
    pub rule_set: RuleSetRef,
    /// The rate card used, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_card: Option<RateCardRef>,
    /// The person.
    pub person: PersonOut,
    /// One verdict per event, in input order.
    pub verdicts: Vec<EventVerdict>,
    /// Totals.
    pub summary: PlanSummary,
    /// The most that can still be spent at the end of the plan (or at `now`).
    pub can_still_spend: StillSpendable,
}

/// An event with its money resolved as far as it can be before the plan runs.
#[derive(Debug, Clone)]
pub(crate) struct Event {
    pub index: usize,
    pub at: Instant,
    pub kind: EventKind,
    pub approved: bool,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) enum EventKind {
    /// Money spent on coins; with a rate card, the coins it buys.
    Buy { amount: Money, lots: Vec<Lot> },
    /// A catalogue gift costing `coins`, valued first-in-first-out.
    Gift { id: String, coins: u64 },
    /// A tip of money.
    Tip { amount: Money },
}

/// Resolves the person's zone and checks their fields.
fn person(input: &PersonInput, rules: &RuleSet) -> Result<Person> {
    if input.age > MAX_AGE {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            "person.age",
            format!("an age is at most {MAX_AGE}"),
        ));
    }
    if let Some(r) = &input.region {
        caps::validate_region(r, "person.region")?;
    }
    let zone = match &input.time_zone {
        Some(z) => Zone::parse(z, "person.time_zone")?,
        None => rules.time_zone.clone().unwrap_or_else(Zone::utc),
    };
    Ok(Person {
        age: input.age,
        region: input.region.clone(),
        zone,
        guardian_approved: input.guardian_approved,
    })
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
        ));
    }
    Ok(m)
}

/// The coin lots a ledger's purchases create, one per purchase line.
fn lots_from(ledger: &flow::Ledger) -> Result<Vec<Lot>> {
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
fn lots_of(card: &RateCard, mix: &crate::bundles::Mix) -> Result<(Money, Vec<Lot>)> {
    let ledger = flow::ledger(card, mix, &[])?;
    Ok((ledger.viewer_pays, lots_from(&ledger)?))
}

fn resolve_event(
    e: &EventInput,
    i: usize,
    card: Option<&RateCard>,
    default: Currency,
) -> Result<Event> {
    let at_path = index("events", i);
    let at = time_zone::parse_timestamp(&e.at, &join(&at_path, "at"))?;
    let kind = match (&e.buy, &e.gift) {
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
        (Some(b), None) => {
            let path = join(&at_path, "buy");
            match (&b.amount, b.coins) {
                (Some(_), Some(_)) => {
                    return Err(Error::new(
                        ErrorCode::ConflictingFields,
                        join(&path, "coins"),
                        "buy either an `amount` of money or a number of `coins`",
                    ))
                }
                (None, None) => {
                    return Err(Error::new(
                        ErrorCode::MissingField,
                        join(&path, "amount"),
                        "a purchase needs an `amount` or `coins`",
                    ))
                }
                (Some(text), None) => {
                    let amount = money_in(
                        text,
                        &b.currency,
                        card.map_or(default, |c| c.currency),
                        &path,
                    )?;
                    // On the card's own currency the money buys coins (the most it can).
                    let lots = match card {
                        Some(c) if c.currency == amount.currency() => {
                            let mix = Optimizer::for_card(c)
                                .most_coins_for(amount.minor().unsigned_abs());
                            lots_of(c, &mix)?.1
                        }
                        _ => Vec::new(),
                    };
                    EventKind::Buy { amount, lots }
                }
                (None, Some(coins)) => {
                    let c = needs_card(card, &join(&path, "coins"), "buying coins")?;
                    if b.currency.is_some() {
                        return Err(Error::new(
                            ErrorCode::ConflictingFields,
                            join(&path, "currency"),
                            "coins are priced in the rate card's currency; leave out `currency`",
                        ));
                    }
                    let coins = check_target(coins, &join(&path, "coins"))?;
                    if coins == 0 {
                        return Err(Error::new(
                            ErrorCode::OutOfRange,
                            join(&path, "coins"),
                            "buy at least one coin",
                        ));
                    }
                    let (amount, lots) = lots_of(c, &Optimizer::for_card(c).cheapest(coins))?;
                    EventKind::Buy { amount, lots }
                }
            }
        }
        (None, Some(g)) => {
            let path = join(&at_path, "gift");
            match (&g.gift, &g.amount) {
                (Some(_), Some(_)) => {
                    return Err(Error::new(
                        ErrorCode::ConflictingFields,
                        join(&path, "amount"),
                        "send either a catalogue `gift` or a tip `amount`",
                    ))
                }
                (None, None) => {
                    return Err(Error::new(
                        ErrorCode::MissingField,
                        join(&path, "gift"),
                        "a gift needs a `gift` id or an `amount`",
                    ))
                }
                (Some(id), None) => {
                    let c = needs_card(card, &join(&path, "gift"), "a catalogue gift")?;
                    let gift = c.gifts.find(id, &join(&path, "gift"))?;
                    let count = g.count.unwrap_or(1);
                    let coins = gift
                        .coins
                        .checked_mul(count)
                        .filter(|n| (1..=crate::bundles::MAX_TARGET_COINS).contains(n))
                        .ok_or_else(|| {
                            Error::new(
                                ErrorCode::OutOfRange,
                                join(&path, "count"),
                                format!(
                                    "a gift event sends 1 to {} coins of gifts",
                                    crate::bundles::MAX_TARGET_COINS
                                ),
                            )
                        })?;
                    EventKind::Gift {
                        id: gift.id.clone(),
                        coins,
                    }
                }
                (None, Some(text)) => {
                    if g.count.is_some() {
                        return Err(Error::new(
                            ErrorCode::ConflictingFields,
                            join(&path, "count"),
                            "`count` goes with a catalogue `gift`, not with a tip `amount`",
                        ));
                    }
                    EventKind::Tip {
                        amount: money_in(
                            text,
                            &g.currency,
                            card.map_or(default, |c| c.currency),
                            &path,
                        )?,
                    }
                }
            }
        }
    };
    Ok(Event {
        index: i,
        at,
        kind,
        approved: e.guardian_approved,
        note: e.note.clone(),
    })
}

/// Runs resolved events through the rules. `show_windows` is false when the times are not real
/// (a quote checked without a date), so no window bounds are printed.
pub(crate) fn run(
    rules: &RuleSet,
    person: Person,
    card: Option<&RateCard>,
    rates: &ExchangeRates,
    events: &[Event],
    now: Option<Instant>,
    show_windows: bool,
) -> Result<PlanResponse> {
    let cur = rules.currency;
    let zone = person.zone.clone();
    let mut checker = Checker::new(rules, person.clone());
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
        let amount_path = join(
            &index("events", e.index),
            match e.kind {
                EventKind::Buy { .. } => "buy.amount",
                _ => "gift.amount",
            },
        );
        let (action, paid, coins, gift, verdict) = match &e.kind {
            EventKind::Buy { amount, lots } => {
                let counted = rates.convert(*amount, cur, &amount_path)?;
                let v = checker.evaluate(Action::Buy, counted, e.at, e.approved)?;
                let coins: u64 = lots.iter().map(|l| l.coins).sum();
                if v.level != Level::Block {
                    lots.iter().for_each(|l| wallet.add(*l));
                }
                (Action::Buy, *amount, (coins > 0).then_some(coins), None, v)
            }
            EventKind::Tip { amount } => {
                let counted = rates.convert(*amount, cur, &amount_path)?;
                (
                    Action::Gift,
                    *amount,
                    None,
                    None,
                    checker.evaluate(Action::Gift, counted, e.at, e.approved)?,
                )
            }
            EventKind::Gift { id, coins } => {
                let card_cur = card.map_or(cur, |c| c.currency);
                match wallet.peek_cost(*coins)? {
                    Some(cost) => {
                        let counted = rates.convert(cost, cur, &amount_path)?;
                        let v = checker.evaluate(Action::Gift, counted, e.at, e.approved)?;
                        if v.level != Level::Block {
                            wallet.spend(*coins)?;
                        }
                        (Action::Gift, cost, Some(*coins), Some(id.clone()), v)
                    }
                    None => {
                        // The rules are still checked (an age gate is the better reason to
                        // give), then the missing coins block the gift.
                        let held = wallet.balance();
                        let mut v =
                            checker.evaluate(Action::Gift, Money::zero(cur), e.at, e.approved)?;
                        v.push(Check {
                            verdict: Level::Block,
                            rule: "coins".into(),
                            window: None,
                            limit: None,
                            used: None,
                            remaining: None,
                            code: MessageCode::NotEnoughCoins,
                            message: format!(
                                "This gift needs {coins} coins but only {held} are held from earlier purchases in the plan."
                            ),
                        });
                        (
                            Action::Gift,
                            Money::zero(card_cur),
                            Some(*coins),
                            Some(id.clone()),
                            v,
                        )
                    }
                }
            }
        };
        let counted = rates.convert(paid, cur, &amount_path)?;
        checker.commit(action, counted, e.at, &verdict);
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
        if !show_windows {
            for c in &mut checks {
                if let Some(w) = &mut c.window {
                    w.start = None;
                    w.end = None;
                }
            }
        }
        let decided = checks[verdict.deciding].clone();
        verdicts[e.index] = Some(EventVerdict {
            index: e.index,
            at: zone.format(e.at),
            action,
            gift,
            coins,
            amount: counted,
            paid: (paid.currency() != cur).then_some(Amount {
                amount: paid,
                currency: paid.currency(),
            }),
            decided,
            checks,
            note: e.note.clone(),
        });
    }
    let now = match (now, order.last()) {
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
        if !show_windows {
            for h in [&mut s.without_block, &mut s.without_warning] {
                if let Some(w) = &mut h.window {
                    w.start = None;
                    w.end = None;
                }
            }
        }
        Ok(s)
    };
    let min_age = checker.min_age();
    Ok(PlanResponse {
        rule_set: rules.reference(),
        rate_card: card.map(RateCard::reference),
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

/// Checks a `plan` request.
pub fn plan(req: &PlanRequest) -> Result<PlanResponse> {
    let rules = caps::resolve(&req.rule_set, "rule_set")?;
    let person = person(&req.person, &rules)?;
    let card = req
        .rate_card
        .as_ref()
        .map(|c| super::resolve_rate_card(c, "rate_card"))
        .transpose()?;
    let rates = ExchangeRates::parse(&req.exchange_rates, "exchange_rates")?;
    if req.events.len() > MAX_EVENTS {
        return Err(Error::new(
            ErrorCode::TooLarge,
            "events",
            format!("a plan holds at most {MAX_EVENTS} events"),
        ));
    }
    let events = req
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| resolve_event(e, i, card.as_deref(), rules.currency))
        .collect::<Result<Vec<_>>>()?;
    let now = req
        .now
        .as_deref()
        .map(|n| time_zone::parse_timestamp(n, "now"))
        .transpose()?;
    run(&rules, person, card.as_deref(), &rates, &events, now, true)
}

/// The spending check a `quote` reports when it names a rule set and a person: its purchase
/// (event 0), then the gifts it answers for (event 1), at `at` or at an unnamed moment.
pub(crate) fn check_quote(
    req: &super::QuoteRequest,
    card: &RateCard,
    ledger: &flow::Ledger,
) -> Result<Option<PlanResponse>> {
    let (rule_set, person_input) = match (&req.rule_set, &req.person) {
        (None, None) => return Ok(None),
        (Some(_), None) => {
            return Err(Error::new(
                ErrorCode::MissingField,
                "person",
                "a spending check needs the `person` (at least their age)",
            ))
        }
        (None, Some(_)) => {
            return Err(Error::new(
                ErrorCode::MissingField,
                "rule_set",
                "a spending check needs a `rule_set` (e.g. \"tiktok-global\")",
            ))
        }
        (Some(r), Some(p)) => (r, p),
    };
    let rules = caps::resolve(rule_set, "rule_set")?;
    let person = person(person_input, &rules)?;
    let rates = ExchangeRates::parse(&req.exchange_rates, "exchange_rates")?;
    let when = match &req.at {
        Some(t) => time_zone::parse_timestamp(t, "at")?,
        None => Instant::EPOCH,
    };
    let lots = lots_from(ledger)?;
    let mut events = vec![Event {
        index: 0,
        at: when,
        kind: EventKind::Buy {
            amount: ledger.viewer_pays,
            lots,
        },
        approved: false,
        note: None,
    }];
    let gift_coins: u64 = ledger.spends.iter().map(|s| s.coins).sum();
    if gift_coins > 0 {
        events.push(Event {
            index: 1,
            at: when,
            kind: EventKind::Gift {
                id: "gifts".into(),
                coins: gift_coins,
            },
            approved: false,
            note: None,
        });
    }
    run(
        &rules,
        person,
        Some(card),
        &rates,
        &events,
        Some(when),
        req.at.is_some(),
    )
    .map(Some)
}
