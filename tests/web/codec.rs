//! The browser's DEFLATE, which the app's share links use in place of a compressor and an
//! inflater of its own: what it writes opens with the CLI's miniz_oxide (and so in the app),
//! what the CLI writes opens with it, and inflating stops at the limit.

use nixform::model::document::MAX_DOCUMENT_BYTES;
use nixform::model::share::{self, Payload};
use nixform::model::{presets, Document};
use nixform::ui::browser::{deflate_raw, inflate_raw};
use wasm_bindgen_test::*;

fn deflated(fragment: &str) -> Vec<u8> {
    match share::payload(fragment) {
        Ok(Payload::Deflated(data)) => data,
        other => panic!("a link of today's format: {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn links_the_browser_compresses_open_with_the_cli_and_back() {
    for doc in [Document::default(), presets::hardened(), presets::large()] {
        let json = doc.to_compact_json();
        let compressed = deflate_raw(json.as_bytes()).await.expect("compresses");
        assert!(
            compressed.len() < json.len() / 2,
            "{} of {}",
            compressed.len(),
            json.len()
        );
        let link = share::fragment_of_deflated(&compressed);
        assert_eq!(
            share::decode(&link).as_ref(),
            Ok(&doc),
            "miniz_oxide opens the browser's link"
        );
        let cli = share::encode(&doc);
        let inflated = inflate_raw(&deflated(&cli), MAX_DOCUMENT_BYTES)
            .await
            .expect("inflates");
        assert_eq!(share::document(inflated), Ok(doc), "the browser opens the CLI's link");
    }
}

#[wasm_bindgen_test]
async fn inflating_stops_at_the_limit_and_refuses_damaged_data() {
    // 4 MiB of zeros: a few kilobytes compressed, four times the largest document.
    let bomb = deflate_raw(&vec![0; 4 << 20]).await.expect("compresses");
    assert!(bomb.len() < 16 << 10, "{}", bomb.len());
    assert_eq!(inflate_raw(&bomb, MAX_DOCUMENT_BYTES).await, None);
    assert_eq!(inflate_raw(&bomb, 5 << 20).await.map(|b| b.len()), Some(4 << 20));
    let link = share::encode(&Document::default());
    let data = deflated(&link);
    assert_eq!(
        inflate_raw(&data[..data.len() / 2], MAX_DOCUMENT_BYTES).await,
        None,
        "cut short"
    );
    assert_eq!(inflate_raw(b"not deflate at all", MAX_DOCUMENT_BYTES).await, None);
}
