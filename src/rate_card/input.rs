//! A rate card as JSON writes it, and a validated card written back in that form (so a preset
//! can be edited and sent back).

use super::{AgencyPayer, Channel, CreatorModel, CreatorTerms, Fee, RateCard, Tax, TaxMode};
use crate::gifts::GiftInput;
use crate::preset_or::{PresetKind, PresetOr};
use crate::sources::Provenance;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A bundle as written: coins, bonus coins, price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BundleInput {
    /// Coins the bundle is sold as.
    pub coins: u64,
    /// Extra coins given with it.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub bonus_coins: u64,
    /// Listed price, a decimal string.
    pub price: String,
    /// At most this many of the bundle in one purchase answer (1 to 8): a first-purchase or
    /// limited offer. Absent: as many as wanted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_purchases: Option<u64>,
}

/// A custom-amount rule as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomAmountInput {
    /// Price of one coin, a decimal string (may be finer than a cent).
    pub price_per_coin: String,
    /// Coins are bought in multiples of this step (default 1).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub step_coins: u64,
    /// Fewest coins one custom purchase may give.
    pub min_coins: u64,
    /// Most coins one custom purchase may give.
    pub max_coins: u64,
}

/// Tax as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaxInput {
    /// Inclusive, on top, or none.
    pub mode: TaxMode,
    /// Rate as a decimal fraction (`"0.20"` for 20 %).
    #[serde(default = "zero")]
    pub rate: String,
}

impl Default for TaxInput {
    fn default() -> Self {
        TaxInput {
            mode: TaxMode::None,
            rate: zero(),
        }
    }
}

/// A fee as written: a rate of the amount plus a fixed part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeeInput {
    /// Fraction of the amount (`"0.03"`).
    #[serde(default = "zero")]
    pub rate: String,
    /// Fixed amount per transaction.
    #[serde(default = "zero")]
    pub fixed: String,
}

impl Default for FeeInput {
    fn default() -> Self {
        FeeInput {
            rate: zero(),
            fixed: zero(),
        }
    }
}

/// The creator's terms as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatorInput {
    /// `per_diamond` or `share_of_net`.
    pub model: CreatorModel,
    /// Diamonds the creator receives per coin gifted (`per_diamond`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diamonds_per_coin: Option<String>,
    /// Cash value of one Diamond (`per_diamond`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diamond_value: Option<String>,
    /// Share of the net price (`share_of_net`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<String>,
}

/// The agency's cut as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgencyInput {
    /// Fraction of the creator's earnings.
    #[serde(default = "zero")]
    pub rate: String,
    /// Who pays it.
    #[serde(default)]
    pub paid_by: AgencyPayer,
}

impl Default for AgencyInput {
    fn default() -> Self {
        AgencyInput {
            rate: zero(),
            paid_by: AgencyPayer::Platform,
        }
    }
}

/// Withdrawal terms as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PayoutInput {
    /// Smallest balance that can be withdrawn.
    #[serde(default = "zero")]
    pub minimum: String,
    /// Most that can be withdrawn per calendar day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_cap: Option<String>,
    /// Fee on each withdrawal.
    #[serde(default)]
    pub fee: FeeInput,
    /// Days from a withdrawal request to the money arriving.
    #[serde(default)]
    pub delay_days: u32,
}

impl Default for PayoutInput {
    fn default() -> Self {
        PayoutInput {
            minimum: zero(),
            daily_cap: None,
            fee: FeeInput::default(),
            delay_days: 0,
        }
    }
}

/// A rate card as JSON can write it. Every decimal is a string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RateCardInput {
    /// Lower-kebab-case id (`tiktok-ios`).
    pub id: String,
    /// Human name.
    pub name: String,
    /// Platform id (`tiktok`); channels of one platform are compared with each other.
    pub platform: String,
    /// Where coins are bought.
    pub channel: Channel,
    /// ISO 4217 code of every amount on the card.
    pub currency: String,
    /// Revision of the card's figures.
    #[serde(default = "one_u32")]
    pub version: u32,
    /// Date the figures hold for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// What the platform calls its coins (`Coins`, `Bits`, `Robux`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coin_name: Option<String>,
    /// What the platform calls the creator's unit (`Diamonds`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diamond_name: Option<String>,
    /// Coin bundles on sale.
    #[serde(default)]
    pub bundles: Vec<BundleInput>,
    /// Rule for buying any number of coins, if the channel offers one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_amount: Option<CustomAmountInput>,
    /// Tax handling.
    #[serde(default)]
    pub tax: TaxInput,
    /// App-store commission on the price before tax (`"0.30"`).
    #[serde(default = "zero")]
    pub store_fee_rate: String,
    /// Card processing fee, paid by the platform.
    #[serde(default)]
    pub payment_fee: FeeInput,
    /// How the creator is paid.
    pub creator: CreatorInput,
    /// The agency's cut.
    #[serde(default)]
    pub agency: AgencyInput,
    /// Withdrawal terms.
    #[serde(default)]
    pub payout: PayoutInput,
    /// A shipped catalogue id (`"tiktok"`) or a list of gifts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gifts: Option<PresetOr<Vec<GiftInput>>>,
    /// Where each figure comes from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Provenance>,
    /// Anything a reader should know about the card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl PresetKind for RateCardInput {
    const KIND: &'static str = "a rate card";
    const EXAMPLE: &'static str = "tiktok-web";
    const GIVEN: &'static str = "a full rate card object";
}

impl PresetKind for Vec<GiftInput> {
    const KIND: &'static str = "a gift catalogue";
    const EXAMPLE: &'static str = "tiktok";
    const GIVEN: &'static str = "a list of gifts ({id, name, coins})";
    const IS_LIST: bool = true;
}

fn zero() -> String {
    "0".to_string()
}
fn one() -> u64 {
    1
}
fn one_u32() -> u32 {
    1
}
fn is_zero(n: &u64) -> bool {
    *n == 0
}
fn is_one(n: &u64) -> bool {
    *n == 1
}

impl RateCard {
    /// The card written back in its input form, so a preset can be edited and sent back.
    pub fn to_input(&self) -> RateCardInput {
        let fee_input = |f: &Fee| FeeInput {
            rate: f.rate.normalize().to_string(),
            fixed: f.fixed.to_string(),
        };
        let (tax_mode, tax_rate) = match self.tax {
            Tax::None => (TaxMode::None, Decimal::ZERO),
            Tax::Inclusive(r) => (TaxMode::Inclusive, r),
            Tax::OnTop(r) => (TaxMode::OnTop, r),
        };
        let creator = match self.creator {
            CreatorTerms::PerDiamond {
                diamonds_per_coin,
                diamond_value,
            } => CreatorInput {
                model: CreatorModel::PerDiamond,
                diamonds_per_coin: Some(diamonds_per_coin.normalize().to_string()),
                diamond_value: Some(diamond_value.normalize().to_string()),
                share: None,
            },
            CreatorTerms::ShareOfNet { share } => CreatorInput {
                model: CreatorModel::ShareOfNet,
                diamonds_per_coin: None,
                diamond_value: None,
                share: Some(share.normalize().to_string()),
            },
        };
        let gifts = match (&self.gifts.id, self.gifts.gifts().is_empty()) {
            (Some(id), _) => Some(PresetOr::Preset(id.clone())),
            (None, true) => None,
            (None, false) => Some(PresetOr::Given(self.gifts.to_inputs())),
        };
        RateCardInput {
            id: self.id.clone(),
            name: self.name.clone(),
            platform: self.platform.clone(),
            channel: self.channel,
            currency: self.currency.code().to_string(),
            version: self.version,
            as_of: self.as_of.clone(),
            coin_name: Some(self.coin_name.clone()),
            diamond_name: Some(self.diamond_name.clone()),
            bundles: self
                .bundles
                .iter()
                .map(|b| BundleInput {
                    coins: b.coins,
                    bonus_coins: b.bonus_coins,
                    price: b.price.to_string(),
                    max_purchases: b.max_purchases,
                })
                .collect(),
            custom_amount: self.custom.map(|c| CustomAmountInput {
                price_per_coin: c.price_per_coin.normalize().to_string(),
                step_coins: c.step_coins,
                min_coins: c.min_coins,
                max_coins: c.max_coins,
            }),
            tax: TaxInput {
                mode: tax_mode,
                rate: tax_rate.normalize().to_string(),
            },
            store_fee_rate: self.store_fee_rate.normalize().to_string(),
            payment_fee: fee_input(&self.payment_fee),
            creator,
            agency: AgencyInput {
                rate: self.agency.rate.normalize().to_string(),
                paid_by: self.agency.paid_by,
            },
            payout: PayoutInput {
                minimum: self.payout.minimum.to_string(),
                daily_cap: self.payout.daily_cap.map(|c| c.to_string()),
                fee: fee_input(&self.payout.fee),
                delay_days: self.payout.delay_days,
            },
            gifts,
            sources: self.sources.clone(),
            notes: self.notes.clone(),
        }
    }
}
