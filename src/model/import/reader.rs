//! [`Reader`]: reading values out of a foreign configuration the way nixform wrote them, and
//! noting everything it cannot map. The sections of the import are in the parent module,
//! `instances` and `modules`.

use serde_json::Value;

use super::Object;
use crate::model::document::RuleDoc;
use crate::model::template;

/// Walks the configuration, taking what it maps and remembering the rest.
pub(super) struct Reader {
    /// In the order noted; sorted and without repeats at the end.
    pub(super) unmapped: Vec<String>,
}

impl Reader {
    /// The literal text of a template string, or the raw string when it is an expression.
    pub(super) fn text(v: Option<&Value>) -> String {
        match v {
            Some(Value::String(s)) => template::unescape(s).unwrap_or_else(|| s.clone()),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            _ => String::new(),
        }
    }

    /// `${kind.NAME.attr}` → `NAME`.
    pub(super) fn reference(v: Option<&Value>, kind: &str, attr: &str) -> Option<String> {
        let s = v?.as_str()?;
        let inner = s.strip_prefix("${")?.strip_suffix('}')?;
        let rest = inner.strip_prefix(kind)?.strip_prefix('.')?;
        rest.strip_suffix(attr)?.strip_suffix('.').map(str::to_owned)
    }

    pub(super) fn flag(v: Option<&Value>) -> bool {
        v.and_then(Value::as_bool).unwrap_or(false)
    }

    pub(super) fn array(v: Option<&Value>) -> &[Value] {
        v.and_then(Value::as_array).map_or(&[], Vec::as_slice)
    }

    /// The texts of a list, joined as the form shows them.
    pub(super) fn list(v: Option<&Value>) -> String {
        let texts: Vec<String> = Self::array(v).iter().map(|x| Self::text(Some(x))).collect();
        texts.join(", ")
    }

    /// The text of a list's first item.
    pub(super) fn first(v: Option<&Value>) -> String {
        Self::text(Self::array(v).first())
    }

    pub(super) fn note(&mut self, item: String) {
        self.unmapped.push(item);
    }

    /// Note every key of `body` not in `known` as unmapped, under `address`.
    pub(super) fn extra_keys(&mut self, address: &str, body: &Object, known: &[&str]) {
        for key in body.keys().filter(|k| !known.contains(&k.as_str())) {
            self.note(format!("{address}.{key}"));
        }
    }

    /// Note `address.tags` unless the block's tags are only the `Name` nixform writes (`name`).
    pub(super) fn name_tag(&mut self, address: &str, body: &Object, name: &str) {
        let Some(tags) = body.get("tags") else { return };
        let ours = tags
            .as_object()
            .is_some_and(|t| t.len() == 1 && Self::text(t.get("Name")) == name);
        if !ours {
            self.note(format!("{address}.tags"));
        }
    }

    /// The bodies of `resource.<kind>` (or `data.<kind>`), in name order.
    pub(super) fn blocks<'a>(root: &'a Object, section: &str, kind: &str) -> Vec<(&'a String, &'a Object)> {
        root.get(section)
            .and_then(|s| s.get(kind))
            .and_then(Value::as_object)
            .map(|m| m.iter().filter_map(|(k, v)| v.as_object().map(|o| (k, o))).collect())
            .unwrap_or_default()
    }

    /// The single block of a kind: more than one is reported and only the first is used.
    pub(super) fn single<'a>(&mut self, root: &'a Object, kind: &str) -> Option<(&'a String, &'a Object)> {
        self.only(Self::blocks(root, "resource", kind), &format!("resource.{kind}"), kind)
    }

    /// The first of `blocks` (at `address.<name>`); the others are reported, as the form holds
    /// one `what`.
    pub(super) fn only<'a>(
        &mut self,
        blocks: Vec<(&'a String, &'a Object)>,
        address: &str,
        what: &str,
    ) -> Option<(&'a String, &'a Object)> {
        for (name, _) in blocks.get(1..).unwrap_or_default() {
            self.note(format!("{address}.{name} (the form holds one {what})"));
        }
        blocks.into_iter().next()
    }

    /// A subnet's zone: empty (automatic) when it is looked up from `aws_availability_zones`.
    pub(super) fn zone(v: Option<&Value>) -> String {
        let zone = Self::text(v);
        if zone.contains("aws_availability_zones") {
            String::new()
        } else {
            zone
        }
    }

    pub(super) fn rule(&mut self, address: &str, r: &Value) -> RuleDoc {
        let empty = Object::new();
        let r = r.as_object().unwrap_or(&empty);
        self.extra_keys(
            address,
            r,
            &[
                "cidr_blocks",
                "description",
                "from_port",
                "ipv6_cidr_blocks",
                "prefix_list_ids",
                "protocol",
                "security_groups",
                "self",
                "to_port",
            ],
        );
        for key in ["prefix_list_ids", "security_groups"] {
            if !Self::array(r.get(key)).is_empty() {
                self.note(format!("{address}.{key}"));
            }
        }
        if Self::flag(r.get("self")) {
            self.note(format!("{address}.self"));
        }
        let protocol = Self::text(r.get("protocol"));
        let protocol = match protocol.as_str() {
            "-1" | "all" => "all",
            "6" => "tcp",
            "17" => "udp",
            "1" => "icmp",
            "58" => "icmpv6",
            p => p,
        }
        .to_owned();
        let port = |v: Option<&Value>, icmp: bool| {
            let t = Self::text(v);
            if icmp && t == "-1" {
                String::new()
            } else {
                t
            }
        };
        let icmp = protocol.starts_with("icmp");
        RuleDoc {
            description: Self::text(r.get("description")),
            from_port: port(r.get("from_port"), icmp),
            to_port: port(r.get("to_port"), icmp),
            protocol,
            ipv4_cidrs: Self::list(r.get("cidr_blocks")),
            ipv6_cidrs: Self::list(r.get("ipv6_cidr_blocks")),
        }
    }

    /// The `ingress` or `egress` rules of the security group at `address`.
    pub(super) fn rules(&mut self, address: &str, sg: &Object, dir: &str) -> Vec<RuleDoc> {
        Self::array(sg.get(dir))
            .iter()
            .enumerate()
            .map(|(i, v)| self.rule(&format!("{address}.{dir}[{i}]"), v))
            .collect()
    }
}
