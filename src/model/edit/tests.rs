//! The typed fields against the document: each editing its own place, refusals keeping the previous value.

use super::*;
use crate::model::document::{Document, InstanceDoc};

/// A document with every optional list non-empty.
fn full() -> Document {
    let mut doc = Document::default();
    doc.instances.push(InstanceDoc::default());
    doc.instances[1].tags.push(Default::default());
    doc.network.subnets.push(Default::default());
    doc
}

// That every text field is reachable, under its document path, is checked against the
// document's JSON in `document/texts.rs` (`visit_texts` walks `Text::all`).

#[test]
fn each_field_edits_its_own_place() {
    for field in Text::all(&full()) {
        let mut doc = full();
        field.set(&mut doc, "edited-value").expect("set");
        let mut changed = Vec::new();
        doc.visit_texts(&mut |path, text| {
            if text == "edited-value" {
                changed.push(path.to_owned());
            }
        });
        assert_eq!(changed, [field.path()], "{field:?}");
    }
}

#[test]
fn flags_set_and_get() {
    let mut doc = Document::default();
    let flag = Flag::Instance(0, InstanceFlag::Monitoring);
    assert_eq!(flag.get(&doc), Some(false));
    flag.set(&mut doc, true).expect("set");
    assert!(doc.instances[0].monitoring);
    Flag::FlowLogs.set(&mut doc, true).expect("set");
    assert!(doc.network.flow_logs);
    assert_eq!(
        Flag::Instance(3, InstanceFlag::IamRole).set(&mut doc, true),
        Err(EditError::NoField("instances[3].iam_role".into()))
    );
}

#[test]
fn each_flag_toggles_its_own_place_and_has_its_own_path() {
    let all = Flag::all(&full());
    assert_eq!(all.len(), 2 + 2 * (7 + HostFlag::ALL.len()) + 3);
    let mut paths: Vec<String> = all.iter().map(|f| f.path()).collect();
    paths.sort();
    paths.dedup();
    assert_eq!(paths.len(), all.len(), "one path per flag");
    for flag in &all {
        let mut doc = full();
        let before = flag.get(&doc).expect("in the document");
        flag.set(&mut doc, !before).expect("set");
        let changed: Vec<Flag> = all.iter().copied().filter(|f| f.get(&doc) != f.get(&full())).collect();
        assert_eq!(changed, [*flag]);
    }
}

#[test]
fn a_field_is_named_by_the_path_of_its_text_or_flag() {
    assert_eq!(Field::from(Text::PublicKey).path(), "key_pair.public_key");
    assert_eq!(Field::from(Flag::FlowLogs).path(), "network.flow_logs");
    assert_ne!(Field::from(Text::PublicKey), Field::from(Text::KeyName));
}

#[test]
fn an_out_of_date_index_is_an_error_not_a_panic() {
    let mut doc = Document::default();
    let before = doc.clone();
    assert_eq!(
        Text::Instance(5, InstanceText::Name).set(&mut doc, "x"),
        Err(EditError::NoField("instances[5].name".into()))
    );
    assert_eq!(Text::TagKey(0, 0).get(&doc), None);
    assert_eq!(doc, before);
}

#[test]
fn refusals_keep_the_previous_value() {
    let mut doc = Document::default();
    let before = doc.clone();
    let key = "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----";
    assert!(matches!(Text::PublicKey.set(&mut doc, key), Err(EditError::Refused(m)) if m.contains("private key")));
    assert!(matches!(
        Text::Profile.set(&mut doc, "AKIAIOSFODNN7EXAMPLE"),
        Err(EditError::Refused(_))
    ));
    let huge = "x".repeat(1 << 20);
    assert!(
        matches!(Text::SecurityGroupName.set(&mut doc, &huge), Err(EditError::Refused(m)) if m.contains("1048576"))
    );
    assert_eq!(doc, before);
    let user_data = Text::Instance(0, InstanceText::UserData);
    assert!(user_data.set(&mut doc, &"y".repeat(16_384)).is_ok());
    let refused = user_data.set(&mut doc, &"é".repeat(8_193));
    assert!(
        matches!(&refused, Err(EditError::Refused(m)) if m.contains("16386 bytes") && m.contains("16 KB (16384 bytes)") && !m.contains("32")),
        "{refused:?}"
    );
    assert_eq!(doc.instances[0].user_data.len(), 16_384);
}
