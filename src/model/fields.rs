//! The document's fields by name: what `edit` writes through and what `validate` scans, without
//! a JSON value round trip (which cost code size and time on every keystroke).
//!
//! One macro call per document struct lists its text fields, flags, nested structs and lists;
//! it writes [`Fields::field_mut`] and [`Fields::for_each_field`], and the rest (paths, visiting,
//! the JSON value) is written once over `dyn Fields`.
//! `Document::from_json` fills a document through the same table, so a field missing here is
//! also not read from JSON (an unknown field), not written to JSON, not editable by path and not
//! scanned for secrets, so `tests::every_field_is_listed` compares the table with the fields that
//! the derived `Debug` shows.

use super::document::*;
use super::value::{Key, Value};

/// One field of a document struct, to read.
pub enum Field<'a> {
    Text(&'a str),
    Flag(bool),
    Child(&'a dyn Fields),
    List(&'a dyn List),
}

/// One field of a document struct, to write.
pub enum FieldMut<'a> {
    Text(&'a mut String),
    Flag(&'a mut bool),
    Child(&'a mut dyn Fields),
    List(&'a mut dyn List),
}

/// Access to one struct's fields by name: the only code written per struct (by `fields!`);
/// everything else here works on `dyn Fields`, so it is compiled once.
pub trait Fields {
    /// The field `name`, if the struct has one.
    fn field_mut(&mut self, name: &str) -> Option<FieldMut<'_>>;
    /// Call `f` with every field: texts, then flags, then nested structs, then lists, each
    /// group in the order of the table.
    fn for_each_field(&self, f: &mut dyn FnMut(&'static str, Field<'_>));
}

/// A list field: a `Vec` of document structs.
pub trait List {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn get(&self, index: usize) -> Option<&dyn Fields>;
    fn get_mut(&mut self, index: usize) -> Option<&mut dyn Fields>;
    fn clear(&mut self);
    /// Append a default element and return it.
    fn push_default(&mut self) -> &mut dyn Fields;
}

impl<T: Fields + Default> List for Vec<T> {
    fn len(&self) -> usize {
        Vec::len(self)
    }
    fn get(&self, index: usize) -> Option<&dyn Fields> {
        self.as_slice().get(index).map(|x| x as &dyn Fields)
    }
    fn get_mut(&mut self, index: usize) -> Option<&mut dyn Fields> {
        self.as_mut_slice().get_mut(index).map(|x| x as &mut dyn Fields)
    }
    fn clear(&mut self) {
        Vec::clear(self);
    }
    fn push_default(&mut self) -> &mut dyn Fields {
        let at = Vec::len(self);
        self.push(T::default());
        &mut self[at]
    }
}

/// Append `.key` to a field path (just `key` at the top).
pub(super) fn push_key(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}

/// Append `[index]` to a field path.
pub(super) fn push_index(path: &mut String, index: usize) {
    path.push('[');
    super::json::push_int(path, index as i64);
    path.push(']');
}

/// Call `f(path, text)` for every text field of `fields` and below; `path` is where `fields` is.
pub fn visit_texts(fields: &dyn Fields, path: &mut String, f: &mut dyn FnMut(&str, &str)) {
    fields.for_each_field(&mut |name, field| {
        let len = path.len();
        push_key(path, name);
        match field {
            Field::Text(text) => f(path, text),
            Field::Flag(_) => {}
            Field::Child(child) => visit_texts(child, path, f),
            Field::List(list) => {
                let base = path.len();
                for i in 0..list.len() {
                    push_index(path, i);
                    if let Some(item) = list.get(i) {
                        visit_texts(item, path, f);
                    }
                    path.truncate(base);
                }
            }
        }
        path.truncate(len);
    });
}

/// The fields as a JSON object, in the order of [`Fields::for_each_field`].
pub fn to_value(fields: &dyn Fields) -> Value {
    let mut members: Vec<(Key, Value)> = Vec::new();
    fields.for_each_field(&mut |name, field| {
        let value = match field {
            Field::Text(text) => Value::from(text),
            Field::Flag(flag) => Value::Bool(flag),
            Field::Child(child) => to_value(child),
            Field::List(list) => {
                let mut items = Vec::with_capacity(list.len());
                for i in 0..list.len() {
                    if let Some(item) = list.get(i) {
                        items.push(to_value(item));
                    }
                }
                Value::List(items)
            }
        };
        members.push((Key::Borrowed(name), value));
    });
    Value::Object(members)
}

macro_rules! fields {
    ($ty:ty { text: [$($t:ident),*], flag: [$($f:ident),*], child: [$($c:ident),*], list: [$($l:ident),*] }) => {
        impl Fields for $ty {
            fn field_mut(&mut self, name: &str) -> Option<FieldMut<'_>> {
                Some(match name {
                    $(stringify!($t) => FieldMut::Text(&mut self.$t),)*
                    $(stringify!($f) => FieldMut::Flag(&mut self.$f),)*
                    $(stringify!($c) => FieldMut::Child(&mut self.$c),)*
                    $(stringify!($l) => FieldMut::List(&mut self.$l),)*
                    _ => return None,
                })
            }
            fn for_each_field(&self, f: &mut dyn FnMut(&'static str, Field<'_>)) {
                $(f(stringify!($t), Field::Text(&self.$t));)*
                $(f(stringify!($f), Field::Flag(self.$f));)*
                $(f(stringify!($c), Field::Child(&self.$c));)*
                $(f(stringify!($l), Field::List(&self.$l));)*
            }
        }
    };
}

fields!(Document {
    text: [],
    flag: [],
    child: [provider, image, network, security_group, key_pair, outputs, provisioner],
    list: [instances]
});
fields!(ProviderDoc {
    text: [region, shared_credentials_file, shared_config_file, profile],
    flag: [],
    child: [],
    list: []
});
fields!(ImageDoc {
    text: [release, custom_pattern, architecture, data_name],
    flag: [],
    child: [],
    list: []
});
fields!(NetworkDoc {
    text: [
        vpc_name,
        vpc_cidr,
        gateway_name,
        route_table_name,
        route_name,
        flow_log_retention_days
    ],
    flag: [restrict_default_security_group, flow_logs],
    child: [],
    list: [subnets]
});
fields!(SubnetDoc {
    text: [name, cidr, availability_zone],
    flag: [],
    child: [],
    list: []
});
fields!(SecurityGroupDoc {
    text: [resource_name, name, description],
    flag: [],
    child: [],
    list: [ingress, egress]
});
fields!(RuleDoc {
    text: [description, protocol, from_port, to_port, ipv4_cidrs, ipv6_cidrs],
    flag: [],
    child: [],
    list: []
});
fields!(KeyPairDoc {
    text: [resource_name, key_name, public_key],
    flag: [],
    child: [],
    list: []
});
fields!(InstanceDoc {
    text: [
        name,
        instance_type,
        subnet,
        root_volume_size,
        root_volume_type,
        user_data
    ],
    flag: [
        public_ip,
        root_volume_encrypted,
        imdsv2_required,
        monitoring,
        ebs_optimized,
        iam_role,
        ignore_ami_changes
    ],
    child: [],
    list: [tags]
});
fields!(TagDoc {
    text: [key, value],
    flag: [],
    child: [],
    list: []
});
fields!(OutputsDoc {
    text: [],
    flag: [public_ip, public_dns, ssh_command],
    child: [],
    list: []
});
fields!(ProvisionerDoc {
    text: [unit_name, state_directory, tool, host_name, host_system],
    flag: [],
    child: [],
    list: []
});

/// The struct that holds the last step of `path`, and that step's name.
pub fn parent_mut<'d>(doc: &'d mut Document, path: &'d str) -> Option<(&'d mut dyn Fields, &'d str)> {
    // By bytes: `rsplit_once` would bring a reverse character searcher into the wasm build.
    let (parents, last) = match path.bytes().rposition(|b| b == b'.') {
        Some(dot) => (Some(path.get(..dot)?), path.get(dot + 1..)?),
        None => (None, path),
    };
    let mut here: &mut dyn Fields = doc;
    if let Some(parents) = parents {
        for step in parents.split('.') {
            let (name, index) = match step.split_once('[') {
                Some((name, rest)) => (name, Some(rest.strip_suffix(']')?.parse::<usize>().ok()?)),
                None => (step, None),
            };
            here = match (here.field_mut(name)?, index) {
                (FieldMut::Child(child), None) => child,
                (FieldMut::List(list), Some(i)) => list.get_mut(i)?,
                _ => return None,
            };
        }
    }
    (!last.as_bytes().contains(&b'[')).then_some((here, last))
}

impl Document {
    /// Every text field with its path, e.g. `("instances[0].tags[1].key", "Name")`.
    pub fn visit_texts(&self, f: &mut dyn FnMut(&str, &str)) {
        visit_texts(self, &mut String::new(), f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of the scalar fields, from the derived `Debug` output: an oracle that sees every
    /// field, whether the table lists it or not.
    fn debug_leaves(doc: &Document) -> Vec<String> {
        let mut names: Vec<String> = format!("{doc:#?}")
            .lines()
            .filter_map(|line| {
                let (name, rest) = line.trim().split_once(": ")?;
                let scalar = rest.starts_with(['"', 't', 'f']) || rest.starts_with(|c: char| c.is_ascii_digit());
                scalar.then(|| name.to_owned())
            })
            .collect();
        names.sort();
        names
    }

    /// The names of the scalar members of the document's JSON value.
    fn value_leaves(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::List(items) => items.iter().for_each(|x| value_leaves(x, out)),
            Value::Object(members) => members.iter().for_each(|(k, x)| match x {
                Value::List(_) | Value::Object(_) => value_leaves(x, out),
                _ => out.push(k.to_string()),
            }),
            _ => {}
        }
    }

    #[test]
    fn every_field_is_listed() {
        let mut doc = crate::model::presets::hardened();
        doc.instances[0].tags.push(TagDoc {
            key: "k".into(),
            value: "v".into(),
        });
        doc.network.subnets.push(SubnetDoc::default());
        let mut written = Vec::new();
        value_leaves(&doc.to_value(), &mut written);
        written.sort();
        assert_eq!(
            written,
            debug_leaves(&doc),
            "the JSON value and the struct fields differ"
        );
        assert_eq!(Document::from_json(&doc.to_json()), Ok(doc.clone()), "round trip");

        // And every text field is visited, by path.
        let mut want = Vec::new();
        fn strings(v: &Value, path: String, out: &mut Vec<(String, String)>) {
            match v {
                Value::Str(s) => out.push((path, s.clone())),
                Value::List(a) => a
                    .iter()
                    .enumerate()
                    .for_each(|(i, x)| strings(x, format!("{path}[{i}]"), out)),
                Value::Object(m) => m.iter().for_each(|(k, x)| {
                    let path = if path.is_empty() {
                        k.to_string()
                    } else {
                        format!("{path}.{k}")
                    };
                    strings(x, path, out)
                }),
                _ => {}
            }
        }
        strings(&doc.to_value(), String::new(), &mut want);
        let mut got = Vec::new();
        doc.visit_texts(&mut |p, t| got.push((p.to_owned(), t.to_owned())));
        want.sort();
        got.sort();
        assert_eq!(got, want);
        // And every one of them is reachable for editing.
        for (path, _) in &want {
            let (parent, last) = parent_mut(&mut doc, path).unwrap_or_else(|| panic!("{path}"));
            assert!(matches!(parent.field_mut(last), Some(FieldMut::Text(_))), "{path}");
        }
    }
}
