//! What the previews show while the form has errors: how many, each a link to its field,
//! above the last valid files (out of date) when there are any. The files are up to date
//! again when the errors are fixed.
//!
//! A view function, not a component: it has no state and no hooks, and the preview draws it
//! only while there are errors. Each component type costs the shipped app about 700 bytes of
//! gzip for Yew's machinery (docs/performance.md), so markup of this kind is a function.

use yew::prelude::*;

use super::field_link::field_link;
use crate::model::labels::field_label;
use crate::model::FieldError;

/// The form's errors, each named as the form labels its field ("Subnet 1 › Availability
/// zone") and linked to it by its path; `stale`: the last valid files are shown below.
pub fn problems(errors: &[FieldError], stale: bool) -> Html {
    let n = errors.len();
    let count = format!("The form has {n} {}", if n == 1 { "problem." } else { "problems." });
    let item = |e: &FieldError| {
        html! {
            <li>{ field_link(&e.path, html! { { field_label(&e.path) } }) }{ format!(": {}", e.kind) }</li>
        }
    };
    html! {
        <div role="status" class="problems">
            <p>
                <strong>{ count }</strong>
                { if stale {
                    " Below: the files of the last valid form, out of date until these are fixed. Nothing you typed is lost."
                } else {
                    " The files appear when they are fixed; nothing you typed is lost."
                } }
            </p>
            <ul>{ for errors.iter().map(item) }</ul>
        </div>
    }
}
