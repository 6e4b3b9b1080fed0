//! The channels a scenario's viewers buy on: each rate card with its share of viewers and its
//! price multiplier, all in one currency.

use super::fields::{share, shares_add_up};
use super::input::ScenarioInput;
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::money::parse_decimal_in;
use crate::preset_or::PresetOr;
use crate::presets;
use crate::rate_card::{RateCard, RateCardInput};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

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

/// The validated channels of `input`, their prices multiplied by `m` (and their own).
pub fn channels(
    input: &ScenarioInput,
    m: Decimal,
    elasticity: Decimal,
) -> Result<Vec<ChannelSpec>> {
    let listed: Vec<(PresetOr<RateCardInput>, String, String, String)> =
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
            format!("a scenario has at most 16 channels, not {}", listed.len()),
        )
        .with("max", 16)
        .with("given", listed.len()));
    }
    let mut total = Decimal::ZERO;
    let mut out: Vec<ChannelSpec> = Vec::new();
    for (i, (card, share_text, own, path)) in listed.iter().enumerate() {
        let card = presets::rate_card_of(card, path)?;
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
                )
                .with("expected", first.currency.code())
                .with("found", card.currency.code()));
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
