//! Share links: a document, compressed, in the URL fragment (`#s=...`), so it never reaches a
//! server. [`encode`] writes the fragment (and [`fragment_of_deflated`] from JSON compressed
//! elsewhere: the browser); [`decode`] reads untrusted text back and always answers with a
//! document or an error that says what is wrong, never a panic. The app, which has the browser
//! inflate, reads a link in two steps around that: [`payload`], then [`document`].
//!
//! Format: `s=2.` + base64url (no padding) of the document's compact JSON, compressed with raw
//! DEFLATE (miniz_oxide in the CLI, the browser's `CompressionStream` in the app). The `2.` marks
//! the format: links of earlier builds are `s=` + the base64url of our own LZ77 ([`legacy`]), and
//! base64url never contains a `.`, so the two cannot be confused. Decompression is bounded to
//! [`MAX_DOCUMENT_BYTES`] either way. Browser APIs (reading `location.hash`) are the UI's; only the
//! codec lives here.

pub mod legacy;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use miniz_oxide::deflate::{compress_to_vec, CompressionLevel};
use miniz_oxide::inflate::decompress_to_vec_with_limit;
use thiserror::Error;

use super::document::{Document, DocumentError, MAX_DOCUMENT_BYTES};
use super::secrets::find_secret;

/// The fragment's key.
pub const PREFIX: &str = "s=";

/// What follows [`PREFIX`] in a link of today's format (DEFLATE).
pub const DEFLATE_MARKER: &str = "2.";

/// The longest fragment accepted (a real stack compresses to a few kilobytes).
pub const MAX_FRAGMENT_BYTES: usize = 256 * 1024;

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum ShareError {
    #[error("the link has no nixform stack in it (expected #s=...)")]
    NoStack,
    #[error("the link is {0} characters long; at most 262144 are accepted")]
    TooLong(usize),
    #[error("the link is damaged: it is not valid base64url (was it cut off when copied?)")]
    NotBase64,
    #[error("the link is damaged: its data does not decompress (was it cut off when copied?)")]
    Corrupt,
    #[error("the link's stack is not text")]
    NotUtf8,
    #[error("the link's stack cannot be read: {0}")]
    Document(#[from] DocumentError),
    #[error("the link holds {0}; nixform does not open links with secrets in them")]
    Secret(&'static str),
}

/// The fragment (without `#`) that carries `doc`, compressed here (the CLI's way).
pub fn encode(doc: &Document) -> String {
    let json = doc.to_compact_json();
    fragment_of_deflated(&compress_to_vec(
        json.as_bytes(),
        CompressionLevel::BestCompression as u8,
    ))
}

/// The fragment that carries a document whose compact JSON (`Document::to_compact_json`)
/// someone else compressed with raw DEFLATE: the app has the browser compress it, so it
/// ships no compressor. Any valid compression opens alike, so links of the app and of the
/// CLI differ in bytes, not in what they open.
pub fn fragment_of_deflated(compressed: &[u8]) -> String {
    let mut out = [PREFIX, DEFLATE_MARKER].concat();
    URL_SAFE_NO_PAD.encode_string(compressed, &mut out);
    out
}

/// What a fragment holds, before it is a document.
#[derive(Debug, PartialEq, Eq)]
pub enum Payload {
    /// Today's format: the document's compact JSON, raw DEFLATE. The caller inflates it, to at
    /// most [`MAX_DOCUMENT_BYTES`] (a short link can inflate to gigabytes): [`decode`] with
    /// miniz_oxide, the app with the browser's `DecompressionStream`.
    Deflated(Vec<u8>),
    /// A link of an earlier build: its JSON, already decompressed by [`legacy`].
    Json(Vec<u8>),
}

/// Read a fragment (with or without the leading `#`) as far as its [`Payload`].
pub fn payload(fragment: &str) -> Result<Payload, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT_BYTES {
        return Err(ShareError::TooLong(fragment.len()));
    }
    let data = fragment
        .split('&')
        .find_map(|part| part.strip_prefix(PREFIX))
        .ok_or(ShareError::NoStack)?;
    let base64 = |data: &str| {
        URL_SAFE_NO_PAD
            .decode(data.trim_end_matches('='))
            .map_err(|_| ShareError::NotBase64)
    };
    match data.strip_prefix(DEFLATE_MARKER) {
        Some(data) => Ok(Payload::Deflated(base64(data)?)),
        None => legacy::decompress(&base64(data)?, MAX_DOCUMENT_BYTES)
            .map(Payload::Json)
            .map_err(|_| ShareError::Corrupt),
    }
}

/// The document in a link's (decompressed) JSON; one with a secret in it is refused.
pub fn document(json: Vec<u8>) -> Result<Document, ShareError> {
    let text = String::from_utf8(json).map_err(|_| ShareError::NotUtf8)?;
    if let Some(what) = find_secret(&text) {
        return Err(ShareError::Secret(what));
    }
    // nixform never writes a link whose JSON does not parse: such a link was cut or altered.
    Document::from_json(&text).map_err(|e| match e {
        DocumentError::Syntax(_) => ShareError::Corrupt,
        e => ShareError::Document(e),
    })
}

/// Read a fragment (with or without the leading `#`) back into a document: today's links and
/// those of earlier builds.
pub fn decode(fragment: &str) -> Result<Document, ShareError> {
    let json = match payload(fragment)? {
        Payload::Deflated(data) => {
            decompress_to_vec_with_limit(&data, MAX_DOCUMENT_BYTES).map_err(|_| ShareError::Corrupt)?
        }
        Payload::Json(json) => json,
    };
    document(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A link of today's format around `bytes`, compressed.
    fn deflate_link(bytes: &[u8]) -> String {
        let mut link = [PREFIX, DEFLATE_MARKER].concat();
        URL_SAFE_NO_PAD.encode_string(compress_to_vec(bytes, 6), &mut link);
        link
    }

    #[test]
    fn round_trip_and_size() {
        let doc = crate::model::presets::hardened();
        let fragment = encode(&doc);
        assert!(fragment.starts_with("s=2."), "{fragment}");
        assert!(
            fragment.len() < 2000,
            "a hardened stack makes a short link ({} chars)",
            fragment.len()
        );
        assert!(fragment[4..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b)));
        assert_eq!(decode(&format!("#{fragment}")), Ok(doc.clone()));
        assert_eq!(decode(&format!("x=1&{fragment}")), Ok(doc));
    }

    /// The app's two steps (the browser inflating between them) read what `decode` reads.
    #[test]
    fn payload_then_document_is_decode() {
        for doc in [Document::default(), crate::model::presets::hardened()] {
            let link = encode(&doc);
            let Ok(Payload::Deflated(data)) = payload(&link) else {
                panic!("today's format: {link}")
            };
            assert_eq!(fragment_of_deflated(&data), link);
            let json = decompress_to_vec_with_limit(&data, MAX_DOCUMENT_BYTES).expect("inflates");
            assert_eq!(json, doc.to_compact_json().into_bytes());
            assert_eq!(document(json), Ok(doc));
        }
        assert_eq!(payload("f-network-vpc_cidr"), Err(ShareError::NoStack));
        assert!(matches!(
            document(br#"{"version": 1, "no": 1}"#.to_vec()),
            Err(ShareError::Document(DocumentError::Json(_)))
        ));
        assert_eq!(document(vec![0xff]), Err(ShareError::NotUtf8));
    }

    #[test]
    fn damaged_links_say_what_is_wrong() {
        let good = encode(&Document::default());
        let data = &good[4..];
        assert_eq!(decode(""), Err(ShareError::NoStack));
        assert_eq!(decode("#x=1"), Err(ShareError::NoStack));
        assert_eq!(decode("#s=!!!"), Err(ShareError::NotBase64));
        assert_eq!(decode("#s=2.!!!"), Err(ShareError::NotBase64));
        // Cut on a base64 quantum: valid base64, truncated data.
        let half = 4 + data.len() / 8 * 4;
        assert_eq!(decode(&good[..half]), Err(ShareError::Corrupt));
        assert_eq!(decode(&good[..half + 1]), Err(ShareError::NotBase64));
        assert_eq!(decode("#s=AAAA"), Err(ShareError::Corrupt));
        assert_eq!(decode("#s=2.AAAA"), Err(ShareError::Corrupt));
        assert_eq!(
            decode(&deflate_link(b"{\"version\": 2}")),
            Err(ShareError::Document(DocumentError::Version(2)))
        );
        assert_eq!(decode(&deflate_link(b"{\"version\": 1")), Err(ShareError::Corrupt));
        assert_eq!(decode(&deflate_link(b"\xff")), Err(ShareError::NotUtf8));
        let with_secret = {
            let mut d = Document::default();
            d.key_pair.public_key = "-----BEGIN OPENSSH PRIVATE KEY-----".into();
            encode(&d)
        };
        assert!(matches!(decode(&with_secret), Err(ShareError::Secret(_))));
        assert_eq!(
            decode(&format!("s={}", "A".repeat(MAX_FRAGMENT_BYTES))),
            Err(ShareError::TooLong(MAX_FRAGMENT_BYTES + 2))
        );
    }

    #[test]
    fn output_is_bounded() {
        // 2 MiB of spaces compress to a few kilobytes: refused, not allocated.
        let bomb = deflate_link(&vec![b' '; 2 << 20]);
        assert!(bomb.len() < MAX_FRAGMENT_BYTES);
        assert_eq!(decode(&bomb), Err(ShareError::Corrupt));
    }

    #[test]
    fn legacy_links_still_open() {
        // `{"version":1}` as the old LZ77 wrote it: one run of 13 literal bytes.
        let mut old = vec![12u8];
        old.extend_from_slice(b"{\"version\":1}");
        let link = format!("s={}", URL_SAFE_NO_PAD.encode(old));
        assert!(!link.contains('.'));
        assert_eq!(decode(&link), Ok(Document::default()));
    }
}
