//! What each box says: the [`Node`] type and the text of the nodes drawn from the stack (the
//! VPC, an instance, the security group's badge with its open ports). User text is kept as
//! typed here; `svg` escapes it. Does not belong here: which block becomes which node
//! (`scene`).

use super::sections::*;
use crate::model::stack::{Instance, Mode, Protocol, Rule, Stack};
use crate::render::terraform::modules::{EC2_SOURCE, EC2_VERSION, VPC_SOURCE, VPC_VERSION};

/// One box: a block of the document (`address`), or a part a module makes (`part_of`), or a
/// container (neither).
#[derive(Debug, Default)]
pub(super) struct Node {
    /// The Terraform address, when the node is a block of `config.tf.json`.
    pub address: Option<String>,
    /// The module that makes this part (`module.nix-vpc`).
    pub part_of: Option<String>,
    /// `region` or `zone`, for a container that is no block.
    pub container: Option<&'static str>,
    /// The form section that edits it.
    pub section: Option<&'static str>,
    /// CSS classes after the shape's own (`instance`, `data`, `sg` ...).
    pub class: &'static str,
    /// The first, bold line: what it is or its name.
    pub kind: String,
    /// The lines under it: plain user text, escaped when written.
    pub lines: Vec<String>,
    /// The security group's open ports.
    pub chips: Vec<String>,
    /// More text for the tooltip only.
    pub more: Vec<String>,
}

impl Node {
    pub(super) fn new(class: &'static str, section: &'static str, kind: impl Into<String>, lines: Vec<String>) -> Node {
        Node {
            class,
            section: Some(section),
            kind: kind.into(),
            lines,
            ..Node::default()
        }
    }
    pub(super) fn block(mut self, address: String) -> Node {
        self.address = Some(address);
        self
    }
    pub(super) fn part_of(mut self, module: &str) -> Node {
        self.part_of = Some(module.to_owned());
        self
    }
}

/// A block of a type not drawn above, or a second of a kind drawn once: a plain node.
pub(super) fn unknown(ty: &str, name: &str) -> Node {
    Node {
        class: "unknown",
        kind: ty.to_owned(),
        lines: vec![name.to_owned()],
        ..Node::default()
    }
}

pub(super) fn vpc_node(stack: &Stack) -> Node {
    let net = &stack.network;
    let mut lines = vec![net.vpc_cidr.to_string()];
    let kind = match stack.mode {
        Mode::Resources => format!("VPC {}", net.vpc_name),
        Mode::Modules => {
            lines.push(format!("{VPC_SOURCE} {VPC_VERSION}"));
            format!("module.{}", net.vpc_name)
        }
    };
    Node::new("vpc", NETWORK, kind, lines)
}

pub(super) fn instance_node(stack: &Stack, instance: &Instance) -> Node {
    let mut lines = vec![format!("{} · {}", instance.instance_type, stack.image.arch)];
    if let Some((_, name)) = instance.tags.iter().find(|(k, _)| k == "Name") {
        lines.push(format!("“{name}”"));
    }
    lines.push(
        if instance.public_ip {
            "public IP"
        } else {
            "no public IP"
        }
        .into(),
    );
    if instance.host.is_some() {
        lines.push("its own NixOS".into());
    }
    let mut node = match stack.mode {
        Mode::Resources => Node::new("instance", INSTANCES, instance.name.as_str(), lines),
        Mode::Modules => {
            let mut node = Node::new("instance", INSTANCES, format!("module.{}", instance.name), lines);
            node.more.push(format!("{EC2_SOURCE} {EC2_VERSION}"));
            node
        }
    };
    node.more
        .extend(instance.tags.iter().map(|(k, v)| format!("tag {k} = {v}")));
    node
}

pub(super) fn security_group_node(stack: &Stack) -> Node {
    let sg = &stack.security_group;
    let name = sg.name.as_deref().unwrap_or(sg.resource_name.as_str());
    let mut node = Node::new("sg", SECURITY_GROUP, "security group", vec![name.to_owned()]);
    for rule in &sg.ingress {
        let label = ports(rule);
        if !node.chips.contains(&label) {
            node.chips.push(label);
        }
    }
    if sg.ingress.is_empty() {
        node.lines.push("nothing comes in".into());
    }
    node.more.extend(sg.description.iter().cloned());
    let sources = |r: &Rule| {
        let cidrs: Vec<String> = r
            .ipv4
            .iter()
            .map(ToString::to_string)
            .chain(r.ipv6.iter().map(ToString::to_string))
            .collect();
        cidrs.join(", ")
    };
    for r in &sg.ingress {
        node.more
            .push(format!("in: {} from {} ({})", ports(r), sources(r), r.description));
    }
    for r in &sg.egress {
        node.more
            .push(format!("out: {} to {} ({})", ports(r), sources(r), r.description));
    }
    node
}

/// A rule's protocol and ports as the badge shows them: `tcp 22`, `udp 60000-61000`, `all`.
fn ports(rule: &Rule) -> String {
    let (from, to) = (rule.from_port, rule.to_port);
    match rule.protocol {
        Protocol::All => "all".into(),
        Protocol::Icmp | Protocol::Icmpv6 if from == -1 => rule.protocol.aws_name().into(),
        Protocol::Icmp | Protocol::Icmpv6 => format!("{} type {from}", rule.protocol.aws_name()),
        p if from == to => format!("{} {from}", p.aws_name()),
        p => format!("{} {from}-{to}", p.aws_name()),
    }
}

pub(super) fn retention(days: Option<u32>) -> String {
    match days {
        Some(0) | None => "kept forever".into(),
        Some(d) => format!("kept {d} days"),
    }
}
