//! `quote`: one viewer's question on one rate card, in any direction (coins, gifts, money to
//! spend, or cash a creator wants), answered with the cheapest purchase, the real cost of each
//! gift, the flow of every cent, the creator's payout, and the other channels of the platform.

use super::plan::PlanResponse;
use crate::bundles::{check_target, Mix, MAX_TARGET_COINS};
use crate::caps::RuleSetInput;
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::flow::{self, FlowEntry, Ledger, PurchaseLine, Spend, SpendResult};
use crate::money::{decimal_string, percent, unit_price, ExchangeRates, Money};
use crate::payout::{self, PayoutPlan};
use crate::plan::input::{lots_from, PersonInput};
use crate::plan::rules::Rules;
use crate::plan::{Event, EventKind, Run};
use crate::preset_or::PresetOr;
use crate::presets;
use crate::rate_card::{RateCard, RateCardInput, RateCardRef};
use crate::time_zone::Instant;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::cell::OnceCell;
use std::collections::BTreeMap;

/// Most gift lines in one quote.
pub const MAX_GIFT_LINES: usize = 200;

/// A gift wanted: id and count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GiftWanted {
    /// Gift id from the rate card's catalogue (`lion`).
    pub gift: String,
    /// How many (default 1).
    #[serde(default = "one")]
    pub count: u64,
}

fn one() -> u64 {
    1
}

fn yes() -> bool {
    true
}

/// The `quote` request. Exactly one of `coins`, `gifts`, `spend` and `creator_cash`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteRequest {
    /// A preset id (`"tiktok-ios"`) or a full rate card object.
    pub rate_card: PresetOr<RateCardInput>,
    /// Coins wanted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coins: Option<u64>,
    /// Gifts wanted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gifts: Option<Vec<GiftWanted>>,
    /// Money to spend (a decimal string in the card's currency).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spend: Option<String>,
    /// Cash the creator should receive (a decimal string in the card's currency).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator_cash: Option<String>,
    /// Also answer on the platform's other channels (default true).
    #[serde(default = "yes")]
    pub compare_channels: bool,
    /// Check the purchase and its gifts against these spending rules (needs `person`): a
    /// preset id, a rule set object, or `"auto"` for every rule in force in the person's region
    /// on the date `at` (both needed then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_set: Option<PresetOr<RuleSetInput>>,
    /// The person the spending rules apply to (needs `rule_set`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonInput>,
    /// When the purchase happens, for the rules' calendar windows and, with `"auto"`, which
    /// rules hold: an RFC 3339 timestamp, or a wall-clock time in the person's time zone
    /// (`2026-03-01T10:00`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// Exchange rates, `{"USD/CNY": "7.10"}`, when the rules count another currency.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub exchange_rates: BTreeMap<String, String>,
    /// How much more than the cheapest price a simpler purchase (fewer purchases) may cost, as
    /// a fraction (default `"0.02"`, 2 %).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub simplest_within: Option<String>,
}

/// The question, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Question {
    Coins(u64),
    Gifts(Vec<Spend>),
    Spend(Money),
    CreatorCash(Money),
}

/// The question as echoed in the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuestionOut {
    /// Coins wanted.
    Coins(u64),
    /// Gifts wanted.
    Gifts(Vec<GiftWanted>),
    /// Money to spend.
    Spend(Money),
    /// Cash the creator should receive.
    CreatorCash(Money),
}

/// The purchase that answers the question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Purchase {
    /// Coins received.
    pub coins: u64,
    /// Coins bought beyond what was needed.
    pub leftover_coins: u64,
    /// Listed price of all purchases.
    pub price: Money,
    /// What the viewer pays (price plus any sales tax on top).
    pub viewer_pays: Money,
    /// Price per coin received, for comparison (6 decimals; display only).
    #[serde(serialize_with = "crate::money::optional_decimal_string")]
    #[schemars(with = "Option<String>")]
    pub price_per_coin: Option<Decimal>,
    /// Number of purchases.
    pub purchase_count: u64,
    /// The purchases, in the order they are made (the order coins are spent).
    pub lines: Vec<PurchaseLine>,
    /// For `spend`: what is left of the budget.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget_left: Option<Money>,
}

/// A simpler purchase than the cheapest: fewer purchases for a little more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Simplest {
    /// Coins received.
    pub coins: u64,
    /// Coins bought beyond what was needed.
    pub leftover_coins: u64,
    /// Listed price of all purchases.
    pub price: Money,
    /// What the viewer pays.
    pub viewer_pays: Money,
    /// Number of purchases.
    pub purchase_count: u64,
    /// The purchases, in the order they are made.
    pub lines: Vec<PurchaseLine>,
    /// What it costs beyond the cheapest purchase (`viewer_pays` minus the cheapest's).
    pub costs_more: Money,
    /// Purchases fewer than the cheapest purchase needs.
    pub fewer_purchases: u64,
    /// What the creator keeps this way (the same gifts: the same, unless leftover coins differ
    /// in what they cost).
    pub creator_keeps: Money,
}

/// The creator's side of the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CreatorOut {
    /// Diamonds received (0 under a share-of-net model).
    pub diamonds: u64,
    /// What the platform calls them.
    pub diamond_name: String,
    /// Exact value of the earnings.
    #[serde(serialize_with = "decimal_string")]
    #[schemars(with = "String")]
    pub earnings_exact: Decimal,
    /// Earnings credited (rounded toward zero).
    pub earnings: Money,
    /// Agency cut.
    pub agency: Money,
    /// What the creator keeps.
    pub keeps: Money,
    /// `keeps` as a percentage of what the viewer pays (2 decimals).
    #[serde(serialize_with = "crate::money::optional_decimal_string")]
    #[schemars(with = "Option<String>")]
    pub percent_of_viewer_pays: Option<Decimal>,
}

/// The same question on another channel of the platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ChannelAnswer {
    /// The other channel's card.
    pub rate_card: RateCardRef,
    /// Coins received there.
    pub coins: u64,
    /// What the viewer pays there.
    pub viewer_pays: Money,
    /// Price per coin there.
    #[serde(serialize_with = "crate::money::optional_decimal_string")]
    #[schemars(with = "Option<String>")]
    pub price_per_coin: Option<Decimal>,
    /// Leftover coins there.
    pub leftover_coins: u64,
    /// What the creator keeps there.
    pub creator_keeps: Money,
    /// `viewer_pays` there minus here (negative: cheaper there).
    pub difference: Money,
}

/// The `quote` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct QuoteResponse {
    /// The rate card used.
    pub rate_card: RateCardRef,
    /// The question, as understood.
    pub question: QuestionOut,
    /// Coins the question needs (before bundle rounding).
    pub coins_needed: u64,
    /// The cheapest purchase.
    pub purchase: Purchase,
    /// What each gift (or the coins) really cost, first-in-first-out.
    pub spent: Vec<SpendResult>,
    /// Coins left over after the gifts, and what they cost.
    pub unspent: Unspent,
    /// The creator's earnings.
    pub creator: CreatorOut,
    /// When the creator's earnings become cash.
    pub payout: PayoutPlan,
    /// Where every cent goes; the amounts add up to `purchase.viewer_pays`.
    pub flow: Vec<FlowEntry>,
    /// The same question on the platform's other channels in the same currency, cheapest first.
    pub channels: Vec<ChannelAnswer>,
    /// The fewest purchases (at most 12) within `simplest_within` of the cheapest price, when
    /// that is fewer purchases than `purchase`; absent for `spend` questions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub simplest: Option<Simplest>,
    /// The purchase (event 0) and its gifts (event 1) checked against the spending rules, when
    /// `rule_set` and `person` are given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spending_check: Option<PlanResponse>,
}

/// Unspent coins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Unspent {
    /// Coins.
    pub coins: u64,
    /// What they cost the viewer.
    pub cost: Money,
}

fn money_at_least_zero(text: &str, card: &RateCard, path: &str) -> Result<Money> {
    let m = Money::parse(text, card.currency, path)?;
    if m.is_negative() {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            path,
            format!("{text} is negative; ask for zero or more"),
        )
        .with("min", "0"));
    }
    Ok(m)
}

fn question(req: &QuoteRequest, card: &RateCard) -> Result<Question> {
    let given: Vec<&str> = [
        req.coins.map(|_| "coins"),
        req.gifts.as_ref().map(|_| "gifts"),
        req.spend.as_ref().map(|_| "spend"),
        req.creator_cash.as_ref().map(|_| "creator_cash"),
    ]
    .into_iter()
    .flatten()
    .collect();
    match given.as_slice() {
        [] => {
            return Err(Error::new(
                ErrorCode::MissingField,
                "coins",
                "ask for one of `coins`, `gifts`, `spend` or `creator_cash`",
            ))
        }
        [_] => {}
        [_, second, ..] => {
            return Err(Error::new(
                ErrorCode::ConflictingFields,
                *second,
                format!(
                    "ask one question at a time: `{}` and `{second}` were both given",
                    given[0]
                ),
            ))
        }
    }
    if let Some(coins) = req.coins {
        return Ok(Question::Coins(check_target(coins, "coins")?));
    }
    if let Some(gifts) = &req.gifts {
        if gifts.is_empty() {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                "gifts",
                "name at least one gift",
            ));
        }
        if gifts.len() > MAX_GIFT_LINES {
            return Err(Error::new(
                ErrorCode::TooLarge,
                "gifts",
                format!(
                    "a quote takes at most {MAX_GIFT_LINES} gift lines; this one has {}",
                    gifts.len()
                ),
            )
            .with("max", MAX_GIFT_LINES)
            .with("given", gifts.len()));
        }
        let mut spends = Vec::with_capacity(gifts.len());
        let mut total = 0u64;
        for (i, g) in gifts.iter().enumerate() {
            let at = index("gifts", i);
            let gift = card.gifts.find(&g.gift, &join(&at, "gift"))?;
            if g.count == 0 {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    join(&at, "count"),
                    "a count must be at least 1",
                )
                .with("min", 1));
            }
            total = gift
                .coins
                .checked_mul(g.count)
                .and_then(|c| c.checked_add(total))
                .filter(|t| *t <= MAX_TARGET_COINS)
                .ok_or_else(|| {
                    Error::new(
                        ErrorCode::OutOfRange,
                        join(&at, "count"),
                        format!(
                            "these gifts would need more than {}, the most one question can ask for",
                            crate::words::coins(MAX_TARGET_COINS)
                        ),
                    )
                    .with("max", MAX_TARGET_COINS)
                })?;
            spends.push(Spend {
                id: gift.id.clone(),
                name: gift.name.clone(),
                coins_each: gift.coins,
                count: g.count,
            });
        }
        return Ok(Question::Gifts(spends));
    }
    if let Some(spend) = &req.spend {
        return Ok(Question::Spend(money_at_least_zero(spend, card, "spend")?));
    }
    let cash = req.creator_cash.as_deref().unwrap_or("0");
    Ok(Question::CreatorCash(money_at_least_zero(
        cash,
        card,
        "creator_cash",
    )?))
}

/// The answer before it is dressed for output.
struct Answer {
    needed: u64,
    mix: Mix,
    ledger: Ledger,
    budget_left: Option<Money>,
    optimizer: presets::CardOptimizer,
    spends: Vec<Spend>,
}

fn answer(card: &RateCard, q: &Question) -> Result<Answer> {
    let optimizer = presets::optimizer(card);
    let (needed, mix, spends, budget_left) = match q {
        Question::Coins(n) => (
            *n,
            optimizer.cheapest(*n),
            flow::plain_coins(card, *n),
            None,
        ),
        Question::Gifts(spends) => {
            let n = spends.iter().map(|s| s.coins_each * s.count).sum();
            (n, optimizer.cheapest(n), spends.clone(), None)
        }
        Question::Spend(budget) => {
            let mix = optimizer.most_coins_for(u64::try_from(budget.minor()).unwrap_or(u64::MAX));
            let price = Money::from_minor(mix.price(), card.currency);
            let coins = mix.coins();
            (
                coins,
                mix,
                flow::plain_coins(card, coins),
                Some(budget.checked_sub(price)?),
            )
        }
        Question::CreatorCash(wanted) => {
            let n = crate::creator::coins_for_cash(card, &optimizer, *wanted)?;
            (n, optimizer.cheapest(n), flow::plain_coins(card, n), None)
        }
    };
    let ledger = flow::ledger(card, &mix, &spends)?;
    Ok(Answer {
        needed,
        mix,
        ledger,
        budget_left,
        optimizer,
        spends,
    })
}

/// Answers a `quote` request.
pub fn quote(req: &QuoteRequest) -> Result<QuoteResponse> {
    let card = presets::rate_card_of(&req.rate_card, "rate_card")?;
    let q = question(req, &card)?;
    let a = answer(&card, &q)?;
    let price = Money::from_minor(a.mix.price(), card.currency);
    let channels = if req.compare_channels {
        other_channels(&card, &q, a.ledger.viewer_pays)?
    } else {
        Vec::new()
    };
    let payout = payout::plan(&card.payout, a.ledger.creator.keeps)?;
    let spending_check = check_spending(req, &card, &a.ledger)?;
    let simplest = match q {
        Question::Spend(_) => None,
        _ => simplest(req, &card, &a)?,
    };
    let question = match (&q, &req.gifts) {
        (Question::Coins(n), _) => QuestionOut::Coins(*n),
        (Question::Gifts(_), Some(g)) => QuestionOut::Gifts(g.clone()),
        (Question::Spend(m), _) => QuestionOut::Spend(*m),
        (Question::CreatorCash(m), _) => QuestionOut::CreatorCash(*m),
        (Question::Gifts(_), None) => QuestionOut::Gifts(Vec::new()),
    };
    let l = a.ledger;
    Ok(QuoteResponse {
        rate_card: card.reference(),
        question,
        coins_needed: a.needed,
        purchase: Purchase {
            coins: a.mix.coins(),
            leftover_coins: a.mix.coins().saturating_sub(a.needed),
            price,
            viewer_pays: l.viewer_pays,
            price_per_coin: unit_price(l.viewer_pays, a.mix.coins()),
            purchase_count: a.mix.purchases(),
            lines: l.purchases,
            budget_left: a.budget_left,
        },
        spent: l.spends,
        unspent: Unspent {
            coins: l.unspent_coins,
            cost: l.unspent_cost,
        },
        creator: CreatorOut {
            diamonds: l.creator.diamonds,
            diamond_name: card.diamond_name.clone(),
            earnings_exact: l.creator.earnings_exact,
            earnings: l.creator.earnings,
            agency: l.creator.agency,
            keeps: l.creator.keeps,
            percent_of_viewer_pays: percent(l.creator.keeps, l.viewer_pays),
        },
        payout,
        flow: l.flow,
        channels,
        simplest,
        spending_check,
    })
}

/// The fewest purchases within `simplest_within` of the cheapest price, when that is fewer
/// purchases than the cheapest mix.
fn simplest(req: &QuoteRequest, card: &RateCard, a: &Answer) -> Result<Option<Simplest>> {
    let within = match &req.simplest_within {
        Some(t) => {
            let v = crate::money::parse_decimal(t, "simplest_within")?;
            if v < Decimal::ZERO || v > Decimal::ONE {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    "simplest_within",
                    format!("the premium for a simpler purchase is a fraction from 0 to 1 (0.02 is 2 %), not {v}"),
                )
                .with("min", "0")
                .with("max", "1")
                .with("given", v.to_string()));
            }
            v
        }
        None => Decimal::new(2, 2),
    };
    let cheapest = a.mix.price();
    if a.mix.purchases() <= 1 {
        return Ok(None);
    }
    // The bound is compared, not paid: whole minor units at or under price × (1 + within).
    let scale = 10u128.pow(within.scale());
    let extra = u128::from(cheapest) * within.mantissa().unsigned_abs() / scale;
    let max_price = cheapest.saturating_add(u64::try_from(extra).unwrap_or(u64::MAX));
    let Some(mix) = a.optimizer.fewest_purchases(a.needed, max_price) else {
        return Ok(None);
    };
    if mix.purchases() >= a.mix.purchases() {
        return Ok(None);
    }
    let l = flow::ledger(card, &mix, &a.spends)?;
    Ok(Some(Simplest {
        coins: mix.coins(),
        leftover_coins: mix.coins().saturating_sub(a.needed),
        price: Money::from_minor(mix.price(), card.currency),
        viewer_pays: l.viewer_pays,
        purchase_count: mix.purchases(),
        lines: l.purchases,
        costs_more: l.viewer_pays.checked_sub(a.ledger.viewer_pays)?,
        fewer_purchases: a.mix.purchases() - mix.purchases(),
        creator_keeps: l.creator.keeps,
    }))
}

/// The same question on the preset channels of the same platform and currency.
fn other_channels(card: &RateCard, q: &Question, here: Money) -> Result<Vec<ChannelAnswer>> {
    let mut out = Vec::new();
    for other in presets::all_rate_cards() {
        if other.id == card.id || other.platform != card.platform || other.currency != card.currency
        {
            continue;
        }
        // A gift the other channel's catalogue lacks makes the question meaningless there.
        if let Question::Gifts(spends) = q {
            if spends.iter().any(|s| other.gifts.find(&s.id, "").is_err()) {
                continue;
            }
        }
        let a = answer(other, q)?;
        out.push(ChannelAnswer {
            rate_card: other.reference(),
            coins: a.mix.coins(),
            viewer_pays: a.ledger.viewer_pays,
            price_per_coin: unit_price(a.ledger.viewer_pays, a.mix.coins()),
            leftover_coins: a.mix.coins().saturating_sub(a.needed),
            creator_keeps: a.ledger.creator.keeps,
            difference: a.ledger.viewer_pays.checked_sub(here)?,
        });
    }
    crate::sort::sort_by_key(&mut out, |c| {
        (c.viewer_pays.minor(), c.rate_card.id.clone())
    });
    Ok(out)
}

/// The spending check a quote reports when it names a rule set and a person: its purchase
/// (event 0), then the gifts it answers for (event 1), at `at` or at an unnamed moment.
fn check_spending(
    req: &QuoteRequest,
    card: &RateCard,
    ledger: &Ledger,
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
    let (rules, person) = Rules::choose(rule_set, "rule_set", person_input, "person", Some(card))?;
    let rates = ExchangeRates::parse(&req.exchange_rates, "exchange_rates")?;
    let when = match (&req.at, &rules) {
        (Some(t), _) => person.zone.parse_time(t, "at")?,
        (None, Rules::One(_)) => Instant::EPOCH,
        (None, Rules::ByDate { .. }) => return Err(Error::new(
            ErrorCode::MissingField,
            "at",
            "automatic rules need the date of the purchase (`at`): which rules hold depends on it",
        )),
    };
    rules.check_date(person.zone.date_of(when), "at")?;
    let mut events = vec![Event {
        index: 0,
        occurrence: None,
        at: when,
        kind: EventKind::Buy {
            amount: ledger.viewer_pays,
            lots: lots_from(ledger)?,
        },
        approved: false,
        note: None,
    }];
    let gift_coins: u64 = ledger.spends.iter().map(|s| s.coins).sum();
    if gift_coins > 0 {
        events.push(Event {
            index: 1,
            occurrence: None,
            at: when,
            kind: EventKind::Gift {
                id: Some("gifts".into()),
                coins: gift_coins,
            },
            approved: false,
            note: None,
        });
    }
    let run = Run {
        rules: &rules,
        card: Some(card),
        rates: &rates,
        optimizer: &OnceCell::new(),
        now: Some(when),
        show_windows: req.at.is_some(),
        happened: false,
    };
    let outcome = run.events(person, &events)?;
    Ok(Some(PlanResponse::new(&rules, Some(card), outcome)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::from_json_str;

    fn run(json: &str) -> Result<QuoteResponse> {
        quote(&from_json_str(json)?)
    }

    #[test]
    fn the_four_smallest_inputs_of_the_contract() {
        for input in [
            r#"{"rate_card": "tiktok-ios", "gifts": [{"gift": "lion", "count": 1}]}"#,
            r#"{"rate_card": "tiktok-web", "coins": 5000}"#,
            r#"{"rate_card": "tiktok-web", "spend": "100.00"}"#,
            r#"{"rate_card": "tiktok-web", "creator_cash": "100.00"}"#,
        ] {
            let r = run(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(
                flow::total(&r.flow).unwrap(),
                r.purchase.viewer_pays,
                "{input}"
            );
        }
    }

    #[test]
    fn creator_cash_is_the_least_that_reaches_the_target() {
        let r = run(r#"{"rate_card": "tiktok-web", "creator_cash": "100.00"}"#).unwrap();
        assert_eq!(r.creator.keeps.to_string(), "100.00");
        assert_eq!(r.coins_needed, 20_000);
    }

    #[test]
    fn spend_buys_the_most_coins_within_the_budget() {
        let r = run(r#"{"rate_card": "tiktok-ios", "spend": "100.00"}"#).unwrap();
        assert!(r.purchase.price.minor() <= 10_000);
        assert_eq!(r.purchase.coins, 6_607);
        assert_eq!(r.purchase.budget_left.unwrap().to_string(), "0.01");
    }

    #[test]
    fn a_question_needs_exactly_one_kind() {
        let err = run(r#"{"rate_card": "tiktok-web"}"#).unwrap_err();
        assert_eq!(err.code, ErrorCode::MissingField);
        let err = run(r#"{"rate_card": "tiktok-web", "coins": 5, "spend": "1.00"}"#).unwrap_err();
        assert_eq!(
            (err.code, err.path.as_str()),
            (ErrorCode::ConflictingFields, "spend")
        );
    }

    #[test]
    fn bad_inputs_name_their_field() {
        let cases: &[(&str, ErrorCode, &str)] = &[
            (
                r#"{"rate_card": "tiktok-web", "coins": 10000001}"#,
                ErrorCode::OutOfRange,
                "coins",
            ),
            (
                r#"{"rate_card": "tiktok-web", "coins": -5}"#,
                ErrorCode::InvalidValue,
                "coins",
            ),
            (
                r#"{"rate_card": "tiktok-web", "coins": 1.5}"#,
                ErrorCode::InvalidType,
                "coins",
            ),
            (
                r#"{"rate_card": "nope", "coins": 1}"#,
                ErrorCode::UnknownPreset,
                "rate_card",
            ),
            (
                r#"{"rate_card": 7, "coins": 1}"#,
                ErrorCode::InvalidType,
                "rate_card",
            ),
            (
                r#"{"rate_card": "tiktok-web", "gifts": [{"gift": "unicorn"}]}"#,
                ErrorCode::UnknownGift,
                "gifts[0].gift",
            ),
            (
                r#"{"rate_card": "tiktok-web", "gifts": [{"gift": "lion", "count": 0}]}"#,
                ErrorCode::OutOfRange,
                "gifts[0].count",
            ),
            (
                r#"{"rate_card": "tiktok-web", "gifts": [{"gift": "lion", "count": 1000}]}"#,
                ErrorCode::OutOfRange,
                "gifts[0].count",
            ),
            (
                r#"{"rate_card": "tiktok-web", "gifts": []}"#,
                ErrorCode::InvalidValue,
                "gifts",
            ),
            (
                r#"{"rate_card": "tiktok-web", "spend": "-1"}"#,
                ErrorCode::OutOfRange,
                "spend",
            ),
            (
                r#"{"rate_card": "tiktok-web", "spend": 100}"#,
                ErrorCode::InvalidType,
                "spend",
            ),
            (
                r#"{"rate_card": "tiktok-web", "spend": "1e2"}"#,
                ErrorCode::InvalidDecimal,
                "spend",
            ),
            (
                r#"{"rate_card": "tiktok-web", "creator_cash": "99999999.00"}"#,
                ErrorCode::NoSolution,
                "creator_cash",
            ),
            (
                r#"{"rate_card": "tiktok-web", "coins": 1, "extra": true}"#,
                ErrorCode::UnknownField,
                "extra",
            ),
            (
                r#"{"rate_card": {"id": "x"}, "coins": 1}"#,
                ErrorCode::MissingField,
                "rate_card.name",
            ),
            (r#"{"coins": 1}"#, ErrorCode::MissingField, "rate_card"),
        ];
        for (input, code, path) in cases {
            let err = run(input).unwrap_err();
            assert_eq!(
                (err.code, err.path.as_str()),
                (*code, *path),
                "{input}: {err}"
            );
        }
    }

    #[test]
    fn other_channels_are_compared_in_the_same_currency() {
        let r = run(r#"{"rate_card": "tiktok-ios", "gifts": [{"gift": "lion"}]}"#).unwrap();
        let ids: Vec<&str> = r.channels.iter().map(|c| c.rate_card.id.as_str()).collect();
        assert_eq!(ids, ["tiktok-web", "tiktok-android"]);
        assert!(r.channels[0].difference.is_negative(), "the web is cheaper");
    }
}
