//! Stable sorting by a string key, written once.
//!
//! The standard library's sort is generic: each element type sorted in the wasm build brought
//! its own 3–4 KB copy of quicksort, drift sort and small-sort. Here only the permutation is
//! computed, by a merge sort over indices and `&str` keys that is compiled once, and applied by
//! swaps, also compiled once; the generic part just collects the keys and swaps two elements.
//! Used for the JSON reader's object members, the Terraform blocks, the importer's list of what
//! it left out, the form's error list and the lint's instances. Nothing else belongs here.

/// Sort `items` by `key`, keeping the order of items with equal keys.
///
/// ```
/// let mut v = vec![("b", 1), ("a", 2), ("b", 0)];
/// nixform::model::order::sort_by_key(&mut v, |x| x.0);
/// assert_eq!(v, [("a", 2), ("b", 1), ("b", 0)]);
/// ```
pub fn sort_by_key<T>(items: &mut [T], key: impl Fn(&T) -> &str) {
    let mut order = {
        let keys: Vec<&str> = items.iter().map(key).collect();
        sorted_order(&keys)
    };
    permute(&mut order, &mut |a, b| items.swap(a, b));
}

/// Rearrange a list, through `swap`, so that position `k` holds what was at `order[k]` (a
/// permutation): each cycle of it is followed once. `order` is used up.
fn permute(order: &mut [usize], swap: &mut dyn FnMut(usize, usize)) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut k = start;
        // Position `k` holds what was at `start`; what belongs there is still at `order[k]`.
        while order[k] != DONE {
            let from = std::mem::replace(&mut order[k], DONE);
            if from == start {
                break;
            }
            swap(k, from);
            k = from;
        }
    }
}

/// The indices of `keys` in stable sorted order (bottom-up merge sort, O(n log n)).
pub(crate) fn sorted_order(keys: &[&str]) -> Vec<usize> {
    let n = keys.len();
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut to[start..end] {
                // `<=` takes the left run first on ties: that is what keeps the sort stable.
                if j >= end || (i < mid && keys[from[i]] <= keys[from[j]]) {
                    *slot = from[i];
                    i += 1;
                } else {
                    *slot = from[j];
                    j += 1;
                }
            }
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same result as the standard library's stable sort.
        #[test]
        fn sorts_like_std(keys in prop::collection::vec("[a-c]{0,3}", 0..70)) {
            let mut ours: Vec<(String, usize)> = keys.iter().cloned().zip(0..).collect();
            let mut theirs = ours.clone();
            sort_by_key(&mut ours, |x| &x.0);
            theirs.sort_by(|a, b| a.0.cmp(&b.0));
            prop_assert_eq!(ours, theirs);
        }
    }
}
