//! Time for spending rules: instants, civil dates, time zones and RFC 3339 text.
//!
//! Calendar windows (a day, a week, a month) are counted in the person's time zone, with the
//! zone's rules on the date in question: every zone of the IANA database with its whole
//! history ([`database`], pinned in `Cargo.lock`), read from its TZif file ([`tzif`]) and its
//! POSIX rule for the years after ([`posix`]). `UTC`, fixed offsets (`+08:00`) and POSIX rules
//! (`EST5EDT,M3.2.0,M11.1.0`) are accepted too. Civil dates use the proleptic Gregorian
//! calendar ([`civil`]).

pub mod civil;
pub mod database;
pub mod posix;
pub mod tzif;

use crate::error::{Error, ErrorCode, Result};
use civil::{digits, SECONDS_PER_DAY};
pub use civil::{Date, Instant};
use posix::Posix;
use std::sync::Arc;
use tzif::Tzif;

const MS_PER_SECOND: i64 = 1_000;

/// A zone's rules: a POSIX rule alone, or a database zone's history and rule.
#[derive(Debug, Clone)]
enum Rules {
    Posix(Posix),
    Tzif(Arc<Tzif>),
}

impl Rules {
    fn offset_at(&self, utc: i64) -> i32 {
        match self {
            Rules::Posix(p) => p.offset_at(utc),
            Rules::Tzif(t) => t.offset_at(utc),
        }
    }

    fn offsets_near(&self, utc: i64) -> Vec<i32> {
        match self {
            Rules::Posix(p) => p.offsets().to_vec(),
            Rules::Tzif(t) => t.offsets_near(utc),
        }
    }
}

/// A time zone as the person or rule set named it, with its rules.
#[derive(Debug, Clone)]
pub struct Zone {
    name: String,
    rules: Rules,
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
            rules: Rules::Posix(Posix::UTC),
        }
    }

    /// Parses an IANA zone name (`Europe/Athens`, any case), `UTC`, a fixed offset (`+08:00`)
    /// or a POSIX TZ rule (`EST5EDT,M3.2.0,M11.1.0`). A database zone whose rules are not in
    /// this build and not yet loaded is a `time_zone_not_loaded` error naming it in `details`.
    pub fn parse(text: &str, path: &str) -> Result<Zone> {
        let shown: String = text.chars().take(60).collect();
        let bad = |why: String| {
            Error::new(ErrorCode::InvalidValue, path, why).with("zone", shown.as_str())
        };
        if text == "UTC" {
            return Ok(Zone::utc());
        }
        if text.starts_with('+') || text.starts_with('-') {
            let offset = parse_offset(text)
                .ok_or_else(|| bad(format!("`{shown}` is not an offset like +08:00")))?;
            return Ok(Zone {
                name: text.to_string(),
                rules: Rules::Posix(Posix::fixed(offset)),
            });
        }
        if let Some(name) = database::canonical(text) {
            let rules = database::rules(&name).ok_or_else(|| {
                Error::new(
                    ErrorCode::TimeZoneNotLoaded,
                    path,
                    format!("the rules of {name} are not loaded yet; load its TZif file first"),
                )
                .with("zone", name.as_str())
            })?;
            return Ok(Zone {
                name,
                rules: Rules::Tzif(rules),
            });
        }
        // A POSIX rule may hold `/` in its transition times (`CET-1CEST,M3.5.0,M10.5.0/3`), but
        // always a `,` before them; a name never has one.
        if (text.contains('/') && !text.contains(',')) || text.is_empty() {
            return Err(bad(format!(
                "`{shown}` is not a time zone of the IANA database{}; use a zone name like Europe/Athens, an offset like +08:00, or a POSIX rule like EST5EDT,M3.2.0,M11.1.0",
                crate::words::hint(text, database::names())
            )));
        }
        let rules = Posix::parse(text).ok_or_else(|| {
            bad(format!(
                "`{shown}` is neither a zone of the IANA database nor a POSIX TZ rule"
            ))
        })?;
        Ok(Zone {
            name: text.to_string(),
            rules: Rules::Posix(rules),
        })
    }

    /// Checks a zone as [`Zone::parse`] would, without reading a database zone's rules (which
    /// a build may load later); returns the name to keep (a database zone's canonical one).
    pub fn check(text: &str, path: &str) -> Result<String> {
        if let Some(name) = database::canonical(text) {
            return Ok(name);
        }
        Zone::parse(text, path).map(|z| z.name)
    }

    /// The name (a database zone's canonical spelling, or the text as given).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Seconds east of UTC at `t`.
    pub fn offset_at(&self, t: Instant) -> i32 {
        self.rules.offset_at(t.seconds_floor())
    }

    /// The local date at `t`.
    pub fn date_of(&self, t: Instant) -> Date {
        let local = t.seconds_floor() + i64::from(self.offset_at(t));
        Date::from_days_since_epoch(local.div_euclid(SECONDS_PER_DAY))
    }

    /// The instant of local time `local` (seconds since the epoch, read on the wall clock): of
    /// two (the hour the clocks go back), the earlier; in a gap (the hour they go forward),
    /// where the clocks are `local` read with the offset before the gap (02:30 on a spring-
    /// forward night is 03:30), as RFC 9557's "compatible" rule says.
    fn instant_of_local(&self, local: i64) -> i64 {
        let offsets = self.rules.offsets_near(local);
        if let Some(u) = self.earliest_reading(local, &offsets) {
            return u;
        }
        let jump = self.first_at_or_after(local, &offsets);
        local - i64::from(self.rules.offset_at(jump - 1))
    }

    /// The earliest instant whose wall clock reads `local`, trying each nearby offset; `None`
    /// in a gap.
    fn earliest_reading(&self, local: i64, offsets: &[i32]) -> Option<i64> {
        offsets
            .iter()
            .map(|&o| local - i64::from(o))
            .filter(|&u| local - u == i64::from(self.rules.offset_at(u)))
            .min()
    }

    /// The first instant whose wall-clock time is at or after `local`, found by bisection
    /// (the wall clock only jumps forward across a gap).
    fn first_at_or_after(&self, local: i64, offsets: &[i32]) -> i64 {
        let widest = offsets.iter().map(|o| i64::from(*o));
        let (mut lo, mut hi) = (
            local - widest.clone().max().unwrap_or(0) - 1,
            local - widest.min().unwrap_or(0) + 1,
        );
        // Invariant: the wall clock at `lo` is before `local`, at `hi` at or after it.
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if mid + i64::from(self.rules.offset_at(mid)) >= local {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        hi
    }

    /// The first instant of `date` in this zone: local midnight, or the first moment after it
    /// when a daylight-saving gap skips midnight.
    pub fn start_of(&self, date: Date) -> Instant {
        let local = date.days_since_epoch() * SECONDS_PER_DAY;
        let offsets = self.rules.offsets_near(local);
        Instant::from_seconds(
            self.earliest_reading(local, &offsets)
                .unwrap_or_else(|| self.first_at_or_after(local, &offsets)),
        )
    }

    /// The instant the wall clock reads `t`'s time of day on `date`, read as a wall-clock time
    /// in [`Zone::parse_time`] is: a repeating event keeps its time across clock changes.
    pub fn same_time_on(&self, t: Instant, date: Date) -> Instant {
        let local = t.seconds_floor() + i64::from(self.offset_at(t));
        let target = date.days_since_epoch() * SECONDS_PER_DAY + local.rem_euclid(SECONDS_PER_DAY);
        Instant(
            self.instant_of_local(target)
                .saturating_mul(MS_PER_SECOND)
                .saturating_add(t.millis().rem_euclid(MS_PER_SECOND)),
        )
    }

    /// `t` written in this zone as RFC 3339 with its offset (`2026-03-01T00:00:00+08:00`).
    pub fn format(&self, t: Instant) -> String {
        let offset = self.offset_at(t);
        let local = t.seconds_floor() + i64::from(offset);
        let date = Date::from_days_since_epoch(local.div_euclid(SECONDS_PER_DAY));
        let secs = local.rem_euclid(SECONDS_PER_DAY);
        let sign = if offset < 0 { '-' } else { '+' };
        let o = offset.unsigned_abs();
        format!(
            "{date}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
            secs / 3600,
            secs / 60 % 60,
            secs % 60,
            o / 3600,
            o / 60 % 60
        )
    }

    /// A time as a plan writes it: an RFC 3339 timestamp with its offset, or a wall-clock time
    /// without one (`2026-03-01T10:00`, seconds optional) read in this zone.
    pub fn parse_time(&self, text: &str, path: &str) -> Result<Instant> {
        let stamp = parse_date_time(text, path)?;
        Ok(match stamp.offset {
            Some(offset) => stamp.instant(i64::from(offset)),
            None => {
                let local = stamp.local_seconds();
                let utc = self.instant_of_local(local);
                stamp.instant(local - utc)
            }
        })
    }
}

/// `+08:00`, `-05:30` or `+08` as seconds east of UTC, at most 14 hours.
fn parse_offset(text: &str) -> Option<i32> {
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':').unwrap_or((rest, "00"));
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m) = (digits(h)? as i32, digits(m)? as i32);
    (h <= 14 && m <= 59).then_some(sign * (h * 3600 + m * 60))
}

/// A date and time as written, with its offset if it has one.
struct DateTime {
    date: Date,
    seconds: i64,
    millis: i64,
    offset: Option<i32>,
}

impl DateTime {
    fn local_seconds(&self) -> i64 {
        self.date.days_since_epoch() * SECONDS_PER_DAY + self.seconds
    }

    fn instant(&self, offset: i64) -> Instant {
        Instant((self.local_seconds() - offset) * MS_PER_SECOND + self.millis)
    }
}

/// `YYYY-MM-DDTHH:MM[:SS[.fff]]` with an optional `Z` or offset.
fn parse_date_time(text: &str, path: &str) -> Result<DateTime> {
    let shown: String = text.chars().take(60).collect();
    let malformed = || {
        Error::new(
            ErrorCode::InvalidValue,
            path,
            format!("`{shown}` is not a date and time like 2026-03-01T10:00:00+08:00 or 2026-03-01T10:00"),
        )
    };
    if text.len() < 16 || !text.is_ascii() {
        return Err(malformed());
    }
    let date = Date::parse(&text[..10]).ok_or_else(malformed)?;
    let b = text.as_bytes();
    if !matches!(b[10], b'T' | b't') || b[13] != b':' {
        return Err(malformed());
    }
    let (h, m) = (
        digits(&text[11..13]).ok_or_else(malformed)?,
        digits(&text[14..16]).ok_or_else(malformed)?,
    );
    let mut rest = &text[16..];
    let mut s = 0;
    if let Some(after) = rest.strip_prefix(':') {
        if after.len() < 2 {
            return Err(malformed());
        }
        s = digits(&after[..2]).ok_or_else(malformed)?;
        rest = &after[2..];
    }
    if h > 23 || m > 59 || s > 60 {
        return Err(malformed());
    }
    let mut millis = 0i64;
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return Err(malformed());
        }
        let ms: String = frac[..n].chars().chain("000".chars()).take(3).collect();
        millis = i64::from(digits(&ms).ok_or_else(malformed)?);
        rest = &frac[n..];
    }
    let offset = match rest {
        "" => None,
        "Z" | "z" => Some(0),
        o => Some(parse_offset(o).ok_or_else(malformed)?),
    };
    Ok(DateTime {
        date,
        // A leap second (:60) is read as the last second of its minute.
        seconds: i64::from(h * 3600 + m * 60 + s.min(59)),
        millis,
        offset,
    })
}

/// Parses an RFC 3339 timestamp (`2026-03-01T10:00:00+08:00`, `2026-03-01T02:00:00.5Z`), which
/// must carry `Z` or an offset: with no zone to read it in, a time without one is ambiguous by
/// up to a day, and caps are counted in days. Fractions of a second are kept to the millisecond.
pub fn parse_timestamp(text: &str, path: &str) -> Result<Instant> {
    let stamp = parse_date_time(text, path)?;
    match stamp.offset {
        Some(offset) => Ok(stamp.instant(i64::from(offset))),
        None => Err(Error::new(
            ErrorCode::InvalidValue,
            path,
            format!(
                "`{}` has no time zone; write it like 2026-03-01T10:00:00+08:00 or 2026-03-01T02:00:00Z",
                text.chars().take(60).collect::<String>()
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(text: &str) -> Instant {
        parse_timestamp(text, "t").unwrap()
    }

    #[test]
    fn every_known_zone_loads() {
        for name in database::names() {
            Zone::parse(name, "tz").unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }

    #[test]
    fn names_offsets_and_posix_rules() {
        let ny = Zone::parse("America/New_York", "tz").unwrap();
        assert_eq!(
            ny.format(ts("2026-07-01T16:00:00Z")),
            "2026-07-01T12:00:00-04:00"
        );
        assert_eq!(
            ny.format(ts("2026-01-01T17:00:00Z")),
            "2026-01-01T12:00:00-05:00"
        );
        assert_eq!(
            Zone::parse("+08:00", "tz")
                .unwrap()
                .format(ts("2026-01-01T17:00:00Z")),
            "2026-01-02T01:00:00+08:00"
        );
        assert_eq!(
            Zone::parse("Asia/Kolkata", "tz")
                .unwrap()
                .format(ts("2026-01-01T00:00:00Z")),
            "2026-01-01T05:30:00+05:30"
        );
        assert!(Zone::parse("CST-8", "tz").is_ok());
        // Transition times after `/`: Central Europe changes at 02:00 and back at 03:00.
        let cet = Zone::parse("CET-1CEST,M3.5.0,M10.5.0/3", "tz").unwrap();
        assert_eq!(
            cet.format(ts("2026-07-01T00:00:00Z")),
            "2026-07-01T02:00:00+02:00"
        );
        assert_eq!(
            cet.format(ts("2026-10-25T00:59:59Z")),
            "2026-10-25T02:59:59+02:00"
        );
        assert_eq!(
            cet.format(ts("2026-10-25T01:00:00Z")),
            "2026-10-25T02:00:00+01:00"
        );
        for bad in [
            "Mars/Olympus",
            "+25:00",
            "",
            "not a zone at all",
            "EST5EDT,M13.1.0,M11.1.0",
            "AB5",
        ] {
            assert!(Zone::parse(bad, "tz").is_err(), "{bad}");
        }
        let err = Zone::parse("Europe/Londn", "person.time_zone").unwrap_err();
        assert!(err.message.contains("Europe/London"), "{}", err.message);
    }

    #[test]
    fn daylight_saving_days_have_23_and_25_hours() {
        let ny = Zone::parse("America/New_York", "tz").unwrap();
        let hours =
            |d: Date| (ny.start_of(d.plus_days(1)).millis() - ny.start_of(d).millis()) / 3_600_000;
        assert_eq!(hours(Date::new(2026, 3, 8).unwrap()), 23);
        assert_eq!(hours(Date::new(2026, 11, 1).unwrap()), 25);
        assert_eq!(hours(Date::new(2026, 6, 1).unwrap()), 24);
        // Southern hemisphere: Sydney's daylight time spans the new year.
        let syd = Zone::parse("Australia/Sydney", "tz").unwrap();
        assert_eq!(
            syd.format(ts("2026-01-15T00:00:00Z")),
            "2026-01-15T11:00:00+11:00"
        );
        assert_eq!(
            syd.format(ts("2026-07-15T00:00:00Z")),
            "2026-07-15T10:00:00+10:00"
        );
        // Cairo springs forward at midnight: that day starts at 01:00.
        let cairo = Zone::parse("Africa/Cairo", "tz").unwrap();
        assert_eq!(
            cairo.format(cairo.start_of(Date::new(2026, 4, 24).unwrap())),
            "2026-04-24T01:00:00+03:00"
        );
    }

    #[test]
    fn civil_dates_round_trip() {
        for days in (-800_000..800_000).step_by(997) {
            let d = Date::from_days_since_epoch(days);
            assert_eq!(d.days_since_epoch(), days, "{d}");
            assert!(Date::new(d.year(), d.month(), d.day()).is_some());
        }
        assert_eq!(Date::parse("2026-03-02").unwrap().days_from_monday(), 0);
        assert_eq!(
            Date::parse("2024-02-29").unwrap().plus_days(1).to_string(),
            "2024-03-01"
        );
        assert_eq!(
            Date::parse("2026-12-31")
                .unwrap()
                .first_of_next_month()
                .to_string(),
            "2027-01-01"
        );
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "26-01-01",
            "2026-1-1",
            "2026-01-01x",
        ] {
            assert!(Date::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn timestamps_need_a_zone() {
        assert_eq!(ts("2026-03-01T10:00:00+08:00"), ts("2026-03-01T02:00:00Z"));
        assert_eq!(
            ts("2026-03-01T02:00:00.250Z").millis() - ts("2026-03-01T02:00:00Z").millis(),
            250
        );
        assert_eq!(ts("1970-01-01T00:00:00Z"), Instant::EPOCH);
        for bad in [
            "2026-03-01T10:00:00",
            "2026-03-01",
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-03-01 10:00",
            "2026-03-01T24:00:00Z",
            "2026-03-01T10:00:00+8",
            "2026-03-01T10:00:00.Z",
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
