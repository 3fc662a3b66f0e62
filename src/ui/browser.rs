//! The browser APIs gloo has nothing for, through web-sys: the URL fragment and history, the
//! clipboard, the download link, DEFLATE, keyboard focus, patching the preview's lines, the
//! diagram's adopted style sheet, and the render counter. (Storage, timers, events, files and
//! dialogs are gloo's: see `autosave`, `hooks`.)
//!
//! Every function here fails soft: a missing API (no clipboard permission, a browser that
//! refuses) becomes `None`, nothing, or an `Err(String)` that the UI shows. No document logic
//! and no state live here; components call these from handlers and effects.

use std::cell::Cell;

use gloo::file::{Blob, ObjectUrl};
use gloo::utils::{body, document, window};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlAnchorElement, HtmlElement};

/// What a JS error (or a thrown string) says.
fn js_message(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "the browser refused".to_owned())
}

// ---- location ----------------------------------------------------------------------------------

/// The URL fragment without `#` (empty when there is none).
pub fn fragment() -> String {
    let hash = window().location().hash().unwrap_or_default();
    hash.strip_prefix('#').map(str::to_owned).unwrap_or(hash)
}

/// Put a share fragment in the address bar and return the full URL.
pub fn set_fragment(fragment: &str) -> Option<String> {
    let location = window().location();
    location.set_hash(fragment).ok()?;
    location.href().ok()
}

/// Remove the fragment without adding a history entry or reloading.
pub fn clear_fragment() {
    let Ok(href) = window().location().href() else { return };
    // The address up to the `#`: the same origin, path and query.
    let address = href.split('#').next().unwrap_or_default();
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(address));
    }
}

// ---- clipboard and downloads -------------------------------------------------------------------

/// Write `text` to the clipboard.
pub async fn copy(text: String) -> Result<(), String> {
    let clipboard = window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(&text))
        .await
        .map(|_| ())
        .map_err(|e| format!("Copy failed: {}", js_message(&e)))
}

/// Save `bytes` as a file called `name`: a gloo `Blob` behind an `ObjectUrl` (revoked when it
/// goes out of scope), clicked as an `<a download>`.
pub fn download(name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let url = ObjectUrl::from(Blob::new_with_options(bytes, Some(mime)));
    let anchor: HtmlAnchorElement = document()
        .create_element("a")
        .map_err(|e| format!("Download failed: {}", js_message(&e)))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    Ok(())
}

#[wasm_bindgen]
extern "C" {
    // The Compression Streams API. web-sys binds it only under `--cfg=web_sys_unstable_apis`,
    // which also changes other bindings' types (scroll offsets become `f64`), so the two
    // constructors are bound here; each object is the readable/writable pair `pipeThrough`
    // takes.
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// What the browser's codec made of `bytes` (through `codec`, a `CompressionStream` or a
/// `DecompressionStream`): an error past `limit` bytes, or when the codec refuses the data.
async fn transform(bytes: &[u8], codec: Result<JsValue, JsValue>, limit: usize) -> Result<Vec<u8>, String> {
    let js = |e: JsValue| js_message(&e);
    let pair: web_sys::ReadableWritablePair = codec.map_err(js)?.unchecked_into();
    let input: web_sys::Blob = Blob::new(bytes).into();
    let reader = web_sys::ReadableStreamDefaultReader::new(&input.stream().pipe_through(&pair)).map_err(js)?;
    let mut out = Vec::new();
    loop {
        let chunk: web_sys::ReadableStreamReadResult =
            JsFuture::from(reader.read()).await.map_err(js)?.unchecked_into();
        if chunk.get_done() == Some(true) {
            return Ok(out);
        }
        let chunk = js_sys::Uint8Array::new(&chunk.get_value());
        if out.len() + chunk.length() as usize > limit {
            let _ = reader.cancel();
            return Err(format!("more than {limit} bytes"));
        }
        out.extend(chunk.to_vec());
    }
}

/// `bytes` compressed with raw DEFLATE by the browser, for a share link
/// (`model::share::fragment_of_deflated`): the page ships no compressor of its own.
pub async fn deflate_raw(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let codec = CompressionStream::new("deflate-raw").map(JsValue::from);
    transform(bytes, codec, usize::MAX)
        .await
        .map_err(|e| format!("Compression failed: {e}"))
}

/// Raw DEFLATE undone by the browser, to at most `limit` bytes (a short link can inflate to
/// gigabytes); `None` when the data is damaged or inflates past the limit.
pub async fn inflate_raw(bytes: &[u8], limit: usize) -> Option<Vec<u8>> {
    let codec = DecompressionStream::new("deflate-raw").map(JsValue::from);
    transform(bytes, codec, limit).await.ok()
}

// ---- focus -------------------------------------------------------------------------------------

/// Move keyboard focus to the element with `id` and scroll it into view.
pub fn focus(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// Focus the first control of the form section `id` (and scroll it into view).
pub fn focus_section(id: &str) {
    let first = document()
        .get_element_by_id(id)
        .and_then(|section| section.query_selector("input, select, textarea").ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(element) = first {
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// The value of `name` on `target` or its nearest ancestor that has one.
pub fn closest_attribute(target: &Element, name: &str) -> Option<String> {
    target.closest(&format!("[{name}]")).ok().flatten()?.get_attribute(name)
}

/// Scroll the element with `id` to the top of the screen.
pub fn scroll_to(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        element.scroll_into_view();
    }
}

// ---- the preview -------------------------------------------------------------------------------

thread_local! {
    static STYLE_ADOPTED: Cell<bool> = const { Cell::new(false) };
}

/// Add `css` to the page's adopted style sheets, once: a sheet made by script, which the
/// page's Content-Security-Policy allows where it refuses an inserted `<style>` element.
pub fn adopt_style(css: &str) {
    if STYLE_ADOPTED.get() {
        return;
    }
    let Ok(sheet) = web_sys::CssStyleSheet::new() else {
        return;
    };
    if sheet.replace_sync(css).is_ok() {
        let sheets = document().adopted_style_sheets();
        sheets.push(&sheet);
        document().set_adopted_style_sheets(&sheets);
        STYLE_ADOPTED.set(true);
    }
}

/// In `code` (one element per line), replace `remove` lines at line `at` with the lines in
/// `html`: a keystroke changes a line or two, so this is a few DOM operations instead of
/// re-parsing the whole file's HTML.
fn replace_lines(code: &Element, at: usize, remove: usize, html: &str) {
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

/// Patch the preview's `<pre>`, whose children are the gutter and the `<code>` (one element
/// per line): replace `remove` lines at line `at` with the `insert` lines in `html` (made by
/// `render::highlight`, which escapes all text), mark those as new (CSS fades the mark), and
/// set the gutter's numbers when the number of lines changed.
pub fn patch_preview(pre: &Element, at: usize, remove: usize, insert: usize, html: &str, numbers: Option<&str>) {
    if let Some(code) = pre.last_element_child() {
        replace_lines(&code, at, remove, html);
        let lines = code.children();
        for n in at..at + insert {
            if let Some(line) = lines.item(n as u32) {
                let _ = line.set_attribute("data-new", "");
            }
        }
    }
    if let (Some(gutter), Some(numbers)) = (pre.first_element_child(), numbers) {
        gutter.set_text_content(Some(numbers));
    }
}

/// Which line of the preview's `<pre>` holds `target` (an element of a line, or the line).
pub fn line_index(pre: &Element, target: &Element) -> Option<usize> {
    let mut line = target.closest(".ln").ok()??;
    if !pre.contains(Some(&line)) {
        return None;
    }
    // Its place among the lines: a click costs a walk, a keystroke nothing.
    let mut n = 0;
    while let Some(before) = line.previous_element_sibling() {
        (line, n) = (before, n + 1);
    }
    Some(n)
}

/// Unmark the lines `old` of the preview's `<pre>`, mark the lines `new` (`data-hl`), and
/// scroll the listing, not the page, to the first of them unless it is in view.
pub fn mark_lines(pre: &Element, old: &[usize], new: &[usize]) {
    let Some(code) = pre.last_element_child() else { return };
    let lines = code.children();
    for &n in old {
        if let Some(line) = lines.item(n as u32) {
            let _ = line.remove_attribute("data-hl");
        }
    }
    for &n in new {
        if let Some(line) = lines.item(n as u32) {
            let _ = line.set_attribute("data-hl", "");
        }
    }
    let first = new.first().and_then(|&n| lines.item(n as u32));
    if let Some(line) = first.and_then(|l| l.dyn_into::<HtmlElement>().ok()) {
        let (top, height) = (line.offset_top(), pre.client_height());
        if top < pre.scroll_top() || top + line.offset_height() > pre.scroll_top() + height {
            pre.set_scroll_top(top - height / 3);
        }
    }
}

/// The document path of the focused form control (its `name`), if one is focused.
pub fn focused_path() -> Option<String> {
    let control = document().active_element()?;
    control
        .id()
        .starts_with("f-")
        .then(|| control.get_attribute("name"))
        .flatten()
}

thread_local! {
    static RENDERS: Cell<u64> = const { Cell::new(0) };
}

/// Count one preview render in `<body data-renders="N">`, for the keystroke-to-preview
/// benchmark and the tests.
pub fn count_render() {
    let n = RENDERS.get() + 1;
    RENDERS.set(n);
    let _ = body().set_attribute("data-renders", &n.to_string());
}
