//! Identifiers of presets, gifts and rule sets: lower-kebab-case, so they read well in URLs,
//! file names and JSON alike.

use crate::error::{Error, ErrorCode, Result};

/// Longest id accepted.
pub const MAX_ID_LEN: usize = 64;

/// Checks that `id` is lower-kebab-case (`tiktok-web`, `finger-heart`).
pub fn validate(id: &str, path: &str) -> Result<()> {
    let well_formed = !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if well_formed {
        Ok(())
    } else {
        Err(Error::new(
            ErrorCode::InvalidValue,
            path,
            format!(
                "`{}` is not a lower-kebab-case id of at most {MAX_ID_LEN} characters (like `tiktok-web`)",
                id.chars().take(MAX_ID_LEN).collect::<String>()
            ),
        ))
    }
}

/// The known ids closest to `wanted`, for "did you mean" hints.
pub fn suggestions<'a>(wanted: &str, known: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut scored: Vec<(usize, &str)> = known
        .map(|k| (distance(wanted, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3) || (wanted.len() >= 3 && k.contains(wanted)))
        .collect();
    crate::sort::sort_by_key(&mut scored, |s| *s);
    scored.into_iter().take(3).map(|(_, k)| k).collect()
}

/// Levenshtein distance, on bytes (ids are ASCII).
fn distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let subst = prev[j] + usize::from(ca != cb);
            cur[j + 1] = subst.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// " (did you mean `x` or `y`?)" or nothing.
pub fn hint(wanted: &str, known: impl Iterator<Item = impl AsRef<str>>) -> String {
    let known: Vec<String> = known.map(|k| k.as_ref().to_string()).collect();
    let close = suggestions(wanted, known.iter().map(String::as_str));
    match close.as_slice() {
        [] => String::new(),
        [one] => format!(" (did you mean `{one}`?)"),
        many => format!(
            " (did you mean {}?)",
            many.iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_ids() {
        for ok in ["rose", "tiktok-web", "cn-games-2019", "a1-b2"] {
            assert!(validate(ok, "id").is_ok(), "{ok}");
        }
        for bad in [
            "",
            "Rose",
            "tiktok_web",
            "-rose",
            "rose-",
            "ro--se",
            "ro se",
            "é",
        ] {
            assert!(validate(bad, "id").is_err(), "{bad:?}");
        }
        assert!(validate(&"a".repeat(65), "id").is_err());
    }

    #[test]
    fn hints_name_close_ids() {
        let known = ["lion", "galaxy", "rose", "rosa", "tiktok-universe"];
        assert_eq!(hint("loin", known.iter()), " (did you mean `lion`?)");
        assert_eq!(
            hint("universe", known.iter()),
            " (did you mean `tiktok-universe`?)"
        );
        assert_eq!(hint("zzzzzzzzzzzz", known.iter()), "");
    }
}
