//! The provisioner: the systemd unit, its state directory, the tool, and the host's name and
//! system; how it runs OpenTofu is `state`'s.

use super::{Validator, K};
use crate::model::document::Document;
use crate::model::names::{is_dns_label, Arch, Region};
use crate::model::stack::{Provisioner, Tool};

impl Validator {
    pub(super) fn provisioner(&mut self, doc: &Document, region: Option<Region>) -> Option<Provisioner> {
        let p = &doc.provisioner;
        let unit_ok = !p.unit_name.is_empty()
            && p.unit_name.len() <= 200
            && !p.unit_name.ends_with(".service")
            && p.unit_name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b":_.-".contains(&b));
        if !unit_ok {
            self.push(
                "provisioner.unit_name",
                if p.unit_name.is_empty() {
                    K::Required
                } else {
                    K::NotUnitName(p.unit_name.clone())
                },
            );
        }
        let dir = &p.state_directory;
        let dir_ok = !dir.is_empty()
            && dir.len() <= 200
            && !dir.starts_with('/')
            && !dir.ends_with('/')
            && dir.split('/').all(|seg| !seg.is_empty() && seg != "." && seg != "..")
            && dir.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-/".contains(&b));
        if !dir_ok {
            self.push(
                "provisioner.state_directory",
                if dir.is_empty() {
                    K::Required
                } else {
                    K::NotStateDirectory(dir.clone())
                },
            );
        }
        let tool = match p.tool.as_str() {
            "opentofu" => Some(Tool::OpenTofu),
            "terraform" => Some(Tool::Terraform),
            other => {
                self.push("provisioner.tool", K::NotOneOf(other.to_owned(), "opentofu, terraform"));
                None
            }
        };
        let host = &p.host_name;
        let host_ok = is_dns_label(host) && host.starts_with(|c: char| c.is_ascii_alphabetic());
        if !host_ok {
            self.push(
                "provisioner.host_name",
                if host.is_empty() {
                    K::Required
                } else {
                    K::NotHostName(host.clone())
                },
            );
        }
        let host_system = match p.host_system.as_str() {
            "x86_64-linux" => Some(Arch::X86_64),
            "aarch64-linux" => Some(Arch::Arm64),
            other => {
                self.push(
                    "provisioner.host_system",
                    K::NotOneOf(other.to_owned(), "x86_64-linux, aarch64-linux"),
                );
                None
            }
        };
        let (provider_from_store, apply_on) = self.run_mode(p);
        let backend = self.backend(p, region);
        let encryption = self.encryption(p, tool);
        let files = [
            doc.provider.shared_credentials_file.as_str(),
            doc.provider.shared_config_file.as_str(),
        ];
        let credentials = self.credentials(p, files);
        let flake_directory = self.flake_directory(&p.flake_directory);
        (unit_ok && dir_ok && host_ok).then_some(())?;
        Some(Provisioner {
            unit_name: p.unit_name.clone(),
            state_directory: dir.clone(),
            tool: tool?,
            host_name: host.clone(),
            host_system: host_system?,
            provider_from_store: provider_from_store?,
            apply_on: apply_on?,
            backend: backend?,
            encryption: encryption?,
            credentials: credentials?,
            flake_directory: flake_directory?,
        })
    }
}
