//! Typed edits of a document: which field a form control edits ([`Text`], [`Flag`]), and the
//! screen every typed value passes before it is stored.
//!
//! A control names its field with an enum value, not a string path, so a misspelt field is a
//! compile error. [`Text::path`] gives the document path that [`crate::model::FieldError`]s
//! and lint findings use (`instances[0].tags[1].key`), which the UI turns into element ids.
//! [`Field`] is either kind, for what is keyed by a control (a refused edit's message).
//! [`screen`] is the gate: a pasted secret or an oversized paste is refused with a message
//! and the field keeps its previous value, so nothing secret reaches autosave, previews or
//! links. List operations (add or remove an instance, a rule) are the UI reducer's; parsing
//! and checking values is `validate`'s.

use thiserror::Error;

use super::secrets::find_secret;

mod paths;
mod slots;
#[cfg(test)]
mod tests;

/// The most characters a single-line field takes (far above any AWS limit, far below a paste
/// that would slow the page down).
pub const MAX_LINE_CHARS: usize = 4096;
/// The most user data takes: EC2 allows 16 KB (16,384 bytes) before base64, counted in bytes
/// of UTF-8 everywhere (this screen, `validate`, the help text).
pub const MAX_USER_DATA_BYTES: usize = 16 * 1024;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum EditError {
    /// The field names a list element that does not exist (an out-of-date control).
    #[error("no field `{0}` in the document")]
    NoField(String),
    #[error("{0}")]
    Refused(String),
}

/// A security group's inbound or outbound rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RuleText {
    Description,
    Protocol,
    FromPort,
    ToPort,
    Ipv4Cidrs,
    Ipv6Cidrs,
}

/// A text field of an instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum InstanceText {
    Name,
    InstanceType,
    Subnet,
    RootVolumeSize,
    RootVolumeType,
    UserData,
}

/// A text field of an instance's NixOS configuration (`instances[i].nixos`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HostText {
    HostName,
    TimeZone,
    Packages,
    AuthorizedKeys,
    SwapMib,
    NginxPort,
    NginxDomain,
    AcmeEmail,
    ExtraNix,
}

impl HostText {
    /// Every field, in form order.
    pub const ALL: [HostText; 9] = [
        HostText::HostName,
        HostText::TimeZone,
        HostText::Packages,
        HostText::AuthorizedKeys,
        HostText::SwapMib,
        HostText::NginxPort,
        HostText::NginxDomain,
        HostText::AcmeEmail,
        HostText::ExtraNix,
    ];
}

/// A checkbox of an instance's NixOS configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HostFlag {
    Enabled,
    KeyPairKey,
    Openssh,
    Firewall,
    Fail2ban,
    Tailscale,
    Nginx,
    AutoUpgrade,
    Flakes,
}

impl HostFlag {
    /// Every checkbox, in form order.
    pub const ALL: [HostFlag; 9] = [
        HostFlag::Enabled,
        HostFlag::KeyPairKey,
        HostFlag::Openssh,
        HostFlag::Firewall,
        HostFlag::Fail2ban,
        HostFlag::Tailscale,
        HostFlag::Nginx,
        HostFlag::AutoUpgrade,
        HostFlag::Flakes,
    ];
}

/// A text field of a subnet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SubnetText {
    Name,
    Cidr,
    AvailabilityZone,
}

/// Every text field of a document; list elements by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Text {
    Mode,
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
    Host(usize, HostText),
    TagKey(usize, usize),
    TagValue(usize, usize),
    UnitName,
    StateDirectory,
    Tool,
    HostName,
    HostSystem,
    ProviderSource,
    ApplyOn,
    Backend,
    S3Bucket,
    S3Key,
    S3Region,
    S3KmsKeyId,
    Encryption,
    PassphraseFile,
    EncryptionKmsKeyId,
    Credentials,
    EnvironmentFile,
    FlakeDirectory,
}

/// A flag of an instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Flag {
    RestrictDefaultSecurityGroup,
    FlowLogs,
    Instance(usize, InstanceFlag),
    Host(usize, HostFlag),
    OutputPublicIp,
    OutputPublicDns,
    OutputSshCommand,
}

/// Any control's field, a text or a flag: what a refused edit is keyed by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Text(Text),
    Flag(Flag),
}

impl From<Text> for Field {
    fn from(field: Text) -> Self {
        Field::Text(field)
    }
}

impl From<Flag> for Field {
    fn from(field: Flag) -> Self {
        Field::Flag(field)
    }
}

impl Field {
    /// The document path of the field (see [`Text::path`], [`Flag::path`]).
    pub fn path(self) -> String {
        match self {
            Field::Text(field) => field.path(),
            Field::Flag(field) => field.path(),
        }
    }
}

/// Whether `value` may be stored in `field`; the error is shown next to the field.
pub fn screen(field: Text, value: &str) -> Result<(), EditError> {
    if let Some(what) = find_secret(value) {
        return Err(EditError::Refused(format!("This looks like {what}. nixform never stores secrets: it was not saved. Use a credentials file or a profile.")));
    }
    if field.is_multi_line() {
        let len = value.len();
        if len > MAX_USER_DATA_BYTES {
            return Err(EditError::Refused(format!(
                "The pasted text is {len} bytes long; this field takes at most 16 KB ({MAX_USER_DATA_BYTES} bytes), as user data does. The previous value was kept."
            )));
        }
        return Ok(());
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
