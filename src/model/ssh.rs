//! OpenSSH public keys: the `type base64 [comment]` line that EC2 imports.
//!
//! Checks that the key type is one AWS and OpenSSH accept, that the body is valid base64, that the
//! type embedded in the body equals the prefix, and that RSA keys have at least 2048 bits.
//! Private-key detection is in `secrets`, not here.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

const TYPES: &[&str] = &[
    "ssh-ed25519",
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
];

/// Reads the SSH wire format: big-endian u32 length, then that many bytes.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn string(&mut self) -> Option<&'a [u8]> {
        let len_bytes: [u8; 4] = self.0.get(..4)?.try_into().ok()?;
        let len = u32::from_be_bytes(len_bytes) as usize;
        let rest = &self.0[4..];
        let value = rest.get(..len)?;
        self.0 = &rest[len..];
        Some(value)
    }
}

/// At most 40 characters of `text`, for a message.
fn shown(text: &str) -> &str {
    text.char_indices()
        .nth(40)
        .map_or(text, |(end, _)| text.get(..end).unwrap_or(text))
}

/// Bytes from a key's body as text for a message: at most 40 characters, with U+FFFD for what
/// is not UTF-8.
fn shown_bytes(bytes: &[u8]) -> String {
    shown(&String::from_utf8_lossy(bytes)).to_owned()
}

/// Bit length of an SSH mpint (big-endian, possibly with a leading zero byte).
fn mpint_bits(bytes: &[u8]) -> usize {
    let trimmed: &[u8] = match bytes.iter().position(|&b| b != 0) {
        Some(i) => &bytes[i..],
        None => return 0,
    };
    (trimmed.len() - 1) * 8 + (8 - trimmed[0].leading_zeros() as usize)
}

/// Check one public key line. The error says what is wrong in words a person can act on.
pub fn check_public_key(line: &str) -> Result<(), String> {
    let line = line.trim();
    if line.is_empty() {
        return Err("paste your OpenSSH public key (the contents of ~/.ssh/id_ed25519.pub)".into());
    }
    if line.contains('\n') {
        return Err("paste exactly one public key, on one line".into());
    }
    let mut parts = line.split_whitespace();
    let kind = parts.next().unwrap_or_default();
    if !TYPES.contains(&kind) {
        let shown = shown(kind);
        return Err(format!(
            "`{shown}` is not a supported key type (ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521, or their sk- variants)"
        ));
    }
    let body = parts
        .next()
        .ok_or_else(|| format!("the key has no base64 body after `{kind}`"))?;
    let blob = STANDARD
        .decode(body)
        .map_err(|_| format!("the body of the `{kind}` key is not valid base64"))?;
    let mut reader = Reader(&blob);
    let embedded = reader
        .string()
        .ok_or_else(|| format!("the body of the `{kind}` key is truncated"))?;
    if embedded != kind.as_bytes() {
        return Err(format!(
            "the key says `{kind}` but its body holds a `{}` key",
            shown_bytes(embedded)
        ));
    }
    let truncated = || format!("the body of the `{kind}` key is truncated");
    match kind {
        "ssh-rsa" => {
            let _exponent = reader.string().ok_or_else(truncated)?;
            let modulus = reader.string().ok_or_else(truncated)?;
            let bits = mpint_bits(modulus);
            if bits < 2048 {
                return Err(format!("this RSA key has {bits} bits; at least 2048 are required"));
            }
        }
        "ssh-ed25519" | "sk-ssh-ed25519@openssh.com" => {
            let key = reader.string().ok_or_else(truncated)?;
            if key.len() != 32 {
                return Err(format!("an ed25519 key is 32 bytes, this one is {}", key.len()));
            }
        }
        _ => {
            let curve = reader.string().ok_or_else(truncated)?;
            // `kind` is one of `TYPES`, so each affix is there once or not at all.
            let name = kind.strip_prefix("sk-").unwrap_or(kind);
            let name = name.strip_suffix("@openssh.com").unwrap_or(name);
            let expected = name.strip_prefix("ecdsa-sha2-").unwrap_or(name);
            if curve != expected.as_bytes() {
                return Err(format!(
                    "the key says `{kind}` but its curve is `{}`",
                    shown_bytes(curve)
                ));
            }
            reader.string().ok_or_else(truncated)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wire(parts: &[&[u8]]) -> String {
        let mut out = Vec::new();
        for p in parts {
            out.extend_from_slice(&(p.len() as u32).to_be_bytes());
            out.extend_from_slice(p);
        }
        STANDARD.encode(out)
    }

    #[test]
    fn accepts_well_formed_keys() {
        let ed = format!("ssh-ed25519 {} me@host", wire(&[b"ssh-ed25519", &[7u8; 32]]));
        assert_eq!(check_public_key(&ed), Ok(()));
        let mut n = vec![0u8];
        n.extend(vec![0xffu8; 256]); // 2048-bit modulus with a sign byte
        let rsa = format!("ssh-rsa {}", wire(&[b"ssh-rsa", &[1, 0, 1], &n]));
        assert_eq!(check_public_key(&rsa), Ok(()));
        let ec = format!(
            "ecdsa-sha2-nistp256 {}",
            wire(&[b"ecdsa-sha2-nistp256", b"nistp256", &[4u8; 65]])
        );
        assert_eq!(check_public_key(&ec), Ok(()));
        let sk = format!(
            "sk-ssh-ed25519@openssh.com {}",
            wire(&[b"sk-ssh-ed25519@openssh.com", &[1u8; 32], b"ssh:"])
        );
        assert_eq!(check_public_key(&sk), Ok(()));
        assert_eq!(check_public_key(crate::model::document::EXAMPLE_PUBLIC_KEY), Ok(()));
    }

    #[test]
    fn refuses_malformed_keys() {
        let short_rsa = format!("ssh-rsa {}", wire(&[b"ssh-rsa", &[1, 0, 1], &[0xffu8; 128]]));
        assert!(check_public_key(&short_rsa).unwrap_err().contains("1024 bits"));
        let mismatch = format!("ssh-rsa {}", wire(&[b"ssh-ed25519", &[7u8; 32]]));
        assert!(check_public_key(&mismatch)
            .unwrap_err()
            .contains("holds a `ssh-ed25519` key"));
        let bad_curve = format!(
            "ecdsa-sha2-nistp384 {}",
            wire(&[b"ecdsa-sha2-nistp384", b"nistp256", &[4u8; 65]])
        );
        assert!(check_public_key(&bad_curve).unwrap_err().contains("curve"));
        assert!(check_public_key("ssh-ed25519 !!!notbase64")
            .unwrap_err()
            .contains("base64"));
        assert!(check_public_key("ssh-dss AAAA")
            .unwrap_err()
            .contains("not a supported key type"));
        assert!(check_public_key("ssh-ed25519").unwrap_err().contains("no base64 body"));
        assert!(check_public_key("").is_err());
        let truncated = format!("ssh-ed25519 {}", wire(&[b"ssh-ed25519"]));
        assert!(check_public_key(&truncated).unwrap_err().contains("truncated"));
    }

    #[test]
    fn messages_show_at_most_40_characters_of_foreign_text() {
        let long = format!("{}é {}", "x".repeat(45), wire(&[b"x"]));
        let message = check_public_key(&long).unwrap_err();
        assert!(
            message.starts_with(&format!("`{}` is not", "x".repeat(40))),
            "{message}"
        );
        let binary = format!("ssh-rsa {}", wire(&[b"ssh-\xffrsa\x01", &[1u8; 32]]));
        assert_eq!(
            check_public_key(&binary).unwrap_err(),
            "the key says `ssh-rsa` but its body holds a `ssh-\u{FFFD}rsa\u{1}` key"
        );
        let curve = format!(
            "ecdsa-sha2-nistp256 {}",
            wire(&[b"ecdsa-sha2-nistp256", "nistp256é".as_bytes(), &[4u8; 65]])
        );
        assert_eq!(
            check_public_key(&curve).unwrap_err(),
            "the key says `ecdsa-sha2-nistp256` but its curve is `nistp256é`"
        );
        let sk_curve = format!(
            "sk-ecdsa-sha2-nistp256@openssh.com {}",
            wire(&[b"sk-ecdsa-sha2-nistp256@openssh.com", b"nistp384"])
        );
        assert_eq!(
            check_public_key(&sk_curve).unwrap_err(),
            "the key says `sk-ecdsa-sha2-nistp256@openssh.com` but its curve is `nistp384`"
        );
    }
}
