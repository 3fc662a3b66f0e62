//! The names of fields: each field's document path (as field errors and lint findings name
//! it), and every field of a document in form order. Where a field's value lives is
//! [`super::slots`]'s.

use super::{Direction, Flag, HostFlag, HostText, InstanceFlag, InstanceText, RuleText, SubnetText, Text};
use crate::model::document::Document;

impl Text {
    /// The document path of the field, as field errors and lint findings name it.
    ///
    /// ```
    /// use nixform::model::edit::{InstanceText, Text};
    /// assert_eq!(Text::VpcCidr.path(), "network.vpc_cidr");
    /// assert_eq!(Text::TagKey(0, 1).path(), "instances[0].tags[1].key");
    /// assert_eq!(Text::Instance(2, InstanceText::UserData).path(), "instances[2].user_data");
    /// ```
    pub fn path(self) -> String {
        let fixed = match self {
            Text::Mode => "mode",
            Text::Region => "provider.region",
            Text::SharedCredentialsFile => "provider.shared_credentials_file",
            Text::SharedConfigFile => "provider.shared_config_file",
            Text::Profile => "provider.profile",
            Text::Release => "image.release",
            Text::CustomPattern => "image.custom_pattern",
            Text::Architecture => "image.architecture",
            Text::AmiDataName => "image.data_name",
            Text::VpcName => "network.vpc_name",
            Text::VpcCidr => "network.vpc_cidr",
            Text::GatewayName => "network.gateway_name",
            Text::RouteTableName => "network.route_table_name",
            Text::RouteName => "network.route_name",
            Text::FlowLogRetentionDays => "network.flow_log_retention_days",
            Text::SecurityGroupResourceName => "security_group.resource_name",
            Text::SecurityGroupName => "security_group.name",
            Text::SecurityGroupDescription => "security_group.description",
            Text::KeyPairResourceName => "key_pair.resource_name",
            Text::KeyName => "key_pair.key_name",
            Text::PublicKey => "key_pair.public_key",
            Text::UnitName => "provisioner.unit_name",
            Text::StateDirectory => "provisioner.state_directory",
            Text::Tool => "provisioner.tool",
            Text::HostName => "provisioner.host_name",
            Text::HostSystem => "provisioner.host_system",
            Text::ProviderSource => "provisioner.provider_source",
            Text::ApplyOn => "provisioner.apply_on",
            Text::Backend => "provisioner.backend",
            Text::S3Bucket => "provisioner.s3_bucket",
            Text::S3Key => "provisioner.s3_key",
            Text::S3Region => "provisioner.s3_region",
            Text::S3KmsKeyId => "provisioner.s3_kms_key_id",
            Text::Encryption => "provisioner.encryption",
            Text::PassphraseFile => "provisioner.passphrase_file",
            Text::EncryptionKmsKeyId => "provisioner.encryption_kms_key_id",
            Text::Credentials => "provisioner.credentials",
            Text::EnvironmentFile => "provisioner.environment_file",
            Text::FlakeDirectory => "provisioner.flake_directory",
            Text::Subnet(i, field) => {
                let name = match field {
                    SubnetText::Name => "name",
                    SubnetText::Cidr => "cidr",
                    SubnetText::AvailabilityZone => "availability_zone",
                };
                return format!("network.subnets[{i}].{name}");
            }
            Text::Rule(direction, i, field) => {
                let name = match field {
                    RuleText::Description => "description",
                    RuleText::Protocol => "protocol",
                    RuleText::FromPort => "from_port",
                    RuleText::ToPort => "to_port",
                    RuleText::Ipv4Cidrs => "ipv4_cidrs",
                    RuleText::Ipv6Cidrs => "ipv6_cidrs",
                };
                return format!("security_group.{}[{i}].{name}", direction.key());
            }
            Text::Instance(i, field) => {
                let name = match field {
                    InstanceText::Name => "name",
                    InstanceText::InstanceType => "instance_type",
                    InstanceText::Subnet => "subnet",
                    InstanceText::RootVolumeSize => "root_volume_size",
                    InstanceText::RootVolumeType => "root_volume_type",
                    InstanceText::UserData => "user_data",
                };
                return format!("instances[{i}].{name}");
            }
            Text::Host(i, field) => {
                let name = match field {
                    HostText::HostName => "host_name",
                    HostText::TimeZone => "time_zone",
                    HostText::Packages => "packages",
                    HostText::AuthorizedKeys => "authorized_keys",
                    HostText::SwapMib => "swap_mib",
                    HostText::NginxPort => "nginx_port",
                    HostText::NginxDomain => "nginx_domain",
                    HostText::AcmeEmail => "acme_email",
                    HostText::ExtraNix => "extra_nix",
                };
                return format!("instances[{i}].nixos.{name}");
            }
            Text::TagKey(i, j) => return format!("instances[{i}].tags[{j}].key"),
            Text::TagValue(i, j) => return format!("instances[{i}].tags[{j}].value"),
        };
        fixed.to_owned()
    }

    /// Every text field of `doc`, lists included, in form order.
    pub fn all(doc: &Document) -> Vec<Text> {
        use InstanceText as I;
        use RuleText as R;
        use SubnetText as S;
        let mut all = vec![
            Text::Mode,
            Text::Region,
            Text::SharedCredentialsFile,
            Text::SharedConfigFile,
            Text::Profile,
            Text::Release,
            Text::CustomPattern,
            Text::Architecture,
            Text::AmiDataName,
            Text::VpcName,
            Text::VpcCidr,
            Text::GatewayName,
            Text::RouteTableName,
            Text::RouteName,
            Text::FlowLogRetentionDays,
        ];
        for i in 0..doc.network.subnets.len() {
            all.extend([S::Name, S::Cidr, S::AvailabilityZone].map(|f| Text::Subnet(i, f)));
        }
        all.extend([
            Text::SecurityGroupResourceName,
            Text::SecurityGroupName,
            Text::SecurityGroupDescription,
        ]);
        let rule_fields = [
            R::Description,
            R::Protocol,
            R::FromPort,
            R::ToPort,
            R::Ipv4Cidrs,
            R::Ipv6Cidrs,
        ];
        for (direction, rules) in [
            (Direction::Ingress, &doc.security_group.ingress),
            (Direction::Egress, &doc.security_group.egress),
        ] {
            for i in 0..rules.len() {
                all.extend(rule_fields.map(|f| Text::Rule(direction, i, f)));
            }
        }
        all.extend([Text::KeyPairResourceName, Text::KeyName, Text::PublicKey]);
        for (i, instance) in doc.instances.iter().enumerate() {
            all.extend(
                [
                    I::Name,
                    I::InstanceType,
                    I::Subnet,
                    I::RootVolumeSize,
                    I::RootVolumeType,
                    I::UserData,
                ]
                .map(|f| Text::Instance(i, f)),
            );
            all.extend(HostText::ALL.map(|f| Text::Host(i, f)));
            for j in 0..instance.tags.len() {
                all.extend([Text::TagKey(i, j), Text::TagValue(i, j)]);
            }
        }
        all.extend([
            Text::UnitName,
            Text::StateDirectory,
            Text::Tool,
            Text::HostName,
            Text::HostSystem,
            Text::ProviderSource,
            Text::ApplyOn,
            Text::Backend,
            Text::S3Bucket,
            Text::S3Key,
            Text::S3Region,
            Text::S3KmsKeyId,
            Text::Encryption,
            Text::PassphraseFile,
            Text::EncryptionKmsKeyId,
            Text::Credentials,
            Text::EnvironmentFile,
            Text::FlakeDirectory,
        ]);
        all
    }
}

impl Flag {
    /// The document path of the flag.
    ///
    /// ```
    /// use nixform::model::edit::{Flag, InstanceFlag};
    /// assert_eq!(Flag::Instance(0, InstanceFlag::Monitoring).path(), "instances[0].monitoring");
    /// ```
    pub fn path(self) -> String {
        let fixed = match self {
            Flag::RestrictDefaultSecurityGroup => "network.restrict_default_security_group",
            Flag::FlowLogs => "network.flow_logs",
            Flag::OutputPublicIp => "outputs.public_ip",
            Flag::OutputPublicDns => "outputs.public_dns",
            Flag::OutputSshCommand => "outputs.ssh_command",
            Flag::Instance(i, field) => {
                let name = match field {
                    InstanceFlag::PublicIp => "public_ip",
                    InstanceFlag::RootVolumeEncrypted => "root_volume_encrypted",
                    InstanceFlag::Imdsv2Required => "imdsv2_required",
                    InstanceFlag::Monitoring => "monitoring",
                    InstanceFlag::EbsOptimized => "ebs_optimized",
                    InstanceFlag::IamRole => "iam_role",
                    InstanceFlag::IgnoreAmiChanges => "ignore_ami_changes",
                };
                return format!("instances[{i}].{name}");
            }
            Flag::Host(i, field) => {
                let name = match field {
                    HostFlag::Enabled => "enabled",
                    HostFlag::KeyPairKey => "key_pair_key",
                    HostFlag::Openssh => "openssh",
                    HostFlag::Firewall => "firewall",
                    HostFlag::Fail2ban => "fail2ban",
                    HostFlag::Tailscale => "tailscale",
                    HostFlag::Nginx => "nginx",
                    HostFlag::AutoUpgrade => "auto_upgrade",
                    HostFlag::Flakes => "flakes",
                };
                return format!("instances[{i}].nixos.{name}");
            }
        };
        fixed.to_owned()
    }

    /// Every flag of `doc`, instances included, in form order.
    pub fn all(doc: &Document) -> Vec<Flag> {
        use InstanceFlag as I;
        let mut all = vec![Flag::RestrictDefaultSecurityGroup, Flag::FlowLogs];
        for i in 0..doc.instances.len() {
            all.extend(
                [
                    I::PublicIp,
                    I::RootVolumeEncrypted,
                    I::Imdsv2Required,
                    I::Monitoring,
                    I::EbsOptimized,
                    I::IamRole,
                    I::IgnoreAmiChanges,
                ]
                .map(|f| Flag::Instance(i, f)),
            );
            all.extend(HostFlag::ALL.map(|f| Flag::Host(i, f)));
        }
        all.extend([Flag::OutputPublicIp, Flag::OutputPublicDns, Flag::OutputSshCommand]);
        all
    }
}
