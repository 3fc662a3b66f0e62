//! Secret detection: private keys and AWS access keys must never enter a document, a preview,
//! autosave or a share link. The form calls [`locate_secret`] before it stores a keystroke (and,
//! with the span it returns, [`crate::model::Document::scrub_secret`] to take out what earlier
//! keystrokes kept); `validate`, import and the share decoder call [`find_secret`] again.
//!
//! Only secret *material* is refused: the name of a secret (a tag key `aws_secret_access_key`,
//! a description "rotate the aws_secret_access_key") is ordinary text. Only detection lives
//! here, never any handling of the secret itself.

use std::ops::Range;

/// A secret found in a text: what it looks like, and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// What kind of secret it is, for the message shown next to the field.
    pub what: &'static str,
    /// The byte range of the secret material in the text (always on character boundaries).
    pub span: Range<usize>,
}

const PRIVATE_KEY: &str = "a private key (-----BEGIN ... PRIVATE KEY-----)";

/// What kind of secret a text seems to hold, for the message shown next to the field.
pub fn find_secret(text: &str) -> Option<&'static str> {
    locate_secret(text).map(|f| f.what)
}

/// The first secret in `text` and its byte range.
///
/// ```
/// use nixform::model::secrets::locate_secret;
/// let text = "id=AKIAIOSFODNN7EXAMPLE;";
/// let found = locate_secret(text).expect("an access key ID");
/// assert_eq!(&text[found.span], "AKIAIOSFODNN7EXAMPLE");
/// assert!(locate_secret("aws_secret_access_key").is_none(), "a name is not a secret");
/// ```
pub fn locate_secret(text: &str) -> Option<Found> {
    let found = |what, span| Some(Found { what, span });
    if let Some(start) = text.find("-----BEGIN").filter(|&s| is_private_key_header(&text[s..])) {
        // To the end of the key's footer, or of the text when the key is cut short.
        let end = text[start..]
            .find("PRIVATE KEY-----")
            .and_then(|header| {
                let after = start + header + "PRIVATE KEY-----".len();
                text[after..]
                    .find("PRIVATE KEY-----")
                    .map(|f| after + f + "PRIVATE KEY-----".len())
            })
            .unwrap_or(text.len());
        return found(PRIVATE_KEY, start..end);
    }
    if let Some(at) = text.find("PRIVATE KEY-----") {
        // A footer (or a header without its dashes) alone: the key material is before it.
        return found(PRIVATE_KEY, 0..at + "PRIVATE KEY-----".len());
    }
    if let Some(start) = text.find("PuTTY-User-Key-File") {
        return found("a PuTTY private key", start..text.len());
    }
    for (start, word) in words(text, |b| b.is_ascii_alphanumeric()) {
        if word.len() == 20 && is_access_key_id(word) {
            return found("an AWS access key ID", start..start + 20);
        }
    }
    for (start, word) in words(text, |b| {
        b.is_ascii_alphanumeric() || b == b'/' || b == b'+' || b == b'='
    }) {
        if word.len() == 40 && looks_like_secret_key(word) {
            return found("an AWS secret access key", start..start + 40);
        }
    }
    None
}

/// `-----BEGIN <anything on the line> PRIVATE KEY-----` or `-----BEGIN OPENSSH PRIVATE`.
fn is_private_key_header(from_begin: &str) -> bool {
    let line = from_begin.lines().next().unwrap_or_default();
    line.contains("PRIVATE KEY-----") || line.starts_with("-----BEGIN OPENSSH PRIVATE")
}

/// Maximal runs of bytes for which `part` holds, with their byte offsets.
fn words(text: &str, part: impl Fn(u8) -> bool + Copy) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !part(bytes[i]) {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && part(bytes[i]) {
            i += 1;
        }
        // Every byte kept is ASCII, so the word lies on character boundaries.
        (start < i).then(|| (start, &text[start..i]))
    })
}

/// `AKIA`, `ASIA`, `ABIA` or `ACCA`, then 16 upper-case letters or digits.
fn is_access_key_id(word: &str) -> bool {
    ["AKIA", "ASIA", "ABIA", "ACCA"].iter().any(|p| word.starts_with(p))
        && word.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// 40 characters of base64 with upper, lower and digits mixed: the shape of a secret access key.
fn looks_like_secret_key(word: &str) -> bool {
    let b = word.as_bytes();
    b.iter().any(u8::is_ascii_uppercase) && b.iter().any(u8::is_ascii_lowercase) && b.iter().any(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::{find_secret, locate_secret};

    #[test]
    fn finds_secrets() {
        for text in [
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----",
            "-----BEGIN RSA PRIVATE KEY-----",
            "-----BEGIN PRIVATE KEY-----",
            "AKIAIOSFODNN7EXAMPLE",
            "key=ASIAIOSFODNN7EXAMPLE;",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "PuTTY-User-Key-File-3: ssh-ed25519",
        ] {
            assert!(find_secret(text).is_some(), "{text:?} should be found");
        }
    }

    #[test]
    fn names_of_secrets_are_not_secrets() {
        for text in [
            "aws_secret_access_key",
            "aws_secret_access_key = x",
            "x AWS_Secret_Access_Key=",
            "rotate the aws_secret_access_key every 90 days",
            "aws_access_key_id",
        ] {
            assert_eq!(find_secret(text), None, "{text:?} is a name, not a secret");
        }
    }

    #[test]
    fn spans_cover_the_material() {
        let cases = [
            ("x AKIAIOSFODNN7EXAMPLE y", "AKIAIOSFODNN7EXAMPLE"),
            (
                "é: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            ),
            (
                "a\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\nb",
                "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----",
            ),
            (
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl",
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl",
            ),
            (
                "b3BlbnNz\n-----END OPENSSH PRIVATE KEY-----",
                "b3BlbnNz\n-----END OPENSSH PRIVATE KEY-----",
            ),
        ];
        for (text, material) in cases {
            let found = locate_secret(text).expect("found");
            assert_eq!(&text[found.span], material, "{text:?}");
        }
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        for text in [
            crate::model::document::EXAMPLE_PUBLIC_KEY,
            "Allow SSH in",
            "10.0.0.0/16",
            "AKIA is a prefix",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "/nix/store/0123456789abcdfghijklmnpqrsvwxyz-foo",
            "nixos-x86_64",
            "aws_secret_access_ke",
            "-----BEGIN PUBLIC KEY-----",
        ] {
            assert_eq!(find_secret(text), None, "{text:?}");
        }
    }
}
