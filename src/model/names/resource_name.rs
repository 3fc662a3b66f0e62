//! Terraform resource names (block labels): `aws_vpc.<name>`.

use std::fmt;
use std::str::FromStr;

use crate::model::error::FieldErrorKind;

/// A Terraform block label: a letter or `_`, then letters, digits, `_` or `-`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ResourceName(String);

impl ResourceName {
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// `self` followed by a suffix that keeps it a valid name (`-route-tb-association`, `_public_ip`).
    pub fn suffixed(&self, suffix: &str) -> ResourceName {
        debug_assert!(suffix
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'));
        ResourceName(format!("{}{}", self.0, suffix))
    }
}

impl FromStr for ResourceName {
    type Err = FieldErrorKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut bytes = s.bytes();
        let first_ok = matches!(bytes.next(), Some(b) if b.is_ascii_alphabetic() || b == b'_');
        if first_ok && s.len() <= 64 && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
            Ok(ResourceName(s.to_owned()))
        } else {
            Err(FieldErrorKind::NotResourceName(s.to_owned()))
        }
    }
}

impl fmt::Display for ResourceName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_names() {
        for ok in ["nixos_x86-64", "nix-subnet", "_x", "a"] {
            assert!(ok.parse::<ResourceName>().is_ok(), "{ok}");
        }
        for bad in ["", "1abc", "-a", "a b", "a.b", "a$", "é"] {
            assert!(bad.parse::<ResourceName>().is_err(), "{bad}");
        }
    }
}
