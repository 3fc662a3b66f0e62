//! Undo and redo in the pure reducer (issue 17): every kind of step goes back and forth,
//! keystrokes in one field are one step, the history is bounded, row ids follow the document,
//! a link pasted into the tab does not count as an edit, and "Apply all fixes" keeps the
//! stack's own choices.

use nixform::model::edit::{InstanceText, SubnetText, Text};
use nixform::model::{lint, share, Document};
use nixform::ui::history::MAX_STEPS;
use nixform::ui::state::{Action, State};
use wasm_bindgen_test::*;
use yew::Reducible;

fn reduce(state: State, action: Action) -> State {
    (*std::rc::Rc::new(state).reduce(action)).clone()
}

fn typed(mut state: State, field: Text, text: &str) -> State {
    let mut value = field.get(&state.doc).unwrap_or_default().to_owned();
    for c in text.chars() {
        value.push(c);
        state = reduce(state, Action::Text(field, value.clone()));
    }
    state
}

#[wasm_bindgen_test]
fn keystrokes_in_one_field_are_one_step_and_undo_redo_walk_them() {
    let start = State::load(None);
    assert!(!start.history.can_undo() && !start.history.can_redo());
    let a = typed(start.clone(), Text::KeyName, "-one");
    let b = typed(a.clone(), Text::HostName, "-two");
    assert!(b.history.can_undo());
    let undone = reduce(b.clone(), Action::Undo);
    assert_eq!(
        undone.doc, a.doc,
        "one undo takes back the whole word typed in the host name"
    );
    let undone = reduce(undone, Action::Undo);
    assert_eq!(undone.doc, start.doc);
    assert!(!undone.history.can_undo());
    assert!(undone.revision > b.revision, "an undo is autosaved like an edit");
    let redone = reduce(reduce(undone, Action::Redo), Action::Redo);
    assert_eq!(redone.doc, b.doc);
    assert!(!redone.history.can_redo());
    // A new edit after an undo forgets the redo.
    let forked = typed(reduce(redone, Action::Undo), Text::KeyName, "x");
    assert!(!forked.history.can_redo());
}

#[wasm_bindgen_test]
fn list_edits_presets_and_fixes_are_steps_and_row_ids_follow() {
    let start = State::load(None);
    let added = reduce(reduce(start.clone(), Action::AddSubnet), Action::AddInstance);
    assert_eq!(added.keys.subnets.len(), 2);
    let removed = reduce(added.clone(), Action::RemoveSubnet(0));
    let back = reduce(removed, Action::Undo);
    assert_eq!(back.doc, added.doc);
    assert_eq!(
        back.keys.subnets, added.keys.subnets,
        "the same rows come back, with their ids"
    );
    // The new subnet has no block yet: without it the form is valid, so the lint has fixes.
    let back = reduce(back, Action::RemoveSubnet(1));
    let fixed = reduce(back.clone(), Action::FixAll { admin_cidr: None });
    assert_ne!(fixed.doc, back.doc);
    let replaced = reduce(
        fixed.clone(),
        Action::Replace {
            doc: Box::default(),
            notice: None,
        },
    );
    let mut state = reduce(replaced, Action::Undo);
    assert_eq!(state.doc, fixed.doc);
    state = reduce(state, Action::Undo);
    assert_eq!(state.doc, back.doc);
    // A new row after an undo gets an id never used before.
    let all: Vec<u64> = added.keys.subnets.clone();
    let again = reduce(reduce(reduce(state, Action::Undo), Action::Undo), Action::AddSubnet);
    let new_id = again.keys.subnets.last().copied().unwrap_or_default();
    assert!(!all[..1].contains(&new_id) && new_id > all[1], "{new_id} after {all:?}");
}

#[wasm_bindgen_test]
fn the_history_is_bounded() {
    let mut state = State::load(None);
    for n in 0..MAX_STEPS + 50 {
        let field = if n % 2 == 0 { Text::KeyName } else { Text::HostName };
        state = reduce(state, Action::Text(field, format!("name{n}")));
    }
    let mut undos = 0;
    while state.history.can_undo() {
        state = reduce(state, Action::Undo);
        undos += 1;
    }
    assert_eq!(undos, MAX_STEPS);
}

#[wasm_bindgen_test]
fn a_link_pasted_into_the_tab_is_undoable_and_not_an_edit() {
    let start = typed(State::load(None), Text::KeyName, "-mine");
    let mut other = Document::default();
    other.provider.region = "eu-west-1".into();
    other.network.subnets[0].availability_zone = "automatic".into();
    // What the hook hands over for today's link: the browser inflated it.
    let opened = reduce(
        start.clone(),
        Action::OpenLink(Box::new(share::decode(&share::encode(&other)))),
    );
    assert_eq!(*opened.doc, other);
    assert_eq!(opened.revision, start.revision, "the autosave keeps the person's form");
    assert!(opened
        .notice
        .as_ref()
        .is_some_and(|n| n.text.contains("autosaved form is kept")));
    // The link this tab made itself changes nothing.
    let same = reduce(opened.clone(), Action::OpenLink(Box::new(Ok(other))));
    assert_eq!(same.history, opened.history);
    assert_eq!(reduce(opened, Action::Undo).doc, start.doc);
}

#[wasm_bindgen_test]
fn apply_all_fixes_keeps_the_stack_and_leaves_ssh_without_an_address() {
    let mut state = State::load(None);
    state = reduce(state, Action::Text(Text::Region, "eu-central-1".into()));
    state = reduce(
        state,
        Action::Text(Text::Subnet(0, SubnetText::AvailabilityZone), "automatic".into()),
    );
    state = reduce(state, Action::Text(Text::Architecture, "arm64".into()));
    state = reduce(
        state,
        Action::Text(Text::Instance(0, InstanceText::InstanceType), "t4g.small".into()),
    );
    state = reduce(state, Action::AddInstance);
    state = reduce(
        state,
        Action::Text(Text::Instance(1, InstanceText::InstanceType), "t4g.large".into()),
    );
    state = reduce(state, Action::Text(Text::KeyName, "my-key".into()));
    let before = state.doc.clone();
    let fixed = reduce(state.clone(), Action::FixAll { admin_cidr: None });
    let doc = &fixed.doc;
    assert_eq!(doc.provider.region, "eu-central-1");
    assert_eq!(doc.image, before.image);
    assert_eq!(doc.key_pair, before.key_pair);
    let types: Vec<&str> = doc.instances.iter().map(|i| i.instance_type.as_str()).collect();
    assert_eq!(types, ["t4g.small", "t4g.large"]);
    let stack = nixform::model::validate(doc).expect("still valid");
    let left: Vec<_> = lint::lint(&stack).into_iter().filter_map(|f| f.fix).collect();
    assert_eq!(
        left,
        [lint::Fix::RestrictSsh],
        "only the SSH restriction is left for the person"
    );
    assert!(fixed
        .notice
        .as_ref()
        .is_some_and(|n| n.text.contains("SSH is still open")));
    // With an address, SSH is restricted too.
    let all = reduce(
        state,
        Action::FixAll {
            admin_cidr: Some("203.0.113.7/32".into()),
        },
    );
    let stack = nixform::model::validate(&all.doc).expect("valid");
    assert!(lint::lint(&stack).iter().all(|f| f.fix.is_none()));
}

/// Typing a secret key by key (issue 17): once it is refused, no run of 8 of its characters is
/// left in the document or in any undo or redo snapshot, and the field has its value from
/// before the secret was started.
#[wasm_bindgen_test]
fn a_secret_typed_key_by_key_leaves_nothing_behind() {
    let secret = "AKIAIOSFODNN7EXAMPLE";
    let mut state = typed(State::load(None), Text::KeyName, "-x");
    state = reduce(state, Action::Text(Text::Profile, "prod-".into()));
    state = typed(state, Text::Profile, secret);
    assert!(state.refusal(Text::Profile).is_some(), "refused at the last key");
    assert_eq!(state.doc.provider.profile, "prod-");
    let runs: Vec<&str> = (0..=secret.len() - 8).map(|i| &secret[i..i + 8]).collect();
    let leaks = |doc: &Document| {
        let json = doc.to_json();
        runs.iter().any(|run| json.contains(run))
    };
    assert!(!leaks(&state.doc));
    assert!(state.history.documents().all(|doc| !leaks(doc)));
    // Undo still walks back: the key name, then nothing.
    let undone = reduce(state, Action::Undo);
    assert!(!leaks(&undone.doc));
    assert!(undone.history.documents().all(|doc| !leaks(doc)));
}
