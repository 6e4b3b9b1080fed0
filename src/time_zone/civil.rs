//! Instants and civil dates: milliseconds since the Unix epoch, and dates of the proleptic
//! Gregorian calendar (Hinnant's algorithms), with no time zone in sight.

use std::fmt;

/// Seconds in a civil day (leap seconds are not counted, as in every time zone database).
pub const SECONDS_PER_DAY: i64 = 86_400;
const MS_PER_SECOND: i64 = 1_000;

/// A moment in time: milliseconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(pub(super) i64);

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

    /// Whole seconds since the epoch, rounded down.
    pub fn seconds_floor(self) -> i64 {
        self.0.div_euclid(MS_PER_SECOND)
    }
}

/// A civil date in the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub(super) year: i32,
    pub(super) month: u8,
    pub(super) day: u8,
}

/// True for leap years of the Gregorian calendar.
pub fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
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

    /// `months` months after `self`, on day `day` or the month's last day if it is shorter (a
    /// monthly repeat from the 31st lands on 28 February and 31 March).
    pub fn plus_months(self, months: i64, day: u8) -> Option<Date> {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + months;
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = (index.rem_euclid(12) + 1) as u8;
        Date::new(year, month, day.min(days_in_month(year, month)))
    }

    /// Whole years from `self` to `later` (an age: a birthday on 29 February is reached on
    /// 1 March in other years).
    pub fn years_until(self, later: Date) -> i64 {
        let years = i64::from(later.year) - i64::from(self.year);
        if (later.month, later.day) < (self.month, self.day) {
            years - 1
        } else {
            years
        }
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

/// A run of ASCII digits as a number.
pub fn digits(text: &str) -> Option<u32> {
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok())?
}
