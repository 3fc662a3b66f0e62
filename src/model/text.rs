//! Substring search, byte by byte, written once. `str::find` and `str::contains` with a string
//! pattern (and `contains` with a non-ASCII `char`) bring the standard library's two-way
//! searcher (about 2 KB of wasm) for needles of a few bytes in short texts; a plain scan is as
//! fast there. Nothing else belongs here.

/// The byte offset of the first `needle` in `hay`, as `str::find` gives it (`Some(0)` for an
/// empty needle). A match always starts on a character boundary, since `needle` is UTF-8 too.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    find_bytes(hay.as_bytes(), needle.as_bytes(), false)
}

/// Whether `hay` contains `needle`.
pub fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// Whether `hay` contains `needle`, ignoring ASCII case (as `hay.to_ascii_lowercase()` would
/// contain a lower-case `needle`, without the copy).
pub fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    find_bytes(hay.as_bytes(), needle.as_bytes(), true).is_some()
}

fn find_bytes(hay: &[u8], needle: &[u8], fold_case: bool) -> Option<usize> {
    let same = |a: &u8, b: &u8| a == b || (fold_case && a.eq_ignore_ascii_case(b));
    (0..=hay.len().checked_sub(needle.len())?).find(|&at| {
        hay.get(at..at + needle.len())
            .is_some_and(|window| window.iter().zip(needle).all(|(a, b)| same(a, b)))
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same answers as the standard library.
        #[test]
        fn finds_like_std(hay in "[aAbB'é$]{0,12}", needle in "[aAbB'é$]{0,3}") {
            prop_assert_eq!(find(&hay, &needle), hay.find(needle.as_str()));
            prop_assert_eq!(contains(&hay, &needle), hay.contains(needle.as_str()));
            let lower = needle.to_ascii_lowercase();
            prop_assert_eq!(
                contains_ignore_ascii_case(&hay, &lower),
                hay.to_ascii_lowercase().contains(lower.as_str())
            );
        }
    }

    #[test]
    fn edges() {
        assert_eq!(find("", ""), Some(0));
        assert_eq!(find("ab", "abc"), None);
        assert_eq!(find("xé''", "''"), Some(3));
        assert!(contains_ignore_ascii_case(
            "x AWS_Secret_Access_Key=",
            "aws_secret_access_key"
        ));
        assert!(!contains_ignore_ascii_case(
            "aws_secret_access_ke",
            "aws_secret_access_key"
        ));
    }
}
