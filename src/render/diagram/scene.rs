//! What the diagram shows, before any geometry: every block of the lowered Terraform document
//! (`data.*`, `resource.*`, `module.*`) becomes exactly one [`Node`] (what it says is `node`'s), placed by its type into
//! the region, the VPC, a subnet or an instance; the containers (region, zone columns, and the
//! VPC and subnets when no block is theirs) come from the stack.
//!
//! A block of a type this file does not know still gets a plain node in the region, so the
//! diagram cannot miss one; `tests/diagram.rs` checks that no node is of that fallback kind.
//! In modules mode the modules make the gateway, route table and flow logs themselves: those
//! are drawn as parts (`data-part-of`), not blocks. Does not belong here: sizes and positions
//! (`layout`) and SVG text (`svg`).

use serde_json::Value;

use super::node::*;
use super::sections::*;
use crate::model::names::{Zone, REGIONS};
use crate::model::stack::{Mode, Stack};

pub(super) struct Scene {
    pub region: Node,
    /// Region-level blocks: data sources, the key pair, IAM, log groups, anything unknown.
    pub outside: Vec<Node>,
    pub vpc: Node,
    /// VPC-level blocks besides the routing: the security groups, the flow log.
    pub inside: Vec<Node>,
    /// The routing row: gateway ← route ← route table.
    pub gateway: Option<Node>,
    pub route: Option<Node>,
    pub route_table: Option<Node>,
    pub zones: Vec<ZoneColumn>,
}

pub(super) struct ZoneColumn {
    pub node: Node,
    pub subnets: Vec<SubnetBox>,
}

pub(super) struct SubnetBox {
    pub node: Node,
    /// Its route table association.
    pub parts: Vec<Node>,
    pub instances: Vec<InstanceBox>,
}

pub(super) struct InstanceBox {
    pub node: Node,
    /// Its IAM role and instance profile.
    pub parts: Vec<Node>,
}

/// `(address, group, type, name)` of every block, in the document's (sorted) order.
fn blocks(document: &Value) -> Vec<(String, &'static str, &str, &str)> {
    let mut out = Vec::new();
    for group in ["data", "resource"] {
        let types = document.get(group).and_then(Value::as_object).into_iter().flatten();
        for (ty, named) in types {
            for name in named.as_object().into_iter().flatten().map(|(name, _)| name) {
                let address = match group {
                    "data" => format!("data.{ty}.{name}"),
                    _ => format!("{ty}.{name}"),
                };
                out.push((address, group, ty.as_str(), name.as_str()));
            }
        }
    }
    let modules = document.get("module").and_then(Value::as_object).into_iter().flatten();
    for (name, _) in modules {
        out.push((format!("module.{name}"), "module", "module", name.as_str()));
    }
    out
}

/// Where a block is drawn.
enum Slot {
    Outside,
    Inside,
    Gateway,
    Route,
    RouteTable,
    SubnetPart(usize),
}

/// Where the blocks go while they are sorted out.
struct Builder<'a> {
    stack: &'a Stack,
    scene: Scene,
    subnets: Vec<SubnetBox>,
    instances: Vec<Option<Node>>,
    instance_parts: Vec<Vec<Node>>,
}

impl Scene {
    pub fn new(stack: &Stack, document: &Value) -> Scene {
        let net = &stack.network;
        let region = stack.provider.region.as_str();
        let long = REGIONS.iter().find(|(code, _)| *code == region).map(|(_, name)| *name);
        let mut b = Builder {
            stack,
            scene: Scene {
                region: Node {
                    container: Some("region"),
                    ..Node::new(
                        "region",
                        PROVIDER,
                        format!("region {region}"),
                        long.map(String::from).into_iter().collect(),
                    )
                },
                outside: Vec::new(),
                vpc: vpc_node(stack),
                inside: Vec::new(),
                gateway: None,
                route: None,
                route_table: None,
                zones: Vec::new(),
            },
            subnets: net
                .subnets
                .iter()
                .map(|s| SubnetBox {
                    // Every subnet is public today (routed to the gateway); a private one gets
                    // the class `private`, which the style already colours.
                    node: Node::new(
                        "subnet public",
                        NETWORK,
                        s.name.as_str(),
                        vec![s.cidr.to_string(), "public".into()],
                    ),
                    parts: Vec::new(),
                    instances: Vec::new(),
                })
                .collect(),
            instances: stack.instances.iter().map(|_| None).collect(),
            instance_parts: stack.instances.iter().map(|_| Vec::new()).collect(),
        };
        for (address, group, ty, name) in blocks(document) {
            b.place(address, group, ty, name);
        }
        if stack.mode == Mode::Modules {
            b.module_parts();
        }
        b.finish()
    }
}

impl Builder<'_> {
    fn instance(&self, name: &str) -> Option<usize> {
        self.stack.instances.iter().position(|i| i.name.as_str() == name)
    }
    fn subnet(&self, name: &str) -> Option<usize> {
        self.stack.network.subnets.iter().position(|s| s.name.as_str() == name)
    }

    /// Put the block `address` where its type belongs; anything unexpected goes to the region.
    fn place(&mut self, address: String, group: &str, ty: &str, name: &str) {
        use Slot::*;
        let stack = self.stack;
        let net = &stack.network;
        let owner = name.strip_suffix("-role").and_then(|n| self.instance(n));
        if let (Some(i), "resource", "aws_iam_role" | "aws_iam_instance_profile") = (owner, group, ty) {
            let kind = if ty == "aws_iam_role" {
                "IAM role"
            } else {
                "instance profile"
            };
            self.instance_parts[i].push(Node::new("", INSTANCES, kind, Vec::new()).block(address));
            return;
        }
        let (slot, node) = match (group, ty) {
            ("resource", "aws_vpc") | ("module", _)
                if name == net.vpc_name.as_str() && self.scene.vpc.address.is_none() =>
            {
                self.scene.vpc.address = Some(address);
                return;
            }
            ("resource", "aws_subnet") => match self.subnet(name) {
                Some(i) if self.subnets[i].node.address.is_none() => {
                    self.subnets[i].node.address = Some(address);
                    return;
                }
                _ => (Outside, unknown(ty, name)),
            },
            ("resource", "aws_instance") | ("module", _) => match self.instance(name) {
                Some(i) if self.instances[i].is_none() => {
                    self.instances[i] = Some(instance_node(stack, &stack.instances[i]).block(address));
                    return;
                }
                _ => (Outside, unknown(ty, name)),
            },
            ("resource", "aws_route_table_association") => {
                match name.strip_suffix("-route-tb-association").and_then(|n| self.subnet(n)) {
                    Some(i) => (SubnetPart(i), Node::new("", NETWORK, "→ route table", Vec::new())),
                    None => (Outside, unknown(ty, name)),
                }
            }
            ("resource", "aws_internet_gateway") => (
                Gateway,
                Node::new("gateway", NETWORK, "internet gateway", vec![name.into()]),
            ),
            ("resource", "aws_route_table") => (RouteTable, Node::new("", NETWORK, "route table", vec![name.into()])),
            ("resource", "aws_route") => {
                let lines = vec!["0.0.0.0/0 → gateway".into(), name.into()];
                (Route, Node::new("", NETWORK, "route", lines))
            }
            ("resource", "aws_security_group") => (Inside, security_group_node(stack)),
            ("resource", "aws_default_security_group") => {
                let lines = vec!["locked: no rules".into()];
                (Inside, Node::new("sg", NETWORK, "default security group", lines))
            }
            ("resource", "aws_flow_log") => {
                let lines = vec!["all traffic → log group".into()];
                (Inside, Node::new("", NETWORK, "flow log", lines))
            }
            ("resource", "aws_cloudwatch_log_group") => {
                let lines = vec![format!("/nixform/{}/flow-logs", net.vpc_name), retention(net.flow_logs)];
                (Outside, Node::new("", NETWORK, "log group", lines))
            }
            ("resource", "aws_iam_role") => (
                Outside,
                Node::new("", NETWORK, "IAM role", vec!["for the flow logs".into()]),
            ),
            ("resource", "aws_iam_role_policy") => {
                let lines = vec!["flow logs may write logs".into()];
                (Outside, Node::new("", NETWORK, "IAM role policy", lines))
            }
            ("resource", "aws_key_pair") => {
                let lines = vec![stack.key_pair.key_name.clone()];
                (Outside, Node::new("", KEY_PAIR, "key pair", lines))
            }
            ("data", "aws_ami") => {
                let lines = vec![stack.image.release.name_pattern(), stack.image.arch.to_string()];
                (Outside, Node::new("data", IMAGE, "AMI lookup", lines))
            }
            ("data", "aws_availability_zones") => {
                let lines = vec!["available zones".into()];
                (Outside, Node::new("data", NETWORK, "zones lookup", lines))
            }
            _ => (Outside, unknown(ty, name)),
        };
        let node = node.block(address);
        let scene = &mut self.scene;
        // The routing row holds one of each; a second one is drawn beside the others.
        let routing = match slot {
            Gateway => &mut scene.gateway,
            Route => &mut scene.route,
            RouteTable => &mut scene.route_table,
            Outside => return scene.outside.push(node),
            Inside => return scene.inside.push(node),
            SubnetPart(i) => return self.subnets[i].parts.push(node),
        };
        match routing {
            None => *routing = Some(node),
            Some(_) => scene.inside.push(node),
        }
    }

    /// What the vpc and ec2-instance modules make themselves, drawn as their parts.
    fn module_parts(&mut self) {
        let net = &self.stack.network;
        let vpc = format!("module.{}", net.vpc_name);
        let part = |class, kind: &str, lines: Vec<String>| Node::new(class, NETWORK, kind, lines).part_of(&vpc);
        let made = || vec!["made by the VPC module".to_owned()];
        self.scene.gateway = Some(part("gateway", "internet gateway", made()));
        self.scene.route = Some(part("", "route", vec!["0.0.0.0/0 → gateway".into()]));
        self.scene.route_table = Some(part("", "public route table", made()));
        if net.restrict_default_security_group {
            self.scene
                .inside
                .push(part("sg", "default security group", vec!["locked: no rules".into()]));
        }
        if let Some(days) = net.flow_logs {
            self.scene
                .inside
                .push(part("", "flow log", vec!["all traffic → log group".into()]));
            self.scene
                .inside
                .push(part("", "log group and IAM role", vec![retention(Some(days))]));
        }
        for subnet in &mut self.subnets {
            subnet.node.part_of = Some(vpc.clone());
        }
        for (i, instance) in self.stack.instances.iter().enumerate() {
            if instance.iam_role {
                let module = format!("module.{}", instance.name);
                let n = Node::new("", INSTANCES, "IAM role and profile", Vec::new()).part_of(&module);
                self.instance_parts[i].push(n);
            }
        }
    }

    /// The instances into their subnets (form order), the subnets into zone columns (in the
    /// order the zones first appear; an automatic zone is a column of its own).
    fn finish(mut self) -> Scene {
        let stack = self.stack;
        for (i, node) in self.instances.into_iter().enumerate() {
            let parts = std::mem::take(&mut self.instance_parts[i]);
            let Some(node) = node else {
                // A part whose instance has no block: still drawn, once.
                self.scene.outside.extend(parts);
                continue;
            };
            self.subnets[stack.instances[i].subnet]
                .instances
                .push(InstanceBox { node, parts });
        }
        let mut keys: Vec<Option<&str>> = Vec::new();
        for (i, subnet) in self.subnets.into_iter().enumerate() {
            let key = match &stack.network.subnets[i].zone {
                Zone::Named(z) => Some(z.as_str()),
                Zone::Automatic => None,
            };
            let column = match keys.iter().position(|k| key.is_some() && *k == key) {
                Some(c) => c,
                None => {
                    keys.push(key);
                    let (kind, line) = match key {
                        Some(z) => (z.to_owned(), "availability zone"),
                        None => (format!("zone {} (automatic)", i + 1), "picked from the zones lookup"),
                    };
                    let node = Node {
                        container: Some("zone"),
                        ..Node::new("zone", NETWORK, kind, vec![line.into()])
                    };
                    self.scene.zones.push(ZoneColumn {
                        node,
                        subnets: Vec::new(),
                    });
                    keys.len() - 1
                }
            };
            self.scene.zones[column].subnets.push(subnet);
        }
        self.scene
    }
}
