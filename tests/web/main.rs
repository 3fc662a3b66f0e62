#![cfg(target_arch = "wasm32")]
//! Component tests in headless Chromium (`wasm-pack test --headless --chrome -- --test web`):
//! [`reducer`], the pure reducer's rules for refusals, loading, imports and row ids; and
//! [`mounted`], the mounted app reacting to input events, and memory staying flat over many
//! edits; [`history`], undo and redo; [`modules`], the form in modules mode; [`codec`], the
//! browser's DEFLATE under the share links. Render, then
//! `yew::scheduler::flush().await`; no sleeps.

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

mod codec;
mod history;
mod modules;
mod mounted;
mod reducer;
