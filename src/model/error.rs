//! Field errors: where in the document (a path such as `instances[0].root_volume_size`) and
//! what is wrong, in a message that names the bad value. Nothing else lives here.

use thiserror::Error;

/// One problem with one field of the document.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{path}: {kind}")]
pub struct FieldError {
    /// The field's path in the document, e.g. `network.subnets[1].cidr`.
    pub path: String,
    pub kind: FieldErrorKind,
}

impl FieldError {
    pub fn new(path: impl Into<String>, kind: FieldErrorKind) -> Self {
        Self {
            path: path.into(),
            kind,
        }
    }
}

/// What is wrong with a field. Each message names the offending value.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FieldErrorKind {
    #[error("this field is required")]
    Required,
    #[error("`{0}` is not a CIDR block like 10.0.0.0/16")]
    NotCidr(String),
    #[error("`{0}` is not an IPv6 CIDR block like 2001:db8::/32")]
    NotCidr6(String),
    #[error("`{given}` has host bits set; did you mean `{suggested}`?")]
    HostBitsSet { given: String, suggested: String },
    #[error("VPC block `{0}` must have a prefix between /16 and /28")]
    VpcPrefix(String),
    #[error("subnet `{subnet}` is not inside the VPC block `{vpc}`")]
    SubnetOutsideVpc { subnet: String, vpc: String },
    #[error("subnet `{0}` is smaller than /28, the smallest AWS allows")]
    SubnetTooSmall(String),
    #[error("subnet `{subnet}` overlaps subnet `{other}`")]
    SubnetOverlap { subnet: String, other: String },
    #[error("`{0}` is not an AWS commercial region")]
    UnknownRegion(String),
    #[error(
        "availability zone `{zone}` is not in region `{region}` (expected {region}a, {region}b, ... or automatic)"
    )]
    ZoneNotInRegion { zone: String, region: String },
    #[error("`{0}` is not an instance type of the form family.size, like t3.micro")]
    NotInstanceType(String),
    #[error("`{given}` is not a known instance type{}", did_you_mean(nearest.as_deref()))]
    UnknownInstanceType { given: String, nearest: Option<String> },
    #[error("instance type `{instance_type}` is {type_arch}, but the image is {image_arch}")]
    ArchMismatch {
        instance_type: String,
        type_arch: String,
        image_arch: String,
    },
    #[error("`{value}` is not a whole number")]
    NotNumber { value: String },
    #[error("{what} `{value}` must be between {min} and {max}")]
    OutOfRange {
        what: &'static str,
        value: String,
        min: i64,
        max: i64,
    },
    #[error("`{0}` is not one of: {1}")]
    NotOneOf(String, &'static str),
    #[error("from port {from} is greater than to port {to}")]
    PortOrder { from: u16, to: u16 },
    #[error("`{0}` is not a Terraform name: start with a letter or _, then letters, digits, _ or -")]
    NotResourceName(String),
    #[error("the name `{0}` is used twice")]
    DuplicateName(String),
    #[error("`{0}` names no subnet of this stack")]
    UnknownSubnet(String),
    #[error("{what} is {len} characters long; at most {max} are allowed")]
    TooLong { what: &'static str, len: usize, max: usize },
    #[error("{what} `{value}` may only use {allowed}")]
    BadCharacters {
        what: &'static str,
        value: String,
        allowed: &'static str,
    },
    #[error("security group name `{0}` must not start with `sg-`")]
    SgPrefix(String),
    #[error("tag key `{0}` starts with `aws:`, which AWS reserves")]
    AwsReservedTag(String),
    #[error("tag key `{0}` is reserved by terranix and the Nix module system (keys starting with `_`, and `outPath`)")]
    NixReservedKey(String),
    #[error("the tag key `{0}` is used twice")]
    DuplicateTag(String),
    #[error("a control character ({0}) is not allowed here")]
    ControlCharacter(String),
    #[error("an invisible character ({0}: zero-width, byte-order mark or text-direction override) is not allowed")]
    InvisibleCharacter(String),
    #[error("this looks like {0}; nixform never stores secrets: use credential files or a profile")]
    Secret(&'static str),
    #[error("{0}")]
    SshKey(String),
    #[error("user data is {0} bytes; EC2 allows at most 16,384 (16 KB)")]
    UserDataTooLarge(usize),
    #[error("`{0}` is not a valid path: use an absolute path like /root/.aws/credentials")]
    NotAbsolutePath(String),
    #[error("`{0}` is not a systemd unit name: use letters, digits and : _ . - (no .service suffix)")]
    NotUnitName(String),
    #[error("`{0}` is not a state directory name: use letters, digits and _ . - /, without `..`")]
    NotStateDirectory(String),
    #[error("`{0}` is not an S3 bucket name: 3 to 63 lowercase letters, digits, dots and hyphens")]
    NotBucketName(String),
    #[error("`{0}` is not a state object key: it must not start or end with `/` or contain `//`")]
    NotStateKey(String),
    #[error(
        "`{0}` is not a KMS key: use a key or alias ARN (arn:aws:kms:REGION:ACCOUNT:key/ID), alias/NAME or a key ID"
    )]
    NotKmsKey(String),
    #[error("the S3 backend needs the KMS key's ARN (arn:aws:kms:REGION:ACCOUNT:key/ID), not `{0}`")]
    KmsKeyNeedsArn(String),
    #[error("state encryption is an OpenTofu feature: choose OpenTofu, or no encryption")]
    EncryptionNeedsOpenTofu,
    #[error("`{0}` is inside the Nix store, which every user can read")]
    InNixStore(String),
    #[error("`{0}` cannot be handed to systemd: a path here takes no spaces, quotes, backslashes or `%`")]
    NotSystemdPath(String),
    #[error("`{0}` is not a host name: use letters, digits and -")]
    NotHostName(String),
    #[error("`{0}` is not a DNS label (a host name): 1 to 63 letters, digits and -, not starting or ending with -")]
    NotDnsLabel(String),
    #[error("`{0}` is not a domain name like web.example.com")]
    NotDomain(String),
    #[error("`{0}` is not a time zone of the tz database: use Area/Location, like Europe/Berlin, or UTC")]
    NotTimeZone(String),
    #[error("`{0}` is not a nixpkgs attribute path like htop or python3Packages.requests")]
    NotAttrPath(String),
    #[error("`{0}` is not an email address")]
    NotEmail(String),
    #[error("user data and a NixOS configuration exclude each other: clear the user data, or turn the NixOS configuration off")]
    UserDataAndHost,
    /// From `nix-instantiate --parse`, which the CLI runs on the extra Nix.
    #[error("the extra Nix does not parse: {0}")]
    NixSyntax(String),
    #[error("`{0}` is also the provisioning host's name: the flake cannot hold two nixosConfigurations.{0}")]
    HostClash(String),
    #[error("`{0}` is not an AMI name pattern: use letters, digits and . _ - / * ?")]
    NotAmiPattern(String),
    #[error("NixOS {0} images are no longer published; choose 26.05 or 25.11")]
    ReleaseGone(String),
    #[error("{0} instances cannot be EBS-optimized; choose a newer family such as t3")]
    NoEbsOptimization(String),
    #[error("the stack needs at least one {0}")]
    Empty(&'static str),
    #[error("`{0}` is also the VPC module's name: in modules mode every module needs a name of its own")]
    ModuleNameClash(String),
    #[error("the terraform-aws-modules need the AWS provider 6.37 or later, newer than the one in nixpkgs 25.11: choose NixOS 26.05, or a provider downloaded by init")]
    ModulesNeedNewerProvider,
}

/// The end of an unknown instance type's message: the nearest known type, or an example.
fn did_you_mean(nearest: Option<&str>) -> String {
    match nearest {
        Some(t) => format!("; did you mean `{t}`?"),
        None => ", like t3.micro (see the suggestions)".to_owned(),
    }
}
