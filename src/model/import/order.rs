//! The order in which a file lists its instances. The importer reads the configuration as a
//! `serde_json::Value`, whose objects sort their keys, so this one order is read on its own:
//! the keys of `resource.aws_instance`, then those of `module` (the instances in modules
//! mode), as written. Nothing else of the file is read here.

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

/// Walks down `path` through nested objects and collects the keys of the object at its end,
/// in the order written; every other value is skipped. One visitor for any path, rather than a
/// derived struct per level: those cost 2.5 KB of wasm, and the modules mode import brought the
/// app over its 300,000-byte ceiling (docs/performance.md).
struct KeysAt<'p> {
    path: &'p [&'p str],
    keys: &'p mut Vec<String>,
}

impl<'de> DeserializeSeed<'de> for KeysAt<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for KeysAt<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match self.path.split_first() {
                None => {
                    map.next_value::<IgnoredAny>()?;
                    self.keys.push(key);
                }
                Some((first, rest)) if *first == key => map.next_value_seed(KeysAt {
                    path: rest,
                    keys: &mut *self.keys,
                })?,
                Some(_) => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// The names of `resource.aws_instance`, then of `module`, in the order the file writes them;
/// none of a part that does not have that shape (the importer then reports what is wrong on
/// its own).
pub(super) fn instance_order(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for path in [&["resource", "aws_instance"][..], &["module"]] {
        let mut keys = Vec::new();
        let seed = KeysAt { path, keys: &mut keys };
        if seed.deserialize(&mut serde_json::Deserializer::from_str(text)).is_ok() {
            names.append(&mut keys);
        }
    }
    names
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
        assert_eq!(instance_order(r#"{"resource": [], "module": {"m": 1}}"#), ["m"]);
        assert!(instance_order("not json").is_empty());
    }
}
