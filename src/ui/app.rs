//! The root component: holds the state (`use_reducer` over the pure reducer of `state`),
//! derives the outputs and the fields' messages with `use_memo` (never stored in state),
//! autosaves after edits (`hooks::use_autosave`), and lays out the header, the banner, the
//! form, the previews and the security panel. A file dropped anywhere on the page is imported.

use std::rc::Rc;

use yew::prelude::*;

use super::components::banner::Banner;
use super::components::header::Header;
use super::components::lint_panel::LintPanel;
use super::components::preview::Preview;
use super::field::Messages;
use super::form::Form;
use super::hooks::{use_autosave, use_import};
use super::outcome::{Outcome, Shared};
use super::state::{Action, State};
use super::{autosave, browser};

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::load(&browser::fragment(), autosave::load().as_deref()));
    // The one dispatcher: the same callback on every render, so the parts that get it do not
    // re-render for it.
    let dispatch: Callback<Action> = state.dispatcher().to_callback();
    let outcome = Shared(use_memo(Rc::clone(&state.doc), |doc| Outcome::of(doc)));
    let messages = use_memo((outcome.clone(), state.refused.clone()), |(outcome, refused)| {
        Messages {
            errors: outcome.errors_by_path(),
            refused: refused.clone(),
        }
    });
    use_autosave(Rc::clone(&state.doc), state.revision);
    let on_import = use_import(dispatch.clone());

    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let on_drop = {
        let on_import = on_import.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                on_import.emit(file.into());
            }
        })
    };
    // Without a banner, an empty node in its place: the parts after it keep their positions.
    let banner = match state.notice.clone() {
        Some(notice) => html! { <Banner {notice} on_dismiss={dispatch.reform(|()| Action::Dismiss)} /> },
        None => Html::default(),
    };
    html! {
        <div class="app" ondragover={on_drag_over} ondrop={on_drop}>
            <Header doc={Rc::clone(&state.doc)} dispatch={dispatch.clone()} {on_import} />
            { banner }
            <main class="layout">
                <div class="form-col">
                    <Form doc={Rc::clone(&state.doc)} keys={Rc::clone(&state.keys)} {messages} dispatch={dispatch.clone()} />
                </div>
                <aside class="side-col">
                    <Preview outcome={outcome.clone()} />
                    <LintPanel findings={outcome.findings()} {dispatch} />
                </aside>
            </main>
            <footer class="foot">
                <p>
                    { "Tip: drop a config.tf.json anywhere on the page to import it. Your form is saved in this browser as you type." }
                </p>
            </footer>
        </div>
    }
}
