//! Provider and credentials: the region and where the provisioning host finds AWS credentials.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::document::ProviderDoc;
use crate::model::names::REGIONS;
use crate::ui::field::Fields;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub doc: ProviderDoc,
    pub fields: Fields,
}

#[function_component]
pub fn Provider(props: &Props) -> Html {
    let regions = use_memo((), |_| -> Rc<[(AttrValue, AttrValue)]> {
        REGIONS
            .iter()
            .map(|(code, label)| (AttrValue::Static(code), AttrValue::from(format!("{code} — {label}"))))
            .collect()
    });
    let (d, f) = (&props.doc, &props.fields);
    html! {
        <fieldset id="section-provider">
            <legend>{ "Provider and credentials" }</legend>
            <p class="section-help">{ "The provisioning host reads credentials from files; nixform never asks for keys." }</p>
            <div class="grid">
                { f.select("provider.region", "Region", "Where the VPC and instances are created.", &d.region, &regions) }
                { f.text("provider.profile", "Profile", "Named profile in the credentials file; empty: default.", &d.profile) }
                { f.text("provider.shared_credentials_file", "Shared credentials file", "Absolute path, e.g. /root/.aws/credentials.", &d.shared_credentials_file) }
                { f.text("provider.shared_config_file", "Shared config file", "Absolute path, e.g. /root/.aws/config.", &d.shared_config_file) }
            </div>
        </fieldset>
    }
}
