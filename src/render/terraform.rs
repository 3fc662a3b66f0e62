//! Lowering: `&Stack` → the one Terraform JSON document, a [`Value`].
//!
//! Each `aws_*` resource is a `value_struct!` whose string fields are [`Tf`]: either a
//! literal made from user text (escaped by `template::literal`) or a reference the renderer
//! writes. Struct fields are declared in sorted order and maps are sorted [`Map`]s, so printing the
//! document gives sorted keys (a test checks it). Printing belongs to `json` and `nix`; nothing
//! here knows either syntax.

use super::template;
use crate::model::names::Zone;
use crate::model::stack::{Instance, Rule, Stack};
use crate::model::value::{value_struct, Key, Map, Value};

/// The NixOS/amis project's AWS account, owner of the official NixOS AMIs.
pub const NIXOS_AMI_OWNER: &str = "427812963091";

/// A string in a Terraform template position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tf(String);

impl From<Tf> for Value {
    fn from(tf: Tf) -> Self {
        Value::Str(tf.0)
    }
}

impl Tf {
    /// User text, escaped so that Terraform reads exactly this text.
    pub fn lit(text: &str) -> Tf {
        Tf(template::literal(text).into_owned())
    }
    /// `${kind.name.attribute}`.
    pub fn attr(kind: &str, name: &str, attribute: &str) -> Tf {
        Tf(["${", kind, ".", name, ".", attribute, "}"].concat())
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
}

value_struct!(
    struct AmiFilter {
        name: &'static str,
        values: Vec<Tf>,
    }
);

value_struct!(
    struct DataAwsAmi {
        filter: Vec<AmiFilter>,
        most_recent: bool,
        owners: Vec<&'static str>,
    }
);

value_struct!(
    struct DataAwsAvailabilityZones {
        state: &'static str,
    }
);

value_struct!(
    struct AwsVpc {
        cidr_block: String,
        enable_dns_hostnames: bool,
        enable_dns_support: bool,
    }
);

value_struct!(
    struct AwsSubnet {
        availability_zone: Tf,
        cidr_block: String,
        vpc_id: Tf,
    }
);

value_struct!(
    struct VpcChild {
        vpc_id: Tf,
    }
);

value_struct!(
    struct AwsRouteTableAssociation {
        route_table_id: Tf,
        subnet_id: Tf,
    }
);

value_struct!(
    struct AwsRoute {
        destination_cidr_block: &'static str,
        gateway_id: Tf,
        route_table_id: Tf,
    }
);

value_struct!(
    /// An inline `ingress`/`egress` object: every key present, as the provider's JSON schema wants.
    struct SgRule {
        cidr_blocks: Vec<String>,
        description: Tf,
        from_port: i32,
        ipv6_cidr_blocks: Vec<String>,
        prefix_list_ids: Vec<String>,
        protocol: &'static str,
        security_groups: Vec<String>,
        self_ as "self": bool,
        to_port: i32,
    }
);

impl From<&Rule> for SgRule {
    fn from(r: &Rule) -> Self {
        SgRule {
            cidr_blocks: r.ipv4.iter().map(ToString::to_string).collect(),
            description: Tf::lit(&r.description),
            from_port: r.from_port,
            ipv6_cidr_blocks: r.ipv6.iter().map(ToString::to_string).collect(),
            prefix_list_ids: Vec::new(),
            protocol: r.protocol.aws_name(),
            security_groups: Vec::new(),
            self_: false,
            to_port: r.to_port,
        }
    }
}

value_struct!(
    struct AwsSecurityGroup {
        description: Option<Tf>,
        egress: Vec<SgRule>,
        ingress: Vec<SgRule>,
        name: Option<Tf>,
        vpc_id: Tf,
    }
);

value_struct!(
    /// With no rule blocks, the provider removes every rule of the VPC's default group.
    struct AwsDefaultSecurityGroup {
        egress: Vec<SgRule>,
        ingress: Vec<SgRule>,
        vpc_id: Tf,
    }
);

value_struct!(
    struct AwsKeyPair {
        key_name: Tf,
        public_key: Tf,
    }
);

value_struct!(
    struct RootBlockDevice {
        encrypted: bool,
        volume_size: u32,
        volume_type: &'static str,
    }
);

value_struct!(
    struct MetadataOptions {
        http_endpoint: &'static str,
        http_put_response_hop_limit: u8,
        http_tokens: &'static str,
    }
);

value_struct!(
    struct Lifecycle {
        ignore_changes: Vec<&'static str>,
    }
);

value_struct!(
    struct AwsInstance {
        ami: Tf,
        associate_public_ip_address: bool,
        ebs_optimized: bool,
        iam_instance_profile: Option<Tf>,
        instance_type: String,
        key_name: Tf,
        lifecycle: Option<Lifecycle>,
        metadata_options: Option<MetadataOptions>,
        monitoring: bool,
        root_block_device: RootBlockDevice,
        subnet_id: Tf,
        tags: Option<Map>,
        user_data: Option<Tf>,
        vpc_security_group_ids: Vec<Tf>,
    }
);

value_struct!(
    struct AwsIamRole {
        assume_role_policy: Tf,
        name_prefix: Tf,
    }
);

value_struct!(
    struct AwsIamInstanceProfile {
        name_prefix: Tf,
        role: Tf,
    }
);

value_struct!(
    struct AwsIamRolePolicy {
        name: Tf,
        policy: Tf,
        role: Tf,
    }
);

value_struct!(
    struct AwsCloudwatchLogGroup {
        name: Tf,
        retention_in_days: u32,
    }
);

value_struct!(
    struct AwsFlowLog {
        iam_role_arn: Tf,
        log_destination: Tf,
        log_destination_type: &'static str,
        traffic_type: &'static str,
        vpc_id: Tf,
    }
);

value_struct!(
    struct Output {
        description: String,
        value: Tf,
    }
);

/// The blocks of `resource` or `data`, as `(type, name, body)` in the order they were added;
/// printed as `<type> → <name> → body`, sorted.
#[derive(Default)]
struct Blocks(Vec<(&'static str, String, Value)>);

impl Blocks {
    fn add(&mut self, kind: &'static str, name: &str, body: impl Into<Value>) {
        self.0.push((kind, name.to_owned(), body.into()));
    }
}

impl From<Blocks> for Value {
    fn from(Blocks(mut blocks): Blocks) -> Self {
        // By type, then name: sorting by name and then, stably, by type. Stable also means that
        // of two blocks with the same type and name, the one added last is kept below.
        blocks.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        let mut types: Vec<(Key, Value)> = Vec::new();
        for (kind, name, body) in blocks {
            if types.last().is_none_or(|(k, _)| k != kind) {
                types.push((Key::Borrowed(kind), Value::Object(Vec::new())));
            }
            if let Some((_, Value::Object(names))) = types.last_mut() {
                if names.last().is_some_and(|(n, _)| *n == name) {
                    names.pop();
                }
                names.push((Key::Owned(name), body));
            }
        }
        Value::Object(types)
    }
}

value_struct!(
    struct AwsProvider {
        profile: Option<Tf>,
        region: &'static str,
        shared_config_files: Option<Vec<Tf>>,
        shared_credentials_files: Option<Vec<Tf>>,
    }
);

value_struct!(
    struct Providers {
        aws: AwsProvider,
    }
);

value_struct!(
    struct RequiredProvider {
        source: &'static str,
        version: &'static str,
    }
);

value_struct!(
    struct RequiredProviders {
        aws: RequiredProvider,
    }
);

value_struct!(
    struct TerraformSettings {
        required_providers: RequiredProviders,
    }
);

value_struct!(
    /// The whole configuration: printed as `config.tf.json` and, identically, inside `infra.nix`.
    struct TerraformDoc {
        data: Blocks,
        output: Option<Map>,
        provider: Providers,
        resource: Blocks,
        terraform: TerraformSettings,
    }
);

fn policy_document(service: &str) -> String {
    format!(
        r#"{{"Statement":[{{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{{"Service":"{service}"}}}}],"Version":"2012-10-17"}}"#
    )
}

const FLOW_LOG_POLICY: &str = r#"{"Statement":[{"Action":["logs:CreateLogStream","logs:PutLogEvents","logs:DescribeLogGroups","logs:DescribeLogStreams"],"Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}"#;

/// The whole Terraform JSON document for `stack`.
pub fn lower(stack: &Stack) -> Value {
    let net = &stack.network;
    let vpc_id = Tf::attr("aws_vpc", net.vpc_name.as_str(), "id");
    let mut data = Blocks::default();
    let mut res = Blocks::default();

    data.add(
        "aws_ami",
        stack.image.data_name.as_str(),
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
    if net.subnets.iter().any(|s| s.zone == Zone::Automatic) {
        data.add(
            "aws_availability_zones",
            "available",
            DataAwsAvailabilityZones { state: "available" },
        );
    }

    res.add(
        "aws_vpc",
        net.vpc_name.as_str(),
        AwsVpc {
            cidr_block: net.vpc_cidr.to_string(),
            enable_dns_hostnames: true,
            enable_dns_support: true,
        },
    );
    res.add(
        "aws_internet_gateway",
        net.gateway_name.as_str(),
        VpcChild { vpc_id: vpc_id.clone() },
    );
    res.add(
        "aws_route_table",
        net.route_table_name.as_str(),
        VpcChild { vpc_id: vpc_id.clone() },
    );
    let route_table_id = Tf::attr("aws_route_table", net.route_table_name.as_str(), "id");
    res.add(
        "aws_route",
        net.route_name.as_str(),
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
        res.add(
            "aws_subnet",
            subnet.name.as_str(),
            AwsSubnet {
                availability_zone,
                cidr_block: subnet.cidr.to_string(),
                vpc_id: vpc_id.clone(),
            },
        );
        res.add(
            "aws_route_table_association",
            subnet.name.suffixed("-route-tb-association").as_str(),
            AwsRouteTableAssociation {
                route_table_id: route_table_id.clone(),
                subnet_id: Tf::attr("aws_subnet", subnet.name.as_str(), "id"),
            },
        );
    }
    if net.restrict_default_security_group {
        res.add(
            "aws_default_security_group",
            net.vpc_name.as_str(),
            AwsDefaultSecurityGroup {
                egress: Vec::new(),
                ingress: Vec::new(),
                vpc_id: vpc_id.clone(),
            },
        );
    }
    if let Some(days) = net.flow_logs {
        let name = net.vpc_name.suffixed("-flow-logs");
        res.add(
            "aws_cloudwatch_log_group",
            name.as_str(),
            AwsCloudwatchLogGroup {
                name: Tf::lit(&format!("/nixform/{}/flow-logs", net.vpc_name)),
                retention_in_days: days,
            },
        );
        res.add(
            "aws_iam_role",
            name.as_str(),
            AwsIamRole {
                assume_role_policy: Tf::lit(&policy_document("vpc-flow-logs.amazonaws.com")),
                name_prefix: Tf::fixed("nixform-flow-logs-"),
            },
        );
        res.add(
            "aws_iam_role_policy",
            name.as_str(),
            AwsIamRolePolicy {
                name: Tf::fixed("flow-logs"),
                policy: Tf::lit(FLOW_LOG_POLICY),
                role: Tf::attr("aws_iam_role", name.as_str(), "id"),
            },
        );
        res.add(
            "aws_flow_log",
            net.vpc_name.as_str(),
            AwsFlowLog {
                iam_role_arn: Tf::attr("aws_iam_role", name.as_str(), "arn"),
                log_destination: Tf::attr("aws_cloudwatch_log_group", name.as_str(), "arn"),
                log_destination_type: "cloud-watch-logs",
                traffic_type: "ALL",
                vpc_id: vpc_id.clone(),
            },
        );
    }

    let sg = &stack.security_group;
    res.add(
        "aws_security_group",
        sg.resource_name.as_str(),
        AwsSecurityGroup {
            description: sg.description.as_deref().map(Tf::lit),
            egress: sg.egress.iter().map(SgRule::from).collect(),
            ingress: sg.ingress.iter().map(SgRule::from).collect(),
            name: sg.name.as_deref().map(Tf::lit),
            vpc_id,
        },
    );
    let kp = &stack.key_pair;
    res.add(
        "aws_key_pair",
        kp.resource_name.as_str(),
        AwsKeyPair {
            key_name: Tf::lit(&kp.key_name),
            public_key: Tf::lit(&kp.public_key),
        },
    );

    let mut output = Map::default();
    for instance in &stack.instances {
        lower_instance(stack, instance, &mut res);
        lower_outputs(stack, instance, &mut output);
    }

    let p = &stack.provider;
    TerraformDoc {
        data,
        output: (!output.is_empty()).then_some(output),
        provider: Providers {
            aws: AwsProvider {
                profile: p.profile.as_deref().map(Tf::lit),
                region: p.region.as_str(),
                shared_config_files: p.shared_config_file.as_deref().map(|f| vec![Tf::lit(f)]),
                shared_credentials_files: p.shared_credentials_file.as_deref().map(|f| vec![Tf::lit(f)]),
            },
        },
        resource: res,
        terraform: TerraformSettings {
            required_providers: RequiredProviders {
                aws: RequiredProvider {
                    source: "hashicorp/aws",
                    version: ">= 5.0",
                },
            },
        },
    }
    .into()
}

fn lower_instance(stack: &Stack, instance: &Instance, res: &mut Blocks) {
    let name = instance.name.as_str();
    let subnet = &stack.network.subnets[instance.subnet];
    let iam_instance_profile = instance.iam_role.then(|| {
        let role = instance.name.suffixed("-role");
        res.add(
            "aws_iam_role",
            role.as_str(),
            AwsIamRole {
                assume_role_policy: Tf::lit(&policy_document("ec2.amazonaws.com")),
                name_prefix: Tf::fixed("nixform-instance-"),
            },
        );
        res.add(
            "aws_iam_instance_profile",
            role.as_str(),
            AwsIamInstanceProfile {
                name_prefix: Tf::fixed("nixform-instance-"),
                role: Tf::attr("aws_iam_role", role.as_str(), "name"),
            },
        );
        Tf::attr("aws_iam_instance_profile", role.as_str(), "name")
    });
    res.add(
        "aws_instance",
        name,
        AwsInstance {
            ami: Tf::attr("data.aws_ami", stack.image.data_name.as_str(), "id"),
            associate_public_ip_address: instance.public_ip,
            ebs_optimized: instance.ebs_optimized,
            iam_instance_profile,
            instance_type: instance.instance_type.to_string(),
            key_name: Tf::attr("aws_key_pair", stack.key_pair.resource_name.as_str(), "key_name"),
            lifecycle: instance.ignore_ami_changes.then(|| Lifecycle {
                ignore_changes: vec!["ami"],
            }),
            metadata_options: instance.imdsv2_required.then_some(MetadataOptions {
                http_endpoint: "enabled",
                http_put_response_hop_limit: 2,
                http_tokens: "required",
            }),
            monitoring: instance.monitoring,
            root_block_device: RootBlockDevice {
                encrypted: instance.root_volume_encrypted,
                volume_size: instance.root_volume_gib,
                volume_type: instance.root_volume_type.as_str(),
            },
            subnet_id: Tf::attr("aws_subnet", subnet.name.as_str(), "id"),
            tags: (!instance.tags.is_empty()).then(|| {
                instance
                    .tags
                    .iter()
                    .map(|(k, v)| (template::literal(k).into_owned(), Tf::lit(v)))
                    .collect()
            }),
            user_data: instance.user_data.as_deref().map(Tf::lit),
            vpc_security_group_ids: vec![Tf::attr(
                "aws_security_group",
                stack.security_group.resource_name.as_str(),
                "id",
            )],
        },
    );
}

fn lower_outputs(stack: &Stack, instance: &Instance, outputs: &mut Map) {
    let name = instance.name.as_str();
    let o = &stack.outputs;
    let mut add = |suffix: &str, description: String, value: Tf| {
        outputs.insert(
            instance.name.suffixed(suffix).to_string(),
            Output { description, value },
        );
    };
    if o.public_ip && instance.public_ip {
        add(
            "_public_ip",
            format!("Public IPv4 address of {name}"),
            Tf::attr("aws_instance", name, "public_ip"),
        );
    }
    if o.public_dns && instance.public_ip {
        add(
            "_public_dns",
            format!("Public DNS name of {name}"),
            Tf::attr("aws_instance", name, "public_dns"),
        );
    }
    if o.ssh_command && instance.public_ip {
        add(
            "_ssh",
            format!("Log in to {name} as root"),
            Tf::raw(format!(
                "ssh root@{}",
                template::reference(&format!("aws_instance.{name}.public_ip"))
            )),
        );
    }
}
