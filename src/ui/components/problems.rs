//! What the previews show while the form has errors: how many, each a link to its field,
//! above the last valid files (out of date) when there are any. The files are up to date
//! again when the errors are fixed.

use yew::prelude::*;

use super::field_link::FieldLink;
use crate::model::labels::field_label;
use crate::model::FieldError;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// (path, label, message) of each error.
    pub errors: Vec<(AttrValue, AttrValue, AttrValue)>,
    /// The last valid files are shown below the list.
    #[prop_or_default]
    pub stale: bool,
}

/// (path, label, message) of each error, for [`Problems`]: named as the form labels the
/// field ("Subnet 1 › Availability zone"), linked by its path.
pub fn errors(errors: &[FieldError]) -> Vec<(AttrValue, AttrValue, AttrValue)> {
    errors
        .iter()
        .map(|e| {
            (
                e.path.clone().into(),
                field_label(&e.path).into(),
                format!(": {}", e.kind).into(),
            )
        })
        .collect()
}

#[component]
pub fn Problems(props: &Props) -> Html {
    let n = props.errors.len();
    let count = format!("The form has {n} {}", if n == 1 { "problem." } else { "problems." });
    let item = |(path, label, message): &(AttrValue, AttrValue, AttrValue)| {
        html! {
            <li><FieldLink path={path}>{ label }</FieldLink>{ message }</li>
        }
    };
    html! {
        <div role="status" class="problems">
            <p>
                <strong>{ count }</strong>
                { if props.stale {
                    " Below: the files of the last valid form, out of date until these are fixed. Nothing you typed is lost."
                } else {
                    " The files appear when they are fixed; nothing you typed is lost."
                } }
            </p>
            <ul>{ for props.errors.iter().map(item) }</ul>
        </div>
    }
}
