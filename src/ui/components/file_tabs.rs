//! The previews' tabs, one per generated file (`Files::tabs`: the four, then a tab per host
//! file), with the keyboard of a tablist (arrows, Home, End move between tabs). A view
//! function: the preview, its one parent, redraws it with itself.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::browser;

/// The element id of a file's tab.
pub fn tab_id(name: &str) -> String {
    format!("tab-{}", name.replace(['.', '/'], "-"))
}

/// The tabs of `tabs` (the files' names, in tab order); `active` is the index of the shown
/// file, and `on_select` takes the index of the one to show.
pub fn file_tabs(tabs: &Rc<[AttrValue]>, active: usize, on_select: &Callback<usize>) -> Html {
    let onkeydown = {
        let (tabs, on_select) = (tabs.clone(), on_select.clone());
        Callback::from(move |e: KeyboardEvent| {
            let n = tabs.len();
            let next = match e.key().as_str() {
                "ArrowRight" => (active + 1) % n,
                "ArrowLeft" => (active + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            on_select.emit(next);
            browser::focus(&tab_id(&tabs[next]));
        })
    };
    let tab = |(i, name): (usize, &AttrValue)| {
        let selected = i == active;
        html! {
            <button type="button" role="tab" id={tab_id(name)} aria-selected={if selected { "true" } else { "false" }}
                aria-controls="preview-panel" tabindex={if selected { "0" } else { "-1" }} class="tab"
                onclick={on_select.reform(move |_: MouseEvent| i)}>{ name.clone() }</button>
        }
    };
    html! {
        <div role="tablist" aria-label="Generated files" {onkeydown} class="tabs">
            { for tabs.iter().enumerate().map(tab) }
        </div>
    }
}
