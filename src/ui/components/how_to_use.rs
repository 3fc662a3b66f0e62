//! Which way of using the files fits, said plainly on the first screen, above the previews:
//! add `infra.nix` to an existing NixOS host's flake, set up a new provisioning host, or run it
//! from a laptop with `tofu`. Folded after the first look: a `<details>`, open by default.
//!
//! PLACEHOLDER: the words belong to `render::files` (the zip's README says the same); until
//! M17 exposes them (`render::files::HOW_TO_USE`), the text below stands in for them. No props:
//! it renders once.

use yew::prelude::*;

/// (title, what to do) for each way. PLACEHOLDER until `render::files::HOW_TO_USE` exists.
const WAYS: &[(&str, &str)] = &[
    (
        "You already run a NixOS host with a flake",
        "Download infra.nix only. Add it to the host's flake (copy it next to flake.nix, add terranix to its inputs) and import it from the host's own configuration; your configuration.nix and hardware-configuration.nix stay as they are.",
    ),
    (
        "A new host that provisions the stack",
        "Download all (.zip): flake.nix and configuration.nix describe a NixOS provisioning host that applies the stack with a systemd unit. Generate its hardware-configuration.nix on that machine (nixos-generate-config) before the first nixos-rebuild.",
    ),
    (
        "From your laptop, with tofu",
        "Download config.tf.json into an empty directory and run tofu init, then tofu apply, with your AWS profile.",
    ),
];

#[component]
pub fn HowToUse() -> Html {
    let way = |(title, text): &(&str, &str)| html! { <li><strong>{ *title }</strong>{ ": " }{ *text }</li> };
    html! {
        <details class="how-to-use" open=true>
            <summary>{ "How to use these files: pick the way that fits" }</summary>
            <ol>{ for WAYS.iter().map(way) }</ol>
        </details>
    }
}
