//! The Yew app (wasm32 only): a form over the stack document and live previews of the four
//! generated files, with the security check beside them. It calls `model` and `render` and
//! never builds JSON or Nix text itself.
//!
//! The page, top to bottom, and where each part lives:
//! - [`app`]: the root. It holds the [`state`] in `use_reducer`, derives the [`outcome`]
//!   (validate → render → lint) and the fields' [`field::Messages`] with `use_memo`, and lays
//!   out the header, banner, form, previews and security panel;
//! - [`components`]: one `#[component]` per file: the header, the banner, the previews, the
//!   security panel, and the form controls (text, select, checkbox);
//! - [`form`]: one fieldset component per section of the document, and the rows of its lists
//!   (subnets, rules, instances, tags), keyed by the stable ids of [`keys`];
//! - [`hooks`]: custom hooks (the debounced autosave, reading an imported file);
//! - [`autosave`] (gloo storage, timers and events) and [`browser`] (web-sys, where gloo has
//!   nothing: the clipboard, focus, the download link, the preview's lines, the URL).
//!
//! [`state`] (with [`action`], [`edits`], [`history`], [`notice`]), [`keys`], [`outcome`] and
//! [`field`] are pure: no browser calls, so the reducer
//! can be tested without mounting anything.

pub mod action;
pub mod app;
pub mod autosave;
pub mod browser;
pub mod components;
pub mod edits;
pub mod field;
pub mod form;
pub mod history;
pub mod hooks;
pub mod keys;
pub mod links;
pub mod notice;
pub mod outcome;
pub mod state;

/// Mount the app on `<body>`.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
