//! Shipped cards in currencies no source prices: a base card's figures converted at a stated
//! exchange rate, each converted figure labelled an estimate with the rate and its date. Stores
//! set their own local prices (Apple's price tiers, TikTok's regional packs), so these show the
//! shape of a market, not its price list.
//!
//! `src/presets/converted-cards.json` lists them; the cards themselves are data files like any
//! other (the engine carries no conversion code), written and checked by the test below:
//! `UPDATE_GOLDEN=1 cargo test --lib converted` rewrites them after a base card changes.

use crate::error::{from_json_str, Error, ErrorCode, Result};
use crate::money::{parse_decimal, round, round_decimal, Currency, Money, RoundingPoint};
use crate::rate_card::input::{RateCardInput, TaxInput};
use crate::sources::Provenance;
use rust_decimal::Decimal;
use serde::Deserialize;

/// A converted card as its data file writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConvertedInput {
    /// Id of the new card.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The base card's id.
    pub from: String,
    /// The new currency.
    pub currency: String,
    /// Units of `currency` per unit of the base card's currency.
    pub rate: String,
    /// When the rate held (`YYYY-MM`).
    pub rate_as_of: String,
    /// How the rate was chosen.
    pub rate_method: String,
    /// Sales tax or VAT in the new market.
    pub tax: TaxInput,
    /// How the tax was chosen.
    pub tax_method: String,
}

/// The converted cards' data file.
pub fn inputs(text: &str) -> Result<Vec<ConvertedInput>> {
    from_json_str(text)
}

/// Figures of the base card that the conversion replaces (money, and the tax).
const CONVERTED: [&str; 7] = [
    "tax",
    "bundles",
    "custom_amount",
    "creator.diamond_value",
    "payout.minimum",
    "payout.daily_cap",
    "payout.fee",
];

/// The base card `base` in the converted card's currency.
pub fn convert(c: &ConvertedInput, base: &RateCardInput) -> Result<RateCardInput> {
    let to = Currency::parse(&c.currency, "currency")?;
    let from = Currency::parse(&base.currency, "currency")?;
    let rate = parse_decimal(&c.rate, "rate")?;
    let money = |text: &str| -> Result<String> {
        let amount = Money::parse(text, from, "")?.to_decimal()?;
        let converted = amount.checked_mul(rate).ok_or_else(overflow)?;
        Ok(round(converted, to, RoundingPoint::Exchange)?.to_string())
    };
    let mut card = base.clone();
    card.id = c.id.clone();
    card.name = c.name.clone();
    card.currency = to.code().to_string();
    card.as_of = Some(c.rate_as_of.clone());
    card.version = 1;
    card.tax = c.tax.clone();
    for b in &mut card.bundles {
        b.price = money(&b.price)?;
    }
    if let Some(custom) = &mut card.custom_amount {
        // The step's price converts to whole minor units; the coin's price follows from it.
        let ppc = parse_decimal(&custom.price_per_coin, "custom_amount.price_per_coin")?;
        let step = Decimal::from(custom.step_coins);
        let step_price = money(&(ppc * step).normalize().to_string())?;
        let per_coin = parse_decimal(&step_price, "")?
            .checked_div(step)
            .ok_or_else(overflow)?;
        custom.price_per_coin = per_coin.normalize().to_string();
    }
    if let Some(v) = &card.creator.diamond_value {
        let value = parse_decimal(v, "creator.diamond_value")? * rate;
        card.creator.diamond_value = Some(
            round_decimal(value, 6, RoundingPoint::Exchange)
                .normalize()
                .to_string(),
        );
    }
    card.payout.minimum = money(&card.payout.minimum)?;
    if let Some(cap) = &card.payout.daily_cap {
        card.payout.daily_cap = Some(money(cap)?);
    }
    card.payout.fee.fixed = money(&card.payout.fee.fixed)?;
    card.payment_fee.fixed = money(&card.payment_fee.fixed)?;
    card.sources.retain(|s| {
        !s.fields
            .iter()
            .all(|f| CONVERTED.iter().any(|c| covers(c, f)))
    });
    let mut fields: Vec<String> = CONVERTED.iter().map(|f| f.to_string()).collect();
    fields.push("payment_fee.fixed".into());
    card.sources.push(Provenance {
        fields,
        source: None,
        as_of: None,
        checked: None,
        confidence: None,
        estimate: true,
        method: Some(format!(
            "{}'s figures × {} {} per {} ({}, {}): converted, not a published price list — stores set their own local prices",
            base.id, c.rate, to.code(), from.code(), c.rate_method, c.rate_as_of
        )),
        note: None,
    });
    card.sources.push(Provenance {
        fields: vec!["tax".into()],
        source: None,
        as_of: None,
        checked: None,
        confidence: None,
        estimate: true,
        method: Some(c.tax_method.clone()),
        note: None,
    });
    card.notes = Some(format!(
        "An estimate: {} converted to {} at {} per {} ({}). No source prices TikTok's packs in {}; the local prices differ.",
        base.id,
        to.code(),
        c.rate,
        from.code(),
        c.rate_as_of,
        to.code()
    ));
    Ok(card)
}

/// True when `f` is `field` or lies under it.
fn covers(field: &str, f: &str) -> bool {
    f == field
        || f.strip_prefix(field)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

fn overflow() -> Error {
    Error::new(
        ErrorCode::Overflow,
        "rate",
        "a converted figure is out of range",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converted_cards_are_current() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/presets");
        let spec = std::fs::read_to_string(root.join("converted-cards.json")).unwrap();
        let update = std::env::var_os("UPDATE_GOLDEN").is_some();
        for c in inputs(&spec).unwrap() {
            let base = super::super::rate_card(&c.from, "").unwrap().to_input();
            let card = convert(&c, &base).unwrap();
            let text = serde_json::to_string_pretty(&card).unwrap() + "\n";
            let path = root.join("rate_cards").join(format!("{}.json", c.id));
            if update {
                std::fs::write(&path, &text).unwrap();
            } else {
                let shipped = std::fs::read_to_string(&path).unwrap_or_default();
                assert!(
                    shipped == text,
                    "{} is not {} converted as converted-cards.json says: run UPDATE_GOLDEN=1 cargo test --lib converted",
                    path.display(),
                    c.from
                );
            }
            if !update {
                super::super::rate_card(&c.id, "").unwrap();
            }
        }
    }
}
