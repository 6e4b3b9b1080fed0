//! Rate cards: what coins cost on one channel, and where the money goes afterwards.
//!
//! [`RateCardInput`] is anything JSON can say; [`RateCard`] is reachable only through
//! [`RateCard::from_input`], which checks every figure and reports the first bad one by its JSON
//! path. Past that point the engine trusts the card.

use crate::error::{index, join, Error, ErrorCode, Result};
use crate::gifts::{GiftCatalogue, GiftInput};
use crate::money::{parse_decimal, parse_decimal_in, Currency, Money};
use crate::sources::{self, Provenance};
use crate::{id, presets};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Most bundles on one card.
pub const MAX_BUNDLES: usize = 64;
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
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    #[schemars(schema_with = "gifts_schema")]
    pub gifts: serde_json::Value,
    /// Where each figure comes from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Provenance>,
    /// Anything a reader should know about the card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// Schema of a rate card argument: a preset id or a full object.
pub fn rate_card_arg_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let card = generator.subschema_for::<RateCardInput>();
    schemars::json_schema!({
        "description": "A preset id such as \"tiktok-web\" (see `presets`) or a full rate card object",
        "oneOf": [{"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}, card]
    })
}

fn gifts_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let gift = generator.subschema_for::<GiftInput>();
    schemars::json_schema!({
        "description": "A shipped gift catalogue id (\"tiktok\") or a list of gifts",
        "oneOf": [{"type": "string"}, {"type": "array", "items": gift}, {"type": "null"}]
    })
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

fn rate(text: &str, path: &str) -> Result<Decimal> {
    parse_decimal_in(text, path, Decimal::ZERO, Decimal::ONE)
}

fn money_at_least_zero(text: &str, currency: Currency, path: &str) -> Result<Money> {
    let m = Money::parse(text, currency, path)?;
    if m.is_negative() {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            path,
            format!("{m} is negative; amounts here must be zero or more"),
        ));
    }
    Ok(m)
}

fn fee(input: &FeeInput, currency: Currency, path: &str) -> Result<Fee> {
    Ok(Fee {
        rate: rate(&input.rate, &join(path, "rate"))?,
        fixed: money_at_least_zero(&input.fixed, currency, &join(path, "fixed"))?,
    })
}

fn label(text: &Option<String>, default: &str, path: &str) -> Result<String> {
    match text {
        None => Ok(default.to_string()),
        Some(t) if !t.trim().is_empty() && t.chars().count() <= 40 => Ok(t.clone()),
        Some(_) => Err(Error::new(
            ErrorCode::InvalidValue,
            path,
            "a name must have 1 to 40 characters",
        )),
    }
}

impl RateCard {
    /// Validates a card as written, reporting the first bad figure by its JSON path.
    pub fn from_input(input: &RateCardInput) -> Result<RateCard> {
        id::validate(&input.id, "id")?;
        id::validate(&input.platform, "platform")?;
        if input.name.trim().is_empty() || input.name.chars().count() > 120 {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                "name",
                "a rate card name must have 1 to 120 characters",
            ));
        }
        let currency = Currency::parse(&input.currency, "currency")?;
        if let Some(date) = &input.as_of {
            sources::validate_date(date, "as_of")?;
        }
        let bundles = Self::bundles(&input.bundles, currency)?;
        let custom = input
            .custom_amount
            .as_ref()
            .map(|c| Self::custom(c, currency))
            .transpose()?;
        if bundles.is_empty() && custom.is_none() {
            return Err(Error::new(
                ErrorCode::MissingField,
                "bundles",
                "a rate card needs at least one bundle or a custom_amount rule, or coins cannot be bought",
            ));
        }
        let tax_rate = rate(&input.tax.rate, "tax.rate")?;
        let tax = match input.tax.mode {
            TaxMode::None if tax_rate.is_zero() => Tax::None,
            TaxMode::None => {
                return Err(Error::new(
                    ErrorCode::ConflictingFields,
                    "tax.rate",
                    "a tax rate needs tax.mode `inclusive` or `on_top`",
                ))
            }
            TaxMode::Inclusive => Tax::Inclusive(tax_rate),
            TaxMode::OnTop => Tax::OnTop(tax_rate),
        };
        let store_fee_rate = rate(&input.store_fee_rate, "store_fee_rate")?;
        let payment_fee = fee(&input.payment_fee, currency, "payment_fee")?;
        let creator = Self::creator(&input.creator)?;
        let agency = Agency {
            rate: rate(&input.agency.rate, "agency.rate")?,
            paid_by: input.agency.paid_by,
        };
        let payout = Self::payout(&input.payout, currency)?;
        let gifts = Self::gifts(&input.gifts)?;
        sources::validate_all(&input.sources, "sources")?;
        Ok(RateCard {
            id: input.id.clone(),
            name: input.name.clone(),
            platform: input.platform.clone(),
            channel: input.channel,
            currency,
            version: input.version,
            as_of: input.as_of.clone(),
            coin_name: label(&input.coin_name, "Coins", "coin_name")?,
            diamond_name: label(&input.diamond_name, "Diamonds", "diamond_name")?,
            bundles,
            custom,
            tax,
            store_fee_rate,
            payment_fee,
            creator,
            agency,
            payout,
            gifts,
            sources: input.sources.clone(),
            notes: input.notes.clone(),
        })
    }

    fn bundles(inputs: &[BundleInput], currency: Currency) -> Result<Vec<Bundle>> {
        if inputs.len() > MAX_BUNDLES {
            return Err(Error::new(
                ErrorCode::TooLarge,
                "bundles",
                format!("a rate card holds at most {MAX_BUNDLES} bundles"),
            ));
        }
        let mut bundles: Vec<Bundle> = Vec::with_capacity(inputs.len());
        for (i, b) in inputs.iter().enumerate() {
            let at = index("bundles", i);
            if b.coins == 0 {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    join(&at, "coins"),
                    "a bundle must contain at least one coin",
                ));
            }
            let total = b.coins.saturating_add(b.bonus_coins);
            if total > MAX_BUNDLE_COINS {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    join(
                        &at,
                        if b.bonus_coins > 0 {
                            "bonus_coins"
                        } else {
                            "coins"
                        },
                    ),
                    format!("a bundle may give at most {MAX_BUNDLE_COINS} coins in all"),
                ));
            }
            let price_path = join(&at, "price");
            let price = Money::parse(&b.price, currency, &price_path)?;
            if !price.is_positive() || price.minor() > MAX_PRICE_MINOR {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    price_path,
                    format!(
                        "a bundle price must be above zero and at most {}",
                        Money::from_minor(MAX_PRICE_MINOR, currency)
                    ),
                ));
            }
            if bundles
                .iter()
                .any(|o| o.coins == b.coins && o.bonus_coins == b.bonus_coins)
            {
                return Err(Error::new(
                    ErrorCode::Duplicate,
                    at,
                    format!(
                        "a bundle of {} coins (+{} bonus) is listed twice",
                        b.coins, b.bonus_coins
                    ),
                ));
            }
            bundles.push(Bundle {
                coins: b.coins,
                bonus_coins: b.bonus_coins,
                price,
            });
        }
        Ok(bundles)
    }

    fn custom(input: &CustomAmountInput, currency: Currency) -> Result<CustomAmount> {
        let at = |f: &str| join("custom_amount", f);
        let price_per_coin = parse_decimal(&input.price_per_coin, &at("price_per_coin"))?;
        if price_per_coin <= Decimal::ZERO {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                at("price_per_coin"),
                "the price per coin must be above zero",
            ));
        }
        let step = input.step_coins;
        if step == 0 || step > MAX_CUSTOM_STEP {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                at("step_coins"),
                format!("the step must be 1 to {MAX_CUSTOM_STEP} coins"),
            ));
        }
        if input.min_coins < step || input.min_coins % step != 0 {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                at("min_coins"),
                format!("min_coins must be a positive multiple of the step ({step})"),
            ));
        }
        if input.max_coins > MAX_CUSTOM_COINS || input.max_coins % step != 0 {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                at("max_coins"),
                format!("max_coins must be a multiple of the step ({step}) and at most {MAX_CUSTOM_COINS}"),
            ));
        }
        // A range at least twice as wide as its minimum means any amount above the minimum can be
        // split into purchases, which keeps the cheapest-mix search exact and simple.
        if input.max_coins < input.min_coins.saturating_mul(2) {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                at("max_coins"),
                format!(
                    "max_coins must be at least twice min_coins ({}); a narrower range is better written as bundles",
                    input.min_coins.saturating_mul(2)
                ),
            ));
        }
        let step_exact = price_per_coin
            .checked_mul(Decimal::from(step))
            .ok_or_else(|| Error::overflow(at("price_per_coin"), "the price of one step"))?;
        let step_price = Money::from_decimal(step_exact, currency, &at("price_per_coin")).map_err(|_| {
            Error::new(
                ErrorCode::InvalidValue,
                at("step_coins"),
                format!(
                    "{price_per_coin} × {step} coins = {step_exact} is not a whole amount of {currency}; choose a step whose price is whole (custom prices are never rounded)",
                ),
            )
        })?;
        if step_price.minor() > MAX_PRICE_MINOR {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                at("price_per_coin"),
                "the price per step is too large",
            ));
        }
        Ok(CustomAmount {
            price_per_coin,
            step_coins: step,
            min_coins: input.min_coins,
            max_coins: input.max_coins,
            step_price,
        })
    }

    fn creator(input: &CreatorInput) -> Result<CreatorTerms> {
        let at = |f: &str| join("creator", f);
        fn required<'a>(v: &'a Option<String>, f: &str, model: CreatorModel) -> Result<&'a str> {
            v.as_deref().ok_or_else(|| {
                Error::new(
                    ErrorCode::MissingField,
                    join("creator", f),
                    format!("creator.model `{}` needs `{f}`", model.name()),
                )
            })
        }
        let forbidden = |v: &Option<String>, f: &str| match v {
            Some(_) => Err(Error::new(
                ErrorCode::ConflictingFields,
                at(f),
                format!("`{f}` does not apply to this creator model"),
            )),
            None => Ok(()),
        };
        match input.model {
            CreatorModel::PerDiamond => {
                forbidden(&input.share, "share")?;
                let dpc = parse_decimal_in(
                    required(&input.diamonds_per_coin, "diamonds_per_coin", input.model)?,
                    &at("diamonds_per_coin"),
                    Decimal::ZERO,
                    Decimal::from(1000),
                )?;
                if dpc.is_zero() {
                    return Err(Error::new(
                        ErrorCode::OutOfRange,
                        at("diamonds_per_coin"),
                        "diamonds_per_coin must be above zero",
                    ));
                }
                let value = parse_decimal_in(
                    required(&input.diamond_value, "diamond_value", input.model)?,
                    &at("diamond_value"),
                    Decimal::ZERO,
                    Decimal::from(1_000_000),
                )?;
                Ok(CreatorTerms::PerDiamond {
                    diamonds_per_coin: dpc,
                    diamond_value: value,
                })
            }
            CreatorModel::ShareOfNet => {
                forbidden(&input.diamonds_per_coin, "diamonds_per_coin")?;
                forbidden(&input.diamond_value, "diamond_value")?;
                Ok(CreatorTerms::ShareOfNet {
                    share: rate(required(&input.share, "share", input.model)?, &at("share"))?,
                })
            }
        }
    }

    fn payout(input: &PayoutInput, currency: Currency) -> Result<PayoutTerms> {
        let daily_cap = input
            .daily_cap
            .as_deref()
            .map(|c| money_at_least_zero(c, currency, "payout.daily_cap"))
            .transpose()?;
        if daily_cap.is_some_and(|c| !c.is_positive()) {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "payout.daily_cap",
                "a daily cap must be above zero (leave it out for no cap)",
            ));
        }
        if input.delay_days > 365 {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "payout.delay_days",
                "a payout delay is at most 365 days",
            ));
        }
        let minimum = money_at_least_zero(&input.minimum, currency, "payout.minimum")?;
        if daily_cap.is_some_and(|c| c.minor() < minimum.minor()) {
            return Err(Error::new(
                ErrorCode::ConflictingFields,
                "payout.daily_cap",
                "the daily cap is below the minimum withdrawal, so nothing could ever be withdrawn",
            ));
        }
        Ok(PayoutTerms {
            minimum,
            daily_cap,
            fee: fee(&input.fee, currency, "payout.fee")?,
            delay_days: input.delay_days,
        })
    }

    fn gifts(value: &serde_json::Value) -> Result<GiftCatalogue> {
        match value {
            serde_json::Value::Null => Ok(GiftCatalogue::empty()),
            serde_json::Value::String(id) => presets::gift_catalogue(id).ok_or_else(|| {
                let hint = id::hint(id, presets::gift_catalogue_ids());
                Error::new(
                    ErrorCode::UnknownPreset,
                    "gifts",
                    format!("there is no shipped gift catalogue `{id}`{hint}"),
                )
            }),
            serde_json::Value::Array(_) => {
                let inputs: Vec<GiftInput> = crate::error::from_json_value(value, "gifts")?;
                GiftCatalogue::from_inputs(None, &inputs, Vec::new(), "gifts")
            }
            _ => Err(Error::new(
                ErrorCode::InvalidType,
                "gifts",
                "gifts must be a catalogue id such as \"tiktok\" or a list of {id, name, coins}",
            )),
        }
    }

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
            (Some(id), _) => serde_json::Value::String(id.clone()),
            (None, true) => serde_json::Value::Null,
            (None, false) => serde_json::to_value(self.gifts.to_inputs()).unwrap_or_default(),
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

    /// The card with every price (bundles and custom amount) multiplied by `m`, each rounded
    /// half away from zero to the minor unit, and validated again.
    pub fn with_price_multiplier(&self, m: Decimal, path: &str) -> Result<RateCard> {
        let scale = |price: Money| -> Result<Money> {
            crate::money::round(
                price.times(m)?,
                self.currency,
                crate::money::RoundingPoint::Price,
            )
        };
        let mut input = self.to_input();
        for (b, bundle) in input.bundles.iter_mut().zip(&self.bundles) {
            b.price = scale(bundle.price)?.to_string();
        }
        if let (Some(c), Some(custom)) = (input.custom_amount.as_mut(), &self.custom) {
            let step_price = scale(custom.step_price)?;
            let per_coin = step_price
                .to_decimal()
                .checked_div(Decimal::from(custom.step_coins))
                .ok_or_else(|| Error::overflow(path, "a scaled custom price"))?;
            c.price_per_coin = per_coin.normalize().to_string();
        }
        RateCard::from_input(&input).map_err(|e| e.under(path))
    }

    /// The coins a purchase of `index` gives, for bundles.
    pub fn bundle(&self, index: usize) -> Option<&Bundle> {
        self.bundles.get(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card() -> RateCardInput {
        serde_json::from_value(serde_json::json!({
            "id": "test-card", "name": "Test", "platform": "test", "channel": "web",
            "currency": "USD",
            "bundles": [{"coins": 100, "price": "1.00"}, {"coins": 500, "bonus_coins": 25, "price": "4.99"}],
            "custom_amount": {"price_per_coin": "0.0106", "step_coins": 50, "min_coins": 50, "max_coins": 500000},
            "tax": {"mode": "on_top", "rate": "0.08"},
            "store_fee_rate": "0.30",
            "payment_fee": {"rate": "0.03", "fixed": "0.30"},
            "creator": {"model": "per_diamond", "diamonds_per_coin": "1", "diamond_value": "0.005"},
            "payout": {"minimum": "10.00", "daily_cap": "1000.00", "delay_days": 15},
            "gifts": [{"id": "rose", "name": "Rose", "coins": 1}]
        }))
        .unwrap()
    }

    #[test]
    fn a_valid_card_round_trips_through_its_input_form() {
        let rc = RateCard::from_input(&card()).unwrap();
        assert_eq!(rc.bundles[1].total_coins(), 525);
        assert_eq!(rc.custom.unwrap().step_price.to_string(), "0.53");
        assert_eq!(RateCard::from_input(&rc.to_input()).unwrap(), rc);
    }

    #[test]
    fn each_bad_figure_is_reported_at_its_path() {
        type Edit = fn(&mut RateCardInput);
        let cases: &[(Edit, ErrorCode, &str)] = &[
            (|c| c.id = "Test Card".into(), ErrorCode::InvalidValue, "id"),
            (
                |c| c.currency = "XYZ".into(),
                ErrorCode::UnknownCurrency,
                "currency",
            ),
            (
                |c| c.bundles[1].price = "4.999".into(),
                ErrorCode::InvalidDecimal,
                "bundles[1].price",
            ),
            (
                |c| c.bundles[1].price = "0".into(),
                ErrorCode::OutOfRange,
                "bundles[1].price",
            ),
            (
                |c| c.bundles[1].price = "-1".into(),
                ErrorCode::OutOfRange,
                "bundles[1].price",
            ),
            (
                |c| c.bundles[0].coins = 0,
                ErrorCode::OutOfRange,
                "bundles[0].coins",
            ),
            (
                |c| c.bundles[1] = c.bundles[0].clone(),
                ErrorCode::Duplicate,
                "bundles[1]",
            ),
            (
                |c| {
                    c.bundles.clear();
                    c.custom_amount = None;
                },
                ErrorCode::MissingField,
                "bundles",
            ),
            (
                |c| c.custom_amount.as_mut().unwrap().step_coins = 1,
                ErrorCode::InvalidValue,
                "custom_amount.step_coins",
            ),
            (
                |c| c.custom_amount.as_mut().unwrap().max_coins = 50,
                ErrorCode::InvalidValue,
                "custom_amount.max_coins",
            ),
            (
                |c| c.custom_amount.as_mut().unwrap().min_coins = 75,
                ErrorCode::InvalidValue,
                "custom_amount.min_coins",
            ),
            (
                |c| c.tax.rate = "1.5".into(),
                ErrorCode::OutOfRange,
                "tax.rate",
            ),
            (
                |c| c.tax.mode = TaxMode::None,
                ErrorCode::ConflictingFields,
                "tax.rate",
            ),
            (
                |c| c.store_fee_rate = "30%".into(),
                ErrorCode::InvalidDecimal,
                "store_fee_rate",
            ),
            (
                |c| c.payment_fee.fixed = "-0.30".into(),
                ErrorCode::OutOfRange,
                "payment_fee.fixed",
            ),
            (
                |c| c.creator.diamond_value = None,
                ErrorCode::MissingField,
                "creator.diamond_value",
            ),
            (
                |c| c.creator.share = Some("0.5".into()),
                ErrorCode::ConflictingFields,
                "creator.share",
            ),
            (
                |c| c.payout.daily_cap = Some("0".into()),
                ErrorCode::OutOfRange,
                "payout.daily_cap",
            ),
            (
                |c| c.payout.delay_days = 1000,
                ErrorCode::OutOfRange,
                "payout.delay_days",
            ),
            (
                |c| c.gifts = serde_json::json!("nope"),
                ErrorCode::UnknownPreset,
                "gifts",
            ),
            (
                |c| c.gifts = serde_json::json!([{"id": "rose"}]),
                ErrorCode::MissingField,
                "gifts[0].name",
            ),
            (
                |c| c.gifts = serde_json::json!(5),
                ErrorCode::InvalidType,
                "gifts",
            ),
            (
                |c| c.as_of = Some("yesterday".into()),
                ErrorCode::InvalidValue,
                "as_of",
            ),
        ];
        for (i, (edit, code, path)) in cases.iter().enumerate() {
            let mut input = card();
            edit(&mut input);
            let err = RateCard::from_input(&input).unwrap_err();
            assert_eq!(
                (err.code, err.path.as_str()),
                (*code, *path),
                "case {i}: {err}"
            );
        }
    }
}
