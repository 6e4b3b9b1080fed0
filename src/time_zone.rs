//! Time zones and timestamps for spending rules.
//!
//! Calendar windows (a day, a week, a month) are counted in the person's time zone. To keep the
//! WebAssembly small and the answers identical on every machine, giftsim does not ship the IANA
//! database: it knows the current rules of common zones as POSIX TZ strings (daylight saving
//! included), and accepts `UTC`, fixed offsets (`+08:00`) and POSIX strings directly. Past rule
//! changes are not modelled; plans look forward, where the current rules hold.

use crate::error::{Error, ErrorCode, Result};
use crate::id;
use jiff::tz::TimeZone;
use jiff::Timestamp;

/// IANA names giftsim knows, with the POSIX rule they follow today.
const ZONES: &[(&str, &str)] = &[
    ("UTC", "UTC0"),
    ("Etc/UTC", "UTC0"),
    ("Africa/Cairo", "EET-2EEST,M4.5.5/0,M10.5.4/24"),
    ("Africa/Johannesburg", "SAST-2"),
    ("Africa/Lagos", "WAT-1"),
    ("America/Argentina/Buenos_Aires", "<-03>3"),
    ("America/Bogota", "<-05>5"),
    ("America/Chicago", "CST6CDT,M3.2.0,M11.1.0"),
    ("America/Denver", "MST7MDT,M3.2.0,M11.1.0"),
    ("America/Los_Angeles", "PST8PDT,M3.2.0,M11.1.0"),
    ("America/Mexico_City", "CST6"),
    ("America/New_York", "EST5EDT,M3.2.0,M11.1.0"),
    ("America/Phoenix", "MST7"),
    ("America/Sao_Paulo", "<-03>3"),
    ("America/Toronto", "EST5EDT,M3.2.0,M11.1.0"),
    ("America/Vancouver", "PST8PDT,M3.2.0,M11.1.0"),
    ("Asia/Bangkok", "<+07>-7"),
    ("Asia/Dubai", "<+04>-4"),
    ("Asia/Ho_Chi_Minh", "<+07>-7"),
    ("Asia/Hong_Kong", "HKT-8"),
    ("Asia/Jakarta", "WIB-7"),
    ("Asia/Karachi", "PKT-5"),
    ("Asia/Kolkata", "IST-5:30"),
    ("Asia/Manila", "PST-8"),
    ("Asia/Riyadh", "<+03>-3"),
    ("Asia/Seoul", "KST-9"),
    ("Asia/Shanghai", "CST-8"),
    ("Asia/Singapore", "<+08>-8"),
    ("Asia/Taipei", "CST-8"),
    ("Asia/Tokyo", "JST-9"),
    ("Australia/Melbourne", "AEST-10AEDT,M10.1.0,M4.1.0/3"),
    ("Australia/Sydney", "AEST-10AEDT,M10.1.0,M4.1.0/3"),
    ("Europe/Amsterdam", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Berlin", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Dublin", "IST-1GMT0,M10.5.0,M3.5.0/1"),
    ("Europe/Istanbul", "<+03>-3"),
    ("Europe/Lisbon", "WET0WEST,M3.5.0/1,M10.5.0"),
    ("Europe/London", "GMT0BST,M3.5.0/1,M10.5.0"),
    ("Europe/Madrid", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Moscow", "MSK-3"),
    ("Europe/Paris", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Rome", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Stockholm", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Warsaw", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Pacific/Auckland", "NZST-12NZDT,M9.5.0,M4.1.0/3"),
];

/// A time zone as the person or rule set named it, with its rules.
#[derive(Debug, Clone)]
pub struct Zone {
    name: String,
    tz: TimeZone,
}

impl PartialEq for Zone {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Zone {
    /// Coordinated Universal Time.
    pub fn utc() -> Zone {
        Zone {
            name: "UTC".into(),
            tz: TimeZone::UTC,
        }
    }

    /// Parses an IANA name giftsim knows, `UTC`, a fixed offset (`+08:00`) or a POSIX TZ
    /// string (`EST5EDT,M3.2.0,M11.1.0`).
    pub fn parse(text: &str, path: &str) -> Result<Zone> {
        let bad = |why: String| Error::new(ErrorCode::InvalidValue, path, why);
        if let Some((name, posix)) = ZONES.iter().find(|(n, _)| *n == text) {
            let tz = TimeZone::posix(posix)
                .map_err(|e| bad(format!("the rules of `{name}` did not load: {e}")))?;
            return Ok(Zone {
                name: (*name).to_string(),
                tz,
            });
        }
        if text.starts_with('+') || text.starts_with('-') {
            let offset = parse_offset(text)
                .ok_or_else(|| bad(format!("`{text}` is not an offset like +08:00")))?;
            return Ok(Zone {
                name: text.to_string(),
                tz: TimeZone::fixed(offset),
            });
        }
        if text.contains('/') || text.is_empty() {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                path,
                format!(
                    "giftsim does not know the time zone `{}`{}; use a known IANA name, an offset like +08:00, or a POSIX rule like EST5EDT,M3.2.0,M11.1.0",
                    text.chars().take(60).collect::<String>(),
                    id::hint(text, ZONES.iter().map(|(n, _)| *n))
                ),
            ));
        }
        let tz = TimeZone::posix(text).map_err(|_| {
            bad(format!(
                "`{}` is neither a known zone nor a POSIX TZ rule",
                text.chars().take(60).collect::<String>()
            ))
        })?;
        Ok(Zone {
            name: text.to_string(),
            tz,
        })
    }

    /// The name as given.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The rules.
    pub fn tz(&self) -> &TimeZone {
        &self.tz
    }

    /// `t` written in this zone as RFC 3339 with its offset (`2026-03-01T00:00:00+08:00`).
    pub fn format(&self, t: Timestamp) -> String {
        let z = t.to_zoned(self.tz.clone());
        z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }
}

/// `+08:00`, `-05:30` or `+08` as an offset of at most 14 hours.
fn parse_offset(text: &str) -> Option<jiff::tz::Offset> {
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':').unwrap_or((rest, "00"));
    let digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) {
        return None;
    }
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    if h > 14 || m > 59 {
        return None;
    }
    jiff::tz::Offset::from_seconds(sign * (h * 3600 + m * 60)).ok()
}

/// The IANA names giftsim knows.
pub fn known_zones() -> impl Iterator<Item = &'static str> {
    ZONES.iter().map(|(n, _)| *n)
}

/// Parses an RFC 3339 timestamp, which must carry `Z` or an offset: a time without a zone is
/// ambiguous by up to a day, and caps are counted in days.
pub fn parse_timestamp(text: &str, path: &str) -> Result<Timestamp> {
    let shown: String = text.chars().take(60).collect();
    let has_zone = text.ends_with('Z')
        || text.ends_with('z')
        || text
            .rfind(['+', '-'])
            .is_some_and(|i| i > 10 && text[i..].contains(':'));
    if !has_zone {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            path,
            format!("`{shown}` has no time zone; write it like 2026-03-01T10:00:00+08:00 or 2026-03-01T02:00:00Z"),
        ));
    }
    text.parse::<Timestamp>().map_err(|_| {
        Error::new(
            ErrorCode::InvalidValue,
            path,
            format!("`{shown}` is not an RFC 3339 timestamp like 2026-03-01T10:00:00+08:00"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_zone_loads() {
        for name in known_zones() {
            Zone::parse(name, "tz").unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }

    #[test]
    fn names_offsets_and_posix_rules() {
        let ny = Zone::parse("America/New_York", "tz").unwrap();
        let t: Timestamp = "2026-07-01T16:00:00Z".parse().unwrap();
        assert_eq!(ny.format(t), "2026-07-01T12:00:00-04:00");
        let t: Timestamp = "2026-01-01T17:00:00Z".parse().unwrap();
        assert_eq!(ny.format(t), "2026-01-01T12:00:00-05:00");
        assert_eq!(
            Zone::parse("+08:00", "tz").unwrap().format(t),
            "2026-01-02T01:00:00+08:00"
        );
        assert!(Zone::parse("CST-8", "tz").is_ok());
        for bad in ["Mars/Olympus", "+25:00", "", "not a zone at all"] {
            assert!(Zone::parse(bad, "tz").is_err(), "{bad}");
        }
        let err = Zone::parse("Europe/Londn", "person.time_zone").unwrap_err();
        assert!(err.message.contains("Europe/London"), "{}", err.message);
    }

    #[test]
    fn timestamps_need_a_zone() {
        assert!(parse_timestamp("2026-03-01T10:00:00+08:00", "at").is_ok());
        assert!(parse_timestamp("2026-03-01T02:00:00Z", "at").is_ok());
        for bad in [
            "2026-03-01T10:00:00",
            "2026-03-01",
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-03-01 10:00",
        ] {
            let err = parse_timestamp(bad, "events[0].at").unwrap_err();
            assert_eq!(
                (err.code, err.path.as_str()),
                (ErrorCode::InvalidValue, "events[0].at"),
                "{bad}"
            );
        }
    }
}
