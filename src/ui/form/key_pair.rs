//! Key pair: the public key AWS installs for root. Private keys are refused by the edit
//! screen (`model::edit::screen`) before they reach the document.
//!
//! A view function, not a component: its few controls are components that skip their
//! re-render when unchanged, and a component type costs about 700 bytes of shipped gzip.

use yew::prelude::*;

use crate::model::edit::Text;
use crate::model::Document;
use crate::ui::components::text_field::TextField;
use crate::ui::field::FormCtx;

/// The section, drawn by the form on each of its renders (see the module docs).
pub fn key_pair(doc: &Document, form: &FormCtx) -> Html {
    let f = form.bind(doc);
    html! {
        <fieldset id="section-key-pair">
            <legend>{ "Key pair" }</legend>
            <div class="grid">
                <TextField bind={f.text(Text::KeyName)}
                    help="The key pair's name in AWS, e.g. default-key." />
                <div class="wide">
                    <TextField bind={f.text(Text::PublicKey)}
                        help="Paste the .pub file: ssh-ed25519 AAAA… you@host. Never the private key." />
                </div>
            </div>
            <details>
                <summary>{ "Advanced: resource name" }</summary>
                <div class="grid">
                    <TextField bind={f.text(Text::KeyPairResourceName)}
                        help="Terraform name of the aws_key_pair." />
                </div>
            </details>
        </fieldset>
    }
}
