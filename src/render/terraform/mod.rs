//! Lowering: `&Stack` → the one Terraform document, [`TerraformDoc`].
//!
//! Every block is a `#[derive(Serialize)]` struct ([`blocks`]) whose string attributes are
//! [`Tf`]: either a literal made from user text (escaped by `template::literal`) or a reference
//! the renderer writes. [`TerraformDoc::to_value`] turns the document into a
//! `serde_json::Value`, whose objects are sorted maps; `files` prints that one value twice, as
//! `config.tf.json` (serde_json) and inside `infra.nix` (`nix`). Nothing here knows either syntax.

pub mod blocks;
pub mod bootstrap;
mod instance;
pub mod modules;
pub mod settings;

use serde::Serialize;
use serde_json::Value;

use self::blocks::*;
use self::modules::Module;
use self::settings::{TerraformSettings, Variables};
use super::template;
use crate::model::names::Zone;
use crate::model::stack::{Credentials, Mode, Stack};

/// The NixOS/amis project's AWS account, owner of the official NixOS AMIs.
pub const NIXOS_AMI_OWNER: &str = "427812963091";

/// A string in a Terraform template position.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Tf(String);

impl Tf {
    /// User text, escaped so that Terraform reads exactly this text.
    pub fn lit(text: &str) -> Tf {
        Tf(template::literal(text).into_owned())
    }
    /// `${kind.name.attribute}`.
    pub fn attr(kind: &str, name: &str, attribute: &str) -> Tf {
        Tf(template::reference(&[kind, ".", name, ".", attribute].concat()))
    }
    /// `${expression}`, for an expression the renderer writes (`var.state_passphrase`).
    fn reference(expression: &str) -> Tf {
        Tf(template::reference(expression))
    }
    /// A fixed string the renderer writes (no `${` or `%{` in it).
    fn fixed(text: &'static str) -> Tf {
        debug_assert!(!text.contains("${") && !text.contains("%{"));
        Tf(text.to_owned())
    }
    /// Renderer-written text around a reference (outputs).
    fn raw(text: String) -> Tf {
        Tf(text)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The whole configuration: printed as `config.tf.json` and, identically, inside `infra.nix`.
#[derive(Debug, Serialize)]
pub struct TerraformDoc {
    pub data: Data,
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    pub module: Blocks<Module>,
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    pub output: Blocks<Output>,
    pub provider: Providers,
    pub resource: Resources,
    pub terraform: TerraformSettings,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variable: Option<Variables>,
}

impl TerraformDoc {
    /// The document as a JSON value, the one tree both printers read. Its objects are sorted
    /// maps (serde_json without `preserve_order`), so every printing has sorted keys.
    ///
    /// Fails only if a block could not be represented in JSON, which the types here rule out
    /// (every map is keyed by strings); the error is passed on rather than unwrapped.
    pub fn to_value(&self) -> Result<Value, serde_json::Error> {
        serde_json::to_value(self)
    }
}

/// `{ "Name": name }`: what the AWS console shows for a resource, from its name in the stack.
fn name_tag(name: &str) -> Tags {
    let mut tags = Tags::new();
    tags.insert("Name".to_owned(), Tf::lit(name));
    tags
}

fn policy_document(service: &str) -> String {
    format!(
        r#"{{"Statement":[{{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{{"Service":"{service}"}}}}],"Version":"2012-10-17"}}"#
    )
}

const FLOW_LOG_POLICY: &str = r#"{"Statement":[{"Action":["logs:CreateLogStream","logs:PutLogEvents","logs:DescribeLogGroups","logs:DescribeLogStreams"],"Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}"#;

/// The whole Terraform document for `stack`. `host_files` holds, for each instance, its host
/// file (`files::host_nix`) when it has a NixOS configuration: its user data is made from it.
pub fn lower(stack: &Stack, host_files: &[Option<String>]) -> TerraformDoc {
    let mut data = Data::default();
    let mut res = Resources::default();
    let mut output = Blocks::new();
    let mut module = Blocks::new();

    data.aws_ami.insert(
        stack.image.data_name.to_string(),
        DataAwsAmi {
            filter: vec![
                AmiFilter {
                    name: "name",
                    values: vec![Tf::lit(&stack.image.release.name_pattern())],
                },
                AmiFilter {
                    name: "architecture",
                    values: vec![Tf::fixed(stack.image.arch.ami_name())],
                },
            ],
            most_recent: true,
            owners: vec![NIXOS_AMI_OWNER],
        },
    );
    if stack.network.subnets.iter().any(|s| s.zone == Zone::Automatic) {
        data.aws_availability_zones
            .insert("available".to_owned(), DataAwsAvailabilityZones { state: "available" });
    }
    match stack.mode {
        Mode::Resources => lower_network(stack, &mut res),
        Mode::Modules => module.insert(stack.network.vpc_name.to_string(), modules::vpc(stack)),
    }
    lower_security_group(stack, &mut res);
    for (i, inst) in stack.instances.iter().enumerate() {
        let host_file = host_files.get(i).and_then(Option::as_deref);
        match stack.mode {
            Mode::Resources => instance::lower_instance(stack, inst, host_file, &mut res),
            Mode::Modules => {
                let user_data = instance::user_data(stack, inst, host_file);
                module.insert(inst.name.to_string(), modules::ec2(stack, inst, user_data));
            }
        }
        instance::lower_outputs(stack, inst, &mut output);
    }

    let p = &stack.provider;
    // With LoadCredential= the unit finds the files in systemd's credentials directory (the
    // environment says where); a path in the provider block would override that.
    let files = |file: &Option<String>| match stack.provisioner.credentials {
        Credentials::LoadCredential => None,
        _ => file.as_deref().map(|f| vec![Tf::lit(f)]),
    };
    TerraformDoc {
        data,
        module,
        output,
        provider: Providers {
            aws: AwsProvider {
                profile: p.profile.as_deref().map(Tf::lit),
                region: p.region.as_str(),
                shared_config_files: files(&p.shared_config_file),
                shared_credentials_files: files(&p.shared_credentials_file),
            },
        },
        resource: res,
        terraform: settings::lower(stack),
        variable: settings::variables(stack),
    }
}

/// The VPC, its gateway and routes, the subnets, and the VPC's optional extras (the locked
/// default group, flow logs).
fn lower_network(stack: &Stack, res: &mut Resources) {
    let net = &stack.network;
    let vpc = net.vpc_name.to_string();
    let vpc_id = Tf::attr("aws_vpc", &vpc, "id");
    res.aws_vpc.insert(
        vpc.clone(),
        AwsVpc {
            cidr_block: net.vpc_cidr.to_string(),
            enable_dns_hostnames: true,
            enable_dns_support: true,
            tags: name_tag(&vpc),
        },
    );
    for (blocks, name) in [
        (&mut res.aws_internet_gateway, &net.gateway_name),
        (&mut res.aws_route_table, &net.route_table_name),
    ] {
        blocks.insert(
            name.to_string(),
            VpcChild {
                tags: name_tag(name.as_str()),
                vpc_id: vpc_id.clone(),
            },
        );
    }
    let route_table_id = Tf::attr("aws_route_table", net.route_table_name.as_str(), "id");
    res.aws_route.insert(
        net.route_name.to_string(),
        AwsRoute {
            destination_cidr_block: "0.0.0.0/0",
            gateway_id: Tf::attr("aws_internet_gateway", net.gateway_name.as_str(), "id"),
            route_table_id: route_table_id.clone(),
        },
    );
    for (i, subnet) in net.subnets.iter().enumerate() {
        let availability_zone = match &subnet.zone {
            Zone::Named(z) => Tf::lit(z),
            Zone::Automatic => Tf::raw(template::reference(&format!(
                "element(data.aws_availability_zones.available.names, {i})"
            ))),
        };
        res.aws_subnet.insert(
            subnet.name.to_string(),
            AwsSubnet {
                availability_zone,
                cidr_block: subnet.cidr.to_string(),
                tags: name_tag(subnet.name.as_str()),
                vpc_id: vpc_id.clone(),
            },
        );
        res.aws_route_table_association.insert(
            subnet.name.suffixed("-route-tb-association").to_string(),
            AwsRouteTableAssociation {
                route_table_id: route_table_id.clone(),
                subnet_id: Tf::attr("aws_subnet", subnet.name.as_str(), "id"),
            },
        );
    }
    if net.restrict_default_security_group {
        res.aws_default_security_group.insert(
            vpc.clone(),
            AwsDefaultSecurityGroup {
                egress: Vec::new(),
                ingress: Vec::new(),
                tags: name_tag(&format!("{vpc}-default")),
                vpc_id: vpc_id.clone(),
            },
        );
    }
    if let Some(days) = net.flow_logs {
        let name = net.vpc_name.suffixed("-flow-logs").to_string();
        res.aws_cloudwatch_log_group.insert(
            name.clone(),
            AwsCloudwatchLogGroup {
                name: Tf::lit(&format!("/nixform/{vpc}/flow-logs")),
                retention_in_days: days,
                tags: name_tag(&name),
            },
        );
        res.aws_iam_role.insert(
            name.clone(),
            AwsIamRole {
                assume_role_policy: Tf::lit(&policy_document("vpc-flow-logs.amazonaws.com")),
                name_prefix: Tf::fixed("nixform-flow-logs-"),
            },
        );
        res.aws_iam_role_policy.insert(
            name.clone(),
            AwsIamRolePolicy {
                name: Tf::fixed("flow-logs"),
                policy: Tf::lit(FLOW_LOG_POLICY),
                role: Tf::attr("aws_iam_role", &name, "id"),
            },
        );
        res.aws_flow_log.insert(
            vpc,
            AwsFlowLog {
                iam_role_arn: Tf::attr("aws_iam_role", &name, "arn"),
                log_destination: Tf::attr("aws_cloudwatch_log_group", &name, "arn"),
                log_destination_type: "cloud-watch-logs",
                tags: name_tag(&name),
                traffic_type: "ALL",
                vpc_id,
            },
        );
    }
}

/// The security group with its inline rules, and the key pair.
fn lower_security_group(stack: &Stack, res: &mut Resources) {
    let sg = &stack.security_group;
    let rule = |r: &crate::model::stack::Rule| SgRule {
        cidr_blocks: r.ipv4.iter().map(ToString::to_string).collect(),
        description: Tf::lit(&r.description),
        from_port: r.from_port,
        ipv6_cidr_blocks: r.ipv6.iter().map(ToString::to_string).collect(),
        prefix_list_ids: Vec::new(),
        protocol: r.protocol.aws_name(),
        security_groups: Vec::new(),
        self_: false,
        to_port: r.to_port,
    };
    res.aws_security_group.insert(
        sg.resource_name.to_string(),
        AwsSecurityGroup {
            description: sg.description.as_deref().map(Tf::lit),
            egress: sg.egress.iter().map(rule).collect(),
            ingress: sg.ingress.iter().map(rule).collect(),
            name: sg.name.as_deref().map(Tf::lit),
            tags: name_tag(sg.name.as_deref().unwrap_or(sg.resource_name.as_str())),
            vpc_id: match stack.mode {
                Mode::Resources => Tf::attr("aws_vpc", stack.network.vpc_name.as_str(), "id"),
                Mode::Modules => modules::output(stack.network.vpc_name.as_str(), "vpc_id"),
            },
        },
    );
    let kp = &stack.key_pair;
    res.aws_key_pair.insert(
        kp.resource_name.to_string(),
        AwsKeyPair {
            key_name: Tf::lit(&kp.key_name),
            public_key: Tf::lit(&kp.public_key),
            tags: name_tag(&kp.key_name),
        },
    );
}
