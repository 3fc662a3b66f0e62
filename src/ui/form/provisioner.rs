//! Provisioner: the NixOS host that applies this stack, its systemd unit running OpenTofu or
//! Terraform (flake.nix, infra.nix), and how it runs: where the AWS provider comes from, when
//! the unit applies, where the state lives, state encryption and how credentials reach it.
//! Fields that only matter for one choice (the bucket for S3, the key for KMS) show with it.
//!
//! A view function, not a component, as the other one-of sections: its controls are
//! components that skip their re-render when unchanged.

use yew::prelude::*;

use crate::model::edit::Text;
use crate::model::Document;
use crate::ui::components::select_field::{Choices, SelectField};
use crate::ui::components::text_field::TextField;
use crate::ui::field::FormCtx;

const SYSTEMS: &[(&str, &str)] = &[("x86_64-linux", "x86_64-linux"), ("aarch64-linux", "aarch64-linux")];

const TOOLS: &[(&str, &str)] = &[("opentofu", "OpenTofu"), ("terraform", "Terraform")];

const SOURCES: &[(&str, &str)] = &[("store", "Nix store"), ("download", "Downloaded by init")];

const APPLY_ON: &[(&str, &str)] = &[("change", "On change"), ("boot", "Also at boot"), ("plan", "Plan only")];

const BACKENDS: &[(&str, &str)] = &[("local", "Local"), ("s3", "S3")];

const ENCRYPTION: &[(&str, &str)] = &[("none", "None"), ("passphrase", "Passphrase file"), ("kms", "KMS key")];

const CREDENTIALS: &[(&str, &str)] = &[
    ("paths", "Provider's files"),
    ("load-credential", "LoadCredential="),
    ("environment-file", "EnvironmentFile="),
];

/// The section, drawn by the form on each of its renders (see the module docs).
pub fn provisioner(doc: &Document, form: &FormCtx) -> Html {
    let f = form.bind(doc);
    let p = &doc.provisioner;
    let s3 = p.backend == "s3";
    html! {
        <fieldset id="section-provisioner">
            <legend>{ "Provisioner" }</legend>
            <p class="section-help">
                { "The NixOS host that applies this stack (flake.nix, infra.nix), and the flake apps plan, apply and destroy." }
            </p>
            <div class="grid">
                <TextField bind={f.text(Text::HostName)}
                    help="nixosConfigurations.<name> in flake.nix, e.g. myserver." />
                <SelectField bind={f.text(Text::HostSystem)}
                    help="The provisioning host's architecture." choices={Choices::Fixed(SYSTEMS)} />
                <SelectField bind={f.text(Text::Tool)}
                    help="Which binary applies the configuration." choices={Choices::Fixed(TOOLS)} />
                <SelectField bind={f.text(Text::ProviderSource)}
                    help="From the store, init downloads nothing." choices={Choices::Fixed(SOURCES)} />
                <SelectField bind={f.text(Text::ApplyOn)}
                    help="Plan only logs what would change." choices={Choices::Fixed(APPLY_ON)} />
                <TextField bind={f.text(Text::UnitName)} help="systemd unit, without .service." />
                <TextField bind={f.text(Text::StateDirectory)}
                    help="Below /var/lib: the unit's working directory." />
                <TextField bind={f.text(Text::FlakeDirectory)}
                    help="Where flake.nix lives (its files reach the store)." />
            </div>
            <h3 class="sub">{ "State" }</h3>
            <div class="grid">
                <SelectField bind={f.text(Text::Backend)}
                    help="S3 needs OpenTofu or Terraform 1.10 or later." choices={Choices::Fixed(BACKENDS)} />
                if s3 {
                    <TextField bind={f.text(Text::S3Bucket)}
                        help="Bucket names are global, e.g. acme-tofu-state." />
                    <TextField bind={f.text(Text::S3Key)}
                        help="The state object, used as typed." />
                    <TextField bind={f.text(Text::S3Region)}
                        help="Empty: the provider's region." />
                    <TextField bind={f.text(Text::S3KmsKeyId)}
                        help="Optional key ARN." />
                }
                <SelectField bind={f.text(Text::Encryption)}
                    help="OpenTofu 1.7+, state and plans." choices={Choices::Fixed(ENCRYPTION)} />
                if p.encryption == "passphrase" {
                    <TextField bind={f.text(Text::PassphraseFile)}
                        help="Outside the store, 16+ characters." />
                }
                if p.encryption == "kms" {
                    <TextField bind={f.text(Text::EncryptionKmsKeyId)}
                        help="An ARN, alias/NAME or key ID." />
                }
            </div>
            <h3 class="sub">{ "Credentials" }</h3>
            <div class="grid">
                <SelectField bind={f.text(Text::Credentials)}
                    help="Files are set under Provider." choices={Choices::Fixed(CREDENTIALS)} />
                if p.credentials == "environment-file" {
                    <TextField bind={f.text(Text::EnvironmentFile)}
                        help="AWS_ACCESS_KEY_ID=… lines, root-only." />
                }
            </div>
        </fieldset>
    }
}
