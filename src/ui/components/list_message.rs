//! The message of a whole list of the form (e.g. "the stack needs at least one subnet"),
//! focusable, with the id a link to the list's path leads to.

use yew::prelude::*;

use crate::ui::field::field_id;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The list's document path, e.g. `network.subnets`.
    pub path: &'static str,
    pub message: Option<AttrValue>,
}

#[component]
pub fn ListMessage(props: &Props) -> Html {
    match &props.message {
        Some(message) => html! {
            <p id={field_id(props.path)} tabindex="-1" class="msg">{ message }</p>
        },
        None => Html::default(),
    }
}
