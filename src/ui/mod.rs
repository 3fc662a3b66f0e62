//! The Yew app (wasm32 only). Placeholder until the app lands.
pub fn start() {}
