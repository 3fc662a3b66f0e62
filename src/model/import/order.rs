//! The order in which a file lists its instances. The importer reads the configuration as a
//! `serde_json::Value`, whose objects sort their keys, so this one order is read on its own:
//! the keys of `resource.aws_instance`, then those of `module` (the instances in modules
//! mode), as written. Nothing else of the file is read here.

use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

#[derive(Default, Deserialize)]
struct File {
    #[serde(default)]
    resource: Resources,
    #[serde(default)]
    module: Keys,
}

#[derive(Default, Deserialize)]
struct Resources {
    #[serde(default)]
    aws_instance: Keys,
}

/// An object's keys in the order written; its values are skipped.
#[derive(Default)]
struct Keys(Vec<String>);

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeysVisitor;
        impl<'de> Visitor<'de> for KeysVisitor {
            type Value = Keys;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of instances")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some((key, IgnoredAny)) = map.next_entry::<String, IgnoredAny>()? {
                    keys.push(key);
                }
                Ok(Keys(keys))
            }
        }
        deserializer.deserialize_map(KeysVisitor)
    }
}

/// The names of `resource.aws_instance`, then of `module`, in the order the file writes them;
/// empty when the file does not have that shape (the importer then reports what is wrong on
/// its own).
pub(super) fn instance_order(text: &str) -> Vec<String> {
    serde_json::from_str::<File>(text)
        .map(|file| {
            let mut names = file.resource.aws_instance.0;
            names.extend(file.module.0);
            names
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::instance_order;

    #[test]
    fn keys_come_in_the_order_written() {
        let text =
            r#"{"data": {}, "resource": {"aws_vpc": {"v": {}}, "aws_instance": {"zeta": {"a": [1]}, "alpha": {}}}}"#;
        assert_eq!(instance_order(text), ["zeta", "alpha"]);
        let text = r#"{"module": {"web": {"source": "x"}, "db": {}}, "resource": {"aws_instance": {"b": {}}}}"#;
        assert_eq!(instance_order(text), ["b", "web", "db"]);
        assert!(instance_order(r#"{"resource": []}"#).is_empty());
        assert!(instance_order("not json").is_empty());
    }
}
