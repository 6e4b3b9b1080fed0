//! The Time Zone Information Format (RFC 8536), as the IANA database compiles each zone: every
//! past transition with the offset it brought, and a POSIX rule for the years after the last.
//! Only what calendar windows need is read: transition times and their UTC offsets.

use super::posix::Posix;

/// Most transitions read from one file (the largest zone in the database has about 240).
const MAX_TRANSITIONS: usize = 10_000;
/// Most local time types in one file.
const MAX_TYPES: usize = 256;

/// A zone's history and its rule for the future.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tzif {
    /// Seconds since the epoch at which the offset changes, increasing.
    transitions: Vec<i64>,
    /// The offset in force from each transition on (seconds east of UTC).
    offsets: Vec<i32>,
    /// The offset before the first transition.
    initial: i32,
    /// The rule after the last transition, when the file has one.
    footer: Option<Posix>,
}

/// Reads big-endian integers from a byte slice, failing (never panicking) past its end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let slice = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(slice)
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4)?.try_into().ok().map(u32::from_be_bytes)
    }
    fn i32(&mut self) -> Option<i32> {
        self.take(4)?.try_into().ok().map(i32::from_be_bytes)
    }
    fn i64(&mut self) -> Option<i64> {
        self.take(8)?.try_into().ok().map(i64::from_be_bytes)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
}

/// The six counts of a TZif header.
struct Counts {
    isut: usize,
    isstd: usize,
    leap: usize,
    time: usize,
    types: usize,
    chars: usize,
}

impl Counts {
    /// Bytes of a data block whose times take `time_size` bytes (4 in version 1, 8 after).
    fn block_len(&self, time_size: usize) -> Option<usize> {
        [
            self.time.checked_mul(time_size + 1)?,
            self.types.checked_mul(6)?,
            self.chars,
            self.leap.checked_mul(time_size + 4)?,
            self.isstd,
            self.isut,
        ]
        .into_iter()
        .try_fold(0usize, usize::checked_add)
    }
}

fn header(r: &mut Reader<'_>) -> Option<(u8, Counts)> {
    if r.take(4)? != b"TZif" {
        return None;
    }
    let version = r.u8()?;
    r.take(15)?;
    let mut count = || r.u32().and_then(|c| usize::try_from(c).ok());
    Some((
        version,
        Counts {
            isut: count()?,
            isstd: count()?,
            leap: count()?,
            time: count()?,
            types: count()?,
            chars: count()?,
        },
    ))
}

impl Tzif {
    /// Parses a TZif file (version 2 or later: the 64-bit block and the footer are read, the
    /// 32-bit block skipped), or `None` when it is not one.
    pub fn parse(bytes: &[u8]) -> Option<Tzif> {
        let mut r = Reader { bytes, at: 0 };
        let (version, v1) = header(&mut r)?;
        if version < b'2' {
            return None;
        }
        // The version 1 block: 4-byte times and 4 + 4-byte leap records.
        r.take(v1.block_len(4)?)?;
        let (_, c) = header(&mut r)?;
        if c.time > MAX_TRANSITIONS || c.types == 0 || c.types > MAX_TYPES {
            return None;
        }
        let transitions = (0..c.time).map(|_| r.i64()).collect::<Option<Vec<_>>>()?;
        let indices = r.take(c.time)?.to_vec();
        let mut types = Vec::with_capacity(c.types);
        for _ in 0..c.types {
            let offset = r.i32()?;
            // RFC 8536 §3.2: an offset within −25 h and +26 h (files from outside are untrusted).
            if !(-89_999..=93_599).contains(&offset) {
                return None;
            }
            r.take(2)?; // is-DST flag and designation index: not needed for offsets
            types.push(offset);
        }
        r.take(
            c.chars
                .checked_add(c.leap.checked_mul(12)?)?
                .checked_add(c.isstd)?
                .checked_add(c.isut)?,
        )?;
        let offsets = indices
            .iter()
            .map(|&i| types.get(usize::from(i)).copied())
            .collect::<Option<Vec<_>>>()?;
        if transitions.windows(2).any(|w| w[0] >= w[1]) {
            return None;
        }
        let footer = match r.take(1) {
            Some(b"\n") => {
                let rest = &bytes[r.at..];
                let end = rest.iter().position(|&b| b == b'\n')?;
                let text = std::str::from_utf8(&rest[..end]).ok()?;
                if text.is_empty() {
                    None
                } else {
                    Some(Posix::parse(text)?)
                }
            }
            _ => None,
        };
        Some(Tzif {
            transitions,
            offsets,
            initial: types[0],
            footer,
        })
    }

    /// Seconds east of UTC at `utc` (seconds since the epoch).
    pub fn offset_at(&self, utc: i64) -> i32 {
        let n = self.transitions.partition_point(|&t| t <= utc);
        match (n, &self.footer) {
            // Without transitions the footer, when there is one, holds for all time (RFC 8536).
            (0, Some(rule)) if self.transitions.is_empty() => rule.offset_at(utc),
            (0, _) => self.initial,
            (n, Some(rule)) if n == self.transitions.len() => rule.offset_at(utc),
            (n, _) => self.offsets[n - 1],
        }
    }

    /// Every offset the zone has used around `utc` (within two days either way), for finding
    /// the local midnight of a date.
    pub fn offsets_near(&self, utc: i64) -> Vec<i32> {
        let span = 2 * super::civil::SECONDS_PER_DAY;
        let mut out = vec![self.offset_at(utc - span), self.offset_at(utc + span)];
        let from = self.transitions.partition_point(|&t| t < utc - span);
        let to = self.transitions.partition_point(|&t| t <= utc + span);
        out.extend_from_slice(&self.offsets[from..to]);
        if let Some(rule) = &self.footer {
            out.extend(rule.offsets());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_files_are_refused_not_trusted() {
        assert!(Tzif::parse(b"").is_none());
        assert!(Tzif::parse(b"TZif").is_none());
        assert!(Tzif::parse(b"TZif2\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0").is_none());
        let mut header = b"TZif2".to_vec();
        header.extend([0u8; 15]);
        header.extend([0xff; 24]);
        assert!(Tzif::parse(&header).is_none());
    }

    /// A version 2 file with one type of `offset` seconds, no transitions and `footer`.
    fn untransitioned(offset: i32, footer: &str) -> Vec<u8> {
        let block = |out: &mut Vec<u8>| {
            out.extend(b"TZif2");
            out.extend([0u8; 15]);
            for count in [0u32, 0, 0, 0, 1, 4] {
                out.extend(count.to_be_bytes()); // isut, isstd, leap, time, type, char
            }
        };
        let mut out = Vec::new();
        block(&mut out);
        out.extend(offset.to_be_bytes());
        out.extend([0, 0]);
        out.extend(b"CET\0");
        block(&mut out);
        out.extend(offset.to_be_bytes());
        out.extend([0, 0]);
        out.extend(b"CET\0");
        out.extend(format!("\n{footer}\n").bytes());
        out
    }

    #[test]
    fn without_transitions_the_footer_holds_for_all_time() {
        let zone = Tzif::parse(&untransitioned(3600, "CET-1CEST,M3.5.0,M10.5.0/3")).unwrap();
        assert_eq!(zone.offset_at(1_767_225_600), 3600); // 2026-01-01
        assert_eq!(zone.offset_at(1_782_864_000), 7200); // 2026-07-01
        let fixed = Tzif::parse(&untransitioned(3600, "")).unwrap();
        assert_eq!(fixed.offset_at(1_782_864_000), 3600);
    }

    #[test]
    fn offsets_beyond_a_day_are_refused() {
        assert!(Tzif::parse(&untransitioned(i32::MIN, "")).is_none());
        assert!(Tzif::parse(&untransitioned(93_600, "")).is_none());
    }
}
