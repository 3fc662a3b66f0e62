//! How the provisioner runs OpenTofu: where the AWS provider comes from, when it applies,
//! the state backend, state encryption, and how credentials reach the unit. The unit, host
//! and tool are `provisioner`'s.

use super::{Validator, K};
use crate::model::document::ProvisionerDoc;
use crate::model::names::Region;
use crate::model::stack::{ApplyOn, Backend, Credentials, Encryption, S3Backend, Tool};

impl Validator {
    /// `(provider from the store, apply on)`.
    pub(super) fn run_mode(&mut self, p: &ProvisionerDoc) -> (Option<bool>, Option<ApplyOn>) {
        let store = match p.provider_source.as_str() {
            "store" => Some(true),
            "download" => Some(false),
            other => {
                self.push(
                    "provisioner.provider_source",
                    K::NotOneOf(other.to_owned(), "store, download"),
                );
                None
            }
        };
        let apply_on = match p.apply_on.as_str() {
            "change" => Some(ApplyOn::Change),
            "boot" => Some(ApplyOn::Boot),
            "plan" => Some(ApplyOn::Plan),
            other => {
                self.push(
                    "provisioner.apply_on",
                    K::NotOneOf(other.to_owned(), "change, boot, plan"),
                );
                None
            }
        };
        (store, apply_on)
    }

    pub(super) fn backend(&mut self, p: &ProvisionerDoc, region: Option<Region>) -> Option<Backend> {
        match p.backend.as_str() {
            "local" => Some(Backend::Local),
            "s3" => {
                let bucket = self.bucket(&p.s3_bucket);
                let key = self.state_key(&p.s3_key);
                let region = if p.s3_region.is_empty() {
                    region
                } else {
                    self.parse("provisioner.s3_region", &p.s3_region)
                };
                let kms = self.kms_key("provisioner.s3_kms_key_id", &p.s3_kms_key_id, true);
                Some(Backend::S3(S3Backend {
                    bucket: bucket?,
                    key: key?,
                    region: region?,
                    kms_key_id: kms?,
                }))
            }
            other => {
                self.push("provisioner.backend", K::NotOneOf(other.to_owned(), "local, s3"));
                None
            }
        }
    }

    /// `None` is an error; `Some(None)` is no encryption.
    pub(super) fn encryption(&mut self, p: &ProvisionerDoc, tool: Option<Tool>) -> Option<Option<Encryption>> {
        let encryption = match p.encryption.as_str() {
            "none" => return Some(None),
            "passphrase" => {
                let path = "provisioner.passphrase_file";
                self.secret_path(path, &p.passphrase_file)
                    .then(|| Encryption::Passphrase {
                        file: p.passphrase_file.clone(),
                    })
            }
            "kms" => {
                let key = self.kms_key("provisioner.encryption_kms_key_id", &p.encryption_kms_key_id, false);
                match key {
                    Some(Some(key_id)) => Some(Encryption::Kms { key_id }),
                    Some(None) => {
                        self.push("provisioner.encryption_kms_key_id", K::Required);
                        None
                    }
                    None => None,
                }
            }
            other => {
                self.push(
                    "provisioner.encryption",
                    K::NotOneOf(other.to_owned(), "none, passphrase, kms"),
                );
                None
            }
        };
        if tool == Some(Tool::Terraform) {
            self.push("provisioner.encryption", K::EncryptionNeedsOpenTofu);
            return None;
        }
        encryption.map(Some)
    }

    pub(super) fn credentials(&mut self, p: &ProvisionerDoc, files: [&str; 2]) -> Option<Credentials> {
        match p.credentials.as_str() {
            "paths" => Some(Credentials::Paths),
            "load-credential" => {
                let paths = ["provider.shared_credentials_file", "provider.shared_config_file"];
                let mut ok = true;
                for (path, file) in paths.into_iter().zip(files) {
                    if !file.is_empty() && self.ok(path) && !systemd_path(file) {
                        self.push(path, K::NotSystemdPath(file.to_owned()));
                        ok = false;
                    }
                }
                if files.iter().all(|f| f.is_empty()) {
                    self.push(paths[0], K::Required);
                    ok = false;
                }
                ok.then_some(Credentials::LoadCredential)
            }
            "environment-file" => {
                let path = "provisioner.environment_file";
                self.secret_path(path, &p.environment_file)
                    .then(|| Credentials::EnvironmentFile(p.environment_file.clone()))
            }
            other => {
                self.push(
                    "provisioner.credentials",
                    K::NotOneOf(other.to_owned(), "paths, load-credential, environment-file"),
                );
                None
            }
        }
    }

    /// The flake's directory on the host: absolute, without a trailing `/`.
    pub(super) fn flake_directory(&mut self, text: &str) -> Option<String> {
        let path = "provisioner.flake_directory";
        if !self.needs_check(path, text) {
            return None;
        }
        if !self.absolute_path(path, text) {
            return None;
        }
        let trimmed = text.trim_end_matches('/');
        Some(if trimmed.is_empty() { "/" } else { trimmed }.to_owned())
    }

    /// A file with a secret in it that systemd or the unit's script reads: absolute, outside
    /// the Nix store, no spaces or `%`.
    fn secret_path(&mut self, path: &str, file: &str) -> bool {
        if !self.needs_check(path, file) || !self.absolute_path(path, file) {
            return false;
        }
        let kind = if file.starts_with("/nix/store/") {
            K::InNixStore(file.to_owned())
        } else if !systemd_path(file) {
            K::NotSystemdPath(file.to_owned())
        } else {
            return true;
        };
        self.push(path, kind);
        false
    }

    fn bucket(&mut self, name: &str) -> Option<String> {
        let path = "provisioner.s3_bucket";
        if !self.needs_check(path, name) {
            return None;
        }
        if is_bucket_name(name) {
            Some(name.to_owned())
        } else {
            self.push(path, K::NotBucketName(name.to_owned()));
            None
        }
    }

    /// Any text (the backend reads it literally), but S3's and the backend's own rules.
    fn state_key(&mut self, key: &str) -> Option<String> {
        let path = "provisioner.s3_key";
        if !self.needs_check(path, key) {
            return None;
        }
        if key.len() > 1024 {
            self.push(
                path,
                K::TooLong {
                    what: "the state key",
                    len: key.len(),
                    max: 1024,
                },
            );
            return None;
        }
        if key.starts_with('/') || key.ends_with('/') || key.contains("//") {
            self.push(path, K::NotStateKey(key.to_owned()));
            return None;
        }
        Some(key.to_owned())
    }

    /// `None`: an error; `Some(None)`: empty.
    fn kms_key(&mut self, path: &str, key: &str, arn_only: bool) -> Option<Option<String>> {
        if key.is_empty() {
            return Some(None);
        }
        let shape = kms_key_shape(key);
        match shape {
            Some(KmsKey::Arn) => Some(Some(key.to_owned())),
            Some(KmsKey::Short) if !arn_only => Some(Some(key.to_owned())),
            Some(KmsKey::Short) => {
                self.push(path, K::KmsKeyNeedsArn(key.to_owned()));
                None
            }
            None => {
                self.push(path, K::NotKmsKey(key.to_owned()));
                None
            }
        }
    }
}

/// No whitespace, no `%` (systemd's specifiers) and no quotes or backslashes, which systemd's
/// directives would read as syntax.
fn systemd_path(file: &str) -> bool {
    !file.chars().any(|c| c.is_whitespace() || "%\"'\\".contains(c))
}

/// S3's general-purpose bucket naming rules.
fn is_bucket_name(name: &str) -> bool {
    let b = name.as_bytes();
    let edge = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    let looks_like_ip = name.split('.').count() == 4 && name.split('.').all(|p| p.parse::<u8>().is_ok());
    (3..=63).contains(&b.len())
        && b.first().is_some_and(edge)
        && b.last().is_some_and(edge)
        && b.iter().all(|c| edge(c) || *c == b'.' || *c == b'-')
        && !name.contains("..")
        && !name.contains(".-")
        && !name.contains("-.")
        && !looks_like_ip
        && !name.starts_with("xn--")
        && !name.starts_with("sthree-")
        && !name.ends_with("-s3alias")
        && !name.ends_with("--ol-s3")
}

enum KmsKey {
    /// `arn:aws:kms:REGION:ACCOUNT:key/ID` or `...:alias/NAME`.
    Arn,
    /// `alias/NAME` or a key ID.
    Short,
}

fn kms_key_shape(key: &str) -> Option<KmsKey> {
    let id_ok = |id: &str| {
        !id.is_empty() && id.len() <= 256 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_/".contains(&b))
    };
    if let Some(rest) = key.strip_prefix("arn:") {
        let mut parts = rest.splitn(5, ':');
        let partition = parts.next()?;
        let service = parts.next()?;
        let region = parts.next()?;
        let account = parts.next()?;
        let resource = parts.next()?;
        let resource_ok = resource
            .strip_prefix("key/")
            .or_else(|| resource.strip_prefix("alias/"))
            .is_some_and(id_ok);
        let ok = partition.starts_with("aws")
            && service == "kms"
            && region.parse::<Region>().is_ok()
            && account.len() == 12
            && account.bytes().all(|b| b.is_ascii_digit())
            && resource_ok;
        return ok.then_some(KmsKey::Arn);
    }
    let short = key.strip_prefix("alias/").unwrap_or(key);
    id_ok(short).then_some(KmsKey::Short)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_names_follow_s3s_rules() {
        for good in ["abc", "my-state.bucket", "nixform-state-123456789012", "a1b"] {
            assert!(is_bucket_name(good), "{good}");
        }
        for bad in [
            "ab",
            "My-Bucket",
            "-abc",
            "abc-",
            "a..b",
            "a.-b",
            "192.168.1.1",
            "xn--abc",
            "abc-s3alias",
            "a_b",
            "a b",
            "${x}",
            &"a".repeat(64),
        ] {
            assert!(!is_bucket_name(bad), "{bad}");
        }
    }

    #[test]
    fn kms_keys_are_arns_aliases_or_ids() {
        let arn = "arn:aws:kms:ap-southeast-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        assert!(matches!(kms_key_shape(arn), Some(KmsKey::Arn)));
        assert!(matches!(
            kms_key_shape("arn:aws:kms:us-east-1:123456789012:alias/state"),
            Some(KmsKey::Arn)
        ));
        assert!(matches!(kms_key_shape("alias/state"), Some(KmsKey::Short)));
        assert!(matches!(
            kms_key_shape("1234abcd-12ab-34cd-56ef-1234567890ab"),
            Some(KmsKey::Short)
        ));
        for bad in [
            "arn:aws:s3:::bucket",
            "arn:aws:kms:nowhere-1:123456789012:key/x",
            "arn:aws:kms:us-east-1:1234:key/x",
            "key with space",
            "${x}",
        ] {
            assert!(kms_key_shape(bad).is_none(), "{bad}");
        }
    }
}
