//! POSIX TZ rules (`EST5EDT,M3.2.0,M11.1.0`): a standard offset and, optionally, a daylight
//! offset with the rule of its start and end each year. A time-zone file's footer is one; so is
//! a rule a person may type.

use super::civil::{days_in_month, is_leap, Date, SECONDS_PER_DAY};

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
pub struct Posix {
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
    /// Parses a POSIX TZ string (`EST5EDT,M3.2.0,M11.1.0`, `<+08>-8`), including the
    /// extensions of RFC 8536 (transition hours below 0 or past 24).
    pub fn parse(text: &str) -> Option<Posix> {
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
    pub fn offset_at(&self, utc: i64) -> i32 {
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

impl Posix {
    /// Coordinated Universal Time.
    pub const UTC: Posix = Posix { std: 0, dst: None };

    /// A fixed offset, seconds east of UTC.
    pub fn fixed(offset: i32) -> Posix {
        Posix {
            std: offset,
            dst: None,
        }
    }

    /// The offsets the rule uses: standard, then daylight when it has one.
    pub fn offsets(&self) -> [i32; 2] {
        match self.dst {
            Some(d) => [self.std, d.offset],
            None => [self.std, self.std],
        }
    }
}
