//! The app's custom hooks: the debounced autosave (and dropping a share link that the first
//! edit made stale), reading an imported file (asking before it replaces a form that is not
//! the default), the share link the page was opened with or one pasted into the open tab
//! (inflated by the browser), and the undo keys.
//!
//! Undo keys: Ctrl+Z undoes, Ctrl+Shift+Z (and Ctrl+Y) redoes; on macOS ⌘ does the same. They
//! work inside the form's text fields too, and there they undo the form's step, not the
//! browser's own text undo: the document is the source of truth (a field shows what it holds),
//! so the browser's undo would only put back text the reducer has already replaced, and two
//! undo histories that disagree would lose work. Keystrokes in one field are one step, so
//! Ctrl+Z in a field takes back what was typed there, as a text undo would. Text fields outside
//! the form (the security panel's address) keep the browser's undo.
//!
//! Belongs here: effects and handlers that more than one component needs or that would crowd
//! the root. Not here: what the state does with an action (`state`), or the browser calls
//! themselves (`autosave`, `browser`).

use std::rc::Rc;

use gloo::dialogs::confirm;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::file::callbacks::{read_as_text, FileReader};
use gloo::file::File;
use gloo::utils::window;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::state::{Action, Level, Notice, State};
use super::{autosave, browser};
use crate::model::document::MAX_DOCUMENT_BYTES;
use crate::model::import::import_tf_json;
use crate::model::share::{Payload, ShareError};
use crate::model::{share, Document};

/// Autosave the document after every edit made in this page (never on load: see
/// `State::revision`), shortly after the render that shows it (see [`autosave::save_soon`]).
/// The save reads `state` when it is written, so it holds keystrokes Yew has not drawn yet. A
/// share link in the address bar then describes an older stack, so it goes: a reload shows
/// what was just saved.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<State>) {
    let state = state.clone();
    use_effect_with(state.revision, move |&revision| {
        if revision > 0 {
            // The handle reads the reducer's current state, not this render's.
            autosave::save_soon(move || state.doc.to_compact_json());
            if browser::fragment().starts_with(share::PREFIX) {
                browser::clear_fragment();
            }
        }
    });
}

/// Whether importing `text` should go ahead: yes when the form is the default one or the file
/// would be refused anyway (the reducer says why); else the person is asked.
fn may_import(file_name: &str, text: &str, doc: &Document) -> bool {
    *doc == Document::default()
        || import_tf_json(text, doc).is_err()
        || confirm(&format!(
            "Replace the form with the stack in {file_name}? Undo brings your form back."
        ))
}

/// A callback that reads a picked or dropped file and dispatches it as an import (after a
/// confirm when it would replace a form that is not the default). Files over the document
/// limit, or that cannot be read, only get a message. The read in progress is kept here (gloo
/// aborts a read whose reader is dropped); a newer file replaces it.
#[hook]
pub fn use_import(dispatch: Callback<Action>, doc: Rc<Document>) -> Callback<File> {
    let reading = use_mut_ref(|| None::<FileReader>);
    // The document when the file has been read, not when it was picked.
    let current = use_mut_ref(|| Rc::clone(&doc));
    *current.borrow_mut() = doc;
    use_callback(dispatch, move |file: File, dispatch| {
        let file_name = file.name();
        if file.size() > MAX_DOCUMENT_BYTES as u64 {
            dispatch.emit(Action::Notify(Notice::new(
                Level::Error,
                format!(
                    "{file_name} was not imported: it is larger than 1 MiB, the most accepted. The form was not changed."
                ),
            )));
            return;
        }
        let (dispatch, current) = (dispatch.clone(), current.clone());
        let reader = read_as_text(&file, move |text| {
            dispatch.emit(match text {
                Ok(text) if !may_import(&file_name, &text, &current.borrow()) => Action::Notify(Notice::new(
                    Level::Info,
                    format!("{file_name} was not imported. The form was not changed."),
                )),
                Ok(text) => Action::Import { file_name, text },
                Err(e) => Action::Notify(Notice::new(
                    Level::Error,
                    format!("{file_name} could not be read: {e}. The form was not changed."),
                )),
            })
        });
        *reading.borrow_mut() = Some(reader);
    })
}

/// Open the share link in `fragment`, if it is one: read as far as its payload, inflated by
/// the browser (today's links), then handed to the reducer, which shows it or says why not.
fn open_link(fragment: String, dispatch: Callback<Action>) {
    if !fragment.starts_with(share::PREFIX) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let opened = match share::payload(&fragment) {
            Ok(Payload::Deflated(data)) => match browser::inflate_raw(&data, MAX_DOCUMENT_BYTES).await {
                Some(json) => share::document(json),
                None => Err(ShareError::Corrupt),
            },
            Ok(Payload::Json(json)) => share::document(json),
            Err(e) => Err(e),
        };
        // A link pasted while this one was inflating is the one the address bar shows.
        if browser::fragment() == fragment {
            dispatch.emit(Action::OpenLink(Box::new(opened)));
        }
    });
}

/// The share link the page was opened with, and one pasted into the open tab later (only the
/// fragment changes, so the page is not reloaded: `hashchange`).
#[hook]
pub fn use_share_links(dispatch: Callback<Action>) {
    use_effect_with(dispatch, |dispatch| {
        open_link(browser::fragment(), dispatch.clone());
        let dispatch = dispatch.clone();
        let listener = EventListener::new(&window(), "hashchange", move |_| {
            open_link(browser::fragment(), dispatch.clone());
        });
        move || drop(listener)
    });
}

/// What an undo key does, if it is one: Ctrl or ⌘ with Z (Shift: redo), or Ctrl+Y.
fn undo_key(e: &KeyboardEvent) -> Option<Action> {
    if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
        return None;
    }
    match e.key().as_str() {
        "z" | "Z" if e.shift_key() => Some(Action::Redo),
        "z" | "Z" => Some(Action::Undo),
        "y" | "Y" if !e.shift_key() => Some(Action::Redo),
        _ => None,
    }
}

/// Whether the key went to a text control outside the stack's form (which keeps the
/// browser's own undo: see the module's doc).
fn outside_form_control(e: &KeyboardEvent) -> bool {
    let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    matches!(target.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        && target.closest("form.stack-form").ok().flatten().is_none()
}

/// The undo keys, anywhere on the page (see the module's doc for why inside text fields too).
#[hook]
pub fn use_undo_keys(dispatch: Callback<Action>) {
    use_effect_with(dispatch, |dispatch| {
        let dispatch = dispatch.clone();
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&window(), "keydown", options, move |e| {
            let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
            if let Some(action) = undo_key(e).filter(|_| !outside_form_control(e)) {
                e.prevent_default();
                dispatch.emit(action);
            }
        });
        move || drop(listener)
    });
}
