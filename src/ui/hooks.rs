//! The app's custom hooks: the debounced autosave (and dropping a share link that the first
//! edit made stale), and reading an imported file.
//!
//! Belongs here: effects and handlers that more than one component needs or that would crowd
//! the root. Not here: what the state does with an action (`state`), or the browser calls
//! themselves (`autosave`, `browser`).

use std::rc::Rc;

use gloo::file::callbacks::{read_as_text, FileReader};
use gloo::file::File;
use yew::prelude::*;

use super::state::{Action, Level, Notice};
use super::{autosave, browser};
use crate::model::document::MAX_DOCUMENT_BYTES;
use crate::model::{share, Document};

/// Autosave `doc` after every edit made in this page (never on load: see `State::revision`),
/// shortly after the render that shows it (see [`autosave::save_soon`]). A share link in the
/// address bar then describes an older stack, so it goes: a reload shows what was just saved.
#[hook]
pub fn use_autosave(doc: Rc<Document>, revision: u64) {
    use_effect_with(revision, move |&revision| {
        if revision > 0 {
            autosave::save_soon(move || doc.to_json());
            if browser::fragment().starts_with(share::PREFIX) {
                browser::clear_fragment();
            }
        }
    });
}

/// A callback that reads a picked or dropped file and dispatches it as an import. Files over
/// the document limit, or that cannot be read, only get a message. The read in progress is
/// kept here (gloo aborts a read whose reader is dropped); a newer file replaces it.
#[hook]
pub fn use_import(dispatch: Callback<Action>) -> Callback<File> {
    let reading = use_mut_ref(|| None::<FileReader>);
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
        let dispatch = dispatch.clone();
        let reader = read_as_text(&file, move |text| {
            dispatch.emit(match text {
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
