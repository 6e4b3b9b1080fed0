//! A simulation scenario: the population (ages, channels, spender segments, budgets, gifting
//! habits), the creators, the rate cards and the rules, as JSON can write it
//! ([`input::ScenarioInput`]) and validated ([`Scenario`]).
//!
//! - [`input`]: the scenario as written;
//! - [`channels`], [`ages`], [`segments`]: each part validated;
//! - [`fields`]: the forms their fields share (shares adding up to 1, positive amounts).

pub mod ages;
pub mod channels;
pub mod fields;
pub mod input;
pub mod segments;

use super::rng::{Alias, Cumulative, Rng};
use crate::caps::{self, RuleSet};
use crate::error::{Error, ErrorCode, Result};
use crate::money::{parse_decimal_in, Currency, ExchangeRates, Fraction};
use crate::presets;
use crate::time_zone::Date;
pub use ages::AgeGroup;
pub use channels::ChannelSpec;
use fields::{one_to, positive_f64, share};
pub use input::ScenarioInput;
use rust_decimal::Decimal;
pub use segments::{Budget, Retention, Segment, Spread};

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

/// Most viewers a scenario's sample may stand for.
pub const MAX_REPRESENTED: u64 = 2_000_000_000;

/// The viewers the sample stands for: at least the viewers simulated, at most
/// [`MAX_REPRESENTED`].
fn represents(input: &ScenarioInput) -> Result<u64> {
    let Some(r) = input.represents else {
        return Ok(input.viewers);
    };
    if r < input.viewers || r > MAX_REPRESENTED {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            "represents",
            format!(
                "the simulated viewers may stand for {} to {} viewers, not {}",
                crate::words::number(input.viewers),
                crate::words::number(MAX_REPRESENTED),
                crate::words::number(r)
            ),
        )
        .with_range(input.viewers, MAX_REPRESENTED, r));
    }
    Ok(r)
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
    /// Viewers they stand for (`viewers` when the scenario does not scale).
    pub represents: u64,
    /// Age groups.
    pub ages: Vec<AgeGroup>,
    /// Segments.
    pub segments: Vec<Segment>,
    /// Draws a viewer's age group, from the high half of their first draw.
    pub age_cdf: Cumulative,
    /// Per age group, draws a segment, from the low half of the same draw.
    pub segment_cdf: Vec<Cumulative>,
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
    /// Days simulated before `start` and left out of the results.
    pub warm_up: u32,
    /// Viewers younger than the stated age who state it: (share, stated age).
    pub misreport: Option<(f64, u32)>,
    /// The scenario as written, when it has uncertain parameters: each run draws them and is
    /// validated again ([`crate::simulate::uncertain`]).
    pub uncertain: Option<Box<ScenarioInput>>,
}

impl Scenario {
    /// A viewer's age group and segment, from one draw (most viewers need nothing else).
    #[inline]
    pub fn group_and_segment(&self, rng: &mut Rng) -> (usize, usize) {
        self.group_and_segment_from(rng.next_u64())
    }

    /// [`Scenario::group_and_segment`] from 64 bits already drawn: the high half picks the age
    /// group, the low half the segment, each by its cumulative shares ([`Cumulative`]).
    #[inline]
    pub fn group_and_segment_from(&self, bits: u64) -> (usize, usize) {
        let group = self.age_cdf.sample_bits((bits >> 32) as u32);
        let segment = self
            .segment_cdf
            .get(group)
            .map_or(0, |c| c.sample_bits(bits as u32));
        (group, segment)
    }

    /// The first day simulated (`start` less the warm-up).
    pub fn first_day(&self) -> Date {
        self.start.plus_days(-i64::from(self.warm_up))
    }

    /// Days simulated, the warm-up's included.
    pub fn simulated_days(&self) -> u32 {
        self.days + self.warm_up
    }
}

impl Scenario {
    /// Validates a scenario, reporting the first problem by its JSON path.
    pub fn from_input(input: &ScenarioInput) -> Result<Scenario> {
        if input.uncertain.len() > 12 {
            return Err(Error::new(
                ErrorCode::TooLarge,
                "uncertain",
                format!(
                    "at most 12 parameters are uncertain, not {}",
                    input.uncertain.len()
                ),
            )
            .with_range(0, 12, input.uncertain.len()));
        }
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
        let channels = channels::channels(input, price_multiplier, elasticity)?;
        let currency = channels[0].card.currency;
        let rules = presets::rule_set_of(&input.rule_set, "rule_set")?.into_owned();
        let rates = ExchangeRates::parse(&input.exchange_rates, "exchange_rates")?;
        let to_rules = rates.minor_rate(currency, rules.currency, "rule_set")?;
        if let Some(r) = &input.region {
            caps::validate_region(r, "region")?;
        }
        one_to(input.viewers, MAX_VIEWERS, "simulate {} viewers", "viewers")?;
        one_to(
            input.days.into(),
            MAX_DAYS.into(),
            "simulate {} days",
            "days",
        )?;
        one_to(input.runs.into(), MAX_RUNS.into(), "use {} runs", "runs")?;
        if input.warm_up_days > MAX_DAYS {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "warm_up_days",
                format!(
                    "a warm-up is 0 to {MAX_DAYS} days, not {}",
                    input.warm_up_days
                ),
            )
            .with_range(0, MAX_DAYS, input.warm_up_days));
        }
        let work =
            input.viewers * u64::from(input.days + input.warm_up_days) * u64::from(input.runs);
        if work > MAX_VIEWER_DAYS {
            return Err(Error::new(
                ErrorCode::TooLarge,
                "viewers",
                format!(
                    "{} viewers × {} days × {} runs is {} viewer-days; at most {} are simulated at once",
                    crate::words::number(input.viewers),
                    input.days,
                    input.runs,
                    crate::words::number(work),
                    crate::words::number(MAX_VIEWER_DAYS)
                ),
            )
            .with("max", MAX_VIEWER_DAYS)
            .with("given", work));
        }
        let (ages, age_weights) = ages::ages(&input.ages)?;
        let (segments, segment_weights) = segments::segments(input, &ages, &channels, currency)?;
        let misreport = match &input.age_misreport {
            Some(m) => {
                if m.stated_age > caps::MAX_AGE {
                    return Err(Error::new(
                        ErrorCode::OutOfRange,
                        "age_misreport.stated_age",
                        format!("an age is 0 to {}", caps::MAX_AGE),
                    )
                    .with_range(0, caps::MAX_AGE, m.stated_age));
                }
                Some((share(&m.share, "age_misreport.share")?.1, m.stated_age))
            }
            None => None,
        };
        let creators = &input.creators;
        one_to(
            creators.count,
            MAX_CREATORS,
            "simulate {} creators",
            "creators.count",
        )?;
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
            represents: represents(input)?,
            ages,
            segments,
            age_cdf: Cumulative::new(&age_weights),
            segment_cdf: segment_weights.iter().map(|w| Cumulative::new(w)).collect(),
            price_multiplier,
            elasticity,
            creators: creators.count,
            creator_alias: Alias::new(&weights),
            approval_rate: share(&input.guardian_approval_rate, "guardian_approval_rate")?.1,
            days: input.days,
            start,
            runs: input.runs,
            seed: input.seed,
            warm_up: input.warm_up_days,
            misreport,
            uncertain: (!input.uncertain.is_empty()).then(|| Box::new(input.clone())),
        })
    }
}
