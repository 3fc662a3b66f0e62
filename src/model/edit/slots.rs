//! Where each field lives in a [`Document`]: one table per kind of field, read through `&`
//! and written through `&mut` from the same text, so reading and writing cannot disagree.
//! Paths and the lists of all fields are [`super::paths`]'s.

use super::{
    screen, Direction, EditError, Flag, HostFlag, HostText, InstanceFlag, InstanceText, RuleText, SubnetText, Text,
    MAX_LINE_CHARS, MAX_USER_DATA_BYTES,
};
use crate::model::document::{Document, InstanceDoc, RuleDoc};

/// The one table of where each text field lives, expanded once with `&` (for [`Text::get`])
/// and once with `&mut` (for [`Text::set`]), so reading and writing a field cannot disagree.
macro_rules! text_slot {
    ($field:expr, $doc:expr, $($ref:tt)+) => {{
        let doc = $doc;
        Some(match $field {
            Text::Mode => $($ref)+ doc.mode,
            Text::Region => $($ref)+ doc.provider.region,
            Text::SharedCredentialsFile => $($ref)+ doc.provider.shared_credentials_file,
            Text::SharedConfigFile => $($ref)+ doc.provider.shared_config_file,
            Text::Profile => $($ref)+ doc.provider.profile,
            Text::Release => $($ref)+ doc.image.release,
            Text::CustomPattern => $($ref)+ doc.image.custom_pattern,
            Text::Architecture => $($ref)+ doc.image.architecture,
            Text::AmiDataName => $($ref)+ doc.image.data_name,
            Text::VpcName => $($ref)+ doc.network.vpc_name,
            Text::VpcCidr => $($ref)+ doc.network.vpc_cidr,
            Text::GatewayName => $($ref)+ doc.network.gateway_name,
            Text::RouteTableName => $($ref)+ doc.network.route_table_name,
            Text::RouteName => $($ref)+ doc.network.route_name,
            Text::FlowLogRetentionDays => $($ref)+ doc.network.flow_log_retention_days,
            Text::Subnet(i, field) => {
                let subnet = ($($ref)+ doc.network.subnets).at(i)?;
                match field {
                    SubnetText::Name => $($ref)+ subnet.name,
                    SubnetText::Cidr => $($ref)+ subnet.cidr,
                    SubnetText::AvailabilityZone => $($ref)+ subnet.availability_zone,
                }
            }
            Text::SecurityGroupResourceName => $($ref)+ doc.security_group.resource_name,
            Text::SecurityGroupName => $($ref)+ doc.security_group.name,
            Text::SecurityGroupDescription => $($ref)+ doc.security_group.description,
            Text::Rule(direction, i, field) => {
                let rules = match direction {
                    Direction::Ingress => $($ref)+ doc.security_group.ingress,
                    Direction::Egress => $($ref)+ doc.security_group.egress,
                };
                rule_text!(rules.at(i)?, field, $($ref)+)
            }
            Text::KeyPairResourceName => $($ref)+ doc.key_pair.resource_name,
            Text::KeyName => $($ref)+ doc.key_pair.key_name,
            Text::PublicKey => $($ref)+ doc.key_pair.public_key,
            Text::Instance(i, field) => instance_text!(($($ref)+ doc.instances).at(i)?, field, $($ref)+),
            Text::Host(i, field) => {
                let host = $($ref)+ ($($ref)+ doc.instances).at(i)?.nixos;
                match field {
                    HostText::HostName => $($ref)+ host.host_name,
                    HostText::TimeZone => $($ref)+ host.time_zone,
                    HostText::Packages => $($ref)+ host.packages,
                    HostText::AuthorizedKeys => $($ref)+ host.authorized_keys,
                    HostText::SwapMib => $($ref)+ host.swap_mib,
                    HostText::NginxPort => $($ref)+ host.nginx_port,
                    HostText::NginxDomain => $($ref)+ host.nginx_domain,
                    HostText::AcmeEmail => $($ref)+ host.acme_email,
                    HostText::ExtraNix => $($ref)+ host.extra_nix,
                }
            }
            Text::TagKey(i, j) => $($ref)+ ($($ref)+ ($($ref)+ doc.instances).at(i)?.tags).at(j)?.key,
            Text::TagValue(i, j) => $($ref)+ ($($ref)+ ($($ref)+ doc.instances).at(i)?.tags).at(j)?.value,
            Text::UnitName => $($ref)+ doc.provisioner.unit_name,
            Text::StateDirectory => $($ref)+ doc.provisioner.state_directory,
            Text::Tool => $($ref)+ doc.provisioner.tool,
            Text::HostName => $($ref)+ doc.provisioner.host_name,
            Text::HostSystem => $($ref)+ doc.provisioner.host_system,
            Text::ProviderSource => $($ref)+ doc.provisioner.provider_source,
            Text::ApplyOn => $($ref)+ doc.provisioner.apply_on,
            Text::Backend => $($ref)+ doc.provisioner.backend,
            Text::S3Bucket => $($ref)+ doc.provisioner.s3_bucket,
            Text::S3Key => $($ref)+ doc.provisioner.s3_key,
            Text::S3Region => $($ref)+ doc.provisioner.s3_region,
            Text::S3KmsKeyId => $($ref)+ doc.provisioner.s3_kms_key_id,
            Text::Encryption => $($ref)+ doc.provisioner.encryption,
            Text::PassphraseFile => $($ref)+ doc.provisioner.passphrase_file,
            Text::EncryptionKmsKeyId => $($ref)+ doc.provisioner.encryption_kms_key_id,
            Text::Credentials => $($ref)+ doc.provisioner.credentials,
            Text::EnvironmentFile => $($ref)+ doc.provisioner.environment_file,
            Text::FlakeDirectory => $($ref)+ doc.provisioner.flake_directory,
        })
    }};
}

macro_rules! rule_text {
    ($rule:expr, $field:expr, $($ref:tt)+) => {{
        let rule: $($ref)+ RuleDoc = $rule;
        match $field {
            RuleText::Description => $($ref)+ rule.description,
            RuleText::Protocol => $($ref)+ rule.protocol,
            RuleText::FromPort => $($ref)+ rule.from_port,
            RuleText::ToPort => $($ref)+ rule.to_port,
            RuleText::Ipv4Cidrs => $($ref)+ rule.ipv4_cidrs,
            RuleText::Ipv6Cidrs => $($ref)+ rule.ipv6_cidrs,
        }
    }};
}

macro_rules! instance_text {
    ($instance:expr, $field:expr, $($ref:tt)+) => {{
        let instance: $($ref)+ InstanceDoc = $instance;
        match $field {
            InstanceText::Name => $($ref)+ instance.name,
            InstanceText::InstanceType => $($ref)+ instance.instance_type,
            InstanceText::Subnet => $($ref)+ instance.subnet,
            InstanceText::RootVolumeSize => $($ref)+ instance.root_volume_size,
            InstanceText::RootVolumeType => $($ref)+ instance.root_volume_type,
            InstanceText::UserData => $($ref)+ instance.user_data,
        }
    }};
}

macro_rules! flag_slot {
    ($field:expr, $doc:expr, $($ref:tt)+) => {{
        let doc = $doc;
        Some(match $field {
            Flag::RestrictDefaultSecurityGroup => $($ref)+ doc.network.restrict_default_security_group,
            Flag::FlowLogs => $($ref)+ doc.network.flow_logs,
            Flag::OutputPublicIp => $($ref)+ doc.outputs.public_ip,
            Flag::OutputPublicDns => $($ref)+ doc.outputs.public_dns,
            Flag::OutputSshCommand => $($ref)+ doc.outputs.ssh_command,
            Flag::Instance(i, field) => {
                let instance: $($ref)+ InstanceDoc = ($($ref)+ doc.instances).at(i)?;
                match field {
                    InstanceFlag::PublicIp => $($ref)+ instance.public_ip,
                    InstanceFlag::RootVolumeEncrypted => $($ref)+ instance.root_volume_encrypted,
                    InstanceFlag::Imdsv2Required => $($ref)+ instance.imdsv2_required,
                    InstanceFlag::Monitoring => $($ref)+ instance.monitoring,
                    InstanceFlag::EbsOptimized => $($ref)+ instance.ebs_optimized,
                    InstanceFlag::IamRole => $($ref)+ instance.iam_role,
                    InstanceFlag::IgnoreAmiChanges => $($ref)+ instance.ignore_ami_changes,
                }
            }
            Flag::Host(i, field) => {
                let host = $($ref)+ ($($ref)+ doc.instances).at(i)?.nixos;
                match field {
                    HostFlag::Enabled => $($ref)+ host.enabled,
                    HostFlag::KeyPairKey => $($ref)+ host.key_pair_key,
                    HostFlag::Openssh => $($ref)+ host.openssh,
                    HostFlag::Firewall => $($ref)+ host.firewall,
                    HostFlag::Fail2ban => $($ref)+ host.fail2ban,
                    HostFlag::Tailscale => $($ref)+ host.tailscale,
                    HostFlag::Nginx => $($ref)+ host.nginx,
                    HostFlag::AutoUpgrade => $($ref)+ host.auto_upgrade,
                    HostFlag::Flakes => $($ref)+ host.flakes,
                }
            }
        })
    }};
}

/// `get` for shared and `get_mut` for mutable vectors under one name, so the tables above
/// are written once for both kinds of reference.
trait At {
    type Out;
    fn at(self, index: usize) -> Option<Self::Out>;
}

impl<'a, T> At for &'a Vec<T> {
    type Out = &'a T;
    fn at(self, index: usize) -> Option<&'a T> {
        self.get(index)
    }
}

impl<'a, T> At for &'a mut Vec<T> {
    type Out = &'a mut T;
    fn at(self, index: usize) -> Option<&'a mut T> {
        self.get_mut(index)
    }
}

impl Text {
    /// The field's text in `doc`; `None` when it names a list element `doc` does not have.
    pub fn get(self, doc: &Document) -> Option<&str> {
        text_slot!(self, doc, &).map(String::as_str)
    }

    pub(crate) fn slot(self, doc: &mut Document) -> Option<&mut String> {
        text_slot!(self, doc, &mut)
    }

    /// The most characters the field takes (for user data, its limit in bytes bounds the
    /// characters too).
    pub fn max_chars(self) -> usize {
        if self.is_multi_line() {
            MAX_USER_DATA_BYTES
        } else {
            MAX_LINE_CHARS
        }
    }

    /// The fields that take several lines (user data, extra Nix, more keys), bounded in bytes
    /// by the user data limit, since each ends up in user data.
    pub fn is_multi_line(self) -> bool {
        matches!(
            self,
            Text::Instance(_, InstanceText::UserData) | Text::Host(_, HostText::AuthorizedKeys | HostText::ExtraNix)
        )
    }

    /// Store `value` in the field after [`screen`]ing it; a refused value leaves `doc` as it was.
    pub fn set(self, doc: &mut Document, value: &str) -> Result<(), EditError> {
        screen(self, value)?;
        let slot = self.slot(doc).ok_or_else(|| EditError::NoField(self.path()))?;
        value.clone_into(slot);
        Ok(())
    }
}

impl Flag {
    /// The flag's state in `doc`; `None` when it names an instance `doc` does not have.
    pub fn get(self, doc: &Document) -> Option<bool> {
        flag_slot!(self, doc, &).copied()
    }

    fn slot(self, doc: &mut Document) -> Option<&mut bool> {
        flag_slot!(self, doc, &mut)
    }

    /// Set the flag; an out-of-date instance index is an error.
    pub fn set(self, doc: &mut Document, value: bool) -> Result<(), EditError> {
        let slot = self.slot(doc).ok_or_else(|| EditError::NoField(self.path()))?;
        *slot = value;
        Ok(())
    }
}
