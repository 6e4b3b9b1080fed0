//! Counts as a sentence says them: "1 coin", "2 coins". Every message that names a count of
//! something goes through here, so none says "1 coins".

/// `n` and its noun, singular for one: `count(1, "coin", "coins")` is "1 coin".
pub fn count(n: impl Into<u128>, singular: &str, plural: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// "1 coin", "65 coins".
pub fn coins(n: u64) -> String {
    count(n, "coin", "coins")
}

/// "1 minute", "30 minutes".
pub fn minutes(n: impl Into<u128>) -> String {
    count(n, "minute", "minutes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular() {
        assert_eq!(coins(1), "1 coin");
        assert_eq!(coins(0), "0 coins");
        assert_eq!(coins(29_999), "29999 coins");
        assert_eq!(minutes(1u32), "1 minute");
    }
}
