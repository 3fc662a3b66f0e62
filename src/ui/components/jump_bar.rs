//! On a phone (CSS shows it at 700 px wide or less), a bar that stays at the top of the screen
//! with links to the three parts of the page: the form, the files and the security check. A
//! link scrolls to its part without putting its id in the address bar (whose fragment holds
//! share links).

use yew::prelude::*;

use crate::ui::browser;

const PARTS: &[(&str, &str)] = &[("form", "Form"), ("files", "Files"), ("security", "Security check")];

#[component]
pub fn JumpBar() -> Html {
    let link = |&(id, label): &(&'static str, &'static str)| {
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            browser::scroll_to(id);
        });
        html! { <a href={format!("#{id}")} {onclick}>{ label }</a> }
    };
    html! {
        <nav aria-label="Parts of the page" class="jump-bar">
            { for PARTS.iter().map(link) }
        </nav>
    }
}
