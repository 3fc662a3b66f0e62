//! The Presets menu in the header: replace the form with a named starting point (the
//! default stack, the hardened one, the large one for trying things out), each after a
//! confirm, each undoable. (To harden the stack in front of you, the security panel has
//! "Apply all fixes".)

use gloo::dialogs::confirm;
use yew::prelude::*;

use crate::model::presets::{Preset, PRESETS};
use crate::ui::state::{Action, Level, Notice};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub dispatch: Callback<Action>,
}

#[component]
pub fn PresetsMenu(props: &Props) -> Html {
    let menu = use_node_ref();
    let item = |preset: &'static Preset| {
        let (dispatch, menu) = (props.dispatch.clone(), menu.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            if let Some(details) = menu.cast::<web_sys::HtmlDetailsElement>() {
                details.set_open(false);
            }
            if confirm(&format!(
                "Replace the whole form with the {}? Undo brings your form back.",
                preset.noun
            )) {
                dispatch.emit(Action::Replace {
                    doc: Box::new((preset.build)()),
                    notice: Some(Notice::new(Level::Success, preset.loaded)),
                });
            }
        });
        html! { <li><button type="button" class="btn ghost" data-preset={preset.name} {onclick}>{ preset.label }</button></li> }
    };
    let items: Html = PRESETS.iter().map(item).collect();
    html! {
        <details class="menu" ref={menu}>
            <summary class="btn">{ "Presets" }</summary>
            <ul class="menu-list">{ items }</ul>
        </details>
    }
}
