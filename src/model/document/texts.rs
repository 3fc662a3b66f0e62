//! [`Document::visit_texts`]: every text field with its document path, the paths that
//! [`crate::model::FieldError`] uses. The fields and their paths are `model::edit`'s one table
//! ([`Text::all`], [`Text::path`]); the test below checks that table against the strings of
//! the document's JSON, so a new field cannot be missed.

use super::Document;
use crate::model::edit::Text;

impl Document {
    /// Call `f` with every text field's path and text, e.g. `("instances[0].tags[1].key",
    /// "Name")`, in form order.
    pub fn visit_texts(&self, f: &mut dyn FnMut(&str, &str)) {
        for field in Text::all(self) {
            if let Some(text) = field.get(self) {
                f(&field.path(), text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use crate::model::document::{SubnetDoc, TagDoc};

    /// Every string of `value` with its path.
    fn strings(value: &Value, path: String, out: &mut Vec<(String, String)>) {
        match value {
            Value::String(s) => out.push((path, s.clone())),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    strings(item, format!("{path}[{i}]"), out);
                }
            }
            Value::Object(members) => {
                for (key, member) in members {
                    let path = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    strings(member, path, out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn every_text_field_is_visited() {
        let mut doc = crate::model::presets::hardened();
        doc.instances.push(Default::default());
        doc.instances[1].tags = vec![TagDoc::default(), TagDoc::default()];
        doc.network.subnets.push(SubnetDoc::default());
        // The mode is printed only when it is not the default.
        doc.mode = "modules".into();
        // Untouched NixOS configurations are not printed; touched ones are, with every field.
        for instance in &mut doc.instances {
            instance.nixos.enabled = true;
        }
        let mut want = Vec::new();
        strings(&serde_json::to_value(&doc).expect("JSON"), String::new(), &mut want);
        let mut got = Vec::new();
        doc.visit_texts(&mut |path, text| got.push((path.to_owned(), text.to_owned())));
        got.sort();
        want.sort();
        assert_eq!(got, want);
    }
}
