//! The share links of builds before 2.: `s=` + base64url of the compact JSON compressed with a
//! small LZ77 of our own. Links that people already have must keep opening, so this reads them;
//! nothing writes them any more (new links are DEFLATE, see the parent module). Input is
//! untrusted: every length and offset is checked and the output is bounded, so bad input is an
//! error, never a panic.
//!
//! Format, a sequence of tokens:
//! - `0x00..=0x7F` = n: a run of n + 1 literal bytes follows;
//! - `0x80..=0xFF` = m: copy (m & 0x7F) + [`MIN_MATCH`] bytes from `offset` bytes back, where
//!   the offset follows as an unsigned LEB128 number (1 ..= [`WINDOW`]).

use thiserror::Error;

/// The shortest back-reference the old compressor wrote.
pub const MIN_MATCH: usize = 4;
/// How far back a reference may point.
pub const WINDOW: usize = 1 << 16;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum LegacyError {
    /// A token promises more bytes than there are, or points before the start.
    #[error("the data is cut off or damaged")]
    Corrupt,
    /// The output would exceed the limit.
    #[error("the data decompresses to more than the limit")]
    TooLarge,
}

/// Decompress `input`, refusing output longer than `limit` bytes.
pub fn decompress(input: &[u8], limit: usize) -> Result<Vec<u8>, LegacyError> {
    let mut out: Vec<u8> = Vec::with_capacity(input.len().saturating_mul(2).min(limit));
    let mut i = 0;
    while let Some(&token) = input.get(i) {
        i += 1;
        if token < 0x80 {
            let n = usize::from(token) + 1;
            let run = input.get(i..i + n).ok_or(LegacyError::Corrupt)?;
            if out.len() + n > limit {
                return Err(LegacyError::TooLarge);
            }
            out.extend_from_slice(run);
            i += n;
        } else {
            let len = usize::from(token & 0x7F) + MIN_MATCH;
            let mut off = 0usize;
            let mut shift = 0;
            loop {
                let byte = *input.get(i).ok_or(LegacyError::Corrupt)?;
                i += 1;
                off |= usize::from(byte & 0x7F) << shift;
                if byte & 0x80 == 0 {
                    break;
                }
                shift += 7;
                if shift > 21 {
                    return Err(LegacyError::Corrupt);
                }
            }
            if off == 0 || off > out.len() || off > WINDOW {
                return Err(LegacyError::Corrupt);
            }
            if out.len() + len > limit {
                return Err(LegacyError::TooLarge);
            }
            let start = out.len() - off;
            for k in 0..len {
                let b = out[start + k];
                out.push(b);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_is_an_error() {
        assert_eq!(decompress(&[0x05, b'a'], 100), Err(LegacyError::Corrupt)); // short literal run
        assert_eq!(decompress(&[0x80, 0x01], 100), Err(LegacyError::Corrupt)); // reference before the start
        assert_eq!(decompress(&[0x00, b'a', 0x80, 0x00], 100), Err(LegacyError::Corrupt)); // offset 0
        assert_eq!(decompress(&[0x00, b'a', 0x80], 100), Err(LegacyError::Corrupt)); // missing offset
        assert_eq!(
            decompress(&[0x00, b'a', 0x80, 0xFF, 0xFF, 0xFF, 0xFF], 100),
            Err(LegacyError::Corrupt)
        );
        assert_eq!(
            decompress(&[0x00, b'a', 0xFF, 0x01, 0xFF, 0x01], 100),
            Err(LegacyError::TooLarge)
        );
    }
}
