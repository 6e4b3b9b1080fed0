//! The one error type every operation returns: a stable code, the JSON path of the offending
//! field, and a sentence a person understands.

use schemars::JsonSchema;
use serde::Serialize;
use std::fmt;

/// A stable, machine-readable error code. Codes never change meaning once shipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The input is not JSON, or is truncated.
    InvalidJson,
    /// A required field is absent.
    MissingField,
    /// A field the contract does not know (often a typo).
    UnknownField,
    /// A field has the wrong JSON type (a number where a string is expected, …).
    InvalidType,
    /// A field has the right type but a value the contract does not accept.
    InvalidValue,
    /// A money amount or rate is not a plain decimal string, or has too many decimals.
    InvalidDecimal,
    /// A number lies outside the range the field allows.
    OutOfRange,
    /// No shipped preset has this id.
    UnknownPreset,
    /// The rate card's gift catalogue has no gift with this id.
    UnknownGift,
    /// Not an ISO 4217 currency code giftsim knows.
    UnknownCurrency,
    /// Not an ISO 3166 country (or US state) code giftsim knows.
    UnknownRegion,
    /// Two amounts in different currencies were combined without an exchange rate.
    CurrencyMismatch,
    /// Fields that exclude each other were given together, or none of a required set was.
    ConflictingFields,
    /// The same id or bundle appears twice.
    Duplicate,
    /// A computation would exceed the range of exact arithmetic.
    Overflow,
    /// The input or the work it asks for exceeds a documented limit.
    TooLarge,
    /// The question has no answer on this rate card (e.g. an amount that cannot be bought).
    NoSolution,
    /// A file could not be read.
    Io,
    /// A long computation was cancelled by its caller.
    Cancelled,
    /// A time zone of the IANA database whose rules this build does not carry and that has not
    /// been loaded yet (`details.zone` names it); the calculator page loads it and asks again.
    TimeZoneNotLoaded,
}

impl ErrorCode {
    /// The code as it appears in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::MissingField => "missing_field",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::InvalidType => "invalid_type",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::InvalidDecimal => "invalid_decimal",
            ErrorCode::OutOfRange => "out_of_range",
            ErrorCode::UnknownPreset => "unknown_preset",
            ErrorCode::UnknownGift => "unknown_gift",
            ErrorCode::UnknownCurrency => "unknown_currency",
            ErrorCode::UnknownRegion => "unknown_region",
            ErrorCode::CurrencyMismatch => "currency_mismatch",
            ErrorCode::ConflictingFields => "conflicting_fields",
            ErrorCode::Duplicate => "duplicate",
            ErrorCode::Overflow => "overflow",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::NoSolution => "no_solution",
            ErrorCode::Io => "io",
            ErrorCode::Cancelled => "cancelled",
            ErrorCode::TimeZoneNotLoaded => "time_zone_not_loaded",
        }
    }
}

/// An error as data: `{"error": {"code", "path", "message", "details"}}` on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Error {
    /// Stable machine code.
    pub code: ErrorCode,
    /// JSON path of the offending field (`bundles[2].price`), empty for the document itself.
    pub path: String,
    /// A sentence a person understands.
    pub message: String,
    /// The facts behind the message, for programs (a page shows its own words from them and
    /// never parses the sentence): a limit as `{"min", "max", "given"}`, an unknown id with its
    /// `suggestions`, `{"from": "USD", "to": "CNY"}`, `{"zone": "Europe/Athens"}`. Names are
    /// stable per code.
    // Boxed: an error stays small, and so does every `Result`.
    #[serde(default, skip_serializing_if = "no_details")]
    pub details: Box<Details>,
}

fn no_details(d: &Details) -> bool {
    d.is_empty()
}

/// The wire form of an error: `{"error": {...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ErrorResponse {
    /// The error.
    pub error: Error,
}

/// The facts behind an error or a check, by name, in the order they were added (a JSON
/// object: the `Map` serde_json already carries, rather than a second map type in the WASM).
pub type Details = serde_json::Map<String, serde_json::Value>;

/// Result with giftsim's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error with a code, a JSON path and a message.
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        // Input can be echoed in a message (an unknown id, a bad value); never echo megabytes.
        Error {
            code,
            path: clip(path.into(), 200),
            message: clip(message.into(), 400),
            details: Box::default(),
        }
    }

    /// The same error with one more fact in `details`.
    pub fn with(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        // A whole number beyond 2^53 − 1 is written as a string, so JavaScript reads it exactly.
        const SAFE: u64 = (1 << 53) - 1;
        let value = match value.into() {
            serde_json::Value::String(s) => serde_json::Value::String(clip(s, 200)),
            serde_json::Value::Number(n)
                if n.as_u64().is_some_and(|v| v > SAFE)
                    || n.as_i64().is_some_and(|v| v.unsigned_abs() > SAFE) =>
            {
                serde_json::Value::String(n.to_string())
            }
            v => v,
        };
        self.details.insert(key.to_string(), value);
        self
    }

    /// The same error with the allowed range and the value given: `min`, `max`, `given`.
    pub fn with_range(
        self,
        min: impl Into<serde_json::Value>,
        max: impl Into<serde_json::Value>,
        given: impl Into<serde_json::Value>,
    ) -> Self {
        self.with("min", min).with("max", max).with("given", given)
    }

    /// Arithmetic left the exact range; `what` names the quantity being computed.
    pub fn overflow(path: impl Into<String>, what: &str) -> Self {
        Error::new(
            ErrorCode::Overflow,
            path,
            format!("{what} is too large to compute exactly"),
        )
        .with("quantity", what)
    }

    /// The same error, re-rooted under `prefix` (used when a sub-document is parsed on its own).
    pub fn under(mut self, prefix: &str) -> Self {
        self.path = join(prefix, &self.path);
        self
    }

    /// The wire form: `{"error": {...}}`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({ "error": self })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.code.as_str(), self.message)
        } else {
            write!(
                f,
                "{} at {}: {}",
                self.code.as_str(),
                self.path,
                self.message
            )
        }
    }
}

impl std::error::Error for Error {}

/// `text` cut to at most `max` characters, with an ellipsis when cut.
fn clip(text: String, max: usize) -> String {
    if text.chars().count() <= max {
        return text;
    }
    let mut cut: String = text.chars().take(max - 1).collect();
    cut.push('…');
    cut
}

/// Joins JSON path segments: `join("bundles[2]", "price")` is `bundles[2].price`, and an index
/// segment (`[3]`) attaches without a dot.
pub fn join(prefix: &str, field: &str) -> String {
    match (prefix.is_empty(), field.is_empty()) {
        (true, _) => field.to_string(),
        (_, true) => prefix.to_string(),
        _ if field.starts_with('[') => format!("{prefix}{field}"),
        _ => format!("{prefix}.{field}"),
    }
}

/// `prefix[index]`.
pub fn index(prefix: &str, i: usize) -> String {
    format!("{prefix}[{i}]")
}

/// Parses a JSON document into a request type, turning serde's complaint into an [`Error`] with
/// the path of the offending field.
pub fn from_json_str<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    if text.trim().is_empty() {
        return Err(Error::new(
            ErrorCode::InvalidJson,
            "",
            "the input is empty: a JSON object was expected",
        ));
    }
    serde_json::from_str(text).map_err(|e| from_serde(text, &e))
}

/// Converts an already-parsed JSON value into a request type, with paths under `prefix`.
pub fn from_json_value<T: serde::de::DeserializeOwned>(
    value: &serde_json::Value,
    prefix: &str,
) -> Result<T> {
    // Through text, so serde_json reports a position the path can be found from.
    let text = value.to_string();
    from_json_str(&text).map_err(|e| e.under(prefix))
}

/** The input is not JSON: what is wrong, in words, and where (line and column). */
fn syntax(e: &serde_json::Error) -> Error {
    let text = e.to_string();
    let what = text
        .rfind(" at line ")
        .map_or(text.as_str(), |i| &text[..i]);
    let plain = match what {
        w if w.starts_with("EOF while parsing") => {
            "it ends too early (a bracket, brace or quote is not closed)"
        }
        "expected value" => {
            "a value was expected (text needs double quotes; NaN and Infinity are not JSON)"
        }
        "trailing characters" => "there is more text after the document",
        "key must be a string" => "an object's keys must be in double quotes",
        "expected `,` or `}`" => "a comma or a closing brace was expected",
        "expected `,` or `]`" => "a comma or a closing bracket was expected",
        "expected `:`" => "a colon was expected after a key",
        "expected ident" => "a word that is not JSON (text needs double quotes)",
        "invalid number" | "number out of range" => "a number JSON cannot read",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "a string holds a line break or another control character"
        }
        "invalid escape"
        | "invalid unicode code point"
        | "lone leading surrogate in hex escape" => "a string holds an escape JSON does not allow",
        other => other,
    };
    let at = if e.line() > 0 {
        format!(" (line {}, column {})", e.line(), e.column())
    } else {
        String::new()
    };
    Error::new(
        ErrorCode::InvalidJson,
        "",
        format!("the input is not valid JSON: {plain}{at}"),
    )
    .with("line", e.line())
    .with("column", e.column())
}

fn from_serde(text: &str, err: &serde_json::Error) -> Error {
    let offset = crate::json_path::offset_of(text, err.line(), err.column());
    let message = err.to_string();
    let path = if message.starts_with("invalid type: sequence")
        || message.starts_with("invalid type: map")
    {
        crate::json_path::path_of_container(text, offset)
    } else {
        crate::json_path::path_at(text, offset)
    };
    match err.classify() {
        serde_json::error::Category::Syntax if err.to_string().contains("recursion limit") => {
            Error::new(
                ErrorCode::TooLarge,
                // The field where the nesting starts, not 128 levels of it.
                path.split(['[', '.']).next().unwrap_or_default(),
                "the input nests deeper than 128 levels; no giftsim document needs that",
            )
        }
        serde_json::error::Category::Io
        | serde_json::error::Category::Syntax
        | serde_json::error::Category::Eof => syntax(err),
        serde_json::error::Category::Data => {
            // serde_json appends " at line L column C"; the path says where, in JSON terms.
            let text = err.to_string();
            let text = match text.rfind(" at line ") {
                Some(i) => text[..i].to_string(),
                None => text,
            };
            classify_data(path, text)
        }
    }
}

/// serde's wording of a type, in the contract's words.
fn plain(kind: &str) -> String {
    let kind = kind.trim();
    let unquote = |s: &str| s.trim_matches('`').to_string();
    if let Some(v) = kind
        .strip_prefix("integer ")
        .or_else(|| kind.strip_prefix("floating point "))
    {
        return format!("the number {}", unquote(v));
    }
    if let Some(v) = kind.strip_prefix("string ") {
        return format!("the string {v}");
    }
    if let Some(v) = kind.strip_prefix("boolean ") {
        return unquote(v);
    }
    match kind {
        "u8" => "a whole number from 0 to 255".into(),
        "u16" => "a whole number from 0 to 65,535".into(),
        "u32" => "a whole number from 0 to 4,294,967,295".into(),
        "u64" | "usize" | "u128" => "a whole number of 0 or more".into(),
        "i64" | "i32" | "i128" => "a whole number".into(),
        "f64" | "f32" => "a number".into(),
        "map" | "a map" => "an object".into(),
        "sequence" | "a sequence" => "a list".into(),
        "unit value" | "null" => "null".into(),
        "a boolean" => "true or false".into(),
        k if k.starts_with("struct ") || k.starts_with("a map") => "an object".into(),
        k => k.to_string(),
    }
}

/// "invalid type: string \"5\", expected u64" → "expected a whole number, found the string \"5\"".
fn friendly(text: &str) -> String {
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = text.strip_prefix(prefix) {
            if let Some((found, expected)) = rest.rsplit_once(", expected ") {
                return format!("expected {}, found {}", plain(expected), plain(found));
            }
        }
    }
    if let Some(rest) = text.strip_prefix("unknown variant `") {
        if let Some((value, choices)) = rest.split_once("`, expected ") {
            let choices = choices.trim_start_matches("one of ").replace('`', "");
            return format!("`{value}` is not one of: {choices}");
        }
    }
    text.to_string()
}

/// Maps serde's data-error sentences onto stable codes.
fn classify_data(path: String, text: String) -> Error {
    if let Some(rest) = text.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        let path = join(&path, field);
        return Error::new(
            ErrorCode::MissingField,
            path,
            format!("the field `{field}` is required"),
        );
    }
    if let Some(rest) = text.strip_prefix("duplicate field `") {
        let field = rest.split('`').next().unwrap_or_default();
        return Error::new(
            ErrorCode::Duplicate,
            join(&path, field),
            format!("the field `{field}` appears twice"),
        )
        .with("field", field);
    }
    if text.starts_with("unknown field `") {
        // serde reports the unknown key's own path only for maps; the message names it.
        // The key may hold anything, backticks too; serde's own words follow it.
        let rest = text.strip_prefix("unknown field `").unwrap_or_default();
        let (field, list) = rest
            .rsplit_once("`, expected ")
            .or_else(|| rest.rsplit_once("`, there are no fields"))
            .unwrap_or((rest, ""));
        let path = if path.ends_with(field) {
            path
        } else {
            join(&path, field)
        };
        // serde lists the known fields: "…, expected one of `a`, `b`" (or "expected `a`").
        let known: Vec<&str> = list.split('`').skip(1).step_by(2).collect();
        let shown: String = field.chars().take(60).collect();
        let message = if known.is_empty() {
            format!("`{shown}` is not a field here; this object takes no fields")
        } else {
            format!(
                "`{shown}` is not a field here{}; the fields are {}",
                crate::words::hint(field, known.iter().copied()),
                known.join(", ")
            )
        };
        return Error::new(ErrorCode::UnknownField, path, message).with("field", shown.as_str());
    }
    let code = if text.starts_with("invalid type") {
        ErrorCode::InvalidType
    } else {
        ErrorCode::InvalidValue
    };
    Error::new(code, path, friendly(&text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Item>,
    }
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        count: u64,
        #[serde(default)]
        age: u32,
    }

    #[test]
    fn codes_and_paths_for_serde_failures() {
        let cases: &[(&str, ErrorCode, &str)] = &[
            ("{", ErrorCode::InvalidJson, ""),
            ("not json", ErrorCode::InvalidJson, ""),
            (r#"{"items": []} {}"#, ErrorCode::InvalidJson, ""),
            ("{}", ErrorCode::MissingField, "items"),
            (
                r#"{"items": [{}]}"#,
                ErrorCode::MissingField,
                "items[0].count",
            ),
            (
                r#"{"items": [{"count": -1}]}"#,
                ErrorCode::InvalidValue,
                "items[0].count",
            ),
            (
                r#"{"items": [{"count": "1"}]}"#,
                ErrorCode::InvalidType,
                "items[0].count",
            ),
            (
                r#"{"items": [{"count": 1, "x": 2}]}"#,
                ErrorCode::UnknownField,
                "items[0].x",
            ),
            (
                r#"{"items": [], "extra": 1}"#,
                ErrorCode::UnknownField,
                "extra",
            ),
        ];
        for (input, code, path) in cases {
            let err = from_json_str::<Doc>(input).unwrap_err();
            assert_eq!(
                (err.code, err.path.as_str()),
                (*code, *path),
                "input {input}: {err}"
            );
        }
    }

    #[test]
    fn messages_say_what_is_wrong_in_words() {
        let message = |input: &str| from_json_str::<Doc>(input).unwrap_err().message;
        assert_eq!(
            message("  "),
            "the input is empty: a JSON object was expected"
        );
        assert_eq!(
            message(r#"{"items": ["#),
            "the input is not valid JSON: it ends too early (a bracket, brace or quote is not closed) (line 1, column 11)"
        );
        assert_eq!(
            message(r#"{"items": [{"cont": 1}]}"#),
            "`cont` is not a field here (did you mean `count`?); the fields are count, age"
        );
        assert_eq!(
            message(r#"{"items": [], "x`, expected `y": 1}"#),
            "`x`, expected `y` is not a field here; the fields are items"
        );
        assert_eq!(
            message(r#"{"items": [{"count": 1, "age": 5000000000}]}"#),
            "expected a whole number from 0 to 4,294,967,295, found the number 5000000000"
        );
        let err = from_json_str::<Doc>("{\n  \"items\": [}").unwrap_err();
        assert_eq!(err.details.get("line"), Some(&serde_json::json!(2)));
    }

    #[test]
    fn details_hold_numbers_javascript_reads_exactly() {
        let err = Error::new(ErrorCode::OutOfRange, "", "x")
            .with("small", 9_007_199_254_740_991u64)
            .with("large", u64::MAX)
            .with("negative", i64::MIN);
        assert_eq!(
            serde_json::Value::Object(*err.details),
            serde_json::json!({"small": 9_007_199_254_740_991u64, "large": "18446744073709551615", "negative": "-9223372036854775808"})
        );
    }

    #[test]
    fn join_paths() {
        assert_eq!(join("", "a"), "a");
        assert_eq!(join("a", ""), "a");
        assert_eq!(join("a", "b"), "a.b");
        assert_eq!(join("a", "[2].b"), "a[2].b");
        assert_eq!(index("bundles", 2), "bundles[2]");
    }
}
