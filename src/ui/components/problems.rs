//! What the previews show while the form has errors: how many, each a link to its field. The
//! files come back when the errors are fixed.

use yew::prelude::*;

use super::field_link::FieldLink;
use crate::model::FieldError;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub errors: Vec<(AttrValue, AttrValue)>,
}

/// (path, message) of each error, for [`Problems`].
pub fn errors(errors: &[FieldError]) -> Vec<(AttrValue, AttrValue)> {
    errors
        .iter()
        .map(|e| (e.path.clone().into(), format!(": {}", e.kind).into()))
        .collect()
}

#[component]
pub fn Problems(props: &Props) -> Html {
    let n = props.errors.len();
    let count = format!("The form has {n} {}", if n == 1 { "problem." } else { "problems." });
    let item = |(path, message): &(AttrValue, AttrValue)| {
        html! {
            <li><FieldLink path={path}><code>{ path }</code></FieldLink>{ message }</li>
        }
    };
    html! {
        <div role="status" class="problems">
            <p><strong>{ count }</strong>{ " The files appear again when they are fixed; nothing you typed is lost." }</p>
            <ul>{ for props.errors.iter().map(item) }</ul>
        </div>
    }
}
