//! The previews' diagram tab: the stack's SVG (`render::diagram`, whose one escaper wrote all
//! of its text) inserted as markup and styled by the sheet the page adopts
//! (`render::diagram::STYLE`). A click on a node focuses the first field of the form section
//! that edits it (its `data-section`).
//!
//! A view function: the preview draws it with itself, and only while its tab is shown, so the
//! diagram is drawn only when somebody looks at it (once per set of files: `Ready`).

use web_sys::Element;
use yew::prelude::*;

use crate::ui::browser;
use crate::ui::outcome::Ready;

pub fn diagram_view(ready: &Ready) -> Html {
    let onclick = Callback::from(|e: MouseEvent| {
        let section = e
            .target_dyn_into::<Element>()
            .and_then(|target| browser::closest_attribute(&target, "data-section"));
        if let Some(section) = section {
            browser::focus_section(&section);
        }
    });
    match ready.page_diagram() {
        Ok(svg) => html! {
            <div class="diagram" {onclick}>{ Html::from_html_unchecked(svg) }</div>
        },
        Err(message) => html! { <div role="status" class="problems"><p>{ message }</p></div> },
    }
}
