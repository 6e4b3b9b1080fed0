//! Time for spending rules: instants, civil dates, time zones and RFC 3339 text.
//!
//! Calendar windows (a day, a week, a month) are counted in the person's time zone. To keep the
//! WebAssembly small and every answer identical on every machine, giftsim carries no time-zone
//! database: it knows the current rules of common zones as POSIX TZ strings (daylight saving
//! included), and accepts `UTC`, fixed offsets (`+08:00`) and POSIX strings directly. Past rule
//! changes are not modelled; plans look forward, where the current rules hold. Civil dates use
//! the proleptic Gregorian calendar (Hinnant's algorithms).

use crate::error::{Error, ErrorCode, Result};
use crate::id;
use std::fmt;

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
    ("America/Vancouver", "MST7"),
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

const SECONDS_PER_DAY: i64 = 86_400;
const MS_PER_SECOND: i64 = 1_000;

/// A moment in time: milliseconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(i64);

impl Instant {
    /// 1970-01-01T00:00:00Z.
    pub const EPOCH: Instant = Instant(0);

    /// From whole seconds since the epoch.
    pub fn from_seconds(seconds: i64) -> Instant {
        Instant(seconds.saturating_mul(MS_PER_SECOND))
    }

    /// Milliseconds since the epoch.
    pub fn millis(self) -> i64 {
        self.0
    }

    /// `self + minutes`.
    pub fn plus_minutes(self, minutes: i64) -> Instant {
        Instant(
            self.0
                .saturating_add(minutes.saturating_mul(60 * MS_PER_SECOND)),
        )
    }

    /// `self + hours`.
    pub fn plus_hours(self, hours: i64) -> Instant {
        self.plus_minutes(hours.saturating_mul(60))
    }

    /// Whole minutes from `earlier` to `self` (toward zero).
    pub fn minutes_since(self, earlier: Instant) -> i64 {
        (self.0 - earlier.0) / (60 * MS_PER_SECOND)
    }

    fn seconds_floor(self) -> i64 {
        self.0.div_euclid(MS_PER_SECOND)
    }
}

/// A civil date in the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// A date, if it exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month)
            && (-9999..=9999).contains(&year))
        .then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(
            digits(&text[0..4])? as i32,
            digits(&text[5..7])? as u8,
            digits(&text[8..10])? as u8,
        )
    }

    /// Year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// Month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// Day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// `self + days`.
    pub fn plus_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// Days since the Monday starting its ISO week (Monday 0 … Sunday 6).
    pub fn days_from_monday(self) -> i64 {
        // 1970-01-01 was a Thursday (3 days after a Monday).
        (self.days_since_epoch() + 3).rem_euclid(7)
    }

    /// The first of its month.
    pub fn first_of_month(self) -> Date {
        Date { day: 1, ..self }
    }

    /// The first of the next month.
    pub fn first_of_next_month(self) -> Date {
        if self.month == 12 {
            Date {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        } else {
            Date {
                month: self.month + 1,
                day: 1,
                ..self
            }
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn digits(text: &str) -> Option<u32> {
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok())?
}

/// When a daylight-saving transition happens in a year: a POSIX `Mm.w.d`, `Jn` or `n` date and
/// a local time in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RuleDate {
    /// Month, week (1–5, 5 = last), weekday (0 = Sunday).
    MonthWeekDay(u8, u8, u8),
    /// Julian day 1–365, never counting 29 February.
    Julian1(u16),
    /// Zero-based day 0–365, counting 29 February.
    Julian0(u16),
}

impl RuleDate {
    fn date(self, year: i32) -> Date {
        match self {
            RuleDate::MonthWeekDay(m, w, d) => {
                let first = Date {
                    year,
                    month: m,
                    day: 1,
                };
                // Weekday of the first, Sunday 0.
                let first_weekday = (first.days_since_epoch() + 4).rem_euclid(7) as u8;
                let mut day = 1 + (7 + d - first_weekday) % 7 + 7 * (w - 1);
                while day > days_in_month(year, m) {
                    day -= 7;
                }
                Date {
                    year,
                    month: m,
                    day,
                }
            }
            RuleDate::Julian1(n) => {
                let jan1 = Date {
                    year,
                    month: 1,
                    day: 1,
                }
                .days_since_epoch();
                let leap_shift = i64::from(is_leap(year) && n >= 60);
                Date::from_days_since_epoch(jan1 + i64::from(n) - 1 + leap_shift)
            }
            RuleDate::Julian0(n) => Date::from_days_since_epoch(
                Date {
                    year,
                    month: 1,
                    day: 1,
                }
                .days_since_epoch()
                    + i64::from(n),
            ),
        }
    }
}

/// A POSIX TZ rule: a standard offset, and optionally a daylight offset with its start and end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Posix {
    /// Seconds east of UTC.
    std: i32,
    dst: Option<Dst>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Dst {
    offset: i32,
    start: (RuleDate, i32),
    end: (RuleDate, i32),
}

impl Posix {
    fn parse(text: &str) -> Option<Posix> {
        let mut p = PosixParser {
            s: text.as_bytes(),
            at: 0,
        };
        p.name()?;
        let std = -p.offset()?;
        if p.done() {
            return Some(Posix { std, dst: None });
        }
        p.name()?;
        let offset = if matches!(p.peek(), Some(b',') | None) {
            std + 3600
        } else {
            -p.offset()?
        };
        let (start, end) = if p.done() {
            // US rules are the POSIX default.
            (
                (RuleDate::MonthWeekDay(3, 2, 0), 7200),
                (RuleDate::MonthWeekDay(11, 1, 0), 7200),
            )
        } else {
            p.expect(b',')?;
            let start = p.rule()?;
            p.expect(b',')?;
            (start, p.rule()?)
        };
        p.done().then_some(Posix {
            std,
            dst: Some(Dst { offset, start, end }),
        })
    }

    /// Seconds east of UTC at the instant `utc` (seconds since the epoch).
    fn offset_at(&self, utc: i64) -> i32 {
        let Some(dst) = self.dst else { return self.std };
        let year =
            Date::from_days_since_epoch((utc + i64::from(self.std)).div_euclid(SECONDS_PER_DAY))
                .year;
        // Transitions in UTC: the start is given in standard local time, the end in daylight.
        let at = |(date, time): (RuleDate, i32), offset: i32, y: i32| {
            date.date(y).days_since_epoch() * SECONDS_PER_DAY + i64::from(time) - i64::from(offset)
        };
        let in_dst = |y: i32| {
            let start = at(dst.start, self.std, y);
            let end = at(dst.end, dst.offset, y);
            if start < end {
                utc >= start && utc < end
            } else {
                // Southern hemisphere: daylight across the new year.
                utc >= start || utc < end
            }
        };
        if in_dst(year) {
            dst.offset
        } else {
            self.std
        }
    }
}

struct PosixParser<'a> {
    s: &'a [u8],
    at: usize,
}

impl PosixParser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }
    fn done(&self) -> bool {
        self.at == self.s.len()
    }
    fn expect(&mut self, b: u8) -> Option<()> {
        (self.peek() == Some(b)).then(|| self.at += 1)
    }
    fn name(&mut self) -> Option<()> {
        let start = self.at;
        if self.peek() == Some(b'<') {
            while self.peek()? != b'>' {
                self.at += 1;
            }
            self.at += 1;
            return (self.at - start >= 5).then_some(());
        }
        while self.peek().is_some_and(|b| b.is_ascii_alphabetic()) {
            self.at += 1;
        }
        (self.at - start >= 3).then_some(())
    }
    fn number(&mut self, max_digits: usize) -> Option<i32> {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) && self.at - start < max_digits {
            self.at += 1;
        }
        std::str::from_utf8(&self.s[start..self.at])
            .ok()?
            .parse()
            .ok()
    }
    /// `[+-]hh[:mm[:ss]]` as seconds (west positive, as POSIX writes it).
    fn offset(&mut self) -> Option<i32> {
        let sign = match self.peek() {
            Some(b'-') => {
                self.at += 1;
                -1
            }
            Some(b'+') => {
                self.at += 1;
                1
            }
            _ => 1,
        };
        let h = self.number(3)?;
        let (mut m, mut s) = (0, 0);
        if self.peek() == Some(b':') {
            self.at += 1;
            m = self.number(2)?;
            if self.peek() == Some(b':') {
                self.at += 1;
                s = self.number(2)?;
            }
        }
        (h <= 167 && m < 60 && s < 60).then_some(sign * (h * 3600 + m * 60 + s))
    }
    fn rule(&mut self) -> Option<(RuleDate, i32)> {
        let date = match self.peek()? {
            b'M' => {
                self.at += 1;
                let m = self.number(2)?;
                self.expect(b'.')?;
                let w = self.number(1)?;
                self.expect(b'.')?;
                let d = self.number(1)?;
                ((1..=12).contains(&m) && (1..=5).contains(&w) && d <= 6)
                    .then_some(RuleDate::MonthWeekDay(m as u8, w as u8, d as u8))?
            }
            b'J' => {
                self.at += 1;
                let n = self.number(3)?;
                (1..=365)
                    .contains(&n)
                    .then_some(RuleDate::Julian1(n as u16))?
            }
            _ => {
                let n = self.number(3)?;
                (0..=365)
                    .contains(&n)
                    .then_some(RuleDate::Julian0(n as u16))?
            }
        };
        let time = if self.peek() == Some(b'/') {
            self.at += 1;
            self.offset()?
        } else {
            7200
        };
        Some((date, time))
    }
}

/// A time zone as the person or rule set named it, with its rules.
#[derive(Debug, Clone)]
pub struct Zone {
    name: String,
    rules: Posix,
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
            rules: Posix { std: 0, dst: None },
        }
    }

    /// Parses an IANA name giftsim knows, `UTC`, a fixed offset (`+08:00`) or a POSIX TZ
    /// string (`EST5EDT,M3.2.0,M11.1.0`).
    pub fn parse(text: &str, path: &str) -> Result<Zone> {
        let shown: String = text.chars().take(60).collect();
        let bad = |why: String| Error::new(ErrorCode::InvalidValue, path, why);
        if let Some((name, posix)) = ZONES.iter().find(|(n, _)| *n == text) {
            let rules = Posix::parse(posix)
                .ok_or_else(|| bad(format!("the rules of `{name}` did not load")))?;
            return Ok(Zone {
                name: (*name).to_string(),
                rules,
            });
        }
        if text.starts_with('+') || text.starts_with('-') {
            let offset = parse_offset(text)
                .ok_or_else(|| bad(format!("`{shown}` is not an offset like +08:00")))?;
            return Ok(Zone {
                name: text.to_string(),
                rules: Posix {
                    std: offset,
                    dst: None,
                },
            });
        }
        if text.contains('/') || text.is_empty() {
            return Err(bad(format!(
                "giftsim does not know the time zone `{shown}`{}; use a known IANA name, an offset like +08:00, or a POSIX rule like EST5EDT,M3.2.0,M11.1.0",
                id::hint(text, ZONES.iter().map(|(n, _)| *n))
            )));
        }
        let rules = Posix::parse(text).ok_or_else(|| {
            bad(format!(
                "`{shown}` is neither a known zone nor a POSIX TZ rule"
            ))
        })?;
        Ok(Zone {
            name: text.to_string(),
            rules,
        })
    }

    /// The name as given.
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

    /// The first instant of `date` in this zone: local midnight, or the first moment after it
    /// when a daylight-saving gap skips midnight.
    pub fn start_of(&self, date: Date) -> Instant {
        let local = date.days_since_epoch() * SECONDS_PER_DAY;
        let offsets = match self.rules.dst {
            Some(d) => [self.rules.std, d.offset],
            None => [self.rules.std, self.rules.std],
        };
        // Candidates: local midnight read with either offset; keep those that are consistent.
        let mut best: Option<i64> = None;
        for off in offsets {
            let utc = local - i64::from(off);
            if self.rules.offset_at(utc) == off {
                best = Some(best.map_or(utc, |b: i64| b.min(utc)));
            }
        }
        // In a gap, the day starts when the clocks jump: the latest instant still before it
        // under the old offset is one second before the transition.
        let seconds = best.unwrap_or_else(|| {
            let earlier = local - i64::from(offsets[0].max(offsets[1]));
            let later = local - i64::from(offsets[0].min(offsets[1]));
            (earlier..=later)
                .find(|&u| self.date_of(Instant::from_seconds(u)) == date)
                .unwrap_or(later)
        });
        Instant::from_seconds(seconds)
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

/// The IANA names giftsim knows.
pub fn known_zones() -> impl Iterator<Item = &'static str> {
    ZONES.iter().map(|(n, _)| *n)
}

/// Parses an RFC 3339 timestamp (`2026-03-01T10:00:00+08:00`, `2026-03-01T02:00:00.5Z`), which
/// must carry `Z` or an offset: a time without a zone is ambiguous by up to a day, and caps are
/// counted in days. Fractions of a second are kept to the millisecond.
pub fn parse_timestamp(text: &str, path: &str) -> Result<Instant> {
    let shown: String = text.chars().take(60).collect();
    let no_zone = || {
        Error::new(
            ErrorCode::InvalidValue,
            path,
            format!("`{shown}` has no time zone; write it like 2026-03-01T10:00:00+08:00 or 2026-03-01T02:00:00Z"),
        )
    };
    let malformed = || {
        Error::new(
            ErrorCode::InvalidValue,
            path,
            format!("`{shown}` is not an RFC 3339 timestamp like 2026-03-01T10:00:00+08:00"),
        )
    };
    if text.len() < 19 || !text.is_ascii() {
        return Err(malformed());
    }
    let date = Date::parse(&text[..10]).ok_or_else(malformed)?;
    let b = text.as_bytes();
    if !matches!(b[10], b'T' | b't') || b[13] != b':' || b[16] != b':' {
        return Err(malformed());
    }
    let (h, m, s) = (
        digits(&text[11..13]).ok_or_else(malformed)?,
        digits(&text[14..16]).ok_or_else(malformed)?,
        digits(&text[17..19]).ok_or_else(malformed)?,
    );
    if h > 23 || m > 59 || s > 60 {
        return Err(malformed());
    }
    let mut rest = &text[19..];
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
        "" => return Err(no_zone()),
        "Z" | "z" => 0,
        o => parse_offset(o).ok_or_else(malformed)?,
    };
    // A leap second (:60) is read as the last second of its minute.
    let seconds = date.days_since_epoch() * SECONDS_PER_DAY
        + i64::from(h * 3600 + m * 60 + s.min(59))
        - i64::from(offset);
    Ok(Instant(seconds * MS_PER_SECOND + millis))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(text: &str) -> Instant {
        parse_timestamp(text, "t").unwrap()
    }

    #[test]
    fn every_known_zone_loads() {
        for name in known_zones() {
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
