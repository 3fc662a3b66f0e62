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

/// Gives the document's text as it is when called.
type Source = Box<dyn Fn() -> String>;

thread_local! {
    /// The document as it is now: set by the first edit, kept for the page's lifetime.
    static SOURCE: RefCell<Option<Source>> = const { RefCell::new(None) };
    /// The text last written successfully, so leaving an unchanged page writes nothing
    /// (another tab's newer save stays).
    static WRITTEN: RefCell<String> = const { RefCell::new(String::new()) };
    /// The timer of the save to come, while one is waiting.
    static TIMER: RefCell<Option<Timeout>> = const { RefCell::new(None) };
    /// Writes the document when the page is left; added with the first save, kept for the
    /// page's lifetime.
    static ON_PAGEHIDE: EventListener = EventListener::new(&window(), "pagehide", |_| {
        flush();
    });
}

/// Autosave what `source` gives, [`SAVE_DELAY_MS`] from now: after the frame that shows the
/// edit, not inside the keystroke. Serializing the document and writing `localStorage` are
/// synchronous (about 0.15 ms for the default stack, milliseconds for a large one). A save
/// still waiting keeps its timer, so fast typing writes at most once per delay.
///
/// `source` is read when the save is written: it must give the document as it is then (the
/// reducer's current state, which a keystroke updates before Yew renders it). On a busy page
/// Yew defers renders, and a person may leave before the last keystrokes were drawn; leaving
/// the page (`pagehide`) writes the document if it changed since the last write, so those
/// keystrokes are kept too.
pub fn save_soon(source: impl Fn() -> String + 'static) {
    ON_PAGEHIDE.with(|_| ());
    SOURCE.set(Some(Box::new(source)));
    if TIMER.with_borrow(Option::is_none) {
        let timer = Timeout::new(SAVE_DELAY_MS, || {
            flush();
        });
        TIMER.set(Some(timer));
    }
}

/// Write the document now if a save is waiting or it changed since the last write; false when
/// storage is unavailable or full.
pub fn flush() -> bool {
    // The timer is taken out (and dropped, cancelled) outside any borrow.
    let waiting = TIMER.take().is_some();
    let Some(text) = SOURCE.with_borrow(|source| source.as_ref().map(|text| text())) else {
        return true;
    };
    if !waiting && WRITTEN.with_borrow(|written| *written == text) {
        return true;
    }
    let saved = save(&text);
    // A write the storage refused (full) is tried again when the page is left.
    if saved {
        WRITTEN.set(text);
    }
    saved
}
