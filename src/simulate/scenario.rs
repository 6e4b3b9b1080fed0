//! A simulation scenario: the population (ages, channels, spender segments, budgets, gifting
//! habits), the creators, the rate cards and the rules, as JSON can write it
//! ([`ScenarioInput`]) and validated ([`Scenario`]).

use super::rng::Alias;
use crate::caps::{self, RuleSet};
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::money::{parse_decimal, parse_decimal_in, Currency, ExchangeRates, Fraction, Money};
use crate::rate_card::RateCard;
use crate::time_zone::Date;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Most viewers in one simulation.
pub const MAX_VIEWERS: u64 = 10_000_000;
/// Most days.
pub const MAX_DAYS: u32 = 366;
/// Most Monte Carlo runs.
pub const MAX_RUNS: u32 = 1_000;
/// Most creators.
pub const MAX_CREATORS: u64 = 1_000_000;
/// Most viewer-days over all runs: beyond this a simulation would take hours.
pub const MAX_VIEWER_DAYS: u64 = 20_000_000_000;

/// A channel and the share of viewers who buy there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChannelInput {
    /// A preset id or a rate card object.
    #[schemars(schema_with = "crate::rate_card::rate_card_arg_schema")]
    pub rate_card: serde_json::Value,
    /// Share of viewers, a decimal string; the shares add up to 1.
    pub share: String,
    /// This channel's prices are multiplied by this too (default 1).
    #[serde(default = "one_text")]
    pub price_multiplier: String,
}

/// An age group of the population: `min_age ≤ age < max_age`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgeGroupInput {
    /// Lower-kebab-case id used in the results (default `13-to-15` from the ages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Youngest age.
    pub min_age: u32,
    /// First age past the group.
    pub max_age: u32,
    /// Share of viewers; the shares add up to 1.
    pub share: String,
}

/// How a segment's monthly budget is distributed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BudgetDistribution {
    /// Everyone has `amount`.
    Fixed,
    /// Uniform between `min` and `max`.
    Uniform,
    /// Log-normal with `median` and `sigma` (of the logarithm), capped at `max` if given.
    Lognormal,
    /// Pareto from `min` with tail index `alpha`, capped at `max` if given.
    Pareto,
}

impl BudgetDistribution {
    /// The name as written in JSON.
    pub fn name(self) -> &'static str {
        match self {
            BudgetDistribution::Fixed => "fixed",
            BudgetDistribution::Uniform => "uniform",
            BudgetDistribution::Lognormal => "lognormal",
            BudgetDistribution::Pareto => "pareto",
        }
    }
}

/// A budget for 30 days, in money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetInput {
    /// Shape of the distribution.
    pub distribution: BudgetDistribution,
    /// `fixed`: the amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    /// `lognormal`: the median.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub median: Option<String>,
    /// `lognormal`: the standard deviation of the logarithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sigma: Option<String>,
    /// `uniform` and `pareto`: the smallest budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<String>,
    /// `uniform`: the largest; `lognormal` and `pareto`: a cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<String>,
    /// `pareto`: the tail index (above 1 for a finite mean).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alpha: Option<String>,
}

/// A gift a segment sends, and how often relative to its other gifts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GiftChoiceInput {
    /// A gift id from the cards' catalogues.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift: Option<String>,
    /// Or a plain number of coins (a cheer of Bits, a Super Chat in cents).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coins: Option<u64>,
    /// Relative weight.
    pub weight: u32,
}

/// A group of viewers who behave alike.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SegmentInput {
    /// Lower-kebab-case id (`whales`).
    pub id: String,
    /// Share of viewers; the shares add up to 1.
    pub share: String,
    /// Money for 30 days; absent for viewers who never spend.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<BudgetInput>,
    /// Days a week with gifting, on average (default 2).
    #[serde(default = "two")]
    pub active_days_per_week: String,
    /// Gifts sent on an active day, on average (default 3).
    #[serde(default = "three")]
    pub gifts_per_active_day: String,
    /// Money a top-up aims at (default: the card's cheapest purchase); the most coins that fit
    /// are bought.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_up: Option<String>,
    /// The gifts this segment sends.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gifts: Vec<GiftChoiceInput>,
}

/// How many creators receive gifts, and how unequal their popularity is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatorsInput {
    /// Number of creators.
    pub count: u64,
    /// Zipf exponent of popularity: creator `k` is chosen with weight `1 / k^s` (default 1).
    #[serde(default = "one_text")]
    pub zipf_exponent: String,
}

fn two() -> String {
    "2".into()
}
fn three() -> String {
    "3".into()
}
fn one_text() -> String {
    "1".into()
}
fn zero_text() -> String {
    "0".into()
}
fn half() -> String {
    "0.5".into()
}
fn none_rules() -> serde_json::Value {
    serde_json::Value::String("none".into())
}
fn default_start() -> String {
    "2026-01-01".into()
}
fn one_run() -> u32 {
    1
}
fn default_creators() -> CreatorsInput {
    CreatorsInput {
        count: 1000,
        zipf_exponent: one_text(),
    }
}
fn default_ages() -> Vec<AgeGroupInput> {
    vec![AgeGroupInput {
        id: Some("adults".into()),
        min_age: 18,
        max_age: 65,
        share: "1".into(),
    }]
}

/// A scenario as JSON can write it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScenarioInput {
    /// One rate card for every viewer (or give `channels`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "optional_card_schema")]
    pub rate_card: Option<serde_json::Value>,
    /// Channels and the share of viewers on each (same currency).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<ChannelInput>,
    /// Spending rules enforced per viewer (default `none`).
    #[serde(default = "none_rules")]
    #[schemars(schema_with = "crate::caps::rule_set_arg_schema")]
    pub rule_set: serde_json::Value,
    /// Exchange rates when the rules count another currency (`{"USD/CNY": "7.10"}`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub exchange_rates: BTreeMap<String, String>,
    /// Viewers' region, for regional age rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Number of viewers.
    pub viewers: u64,
    /// Age groups (default: everyone 18 to 64).
    #[serde(default = "default_ages")]
    pub ages: Vec<AgeGroupInput>,
    /// Spender segments.
    pub segments: Vec<SegmentInput>,
    /// Price elasticity of coin demand: coins bought scale with `price_multiplier^elasticity`
    /// (0: the same coins whatever the price; −1: the same money).
    #[serde(default = "zero_text")]
    pub elasticity: String,
    /// Every price on every card is multiplied by this (default 1).
    #[serde(default = "one_text")]
    pub price_multiplier: String,
    /// Creators receiving the gifts.
    #[serde(default = "default_creators")]
    pub creators: CreatorsInput,
    /// Chance a guardian approves a purchase that needs approval (default 0.5).
    #[serde(default = "half")]
    pub guardian_approval_rate: String,
    /// Days simulated.
    pub days: u32,
    /// First day (`YYYY-MM-DD`), for calendar windows (default 2026-01-01).
    #[serde(default = "default_start")]
    pub start: String,
    /// Monte Carlo runs (default 1).
    #[serde(default = "one_run")]
    pub runs: u32,
    /// Seed: the same scenario and seed give the same answer, byte for byte.
    #[serde(default)]
    pub seed: u64,
}

fn optional_card_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let card = crate::rate_card::rate_card_arg_schema(generator);
    schemars::json_schema!({"anyOf": [card, {"type": "null"}]})
}

/// A validated budget distribution, in minor units of the scenario's currency.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Budget {
    /// Always this.
    Fixed(i64),
    /// Uniform in `[min, max]`.
    Uniform(i64, i64),
    /// Log-normal: median (minor units), sigma, optional cap.
    Lognormal(f64, f64, Option<i64>),
    /// Pareto: minimum (minor units), alpha, optional cap.
    Pareto(f64, f64, Option<i64>),
}

/// A validated segment.
#[derive(Debug, Clone)]
pub struct Segment {
    /// Id.
    pub id: String,
    /// Budget for 30 days, or `None` for non-spenders.
    pub budget: Option<Budget>,
    /// Chance of gifting on a given day.
    pub p_active: f64,
    /// Gifts on an active day.
    pub gifts_per_day: super::rng::Poisson,
    /// Money a top-up aims at, in minor units (before the price multiplier).
    pub top_up: Option<i64>,
    /// Gift choices: (gift id or None for plain coins, coins, weight).
    pub gifts: Vec<(Option<String>, u64, u32)>,
}

/// A validated age group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AgeGroup {
    /// Id.
    pub id: String,
    /// Youngest age.
    pub min_age: u32,
    /// First age past it.
    pub max_age: u32,
}

/// A validated channel.
#[derive(Debug, Clone)]
pub struct ChannelSpec {
    /// The card, its prices already multiplied.
    pub card: RateCard,
    /// Share of viewers.
    pub share: f64,
    /// The multiplier applied to its prices (scenario's × channel's).
    pub multiplier: Decimal,
    /// Budgets on this channel scale by `multiplier^(1 + elasticity)`.
    pub demand_factor: f64,
}

/// A validated scenario.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// Channels.
    pub channels: Vec<ChannelSpec>,
    /// Currency of every card and budget.
    pub currency: Currency,
    /// The rules.
    pub rules: RuleSet,
    /// Scenario money → rules money.
    pub to_rules: Fraction,
    /// Region for age rules.
    pub region: Option<String>,
    /// Viewers.
    pub viewers: u64,
    /// Age groups and their alias table.
    pub ages: Vec<AgeGroup>,
    /// Draws an age group.
    pub age_alias: Alias,
    /// Segments.
    pub segments: Vec<Segment>,
    /// Draws a segment.
    pub segment_alias: Alias,
    /// Draws a channel.
    pub channel_alias: Alias,
    /// The price multiplier.
    pub price_multiplier: Decimal,
    /// The elasticity.
    pub elasticity: Decimal,
    /// Creators.
    pub creators: u64,
    /// Draws a creator.
    pub creator_alias: Alias,
    /// Chance a guardian approves.
    pub approval_rate: f64,
    /// Days.
    pub days: u32,
    /// First day.
    pub start: Date,
    /// Runs.
    pub runs: u32,
    /// Seed.
    pub seed: u64,
}

/// Parses a decimal share in [0, 1] and returns it and its float value for sampling.
fn share(text: &str, path: &str) -> Result<(Decimal, f64)> {
    let d = parse_decimal_in(text, path, Decimal::ZERO, Decimal::ONE)?;
    Ok((d, d.to_f64().unwrap_or(0.0)))
}

/// Checks that shares add up to exactly 1.
fn shares_add_up(total: Decimal, path: &str) -> Result<()> {
    if total == Decimal::ONE {
        Ok(())
    } else {
        Err(Error::new(
            ErrorCode::InvalidValue,
            path,
            format!("the shares add up to {}, not 1", total.normalize()),
        ))
    }
}

fn positive_f64(text: &str, path: &str, max: i64) -> Result<f64> {
    let d = parse_decimal_in(text, path, Decimal::ZERO, Decimal::from(max))?;
    Ok(d.to_f64().unwrap_or(0.0))
}

fn money_positive(text: &str, currency: Currency, path: &str) -> Result<i64> {
    let m = Money::parse(text, currency, path)?;
    if !m.is_positive() || m.minor() > 1_000_000_000_000 {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            path,
            "an amount here must be above zero and below ten billion",
        ));
    }
    Ok(m.minor())
}

impl Scenario {
    /// Validates a scenario, reporting the first problem by its JSON path.
    pub fn from_input(input: &ScenarioInput) -> Result<Scenario> {
        let price_multiplier = parse_decimal_in(
            &input.price_multiplier,
            "price_multiplier",
            Decimal::new(1, 2),
            Decimal::from(100),
        )?;
        let elasticity = parse_decimal_in(
            &input.elasticity,
            "elasticity",
            Decimal::from(-10),
            Decimal::from(10),
        )?;
        let channels = Self::channels(input, price_multiplier, elasticity)?;
        let currency = channels[0].card.currency;
        let rules = caps::resolve(&input.rule_set, "rule_set")?.into_owned();
        let rates = ExchangeRates::parse(&input.exchange_rates, "exchange_rates")?;
        let to_rules = rates.minor_rate(currency, rules.currency, "rule_set")?;
        if let Some(r) = &input.region {
            caps::validate_region(r, "region")?;
        }
        if input.viewers == 0 || input.viewers > MAX_VIEWERS {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "viewers",
                format!("simulate 1 to {MAX_VIEWERS} viewers"),
            ));
        }
        if input.days == 0 || input.days > MAX_DAYS {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "days",
                format!("simulate 1 to {MAX_DAYS} days"),
            ));
        }
        if input.runs == 0 || input.runs > MAX_RUNS {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "runs",
                format!("use 1 to {MAX_RUNS} runs"),
            ));
        }
        let work = input.viewers * u64::from(input.days) * u64::from(input.runs);
        if work > MAX_VIEWER_DAYS {
            return Err(Error::new(
                ErrorCode::TooLarge,
                "viewers",
                format!(
                    "{} viewers × {} days × {} runs is {work} viewer-days; at most {MAX_VIEWER_DAYS} are simulated at once",
                    input.viewers, input.days, input.runs
                ),
            ));
        }
        let (ages, age_alias) = Self::ages(&input.ages)?;
        let (segments, segment_alias) = Self::segments(input, &channels, currency)?;
        let creators = &input.creators;
        if creators.count == 0 || creators.count > MAX_CREATORS {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "creators.count",
                format!("simulate 1 to {MAX_CREATORS} creators"),
            ));
        }
        let s = positive_f64(&creators.zipf_exponent, "creators.zipf_exponent", 10)?;
        let weights: Vec<f64> = (1..=creators.count)
            .map(|k| libm::pow(k as f64, -s))
            .collect();
        let start = Date::parse(&input.start).ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidValue,
                "start",
                "the start is a date like 2026-03-01",
            )
        })?;
        Ok(Scenario {
            channel_alias: Alias::new(&channels.iter().map(|c| c.share).collect::<Vec<_>>()),
            channels,
            currency,
            rules,
            to_rules,
            region: input.region.clone(),
            viewers: input.viewers,
            ages,
            age_alias,
            segments,
            segment_alias,
            price_multiplier,
            elasticity,
            creators: creators.count,
            creator_alias: Alias::new(&weights),
            approval_rate: share(&input.guardian_approval_rate, "guardian_approval_rate")?.1,
            days: input.days,
            start,
            runs: input.runs,
            seed: input.seed,
        })
    }

    fn channels(
        input: &ScenarioInput,
        m: Decimal,
        elasticity: Decimal,
    ) -> Result<Vec<ChannelSpec>> {
        let listed: Vec<(serde_json::Value, String, String, String)> =
            match (&input.rate_card, input.channels.is_empty()) {
                (Some(c), true) => vec![(c.clone(), "1".into(), "1".into(), "rate_card".into())],
                (None, false) => input
                    .channels
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        (
                            c.rate_card.clone(),
                            c.share.clone(),
                            c.price_multiplier.clone(),
                            join(&index("channels", i), "rate_card"),
                        )
                    })
                    .collect(),
                (Some(_), false) => {
                    return Err(Error::new(
                        ErrorCode::ConflictingFields,
                        "channels",
                        "give either `rate_card` or `channels`, not both",
                    ))
                }
                (None, true) => {
                    return Err(Error::new(
                        ErrorCode::MissingField,
                        "rate_card",
                        "a scenario needs a `rate_card` or `channels`",
                    ))
                }
            };
        if listed.len() > 16 {
            return Err(Error::new(
                ErrorCode::TooLarge,
                "channels",
                "at most 16 channels",
            ));
        }
        let mut total = Decimal::ZERO;
        let mut out: Vec<ChannelSpec> = Vec::new();
        for (i, (card, share_text, own, path)) in listed.iter().enumerate() {
            let card = crate::ops::resolve_rate_card(card, path)?;
            let own = parse_decimal_in(
                own,
                &join(&index("channels", i), "price_multiplier"),
                Decimal::new(1, 2),
                Decimal::from(100),
            )?;
            let multiplier = m * own;
            let card = if multiplier == Decimal::ONE {
                card.into_owned()
            } else {
                card.with_price_multiplier(multiplier, path)?
            };
            let share_path = if input.channels.is_empty() {
                "rate_card".to_string()
            } else {
                join(&index("channels", i), "share")
            };
            let (d, f) = share(share_text, &share_path)?;
            total += d;
            if let Some(first) = out.first().map(|c| &c.card) {
                if first.currency != card.currency {
                    return Err(Error::new(
                        ErrorCode::CurrencyMismatch,
                        path.clone(),
                        format!(
                            "{} is priced in {}, the first channel in {}; a scenario uses one currency",
                            card.id, card.currency, first.currency
                        ),
                    ));
                }
            }
            let exponent = 1.0 + elasticity.to_f64().unwrap_or(0.0);
            out.push(ChannelSpec {
                card,
                share: f,
                multiplier,
                demand_factor: libm::pow(multiplier.to_f64().unwrap_or(1.0), exponent),
            });
        }
        shares_add_up(
            total,
            if input.channels.is_empty() {
                "rate_card"
            } else {
                "channels"
            },
        )?;
        Ok(out)
    }

    fn ages(groups: &[AgeGroupInput]) -> Result<(Vec<AgeGroup>, Alias)> {
        if groups.is_empty() || groups.len() > 32 {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "ages",
                "give 1 to 32 age groups",
            ));
        }
        let mut total = Decimal::ZERO;
        let mut out: Vec<AgeGroup> = Vec::new();
        let mut weights = Vec::new();
        for (i, g) in groups.iter().enumerate() {
            let at = index("ages", i);
            if g.max_age <= g.min_age || g.max_age > caps::MAX_AGE + 1 {
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    join(&at, "max_age"),
                    "max_age must be above min_age (it is the first age past the group) and at most 131",
                ));
            }
            if out
                .iter()
                .any(|o| g.min_age < o.max_age && o.min_age < g.max_age)
            {
                return Err(Error::new(
                    ErrorCode::ConflictingFields,
                    at,
                    "age groups overlap",
                ));
            }
            let id = match &g.id {
                Some(id) => {
                    crate::id::validate(id, &join(&at, "id"))?;
                    id.clone()
                }
                None => format!("{}-to-{}", g.min_age, g.max_age - 1),
            };
            let (d, f) = share(&g.share, &join(&at, "share"))?;
            total += d;
            weights.push(f);
            out.push(AgeGroup {
                id,
                min_age: g.min_age,
                max_age: g.max_age,
            });
        }
        shares_add_up(total, "ages")?;
        Ok((out, Alias::new(&weights)))
    }

    fn segments(
        input: &ScenarioInput,
        channels: &[ChannelSpec],
        currency: Currency,
    ) -> Result<(Vec<Segment>, Alias)> {
        if input.segments.is_empty() || input.segments.len() > 32 {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "segments",
                "give 1 to 32 segments",
            ));
        }
        let mut total = Decimal::ZERO;
        let mut out: Vec<Segment> = Vec::new();
        let mut weights = Vec::new();
        for (i, s) in input.segments.iter().enumerate() {
            let at = index("segments", i);
            crate::id::validate(&s.id, &join(&at, "id"))?;
            if out.iter().any(|o| o.id == s.id) {
                return Err(Error::new(
                    ErrorCode::Duplicate,
                    join(&at, "id"),
                    format!("segment `{}` appears twice", s.id),
                ));
            }
            let (d, f) = share(&s.share, &join(&at, "share"))?;
            total += d;
            weights.push(f);
            let budget = s
                .budget
                .as_ref()
                .map(|b| Self::budget(b, currency, &join(&at, "budget")))
                .transpose()?;
            let days_per_week = positive_f64(
                &s.active_days_per_week,
                &join(&at, "active_days_per_week"),
                7,
            )?;
            let gifts_per_day = positive_f64(
                &s.gifts_per_active_day,
                &join(&at, "gifts_per_active_day"),
                10_000,
            )?;
            let top_up = s
                .top_up
                .as_deref()
                .map(|t| money_positive(t, currency, &join(&at, "top_up")))
                .transpose()?;
            let mut gifts = Vec::new();
            if s.gifts.len() > 64 {
                return Err(Error::new(
                    ErrorCode::TooLarge,
                    join(&at, "gifts"),
                    "at most 64 gift choices per segment",
                ));
            }
            for (j, g) in s.gifts.iter().enumerate() {
                let gat = index(&join(&at, "gifts"), j);
                let coins = match (&g.gift, g.coins) {
                    (Some(id), None) => {
                        // Every channel must know the gift, at one price.
                        let mut coins = None;
                        for card in channels.iter().map(|c| &c.card) {
                            let gift = card.gifts.find(id, &join(&gat, "gift"))?;
                            if coins.is_some_and(|c| c != gift.coins) {
                                return Err(Error::new(
                                    ErrorCode::ConflictingFields,
                                    join(&gat, "gift"),
                                    format!("`{id}` costs different coins on different channels"),
                                ));
                            }
                            coins = Some(gift.coins);
                        }
                        coins.unwrap_or(1)
                    }
                    (None, Some(c)) if (1..=crate::gifts::MAX_GIFT_COINS).contains(&c) => c,
                    (None, Some(_)) => {
                        return Err(Error::new(
                            ErrorCode::OutOfRange,
                            join(&gat, "coins"),
                            format!("a gift costs 1 to {} coins", crate::gifts::MAX_GIFT_COINS),
                        ))
                    }
                    _ => {
                        return Err(Error::new(
                            ErrorCode::ConflictingFields,
                            gat,
                            "a gift choice names either a `gift` or a number of `coins`",
                        ))
                    }
                };
                if g.weight == 0 {
                    return Err(Error::new(
                        ErrorCode::OutOfRange,
                        join(&gat, "weight"),
                        "a weight is at least 1",
                    ));
                }
                gifts.push((g.gift.clone(), coins, g.weight));
            }
            if budget.is_some() && gifts.is_empty() {
                return Err(Error::new(
                    ErrorCode::MissingField,
                    join(&at, "gifts"),
                    "a segment with a budget needs the gifts it sends",
                ));
            }
            out.push(Segment {
                id: s.id.clone(),
                budget,
                p_active: days_per_week / 7.0,
                gifts_per_day: super::rng::Poisson::new(gifts_per_day),
                top_up,
                gifts,
            });
        }
        shares_add_up(total, "segments")?;
        Ok((out, Alias::new(&weights)))
    }

    fn budget(b: &BudgetInput, currency: Currency, at: &str) -> Result<Budget> {
        fn need<'v>(v: &'v Option<String>, f: &str, at: &str, b: &BudgetInput) -> Result<&'v str> {
            v.as_deref().ok_or_else(|| {
                Error::new(
                    ErrorCode::MissingField,
                    join(at, f),
                    format!("a {} budget needs `{f}`", b.distribution.name()),
                )
            })
        }
        let money = |v: &Option<String>, f: &str| -> Result<i64> {
            money_positive(need(v, f, at, b)?, currency, &join(at, f))
        };
        let cap = |v: &Option<String>| -> Result<Option<i64>> {
            v.as_deref()
                .map(|t| money_positive(t, currency, &join(at, "max")))
                .transpose()
        };
        Ok(match b.distribution {
            BudgetDistribution::Fixed => Budget::Fixed(money(&b.amount, "amount")?),
            BudgetDistribution::Uniform => {
                let (lo, hi) = (money(&b.min, "min")?, money(&b.max, "max")?);
                if hi < lo {
                    return Err(Error::new(
                        ErrorCode::InvalidValue,
                        join(at, "max"),
                        "max must be at least min",
                    ));
                }
                Budget::Uniform(lo, hi)
            }
            BudgetDistribution::Lognormal => Budget::Lognormal(
                money(&b.median, "median")? as f64,
                positive_f64(need(&b.sigma, "sigma", at, b)?, &join(at, "sigma"), 5)?,
                cap(&b.max)?,
            ),
            BudgetDistribution::Pareto => {
                let alpha = parse_decimal(need(&b.alpha, "alpha", at, b)?, &join(at, "alpha"))?;
                if alpha <= Decimal::ZERO || alpha > Decimal::from(20) {
                    return Err(Error::new(
                        ErrorCode::OutOfRange,
                        join(at, "alpha"),
                        "alpha is above 0 and at most 20",
                    ));
                }
                Budget::Pareto(
                    money(&b.min, "min")? as f64,
                    alpha.to_f64().unwrap_or(1.0),
                    cap(&b.max)?,
                )
            }
        })
    }
}
