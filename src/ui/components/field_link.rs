//! A link to a form field (`<a href="#f-…">`) that moves keyboard focus to the field instead
//! of following the link, which would put the field's id in the address bar.
//!
//! A view function, not a component: it has no state, and a component type costs about 700
//! bytes of shipped gzip (docs/performance.md).

use yew::prelude::*;

use crate::ui::browser;
use crate::ui::field::field_id;

/// A link showing `children` that focuses the field at the document path `path`.
pub fn field_link(path: &str, children: Html) -> Html {
    let id = field_id(path);
    let href = format!("#{id}");
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        browser::focus(&id);
    });
    html! { <a {href} {onclick}>{ children }</a> }
}
