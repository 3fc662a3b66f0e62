//! Editing a document field by its path (`instances[0].tags[1].key`), the same paths that
//! [`crate::model::FieldError`] uses, and screening what a person types before it is stored.
//!
//! [`screen`] is the gate: a pasted secret or an oversized paste is refused with a message and
//! the field keeps its previous value, so nothing secret reaches autosave, previews or links.
//! List operations (add/remove an instance, a rule) are plain `Vec` edits in the UI's reducer.

use thiserror::Error;

use super::document::Document;
use super::fields::{parent_mut, FieldMut};
use super::secrets::find_secret;

/// The most characters a single-line field takes (far above any AWS limit, far below a paste
/// that would slow the page down).
pub const MAX_LINE_CHARS: usize = 4096;
/// The most characters user data takes (EC2 allows 16 KB; the rest is room for a message).
pub const MAX_USER_DATA_CHARS: usize = 32 * 1024;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum EditError {
    #[error("no field `{0}` in the document")]
    NoField(String),
    #[error("field `{0}` holds a different kind of value")]
    WrongKind(String),
    #[error("{0}")]
    Refused(String),
}

/// Whether `value` may be stored in the field at `path`; the error is shown next to the field.
pub fn screen(path: &str, value: &str) -> Result<(), EditError> {
    if let Some(what) = find_secret(value) {
        return Err(EditError::Refused(format!("This looks like {what}. nixform never stores secrets: it was not saved. Use a credentials file or a profile.")));
    }
    let max = if path.ends_with("user_data") {
        MAX_USER_DATA_CHARS
    } else {
        MAX_LINE_CHARS
    };
    let len = value.chars().count();
    if len > max {
        return Err(EditError::Refused(format!(
            "The pasted text is {len} characters long; this field takes at most {max}. The previous value was kept."
        )));
    }
    Ok(())
}

/// Set the text field at `path` after [`screen`]ing the value.
pub fn set_text(doc: &mut Document, path: &str, value: &str) -> Result<(), EditError> {
    screen(path, value)?;
    let (parent, name) = parent_mut(doc, path).ok_or_else(|| EditError::NoField(path.to_owned()))?;
    match parent.field_mut(name) {
        Some(FieldMut::Text(slot)) => {
            value.clone_into(slot);
            Ok(())
        }
        Some(FieldMut::Flag(_)) => Err(EditError::WrongKind(path.to_owned())),
        _ => Err(EditError::NoField(path.to_owned())),
    }
}

/// Set the checkbox at `path`.
pub fn set_flag(doc: &mut Document, path: &str, value: bool) -> Result<(), EditError> {
    let (parent, name) = parent_mut(doc, path).ok_or_else(|| EditError::NoField(path.to_owned()))?;
    match parent.field_mut(name) {
        Some(FieldMut::Flag(slot)) => {
            *slot = value;
            Ok(())
        }
        Some(FieldMut::Text(_)) => Err(EditError::WrongKind(path.to_owned())),
        _ => Err(EditError::NoField(path.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_and_get_by_path() {
        let mut doc = Document::default();
        set_text(&mut doc, "instances[0].instance_type", "t3.micro").expect("set");
        assert_eq!(doc.instances[0].instance_type, "t3.micro");
        set_text(&mut doc, "security_group.ingress[0].ipv4_cidrs", "10.0.0.0/8").expect("set");
        assert_eq!(doc.security_group.ingress[0].ipv4_cidrs, "10.0.0.0/8");
        set_flag(&mut doc, "network.flow_logs", true).expect("set");
        assert!(doc.network.flow_logs);
        assert_eq!(
            set_text(&mut doc, "instances[5].name", "x"),
            Err(EditError::NoField("instances[5].name".into()))
        );
        assert_eq!(set_text(&mut doc, "nope", "x"), Err(EditError::NoField("nope".into())));
        assert_eq!(
            set_text(&mut doc, "network.flow_logs", "x"),
            Err(EditError::WrongKind("network.flow_logs".into()))
        );
        assert_eq!(
            set_text(&mut doc, "instances[0", "x"),
            Err(EditError::NoField("instances[0".into()))
        );
    }

    #[test]
    fn refusals_keep_the_previous_value() {
        let mut doc = Document::default();
        let before = doc.clone();
        let key = "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----";
        assert!(
            matches!(set_text(&mut doc, "key_pair.public_key", key), Err(EditError::Refused(m)) if m.contains("private key"))
        );
        assert!(matches!(
            set_text(&mut doc, "provider.profile", "AKIAIOSFODNN7EXAMPLE"),
            Err(EditError::Refused(_))
        ));
        let huge = "x".repeat(1 << 20);
        assert!(
            matches!(set_text(&mut doc, "security_group.name", &huge), Err(EditError::Refused(m)) if m.contains("1048576"))
        );
        assert_eq!(doc, before);
        assert!(set_text(&mut doc, "instances[0].user_data", &"y".repeat(20_000)).is_ok());
    }
}
