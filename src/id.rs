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
}
