//! The only module that touches browser APIs (web-sys): local storage, the URL fragment, the
//! clipboard, downloads, reading dropped or picked files, focus, patching the preview's lines,
//! and the render counter.
//!
//! Every function here fails soft: a missing API (private mode, no clipboard permission, a
//! browser without `localStorage`) becomes `None`, `false` or an `Err(String)` that the UI shows.
//! No document logic lives here, and the only state is the render counter and the autosave still
//! waiting to be written; components call these from handlers and lifecycle hooks.

use std::cell::{Cell, RefCell};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, DragEvent, Event, File, HtmlElement, HtmlInputElement, KeyboardEvent, MouseEvent, Url,
};

/// The localStorage key of the autosaved document.
pub const STORAGE_KEY: &str = "nixform.document.v1";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The string property `key` of a JS object (read by name: no binding per type).
fn property(value: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).ok()?.as_string()
}

/// What a JS error (or a thrown string) says.
fn js_message(value: &JsValue) -> String {
    property(value, "message")
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "the browser refused".to_owned())
}

// ---- form events -----------------------------------------------------------------------------

/// The current text of the `<input>`, `<textarea>` or `<select>` an event came from.
pub fn event_value(e: &Event) -> String {
    event_text(e).map(|(_, value)| value).unwrap_or_default()
}

/// The `name` and text of the text input, `<textarea>` or `<select>` an event came from (not
/// a checkbox: see [`event_flag`]).
pub fn event_text(e: &Event) -> Option<(String, String)> {
    let target = e.target()?;
    // All three have a string `type` ("text", "textarea", "select-one", …), `name` and `value`,
    // read as properties: no bindings per element type.
    (property(&target, "type")? != "checkbox").then_some(())?;
    Some((property(&target, "name")?, property(&target, "value")?))
}

/// The `name` and state of the checkbox an event came from.
pub fn event_flag(e: &Event) -> Option<(String, bool)> {
    let target = e.target()?;
    (property(&target, "type")? == "checkbox").then_some(())?;
    let checked = js_sys::Reflect::get(&target, &JsValue::from_str("checked"))
        .ok()?
        .as_bool()?;
    Some((property(&target, "name")?, checked))
}

/// Stop the browser's default action (following a link, submitting a form).
pub fn prevent_default(e: &Event) {
    e.prevent_default();
}

/// The key of a keyboard event (`ArrowLeft`, `Enter`, ...).
pub fn key(e: &KeyboardEvent) -> String {
    e.key()
}

/// The first file of a file `<input>`'s change event, clearing the input so that picking the
/// same file again fires another change.
pub fn event_file(e: &Event) -> Option<File> {
    let input = e.target()?.dyn_into::<HtmlInputElement>().ok()?;
    let file = input.files()?.get(0);
    input.set_value("");
    file
}

/// The first file dropped by a drag-and-drop event.
pub fn dropped_file(e: &DragEvent) -> Option<File> {
    e.data_transfer()?.files()?.get(0)
}

/// A file's size in bytes and its name.
pub fn file_info(file: &File) -> (f64, String) {
    (file.size(), file.name())
}

/// A file's text (UTF-8; invalid bytes become U+FFFD, which the importer then rejects as JSON).
pub async fn read_text(file: File) -> Result<String, String> {
    let value = JsFuture::from(file.text()).await.map_err(|e| js_message(&e))?;
    value.as_string().ok_or_else(|| "the file is not text".to_owned())
}

// ---- storage -----------------------------------------------------------------------------------

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// The autosaved document text, if any.
pub fn load_saved() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// Autosave now; false when storage is unavailable or full.
pub fn save(text: &str) -> bool {
    storage().is_some_and(|s| s.set_item(STORAGE_KEY, text).is_ok())
}

thread_local! {
    static PENDING_SAVE: RefCell<Option<Box<dyn FnOnce() -> String>>> = const { RefCell::new(None) };
    /// `flush_save` as a JS function, made once: the `pagehide` listener and every timer.
    static FLUSH: js_sys::Function = {
        let flush = Closure::<dyn Fn()>::new(|| {
            flush_save();
        })
        .into_js_value()
        .unchecked_into::<js_sys::Function>();
        if let Some(window) = window() {
            let _ = window.add_event_listener_with_callback("pagehide", &flush);
        }
        flush
    };
}

/// How long after an edit the autosave runs: several frames, so the edit is drawn first.
const SAVE_DELAY_MS: i32 = 150;

/// Autosave the text `make` returns [`SAVE_DELAY_MS`] from now: after the frame that shows the
/// edit, not inside the keystroke. Serializing the document and writing `localStorage` are
/// synchronous (about 0.15 ms for the default stack here, milliseconds for a large one). A save
/// still pending takes the newer `make`, so fast typing writes at most once per delay; leaving
/// the page (`pagehide`) writes what is pending.
pub fn save_soon(make: impl FnOnce() -> String + 'static) {
    if PENDING_SAVE.with(|p| p.replace(Some(Box::new(make)))).is_some() {
        return;
    }
    let timer = window().and_then(|w| {
        FLUSH.with(|flush| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(flush, SAVE_DELAY_MS)
                .ok()
        })
    });
    if timer.is_none() {
        flush_save();
    }
}

/// Write the pending autosave now, if there is one; false when storage is unavailable or full.
pub fn flush_save() -> bool {
    PENDING_SAVE.with(|p| p.take()).is_none_or(|make| save(&make()))
}

// ---- location ----------------------------------------------------------------------------------

/// The URL fragment without `#` (empty when there is none).
pub fn fragment() -> String {
    let hash = window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    hash.strip_prefix('#').map(str::to_owned).unwrap_or(hash)
}

/// Put a share fragment in the address bar and return the full URL.
pub fn set_fragment(fragment: &str) -> Option<String> {
    let location = window()?.location();
    location.set_hash(fragment).ok()?;
    location.href().ok()
}

/// Remove the fragment without adding a history entry or reloading.
pub fn clear_fragment() {
    let Some(w) = window() else { return };
    let Ok(href) = w.location().href() else { return };
    // The address up to the `#`: the same origin, path and query.
    let address = href.split('#').next().unwrap_or_default();
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(address));
    }
}

// ---- dialogs, clipboard, downloads --------------------------------------------------------------

/// `window.confirm`; false when it cannot be shown.
pub fn confirm(message: &str) -> bool {
    window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}

/// Write `text` to the clipboard.
pub async fn copy(text: String) -> Result<(), String> {
    let clipboard = window().ok_or("no window")?.navigator().clipboard();
    JsFuture::from(clipboard.write_text(&text))
        .await
        .map(|_| ())
        .map_err(|e| format!("Copy failed: {}", js_message(&e)))
}

/// Save `bytes` as a file called `name` through a temporary object URL and `<a download>`.
pub fn download(name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let fail = |e: JsValue| format!("Download failed: {}", js_message(&e));
    let document = window().and_then(|w| w.document()).ok_or("no document")?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(fail)?;
    // `href` and `download` as attributes, and the `click` every HTML element has: no bindings
    // of `HtmlAnchorElement`'s own.
    let clicked = document.create_element("a").and_then(|anchor| {
        anchor.set_attribute("href", &url)?;
        anchor.set_attribute("download", name)?;
        anchor.unchecked_into::<HtmlElement>().click();
        Ok(())
    });
    let _ = Url::revoke_object_url(&url);
    clicked.map_err(fail)
}

// ---- focus and the render counter ---------------------------------------------------------------

/// The HTML element with `id`, if the page has one.
fn element_by_id(id: &str) -> Option<HtmlElement> {
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
}

/// Move keyboard focus to the element with `id` and scroll it into view.
pub fn focus(id: &str) {
    if let Some(element) = element_by_id(id) {
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// The element a click landed in, or its closest ancestor, that matches `selector`.
fn clicked(e: &MouseEvent, selector: &str) -> Option<web_sys::Element> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest(selector).ok().flatten())
}

/// The `data-fix` of the button a click landed in, if it landed in one.
pub fn clicked_fix(e: &MouseEvent) -> Option<String> {
    clicked(e, "button[data-fix]").and_then(|b| b.get_attribute("data-fix"))
}

/// A click inside a list of links to fields (`<a href="#f-…">`): focus the field instead of
/// following the link (which would put the id in the address bar).
pub fn follow_field_link(e: MouseEvent) {
    if let Some(href) = clicked(&e, "a[href^='#f-']").and_then(|a| a.get_attribute("href")) {
        e.prevent_default();
        focus(&href[1..]);
    }
}

/// Click the element with `id` (the hidden file input behind the Import button).
pub fn click(id: &str) {
    if let Some(element) = element_by_id(id) {
        element.click();
    }
}

thread_local! {
    static RENDERS: Cell<u64> = const { Cell::new(0) };
}

/// In `code` (one element per line), replace `remove` lines at line `at` with the lines in
/// `html`: a keystroke changes a line or two, so this is a few DOM operations instead of
/// re-parsing the whole file's HTML.
fn replace_lines(code: &web_sys::Element, at: usize, remove: usize, html: &str) {
    let children = code.children();
    for _ in 0..remove {
        if let Some(line) = children.item(at as u32) {
            line.remove();
        }
    }
    if html.is_empty() {
        return;
    }
    let _ = match children.item(at as u32) {
        Some(next) => next.insert_adjacent_html("beforebegin", html),
        None => code.insert_adjacent_html("beforeend", html),
    };
}

/// Count one preview render in `<body data-renders="N">`, for a keystroke-to-preview benchmark.
pub fn count_render() {
    let n = RENDERS.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    if let Some(body) = window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = body.set_attribute("data-renders", &n.to_string());
    }
}

/// Patch the preview's `<pre>`, whose children are the gutter and the `<code>` (one element
/// per line): replace `remove` lines at line `at` with the lines in `html`, and set the
/// gutter's numbers when the number of lines changed.
pub fn patch_preview(pre: &web_sys::Element, at: usize, remove: usize, html: &str, numbers: Option<&str>) {
    if let Some(code) = pre.last_element_child() {
        replace_lines(&code, at, remove, html);
    }
    if let (Some(gutter), Some(numbers)) = (pre.first_element_child(), numbers) {
        gutter.set_text_content(Some(numbers));
    }
}
