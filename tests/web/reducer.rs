//! The pure reducer: refusals, loading, imports, list edits and row ids, and memory staying
//! flat over many edits.

use nixform::model::edit::{InstanceText, Text};
use nixform::model::{share, Document};
use nixform::ui::state::{Action, Level, State};
use wasm_bindgen_test::*;
use yew::Reducible;

fn reduce(state: State, action: Action) -> State {
    (*std::rc::Rc::new(state).reduce(action)).clone()
}

fn fresh() -> State {
    State::load(None)
}

/// Memory stays flat: once warmed up, a thousand more edits of varying size, each validated
/// and rendered as the page does, do not grow the memory.
#[wasm_bindgen_test]
fn memory_stays_flat_over_many_edits() {
    let edit = |state: State, n: usize| {
        let state = reduce(
            state,
            Action::Text(
                Text::Instance(0, InstanceText::UserData),
                format!("#!/bin/sh\n{}", "echo nixform\n".repeat(n % 97)),
            ),
        );
        let stack = nixform::model::validate(&state.doc).expect("valid");
        let files = nixform::render::render_all(&stack).expect("renders");
        assert!(files.config_tf_json.contains("user_data"));
        state
    };
    let mut state = fresh();
    for n in 0..300 {
        state = edit(state, n);
    }
    let warm = core::arch::wasm32::memory_size(0);
    for n in 300..1300 {
        state = edit(state, n);
    }
    assert_eq!(core::arch::wasm32::memory_size(0), warm, "pages of 64 KiB");
    assert_eq!(state.revision, 1300);
}

#[wasm_bindgen_test]
fn a_refused_paste_keeps_the_document_and_shows_why() {
    let before = fresh();
    let key = "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----";
    let after = reduce(before.clone(), Action::Text(Text::PublicKey, key.into()));
    assert_eq!(after.doc, before.doc);
    assert_eq!(after.revision, 0, "nothing to autosave");
    let refusal = after.refusal(Text::PublicKey).expect("a refusal message");
    assert!(refusal.message.contains("private key"), "{}", refusal.message);
    // The same paste again gets a new sequence number, so the field re-renders its old value.
    let again = reduce(after.clone(), Action::Text(Text::PublicKey, key.into()));
    assert_eq!(again.refused.len(), 1, "one message per field");
    let again_refusal = again.refusal(Text::PublicKey).expect("still refused");
    assert_ne!(again_refusal.seq, refusal.seq);
    // A good edit clears the message and counts a revision.
    let fixed = reduce(again, Action::Text(Text::PublicKey, "ssh-ed25519 AAAA x".into()));
    assert!(fixed.refused.is_empty());
    assert_eq!(fixed.revision, 1);
}

#[wasm_bindgen_test]
fn loading_takes_the_autosave_a_link_then_replaces_it_and_corruption_is_survived() {
    let mut shared = Document::default();
    shared.provisioner.host_name = "from-link".into();
    let mut saved = Document::default();
    saved.provisioner.host_name = "from-storage".into();
    let saved_json = saved.to_json();

    let s = State::load(Some(&saved_json));
    assert_eq!(s.doc.provisioner.host_name, "from-storage");
    // The page's link, read after the first render.
    let s = reduce(s, Action::OpenLink(Box::new(Ok(shared))));
    assert_eq!(s.doc.provisioner.host_name, "from-link");
    assert_eq!(s.revision, 0, "opening a link does not overwrite the autosave");
    assert_eq!(reduce(s, Action::Undo).doc.provisioner.host_name, "from-storage");

    let s = reduce(
        State::load(Some(&saved_json)),
        Action::OpenLink(Box::new(share::decode("s=garbage"))),
    );
    assert_eq!(s.doc.provisioner.host_name, "from-storage");
    let notice = s.notice.expect("a banner");
    assert_eq!(notice.level, Level::Error);
    assert!(notice.text.contains("could not be opened"), "{}", notice.text);

    let s = State::load(Some("{not json"));
    assert_eq!(*s.doc, Document::default());
    assert_eq!(s.revision, 0, "the corrupt autosave is not overwritten on load");
    assert!(s.notice.is_some());
}

#[wasm_bindgen_test]
fn a_failed_import_leaves_the_form_alone() {
    let before = fresh();
    for text in ["not json", "{\"name\": \"left-pad\"}", ""] {
        let after = reduce(
            before.clone(),
            Action::Import {
                file_name: "x.json".into(),
                text: text.into(),
            },
        );
        assert_eq!(after.doc, before.doc);
        assert_eq!(after.revision, 0);
        assert_eq!(after.notice.map(|n| n.level), Some(Level::Error));
    }
}

#[wasm_bindgen_test]
fn list_edits_add_unique_names_and_remove() {
    let s = reduce(fresh(), Action::AddInstance);
    assert_eq!(s.doc.instances.len(), 2);
    assert_ne!(s.doc.instances[0].name, s.doc.instances[1].name);
    let s = reduce(s, Action::AddSubnet);
    assert_eq!(s.doc.network.subnets[1].name, "nix-subnet-2");
    let s = reduce(s, Action::RemoveInstance(0));
    assert_eq!(s.doc.instances.len(), 1);
    let s = reduce(s, Action::RemoveSubnet(7));
    assert_eq!(s.doc.network.subnets.len(), 2, "an out-of-range index is ignored");
}

/// Rows have ids of their own, beside the document: list edits move them with their rows, and
/// a new document (a reset, an import) gets new ones.
#[wasm_bindgen_test]
fn row_ids_follow_list_edits_and_a_new_document_gets_new_ones() {
    let s = reduce(reduce(fresh(), Action::AddInstance), Action::AddInstance);
    let ids = s.keys.instances.clone();
    assert_eq!(ids.len(), 3);
    let s = reduce(s, Action::RemoveInstance(1));
    assert_eq!(s.keys.instances, [ids[0], ids[2]]);
    assert_eq!(s.keys.tags.len(), 2, "one list of tag ids per instance");
    let s = reduce(s, Action::AddTag(1));
    assert_eq!(s.keys.tags[1].len(), 1);
    let s = reduce(s, Action::Text(Text::VpcName, "other".into()));
    assert_eq!(s.keys.instances, [ids[0], ids[2]], "a field edit keeps the ids");
    let s = reduce(
        s,
        Action::Replace {
            doc: Box::default(),
            notice: None,
        },
    );
    assert_eq!(s.keys.instances.len(), 1);
    assert!(!ids.contains(&s.keys.instances[0]), "a new document, new rows");
}
