//! `compare`: the same fan spending on several platforms, side by side ("of $100 spent, the
//! creator receives …"). Every coin the money buys is assumed gifted.

use crate::error::{index, Error, ErrorCode, Result};
use crate::flow::{self, FlowEntry};
use crate::money::{percent, unit_price, Currency, Money};
use crate::payout;
use crate::preset_or::PresetOr;
use crate::presets;
use crate::rate_card::{RateCardInput, RateCardRef};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Most rate cards in one comparison.
pub const MAX_RATE_CARDS: usize = 32;

/// The `compare` request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompareRequest {
    /// Money the fan spends, a decimal string.
    pub spend: String,
    /// Currency of `spend` (default `USD`).
    #[serde(default = "usd")]
    pub currency: String,
    /// Preset ids or rate card objects; default: every preset in the currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 32))]
    pub rate_cards: Option<Vec<PresetOr<RateCardInput>>>,
}

fn usd() -> String {
    "USD".into()
}

/// One platform's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CompareRow {
    /// The card.
    pub rate_card: RateCardRef,
    /// What the platform calls its coins.
    pub coin_name: String,
    /// Coins the money buys.
    pub coins: u64,
    /// What the viewer pays for them.
    pub viewer_pays: Money,
    /// Money not spent because no purchase fits it.
    pub budget_left: Money,
    /// Price per coin.
    #[serde(serialize_with = "crate::money::optional_decimal_string")]
    #[schemars(with = "Option<String>")]
    pub price_per_coin: Option<Decimal>,
    /// What the creator keeps when every coin is gifted.
    pub creator_keeps: Money,
    /// `creator_keeps` as a percentage of the money spent (2 decimals).
    #[serde(serialize_with = "crate::money::optional_decimal_string")]
    #[schemars(with = "Option<String>")]
    pub creator_percent: Option<Decimal>,
    /// True when the creator can withdraw it at once (at or above the payout minimum).
    pub creator_can_withdraw: bool,
    /// Where every cent goes; adds up to `viewer_pays`.
    pub flow: Vec<FlowEntry>,
}

/// The `compare` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CompareResponse {
    /// The money spent on each platform.
    pub spend: Money,
    /// One row per rate card, in the order given.
    pub rows: Vec<CompareRow>,
    /// Id of the card whose creator keeps the most; absent with a single card (nothing to
    /// compare it with).
    pub best_for_creator: Option<String>,
}

/// Answers a `compare` request.
pub fn compare(req: &CompareRequest) -> Result<CompareResponse> {
    let currency = Currency::parse(&req.currency, "currency")?;
    let spend = Money::parse(&req.spend, currency, "spend")?;
    if spend.is_negative() {
        return Err(
            Error::new(ErrorCode::OutOfRange, "spend", "spend must be zero or more")
                .with("min", "0"),
        );
    }
    let cards = match &req.rate_cards {
        Some(list) => {
            if list.is_empty() || list.len() > MAX_RATE_CARDS {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    "rate_cards",
                    format!(
                        "compare 1 to {MAX_RATE_CARDS} rate cards; {} given",
                        list.len()
                    ),
                )
                .with("min", 1)
                .with("max", MAX_RATE_CARDS)
                .with("given", list.len()));
            }
            list.iter()
                .enumerate()
                .map(|(i, v)| {
                    presets::rate_card_of(v, &index("rate_cards", i)).map(|c| c.into_owned())
                })
                .collect::<Result<Vec<_>>>()?
        }
        None => presets::all_rate_cards()
            .filter(|c| c.currency == currency)
            .cloned()
            .collect(),
    };
    if cards.is_empty() {
        return Err(Error::new(
            ErrorCode::NoSolution,
            "currency",
            format!("no preset rate card is priced in {currency}; list rate_cards explicitly"),
        ));
    }
    let mut rows = Vec::with_capacity(cards.len());
    for (i, card) in cards.iter().enumerate() {
        if card.currency != currency {
            return Err(Error::new(
                ErrorCode::CurrencyMismatch,
                index("rate_cards", i),
                format!(
                    "{} is priced in {}, but the spend is in {currency}; compare cards of one currency",
                    card.id, card.currency
                ),
            )
            .with("expected", currency.code())
            .with("found", card.currency.code()));
        }
        let mix = presets::optimizer(card)
            .most_coins_for(u64::try_from(spend.minor()).unwrap_or(u64::MAX));
        let coins = mix.coins();
        let ledger = flow::ledger(card, &mix, &flow::plain_coins(card, coins))?;
        let price = Money::from_minor(mix.price(), currency);
        let keeps = ledger.creator.keeps;
        rows.push(CompareRow {
            rate_card: card.reference(),
            coin_name: card.coin_name.clone(),
            coins,
            viewer_pays: ledger.viewer_pays,
            budget_left: spend.checked_sub(price)?,
            price_per_coin: unit_price(ledger.viewer_pays, coins),
            creator_keeps: keeps,
            creator_percent: percent(keeps, spend),
            creator_can_withdraw: payout::plan(&card.payout, keeps)?.can_withdraw,
            flow: ledger.flow,
        });
    }
    let best_for_creator = rows
        .iter()
        .filter(|_| rows.len() > 1)
        .filter(|r| r.creator_keeps.is_positive())
        .max_by_key(|r| r.creator_keeps.minor())
        .map(|r| r.rate_card.id.clone());
    Ok(CompareResponse {
        spend,
        rows,
        best_for_creator,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::from_json_str;

    #[test]
    fn one_hundred_dollars_across_platforms() {
        let req: CompareRequest = from_json_str(r#"{"spend": "100.00"}"#).unwrap();
        let r = compare(&req).unwrap();
        assert!(r.rows.len() >= 6);
        for row in &r.rows {
            assert_eq!(
                flow::total(&row.flow).unwrap(),
                row.viewer_pays,
                "{}",
                row.rate_card.id
            );
            assert!(row.viewer_pays.minor() <= 10_000, "{}", row.rate_card.id);
        }
        let twitch = r
            .rows
            .iter()
            .find(|r| r.rate_card.id == "twitch-bits")
            .unwrap();
        // $100 buys 5,000 Bits for $64.40 plus 2,500 more … every Bit pays the creator $0.01.
        assert_eq!(twitch.creator_keeps.minor() as u64, twitch.coins);
    }

    #[test]
    fn currencies_must_match() {
        let req: CompareRequest =
            from_json_str(r#"{"spend": "10.00", "rate_cards": ["tiktok-web", "tiktok-ios-gbp"]}"#)
                .unwrap();
        let err = compare(&req).unwrap_err();
        assert_eq!(
            (err.code, err.path.as_str()),
            (ErrorCode::CurrencyMismatch, "rate_cards[1]")
        );
        let req: CompareRequest = from_json_str(r#"{"spend": "10.5", "currency": "JPY"}"#).unwrap();
        assert_eq!(compare(&req).unwrap_err().code, ErrorCode::InvalidDecimal);
        let req: CompareRequest = from_json_str(r#"{"spend": "1000", "currency": "CHF"}"#).unwrap();
        assert_eq!(compare(&req).unwrap_err().code, ErrorCode::NoSolution);
        // Yen cards are converted estimates: two of them, so a comparison with a winner.
        let req: CompareRequest = from_json_str(r#"{"spend": "1000", "currency": "JPY"}"#).unwrap();
        let answer = compare(&req).unwrap();
        assert_eq!(answer.rows.len(), 2);
        assert!(answer.best_for_creator.is_some());
        // One card alone is no comparison: no best.
        let req: CompareRequest =
            from_json_str(r#"{"spend": "10.00", "rate_cards": ["tiktok-web"]}"#).unwrap();
        assert_eq!(compare(&req).unwrap().best_for_creator, None);
    }
}
