//! Key pair: the public key AWS installs for root. Private keys are refused by the edit screen.

use yew::prelude::*;

use crate::model::document::KeyPairDoc;
use crate::ui::field::Fields;

pub fn key_pair(d: &KeyPairDoc, f: &Fields) -> Html {
    html! {
        <fieldset id="section-key-pair">
            <legend>{ "Key pair" }</legend>
            <div class="grid">
                { f.text("key_pair.key_name", "Key name", "The key pair's name in AWS, e.g. default-key.", &d.key_name) }
                <div class="wide">
                    { f.text("key_pair.public_key", "Public key", "Paste the .pub file: ssh-ed25519 AAAA… you@host. Never the private key.", &d.public_key) }
                </div>
            </div>
            <details>
                <summary>{ "Advanced: resource name" }</summary>
                <div class="grid">
                    { f.text("key_pair.resource_name", "Resource name", "Terraform name of the aws_key_pair.", &d.resource_name) }
                </div>
            </details>
        </fieldset>
    }
}
