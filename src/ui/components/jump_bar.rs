//! On a phone (CSS shows it at 700 px wide or less), a bar that stays at the top of the screen
//! with links to the three parts of the page: the form, the files and the security check. A
//! link scrolls to its part without putting its id in the address bar (whose fragment holds
//! share links).
//!
//! A view function, not a component: it has no hooks, and a component type costs about 700
//! bytes of shipped gzip (docs/performance.md); its parent redraws it, a few static elements.

use yew::prelude::*;

use crate::ui::browser;

const PARTS: &[(&str, &str)] = &[("form", "Form"), ("files", "Files"), ("security", "Security check")];

/// A link that scrolls to the part of the page with the id `id`, keeping the address bar as
/// it is (the summary above the previews uses it too).
pub fn jump_link(id: &'static str, label: Html) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        browser::scroll_to(id);
    });
    html! { <a href={format!("#{id}")} {onclick}>{ label }</a> }
}

/// The bar.
pub fn jump_bar() -> Html {
    html! {
        <nav aria-label="Parts of the page" class="jump-bar">
            { for PARTS.iter().map(|&(id, label)| jump_link(id, html! { { label } })) }
        </nav>
    }
}
