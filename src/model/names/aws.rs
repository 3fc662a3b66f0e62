//! AWS values: regions, availability zones, CPU architectures and EC2 instance types.

use std::fmt;
use std::str::FromStr;

use super::instance_types::{is_known_instance_type, nearest_instance_type};
use crate::model::error::FieldErrorKind;

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

impl InstanceType {
    /// A type of the form `family.size`, known or not (the architecture rules apply to any).
    fn parse_shape(s: &str) -> Result<Self, FieldErrorKind> {
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

/// Case and surrounding spaces are not part of a type: `T4G.SMALL ` is `t4g.small`. A
/// well-formed type that is not in [`super::INSTANCE_FAMILIES`] is refused with the nearest
/// known one.
impl FromStr for InstanceType {
    type Err = FieldErrorKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let normal = s.trim().to_ascii_lowercase();
        let parsed = Self::parse_shape(&normal);
        if parsed.is_ok() && is_known_instance_type(&normal) {
            return parsed;
        }
        // A typo (`t4g.smal`, `t4gsmall`) gets the nearest known type; other text the shape.
        match nearest_instance_type(&normal) {
            nearest @ Some(_) => Err(FieldErrorKind::UnknownInstanceType {
                given: s.to_owned(),
                nearest,
            }),
            None if parsed.is_ok() => Err(FieldErrorKind::UnknownInstanceType {
                given: s.to_owned(),
                nearest: None,
            }),
            None => Err(FieldErrorKind::NotInstanceType(s.to_owned())),
        }
    }
}

impl fmt::Display for InstanceType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn arch(t: &str) -> Arch {
        InstanceType::parse_shape(t).expect("valid type").arch()
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
        for bad in ["", "t3", "zz.huge", "t3.0000xlarge0", "tt.micro.x.y", "x"] {
            assert_eq!(
                bad.parse::<InstanceType>(),
                Err(FieldErrorKind::NotInstanceType(bad.into())),
                "{bad:?} should be refused"
            );
        }
    }

    #[test]
    fn instance_types_are_normalised_and_known() {
        for (given, want) in [
            ("T4G.SMALL ", "t4g.small"),
            (" t3.Micro", "t3.micro"),
            ("m7g.large", "m7g.large"),
        ] {
            assert_eq!(given.parse::<InstanceType>().map(|t| t.to_string()), Ok(want.into()));
        }
        for (given, nearest) in [
            ("t4g.smal", Some("t4g.small")),
            ("T4G.SMAL", Some("t4g.small")),
            ("g4dn.xlarge", None),
        ] {
            assert_eq!(
                given.parse::<InstanceType>(),
                Err(FieldErrorKind::UnknownInstanceType {
                    given: given.into(),
                    nearest: nearest.map(Into::into)
                })
            );
        }
        let message = "t4g.smal"
            .parse::<InstanceType>()
            .map(|_| ())
            .expect_err("unknown")
            .to_string();
        assert_eq!(
            message,
            "`t4g.smal` is not a known instance type; did you mean `t4g.small`?"
        );
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
}
