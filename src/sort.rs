//! A small stable merge sort. The standard library's sorts are fast but each use adds 3–5 KB to
//! the WebAssembly module; giftsim sorts only short lists (bundles, channels, runs, a plan's
//! events), where this is just as good.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`.
pub fn sort_by<T: Clone>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let n = items.len();
    if n < 2 {
        return;
    }
    let mut buffer = items.to_vec();
    let mut width = 1;
    // Bottom-up: merge runs of `width` from `items` into `buffer`, then swap roles.
    let mut from_items = true;
    while width < n {
        {
            let (src, dst): (&[T], &mut [T]) = if from_items {
                (&*items, &mut buffer[..])
            } else {
                (&buffer[..], &mut *items)
            };
            merge_pass(src, dst, width, &mut compare);
        }
        from_items = !from_items;
        width *= 2;
    }
    if !from_items {
        items.clone_from_slice(&buffer);
    }
}

fn merge_pass<T: Clone>(
    src: &[T],
    dst: &mut [T],
    width: usize,
    compare: &mut impl FnMut(&T, &T) -> Ordering,
) {
    let n = src.len();
    let mut start = 0;
    while start < n {
        let mid = (start + width).min(n);
        let end = (start + 2 * width).min(n);
        let (mut i, mut j) = (start, mid);
        for slot in dst.iter_mut().take(end).skip(start) {
            let take_left = i < mid && (j >= end || compare(&src[j], &src[i]) != Ordering::Less);
            if take_left {
                *slot = src[i].clone();
                i += 1;
            } else {
                *slot = src[j].clone();
                j += 1;
            }
        }
        start = end;
    }
}

/// Sorts `items` stably by the key `key` gives.
pub fn sort_by_key<T: Clone, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // the standard sort is the reference here
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_the_standard_library(v in prop::collection::vec((0u8..20, any::<u16>()), 0..300)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut std = v.clone();
            std.sort_by_key(|x| x.0);
            prop_assert_eq!(ours, std);
        }
    }
}
