//! Amounts as exports write them: `450`, `"450 coins"`, `"$4.99"`, `"4,99 €"`, `"GBP 3.49"`,
//! `"1.234,56"`. Locale-formatted text is read by its separators, never by a float parse.

use crate::error::{Error, ErrorCode, Result};
use crate::money::{Currency, Money};

/// What an amount's text says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Amount {
    /// A number of coins (`"450 coins"`).
    Coins(u64),
    /// Money in a stated currency (`"$4.99"`).
    Money(Money),
    /// A bare number (`450`, `"4.99"`): coins or money, the text does not say. Kept as a
    /// plain decimal string.
    Bare(String),
}

/// Currency symbols, longest first; `$` and `¥` are read in the `hint` currency when it writes
/// them so, else as USD and JPY.
const SYMBOLS: [(&str, &str); 12] = [
    ("US$", "USD"),
    ("CA$", "CAD"),
    ("AU$", "AUD"),
    ("A$", "AUD"),
    ("R$", "BRL"),
    ("£", "GBP"),
    ("€", "EUR"),
    ("₩", "KRW"),
    ("₹", "INR"),
    ("₱", "PHP"),
    ("¥", "JPY"),
    ("$", "USD"),
];

/// Reads an amount's text; `hint` is the currency a bare `$` or `¥` most likely means (the
/// rate card's). `path` names the field for errors.
pub fn read(text: &str, hint: Currency, path: &str) -> Result<Amount> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    for suffix in ["coins", "coin"] {
        if let Some(n) = lower.strip_suffix(suffix) {
            return Ok(Amount::Coins(coins(&t[..n.len()], path)?));
        }
    }
    let (currency, number) = split_currency(t, hint, path)?;
    let decimal = normalise(number).ok_or_else(|| unreadable(text, path))?;
    match currency {
        Some(c) => Ok(Amount::Money(Money::parse(&decimal, c, path)?)),
        None => Ok(Amount::Bare(decimal)),
    }
}

/// A whole number of coins, thousands separators allowed (`1,200`).
pub fn coins(text: &str, path: &str) -> Result<u64> {
    let digits: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    if digits.is_empty() || digits.len() > 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            path,
            format!("`{}` is not a number of coins", shown(text)),
        ));
    }
    digits.parse().map_err(|_| unreadable(text, path))
}

fn split_currency<'t>(
    t: &'t str,
    hint: Currency,
    path: &str,
) -> Result<(Option<Currency>, &'t str)> {
    for (symbol, code) in SYMBOLS {
        let rest = t
            .strip_prefix(symbol)
            .or_else(|| t.strip_suffix(symbol))
            .map(str::trim);
        if let Some(rest) = rest {
            let by_hint = matches!(symbol, "$" | "¥") && symbol_of(hint) == Some(symbol);
            let code = if by_hint { hint.code() } else { code };
            return Ok((Some(Currency::parse(code, path)?), rest));
        }
    }
    let code_at = |s: &str| s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase());
    if let Some((a, b)) = t.split_once(' ') {
        if code_at(a) {
            return Ok((Some(Currency::parse(a, path)?), b.trim()));
        }
        if code_at(b.trim()) {
            return Ok((Some(Currency::parse(b.trim(), path)?), a));
        }
    }
    Ok((None, t))
}

/// The symbol a currency is written with where it is ambiguous.
fn symbol_of(c: Currency) -> Option<&'static str> {
    match c.code() {
        "USD" | "CAD" | "AUD" | "NZD" | "MXN" | "SGD" | "HKD" => Some("$"),
        "JPY" | "CNY" => Some("¥"),
        _ => None,
    }
}

/// `1,234.56`, `1.234,56`, `4,99`, `1 234,56`, `4.99` → a plain decimal (`1234.56`); `None`
/// when it is not a number.
fn normalise(text: &str) -> Option<String> {
    let s: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    let (commas, dots) = (s.matches(',').count(), s.matches('.').count());
    let decimal_mark = match (commas, dots) {
        (0, 0) => None,
        (0, 1) => Some('.'),
        (1, 0) => {
            // "4,99" is a decimal comma; "1,200" groups thousands.
            let after = s.len() - s.rfind(',')? - 1;
            (after != 3).then_some(',')
        }
        (_, 0) | (0, _) => None,
        _ => {
            let (c, d) = (s.rfind(',')?, s.rfind('.')?);
            Some(if c > d { ',' } else { '.' })
        }
    };
    // Thousands separators group by three: "1.234.567" is a number, "4.9.9" is not.
    let integer = match decimal_mark {
        Some(m) => &s[..s.rfind(m)?],
        None => s.as_str(),
    };
    let grouped = integer.split([',', '.']).skip(1).all(|g| g.len() == 3);
    if !grouped {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '0'..='9' => out.push(ch),
            c if Some(c) == decimal_mark => out.push('.'),
            ',' | '.' => {}
            _ => return None,
        }
    }
    let valid = !out.is_empty()
        && !out.starts_with('.')
        && !out.ends_with('.')
        && out.matches('.').count() <= 1;
    valid.then_some(out)
}

fn shown(text: &str) -> String {
    text.chars().take(40).collect()
}

fn unreadable(text: &str, path: &str) -> Error {
    Error::new(
        ErrorCode::InvalidValue,
        path,
        format!(
            "`{}` is not an amount like 450, \"450 coins\" or \"$4.99\"",
            shown(text)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_it(text: &str) -> Amount {
        read(text, Currency::parse("USD", "").unwrap(), "p").unwrap()
    }

    fn money(text: &str, code: &str) -> Amount {
        Amount::Money(Money::parse(text, Currency::parse(code, "").unwrap(), "").unwrap())
    }

    #[test]
    fn amounts_in_the_forms_exports_write_them() {
        assert_eq!(read_it("450"), Amount::Bare("450".into()));
        assert_eq!(read_it("4.99"), Amount::Bare("4.99".into()));
        assert_eq!(read_it("450 Coins"), Amount::Coins(450));
        assert_eq!(read_it("1,200 coins"), Amount::Coins(1200));
        assert_eq!(read_it("$4.99"), money("4.99", "USD"));
        assert_eq!(read_it("£3.49"), money("3.49", "GBP"));
        assert_eq!(read_it("4,99 €"), money("4.99", "EUR"));
        assert_eq!(read_it("€1.234,56"), money("1234.56", "EUR"));
        assert_eq!(read_it("1,234.56 USD"), money("1234.56", "USD"));
        assert_eq!(read_it("GBP 3.49"), money("3.49", "GBP"));
        assert_eq!(read_it("₩1,400"), money("1400", "KRW"));
        assert_eq!(read_it("1.234.567"), Amount::Bare("1234567".into()));
        assert_eq!(read_it("CA$6.99"), money("6.99", "CAD"));
        let cad = read("$6.99", Currency::parse("CAD", "").unwrap(), "p").unwrap();
        assert_eq!(cad, money("6.99", "CAD"));
    }

    #[test]
    fn text_that_is_no_amount_is_refused_by_path() {
        // A negative amount is refused, not read as positive.
        for bad in [
            "",
            "abc",
            "4.9.9",
            "$",
            "1,2,3.4.5",
            "12 apples",
            "coins",
            "$-4.99",
        ] {
            let e = read(bad, Currency::parse("USD", "").unwrap(), "x.Price").unwrap_err();
            assert_eq!(e.path, "x.Price", "{bad}");
        }
    }
}
