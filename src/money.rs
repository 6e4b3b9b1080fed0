//! Money, currencies and the rounding policy: the only place where rounding rules live.
//!
//! An amount of money is an integer number of minor units (cents, pence, yen) in an ISO 4217
//! currency, so it is exact by construction. Anything finer than a minor unit (a price per coin,
//! the cash value of one Diamond, a share) is a [`Decimal`]; it becomes money only through
//! [`round`], at a named [`RoundingPoint`] with that point's named strategy.

// The one module that rounds (clippy.toml keeps `Decimal`'s rounding out of every other).
#![allow(clippy::disallowed_methods)]

use crate::error::{Error, ErrorCode, Result};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// An ISO 4217 currency with its number of minor-unit digits (2 for USD, 0 for JPY and KRW).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency {
    code: &'static str,
    minor_units: u32,
}

/// The currencies giftsim knows: code and minor units, per ISO 4217.
const CURRENCIES: &[(&str, u32)] = &[
    ("AED", 2),
    ("ARS", 2),
    ("AUD", 2),
    ("BHD", 3),
    ("BRL", 2),
    ("CAD", 2),
    ("CHF", 2),
    ("CLP", 0),
    ("CNY", 2),
    ("COP", 2),
    ("CZK", 2),
    ("DKK", 2),
    ("EGP", 2),
    ("EUR", 2),
    ("GBP", 2),
    ("HKD", 2),
    ("HUF", 2),
    ("IDR", 2),
    ("ILS", 2),
    ("INR", 2),
    ("ISK", 0),
    ("JOD", 3),
    ("JPY", 0),
    ("KRW", 0),
    ("KWD", 3),
    ("MXN", 2),
    ("MYR", 2),
    ("NGN", 2),
    ("NOK", 2),
    ("NZD", 2),
    ("OMR", 3),
    ("PHP", 2),
    ("PKR", 2),
    ("PLN", 2),
    ("RON", 2),
    ("SAR", 2),
    ("SEK", 2),
    ("SGD", 2),
    ("THB", 2),
    ("TRY", 2),
    ("TWD", 2),
    ("UAH", 2),
    ("USD", 2),
    ("VND", 0),
    ("ZAR", 2),
];

impl Currency {
    /// US dollar.
    pub const USD: Currency = Currency {
        code: "USD",
        minor_units: 2,
    };

    /// Looks up an ISO 4217 code (upper case, as the standard writes it).
    pub fn from_code(code: &str) -> Option<Currency> {
        CURRENCIES
            .iter()
            .find(|(c, _)| *c == code)
            .map(|&(code, minor_units)| Currency { code, minor_units })
    }

    /// Parses a code from input, reporting an unknown one at `path`.
    pub fn parse(code: &str, path: &str) -> Result<Currency> {
        Currency::from_code(code).ok_or_else(|| {
            let upper = code.to_ascii_uppercase();
            let (message, suggestions) = match Currency::from_code(&upper) {
                Some(c) => (
                    format!("currency codes are written in capitals: `{}`, not `{code}`", c.code),
                    vec![c.code],
                ),
                None => (
                    format!("`{code}` is not an ISO 4217 currency code giftsim knows (e.g. USD, EUR, GBP, JPY, CNY)"),
                    Vec::new(),
                ),
            };
            Error::new(ErrorCode::UnknownCurrency, path, message)
                .with("currency", code)
                .with("suggestions", suggestions)
        })
    }

    /// The three-letter code.
    pub fn code(self) -> &'static str {
        self.code
    }

    /// Digits after the decimal point in this currency's smallest unit.
    pub fn minor_units(self) -> u32 {
        self.minor_units
    }

    /// Every currency giftsim knows.
    pub fn all() -> impl Iterator<Item = Currency> {
        CURRENCIES
            .iter()
            .map(|&(code, minor_units)| Currency { code, minor_units })
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code)
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code)
    }
}

impl JsonSchema for Currency {
    fn schema_name() -> Cow<'static, str> {
        "Currency".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "ISO 4217 currency code",
            "enum": CURRENCIES.iter().map(|(c, _)| *c).collect::<Vec<_>>()
        })
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code)
    }
}

/// An exact amount of money: whole minor units of one currency. Negative amounts are allowed
/// (a platform's margin can be negative when a rate card is edited that way). The count is an
/// `i128`, so no total within the documented limits (ten million viewers, a year, budgets up to
/// ten billion each) can overflow it: the largest is about 10^22 minor units, the type holds
/// 10^38.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    minor: i128,
    currency: Currency,
}

impl Money {
    /// Zero in `currency`.
    pub fn zero(currency: Currency) -> Money {
        Money { minor: 0, currency }
    }

    /// An amount from a count of minor units.
    pub fn from_minor(minor: impl Into<i128>, currency: Currency) -> Money {
        Money {
            minor: minor.into(),
            currency,
        }
    }

    /// [`Money::from_minor`] for constant data.
    pub const fn from_minor_const(minor: i128, currency: Currency) -> Money {
        Money { minor, currency }
    }

    /// Parses a decimal string such as `"12.99"`: at most the currency's minor-unit digits.
    pub fn parse(text: &str, currency: Currency, path: &str) -> Result<Money> {
        let value = parse_decimal(text, path)?;
        Money::from_decimal(value, currency, path)
    }

    /// An amount from a decimal that must already be whole minor units.
    pub fn from_decimal(value: Decimal, currency: Currency, path: &str) -> Result<Money> {
        if value.normalize().scale() > currency.minor_units() {
            return Err(Error::new(
                ErrorCode::InvalidDecimal,
                path,
                format!(
                    "{value} has more decimals than {} allows ({})",
                    currency.code(),
                    currency.minor_units()
                ),
            )
            .with("currency", currency.code())
            .with("decimals", currency.minor_units()));
        }
        let minor = value
            .checked_mul(Decimal::from(10i64.pow(currency.minor_units())))
            .and_then(|m| m.to_i128())
            .ok_or_else(|| Error::overflow(path, "this amount"))?;
        Ok(Money { minor, currency })
    }

    /// The count of minor units.
    pub fn minor(self) -> i128 {
        self.minor
    }

    /// The count of minor units as an `i64`, for the integer fast paths of the optimizer and
    /// the simulation; an amount beyond it is an overflow error at `path`.
    pub fn minor_i64(self, path: &str) -> Result<i64> {
        i64::try_from(self.minor).map_err(|_| Error::overflow(path, "this amount"))
    }

    /// The currency.
    pub fn currency(self) -> Currency {
        self.currency
    }

    /// The amount as a decimal in major units (`12.99`); amounts beyond `Decimal`'s 28 digits
    /// (far past any limit) are an overflow error.
    pub fn to_decimal(self) -> Result<Decimal> {
        Decimal::try_from_i128_with_scale(self.minor, self.currency.minor_units())
            .map_err(|_| Error::overflow("", "this amount"))
    }

    /// True for amounts above zero.
    pub fn is_positive(self) -> bool {
        self.minor > 0
    }

    /// True for amounts below zero.
    pub fn is_negative(self) -> bool {
        self.minor < 0
    }

    /// `self + other`, or an overflow error; both must be in the same currency.
    pub fn checked_add(self, other: Money) -> Result<Money> {
        self.same_currency(other)?;
        self.minor
            .checked_add(other.minor)
            .map(|minor| Money { minor, ..self })
            .ok_or_else(|| Error::overflow("", "a sum of money"))
    }

    /// `self - other`, or an overflow error; both must be in the same currency.
    pub fn checked_sub(self, other: Money) -> Result<Money> {
        self.same_currency(other)?;
        self.minor
            .checked_sub(other.minor)
            .map(|minor| Money { minor, ..self })
            .ok_or_else(|| Error::overflow("", "a difference of money"))
    }

    /// `self × n` for a count, or an overflow error.
    pub fn checked_mul_count(self, n: u64) -> Result<Money> {
        self.minor
            .checked_mul(i128::from(n))
            .map(|minor| Money { minor, ..self })
            .ok_or_else(|| Error::overflow("", "a multiple of a price"))
    }

    /// `self × factor` as an exact decimal (not yet money: round it at a named point).
    pub fn times(self, factor: Decimal) -> Result<Decimal> {
        self.to_decimal()?
            .checked_mul(factor)
            .ok_or_else(|| Error::overflow("", "a share of an amount"))
    }

    /// Sums amounts in `currency`.
    pub fn sum(currency: Currency, items: impl IntoIterator<Item = Money>) -> Result<Money> {
        items
            .into_iter()
            .try_fold(Money::zero(currency), Money::checked_add)
    }

    fn same_currency(self, other: Money) -> Result<()> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(Error::new(
                ErrorCode::CurrencyMismatch,
                "",
                format!(
                    "cannot combine {} and {} without an exchange rate",
                    self.currency, other.currency
                ),
            )
            .with("from", other.currency.code())
            .with("to", self.currency.code()))
        }
    }
}

impl fmt::Display for Money {
    /// Always with the currency's full minor-unit digits: `12.90`, `1500` (JPY).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.currency.minor_units() as usize;
        let magnitude = self.minor.unsigned_abs();
        let sign = if self.minor < 0 { "-" } else { "" };
        if digits == 0 {
            return write!(f, "{sign}{magnitude}");
        }
        let unit = 10u128.pow(digits as u32);
        write!(
            f,
            "{sign}{}.{:0digits$}",
            magnitude / unit,
            magnitude % unit,
            digits = digits
        )
    }
}

impl fmt::Debug for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self, self.currency)
    }
}

impl JsonSchema for Money {
    fn schema_name() -> Cow<'static, str> {
        "Money".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "An amount as a decimal string with the currency's minor-unit digits, e.g. \"12.99\"",
            "pattern": "^-?[0-9]+(\\.[0-9]+)?$"
        })
    }
}

impl Serialize for Money {
    /// Money crosses every boundary as a decimal string, never a float.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Where in the chain an exact value is rounded. Each point has one strategy and one number of
/// decimals, named here and nowhere else; [`RoundingPoint::ALL`] is the list `presets` answers
/// with and `docs/model.md` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundingPoint {
    /// Tax included in, or added on top of, one purchase's price.
    Tax,
    /// A store or payment fee on one purchase.
    Fee,
    /// The running cost of the coins a gift spends from one purchase (cumulative, so the
    /// slices of a purchase add up to it exactly).
    CoinCost,
    /// The Diamonds one gift earns: whole Diamonds, the fraction dropped, gift by gift.
    Diamonds,
    /// What a creator's Diamonds (or share) are credited as: a platform never credits a
    /// fraction of a cent it does not have, so the fraction stays with the platform.
    CreatorCash,
    /// The agency's cut of a creator's earnings.
    Agency,
    /// A withdrawal from the creator's balance: only whole minor units leave.
    Payout,
    /// An amount converted into another currency at a stated rate.
    Exchange,
    /// A price scaled by a what-if multiplier.
    Price,
    /// A simulated viewer's monthly budget, pro-rated to the days of a partial month: the
    /// viewer never has a fraction of a cent more than the month allows.
    Budget,
    /// The total at which a warning threshold of a cap is reached (50 % of ¥50.01 is ¥25.01):
    /// rounded up, so a warning never comes before the fraction is really reached.
    Threshold,
    /// A mean over simulation runs.
    Statistic,
    /// A percentage (a share of what the viewer pays, a change between variants): 2 decimals.
    Percent,
    /// A price per coin, shown to compare channels: 6 decimals; no money is computed from it.
    UnitPrice,
    /// A ratio over a simulation run (the share of viewers who pay, a revenue share,
    /// purchases per payer): 6 decimals.
    Ratio,
}

impl RoundingPoint {
    /// Every point, in the order of the money's path.
    pub const ALL: [RoundingPoint; 15] = [
        RoundingPoint::Tax,
        RoundingPoint::Fee,
        RoundingPoint::CoinCost,
        RoundingPoint::Diamonds,
        RoundingPoint::CreatorCash,
        RoundingPoint::Agency,
        RoundingPoint::Payout,
        RoundingPoint::Exchange,
        RoundingPoint::Price,
        RoundingPoint::Budget,
        RoundingPoint::Threshold,
        RoundingPoint::Statistic,
        RoundingPoint::Percent,
        RoundingPoint::UnitPrice,
        RoundingPoint::Ratio,
    ];

    /// The point's name in answers and documents.
    pub fn name(self) -> &'static str {
        match self {
            RoundingPoint::Tax => "tax",
            RoundingPoint::Fee => "fee",
            RoundingPoint::CoinCost => "coin_cost",
            RoundingPoint::Diamonds => "diamonds",
            RoundingPoint::CreatorCash => "creator_cash",
            RoundingPoint::Agency => "agency",
            RoundingPoint::Payout => "payout",
            RoundingPoint::Exchange => "exchange",
            RoundingPoint::Price => "price",
            RoundingPoint::Budget => "budget",
            RoundingPoint::Threshold => "threshold",
            RoundingPoint::Statistic => "statistic",
            RoundingPoint::Percent => "percent",
            RoundingPoint::UnitPrice => "unit_price",
            RoundingPoint::Ratio => "ratio",
        }
    }

    /// The named strategy for this point. `rust_decimal`'s plain `round()` would be banker's
    /// rounding, which no platform uses for prices, so every rounding goes through here.
    pub fn strategy(self) -> RoundingStrategy {
        match self {
            RoundingPoint::Diamonds
            | RoundingPoint::CreatorCash
            | RoundingPoint::Payout
            | RoundingPoint::Budget => RoundingStrategy::ToZero,
            RoundingPoint::Threshold => RoundingStrategy::ToPositiveInfinity,
            _ => RoundingStrategy::MidpointAwayFromZero,
        }
    }

    /// What the point rounds to, in words ("the currency's minor unit", "2 decimals").
    pub fn unit(self) -> &'static str {
        match self {
            RoundingPoint::Diamonds => "whole Diamonds",
            RoundingPoint::Percent => "2 decimals of a percent",
            RoundingPoint::UnitPrice | RoundingPoint::Ratio => "6 decimals",
            _ => "the currency's minor unit",
        }
    }

    /// The strategy in words.
    pub fn strategy_words(self) -> &'static str {
        match self.strategy() {
            RoundingStrategy::ToZero => "toward zero",
            RoundingStrategy::ToPositiveInfinity => "up",
            _ => "half away from zero",
        }
    }

    /// The rule in words, for `presets` and `docs/model.md`.
    pub fn describe(self) -> &'static str {
        match self {
            RoundingPoint::Tax => "tax per purchase",
            RoundingPoint::Fee => "store and payment fees per purchase",
            RoundingPoint::CoinCost => "the cost of the coins a gift spends, cumulative per purchase",
            RoundingPoint::Diamonds => "the Diamonds of each gift line (coins × Diamonds per coin)",
            RoundingPoint::CreatorCash => {
                "creator earnings credited per quote or per creator balance; the fraction stays with the platform"
            }
            RoundingPoint::Agency => "the agency's cut of the credited earnings",
            RoundingPoint::Payout => "withdrawals and their fees",
            RoundingPoint::Exchange => "an amount converted at a stated exchange rate",
            RoundingPoint::Price => "prices scaled by a what-if multiplier",
            RoundingPoint::Threshold => "the total at which a cap's warning threshold is reached",
            RoundingPoint::Statistic => "means over simulation runs",
            RoundingPoint::Percent => "percentages: a share of what the viewer pays, a change between variants",
            RoundingPoint::UnitPrice => "a price per coin, shown to compare channels (display only)",
            RoundingPoint::Budget => "a simulated viewer's monthly budget pro-rated to a partial month",
            RoundingPoint::Ratio => {
                "ratios over a simulation run: payer share, revenue shares, purchases per payer"
            }
        }
    }

    /// Decimals kept, for points that do not round to money (`None`: the currency's own).
    fn decimals(self) -> Option<u32> {
        match self {
            RoundingPoint::Diamonds => Some(0),
            RoundingPoint::Percent => Some(2),
            RoundingPoint::UnitPrice | RoundingPoint::Ratio => Some(6),
            _ => None,
        }
    }

    /// `value` rounded to this point's decimals (`None` for money points: use [`round`]).
    pub fn round_decimal(self, value: Decimal) -> Option<Decimal> {
        let mut rounded = value.round_dp_with_strategy(self.decimals()?, self.strategy());
        if self == RoundingPoint::Percent {
            rounded.rescale(2);
        }
        Some(rounded)
    }
}

/// `product / den` rounded with `strategy`, in exact integer arithmetic (`den > 0`): the one
/// integer division every rounding point goes through.
#[inline]
fn divide(product: i128, den: i128, strategy: RoundingStrategy) -> Option<i128> {
    let (magnitude, den) = (product.unsigned_abs(), den.unsigned_abs());
    let (quotient, rest) = (magnitude / den, magnitude % den);
    let up = rounds_up(rest, den - rest, product > 0, strategy);
    let rounded = i128::try_from(quotient + u128::from(up)).ok()?;
    Some(if product < 0 { -rounded } else { rounded })
}

/// [`divide`] for a product and divisor within 64 bits, as nearly all are: 128-bit arithmetic
/// is emulated in WebAssembly, and this runs for every gift of a simulation.
#[inline]
fn divide_narrow(product: i64, den: u64, strategy: RoundingStrategy) -> i128 {
    let magnitude = product.unsigned_abs();
    let (quotient, rest) = (magnitude / den, magnitude % den);
    let up = rounds_up(
        u128::from(rest),
        u128::from(den - rest),
        product > 0,
        strategy,
    );
    let rounded = i128::from(quotient) + i128::from(up);
    if product < 0 {
        -rounded
    } else {
        rounded
    }
}

/// Whether a quotient with remainder `rest` (and `den − rest` to the next multiple) rounds up,
/// in magnitude, under `strategy`.
#[inline]
fn rounds_up(rest: u128, to_next: u128, positive: bool, strategy: RoundingStrategy) -> bool {
    rest > 0
        && match strategy {
            RoundingStrategy::ToZero => false,
            RoundingStrategy::ToPositiveInfinity => positive,
            _ => rest >= to_next,
        }
}

/// An exact rational rate (`num / den`), for applying decimal rates to integer amounts without
/// `Decimal` in hot loops. It rounds exactly as [`round`] would at the same point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fraction {
    num: i128,
    den: i128,
}

impl Fraction {
    /// Zero.
    pub const ZERO: Fraction = Fraction { num: 0, den: 1 };
    /// One.
    pub const ONE: Fraction = Fraction { num: 1, den: 1 };

    /// The exact value of a decimal.
    pub fn from_decimal(d: Decimal) -> Fraction {
        Fraction {
            num: d.mantissa(),
            den: 10i128.pow(d.scale()),
        }
    }

    /// `num / den`; `den` must be positive.
    pub fn new(num: i128, den: i128) -> Fraction {
        Fraction { num, den }
    }

    /// `r / (1 + r)`: the share of a tax-inclusive price that is tax at rate `r`.
    pub fn inclusive_share(self) -> Fraction {
        Fraction {
            num: self.num,
            den: self.den + self.num,
        }
    }

    /// `self × other`.
    pub fn times(self, other: Fraction) -> Option<Fraction> {
        Some(Fraction {
            num: self.num.checked_mul(other.num)?,
            den: self.den.checked_mul(other.den)?,
        })
    }

    /// `minor × self`, rounded to whole units at `point`.
    #[inline]
    pub fn apply(self, minor: i128, point: RoundingPoint) -> Result<i128> {
        if self.num == self.den {
            return Ok(minor);
        }
        if let (Ok(m), Ok(n), Ok(d)) = (
            i64::try_from(minor),
            i64::try_from(self.num),
            u64::try_from(self.den),
        ) {
            if let Some(product) = m.checked_mul(n) {
                return Ok(divide_narrow(product, d, point.strategy()));
            }
        }
        let overflow = || Error::overflow("", "an amount times a rate");
        let product = minor.checked_mul(self.num).ok_or_else(overflow)?;
        divide(product, self.den, point.strategy()).ok_or_else(overflow)
    }

    /// `minor × k / whole` rounded at `point`, when the product stays within 64 bits (`None`
    /// otherwise): the [`Fraction::apply`] of `k / whole` without its 128-bit detour, for the
    /// share of a lot every gift of a simulation works out.
    #[inline]
    pub fn share_narrow(minor: i64, k: u64, whole: u64, point: RoundingPoint) -> Option<i64> {
        let product = minor.checked_mul(i64::try_from(k).ok()?)?;
        if whole == 0 {
            return None;
        }
        i64::try_from(divide_narrow(product, whole, point.strategy())).ok()
    }

    /// [`Fraction::apply`] for amounts and results that stay within 64 bits.
    #[inline]
    pub fn apply_i64(self, minor: i64, point: RoundingPoint) -> Result<i64> {
        i64::try_from(self.apply(i128::from(minor), point)?)
            .map_err(|_| Error::overflow("", "an amount times a rate"))
    }
}

/// Rounds an exact decimal to whole minor units of `currency` at `point`.
pub fn round(amount: Decimal, currency: Currency, point: RoundingPoint) -> Result<Money> {
    let rounded = amount.round_dp_with_strategy(currency.minor_units(), point.strategy());
    Money::from_decimal(rounded, currency, "")
}

/// Rounds an exact decimal to `digits` decimals at `point`: a statistic or a ratio shown in
/// an answer, not an amount of money (for money, [`round`]).
pub fn round_decimal(amount: Decimal, digits: u32, point: RoundingPoint) -> Decimal {
    amount.round_dp_with_strategy(digits, point.strategy())
}

/// The whole Diamonds `coins` coins earn at `diamonds_per_coin` ([`RoundingPoint::Diamonds`]).
pub fn diamonds(coins: u64, diamonds_per_coin: Fraction) -> Result<u64> {
    let d = diamonds_per_coin.apply(i128::from(coins), RoundingPoint::Diamonds)?;
    u64::try_from(d).map_err(|_| Error::overflow("", "the Diamonds of a gift"))
}

/// Exchange rates given with a request, as `"FROM/TO": "rate"` (1 FROM = rate TO). Nothing is
/// ever converted at a guessed rate: a missing pair is an error naming both currencies.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExchangeRates {
    rates: Vec<(Currency, Currency, Decimal)>,
    path: String,
}

/// A rate as the request stated it: `1 FROM = rate TO`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct StatedRate {
    /// `FROM/TO`, as written (`USD/CNY`).
    pub pair: String,
    /// How many TO one FROM is worth.
    #[serde(serialize_with = "decimal_string")]
    #[schemars(with = "String")]
    pub rate: Decimal,
}

impl ExchangeRates {
    /// Parses `{"USD/CNY": "7.10", …}` found at `path`.
    pub fn parse(
        map: &std::collections::BTreeMap<String, String>,
        path: &str,
    ) -> Result<ExchangeRates> {
        let mut rates = Vec::with_capacity(map.len());
        for (pair, rate) in map {
            let at = crate::error::join(path, pair);
            let (from, to) = pair.split_once('/').ok_or_else(|| {
                Error::new(
                    ErrorCode::InvalidValue,
                    at.clone(),
                    format!(
                        "`{}` is not a currency pair like USD/CNY",
                        pair.chars().take(20).collect::<String>()
                    ),
                )
            })?;
            let (from, to) = (Currency::parse(from, &at)?, Currency::parse(to, &at)?);
            let rate = parse_decimal(rate, &at)?;
            if rate <= Decimal::ZERO {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    at,
                    "an exchange rate must be above zero",
                )
                .with("min_exclusive", "0"));
            }
            if from == to {
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    at,
                    format!("{pair} converts {from} to itself; a rate is between two currencies"),
                ));
            }
            if rates.iter().any(|(f, t, _)| *f == to && *t == from) {
                return Err(Error::new(
                    ErrorCode::ConflictingFields,
                    at,
                    format!("{to}/{from} and {from}/{to} are both given; state the rate one way"),
                )
                .with(
                    "pairs",
                    vec![format!("{to}/{from}"), format!("{from}/{to}")],
                ));
            }
            rates.push((from, to, rate));
        }
        Ok(ExchangeRates {
            rates,
            path: path.to_string(),
        })
    }

    /// `amount` in `to`, at the stated rate (or the inverse of the reverse pair), rounded at
    /// [`RoundingPoint::Exchange`]; a missing rate is an error at `path`.
    pub fn convert(&self, amount: Money, to: Currency, path: &str) -> Result<Money> {
        let rate = self.minor_rate(amount.currency(), to, path)?;
        Ok(Money::from_minor(
            rate.apply(amount.minor(), RoundingPoint::Exchange)?,
            to,
        ))
    }

    /// The rate between two currencies as the request stated it (one pair, either direction:
    /// [`ExchangeRates::parse`] refuses both), if given.
    pub fn stated(&self, from: Currency, to: Currency) -> Option<StatedRate> {
        self.rates
            .iter()
            .find(|(f, t, _)| (*f == from && *t == to) || (*f == to && *t == from))
            .map(|(f, t, r)| StatedRate {
                pair: format!("{f}/{t}"),
                rate: *r,
            })
    }

    /// The exact factor from minor units of `from` to minor units of `to`.
    pub fn minor_rate(&self, from: Currency, to: Currency, path: &str) -> Result<Fraction> {
        if from == to {
            return Ok(Fraction::ONE);
        }
        let scale = |c: Currency| 10i128.pow(c.minor_units());
        let direct = self.rates.iter().find(|(f, t, _)| *f == from && *t == to);
        let reverse = self.rates.iter().find(|(f, t, _)| *f == to && *t == from);
        match (direct, reverse) {
            (Some((_, _, r)), _) => {
                let r = Fraction::from_decimal(*r);
                Ok(Fraction::new(r.num * scale(to), r.den * scale(from)))
            }
            (None, Some((_, _, r))) => {
                let r = Fraction::from_decimal(*r);
                Ok(Fraction::new(r.den * scale(to), r.num * scale(from)))
            }
            (None, None) => Err(Error::new(
                ErrorCode::CurrencyMismatch,
                path,
                format!(
                    "this amount is in {from} and must be converted to {to}, but no rate is given; add \"{}\": {{\"{from}/{to}\": \"rate\"}} (1 {from} = rate {to})",
                    if self.path.is_empty() { "exchange_rates" } else { &self.path }
                ),
            )
            .with("from", from.code())
            .with("to", to.code())
            .with("rates_field", if self.path.is_empty() { "exchange_rates" } else { self.path.as_str() })),
        }
    }
}

/// `price / coins`, for display, at [`RoundingPoint::UnitPrice`] (6 decimals, enough to compare
/// channels that differ in the fourth significant digit).
pub fn unit_price(price: Money, coins: u64) -> Option<Decimal> {
    if coins == 0 {
        return None;
    }
    let per_coin = price.to_decimal().ok()?.checked_div(Decimal::from(coins))?;
    RoundingPoint::UnitPrice.round_decimal(per_coin)
}

/// Most significant digits plus decimals accepted in a decimal string, so that products of
/// decimals stay inside `Decimal`'s 28 digits.
const MAX_DECIMAL_DIGITS: usize = 20;

/// Parses a plain decimal string (`"12.99"`, `"0.0106"`, `"-3"`): no exponent, no thousands
/// separators, no `NaN`, at most 20 digits. Money and rates cross the boundary as strings so
/// that no binary float ever touches them.
pub fn parse_decimal(text: &str, path: &str) -> Result<Decimal> {
    let bad = |why: &str| {
        Error::new(
            ErrorCode::InvalidDecimal,
            path,
            format!(
                "`{}` is not a plain decimal number: {why} (write it like \"12.99\")",
                truncate(text)
            ),
        )
    };
    let body = text.strip_prefix('-').unwrap_or(text);
    if body.is_empty() {
        return Err(bad("it is empty"));
    }
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    if int.is_empty() || (body.contains('.') && frac.is_empty()) {
        return Err(bad("digits are needed on both sides of the point"));
    }
    if !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(
            "only digits, one point and a leading minus are allowed",
        ));
    }
    let significant = int.trim_start_matches('0').len() + frac.len();
    if significant > MAX_DECIMAL_DIGITS {
        return Err(Error::new(
            ErrorCode::InvalidDecimal,
            path,
            format!(
                "`{}` has more than {MAX_DECIMAL_DIGITS} digits",
                truncate(text)
            ),
        ));
    }
    Decimal::from_str(text).map_err(|e| bad(&e.to_string()))
}

/// A decimal that must lie in `[min, max]` (a rate, a share).
pub fn parse_decimal_in(text: &str, path: &str, min: Decimal, max: Decimal) -> Result<Decimal> {
    let value = parse_decimal(text, path)?;
    if value < min || value > max {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            path,
            format!("{value} is outside the allowed range {min} to {max}"),
        )
        .with_range(min.to_string(), max.to_string(), value.to_string()));
    }
    Ok(value)
}

fn truncate(text: &str) -> String {
    if text.chars().count() > 40 {
        let head: String = text.chars().take(40).collect();
        format!("{head}…")
    } else {
        text.to_string()
    }
}

/// Serializes a decimal (a price per coin, a percentage) as a string, digits as computed.
pub fn decimal_string<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

/// Serializes an optional decimal as a string, or `null`.
pub fn optional_decimal_string<S: Serializer>(
    d: &Option<Decimal>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

/// `part / whole` as a percentage at [`RoundingPoint::Percent`] (exactly two decimals).
pub fn percent(part: Money, whole: Money) -> Option<Decimal> {
    if !whole.is_positive() {
        return None;
    }
    let ratio = part
        .to_decimal()
        .ok()?
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(whole.to_decimal().ok()?)?;
    RoundingPoint::Percent.round_decimal(ratio)
}

/// `part / whole` of two exact integers as a percentage at [`RoundingPoint::Percent`].
pub fn percent_of(part: i128, whole: i128) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    // Hundredths of a percent: part × 10 000 / whole, rounded once.
    let hundredths = divide(
        part.checked_mul(10_000)?,
        whole.abs(),
        RoundingPoint::Percent.strategy(),
    )?;
    let signed = if whole < 0 { -hundredths } else { hundredths };
    Decimal::try_from_i128_with_scale(signed, 2).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd(s: &str) -> Money {
        Money::parse(s, Currency::USD, "x").unwrap()
    }

    #[test]
    fn parses_and_prints_money_in_minor_units() {
        let jpy = Currency::from_code("JPY").unwrap();
        let kwd = Currency::from_code("KWD").unwrap();
        let cases: &[(&str, Currency, &str, i128)] = &[
            ("12.99", Currency::USD, "12.99", 1299),
            ("12.9", Currency::USD, "12.90", 1290),
            ("0", Currency::USD, "0.00", 0),
            ("1500", jpy, "1500", 1500),
            ("1.234", kwd, "1.234", 1234),
            ("-3.5", Currency::USD, "-3.50", -350),
            ("12.990", Currency::USD, "12.99", 1299),
        ];
        for (text, cur, shown, minor) in cases {
            let m = Money::parse(text, *cur, "p").unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(
                (m.to_string(), m.minor()),
                (shown.to_string(), *minor),
                "input {text} {cur}"
            );
        }
    }

    #[test]
    fn rejects_bad_decimals_with_the_path() {
        let jpy = Currency::from_code("JPY").unwrap();
        let cases: &[(&str, Currency, ErrorCode)] = &[
            ("1.999", Currency::USD, ErrorCode::InvalidDecimal),
            ("1.5", jpy, ErrorCode::InvalidDecimal),
            ("1e3", Currency::USD, ErrorCode::InvalidDecimal),
            ("NaN", Currency::USD, ErrorCode::InvalidDecimal),
            ("", Currency::USD, ErrorCode::InvalidDecimal),
            ("1,000.00", Currency::USD, ErrorCode::InvalidDecimal),
            (".5", Currency::USD, ErrorCode::InvalidDecimal),
            ("5.", Currency::USD, ErrorCode::InvalidDecimal),
            ("+5", Currency::USD, ErrorCode::InvalidDecimal),
            ("--5", Currency::USD, ErrorCode::InvalidDecimal),
            (" 5", Currency::USD, ErrorCode::InvalidDecimal),
            (
                "1234567890123456789012345678901234567890",
                Currency::USD,
                ErrorCode::InvalidDecimal,
            ),
        ];
        for (text, cur, code) in cases {
            let err = Money::parse(text, *cur, "bundles[2].price").unwrap_err();
            assert_eq!(
                (err.code, err.path.as_str()),
                (*code, "bundles[2].price"),
                "input {text:?}"
            );
        }
    }

    #[test]
    fn checked_arithmetic_reports_overflow_and_currency_mismatch() {
        // Twenty digits (the most a decimal may have) are far inside the range of money.
        assert_eq!(
            Money::parse("99999999999999999999", Currency::USD, "x")
                .unwrap()
                .minor(),
            9_999_999_999_999_999_999_900
        );
        let big = Money::from_minor(i128::MAX, Currency::USD);
        assert_eq!(
            big.checked_add(usd("0.01")).unwrap_err().code,
            ErrorCode::Overflow
        );
        assert_eq!(
            big.checked_mul_count(2).unwrap_err().code,
            ErrorCode::Overflow
        );
        let gbp = Money::zero(Currency::from_code("GBP").unwrap());
        assert_eq!(
            usd("1").checked_add(gbp).unwrap_err().code,
            ErrorCode::CurrencyMismatch
        );
        assert_eq!(usd("1.10").checked_sub(usd("0.15")).unwrap(), usd("0.95"));
    }

    #[test]
    fn each_rounding_point_uses_its_named_strategy() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        let cases: &[(&str, RoundingPoint, &str)] = &[
            ("0.125", RoundingPoint::Tax, "0.13"),
            ("0.135", RoundingPoint::Tax, "0.14"),
            ("-0.125", RoundingPoint::Fee, "-0.13"),
            ("0.124", RoundingPoint::CoinCost, "0.12"),
            ("149.995", RoundingPoint::CreatorCash, "149.99"),
            ("0.019", RoundingPoint::Payout, "0.01"),
            ("0.005", RoundingPoint::Agency, "0.01"),
        ];
        for (amount, point, expected) in cases {
            let m = round(d(amount), Currency::USD, *point).unwrap();
            assert_eq!(m.to_string(), *expected, "{amount} at {point:?}");
        }
    }

    #[test]
    fn fractions_round_exactly_like_decimals() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        for (minor, rate) in [
            (1299, "0.0725"),
            (-1299, "0.0725"),
            (89, "0.2"),
            (74, "0.03"),
            (5, "0.5"),
            (15, "0.5"),
            (29999, "0.005"),
        ] {
            for point in [RoundingPoint::Tax, RoundingPoint::CreatorCash] {
                let via_decimal = round(
                    Money::from_minor(minor, Currency::USD)
                        .times(d(rate))
                        .unwrap(),
                    Currency::USD,
                    point,
                )
                .unwrap();
                let via_fraction = Fraction::from_decimal(d(rate))
                    .apply(i128::from(minor), point)
                    .unwrap();
                assert_eq!(
                    Fraction::from_decimal(d(rate))
                        .apply_i64(minor, point)
                        .unwrap() as i128,
                    via_fraction
                );
                assert_eq!(
                    via_decimal.minor(),
                    via_fraction,
                    "{minor} × {rate} at {point:?}"
                );
            }
        }
        // VAT inside £0.89 at 20 %: 0.89 × 0.2 / 1.2 = 0.1483 → 0.15.
        assert_eq!(
            Fraction::from_decimal(d("0.20"))
                .inclusive_share()
                .apply(89, RoundingPoint::Tax)
                .unwrap(),
            15
        );
    }

    proptest::proptest! {
        #[test]
        fn fraction_application_matches_decimal_rounding(minor in -1_000_000_000_000i64..1_000_000_000_000, mantissa in 0i64..100_000_000, scale in 0u32..9) {
            let rate = Decimal::new(mantissa, scale);
            for point in [RoundingPoint::Tax, RoundingPoint::CreatorCash, RoundingPoint::Threshold] {
                let exact = Decimal::from(minor) * rate;
                let expected = exact.round_dp_with_strategy(0, point.strategy());
                let wide = Fraction::from_decimal(rate).apply(i128::from(minor), point).unwrap();
                proptest::prop_assert_eq!(Decimal::from(wide), expected, "{} × {} at {:?}", minor, rate, point);
                match Fraction::from_decimal(rate).apply_i64(minor, point) {
                    Ok(got) => proptest::prop_assert_eq!(i128::from(got), wide),
                    // Only results beyond i64 overflow the 64-bit form.
                    Err(_) => proptest::prop_assert!(wide.abs() > i128::from(i64::MAX)),
                }
            }
        }

        #[test]
        fn a_narrow_share_is_the_fraction_applied(minor in -1_000_000_000_000_000i64..1_000_000_000_000_000, whole in 1u64..10_000_000_000, k in 0u64..10_000_000_000) {
            let k = k % (whole + 1);
            let wide = Fraction::new(i128::from(k), i128::from(whole)).apply(i128::from(minor), RoundingPoint::CoinCost).unwrap();
            match Fraction::share_narrow(minor, k, whole, RoundingPoint::CoinCost) {
                Some(got) => proptest::prop_assert_eq!(i128::from(got), wide),
                // Only a product beyond 64 bits takes the wide path.
                None => proptest::prop_assert!(i128::from(minor) * i128::from(k) > i128::from(i64::MAX) || i128::from(minor) * i128::from(k) < i128::from(i64::MIN)),
            }
        }
    }

    #[test]
    fn totals_beyond_64_bits_stay_exact() {
        // Ten million viewers with a budget of ten billion for a year: far past i64.
        let per_viewer = Money::parse("121999999987.80", Currency::USD, "x").unwrap();
        let total = per_viewer.checked_mul_count(10_000_000).unwrap();
        assert_eq!(total.to_string(), "1219999999878000000.00");
        assert_eq!(total.minor(), 121_999_999_987_800_000_000);
        let jpy = Currency::from_code("JPY").unwrap();
        assert_eq!(Money::from_minor(-5i64, jpy).to_string(), "-5");
        assert_eq!(Money::from_minor(-5i64, Currency::USD).to_string(), "-0.05");
        assert!(Money::from_minor(i128::MAX, Currency::USD)
            .to_decimal()
            .is_err());
    }

    #[test]
    fn percentages_are_rounded_once_at_their_point() {
        assert_eq!(percent_of(1, 3).unwrap().to_string(), "33.33");
        assert_eq!(percent_of(2, 3).unwrap().to_string(), "66.67");
        assert_eq!(percent_of(-1, 8).unwrap().to_string(), "-12.50");
        assert_eq!(percent_of(1, -8).unwrap().to_string(), "-12.50");
        assert_eq!(percent_of(5, 0), None);
        assert_eq!(
            percent(usd("149.99"), usd("498.70")).unwrap().to_string(),
            "30.08"
        );
        // A threshold is reached when the total gets to it: 50 % of 5001 minor units is 2500.5,
        // so the warning comes at 2501.
        assert_eq!(
            Fraction::new(1, 2)
                .apply(5001, RoundingPoint::Threshold)
                .unwrap(),
            2501
        );
        assert_eq!(
            diamonds(29_999, Fraction::from_decimal(Decimal::ONE)).unwrap(),
            29_999
        );
        assert_eq!(diamonds(3, Fraction::new(1, 2)).unwrap(), 1);
    }

    #[test]
    fn every_rounding_point_is_listed_once() {
        let names: Vec<&str> = RoundingPoint::ALL.iter().map(|p| p.name()).collect();
        let mut unique = names.clone();
        crate::sort::sort_by_key(&mut unique, |n| *n);
        unique.dedup();
        assert_eq!(unique.len(), names.len());
    }

    #[test]
    fn unit_price_has_six_decimals() {
        assert_eq!(
            unit_price(usd("249.99"), 16500).unwrap().to_string(),
            "0.015151"
        );
        assert_eq!(unit_price(usd("0.74"), 70).unwrap().to_string(), "0.010571");
        assert!(unit_price(usd("1"), 0).is_none());
    }
}
