//! [`NixosDoc`]: an instance's own NixOS configuration, as typed. When it is on, nixform
//! writes `hosts/<instance>.nix` and delivers it as the instance's user data (in place of raw
//! user data) and as `nixosConfigurations.<instance>` in the flake. Parsing is `validate`'s.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, expecting = "an object")]
pub struct NixosDoc {
    /// Empty: the instance's name, with `_` written `-`.
    pub host_name: String,
    /// Area/Location from the tz database, or `UTC`; empty: not set (NixOS uses UTC).
    pub time_zone: String,
    /// nixpkgs attribute paths, separated by spaces or commas (one line).
    pub packages: String,
    /// More public keys for root, one per line (the key pair's key is [`NixosDoc::key_pair_key`]).
    pub authorized_keys: String,
    /// The swap file's size in MiB; empty: no swap file.
    pub swap_mib: String,
    /// The local port nginx proxies to.
    pub nginx_port: String,
    /// The DNS name nginx serves with a certificate from Let's Encrypt; empty: plain HTTP.
    pub nginx_domain: String,
    /// The address Let's Encrypt writes to about the certificate.
    pub acme_email: String,
    /// Nix bindings inserted as typed into the module's body: the one field that is code.
    pub extra_nix: String,
    /// Write the host file and make it the instance's user data.
    pub enabled: bool,
    /// Root accepts the stack's key pair.
    pub key_pair_key: bool,
    /// OpenSSH with password and keyboard-interactive login off.
    pub openssh: bool,
    /// The NixOS firewall, opening exactly the ports the security group lets in.
    pub firewall: bool,
    pub fail2ban: bool,
    pub tailscale: bool,
    /// nginx as a reverse proxy to `nginx_port`.
    pub nginx: bool,
    /// `system.autoUpgrade` from the NixOS channel that amazon-init set.
    pub auto_upgrade: bool,
    /// `nix-command` and `flakes`.
    pub flakes: bool,
}

impl Default for NixosDoc {
    fn default() -> Self {
        NixosDoc {
            host_name: String::new(),
            time_zone: "UTC".into(),
            packages: String::new(),
            authorized_keys: String::new(),
            swap_mib: String::new(),
            nginx_port: "8080".into(),
            nginx_domain: String::new(),
            acme_email: String::new(),
            extra_nix: String::new(),
            enabled: false,
            key_pair_key: true,
            openssh: true,
            firewall: true,
            fail2ban: false,
            tailscale: false,
            nginx: false,
            auto_upgrade: false,
            flakes: true,
        }
    }
}

impl NixosDoc {
    /// Whether every field still has its default value.
    pub fn is_untouched(&self) -> bool {
        *self == NixosDoc::default()
    }
}
