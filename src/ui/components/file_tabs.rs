//! The previews' tabs, one per generated file, with the keyboard of a tablist (arrows, Home,
//! End move between tabs).

use yew::prelude::*;

use crate::render::Files;
use crate::ui::browser;

/// The element id of a file's tab.
pub fn tab_id(name: &str) -> String {
    format!("tab-{}", name.replace('.', "-"))
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The index in `Files::NAMES` of the shown file.
    pub active: usize,
    pub on_select: Callback<usize>,
}

#[component]
pub fn FileTabs(props: &Props) -> Html {
    let Props { active, on_select } = props;
    let onkeydown = {
        let (active, on_select) = (*active, on_select.clone());
        Callback::from(move |e: KeyboardEvent| {
            let n = Files::NAMES.len();
            let next = match e.key().as_str() {
                "ArrowRight" => (active + 1) % n,
                "ArrowLeft" => (active + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            on_select.emit(next);
            browser::focus(&tab_id(Files::NAMES[next]));
        })
    };
    let tab = |(i, name): (usize, &&'static str)| {
        let selected = i == *active;
        html! {
            <button type="button" role="tab" id={tab_id(name)} aria-selected={if selected { "true" } else { "false" }}
                aria-controls="preview-panel" tabindex={if selected { "0" } else { "-1" }} class="tab"
                onclick={on_select.reform(move |_: MouseEvent| i)}>{ *name }</button>
        }
    };
    html! {
        <div role="tablist" aria-label="Generated files" {onkeydown} class="tabs">
            { for Files::NAMES.iter().enumerate().map(tab) }
        </div>
    }
}
