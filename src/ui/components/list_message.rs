//! The message of a whole list of the form (e.g. "the stack needs at least one subnet"),
//! focusable, with the id a link to the list's path leads to.
//!
//! A view function, not a component: the section that shows the list re-renders it with the
//! list, and a component type costs about 700 bytes of shipped gzip (docs/performance.md).

use yew::prelude::*;

use crate::ui::field::field_id;

/// The message at the list `path` (e.g. `network.subnets`), or nothing.
pub fn list_message(path: &str, message: Option<AttrValue>) -> Html {
    match message {
        Some(message) => html! {
            <p id={field_id(path)} tabindex="-1" class="msg">{ message }</p>
        },
        None => Html::default(),
    }
}
