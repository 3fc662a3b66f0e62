//! The page header: the name and what the app does, and the stack's actions: undo and redo,
//! share a link, import a `config.tf.json`, the presets menu, reset to the default stack.

use std::rc::Rc;

use gloo::dialogs::confirm;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::presets_menu::PresetsMenu;
use crate::model::{share, Document};
use crate::ui::browser;
use crate::ui::state::{Action, Level, Notice};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The document a share link is made of.
    pub doc: Rc<Document>,
    pub dispatch: Callback<Action>,
    /// A picked file to import.
    pub on_import: Callback<gloo::file::File>,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// Put the document in the address bar's fragment and copy the link.
fn share_link(doc: &Document, dispatch: Callback<Action>) {
    let json = doc.to_compact_json();
    wasm_bindgen_futures::spawn_local(async move {
        let url = match browser::deflate_raw(json.as_bytes()).await {
            Ok(compressed) => browser::set_fragment(&share::fragment_of_deflated(&compressed)),
            Err(e) => {
                let message = format!("The share link could not be made: {e}");
                return dispatch.emit(Action::Notify(Notice::new(Level::Error, message)));
            }
        };
        let Some(url) = url else { return };
        let notice = match browser::copy(url).await {
            Ok(()) => Notice::new(
                Level::Success,
                "Share link copied. The stack is in the link's #fragment, which browsers never send to a server.",
            ),
            Err(_) => Notice::new(Level::Info, "The share link is in the address bar: copy it from there."),
        };
        dispatch.emit(Action::Notify(notice));
    });
}

#[component]
pub fn Header(props: &Props) -> Html {
    let picker = use_node_ref();
    let on_share = {
        let (doc, dispatch) = (props.doc.clone(), props.dispatch.clone());
        Callback::from(move |_: MouseEvent| share_link(&doc, dispatch.clone()))
    };
    // The Import button opens the hidden file input's picker.
    let on_import_click = {
        let picker = picker.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = picker.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_pick = {
        let on_import = props.on_import.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_import.emit(file.into());
            }
            // Picking the same file again is another change.
            input.set_value("");
        })
    };
    let on_reset = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if confirm("Reset the form to the default stack? Everything you entered is replaced (undo brings it back).")
            {
                dispatch.emit(Action::Replace {
                    doc: Box::default(),
                    notice: Some(Notice::new(
                        Level::Info,
                        "The form was reset to the default stack. Undo brings back your form.",
                    )),
                });
            }
        })
    };
    html! {
        <header class="top">
            <div class="brand">
                <h1>{ "nixform" }</h1>
                <p class="tagline">
                    { "An EC2 + VPC stack for a NixOS host, as Terraform JSON and terranix. Runs entirely in your browser: nothing you type leaves this page." }
                </p>
            </div>
            <nav aria-label="Stack" class="actions">
                <button type="button" class="btn" disabled={!props.can_undo} title="Undo (Ctrl+Z)" aria-keyshortcuts="Control+Z Meta+Z"
                    onclick={props.dispatch.reform(|_| Action::Undo)}>{ "Undo" }</button>
                <button type="button" class="btn" disabled={!props.can_redo} title="Redo (Ctrl+Shift+Z)"
                    aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z" onclick={props.dispatch.reform(|_| Action::Redo)}>{ "Redo" }</button>
                <button type="button" class="btn" onclick={on_share}>{ "Share link" }</button>
                <button type="button" class="btn" onclick={on_import_click}>{ "Import config.tf.json" }</button>
                <input type="file" id="import-file" tabindex="-1" aria-hidden="true" accept=".json,application/json"
                    class="visually-hidden" ref={picker} onchange={on_pick} />
                <PresetsMenu dispatch={props.dispatch.clone()} />
                <button type="button" class="btn danger" onclick={on_reset}>{ "Reset" }</button>
            </nav>
        </header>
    }
}
