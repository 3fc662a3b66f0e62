//! A small LZ77 byte compressor for share links: JSON documents repeat their keys a lot, so
//! back-references alone roughly halve them, in a few hundred bytes of wasm instead of a DEFLATE
//! implementation. [`decompress`] takes untrusted input: every length and offset is checked and
//! the output is bounded, so bad input is an error, never a panic.
//!
//! Format, a sequence of tokens:
//! - `0x00..=0x7F` = n: a run of n + 1 literal bytes follows;
//! - `0x80..=0xFF` = m: copy (m & 0x7F) + [`MIN_MATCH`] bytes from `offset` bytes back, where
//!   the offset follows as an unsigned LEB128 number (1 ..= [`WINDOW`]).

/// The shortest back-reference worth writing.
pub const MIN_MATCH: usize = 4;
const MAX_MATCH: usize = 0x7F + MIN_MATCH;
const MAX_LITERALS: usize = 0x80;
/// How far back a reference may point.
pub const WINDOW: usize = 1 << 16;
const HASH_BITS: u32 = 12;
/// Candidates tried per position: enough for documents, bounded for pathological input.
const CHAIN: usize = 32;

#[derive(Debug, PartialEq, Eq)]
pub enum LzError {
    /// A token promises more bytes than there are, or points before the start.
    Corrupt,
    /// The output would exceed the limit.
    TooLarge,
}

fn hash(b: &[u8]) -> usize {
    let v = u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16 | u32::from(b[3]) << 24;
    (v.wrapping_mul(2_654_435_761) >> (32 - HASH_BITS)) as usize
}

fn flush_literals(out: &mut Vec<u8>, literals: &[u8]) {
    for chunk in literals.chunks(MAX_LITERALS) {
        out.push((chunk.len() - 1) as u8);
        out.extend_from_slice(chunk);
    }
}

/// Compress `input`.
pub fn compress(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() / 2 + 16);
    let mut head = vec![u32::MAX; 1 << HASH_BITS];
    let mut prev = vec![u32::MAX; input.len()];
    let mut literal_start = 0;
    let mut i = 0;
    let insert = |head: &mut Vec<u32>, prev: &mut Vec<u32>, at: usize| {
        if at + MIN_MATCH <= input.len() {
            let h = hash(&input[at..]);
            prev[at] = head[h];
            head[h] = at as u32;
        }
    };
    while i + MIN_MATCH <= input.len() {
        let (mut best_len, mut best_off) = (0, 0);
        let mut candidate = head[hash(&input[i..])];
        for _ in 0..CHAIN {
            if candidate == u32::MAX || i - candidate as usize > WINDOW {
                break;
            }
            let c = candidate as usize;
            let len = input[c..]
                .iter()
                .zip(&input[i..])
                .take(MAX_MATCH)
                .take_while(|(a, b)| a == b)
                .count();
            if len > best_len {
                (best_len, best_off) = (len, i - c);
                if len == MAX_MATCH {
                    break;
                }
            }
            candidate = prev[c];
        }
        if best_len >= MIN_MATCH {
            flush_literals(&mut out, &input[literal_start..i]);
            out.push(0x80 | (best_len - MIN_MATCH) as u8);
            let mut off = best_off;
            loop {
                let byte = (off & 0x7F) as u8;
                off >>= 7;
                if off == 0 {
                    out.push(byte);
                    break;
                }
                out.push(byte | 0x80);
            }
            for at in i..i + best_len {
                insert(&mut head, &mut prev, at);
            }
            i += best_len;
            literal_start = i;
        } else {
            insert(&mut head, &mut prev, i);
            i += 1;
        }
    }
    flush_literals(&mut out, &input[literal_start..]);
    out
}

/// Decompress `input`, refusing output longer than `limit` bytes.
pub fn decompress(input: &[u8], limit: usize) -> Result<Vec<u8>, LzError> {
    let mut out: Vec<u8> = Vec::with_capacity(input.len().saturating_mul(2).min(limit));
    let mut i = 0;
    while let Some(&token) = input.get(i) {
        i += 1;
        if token < 0x80 {
            let n = usize::from(token) + 1;
            let run = input.get(i..i + n).ok_or(LzError::Corrupt)?;
            if out.len() + n > limit {
                return Err(LzError::TooLarge);
            }
            out.extend_from_slice(run);
            i += n;
        } else {
            let len = usize::from(token & 0x7F) + MIN_MATCH;
            let mut off = 0usize;
            let mut shift = 0;
            loop {
                let byte = *input.get(i).ok_or(LzError::Corrupt)?;
                i += 1;
                off |= usize::from(byte & 0x7F) << shift;
                if byte & 0x80 == 0 {
                    break;
                }
                shift += 7;
                if shift > 21 {
                    return Err(LzError::Corrupt);
                }
            }
            if off == 0 || off > out.len() || off > WINDOW {
                return Err(LzError::Corrupt);
            }
            if out.len() + len > limit {
                return Err(LzError::TooLarge);
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
    fn round_trips() {
        let doc = crate::model::Document::default().to_json();
        for input in [&b""[..], b"a", b"abcd", b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", doc.as_bytes()] {
            let packed = compress(input);
            assert_eq!(decompress(&packed, 1 << 20).as_deref(), Ok(input), "{:?}", String::from_utf8_lossy(input));
        }
        let packed = compress(doc.as_bytes());
        assert!(
            packed.len() * 100 < doc.len() * 55,
            "{} -> {} bytes",
            doc.len(),
            packed.len()
        );
    }

    #[test]
    fn bad_input_is_an_error() {
        assert_eq!(decompress(&[0x05, b'a'], 100), Err(LzError::Corrupt)); // short literal run
        assert_eq!(decompress(&[0x80, 0x01], 100), Err(LzError::Corrupt)); // reference before the start
        assert_eq!(decompress(&[0x00, b'a', 0x80, 0x00], 100), Err(LzError::Corrupt)); // offset 0
        assert_eq!(decompress(&[0x00, b'a', 0x80], 100), Err(LzError::Corrupt)); // missing offset
        assert_eq!(
            decompress(&[0x00, b'a', 0x80, 0xFF, 0xFF, 0xFF, 0xFF], 100),
            Err(LzError::Corrupt)
        );
        assert_eq!(
            decompress(&[0x00, b'a', 0xFF, 0x01, 0xFF, 0x01], 100),
            Err(LzError::TooLarge)
        );
    }
}
