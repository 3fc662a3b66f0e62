//! Base64 (RFC 4648) for the two places nixform needs it: share links (the URL-safe alphabet,
//! no padding) and the body of OpenSSH public keys (the standard alphabet, padded).
//!
//! Strict like the `base64` crate's engines it replaced (tests compare the two on random input):
//! a character outside the alphabet, padding where there should be none (or missing where it is
//! required), an impossible length, or set bits after the last byte are errors. It is here,
//! and small, because the crate's generic engines cost several kilobytes of wasm for two calls.

/// Which of the two encodings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alphabet {
    /// `A–Z a–z 0–9 + /`, padded with `=` to a multiple of four characters.
    Standard,
    /// `A–Z a–z 0–9 - _`, without padding.
    UrlNoPad,
}

impl Alphabet {
    fn symbols(self) -> &'static [u8; 64] {
        match self {
            Alphabet::Standard => b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
            Alphabet::UrlNoPad => b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
        }
    }

    fn value(self, symbol: u8) -> Option<u32> {
        let v = match symbol {
            b'A'..=b'Z' => symbol - b'A',
            b'a'..=b'z' => symbol - b'a' + 26,
            b'0'..=b'9' => symbol - b'0' + 52,
            b'+' if self == Alphabet::Standard => 62,
            b'/' if self == Alphabet::Standard => 63,
            b'-' if self == Alphabet::UrlNoPad => 62,
            b'_' if self == Alphabet::UrlNoPad => 63,
            _ => return None,
        };
        Some(u32::from(v))
    }
}

/// Append the encoding of `bytes` to `out`.
///
/// ```
/// use nixform::model::base64::{encode, Alphabet};
/// let mut out = String::new();
/// encode(b"\xfb\xff", Alphabet::UrlNoPad, &mut out);
/// assert_eq!(out, "-_8");
/// ```
pub fn encode(bytes: &[u8], alphabet: Alphabet, out: &mut String) {
    let symbols = alphabet.symbols();
    let symbol = |n: u32| char::from(symbols[(n & 63) as usize]);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(symbol(n >> (18 - 6 * i)));
        }
        if alphabet == Alphabet::Standard {
            out.extend(std::iter::repeat_n('=', 3 - chunk.len()));
        }
    }
}

/// The bytes `text` encodes; `None` if it is not a valid encoding in `alphabet`.
///
/// ```
/// use nixform::model::base64::{decode, Alphabet};
/// assert_eq!(decode("aGk=", Alphabet::Standard).as_deref(), Some(&b"hi"[..]));
/// assert_eq!(decode("aGk", Alphabet::Standard), None); // padding is required
/// assert_eq!(decode("aGl", Alphabet::UrlNoPad), None); // bits after the last byte
/// ```
pub fn decode(text: &str, alphabet: Alphabet) -> Option<Vec<u8>> {
    let mut body = text.as_bytes();
    if alphabet == Alphabet::Standard {
        if body.len() % 4 != 0 {
            return None;
        }
        let pad = body.iter().rev().take(2).take_while(|&&b| b == b'=').count();
        body = &body[..body.len() - pad];
    }
    if body.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() / 4 * 3 + 2);
    for chunk in body.chunks(4) {
        let mut n = 0u32;
        for (i, &symbol) in chunk.iter().enumerate() {
            n |= alphabet.value(symbol)? << (18 - 6 * i);
        }
        let bytes = chunk.len() - 1; // 4 symbols carry 3 bytes, 3 carry 2, 2 carry 1
                                     // Bits past the last whole byte must be zero (one encoding per byte string).
        if n & (0x00FF_FFFF >> (8 * bytes)) != 0 {
            return None;
        }
        out.extend((0..bytes).map(|i| (n >> (16 - 8 * i)) as u8));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4648_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            let mut out = String::new();
            encode(plain.as_bytes(), Alphabet::Standard, &mut out);
            assert_eq!(out, encoded);
            assert_eq!(decode(encoded, Alphabet::Standard).as_deref(), Some(plain.as_bytes()));
            let unpadded = encoded.trim_end_matches('=');
            let mut out = String::new();
            encode(plain.as_bytes(), Alphabet::UrlNoPad, &mut out);
            assert_eq!(out, unpadded);
            assert_eq!(decode(unpadded, Alphabet::UrlNoPad).as_deref(), Some(plain.as_bytes()));
        }
    }

    #[test]
    fn refuses_what_is_not_an_encoding() {
        for bad in [
            "Zg=", "Zg", "Z===", "Zh==", "Zm9v=", "Zm8=Zm8=", "Zm-v", "Zm9v\n", "====", "Z",
        ] {
            assert_eq!(decode(bad, Alphabet::Standard), None, "{bad}");
        }
        for bad in ["Zg==", "Zh", "Zm+v", "Z", "Zm9vY"] {
            assert_eq!(decode(bad, Alphabet::UrlNoPad), None, "{bad}");
        }
    }
}
