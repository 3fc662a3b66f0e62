//! An instance's NixOS configuration (`instances[i].nixos`): its host name, time zone,
//! packages, root's keys, services and swap. Extra Nix is code and is kept as typed; only the
//! text scan (NUL, control characters, secrets) applies to it. The rendered user data's size
//! is checked where it is rendered (`render::files::hosts`).

use super::{field, Validator, K};
use crate::model::document::{Document, InstanceDoc};
use crate::model::names::{is_attr_path, is_dns_label, is_domain_name, is_email, is_time_zone};
use crate::model::ssh::check_public_key;
use crate::model::stack::{Host, Nginx};

impl Validator {
    /// `Some(None)`: no configuration; `None`: errors were recorded.
    pub(super) fn host(&mut self, doc: &Document, base: &str, d: &InstanceDoc) -> Option<Option<Host>> {
        let h = &d.nixos;
        if !h.enabled {
            return Some(None);
        }
        let nixos = field(base, "nixos");
        let path = |name| field(&nixos, name);
        let mut ok = true;
        if !d.user_data.is_empty() {
            self.push(&field(base, "user_data"), K::UserDataAndHost);
            ok = false;
        }
        if d.name == doc.provisioner.host_name {
            self.push(&field(base, "name"), K::HostClash(d.name.clone()));
            ok = false;
        }
        let host_name = if h.host_name.is_empty() {
            d.name.replace('_', "-")
        } else {
            h.host_name.clone()
        };
        ok &= self.check(&path("host_name"), &host_name, is_dns_label, K::NotDnsLabel);
        let time_zone = Self::optional(&h.time_zone);
        if let Some(tz) = &time_zone {
            ok &= self.check(&path("time_zone"), tz, is_time_zone, K::NotTimeZone);
        }
        let packages: Vec<String> = super::cidr_list(&h.packages).map(str::to_owned).collect();
        for p in &packages {
            ok &= self.check(&path("packages"), p, is_attr_path, K::NotAttrPath);
        }
        let mut authorized_keys = Vec::new();
        if h.key_pair_key {
            authorized_keys.push(doc.key_pair.public_key.trim().to_owned());
        }
        let keys_path = path("authorized_keys");
        for (n, line) in h.authorized_keys.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || !self.ok(&keys_path) {
                continue;
            }
            match check_public_key(line) {
                Ok(()) => authorized_keys.push(line.to_owned()),
                Err(message) => {
                    self.push(&keys_path, K::SshKey(format!("line {}: {message}", n + 1)));
                    ok = false;
                }
            }
        }
        let swap_mib = match h.swap_mib.trim() {
            "" => None,
            text => {
                let n = self.number(&path("swap_mib"), text, "the swap file size (MiB)", 1, 1 << 20);
                ok &= n.is_some();
                n.map(|n| n as u32)
            }
        };
        let nginx = if h.nginx {
            let port = self.number(&path("nginx_port"), h.nginx_port.trim(), "the proxied port", 1, 65535);
            let acme = if h.nginx_domain.is_empty() {
                None
            } else {
                let domain_ok = self.check(&path("nginx_domain"), &h.nginx_domain, is_domain_name, K::NotDomain);
                let email_path = path("acme_email");
                let email_ok = self.needs_check(&email_path, &h.acme_email)
                    && self.check(&email_path, &h.acme_email, is_email, K::NotEmail);
                ok &= domain_ok && email_ok;
                Some((h.nginx_domain.clone(), h.acme_email.clone()))
            };
            ok &= port.is_some();
            port.map(|port| Nginx {
                port: port as u16,
                acme,
            })
        } else {
            None
        };
        let host = Host {
            host_name,
            time_zone,
            packages,
            authorized_keys,
            openssh: h.openssh,
            firewall: h.firewall,
            fail2ban: h.fail2ban,
            tailscale: h.tailscale,
            nginx,
            auto_upgrade: h.auto_upgrade,
            swap_mib,
            flakes: h.flakes,
            extra_nix: Self::optional(&h.extra_nix),
        };
        (ok && (self.ok(&path("extra_nix")))).then_some(Some(host))
    }

    /// Whether `value` passes `test`; if not, the error made from it is recorded at `path`
    /// (unless that field already has one).
    fn check(&mut self, path: &str, value: &str, test: fn(&str) -> bool, error: fn(String) -> K) -> bool {
        if !self.ok(path) {
            return false;
        }
        let good = test(value);
        if !good {
            self.push(path, error(value.to_owned()));
        }
        good
    }
}
