//! One instance's "NixOS configuration" section, inside its card: the switch that turns it on
//! and, while it is on, the host's name, time zone, packages, keys, services, swap and extra
//! Nix. What it becomes (`hosts/<instance>.nix`, the user data, the flake entry) is `render`'s.
//! The controls are rows of tables, laid out by one loop each. A view function: its card, its
//! one parent, redraws it with itself, and its controls skip their re-render when unchanged.

use yew::prelude::*;

use crate::model::edit::{Flag, HostFlag as F, HostText as T, Text};
use crate::model::Document;
use crate::ui::components::checkbox::Checkbox;
use crate::ui::components::text_field::{Kind, TextField};
use crate::ui::field::FormCtx;

/// A text control: its field, help text and kind.
type TextRow = (T, &'static str, Kind);

const NAMES: &[TextRow] = &[
    (T::HostName, "A DNS label; empty: the instance's name.", Kind::Line),
    (T::TimeZone, "Area/Location, e.g. Europe/Berlin, or UTC.", Kind::Line),
    (T::Packages, "nixpkgs attribute names, e.g. git htop.", Kind::Line),
    (T::SwapMib, "Optional: a swap file, e.g. 1024.", Kind::Number),
    (
        T::AuthorizedKeys,
        "Optional: one public key per line, beside the key pair's.",
        Kind::Area,
    ),
];

const SERVICES: &[(F, &str)] = &[
    (F::KeyPairKey, "The key pair's public key in root's authorized keys."),
    (F::Openssh, "Keys only: password and keyboard-interactive login off."),
    (
        F::Firewall,
        "Opens exactly the TCP and UDP ports the security group lets in.",
    ),
    (F::Fail2ban, "Bans addresses that keep failing to log in."),
    (F::Tailscale, "Joins a tailnet once you run tailscale up."),
    (F::Nginx, "A reverse proxy to a local port."),
    (F::AutoUpgrade, "system.autoUpgrade from the NixOS channel."),
    (F::Flakes, "nix-command and flakes."),
];

const NGINX: &[TextRow] = &[
    (
        T::NginxPort,
        "The local port nginx proxies to, e.g. 8080.",
        Kind::Number,
    ),
    (
        T::NginxDomain,
        "Optional: a name that points to this host, for a Let's Encrypt certificate.",
        Kind::Line,
    ),
    (
        T::AcmeEmail,
        "Let's Encrypt writes here about the certificate.",
        Kind::Line,
    ),
];

const EXTRA: &[TextRow] = &[(
    T::ExtraNix,
    "Nix code, inserted as typed into the module's body, e.g. services.fwupd.enable = true; \
     The one field whose text becomes code: the nixform CLI parses it with nix-instantiate.",
    Kind::Area,
)];

const ENABLED: &[(F, &str)] = &[(
    F::Enabled,
    "Writes hosts/<instance>.nix and makes it the user data, in place of the user data below. \
     amazon-init applies it at first boot, and again at every boot (nixpkgs#41826); later the \
     flake's nixos-rebuild command updates the host.",
)];

/// The section of instance `i`, drawn by its card.
pub fn host_section(i: usize, doc: &Document, form: &FormCtx) -> Html {
    let f = form.bind(doc);
    let nixos = doc.instances.get(i).map(|d| &d.nixos);
    let (enabled, nginx) = nixos.map_or((false, false), |n| (n.enabled, n.nginx));
    let texts = |rows: &[TextRow]| -> Html {
        let fields = rows.iter().map(|&(field, help, kind)| {
            let control = html! { <TextField bind={f.text(Text::Host(i, field))} {help} {kind} /> };
            match kind {
                Kind::Area => html! { <div class="wide">{ control }</div> },
                _ => control,
            }
        });
        html! { <div class="grid">{ for fields }</div> }
    };
    let checks = |rows: &[(F, &'static str)]| -> Html {
        let boxes = rows
            .iter()
            .map(|&(flag, help)| html! { <Checkbox bind={f.flag(Flag::Host(i, flag))} {help} /> });
        html! { <div class="checks">{ for boxes }</div> }
    };
    let switch = checks(ENABLED);
    if !enabled {
        return switch;
    }
    html! {
        <>
            { switch }
            { texts(NAMES) }
            { checks(SERVICES) }
            if nginx {
                { texts(NGINX) }
            }
            { texts(EXTRA) }
        </>
    }
}
