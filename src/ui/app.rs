//! The root component: holds the state (`use_reducer` over the pure reducer of `state`), derives
//! the outputs and the fields' messages with `use_memo` (never stored in state), autosaves after
//! edits (`hooks::use_autosave`), opens the share link in the address bar (on load and when one is
//! pasted) and follows the undo keys (`hooks`), and lays out the header, the banner, the jump bar,
//! the form, the previews and the security panel. A file dropped anywhere on the page is imported.
//!
//! While the form has errors the previews and the security panel keep the outcome of the last
//! valid document (held in a `use_mut_ref`: it is a cache of a derived value, not state).

use std::rc::Rc;

use yew::prelude::*;

use super::autosave;
use super::components::banner::banner;
use super::components::cost_panel::cost_panel;
use super::components::header::Header;
use super::components::how_to_use::how_to_use;
use super::components::jump_bar::jump_bar;
use super::components::lint_panel::LintPanel;
use super::components::preview::Preview;
use super::components::summary::summary;
use super::field::Messages;
use super::form::Form;
use super::hooks::{use_autosave, use_import, use_share_links, use_undo_keys};
use super::outcome::{Outcome, Shared};
use super::state::{Action, State};

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::load(autosave::load().as_deref()));
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
    // The last outcome with files.
    let last_files = use_mut_ref(|| None::<Shared<Outcome>>);
    if outcome.ready().is_some() {
        *last_files.borrow_mut() = Some(outcome.clone());
    }
    let files = last_files.borrow().clone();
    let stale = outcome.ready().is_none();
    let findings = files.as_ref().and_then(|f| f.findings());
    let ready = files.as_deref().and_then(Outcome::ready);

    use_autosave(&state);
    use_share_links(dispatch.clone());
    use_undo_keys(dispatch.clone());
    let on_import = use_import(dispatch.clone(), Rc::clone(&state.doc));

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
    let banner = match &state.notice {
        Some(notice) => banner(notice, &dispatch),
        None => Html::default(),
    };
    html! {
        <div class="app" ondragover={on_drag_over} ondrop={on_drop}>
            <Header doc={Rc::clone(&state.doc)} dispatch={dispatch.clone()} {on_import}
                can_undo={state.history.can_undo()} can_redo={state.history.can_redo()} />
            { banner }
            { jump_bar() }
            <main class="layout">
                <div id="form" class="form-col">
                    <Form doc={Rc::clone(&state.doc)} keys={Rc::clone(&state.keys)} {messages} dispatch={dispatch.clone()} />
                </div>
                <aside class="side-col">
                    { how_to_use() }
                    { summary(ready, stale) }
                    <Preview outcome={outcome.clone()} files={files.clone()} />
                    <LintPanel {findings} {stale} {dispatch} />
                    { cost_panel(ready, stale) }
                </aside>
            </main>
            <footer class="foot">
                <p>
                    { "Tip: drop a config.tf.json anywhere on the page to import it. Your form is saved in this browser as you type; Ctrl+Z (⌘Z) undoes, Ctrl+Shift+Z redoes." }
                </p>
            </footer>
        </div>
    }
}
