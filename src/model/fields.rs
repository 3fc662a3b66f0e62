//! The document's fields by name: what `edit` writes through and what `validate` scans, without
//! a JSON value round trip (which cost code size and time on every keystroke).
//!
//! One macro call per document struct lists its text fields, flags, nested structs and lists.
//! `Document::from_json` fills a document through the same table, so a field missing here is
//! also not read from JSON (an unknown field), not written to JSON, not editable by path and not
//! scanned for secrets, so `tests::every_field_is_listed` compares the table with the fields that
//! the derived `Debug` shows.

use super::document::*;
use super::value::{Key, Value};

/// Access to one struct's fields by name.
pub trait Fields {
    fn text_mut(&mut self, name: &str) -> Option<&mut String>;
    fn flag_mut(&mut self, name: &str) -> Option<&mut bool>;
    /// A nested struct (`index` None) or an element of a list field.
    fn child_mut(&mut self, name: &str, index: Option<usize>) -> Option<&mut dyn Fields>;
    /// Empty the list field `name`; false if there is no such list.
    fn clear_list(&mut self, name: &str) -> bool;
    /// Append a default element to the list field `name` and return it.
    fn push_default(&mut self, name: &str) -> Option<&mut dyn Fields>;
    /// Call `f(path, text, multi_line)` for every text field below `path`.
    fn visit_texts(&self, path: &mut String, f: &mut dyn FnMut(&str, &str));
    /// The fields as a JSON object: texts, then flags, then nested structs, then lists, each
    /// group in the order of the table.
    fn to_value(&self) -> Value;
}

fn push_key(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}

macro_rules! fields {
    ($ty:ty { text: [$($t:ident),*], flag: [$($f:ident),*], child: [$($c:ident),*], list: [$($l:ident),*] }) => {
        impl Fields for $ty {
            fn text_mut(&mut self, name: &str) -> Option<&mut String> {
                match name {
                    $(stringify!($t) => Some(&mut self.$t),)*
                    _ => None,
                }
            }
            fn flag_mut(&mut self, name: &str) -> Option<&mut bool> {
                match name {
                    $(stringify!($f) => Some(&mut self.$f),)*
                    _ => None,
                }
            }
            fn child_mut(&mut self, name: &str, index: Option<usize>) -> Option<&mut dyn Fields> {
                match (name, index) {
                    $((stringify!($c), None) => Some(&mut self.$c),)*
                    $((stringify!($l), Some(i)) => self.$l.get_mut(i).map(|x| x as &mut dyn Fields),)*
                    _ => None,
                }
            }
            fn clear_list(&mut self, name: &str) -> bool {
                match name {
                    $(stringify!($l) => {
                        self.$l.clear();
                        true
                    })*
                    _ => false,
                }
            }
            fn push_default(&mut self, name: &str) -> Option<&mut dyn Fields> {
                match name {
                    $(stringify!($l) => {
                        self.$l.push(Default::default());
                        self.$l.last_mut().map(|x| x as &mut dyn Fields)
                    })*
                    _ => None,
                }
            }
            fn to_value(&self) -> Value {
                Value::Object(vec![
                    $((Key::Borrowed(stringify!($t)), Value::Str(self.$t.clone())),)*
                    $((Key::Borrowed(stringify!($f)), Value::Bool(self.$f)),)*
                    $((Key::Borrowed(stringify!($c)), self.$c.to_value()),)*
                    $((
                        Key::Borrowed(stringify!($l)),
                        Value::List(self.$l.iter().map(Fields::to_value).collect()),
                    ),)*
                ])
            }
            #[allow(unused_variables)]
            fn visit_texts(&self, path: &mut String, f: &mut dyn FnMut(&str, &str)) {
                let len = path.len();
                $(
                    push_key(path, stringify!($t));
                    f(path, &self.$t);
                    path.truncate(len);
                )*
                $(
                    push_key(path, stringify!($c));
                    self.$c.visit_texts(path, f);
                    path.truncate(len);
                )*
                $(
                    for (i, item) in self.$l.iter().enumerate() {
                        push_key(path, stringify!($l));
                        path.push('[');
                        path.push_str(&i.to_string());
                        path.push(']');
                        item.visit_texts(path, f);
                        path.truncate(len);
                    }
                )*
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
    let (parents, last) = match path.rsplit_once('.') {
        Some((p, l)) => (Some(p), l),
        None => (None, path),
    };
    let mut here: &mut dyn Fields = doc;
    for step in parents.into_iter().flat_map(|p| p.split('.')) {
        let (name, index) = match step.split_once('[') {
            Some((name, rest)) => (name, Some(rest.strip_suffix(']')?.parse().ok()?)),
            None => (step, None),
        };
        here = here.child_mut(name, index)?;
    }
    (!last.contains('[')).then_some((here, last))
}

impl Document {
    /// Every text field with its path, e.g. `("instances[0].tags[1].key", "Name")`.
    pub fn visit_texts(&self, f: &mut dyn FnMut(&str, &str)) {
        Fields::visit_texts(self, &mut String::new(), f);
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
            assert!(parent.text_mut(last).is_some(), "{path}");
        }
    }
}
