//! Which way of using the files fits, said plainly on the first screen, above the previews:
//! add `infra.nix` to an existing NixOS host's flake, set up a new provisioning host, or run it
//! from a laptop with `tofu`. Folded after the first look: a `<details>`, open by default.
//! The words are `render::files::HOW_TO_USE`, which the zip's README says too.
//!
//! A view function, not a component: it has no hooks, and a component type costs about 700
//! bytes of shipped gzip (docs/performance.md); its parent redraws it, a few static elements.

use yew::prelude::*;

use crate::render::files::HOW_TO_USE;

/// The folded list of ways.
pub fn how_to_use() -> Html {
    let way = |(title, text): &(&str, &str)| html! { <li><strong>{ *title }</strong>{ ": " }{ *text }</li> };
    html! {
        <details class="how-to-use" open=true>
            <summary>{ "How to use these files: pick the way that fits" }</summary>
            <ol>{ for HOW_TO_USE.iter().map(way) }</ol>
        </details>
    }
}
