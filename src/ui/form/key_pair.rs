//! Key pair: the public key AWS installs for root. Private keys are refused by the edit
//! screen (`model::edit::screen`) before they reach the document.

use yew::prelude::*;

use super::SectionProps;
use crate::model::edit::Text;
use crate::ui::components::text_field::TextField;

#[component]
pub fn KeyPair(props: &SectionProps) -> Html {
    let f = props.form.bind(&props.doc);
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
