//! The one tree both printers read: a JSON value with only what nixform writes.
//!
//! `render::terraform::lower` builds the Terraform document as a [`Value`]; [`super::json`]
//! prints it as `config.tf.json` and `render::nix` as the terranix module in `infra.nix`. The
//! stack [`super::Document`] is written through it too, so there is one JSON printer.
//!
//! Why not `serde_json::Value` and serde: serde's printers are generic, so every typed struct
//! and both printers were compiled once per combination, and serde_json brought its float
//! formatter with its tables. In the wasm build that was about 22 KB of gzip for floats
//! nixform never writes. This type has no floats and no null: what Terraform JSON and the
//! document need, no more. Objects keep their members in the order they were built; the
//! builders here (and the typed resource structs of `terraform`) build them sorted, and
//! `tests/golden.rs` checks every object of every rendered test stack.
//!
//! Not here: syntax and escaping of any kind (`json` here; `template` and `nix` in `render`).
//! Reading JSON gives a [`super::json::Json`], which also holds floats and null.

use std::borrow::Cow;

/// An object's key: most are field names, known at compile time, so they are not allocated.
pub type Key = Cow<'static, str>;

/// A JSON value without floats or null.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Bool(bool),
    Int(i64),
    Str(String),
    List(Vec<Value>),
    /// Members in print order, each key once.
    Object(Vec<(Key, Value)>),
}

impl Value {
    /// An object from members; they are printed in this order.
    pub fn object<K: Into<Key>>(members: impl IntoIterator<Item = (K, Value)>) -> Value {
        Value::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

macro_rules! int_to_value {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Self {
                Value::Int(i64::from(n))
            }
        }
    )*};
}
int_to_value!(u8, i32, u32, i64);

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Str(s)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Str(s.to_owned())
    }
}

impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(items: Vec<T>) -> Self {
        // A loop, not `map(Into::into).collect()`: that brings the in-place collect machinery
        // into the wasm build once per element type.
        let mut list = Vec::with_capacity(items.len());
        for item in items {
            list.push(item.into());
        }
        Value::List(list)
    }
}

/// An object whose keys are known only at run time (tags, outputs): kept sorted by key as it
/// is built, and a key inserted again replaces the earlier value, as in a `BTreeMap`. It is one
/// non-generic type, so the wasm build has no B-tree or sort code for it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn insert(&mut self, key: String, value: impl Into<Value>) {
        self.insert_value(key, value.into());
    }

    fn insert_value(&mut self, key: String, value: Value) {
        match self.0.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (key, value)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<V: Into<Value>> FromIterator<(String, V)> for Map {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(items: I) -> Self {
        let mut map = Map::default();
        for (k, v) in items {
            map.insert_value(k, v.into());
        }
        map
    }
}

impl From<Map> for Value {
    fn from(Map(members): Map) -> Self {
        Value::Object(members.into_iter().map(|(k, v)| (Key::Owned(k), v)).collect())
    }
}

/// A field of a [`value_struct!`]: added to the object under its key. `Option::None` adds
/// nothing: that is how a typed struct leaves out an attribute.
pub(crate) trait Member {
    fn push_member(self, key: &'static str, members: &mut Vec<(Key, Value)>);
}

impl<T: Into<Value>> Member for T {
    fn push_member(self, key: &'static str, members: &mut Vec<(Key, Value)>) {
        push_value(members, key, self.into());
    }
}

impl<T: Into<Value>> Member for Option<T> {
    fn push_member(self, key: &'static str, members: &mut Vec<(Key, Value)>) {
        if let Some(v) = self {
            push_value(members, key, v.into());
        }
    }
}

/// The one place a member is added: kept out of line, so that each field of each
/// [`value_struct!`] costs a call in the wasm build, not a copy of `Vec::push`.
#[inline(never)]
fn push_value(members: &mut Vec<(Key, Value)>, key: &'static str, value: Value) {
    members.push((Cow::Borrowed(key), value));
}

/// Declares a struct whose fields become the members of an object (`From<Struct> for Value`),
/// in declaration order (declare them sorted). `field as "key"` names a member that is not a
/// Rust identifier; an `Option` field that is `None` is left out.
macro_rules! value_struct {
    ($(#[$meta:meta])* $vis:vis struct $name:ident { $($(#[$fmeta:meta])* $field:ident $(as $key:literal)? : $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        $vis struct $name {
            $($(#[$fmeta])* $field: $ty,)*
        }
        impl From<$name> for $crate::model::value::Value {
            fn from(body: $name) -> Self {
                let mut members = Vec::new();
                $($crate::model::value::Member::push_member(
                    body.$field,
                    value_struct!(@key $field $($key)?),
                    &mut members,
                );)*
                $crate::model::value::Value::Object(members)
            }
        }
    };
    (@key $field:ident $key:literal) => { $key };
    (@key $field:ident) => { stringify!($field) };
}
pub(crate) use value_struct;

#[cfg(test)]
mod tests {
    use super::*;

    value_struct!(
        struct Sample {
            a: Option<u32>,
            b: Vec<bool>,
            self_ as "self": &'static str,
            z: Map,
        }
    );

    #[test]
    fn maps_are_sorted_and_the_last_insert_wins() {
        let mut map: Map = [("b".to_owned(), 1), ("a".to_owned(), 2)].into_iter().collect();
        map.insert("c".to_owned(), 3);
        map.insert("b".to_owned(), 4);
        map.insert("a0".to_owned(), 5);
        assert_eq!(
            Value::from(map),
            Value::object([
                ("a", Value::Int(2)),
                ("a0", Value::Int(5)),
                ("b", Value::Int(4)),
                ("c", Value::Int(3)),
            ])
        );
        assert!(Map::default().is_empty());
    }

    #[test]
    fn structs_become_objects_in_declaration_order() {
        let sample = Sample {
            a: None,
            b: vec![true],
            self_: "x",
            z: [("k".to_owned(), -1)].into_iter().collect(),
        };
        assert_eq!(
            Value::from(sample),
            Value::object([
                ("b", Value::List(vec![Value::Bool(true)])),
                ("self", Value::from("x")),
                ("z", Value::object([("k", Value::Int(-1))])),
            ])
        );
        let with_a = Sample {
            a: Some(7),
            b: vec![],
            self_: "x",
            z: Map::default(),
        };
        assert_eq!(
            Value::from(with_a),
            Value::object([
                ("a", Value::Int(7)),
                ("b", Value::List(vec![])),
                ("self", Value::from("x")),
                ("z", Value::object::<&str>([])),
            ])
        );
    }
}
