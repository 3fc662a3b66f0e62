//! Share links and autosaves written by earlier builds keep opening to the same form.
//!
//! `tests/fixtures/compat/` was written by the build before the serde rebuild (commit b890e2e):
//! `NAME.share` is `nixform share --stack NAME.json`, and `autosave.json` is what the app wrote
//! to localStorage for the `varied` stack (`Document::to_json`). Never regenerate these files:
//! they stand for links and autosaves that people already have.

use nixform::model::{presets, share, Document};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/compat/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[track_caller]
fn document(name: &str) -> Document {
    Document::from_json(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn old_share_links_open_to_the_documents_they_were_made_from() {
    for name in ["default", "hardened", "varied"] {
        let link = fixture(&format!("{name}.share"));
        let opened = share::decode(link.trim()).unwrap_or_else(|e| panic!("{name}.share: {e}"));
        assert_eq!(opened, document(&format!("{name}.json")), "{name}");
    }
}

#[test]
fn the_fixtures_are_the_stacks_they_claim_to_be() {
    assert_eq!(document("default.json"), Document::default());
    assert_eq!(document("hardened.json"), presets::hardened());
    let varied = document("varied.json");
    assert_eq!(varied.provider.region, "eu-central-1");
    assert_eq!(varied.instances.len(), 2);
    assert_eq!(
        varied.instances[0].tags[1].value,
        "quote \" %{ if } back\\slash — ünïcode"
    );
    assert_eq!(varied.network.subnets[1].availability_zone, "automatic");
}

#[test]
fn an_old_autosave_opens_to_the_same_form() {
    let link = fixture("varied.share");
    assert_eq!(
        document("autosave.json"),
        share::decode(link.trim()).expect("varied.share")
    );
}
