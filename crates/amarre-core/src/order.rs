//! Putting the few things the app orders in order: a handful of storage
//! keys, eight class dimensions, a person's answers by weight. A plain
//! insertion sort, stable, fine for lists of a few dozen.
//!
//! Why not `slice::sort`: each element type it sorts compiles its own copy
//! of the standard sort, about 3–4 KB of wasm each; this is a few hundred
//! bytes (README "Size").

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    for end in 1..items.len() {
        let mut at = end;
        while at > 0 && compare(&items[at - 1], &items[at]) == Ordering::Greater {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

/// Sorts `items` by `key`, keeping items with equal keys in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 11u32;
        for len in 0..40 {
            let mut items: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 5, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|p| p.0);
            sort_by_key(&mut items, |p| p.0);
            assert_eq!(items, expected, "length {len}");
        }
    }

    #[test]
    fn sorts_texts() {
        let mut keys = vec!["b".to_string(), "a".to_string(), "c".to_string(), "a".to_string()];
        sort_by(&mut keys, |a, b| a.cmp(b));
        assert_eq!(keys, ["a", "a", "b", "c"]);
    }
}
