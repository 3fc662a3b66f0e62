//! The Presets menu in the header: replace the form with a named starting point (the
//! default stack, the hardened one, the large one for trying things out), each after a
//! confirm, each undoable. (To harden the stack in front of you, the security panel has
//! "Apply all fixes".)

use gloo::dialogs::confirm;
use yew::prelude::*;

use crate::model::presets;
use crate::ui::state::{Action, Level, Notice};

/// Each preset: its name in `model::presets`, its label, and what the banner says after.
const PRESETS: &[(&str, &str, &str)] = &[
    ("default", "Default stack", "Loaded the default stack. Undo brings back your form."),
    (
        "hardened",
        "Hardened stack",
        "Loaded the hardened preset. SSH is allowed from 192.0.2.0/24, a documentation range: put your own address there, and paste your public key. Undo brings back your form.",
    ),
    ("large", "Large stack (50 instances)", "Loaded the large preset. Undo brings back your form."),
];

#[derive(Properties, PartialEq)]
pub struct Props {
    pub dispatch: Callback<Action>,
}

#[component]
pub fn PresetsMenu(props: &Props) -> Html {
    let menu = use_node_ref();
    let item = |&(name, label, said): &(&'static str, &'static str, &'static str)| {
        let (dispatch, menu) = (props.dispatch.clone(), menu.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            if let Some(details) = menu.cast::<web_sys::HtmlDetailsElement>() {
                details.set_open(false);
            }
            let Some(doc) = presets::by_name(name) else { return };
            if confirm(&format!(
                "Replace the whole form with the {}? Undo brings your form back.",
                label.to_lowercase()
            )) {
                dispatch.emit(Action::Replace {
                    doc: Box::new(doc),
                    notice: Some(Notice::new(Level::Success, said)),
                });
            }
        });
        html! { <li><button type="button" class="btn ghost" data-preset={name} {onclick}>{ label }</button></li> }
    };
    let items: Html = PRESETS.iter().map(item).collect();
    html! {
        <details class="menu" ref={menu}>
            <summary class="btn">{ "Presets" }</summary>
            <ul class="menu-list">{ items }</ul>
        </details>
    }
}
