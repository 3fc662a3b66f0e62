//! Secret detection: private keys and AWS access keys must never enter a document, a preview,
//! autosave or a share link. The form calls [`find_secret`] before it stores a keystroke;
//! `validate`, import and the share decoder call it again.
//!
//! Only detection lives here, never any handling of the secret itself.

/// What kind of secret a text seems to hold, for the message shown next to the field.
pub fn find_secret(text: &str) -> Option<&'static str> {
    if text.contains("PRIVATE KEY-----") || text.contains("-----BEGIN OPENSSH PRIVATE") {
        return Some("a private key (-----BEGIN ... PRIVATE KEY-----)");
    }
    if text.contains("PuTTY-User-Key-File") {
        return Some("a PuTTY private key");
    }
    if contains_ignore_ascii_case(text, "aws_secret_access_key") {
        return Some("an AWS secret access key");
    }
    for word in words(text, |b| b.is_ascii_alphanumeric()) {
        if word.len() == 20 && is_access_key_id(word) {
            return Some("an AWS access key ID");
        }
    }
    for word in words(text, |b| {
        b.is_ascii_alphanumeric() || b == b'/' || b == b'+' || b == b'='
    }) {
        if word.len() == 40 && looks_like_secret_key(word) {
            return Some("an AWS secret access key");
        }
    }
    None
}

/// Whether `hay` contains `needle` (lower-case ASCII), ignoring ASCII case.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

fn words(text: &str, part: impl Fn(u8) -> bool + Copy) -> impl Iterator<Item = &str> {
    text.as_bytes()
        .split(move |&b| !part(b))
        .filter(|w| !w.is_empty())
        // Every byte kept is ASCII, so each word is valid UTF-8.
        .filter_map(|w| std::str::from_utf8(w).ok())
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
    use super::find_secret;

    #[test]
    fn finds_secrets() {
        for text in [
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----",
            "-----BEGIN RSA PRIVATE KEY-----",
            "-----BEGIN PRIVATE KEY-----",
            "AKIAIOSFODNN7EXAMPLE",
            "key=ASIAIOSFODNN7EXAMPLE;",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "aws_secret_access_key = x",
            "x AWS_Secret_Access_Key=",
            "PuTTY-User-Key-File-3: ssh-ed25519",
        ] {
            assert!(find_secret(text).is_some(), "{text:?} should be found");
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
        ] {
            assert_eq!(find_secret(text), None, "{text:?}");
        }
    }
}
