//! The Yew app (wasm32 only): a form over the stack document and live previews of the four
//! generated files. It calls `model` and `render` and never builds JSON or Nix text itself.
//!
//! Layout: [`state`] (the pure reducer), [`app`] (the root: reduces actions, recomputes what the
//! document derives, autosaves after rendering, lays out the page), [`form`]
//! (one fieldset per file) over [`field`], [`preview`], [`lint_panel`], [`output`] (what is
//! derived from the document), [`dom`] (virtual DOM from markup templates, instead of `html!`
//! code per element), and [`browser`], the only module that calls web-sys.

pub mod app;
pub mod browser;
pub mod dom;
pub mod field;
pub mod form;
pub mod lint_panel;
pub mod output;
pub mod preview;
pub mod state;

/// Mount the app on `<body>`.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
