//! Provider and credentials: the region and where the provisioning host finds AWS credentials.

use yew::prelude::*;

use crate::model::document::ProviderDoc;
use crate::ui::field::{Fields, Kind};

pub fn provider(d: &ProviderDoc, f: &Fields) -> Html {
    html! {
        <fieldset id="section-provider">
            <legend>{ "Provider and credentials" }</legend>
            <p class="section-help">{ "The provisioning host reads credentials from files; nixform never asks for keys." }</p>
            <div class="grid">
                { f.select("provider.region", "Region", "Where the VPC and instances are created.", &d.region, Kind::Regions) }
                { f.text("provider.profile", "Profile", "Named profile in the credentials file; empty: default.", &d.profile) }
                { f.text("provider.shared_credentials_file", "Shared credentials file", "Absolute path, e.g. /root/.aws/credentials.", &d.shared_credentials_file) }
                { f.text("provider.shared_config_file", "Shared config file", "Absolute path, e.g. /root/.aws/config.", &d.shared_config_file) }
            </div>
        </fieldset>
    }
}
