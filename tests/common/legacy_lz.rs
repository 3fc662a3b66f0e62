//! The LZ77 compressor of the builds before share links moved to DEFLATE (commit b890e2e's
//! `src/model/lz.rs`, unchanged). The library only reads that format now
//! (`nixform::model::share::legacy`); the tests keep the writer to make old-format links.
#![allow(dead_code)]

/// The shortest back-reference worth writing.
pub const MIN_MATCH: usize = 4;
const MAX_MATCH: usize = 0x7F + MIN_MATCH;
const MAX_LITERALS: usize = 0x80;
/// How far back a reference may point.
pub const WINDOW: usize = 1 << 16;
const HASH_BITS: u32 = 12;
/// Candidates tried per position: enough for documents, bounded for pathological input.
const CHAIN: usize = 32;

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
