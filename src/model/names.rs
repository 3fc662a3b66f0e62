//! Newtypes that parse one value each: CIDR blocks, regions, zones, instance types,
//! Terraform resource names. Each has `FromStr` (the only way in) and `Display`. Also
//! [`parse_unsigned`], the one decimal integer reader of the crate.
//! Cross-field rules (subnet inside VPC, architecture match) live in `validate`, not here.

use std::fmt;
use std::str::FromStr;

use super::error::FieldErrorKind;

/// A decimal integer as Rust's unsigned integer parsers read one (an optional `+`, then one or
/// more ASCII digits), if it is at most `max`: `parse_unsigned(s, u16::MAX.into())` accepts
/// exactly what `s.parse::<u16>()` does. One function instead of a copy of the standard parser
/// per integer type in the wasm build.
pub fn parse_unsigned(text: &str, max: u64) -> Option<u64> {
    let digits = text.strip_prefix('+').unwrap_or(text);
    if digits.is_empty() {
        return None;
    }
    let mut n: u64 = 0;
    for b in digits.bytes() {
        let digit = char::from(b).to_digit(10)?;
        n = n.checked_mul(10)?.checked_add(u64::from(digit))?;
    }
    (n <= max).then_some(n)
}

/// An IPv4 CIDR block whose host bits are zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cidr4 {
    addr: u32,
    prefix: u8,
}

impl Cidr4 {
    pub fn prefix(self) -> u8 {
        self.prefix
    }
    fn mask(prefix: u8) -> u32 {
        if prefix == 0 {
            0
        } else {
            u32::MAX << (32 - u32::from(prefix))
        }
    }
    /// First and last address of the block.
    pub fn range(self) -> (u32, u32) {
        (self.addr, self.addr | !Self::mask(self.prefix))
    }
    /// Whether `inner` lies entirely within `self`.
    pub fn contains(self, inner: Cidr4) -> bool {
        let (a, b) = self.range();
        let (c, d) = inner.range();
        a <= c && d <= b
    }
    pub fn overlaps(self, other: Cidr4) -> bool {
        let (a, b) = self.range();
        let (c, d) = other.range();
        a <= d && c <= b
    }
    /// `0.0.0.0/0`.
    pub fn is_anywhere(self) -> bool {
        self.prefix == 0
    }
}

impl FromStr for Cidr4 {
    type Err = FieldErrorKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || FieldErrorKind::NotCidr(s.to_owned());
        let (ip, prefix) = s.split_once('/').ok_or_else(bad)?;
        let mut c = Cursor::new(ip);
        let addr = c.ipv4().filter(|_| c.at_end()).ok_or_else(bad)?;
        if prefix.is_empty() || prefix.len() > 2 || !prefix.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let prefix = parse_unsigned(prefix, 32).ok_or_else(bad)? as u8;
        let network = addr & Self::mask(prefix);
        if network != addr {
            return Err(FieldErrorKind::HostBitsSet {
                given: s.to_owned(),
                suggested: Cidr4 { addr: network, prefix }.to_string(),
            });
        }
        Ok(Cidr4 { addr, prefix })
    }
}

impl fmt::Display for Cidr4 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b, c, d] = self.addr.to_be_bytes();
        write!(f, "{a}.{b}.{c}.{d}/{}", self.prefix)
    }
}

/// An IPv6 CIDR block whose host bits are zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cidr6 {
    addr: u128,
    prefix: u8,
}

impl Cidr6 {
    pub fn is_anywhere(self) -> bool {
        self.prefix == 0
    }
}

impl FromStr for Cidr6 {
    type Err = FieldErrorKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || FieldErrorKind::NotCidr6(s.to_owned());
        let (ip, prefix) = s.split_once('/').ok_or_else(bad)?;
        let mut c = Cursor::new(ip);
        let addr = c.ipv6().filter(|_| c.at_end()).ok_or_else(bad)?;
        if prefix.is_empty() || prefix.len() > 3 || !prefix.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let prefix = parse_unsigned(prefix, 128).ok_or_else(bad)? as u8;
        let mask = if prefix == 0 {
            0
        } else {
            u128::MAX << (128 - u32::from(prefix))
        };
        if addr & mask != addr {
            return Err(FieldErrorKind::HostBitsSet {
                given: s.to_owned(),
                suggested: Cidr6 {
                    addr: addr & mask,
                    prefix,
                }
                .to_string(),
            });
        }
        Ok(Cidr6 { addr, prefix })
    }
}

impl fmt::Display for Cidr6 {
    /// The canonical text (RFC 5952), as `std::net::Ipv6Addr` prints it: lower-case hex, the
    /// longest run of two or more zero groups (the first of equals) as `::`, and IPv4-mapped
    /// addresses as `::ffff:a.b.c.d`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let groups: [u16; 8] = std::array::from_fn(|i| (self.addr >> (112 - 16 * i)) as u16);
        if self.addr >> 32 == 0xffff {
            let [a, b, c, d] = (self.addr as u32).to_be_bytes();
            return write!(f, "::ffff:{a}.{b}.{c}.{d}/{}", self.prefix);
        }
        let (mut zeros_at, mut zeros_len, mut run) = (0, 0, 0);
        for (i, &g) in groups.iter().enumerate() {
            run = if g == 0 { run + 1 } else { 0 };
            if run > zeros_len {
                (zeros_at, zeros_len) = (i + 1 - run, run);
            }
        }
        let hex = |f: &mut fmt::Formatter<'_>, part: &[u16]| {
            for (i, g) in part.iter().enumerate() {
                write!(f, "{}{g:x}", if i == 0 { "" } else { ":" })?;
            }
            Ok(())
        };
        if zeros_len > 1 {
            hex(f, &groups[..zeros_at])?;
            f.write_str("::")?;
            hex(f, &groups[zeros_at + zeros_len..])?;
        } else {
            hex(f, &groups)?;
        }
        write!(f, "/{}", self.prefix)
    }
}

/// Reads IP addresses with exactly the grammar of `std::net`'s parser, which, with the std
/// printer, would add some 4 KB to the wasm (the tests compare both on many inputs). IPv4: four
/// decimal numbers 0-255 of one to three digits, without leading zeros. IPv6: up to eight groups
/// of one to four hex digits, at most one `::`, and optionally an IPv4 address as the last two.
struct Cursor<'a> {
    text: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Cursor {
            text: text.as_bytes(),
            at: 0,
        }
    }

    fn at_end(&self) -> bool {
        self.at == self.text.len()
    }

    /// `read`, or nothing consumed.
    fn attempt<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let start = self.at;
        let found = read(self);
        if found.is_none() {
            self.at = start;
        }
        found
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.text.get(self.at) == Some(&byte);
        self.at += usize::from(found);
        found
    }

    /// One to `max_digits` digits; in decimal, a leading zero only as the number zero.
    fn number(&mut self, radix: u32, max_digits: usize) -> Option<u32> {
        self.attempt(|c| {
            let start = c.at;
            let mut value = 0;
            while let Some(d) = c.text.get(c.at).and_then(|&b| char::from(b).to_digit(radix)) {
                value = value * radix + d;
                c.at += 1;
                if c.at - start > max_digits {
                    return None;
                }
            }
            let digits = c.at - start;
            let octal_like = radix == 10 && digits > 1 && c.text[start] == b'0';
            (digits > 0 && !octal_like).then_some(value)
        })
    }

    /// The separator before every item but the first, then the item.
    fn item<T>(&mut self, separator: u8, index: usize, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        self.attempt(|c| {
            if index > 0 && !c.eat(separator) {
                return None;
            }
            read(c)
        })
    }

    fn ipv4(&mut self) -> Option<u32> {
        self.attempt(|c| {
            let mut addr = 0;
            for i in 0..4 {
                let octet = c.item(b'.', i, |c| c.number(10, 3).filter(|&n| n <= 255))?;
                addr = addr << 8 | octet;
            }
            Some(addr)
        })
    }

    /// Up to `groups.len()` groups separated by `:`: how many were read, and whether the last
    /// two were an IPv4 address.
    fn ipv6_groups(&mut self, groups: &mut [u16]) -> (usize, bool) {
        let limit = groups.len();
        for i in 0..limit {
            if i + 1 < limit {
                if let Some(v4) = self.item(b':', i, Cursor::ipv4) {
                    groups[i] = (v4 >> 16) as u16;
                    groups[i + 1] = v4 as u16;
                    return (i + 2, true);
                }
            }
            match self.item(b':', i, |c| c.number(16, 4)) {
                Some(g) => groups[i] = g as u16,
                None => return (i, false),
            }
        }
        (limit, false)
    }

    fn ipv6(&mut self) -> Option<u128> {
        let mut head = [0; 8];
        let (head_len, head_ipv4) = self.ipv6_groups(&mut head);
        if head_len < 8 {
            // An IPv4 part may only end the address; otherwise `::` stands for at least one
            // zero group, and the groups after it are right-aligned.
            if head_ipv4 || !(self.eat(b':') && self.eat(b':')) {
                return None;
            }
            let mut tail = [0; 7];
            let (tail_len, _) = self.ipv6_groups(&mut tail[..7 - head_len]);
            head[8 - tail_len..].copy_from_slice(&tail[..tail_len]);
        }
        Some(head.iter().fold(0, |addr, &g| addr << 16 | u128::from(g)))
    }
}

/// AWS commercial regions (the partition `aws`), where NixOS AMIs are published.
pub const REGIONS: &[(&str, &str)] = &[
    ("af-south-1", "Africa (Cape Town)"),
    ("ap-east-1", "Asia Pacific (Hong Kong)"),
    ("ap-northeast-1", "Asia Pacific (Tokyo)"),
    ("ap-northeast-2", "Asia Pacific (Seoul)"),
    ("ap-northeast-3", "Asia Pacific (Osaka)"),
    ("ap-south-1", "Asia Pacific (Mumbai)"),
    ("ap-south-2", "Asia Pacific (Hyderabad)"),
    ("ap-southeast-1", "Asia Pacific (Singapore)"),
    ("ap-southeast-2", "Asia Pacific (Sydney)"),
    ("ap-southeast-3", "Asia Pacific (Jakarta)"),
    ("ap-southeast-4", "Asia Pacific (Melbourne)"),
    ("ap-southeast-5", "Asia Pacific (Malaysia)"),
    ("ap-southeast-7", "Asia Pacific (Thailand)"),
    ("ca-central-1", "Canada (Central)"),
    ("ca-west-1", "Canada West (Calgary)"),
    ("eu-central-1", "Europe (Frankfurt)"),
    ("eu-central-2", "Europe (Zurich)"),
    ("eu-north-1", "Europe (Stockholm)"),
    ("eu-south-1", "Europe (Milan)"),
    ("eu-south-2", "Europe (Spain)"),
    ("eu-west-1", "Europe (Ireland)"),
    ("eu-west-2", "Europe (London)"),
    ("eu-west-3", "Europe (Paris)"),
    ("il-central-1", "Israel (Tel Aviv)"),
    ("me-central-1", "Middle East (UAE)"),
    ("me-south-1", "Middle East (Bahrain)"),
    ("mx-central-1", "Mexico (Central)"),
    ("sa-east-1", "South America (São Paulo)"),
    ("us-east-1", "US East (N. Virginia)"),
    ("us-east-2", "US East (Ohio)"),
    ("us-west-1", "US West (N. California)"),
    ("us-west-2", "US West (Oregon)"),
];

/// One of [`REGIONS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region(&'static str);

impl Region {
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl FromStr for Region {
    type Err = FieldErrorKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        REGIONS
            .iter()
            .find(|(code, _)| *code == s)
            .map(|(code, _)| Region(code))
            .ok_or_else(|| FieldErrorKind::UnknownRegion(s.to_owned()))
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Where a subnet lives: a named zone of the region, or the n-th zone AWS reports as available.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Zone {
    Named(String),
    Automatic,
}

impl Zone {
    /// Parse a zone for `region`: empty or `automatic` → [`Zone::Automatic`]; otherwise the
    /// region's name followed by one letter a–z.
    pub fn parse(s: &str, region: Region) -> Result<Self, FieldErrorKind> {
        if s.is_empty() || s.eq_ignore_ascii_case("automatic") {
            return Ok(Zone::Automatic);
        }
        match s.strip_prefix(region.as_str()) {
            Some(letter) if letter.len() == 1 && letter.bytes().all(|b| b.is_ascii_lowercase()) => {
                Ok(Zone::Named(s.to_owned()))
            }
            _ => Err(FieldErrorKind::ZoneNotInRegion {
                zone: s.to_owned(),
                region: region.as_str().to_owned(),
            }),
        }
    }
}

/// CPU architecture of an image or instance type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arch {
    X86_64,
    Arm64,
}

impl Arch {
    /// The value of the AMI's `architecture` attribute.
    pub fn ami_name(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64",
            Arch::Arm64 => "arm64",
        }
    }
    /// The Nix system double.
    pub fn nix_system(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64-linux",
            Arch::Arm64 => "aarch64-linux",
        }
    }
}

impl FromStr for Arch {
    type Err = FieldErrorKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "x86_64" | "x86_64-linux" => Ok(Arch::X86_64),
            "arm64" | "aarch64" | "aarch64-linux" => Ok(Arch::Arm64),
            _ => Err(FieldErrorKind::NotOneOf(s.to_owned(), "x86_64, arm64")),
        }
    }
}

impl fmt::Display for Arch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.ami_name())
    }
}

/// An EC2 instance type such as `t3.micro` or `c7gn.16xlarge`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstanceType {
    text: String,
    dot: usize,
}

impl InstanceType {
    pub fn as_str(&self) -> &str {
        &self.text
    }
    pub fn family(&self) -> &str {
        &self.text[..self.dot]
    }
    /// The family's burst-credit class: `t2` is standard, `t3`/`t3a`/`t4g` unlimited; others none.
    pub fn is_burstable(&self) -> bool {
        self.family().starts_with('t')
    }
    /// Old families that cannot be launched EBS-optimized (newer ones are by default).
    pub fn supports_ebs_optimization(&self) -> bool {
        !matches!(
            self.family(),
            "t1" | "t2" | "m1" | "m2" | "c1" | "cc2" | "cg1" | "hi1" | "hs1" | "cr1"
        )
    }
    /// Graviton families carry a `g` in the suffix after the generation digit (t4g, m7gd,
    /// c6gn, is4gen, x2gd); `a1` is the first Graviton. Everything else here is x86_64.
    pub fn arch(&self) -> Arch {
        let family = self.family();
        if family == "a1" {
            return Arch::Arm64;
        }
        let after_letters = family.trim_start_matches(|c: char| c.is_ascii_lowercase());
        let suffix = after_letters.trim_start_matches(|c: char| c.is_ascii_digit());
        if !after_letters.is_empty() && suffix.as_bytes().contains(&b'g') {
            Arch::Arm64
        } else {
            Arch::X86_64
        }
    }
}

fn is_size(size: &str) -> bool {
    const NAMED: &[&str] = &["nano", "micro", "small", "medium", "large", "xlarge", "metal"];
    if NAMED.contains(&size) {
        return true;
    }
    if let Some(n) = size.strip_suffix("xlarge") {
        return !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()) && !n.starts_with('0');
    }
    if let Some(n) = size.strip_prefix("metal-").and_then(|r| r.strip_suffix("xl")) {
        return !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit());
    }
    false
}

impl FromStr for InstanceType {
    type Err = FieldErrorKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || FieldErrorKind::NotInstanceType(s.to_owned());
        let dot = s.find('.').ok_or_else(bad)?;
        let (family, size) = (&s[..dot], &s[dot + 1..]);
        let family_ok = family.len() <= 16
            && family.starts_with(|c: char| c.is_ascii_lowercase())
            && family.bytes().any(|b| b.is_ascii_digit())
            && family
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !family_ok || !is_size(size) {
            return Err(bad());
        }
        Ok(InstanceType {
            text: s.to_owned(),
            dot,
        })
    }
}

impl fmt::Display for InstanceType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

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

    #[track_caller]
    fn arch(t: &str) -> Arch {
        t.parse::<InstanceType>().expect("valid type").arch()
    }

    #[test]
    fn instance_type_architecture() {
        for t in [
            "t4g.nano",
            "m7g.medium",
            "c7g.large",
            "r7g.xlarge",
            "m6gd.large",
            "c6gn.16xlarge",
            "is4gen.large",
            "x2gd.metal",
            "a1.large",
            "g5g.xlarge",
            "im4gn.large",
        ] {
            assert_eq!(arch(t), Arch::Arm64, "{t}");
        }
        for t in [
            "t2.micro",
            "t3.nano",
            "t3a.small",
            "m5.large",
            "m6i.xlarge",
            "c6i.large",
            "r6i.2xlarge",
            "g4dn.xlarge",
            "p4d.24xlarge",
            "m7i-flex.large",
            "u-6tb1.112xlarge",
            "inf2.xlarge",
            "m5.metal",
        ] {
            assert_eq!(arch(t), Arch::X86_64, "{t}");
        }
    }

    #[test]
    fn instance_type_shape() {
        for bad in [
            "",
            "t3",
            "t3.",
            ".micro",
            "T3.micro",
            "t3.huge",
            "t3.0xlarge",
            "tt.micro",
            "t3.micro ",
            "t3..micro",
        ] {
            assert!(bad.parse::<InstanceType>().is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn cidr_parsing() {
        let c: Cidr4 = "10.10.0.0/24".parse().expect("valid");
        assert_eq!(c.to_string(), "10.10.0.0/24");
        assert_eq!(c.range(), (0x0a0a_0000, 0x0a0a_00ff));
        assert_eq!(
            "10.10.0.5/24".parse::<Cidr4>(),
            Err(FieldErrorKind::HostBitsSet {
                given: "10.10.0.5/24".into(),
                suggested: "10.10.0.0/24".into()
            })
        );
        for bad in [
            "10.0.0.0",
            "10.0.0.0/33",
            "10.0.0/8",
            "10.0.0.0/-1",
            "10.0.0.0/+8",
            "a.b.c.d/8",
            "10.0.0.0/ 8",
            "010.0.0.0/8",
        ] {
            assert!(bad.parse::<Cidr4>().is_err(), "{bad:?} should be refused");
        }
        let zero: Cidr4 = "0.0.0.0/0".parse().expect("valid");
        assert!(zero.is_anywhere());
        assert!(zero.contains(c));
        let a: Cidr4 = "10.10.0.0/25".parse().expect("valid");
        let b: Cidr4 = "10.10.0.128/25".parse().expect("valid");
        assert!(!a.overlaps(b));
        assert!(c.overlaps(a) && c.contains(b));
    }

    #[test]
    fn cidr6_parsing() {
        assert!("::/0".parse::<Cidr6>().expect("valid").is_anywhere());
        assert_eq!(
            "2001:db8::/32".parse::<Cidr6>().expect("valid").to_string(),
            "2001:db8::/32"
        );
        assert!(matches!(
            "2001:db8::1/32".parse::<Cidr6>(),
            Err(FieldErrorKind::HostBitsSet { .. })
        ));
        assert!("2001:db8::/129".parse::<Cidr6>().is_err());
    }

    /// A small deterministic generator for the comparisons with `std::net`.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
        /// An address with many zero groups, and sometimes IPv4-mapped.
        fn ipv6(&mut self) -> u128 {
            let mut addr = 0;
            for _ in 0..8 {
                let group = match self.below(4) {
                    0 | 1 => 0,
                    2 => self.below(16) as u128,
                    _ => self.below(0x10000) as u128,
                };
                addr = addr << 16 | group;
            }
            if self.below(8) == 0 {
                addr = 0xffff_0000_0000 | (addr & 0xffff_ffff);
            }
            addr
        }
    }

    fn ours4(s: &str) -> Option<u32> {
        let mut c = Cursor::new(s);
        c.ipv4().filter(|_| c.at_end())
    }

    fn ours6(s: &str) -> Option<u128> {
        let mut c = Cursor::new(s);
        c.ipv6().filter(|_| c.at_end())
    }

    #[test]
    fn addresses_parse_as_std_parses_them() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let alphabet = b"0123456789abcdefABCDEFg::::....";
        for _ in 0..100_000 {
            // Text near a valid address: a printed one in one of several spellings, then mutated.
            let addr = rng.ipv6();
            let full: Vec<String> = (0..8)
                .map(|i| format!("{:x}", (addr >> (112 - 16 * i)) as u16))
                .collect();
            let mut text = match rng.below(5) {
                0 => std::net::Ipv6Addr::from(addr).to_string(),
                1 => full.join(":").to_uppercase(),
                2 => format!("{}:{}", full[..6].join(":"), std::net::Ipv4Addr::from(addr as u32)),
                3 => std::net::Ipv4Addr::from(addr as u32).to_string(),
                _ => (0..rng.below(20))
                    .map(|_| char::from(alphabet[rng.below(alphabet.len())]))
                    .collect(),
            };
            for _ in 0..rng.below(3) {
                let at = rng.below(text.len() + 1);
                let c = char::from(alphabet[rng.below(alphabet.len())]);
                match rng.below(3) {
                    0 => text.insert(at, c),
                    _ if at < text.len() => {
                        text.remove(at);
                    }
                    _ => text.push(c),
                }
            }
            let std4 = text.parse::<std::net::Ipv4Addr>().ok().map(u32::from);
            let std6 = text.parse::<std::net::Ipv6Addr>().ok().map(u128::from);
            assert_eq!(ours4(&text), std4, "{text}");
            assert_eq!(ours6(&text), std6, "{text}");
        }
        for text in [
            "::",
            "::1",
            "1::",
            "1:2:3:4:5:6:7::",
            "::2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7:8::",
            "::1.2.3.4",
            "1:2:3:4:5:6:1.2.3.4",
            "1:2:3:4:5:6:7:1.2.3.4",
            "::ffff:1.2.3.04",
            "1.2.3.4::",
            ":::",
            "1:::2",
            "12345::",
            "0:0:0:0:0:0:0:0:0",
        ] {
            assert_eq!(
                ours6(text),
                text.parse::<std::net::Ipv6Addr>().ok().map(u128::from),
                "{text}"
            );
        }
    }

    #[test]
    fn ipv6_blocks_print_as_std_prints_them() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut addrs: Vec<u128> = (0..100_000).map(|_| rng.ipv6()).collect();
        addrs.extend([0, 1, u128::MAX, 0xffff_0000_0000, 0xffff << 32 | 1]);
        for addr in addrs {
            let prefix = rng.below(129) as u8;
            assert_eq!(
                Cidr6 { addr, prefix }.to_string(),
                format!("{}/{prefix}", std::net::Ipv6Addr::from(addr))
            );
        }
    }

    #[test]
    fn zones_belong_to_their_region() {
        let r: Region = "ap-southeast-2".parse().expect("known");
        assert_eq!(
            Zone::parse("ap-southeast-2a", r),
            Ok(Zone::Named("ap-southeast-2a".into()))
        );
        assert_eq!(Zone::parse("", r), Ok(Zone::Automatic));
        assert_eq!(Zone::parse("automatic", r), Ok(Zone::Automatic));
        for bad in [
            "us-east-1a",
            "ap-southeast-2",
            "ap-southeast-2ab",
            "ap-southeast-2A",
            "ap-southeast-21",
        ] {
            assert!(Zone::parse(bad, r).is_err(), "{bad}");
        }
        assert!("us-gov-west-1".parse::<Region>().is_err());
    }

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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod parse_tests {
    use super::parse_unsigned;
    use proptest::prelude::*;

    proptest! {
        /// The same answers as the standard library's parsers, for every type it replaces.
        #[test]
        fn parse_unsigned_reads_like_std(text in "[+-]?[0-9]{0,22}|[+0-9a ]{0,6}|.{0,4}") {
            prop_assert_eq!(parse_unsigned(&text, u8::MAX.into()), text.parse::<u8>().ok().map(u64::from));
            prop_assert_eq!(parse_unsigned(&text, u16::MAX.into()), text.parse::<u16>().ok().map(u64::from));
            prop_assert_eq!(parse_unsigned(&text, u64::MAX), text.parse::<u64>().ok());
            prop_assert_eq!(parse_unsigned(&text, usize::MAX as u64), text.parse::<usize>().ok().map(|n| n as u64));
        }
    }

    #[test]
    fn parse_unsigned_edges() {
        assert_eq!(parse_unsigned("18446744073709551615", u64::MAX), Some(u64::MAX));
        assert_eq!(parse_unsigned("18446744073709551616", u64::MAX), None);
        assert_eq!(parse_unsigned("+0", 0), Some(0));
        assert_eq!(parse_unsigned("256", 255), None);
        assert_eq!(parse_unsigned("+", 9), None);
        assert_eq!(parse_unsigned("", 9), None);
        assert_eq!(parse_unsigned("-1", 9), None);
        assert_eq!(parse_unsigned("0x1", 9), None);
    }
}
