//! Rate cards: what coins cost on one channel, and where the money goes afterwards.
//!
//! - [`input`]: [`RateCardInput`], anything JSON can say, and the way back from a card to it;
//! - [`validate`]: [`RateCard::from_input`], the only way to a [`RateCard`], which checks every
//!   figure and reports the first bad one by its JSON path. Past that point the engine trusts
//!   the card.

pub mod input;
pub mod validate;

use crate::error::{index, Result};
use crate::gifts::GiftCatalogue;
use crate::money::{Currency, Money};
use crate::sources::Provenance;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use input::{
    AgencyInput, BundleInput, CreatorInput, CustomAmountInput, FeeInput, PayoutInput,
    RateCardInput, TaxInput,
};

/// Most bundles on one card.
pub const MAX_BUNDLES: usize = 64;
/// Most limited offers (`max_purchases`) on a card, and most purchases of one: the optimizer
/// tries every combination of them (at most 9 × 9).
pub const MAX_LIMITED_BUNDLES: usize = 2;
/// Most purchases a limited offer may allow.
pub const MAX_LIMITED_PURCHASES: u64 = 8;
/// Most coins (with bonus) in one bundle.
pub const MAX_BUNDLE_COINS: u64 = 1_000_000;
/// Most coins one purchase of a custom amount may give.
pub const MAX_CUSTOM_COINS: u64 = 10_000_000;
/// Largest custom-amount step.
pub const MAX_CUSTOM_STEP: u64 = 10_000;
/// Most minor units one bundle may cost (ten billion cents is a hundred million dollars).
pub const MAX_PRICE_MINOR: i64 = 10_000_000_000;

/// Where coins are bought. Prices differ by channel because app stores take a fee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// A website (no app-store fee).
    Web,
    /// Apple's App Store in-app purchase.
    Ios,
    /// Google Play in-app purchase.
    Android,
    /// A desktop site or app.
    Desktop,
    /// A mobile app on either store.
    Mobile,
    /// Anything else.
    Other,
}

/// How tax relates to the listed price.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TaxMode {
    /// No tax modelled.
    #[default]
    None,
    /// The listed price includes VAT/GST (EU, UK: consumer prices include VAT).
    Inclusive,
    /// Sales tax is added on top of the listed price (US stores).
    OnTop,
}

/// How the creator's earnings are computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CreatorModel {
    /// Gifts turn into Diamonds (`diamonds_per_coin`), each worth `diamond_value` in cash,
    /// whatever the coins cost (TikTok, Twitch Bits, Roblox DevEx, Facebook Stars).
    PerDiamond,
    /// The creator receives `share` of the price after tax and store fee (YouTube Super Chat).
    ShareOfNet,
}

impl CreatorModel {
    /// The name as written in JSON.
    pub fn name(self) -> &'static str {
        match self {
            CreatorModel::PerDiamond => "per_diamond",
            CreatorModel::ShareOfNet => "share_of_net",
        }
    }
}

/// Who pays the agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AgencyPayer {
    /// The platform pays the agency out of its own share (TikTok LIVE agencies).
    #[default]
    Platform,
    /// The agency's cut comes out of the creator's earnings.
    Creator,
}

/// A coin bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Bundle {
    /// Coins it is sold as.
    pub coins: u64,
    /// Bonus coins given with it.
    pub bonus_coins: u64,
    /// Listed price.
    pub price: Money,
    /// At most this many in one purchase answer (a first-purchase offer: 1); `None`: any.
    pub max_purchases: Option<u64>,
}

impl Bundle {
    /// Coins received: the bundle plus its bonus.
    pub fn total_coins(&self) -> u64 {
        self.coins + self.bonus_coins
    }
}

/// Buying any multiple of `step_coins` between `min_coins` and `max_coins`, at a price that is
/// exactly linear: `step_price` per step. Validation insists the step costs whole minor units,
/// so no purchase is ever rounded and splitting or merging purchases never changes the price.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CustomAmount {
    /// Price of one coin (may be finer than a cent).
    pub price_per_coin: Decimal,
    /// Coins per step.
    pub step_coins: u64,
    /// Fewest coins per purchase (a multiple of the step).
    pub min_coins: u64,
    /// Most coins per purchase (a multiple of the step, at least twice `min_coins`).
    pub max_coins: u64,
    /// Price of one step: `price_per_coin × step_coins`, whole minor units.
    pub step_price: Money,
}

impl CustomAmount {
    /// Price of `coins` coins bought as custom amounts (any number of purchases).
    pub fn price(&self, coins: u64) -> Result<Money> {
        self.step_price.checked_mul_count(coins / self.step_coins)
    }
}

/// Tax on a purchase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tax {
    /// No tax.
    None,
    /// VAT included in the listed price at this rate.
    Inclusive(Decimal),
    /// Sales tax added on top at this rate.
    OnTop(Decimal),
}

/// A fee: `rate × amount + fixed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Fee {
    /// Fraction of the amount.
    pub rate: Decimal,
    /// Fixed part per transaction.
    pub fixed: Money,
}

/// How the creator is paid for coins gifted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreatorTerms {
    /// Diamonds per coin, each worth a fixed cash value.
    PerDiamond {
        /// Diamonds per coin gifted.
        diamonds_per_coin: Decimal,
        /// Cash per Diamond, in the card's currency (may be finer than a cent).
        diamond_value: Decimal,
    },
    /// A share of the price after tax and store fee.
    ShareOfNet {
        /// The creator's share.
        share: Decimal,
    },
}

/// The agency's cut of creator earnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Agency {
    /// Fraction of the creator's earnings.
    pub rate: Decimal,
    /// Who pays it.
    pub paid_by: AgencyPayer,
}

/// When and how a creator's balance becomes cash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct PayoutTerms {
    /// Smallest withdrawable balance.
    pub minimum: Money,
    /// Most per calendar day.
    pub daily_cap: Option<Money>,
    /// Fee per withdrawal.
    pub fee: Fee,
    /// Days from request to arrival.
    pub delay_days: u32,
}

/// A validated rate card.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RateCard {
    /// Lower-kebab-case id.
    pub id: String,
    /// Human name.
    pub name: String,
    /// Platform id.
    pub platform: String,
    /// Channel.
    pub channel: Channel,
    /// Currency of every amount.
    pub currency: Currency,
    /// Revision of the figures.
    pub version: u32,
    /// Date the figures hold for.
    pub as_of: Option<String>,
    /// Name of the coins.
    pub coin_name: String,
    /// Name of the creator's unit.
    pub diamond_name: String,
    /// Bundles on sale, in the card's order.
    pub bundles: Vec<Bundle>,
    /// Custom-amount rule.
    pub custom: Option<CustomAmount>,
    /// Tax.
    pub tax: Tax,
    /// App-store commission on the price before tax.
    pub store_fee_rate: Decimal,
    /// Payment processing fee.
    pub payment_fee: Fee,
    /// Creator terms.
    pub creator: CreatorTerms,
    /// Agency cut.
    pub agency: Agency,
    /// Withdrawal terms.
    pub payout: PayoutTerms,
    /// Gifts.
    pub gifts: GiftCatalogue,
    /// Where the figures come from.
    pub sources: Vec<Provenance>,
    /// Notes.
    pub notes: Option<String>,
}

/// The card a result was computed with: id, version and as-of date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RateCardRef {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Platform.
    pub platform: String,
    /// Channel.
    pub channel: Channel,
    /// Currency.
    pub currency: Currency,
    /// Version.
    pub version: u32,
    /// As-of date.
    pub as_of: Option<String>,
}

impl RateCard {
    /// Id, name, version and as-of date, for naming the card in results.
    pub fn reference(&self) -> RateCardRef {
        RateCardRef {
            id: self.id.clone(),
            name: self.name.clone(),
            platform: self.platform.clone(),
            channel: self.channel,
            currency: self.currency,
            version: self.version,
            as_of: self.as_of.clone(),
        }
    }

    /// The field paths of every figure on the card, each of which a preset must source.
    pub fn figure_paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = (0..self.bundles.len())
            .map(|i| index("bundles", i))
            .collect();
        if self.custom.is_some() {
            paths.push("custom_amount".into());
        }
        paths.extend(
            [
                "tax",
                "store_fee_rate",
                "payment_fee",
                "creator",
                "agency",
                "payout.minimum",
                "payout.daily_cap",
                "payout.fee",
                "payout.delay_days",
            ]
            .map(String::from),
        );
        paths
    }
}
