//! CIDR blocks: [`Cidr4`] and [`Cidr6`], over `ipnet` for the arithmetic (containment, overlap,
//! the network address) and `std::net` for reading addresses.
//!
//! Our rules on top of those crates, kept explicit: the address is read by `std::net` (no leading
//! zeros in IPv4, so `010.0.0.0` is refused rather than read as octal or decimal); the prefix is
//! one or two digits (three for IPv6) and nothing else (no `+8`, no spaces); and the host bits
//! must be zero, with the block the person probably meant in the message.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use ipnet::{Ipv4Net, Ipv6Net};

use crate::model::error::FieldErrorKind;

/// `address/prefix` split at the slash, with the prefix read as at most `max_digits` ASCII
/// digits; `None` when the text does not have that shape.
fn split_prefix(text: &str, max_digits: usize) -> Option<(&str, u8)> {
    let (address, prefix) = text.split_once('/')?;
    let digits_only = !prefix.is_empty() && prefix.len() <= max_digits && prefix.bytes().all(|b| b.is_ascii_digit());
    digits_only.then_some(())?;
    Some((address, prefix.parse().ok()?))
}

/// An IPv4 CIDR block whose host bits are zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cidr4(Ipv4Net);

impl Cidr4 {
    /// The block as `ipnet` sees it (for host counts and other arithmetic).
    pub fn net(self) -> Ipv4Net {
        self.0
    }
    pub fn prefix(self) -> u8 {
        self.0.prefix_len()
    }
    /// Whether `inner` lies entirely within `self`.
    pub fn contains(self, inner: Cidr4) -> bool {
        self.0.contains(&inner.0)
    }
    /// Whether the two blocks share an address: for CIDR blocks, one holds the other.
    pub fn overlaps(self, other: Cidr4) -> bool {
        self.contains(other) || other.contains(self)
    }
    /// `0.0.0.0/0`.
    pub fn is_anywhere(self) -> bool {
        self.prefix() == 0
    }
}

impl FromStr for Cidr4 {
    type Err = FieldErrorKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || FieldErrorKind::NotCidr(s.to_owned());
        let (address, prefix) = split_prefix(s, 2).ok_or_else(bad)?;
        let address: Ipv4Addr = address.parse().map_err(|_| bad())?;
        let net = Ipv4Net::new(address, prefix).map_err(|_| bad())?;
        if net.network() != address {
            return Err(FieldErrorKind::HostBitsSet {
                given: s.to_owned(),
                suggested: net.trunc().to_string(),
            });
        }
        Ok(Cidr4(net))
    }
}

impl fmt::Display for Cidr4 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// An IPv6 CIDR block whose host bits are zero. It prints in the canonical form of RFC 5952
/// (`std::net`'s), whatever spelling was typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cidr6(Ipv6Net);

impl Cidr6 {
    /// The block as `ipnet` sees it.
    pub fn net(self) -> Ipv6Net {
        self.0
    }
    /// `::/0`.
    pub fn is_anywhere(self) -> bool {
        self.0.prefix_len() == 0
    }
}

impl FromStr for Cidr6 {
    type Err = FieldErrorKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || FieldErrorKind::NotCidr6(s.to_owned());
        let (address, prefix) = split_prefix(s, 3).ok_or_else(bad)?;
        let address: Ipv6Addr = address.parse().map_err(|_| bad())?;
        let net = Ipv6Net::new(address, prefix).map_err(|_| bad())?;
        if net.network() != address {
            return Err(FieldErrorKind::HostBitsSet {
                given: s.to_owned(),
                suggested: net.trunc().to_string(),
            });
        }
        Ok(Cidr6(net))
    }
}

impl fmt::Display for Cidr6 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn v4(s: &str) -> Cidr4 {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn ipv4_blocks() {
        let c = v4("10.10.0.0/24");
        assert_eq!(c.to_string(), "10.10.0.0/24");
        assert_eq!(c.prefix(), 24);
        assert_eq!(c.net().hosts().count(), 254);
        assert_eq!(v4("10.0.0.0/08").to_string(), "10.0.0.0/8");
        assert_eq!(
            "10.10.0.5/24".parse::<Cidr4>(),
            Err(FieldErrorKind::HostBitsSet {
                given: "10.10.0.5/24".into(),
                suggested: "10.10.0.0/24".into()
            })
        );
        for bad in [
            "",
            "/",
            "10.0.0.0",
            "10.0.0.0/",
            "10.0.0.0/33",
            "10.0.0.0/100",
            "10.0.0/8",
            "10.0.0.0.0/8",
            "10.0.0.0/-1",
            "10.0.0.0/+8",
            "a.b.c.d/8",
            "10.0.0.0/ 8",
            " 10.0.0.0/8",
            "10.0.0.0/8/8",
            "010.0.0.0/8",
            "10.0.0.256/32",
            "::/0",
        ] {
            assert_eq!(
                bad.parse::<Cidr4>(),
                Err(FieldErrorKind::NotCidr(bad.into())),
                "{bad:?} should be refused"
            );
        }
    }

    #[test]
    fn ipv4_containment_and_overlap() {
        let (vpc, a, b) = (v4("10.10.0.0/24"), v4("10.10.0.0/25"), v4("10.10.0.128/25"));
        let zero = v4("0.0.0.0/0");
        assert!(zero.is_anywhere() && !vpc.is_anywhere());
        assert!(zero.contains(vpc) && vpc.contains(a) && vpc.contains(b) && vpc.contains(vpc));
        assert!(!a.contains(vpc) && !a.contains(b));
        assert!(!a.overlaps(b) && !b.overlaps(a));
        assert!(vpc.overlaps(a) && a.overlaps(vpc) && a.overlaps(a));
        assert!(!v4("10.10.1.0/24").overlaps(vpc));
    }

    #[test]
    fn ipv6_blocks() {
        assert!("::/0".parse::<Cidr6>().expect("valid").is_anywhere());
        for (typed, printed) in [
            ("2001:db8::/32", "2001:db8::/32"),
            ("2001:DB8:0:0::/64", "2001:db8::/64"),
            ("0:0:0:0:0:0:0:0/128", "::/128"),
            ("::ffff:10.0.0.0/104", "::ffff:10.0.0.0/104"),
            ("2001:db8:0:1::/064", "2001:db8:0:1::/64"),
        ] {
            assert_eq!(typed.parse::<Cidr6>().map(|c| c.to_string()).as_deref(), Ok(printed));
        }
        assert_eq!(
            "2001:db8::1/32".parse::<Cidr6>(),
            Err(FieldErrorKind::HostBitsSet {
                given: "2001:db8::1/32".into(),
                suggested: "2001:db8::/32".into()
            })
        );
        for bad in [
            "2001:db8::/129",
            "2001:db8::/0128",
            "2001:db8::",
            "2001:db8::/+32",
            "1:::2/64",
            "10.0.0.0/8",
            "[::]/0",
        ] {
            assert_eq!(
                bad.parse::<Cidr6>(),
                Err(FieldErrorKind::NotCidr6(bad.into())),
                "{bad:?} should be refused"
            );
        }
    }
}
