//! The importer's round trip: what nixform renders for a document comes back as a document that
//! renders the same files.

use nixform::model::document::Document;
use nixform::model::import::{import_tf_json, Imported};
use nixform::model::validate;
use nixform::render::render_all;

/// Import the `config.tf.json` nixform renders for `doc` into the form `doc`: nothing is
/// unmapped, and the imported document renders the very same files. Returns what was imported.
#[track_caller]
pub fn import_round_trip(name: &str, doc: &Document) -> Imported {
    let files = render_all(&validate(doc).unwrap_or_else(|e| panic!("{name}: invalid: {e:#?}"))).expect("renders");
    let imported = import_tf_json(&files.config_tf_json, doc).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(imported.unmapped.is_empty(), "{name}: unmapped {:?}", imported.unmapped);
    let again = validate(&imported.document).unwrap_or_else(|e| panic!("{name}: imported document invalid: {e:#?}"));
    assert_eq!(
        render_all(&again).expect("renders"),
        files,
        "{name}: a different stack came back"
    );
    imported
}
