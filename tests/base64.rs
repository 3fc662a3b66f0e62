//! nixform's base64 (`model::base64`) against the `base64` crate: the same text for any bytes,
//! and the same verdict and bytes for any text, in both alphabets.

#![cfg(not(target_arch = "wasm32"))]

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use nixform::model::base64::{decode, encode, Alphabet};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn encodes_like_the_crate(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let mut ours = String::new();
        encode(&bytes, Alphabet::Standard, &mut ours);
        prop_assert_eq!(&ours, &STANDARD.encode(&bytes));
        prop_assert_eq!(decode(&ours, Alphabet::Standard), Some(bytes.clone()));
        let mut ours = String::new();
        encode(&bytes, Alphabet::UrlNoPad, &mut ours);
        prop_assert_eq!(&ours, &URL_SAFE_NO_PAD.encode(&bytes));
        prop_assert_eq!(decode(&ours, Alphabet::UrlNoPad), Some(bytes));
    }

    #[test]
    fn decodes_like_the_crate(text in "[A-Za-z0-9+/_=-]{0,12}|[A-Za-z0-9+/=]{0,8}[\\x00-\\x7f]{0,2}") {
        prop_assert_eq!(decode(&text, Alphabet::Standard), STANDARD.decode(&text).ok(), "standard {:?}", text);
        prop_assert_eq!(decode(&text, Alphabet::UrlNoPad), URL_SAFE_NO_PAD.decode(&text).ok(), "url {:?}", text);
    }
}
