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
