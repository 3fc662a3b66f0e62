//! [`Document::visit_texts`]: every text field with its document path, the paths that
//! [`crate::model::FieldError`] uses. Written out by hand, in declaration order; the test below
//! checks it against the strings of the document's JSON, so a new field cannot be missed.

use super::Document;

impl Document {
    /// Call `f` with every text field's path and text, e.g. `("instances[0].tags[1].key",
    /// "Name")`, in declaration order.
    pub fn visit_texts(&self, f: &mut dyn FnMut(&str, &str)) {
        let p = &self.provider;
        f("provider.region", &p.region);
        f("provider.shared_credentials_file", &p.shared_credentials_file);
        f("provider.shared_config_file", &p.shared_config_file);
        f("provider.profile", &p.profile);
        let i = &self.image;
        f("image.release", &i.release);
        f("image.custom_pattern", &i.custom_pattern);
        f("image.architecture", &i.architecture);
        f("image.data_name", &i.data_name);
        let n = &self.network;
        f("network.vpc_name", &n.vpc_name);
        f("network.vpc_cidr", &n.vpc_cidr);
        f("network.gateway_name", &n.gateway_name);
        f("network.route_table_name", &n.route_table_name);
        f("network.route_name", &n.route_name);
        f("network.flow_log_retention_days", &n.flow_log_retention_days);
        for (j, s) in n.subnets.iter().enumerate() {
            let base = format!("network.subnets[{j}]");
            f(&format!("{base}.name"), &s.name);
            f(&format!("{base}.cidr"), &s.cidr);
            f(&format!("{base}.availability_zone"), &s.availability_zone);
        }
        let g = &self.security_group;
        f("security_group.resource_name", &g.resource_name);
        f("security_group.name", &g.name);
        f("security_group.description", &g.description);
        for (list, rules) in [("ingress", &g.ingress), ("egress", &g.egress)] {
            for (j, r) in rules.iter().enumerate() {
                let base = format!("security_group.{list}[{j}]");
                f(&format!("{base}.description"), &r.description);
                f(&format!("{base}.protocol"), &r.protocol);
                f(&format!("{base}.from_port"), &r.from_port);
                f(&format!("{base}.to_port"), &r.to_port);
                f(&format!("{base}.ipv4_cidrs"), &r.ipv4_cidrs);
                f(&format!("{base}.ipv6_cidrs"), &r.ipv6_cidrs);
            }
        }
        let k = &self.key_pair;
        f("key_pair.resource_name", &k.resource_name);
        f("key_pair.key_name", &k.key_name);
        f("key_pair.public_key", &k.public_key);
        let p = &self.provisioner;
        f("provisioner.unit_name", &p.unit_name);
        f("provisioner.state_directory", &p.state_directory);
        f("provisioner.tool", &p.tool);
        f("provisioner.host_name", &p.host_name);
        f("provisioner.host_system", &p.host_system);
        for (j, d) in self.instances.iter().enumerate() {
            let base = format!("instances[{j}]");
            f(&format!("{base}.name"), &d.name);
            f(&format!("{base}.instance_type"), &d.instance_type);
            f(&format!("{base}.subnet"), &d.subnet);
            f(&format!("{base}.root_volume_size"), &d.root_volume_size);
            f(&format!("{base}.root_volume_type"), &d.root_volume_type);
            f(&format!("{base}.user_data"), &d.user_data);
            for (t, tag) in d.tags.iter().enumerate() {
                f(&format!("{base}.tags[{t}].key"), &tag.key);
                f(&format!("{base}.tags[{t}].value"), &tag.value);
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
        let mut want = Vec::new();
        strings(&serde_json::to_value(&doc).expect("JSON"), String::new(), &mut want);
        let mut got = Vec::new();
        doc.visit_texts(&mut |path, text| got.push((path.to_owned(), text.to_owned())));
        got.sort();
        want.sort();
        assert_eq!(got, want);
    }
}
