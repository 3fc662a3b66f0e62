//! The browser app's entry point; on a native target it only says where to look.
#[cfg(target_arch = "wasm32")]
fn main() {
    nixform::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("nixform-app is the browser app: build it with `trunk build --release`; the CLI is `nixform`.");
    std::process::exit(2);
}
