//! Typed edits of a document: which field a form control edits ([`Text`], [`Flag`]), and the
//! screen every typed value passes before it is stored.
//!
//! A control names its field with an enum value, not a string path, so a misspelt field is a
//! compile error. [`Text::path`] gives the document path that [`crate::model::FieldError`]s
//! and lint findings use (`instances[0].tags[1].key`), which the UI turns into element ids.
//! [`screen`] is the gate: a pasted secret or an oversized paste is refused with a message
//! and the field keeps its previous value, so nothing secret reaches autosave, previews or
//! links. List operations (add or remove an instance, a rule) are the UI reducer's; parsing
//! and checking values is `validate`'s.

use thiserror::Error;

use super::document::{Document, InstanceDoc, RuleDoc};
use super::secrets::find_secret;

/// The most characters a single-line field takes (far above any AWS limit, far below a paste
/// that would slow the page down).
pub const MAX_LINE_CHARS: usize = 4096;
/// The most characters user data takes (EC2 allows 16 KB; the rest is room for a message).
pub const MAX_USER_DATA_CHARS: usize = 32 * 1024;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum EditError {
    /// The field names a list element that does not exist (an out-of-date control).
    #[error("no field `{0}` in the document")]
    NoField(String),
    #[error("{0}")]
    Refused(String),
}

/// A security group's inbound or outbound rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Ingress,
    Egress,
}

impl Direction {
    /// The document key: `ingress` or `egress`.
    pub fn key(self) -> &'static str {
        match self {
            Direction::Ingress => "ingress",
            Direction::Egress => "egress",
        }
    }
}

/// A text field of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuleText {
    Description,
    Protocol,
    FromPort,
    ToPort,
    Ipv4Cidrs,
    Ipv6Cidrs,
}

/// A text field of an instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InstanceText {
    Name,
    InstanceType,
    Subnet,
    RootVolumeSize,
    RootVolumeType,
    UserData,
}

/// A text field of a subnet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SubnetText {
    Name,
    Cidr,
    AvailabilityZone,
}

/// Every text field of a document; list elements by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Text {
    Region,
    SharedCredentialsFile,
    SharedConfigFile,
    Profile,
    Release,
    CustomPattern,
    Architecture,
    AmiDataName,
    VpcName,
    VpcCidr,
    GatewayName,
    RouteTableName,
    RouteName,
    FlowLogRetentionDays,
    Subnet(usize, SubnetText),
    SecurityGroupResourceName,
    SecurityGroupName,
    SecurityGroupDescription,
    Rule(Direction, usize, RuleText),
    KeyPairResourceName,
    KeyName,
    PublicKey,
    Instance(usize, InstanceText),
    TagKey(usize, usize),
    TagValue(usize, usize),
    UnitName,
    StateDirectory,
    Tool,
    HostName,
    HostSystem,
}

/// A flag of an instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InstanceFlag {
    PublicIp,
    RootVolumeEncrypted,
    Imdsv2Required,
    Monitoring,
    EbsOptimized,
    IamRole,
    IgnoreAmiChanges,
}

/// Every checkbox of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flag {
    RestrictDefaultSecurityGroup,
    FlowLogs,
    Instance(usize, InstanceFlag),
    OutputPublicIp,
    OutputPublicDns,
    OutputSshCommand,
}

/// The one table of where each text field lives, expanded once with `&` (for [`Text::get`])
/// and once with `&mut` (for [`Text::set`]), so reading and writing a field cannot disagree.
macro_rules! text_slot {
    ($field:expr, $doc:expr, $($ref:tt)+) => {{
        let doc = $doc;
        Some(match $field {
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
            Text::TagKey(i, j) => $($ref)+ ($($ref)+ ($($ref)+ doc.instances).at(i)?.tags).at(j)?.key,
            Text::TagValue(i, j) => $($ref)+ ($($ref)+ ($($ref)+ doc.instances).at(i)?.tags).at(j)?.value,
            Text::UnitName => $($ref)+ doc.provisioner.unit_name,
            Text::StateDirectory => $($ref)+ doc.provisioner.state_directory,
            Text::Tool => $($ref)+ doc.provisioner.tool,
            Text::HostName => $($ref)+ doc.provisioner.host_name,
            Text::HostSystem => $($ref)+ doc.provisioner.host_system,
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

    fn slot(self, doc: &mut Document) -> Option<&mut String> {
        text_slot!(self, doc, &mut)
    }

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
            Text::TagKey(i, j) => return format!("instances[{i}].tags[{j}].key"),
            Text::TagValue(i, j) => return format!("instances[{i}].tags[{j}].value"),
        };
        fixed.to_owned()
    }

    /// The most characters the field takes.
    pub fn max_chars(self) -> usize {
        match self {
            Text::Instance(_, InstanceText::UserData) => MAX_USER_DATA_CHARS,
            _ => MAX_LINE_CHARS,
        }
    }

    /// Store `value` in the field after [`screen`]ing it; a refused value leaves `doc` as it was.
    pub fn set(self, doc: &mut Document, value: &str) -> Result<(), EditError> {
        screen(self, value)?;
        let slot = self.slot(doc).ok_or_else(|| EditError::NoField(self.path()))?;
        value.clone_into(slot);
        Ok(())
    }

    /// Every text field of `doc`, lists included, in form order.
    pub fn all(doc: &Document) -> Vec<Text> {
        use InstanceText as I;
        use RuleText as R;
        use SubnetText as S;
        let mut all = vec![
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
        ]);
        all
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
        };
        fixed.to_owned()
    }
}

/// Whether `value` may be stored in `field`; the error is shown next to the field.
pub fn screen(field: Text, value: &str) -> Result<(), EditError> {
    if let Some(what) = find_secret(value) {
        return Err(EditError::Refused(format!("This looks like {what}. nixform never stores secrets: it was not saved. Use a credentials file or a profile.")));
    }
    let max = field.max_chars();
    let len = value.chars().count();
    if len > max {
        return Err(EditError::Refused(format!(
            "The pasted text is {len} characters long; this field takes at most {max}. The previous value was kept."
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document with every optional list non-empty.
    fn full() -> Document {
        let mut doc = Document::default();
        doc.instances.push(InstanceDoc::default());
        doc.instances[1].tags.push(Default::default());
        doc.network.subnets.push(Default::default());
        doc
    }

    #[test]
    fn every_text_field_is_reachable_and_named_by_its_document_path() {
        let doc = full();
        let mut visited = Vec::new();
        doc.visit_texts(&mut |path, text| visited.push((path.to_owned(), text.to_owned())));
        let mut typed: Vec<(String, String)> = Text::all(&doc)
            .into_iter()
            .map(|f| (f.path(), f.get(&doc).expect("in the document").to_owned()))
            .collect();
        visited.sort();
        typed.sort();
        assert_eq!(typed, visited);
    }

    #[test]
    fn each_field_edits_its_own_place() {
        for field in Text::all(&full()) {
            let mut doc = full();
            field.set(&mut doc, "edited-value").expect("set");
            let mut changed = Vec::new();
            doc.visit_texts(&mut |path, text| {
                if text == "edited-value" {
                    changed.push(path.to_owned());
                }
            });
            assert_eq!(changed, [field.path()], "{field:?}");
        }
    }

    #[test]
    fn flags_set_and_get() {
        let mut doc = Document::default();
        let flag = Flag::Instance(0, InstanceFlag::Monitoring);
        assert_eq!(flag.get(&doc), Some(false));
        flag.set(&mut doc, true).expect("set");
        assert!(doc.instances[0].monitoring);
        Flag::FlowLogs.set(&mut doc, true).expect("set");
        assert!(doc.network.flow_logs);
        assert_eq!(
            Flag::Instance(3, InstanceFlag::IamRole).set(&mut doc, true),
            Err(EditError::NoField("instances[3].iam_role".into()))
        );
    }

    #[test]
    fn an_out_of_date_index_is_an_error_not_a_panic() {
        let mut doc = Document::default();
        let before = doc.clone();
        assert_eq!(
            Text::Instance(5, InstanceText::Name).set(&mut doc, "x"),
            Err(EditError::NoField("instances[5].name".into()))
        );
        assert_eq!(Text::TagKey(0, 0).get(&doc), None);
        assert_eq!(doc, before);
    }

    #[test]
    fn refusals_keep_the_previous_value() {
        let mut doc = Document::default();
        let before = doc.clone();
        let key = "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----";
        assert!(matches!(Text::PublicKey.set(&mut doc, key), Err(EditError::Refused(m)) if m.contains("private key")));
        assert!(matches!(
            Text::Profile.set(&mut doc, "AKIAIOSFODNN7EXAMPLE"),
            Err(EditError::Refused(_))
        ));
        let huge = "x".repeat(1 << 20);
        assert!(
            matches!(Text::SecurityGroupName.set(&mut doc, &huge), Err(EditError::Refused(m)) if m.contains("1048576"))
        );
        assert_eq!(doc, before);
        assert!(Text::Instance(0, InstanceText::UserData)
            .set(&mut doc, &"y".repeat(20_000))
            .is_ok());
    }
}
