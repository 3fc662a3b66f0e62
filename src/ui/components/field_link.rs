//! A link to a form field (`<a href="#f-…">`) that moves keyboard focus to the field instead
//! of following the link, which would put the field's id in the address bar.

use yew::prelude::*;

use crate::ui::browser;
use crate::ui::field::field_id;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The field's document path.
    pub path: AttrValue,
    pub children: Html,
}

#[component]
pub fn FieldLink(props: &Props) -> Html {
    let id = field_id(&props.path);
    let href = format!("#{id}");
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        browser::focus(&id);
    });
    html! { <a {href} {onclick}>{ props.children.clone() }</a> }
}
