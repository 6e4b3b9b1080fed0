//! The checks that turn a [`RateCardInput`] into a [`RateCard`], each reporting its field's
//! JSON path; and the what-if of scaling every price, which goes through them again.

use super::input::{
    BundleInput, CreatorInput, CustomAmountInput, FeeInput, PayoutInput, RateCardInput,
};
use super::{
    Agency, Bundle, CreatorModel, CreatorTerms, CustomAmount, Fee, PayoutTerms, RateCard, Tax,
    TaxMode, MAX_BUNDLES, MAX_BUNDLE_COINS, MAX_CUSTOM_COINS, MAX_CUSTOM_STEP, MAX_LIMITED_BUNDLES,
    MAX_LIMITED_PURCHASES, MAX_PRICE_MINOR,
};
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::gifts::GiftCatalogue;
use crate::id;
use crate::money::{parse_decimal, parse_decimal_in, Currency, Money, RoundingPoint};
use crate::sources;
use rust_decimal::Decimal;

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
        )
        .with("min", "0"));
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
    /// Validates a card as written, reporting the first bad figure by its JSON path. The gift
    /// catalogue comes resolved (see [`crate::presets::gift_catalogue_of`]): a card never looks
    /// presets up itself.
    pub fn from_input(input: &RateCardInput, gifts: GiftCatalogue) -> Result<RateCard> {
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
        if bundles.iter().all(|b| b.max_purchases.is_some()) && custom.is_none() {
            return Err(Error::new(
                ErrorCode::MissingField,
                "bundles",
                "a rate card needs at least one bundle without a purchase limit, or a custom_amount rule, or coins cannot be bought in any amount",
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
                format!(
                    "a rate card holds at most {MAX_BUNDLES} bundles; this one has {}",
                    inputs.len()
                ),
            )
            .with("max", MAX_BUNDLES)
            .with("given", inputs.len()));
        }
        let mut bundles: Vec<Bundle> = Vec::with_capacity(inputs.len());
        for (i, b) in inputs.iter().enumerate() {
            let at = index("bundles", i);
            if b.coins == 0 {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    join(&at, "coins"),
                    "a bundle must contain at least one coin",
                )
                .with("min", 1));
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
                    format!(
                        "a bundle may give at most {} in all (bonus included), not {}",
                        crate::words::coins(MAX_BUNDLE_COINS),
                        crate::words::number(total)
                    ),
                )
                .with("max", MAX_BUNDLE_COINS)
                .with("given", total));
            }
            let price_path = join(&at, "price");
            let price = Money::parse(&b.price, currency, &price_path)?;
            if !price.is_positive() || price.minor() > i128::from(MAX_PRICE_MINOR) {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    price_path,
                    format!(
                        "a bundle price must be above zero and at most {}",
                        Money::from_minor(MAX_PRICE_MINOR, currency)
                    ),
                )
                .with("min_exclusive", "0")
                .with(
                    "max",
                    Money::from_minor(MAX_PRICE_MINOR, currency).to_string(),
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
                )
                .with("coins", b.coins)
                .with("bonus_coins", b.bonus_coins));
            }
            if b.max_purchases
                .is_some_and(|m| !(1..=MAX_LIMITED_PURCHASES).contains(&m))
            {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    join(&at, "max_purchases"),
                    format!("a limited offer allows 1 to {MAX_LIMITED_PURCHASES} purchases"),
                )
                .with("min", 1)
                .with("max", MAX_LIMITED_PURCHASES));
            }
            bundles.push(Bundle {
                coins: b.coins,
                bonus_coins: b.bonus_coins,
                price,
                max_purchases: b.max_purchases,
            });
        }
        if bundles.iter().filter(|b| b.max_purchases.is_some()).count() > MAX_LIMITED_BUNDLES {
            return Err(Error::new(
                ErrorCode::TooLarge,
                "bundles",
                format!("a rate card holds at most {MAX_LIMITED_BUNDLES} limited offers (`max_purchases`)"),
            )
            .with("max", MAX_LIMITED_BUNDLES));
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
            )
            .with("min_exclusive", "0"));
        }
        let step = input.step_coins;
        if step == 0 || step > MAX_CUSTOM_STEP {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                at("step_coins"),
                format!("the step must be 1 to {MAX_CUSTOM_STEP} coins"),
            )
            .with("min", 1)
            .with("max", MAX_CUSTOM_STEP));
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
        if step_price.minor() > i128::from(MAX_PRICE_MINOR) {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                at("price_per_coin"),
                format!(
                    "one step of {} costs {step_price}, more than the largest price, {}",
                    crate::words::coins(step),
                    Money::from_minor(MAX_PRICE_MINOR, currency)
                ),
            )
            .with(
                "max",
                Money::from_minor(MAX_PRICE_MINOR, currency).to_string(),
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
                    )
                    .with("min_exclusive", "0"));
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
            )
            .with("min_exclusive", "0"));
        }
        if input.delay_days > 365 {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "payout.delay_days",
                format!(
                    "a payout delay is at most 365 days, not {}",
                    input.delay_days
                ),
            )
            .with("max", 365)
            .with("given", input.delay_days));
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

    /// The card with every price (bundles and custom amount) multiplied by `m`, each rounded
    /// half away from zero to the minor unit, and validated again.
    pub fn with_price_multiplier(&self, m: Decimal, path: &str) -> Result<RateCard> {
        let scale = |price: Money| -> Result<Money> {
            crate::money::round(price.times(m)?, self.currency, RoundingPoint::Price)
        };
        let mut input = self.to_input();
        for (b, bundle) in input.bundles.iter_mut().zip(&self.bundles) {
            b.price = scale(bundle.price)?.to_string();
        }
        if let (Some(c), Some(custom)) = (input.custom_amount.as_mut(), &self.custom) {
            let step_price = scale(custom.step_price)?;
            let per_coin = step_price
                .to_decimal()?
                .checked_div(Decimal::from(custom.step_coins))
                .ok_or_else(|| Error::overflow(path, "a scaled custom price"))?;
            c.price_per_coin = per_coin.normalize().to_string();
        }
        RateCard::from_input(&input, self.gifts.clone()).map_err(|e| e.under(path))
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
        let rc = RateCard::from_input(&card(), GiftCatalogue::empty()).unwrap();
        assert_eq!(rc.bundles[1].total_coins(), 525);
        assert_eq!(rc.custom.unwrap().step_price.to_string(), "0.53");
        assert_eq!(
            RateCard::from_input(&rc.to_input(), GiftCatalogue::empty()).unwrap(),
            rc
        );
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
                |c| c.as_of = Some("yesterday".into()),
                ErrorCode::InvalidValue,
                "as_of",
            ),
        ];
        for (i, (edit, code, path)) in cases.iter().enumerate() {
            let mut input = card();
            edit(&mut input);
            let err = RateCard::from_input(&input, GiftCatalogue::empty()).unwrap_err();
            assert_eq!(
                (err.code, err.path.as_str()),
                (*code, *path),
                "case {i}: {err}"
            );
        }
    }
}
