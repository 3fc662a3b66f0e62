//! Share links: a document, compressed, in the URL fragment (`#s=...`), so it never reaches a
//! server. [`encode`] writes the fragment; [`decode`] reads untrusted text back and always
//! answers with a document or an error that says what is wrong, never a panic.
//!
//! Format: `s=` + base64url (no padding) of the document's compact JSON, compressed with the
//! small LZ77 of [`super::lz`].
//! Browser APIs (reading `location.hash`) are the UI's; only the codec lives here.

use thiserror::Error;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

use super::document::{Document, DocumentError, MAX_DOCUMENT_BYTES};
use super::secrets::find_secret;

/// The fragment's key.
pub const PREFIX: &str = "s=";

/// The longest fragment accepted (a real stack compresses to a few kilobytes).
pub const MAX_FRAGMENT_BYTES: usize = 256 * 1024;

#[derive(Debug, Error, PartialEq, Eq)]
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

/// The fragment (without `#`) that carries `doc`.
pub fn encode(doc: &Document) -> String {
    let json = doc.to_compact_json().into_bytes();
    let compressed = super::lz::compress(&json);
    let mut out = String::with_capacity(PREFIX.len() + compressed.len() * 4 / 3 + 4);
    out.push_str(PREFIX);
    URL_SAFE_NO_PAD.encode_string(&compressed, &mut out);
    out
}

/// Read a fragment (with or without the leading `#`) back into a document.
pub fn decode(fragment: &str) -> Result<Document, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT_BYTES {
        return Err(ShareError::TooLong(fragment.len()));
    }
    let data = fragment
        .split('&')
        .find_map(|part| part.strip_prefix(PREFIX))
        .ok_or(ShareError::NoStack)?;
    let compressed = URL_SAFE_NO_PAD
        .decode(data.trim_end_matches('='))
        .map_err(|_| ShareError::NotBase64)?;
    let json = super::lz::decompress(&compressed, MAX_DOCUMENT_BYTES).map_err(|_| ShareError::Corrupt)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_size() {
        let doc = crate::model::presets::hardened();
        let fragment = encode(&doc);
        assert!(fragment.starts_with("s="));
        assert!(
            fragment.len() < 2000,
            "a hardened stack makes a short link ({} chars)",
            fragment.len()
        );
        assert!(fragment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_=".contains(&b)));
        assert_eq!(decode(&format!("#{fragment}")), Ok(doc));
    }

    #[test]
    fn damaged_links_say_what_is_wrong() {
        let good = encode(&Document::default());
        assert_eq!(decode(""), Err(ShareError::NoStack));
        assert_eq!(decode("#x=1"), Err(ShareError::NoStack));
        assert_eq!(decode("#s=!!!"), Err(ShareError::NotBase64));
        let half = 2 + (good.len() - 2) / 8 * 4; // cut on a base64 quantum: valid base64, truncated data
        assert_eq!(decode(&good[..half]), Err(ShareError::Corrupt));
        assert_eq!(decode(&good[..half + 1]), Err(ShareError::NotBase64));
        assert_eq!(decode("#s=AAAA"), Err(ShareError::Corrupt));
        let not_doc = {
            let c = super::super::lz::compress(b"{\"version\": 2}");
            let mut link = "s=".to_owned();
            URL_SAFE_NO_PAD.encode_string(&c, &mut link);
            link
        };
        assert_eq!(decode(&not_doc), Err(ShareError::Document(DocumentError::Version(2))));
        let with_secret = {
            let mut d = Document::default();
            d.key_pair.public_key = "-----BEGIN OPENSSH PRIVATE KEY-----".into();
            encode(&d)
        };
        assert!(matches!(decode(&with_secret), Err(ShareError::Secret(_))));
    }
}
