//! The provider and the image: region, credentials files and profile; release, architecture
//! and the AMI data source's name.

use super::{Validator, K};
use crate::model::document::Document;
use crate::model::names::{Arch, Region};
use crate::model::stack::{Image, Provider, Release, PUBLISHED_RELEASES};

/// AWS profile names: what the CLI's `aws configure --profile` and the SDKs read back from
/// `[profile NAME]` without quoting. A space is refused (the provisioning unit exports the
/// profile as `AWS_PROFILE`), and the message says so.
const PROFILE_CHARACTERS: &str = "letters, digits and _ . - @ + (no spaces)";

impl Validator {
    pub(super) fn provider(&mut self, doc: &Document) -> Option<Provider> {
        let p = &doc.provider;
        let region: Option<Region> = self.parse("provider.region", &p.region);
        for (path, file) in [
            ("provider.shared_credentials_file", &p.shared_credentials_file),
            ("provider.shared_config_file", &p.shared_config_file),
        ] {
            if !file.is_empty() && self.ok(path) {
                self.absolute_path(path, file);
            }
        }
        let profile_ok = p
            .profile
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_.-@+".contains(&b));
        if !profile_ok {
            self.push(
                "provider.profile",
                K::BadCharacters {
                    what: "profile",
                    value: p.profile.clone(),
                    allowed: PROFILE_CHARACTERS,
                },
            );
        } else {
            self.max_len("provider.profile", &p.profile, "the profile name", 128);
        }
        Some(Provider {
            region: region?,
            shared_credentials_file: Self::optional(&p.shared_credentials_file),
            shared_config_file: Self::optional(&p.shared_config_file),
            profile: Self::optional(&p.profile),
        })
    }

    pub(super) fn image(&mut self, doc: &Document) -> Option<Image> {
        let i = &doc.image;
        let release = match i.release.as_str() {
            "custom" => {
                let pat = &i.custom_pattern;
                let path = "image.custom_pattern";
                if pat.is_empty() {
                    self.push(path, K::Required);
                } else if !pat.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-/*?".contains(&b)) {
                    self.push(path, K::NotAmiPattern(pat.clone()));
                } else {
                    self.max_len(path, pat, "the AMI name pattern", 128);
                }
                self.ok(path).then(|| Release::Custom(pat.clone()))
            }
            r => match PUBLISHED_RELEASES.iter().find(|p| **p == r) {
                Some(p) => Some(Release::Published(p)),
                None if r.is_empty() => {
                    self.push("image.release", K::Required);
                    None
                }
                None if is_release_number(r) => {
                    self.push("image.release", K::ReleaseGone(r.to_owned()));
                    None
                }
                None => {
                    self.push("image.release", K::NotOneOf(r.to_owned(), "26.05, 25.11, custom"));
                    None
                }
            },
        };
        let arch = match i.architecture.as_str() {
            "x86_64" => Some(Arch::X86_64),
            "arm64" => Some(Arch::Arm64),
            other => {
                self.push("image.architecture", K::NotOneOf(other.to_owned(), "x86_64, arm64"));
                None
            }
        };
        let data_name = self.parse("image.data_name", &i.data_name);
        Some(Image {
            release: release?,
            arch: arch?,
            data_name: data_name?,
        })
    }
}

/// `NN.NN`: looks like a NixOS release number.
fn is_release_number(s: &str) -> bool {
    matches!(s.split_once('.'), Some((a, b)) if a.len() == 2 && b.len() == 2 && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit()))
}
