//! The parameters a sweep varies and an optimization decides: prices (every card's, one
//! channel's, one bundle's), fees, shares, caps. Each is set on a scenario as written, so the
//! point's scenario is validated like any other.

use super::scenario::ScenarioInput;
use crate::caps::RuleSetInput;
use crate::error::{Error, ErrorCode, Result};
use crate::money::{parse_decimal, parse_decimal_in, Money, RoundingPoint};
use crate::preset_or::PresetOr;
use crate::presets;
use crate::rate_card::{CreatorModel, RateCardInput};
use rust_decimal::Decimal;

/// A parameter a sweep can vary or an optimization decide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parameter {
    /// `price_multiplier`: every price on every card.
    PriceMultiplier,
    /// `elasticity`: of coin demand to price.
    Elasticity,
    /// `creator_share`: of net, on cards that pay a share.
    CreatorShare,
    /// `diamond_value`: on cards that pay per Diamond.
    DiamondValue,
    /// `store_fee_rate`: every card's.
    StoreFeeRate,
    /// `payment_fee_rate`: every card's.
    PaymentFeeRate,
    /// `cap_multiplier`: every cap's limit.
    CapMultiplier,
    /// `guardian_approval_rate`.
    GuardianApprovalRate,
    /// `cap:BRACKET/CAP`: one cap's limit.
    Cap(String, String),
    /// `price_multiplier:CARD`: the prices of the channels on card `CARD`.
    ChannelPriceMultiplier(String),
    /// The listed price of the bundle of `coins` coins on card `card`.
    BundlePrice(String, u64),
    /// The coins of that bundle (its bonus kept).
    BundleCoins(String, u64),
}

impl Parameter {
    /// The parameter named `name` (errors at `path`).
    pub fn parse(name: &str, path: &str) -> Result<Parameter> {
        Ok(match name {
            "price_multiplier" => Parameter::PriceMultiplier,
            "elasticity" => Parameter::Elasticity,
            "creator_share" => Parameter::CreatorShare,
            "diamond_value" => Parameter::DiamondValue,
            "store_fee_rate" => Parameter::StoreFeeRate,
            "payment_fee_rate" => Parameter::PaymentFeeRate,
            "cap_multiplier" => Parameter::CapMultiplier,
            "guardian_approval_rate" => Parameter::GuardianApprovalRate,
            other => match (other.strip_prefix("cap:").and_then(|r| r.split_once('/')), other.strip_prefix("price_multiplier:"), bundle(other)) {
                (Some((bracket, cap)), _, _) => Parameter::Cap(bracket.to_string(), cap.to_string()),
                (None, Some(card), _) if !card.is_empty() => Parameter::ChannelPriceMultiplier(card.to_string()),
                (None, None, Some((card, coins, true))) => Parameter::BundlePrice(card, coins),
                (None, None, Some((card, coins, false))) => Parameter::BundleCoins(card, coins),
                _ => {
                    return Err(Error::new(
                        ErrorCode::InvalidValue,
                        path,
                        format!(
                            "`{}` is not a parameter; use price_multiplier, price_multiplier:CARD, bundle:CARD/COINS/price, bundle:CARD/COINS/coins, elasticity, creator_share, diamond_value, store_fee_rate, payment_fee_rate, cap_multiplier, guardian_approval_rate or cap:BRACKET/CAP",
                            other.chars().take(60).collect::<String>()
                        ),
                    ))
                }
            },
        })
    }

    /// Whether the parameter is an amount of money (a price or a cap) rather than a rate.
    pub fn is_money(&self) -> bool {
        matches!(
            self,
            Parameter::DiamondValue | Parameter::Cap(..) | Parameter::BundlePrice(..)
        )
    }

    /// Checks a value's form (ranges are checked again when the scenario is validated).
    pub fn check_value(&self, value: &str, path: &str) -> Result<()> {
        let (lo, hi) = match self {
            Parameter::Elasticity => (Decimal::from(-10), Decimal::from(10)),
            Parameter::PriceMultiplier
            | Parameter::CapMultiplier
            | Parameter::ChannelPriceMultiplier(_) => (Decimal::new(1, 2), Decimal::from(100)),
            Parameter::DiamondValue | Parameter::Cap(..) | Parameter::BundlePrice(..) => {
                (Decimal::ZERO, Decimal::from(1_000_000_000))
            }
            Parameter::BundleCoins(..) => (Decimal::ONE, Decimal::from(1_000_000_000_000u64)),
            _ => (Decimal::ZERO, Decimal::ONE),
        };
        parse_decimal_in(value, path, lo, hi).map(|_| ())
    }

    /// The scenario with this parameter set to `value`.
    pub fn apply(&self, s: &mut ScenarioInput, value: &str, path: &str) -> Result<()> {
        match self {
            Parameter::PriceMultiplier => s.price_multiplier = value.to_string(),
            Parameter::Elasticity => s.elasticity = value.to_string(),
            Parameter::GuardianApprovalRate => s.guardian_approval_rate = value.to_string(),
            Parameter::ChannelPriceMultiplier(id) => {
                let mut found = false;
                for c in &mut s.channels {
                    if presets::rate_card_of(&c.rate_card, path)?.id == *id {
                        c.price_multiplier = value.to_string();
                        found = true;
                    }
                }
                if !found {
                    return Err(no_channel(id, path));
                }
            }
            Parameter::CreatorShare
            | Parameter::DiamondValue
            | Parameter::StoreFeeRate
            | Parameter::PaymentFeeRate => {
                edit_cards(s, path, |card| {
                    match self {
                        Parameter::CreatorShare
                            if card.creator.model == CreatorModel::ShareOfNet =>
                        {
                            card.creator.share = Some(value.to_string())
                        }
                        Parameter::CreatorShare => {
                            return Err(Error::new(
                                ErrorCode::ConflictingFields,
                                path,
                                format!(
                                    "{} pays creators per Diamond; sweep diamond_value instead",
                                    card.id
                                ),
                            ))
                        }
                        Parameter::DiamondValue
                            if card.creator.model == CreatorModel::PerDiamond =>
                        {
                            card.creator.diamond_value = Some(value.to_string())
                        }
                        Parameter::DiamondValue => {
                            return Err(Error::new(
                                ErrorCode::ConflictingFields,
                                path,
                                format!(
                                    "{} pays creators a share of net; sweep creator_share instead",
                                    card.id
                                ),
                            ))
                        }
                        Parameter::StoreFeeRate => card.store_fee_rate = value.to_string(),
                        _ => card.payment_fee.rate = value.to_string(),
                    }
                    Ok(())
                })?;
            }
            Parameter::BundlePrice(id, coins) | Parameter::BundleCoins(id, coins) => {
                let mut found = false;
                edit_card(s, id, path, |card| {
                    let Some(b) = card.bundles.iter_mut().find(|b| b.coins == *coins) else {
                        return Err(Error::new(
                            ErrorCode::InvalidValue,
                            path,
                            format!("the rate card `{id}` has no bundle of {coins} coins"),
                        )
                        .with(
                            "suggestions",
                            card.bundles.iter().map(|b| b.coins).collect::<Vec<_>>(),
                        ));
                    };
                    match self {
                        Parameter::BundlePrice(..) => b.price = value.to_string(),
                        _ => {
                            b.coins = parse_decimal(value, path)?.try_into().map_err(|_| {
                                Error::new(
                                    ErrorCode::InvalidValue,
                                    path,
                                    "a bundle's coins are a whole number",
                                )
                            })?
                        }
                    }
                    found = true;
                    Ok(())
                })?;
                if !found {
                    return Err(no_channel(id, path));
                }
            }
            Parameter::CapMultiplier => {
                let m = parse_decimal(value, path)?;
                edit_rules(s, path, |rules, currency| {
                    for cap in rules.brackets.iter_mut().flat_map(|b| b.caps.iter_mut()) {
                        let limit = Money::parse(&cap.limit, currency, path)?;
                        let scaled =
                            crate::money::round(limit.times(m)?, currency, RoundingPoint::Price)?;
                        cap.limit = scaled.to_string();
                    }
                    Ok(())
                })?;
            }
            Parameter::Cap(bracket, cap) => {
                edit_rules(s, path, |rules, _| {
                    let found = rules
                        .brackets
                        .iter_mut()
                        .filter(|b| b.id == *bracket)
                        .flat_map(|b| b.caps.iter_mut())
                        .find(|c| c.id == *cap);
                    match found {
                        Some(c) => {
                            c.limit = value.to_string();
                            Ok(())
                        }
                        None => Err(Error::new(
                            ErrorCode::InvalidValue,
                            path,
                            format!("the rule set has no cap `{cap}` in bracket `{bracket}`"),
                        )),
                    }
                })?;
            }
        }
        Ok(())
    }
}

/// `bundle:CARD/COINS/price` or `…/coins`: the card, the bundle's coins, and whether the price.
fn bundle(name: &str) -> Option<(String, u64, bool)> {
    let rest = name.strip_prefix("bundle:")?;
    let (rest, field) = rest.rsplit_once('/')?;
    let (card, coins) = rest.rsplit_once('/')?;
    let price = match field {
        "price" => true,
        "coins" => false,
        _ => return None,
    };
    Some((card.to_string(), coins.parse().ok()?, price)).filter(|b| !b.0.is_empty())
}

fn no_channel(id: &str, path: &str) -> Error {
    Error::new(
        ErrorCode::InvalidValue,
        path,
        format!("no channel of the scenario uses the rate card `{id}` (list it under `channels`)"),
    )
}

/// Applies `f` to each card with id `id` (the scenario's own or a channel's), written back as
/// an object.
fn edit_card(
    s: &mut ScenarioInput,
    id: &str,
    path: &str,
    mut f: impl FnMut(&mut RateCardInput) -> Result<()>,
) -> Result<()> {
    let slots: Vec<&mut PresetOr<RateCardInput>> = match &mut s.rate_card {
        Some(card) => vec![card],
        None => s.channels.iter_mut().map(|c| &mut c.rate_card).collect(),
    };
    for slot in slots {
        if presets::rate_card_of(slot, path)?.id != id {
            continue;
        }
        let mut input = presets::rate_card_of(slot, path)?.to_input();
        f(&mut input)?;
        *slot = PresetOr::Given(input);
    }
    Ok(())
}

/// Applies `f` to every channel's card, written back as an object.
fn edit_cards(
    s: &mut ScenarioInput,
    path: &str,
    f: impl Fn(&mut RateCardInput) -> Result<()>,
) -> Result<()> {
    let mut slots: Vec<&mut PresetOr<RateCardInput>> = match &mut s.rate_card {
        Some(card) => vec![card],
        None => s.channels.iter_mut().map(|c| &mut c.rate_card).collect(),
    };
    for slot in slots.iter_mut() {
        let mut input = presets::rate_card_of(slot, path)?.to_input();
        f(&mut input)?;
        **slot = PresetOr::Given(input);
    }
    Ok(())
}

/// Applies `f` to the rule set, written back as an object.
fn edit_rules(
    s: &mut ScenarioInput,
    path: &str,
    f: impl Fn(&mut RuleSetInput, crate::money::Currency) -> Result<()>,
) -> Result<()> {
    let rules = presets::rule_set_of(&s.rule_set, path)?;
    let mut input = rules.to_input();
    f(&mut input, rules.currency)?;
    s.rule_set = PresetOr::Given(input);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_parameters_are_named() {
        let err = Parameter::parse("price", "grid[0].parameter").unwrap_err();
        assert_eq!(
            (err.code, err.path.as_str()),
            (ErrorCode::InvalidValue, "grid[0].parameter")
        );
        assert_eq!(
            Parameter::parse("cap:16-to-17/monthly", "p").unwrap(),
            Parameter::Cap("16-to-17".into(), "monthly".into())
        );
        assert_eq!(
            Parameter::parse("bundle:tiktok-ios/330/price", "p").unwrap(),
            Parameter::BundlePrice("tiktok-ios".into(), 330)
        );
        assert!(Parameter::parse("bundle:tiktok-ios/330/bonus", "p").is_err());
    }
}
