//! The autosave: the document's JSON in `localStorage` (through gloo-storage), written a moment
//! after an edit (a gloo-timers `Timeout`) and when the page is left (a gloo-events listener
//! on `pagehide`).
//!
//! Belongs here: when and where the saved text is written and read. Not here: what the text is
//! (`Document::to_json`, `Document::from_json`) or when an edit happened (the
//! `hooks::use_autosave` effect calls [`save_soon`]). Everything fails soft: without storage
//! (disabled, full) the app works and saves nothing.

use std::cell::RefCell;

use gloo::events::EventListener;
use gloo::storage::{LocalStorage, Storage};
use gloo::timers::callback::Timeout;
use gloo::utils::window;

/// The localStorage key of the autosaved document.
pub const STORAGE_KEY: &str = "nixform.document.v1";

/// How long after an edit the autosave runs: several frames, so the edit is drawn first.
const SAVE_DELAY_MS: u32 = 150;

/// The page's localStorage, or `None` where the browser refuses it (gloo's `LocalStorage`
/// throws in that case, and the app must work without an autosave).
fn storage() -> Option<web_sys::Storage> {
    window()
        .local_storage()
        .is_ok_and(|s| s.is_some())
        .then(LocalStorage::raw)
}

/// The autosaved document text, if any.
pub fn load() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// Write `text` now; false when storage is unavailable or full.
fn save(text: &str) -> bool {
    storage().is_some_and(|s| s.set_item(STORAGE_KEY, text).is_ok())
}

/// A save waiting for its timer: what to write, made when it is written.
struct Pending {
    make: Box<dyn FnOnce() -> String>,
    _timer: Timeout,
}

thread_local! {
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
    /// Writes what is pending when the page is left; added with the first save, kept for the
    /// page's lifetime.
    static ON_PAGEHIDE: EventListener = EventListener::new(&window(), "pagehide", |_| {
        flush();
    });
}

/// Autosave the text `make` returns [`SAVE_DELAY_MS`] from now: after the frame that shows the
/// edit, not inside the keystroke. Serializing the document and writing `localStorage` are
/// synchronous (about 0.15 ms for the default stack, milliseconds for a large one). A save
/// still pending takes the newer `make` and keeps its timer, so fast typing writes at most once
/// per delay; leaving the page (`pagehide`) writes what is pending.
pub fn save_soon(make: impl FnOnce() -> String + 'static) {
    ON_PAGEHIDE.with(|_| ());
    let make: Box<dyn FnOnce() -> String> = Box::new(make);
    let make = PENDING.with_borrow_mut(|pending| match pending {
        Some(pending) => {
            pending.make = make;
            None
        }
        None => Some(make),
    });
    if let Some(make) = make {
        let timer = Timeout::new(SAVE_DELAY_MS, || {
            flush();
        });
        PENDING.set(Some(Pending { make, _timer: timer }));
    }
}

/// Write the pending autosave now, if there is one; false when storage is unavailable or full.
pub fn flush() -> bool {
    // Taken out first: writing may take a while, and the timer is dropped (cancelled) outside
    // the borrow.
    let pending = PENDING.take();
    pending.is_none_or(|p| save(&(p.make)()))
}
