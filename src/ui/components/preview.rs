//! The previews: a tab per generated file (a host file's tab comes and goes with its configuration;
//! the shown file is kept by name) and the diagram's tab, the toolbar, and the shown file
//! highlighted with line numbers. While the form has errors, the list of them comes first and the
//! files of the last valid form stay below it, dimmed and marked out of date (Copy and Download
//! still work on them); before the form was ever valid, only the list. Each render is counted in
//! `<body data-renders>` for the benchmark.

use std::rc::Rc;

use yew::prelude::*;

use super::diagram_view::diagram_view;
use super::file_tabs::{file_tabs, tab_id};
use super::listing::Listing;
use super::problems::problems;
use super::toolbar::Toolbar;
use crate::render::diagram::STYLE;
use crate::render::Files;
use crate::ui::browser;
use crate::ui::outcome::{Outcome, Shared, DIAGRAM};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The outcome of the document shown in the form.
    pub outcome: Shared<Outcome>,
    /// The last outcome with files: `outcome` itself while the form is valid.
    pub files: Option<Shared<Outcome>>,
}

#[component]
pub fn Preview(props: &Props) -> Html {
    let Props { outcome, files } = props;
    // The last valid files' tabs (the four while there are none), once per set of files.
    let tabs: Rc<Rc<[AttrValue]>> = use_memo(files.clone(), |files| match files.as_ref().and_then(|f| f.ready()) {
        Some(ready) => ready
            .files
            .tabs()
            .map(|n| AttrValue::from(n.to_owned()))
            .chain([AttrValue::Static(DIAGRAM)])
            .collect(),
        None => Files::NAMES
            .into_iter()
            .chain([DIAGRAM])
            .map(AttrValue::Static)
            .collect(),
    });
    let tabs: Rc<[AttrValue]> = (*tabs).clone();
    let shown = use_state(|| AttrValue::Static(Files::NAMES[0]));
    let on_select = {
        let shown = shown.setter();
        use_callback(tabs.clone(), move |tab: usize, tabs| {
            if let Some(name) = tabs.get(tab) {
                shown.set(name.clone());
            }
        })
    };
    // After the listing (a child) has patched its lines.
    use_effect(browser::count_render);
    let diagram = *shown == DIAGRAM;
    use_effect_with(diagram, |&diagram| {
        if diagram {
            browser::adopt_style(STYLE);
        }
    });

    // A removed host's tab falls back to the first.
    let active = tabs.iter().position(|n| *n == *shown).unwrap_or_default();
    let name = tabs[active].clone();
    let stale = outcome.ready().is_none();
    // The list of problems first; an empty node when there is none, so the listing after it
    // keeps its element (and its patched lines) as problems come and go.
    let problems = match &**outcome {
        Outcome::Ready(_) => Html::default(),
        Outcome::Invalid(errors) => problems(errors, files.is_some()),
        Outcome::Failed(message) => html! {
            <div role="status" class="problems">
                <p>{ format!("The files could not be generated: {message}") }</p>
            </div>
        },
    };
    let listing = match files {
        Some(files) => html! {
            <div class={classes!("files", stale.then_some("stale"))}>
                if stale {
                    <p class="stale-note">{ format!("Out of date: {name} of the last valid form.") }</p>
                }
                if let (true, Some(ready)) = (diagram, files.ready()) {
                    { diagram_view(ready) }
                } else {
                    <Listing key={name.as_str()} name={name.clone()} outcome={files.clone()} />
                }
            </div>
        },
        None => Html::default(),
    };
    html! {
        <section id="files" aria-label="Preview" class="preview">
            { file_tabs(&tabs, active, &on_select) }
            <Toolbar name={name.clone()} outcome={files.clone()} {stale} />
            <div id="preview-panel" role="tabpanel" aria-labelledby={tab_id(&name)} class="panel">
                { problems }
                { listing }
            </div>
        </section>
    }
}
