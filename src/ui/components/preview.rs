//! The previews: a tab per generated file, the toolbar, and the shown file highlighted with
//! line numbers; while the form has errors, the list of them instead (and the toolbar is
//! disabled). Each render is counted in `<body data-renders>` for the benchmark.

use yew::prelude::*;

use super::file_tabs::{tab_id, FileTabs};
use super::listing::Listing;
use super::problems::{self, Problems};
use super::toolbar::Toolbar;
use crate::render::Files;
use crate::ui::browser;
use crate::ui::outcome::{Outcome, Shared};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub outcome: Shared<Outcome>,
}

#[component]
pub fn Preview(props: &Props) -> Html {
    let outcome = &props.outcome;
    let active = use_state(|| 0usize);
    let on_select = {
        let active = active.setter();
        use_callback((), move |tab: usize, _| active.set(tab))
    };
    // After the listing (a child) has patched its lines.
    use_effect(browser::count_render);

    let name = Files::NAMES[*active % Files::NAMES.len()];
    let panel = match &**outcome {
        Outcome::Ready(_) => html! { <Listing key={name} {name} outcome={outcome.clone()} /> },
        Outcome::Invalid(errors) => html! { <Problems errors={problems::errors(errors)} /> },
        Outcome::Failed(message) => html! {
            <div role="status" class="problems">
                <p>{ format!("The files could not be generated: {message}") }</p>
            </div>
        },
    };
    html! {
        <section aria-label="Preview" class="preview">
            <FileTabs active={*active} {on_select} />
            <Toolbar {name} outcome={outcome.clone()} />
            <div id="preview-panel" role="tabpanel" aria-labelledby={tab_id(name)} class="panel">
                { panel }
            </div>
        </section>
    }
}
