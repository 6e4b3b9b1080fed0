//! How messages say things: counts ("1 coin", "2 coins": none says "1 coins") and the close
//! names of a "did you mean" hint.

/// `n` and its noun, singular for one: `count(1, "coin", "coins")` is "1 coin".
pub fn count(n: impl Into<u128>, singular: &str, plural: &str) -> String {
    let n = n.into();
    format!("{} {}", number(n), if n == 1 { singular } else { plural })
}

/// A whole number grouped in thousands, as people read it: "10,000,000".
pub fn number(n: impl Into<u128>) -> String {
    let digits = n.into().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 coin", "65 coins".
pub fn coins(n: u64) -> String {
    count(n, "coin", "coins")
}

/// "1 minute", "30 minutes".
pub fn minutes(n: impl Into<u128>) -> String {
    count(n, "minute", "minutes")
}

/// The known ids closest to `wanted`, for "did you mean" hints.
pub fn suggestions<'a>(wanted: &str, known: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    // Names are short; a long text resembles none of them, and comparing it with every name
    // would cost its length times theirs.
    if wanted.len() > 128 {
        return Vec::new();
    }
    let mut scored: Vec<(usize, &str)> = known
        .map(|k| (distance(wanted, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3) || (wanted.len() >= 3 && k.contains(wanted)))
        .collect();
    crate::sort::sort_by_key(&mut scored, |s| *s);
    scored.into_iter().take(3).map(|(_, k)| k).collect()
}

/// Levenshtein distance, on bytes (names are ASCII).
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
pub fn hint<'a>(wanted: &str, known: impl Iterator<Item = &'a str>) -> String {
    did_you_mean(&suggestions(wanted, known))
}

/// " (did you mean `x` or `y`?)" for these suggestions, or nothing.
pub fn did_you_mean(close: &[&str]) -> String {
    match close {
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
    fn hints_name_close_ids() {
        let known = ["lion", "galaxy", "rose", "rosa", "tiktok-universe"];
        assert_eq!(hint("loin", known.into_iter()), " (did you mean `lion`?)");
        assert_eq!(
            hint("universe", known.into_iter()),
            " (did you mean `tiktok-universe`?)"
        );
        assert_eq!(hint("zzzzzzzzzzzz", known.into_iter()), "");
        assert_eq!(hint(&"lion".repeat(250_000), known.into_iter()), "");
    }

    #[test]
    fn one_is_singular() {
        assert_eq!(coins(1), "1 coin");
        assert_eq!(coins(0), "0 coins");
        assert_eq!(coins(29_999), "29,999 coins");
        assert_eq!(number(999u32), "999");
        assert_eq!(number(1_000u32), "1,000");
        assert_eq!(number(20_000_000_000u64), "20,000,000,000");
        assert_eq!(minutes(1u32), "1 minute");
    }
}
