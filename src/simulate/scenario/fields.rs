//! The forms a scenario's fields take: shares that add up to exactly 1, bounded numbers for
//! sampling, positive amounts of money.

use crate::error::{Error, ErrorCode, Result};
use crate::money::{parse_decimal_in, Currency, Money};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Parses a decimal share in [0, 1] and returns it and its float value for sampling.
pub fn share(text: &str, path: &str) -> Result<(Decimal, f64)> {
    let d = parse_decimal_in(text, path, Decimal::ZERO, Decimal::ONE)?;
    Ok((d, d.to_f64().unwrap_or(0.0)))
}

/// Checks that shares add up to exactly 1.
pub fn shares_add_up(total: Decimal, path: &str) -> Result<()> {
    if total == Decimal::ONE {
        Ok(())
    } else {
        Err(Error::new(
            ErrorCode::InvalidValue,
            path,
            format!("the shares add up to {}, not 1", total.normalize()),
        ))
    }
}

/// A decimal in `[0, max]`, as a float for sampling (never for money).
pub fn positive_f64(text: &str, path: &str, max: i64) -> Result<f64> {
    let d = parse_decimal_in(text, path, Decimal::ZERO, Decimal::from(max))?;
    Ok(d.to_f64().unwrap_or(0.0))
}

/// A positive amount of at most 10^12 minor units (ten billion dollars), in minor units.
pub fn money_positive(text: &str, currency: Currency, path: &str) -> Result<i64> {
    let m = Money::parse(text, currency, path)?;
    if !m.is_positive() || m.minor() > 1_000_000_000_000 {
        let max = Money::from_minor(1_000_000_000_000i64, currency).to_string();
        return Err(Error::new(
            ErrorCode::OutOfRange,
            path,
            format!("an amount here must be above zero and at most {max} {currency}"),
        )
        .with("min_exclusive", "0")
        .with("max", max));
    }
    m.minor_i64(path)
}

/// A count from 1 to `max` (`what`: "simulate {} viewers"), or an `out_of_range` error at
/// `path` saying the range and the count given, both in `details`.
pub fn one_to(given: u64, max: u64, what: &str, path: &str) -> Result<()> {
    if (1..=max).contains(&given) {
        return Ok(());
    }
    let range = format!("1 to {}", crate::words::number(max));
    Err(Error::new(
        ErrorCode::OutOfRange,
        path,
        format!(
            "{}, not {}",
            what.replace("{}", &range),
            crate::words::number(given)
        ),
    )
    .with_range(1, max, given))
}
