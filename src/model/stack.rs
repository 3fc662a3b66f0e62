//! The typed stack: valid by construction, produced only by [`crate::model::validate()`].
//!
//! Renderers take `&Stack` and never re-check anything. Strings held here are plain user text
//! (not yet escaped for any language); escaping is the renderers' job.

use super::names::{Arch, Cidr4, Cidr6, InstanceType, Region, ResourceName, Zone};

#[derive(Clone, Debug, PartialEq)]
pub struct Stack {
    pub mode: Mode,
    pub provider: Provider,
    pub image: Image,
    pub network: Network,
    pub security_group: SecurityGroup,
    pub key_pair: KeyPair,
    pub instances: Vec<Instance>,
    pub outputs: Outputs,
    pub provisioner: Provisioner,
}

impl Stack {
    /// The Terraform address of the VPC: `aws_vpc.<name>`, or `module.<name>` in modules mode.
    pub fn vpc_address(&self) -> String {
        let kind = match self.mode {
            Mode::Resources => "aws_vpc",
            Mode::Modules => "module",
        };
        [kind, ".", self.network.vpc_name.as_str()].concat()
    }

    /// The Terraform address of `instance`: `aws_instance.<name>`, or `module.<name>` in
    /// modules mode.
    pub fn instance_address(&self, instance: &Instance) -> String {
        let kind = match self.mode {
            Mode::Resources => "aws_instance",
            Mode::Modules => "module",
        };
        [kind, ".", instance.name.as_str()].concat()
    }
}

/// How the stack is written: AWS resources, or the terraform-aws-modules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `aws_vpc`, `aws_subnet`, `aws_instance` ... (the blog post's shape).
    Resources,
    /// `module.<vpc>` from `terraform-aws-modules/vpc/aws` and `module.<instance>` from
    /// `terraform-aws-modules/ec2-instance/aws`; the security group and key pair stay resources.
    Modules,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Provider {
    pub region: Region,
    pub shared_credentials_file: Option<String>,
    pub shared_config_file: Option<String>,
    pub profile: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Release {
    /// A NixOS release such as `26.05`, whose AMIs are published now.
    Published(&'static str),
    /// An AMI name pattern typed by the person.
    Custom(String),
}

/// Releases whose AMIs the NixOS/amis project uploads now, newest first.
pub const PUBLISHED_RELEASES: &[&str] = &["26.05", "25.11"];

impl Release {
    /// The AMI `name` filter.
    pub fn name_pattern(&self) -> String {
        match self {
            Release::Published(r) => format!("nixos/{r}*"),
            Release::Custom(p) => p.clone(),
        }
    }
    /// The nixpkgs branch the flake follows: the chosen release, or the newest for a custom image.
    pub fn nixpkgs_branch(&self) -> String {
        match self {
            Release::Published(r) => format!("nixos-{r}"),
            Release::Custom(_) => format!("nixos-{}", PUBLISHED_RELEASES[0]),
        }
    }
    pub fn state_version(&self) -> &'static str {
        match self {
            Release::Published(r) => r,
            Release::Custom(_) => PUBLISHED_RELEASES[0],
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    pub release: Release,
    pub arch: Arch,
    pub data_name: ResourceName,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    pub vpc_name: ResourceName,
    pub vpc_cidr: Cidr4,
    pub gateway_name: ResourceName,
    pub route_table_name: ResourceName,
    pub route_name: ResourceName,
    pub subnets: Vec<Subnet>,
    pub restrict_default_security_group: bool,
    /// Retention in days when flow logs are on.
    pub flow_logs: Option<u32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Subnet {
    pub name: ResourceName,
    pub cidr: Cidr4,
    pub zone: Zone,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SecurityGroup {
    pub resource_name: ResourceName,
    pub name: Option<String>,
    pub description: Option<String>,
    pub ingress: Vec<Rule>,
    pub egress: Vec<Rule>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protocol {
    Tcp,
    Udp,
    Icmp,
    Icmpv6,
    All,
}

impl Protocol {
    /// The `protocol` value AWS expects.
    pub fn aws_name(self) -> &'static str {
        match self {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
            Protocol::Icmp => "icmp",
            Protocol::Icmpv6 => "icmpv6",
            Protocol::All => "-1",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub description: String,
    pub protocol: Protocol,
    /// Port range for tcp/udp; ICMP type and code (-1 = all) for icmp; 0, 0 for all.
    pub from_port: i32,
    pub to_port: i32,
    pub ipv4: Vec<Cidr4>,
    pub ipv6: Vec<Cidr6>,
}

impl Rule {
    pub fn covers_port(&self, port: i32) -> bool {
        match self.protocol {
            Protocol::All => true,
            Protocol::Tcp => self.from_port <= port && port <= self.to_port,
            _ => false,
        }
    }
    pub fn open_to_world(&self) -> bool {
        self.ipv4.iter().any(|c| c.is_anywhere()) || self.ipv6.iter().any(|c| c.is_anywhere())
    }
}

impl SecurityGroup {
    /// The port ranges the ingress rules open for `protocol` (`Tcp` or `Udp`), sorted and
    /// without repeats; a rule for all traffic opens every port of both.
    pub fn ingress_ports(&self, protocol: Protocol) -> Vec<(u16, u16)> {
        let opened = self.ingress.iter().filter_map(|r| match r.protocol {
            Protocol::All => Some((0, u16::MAX)),
            p if p == protocol => Some((r.from_port.try_into().ok()?, r.to_port.try_into().ok()?)),
            _ => None,
        });
        // Kept sorted as it is built: a handful of rules, and no sort routine in the wasm.
        let mut ports: Vec<(u16, u16)> = Vec::new();
        for range in opened {
            if let Err(at) = ports.binary_search(&range) {
                ports.insert(at, range);
            }
        }
        ports
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct KeyPair {
    pub resource_name: ResourceName,
    pub key_name: String,
    pub public_key: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VolumeType {
    Gp3,
    Gp2,
    Io1,
    Io2,
}

impl VolumeType {
    pub fn as_str(self) -> &'static str {
        match self {
            VolumeType::Gp3 => "gp3",
            VolumeType::Gp2 => "gp2",
            VolumeType::Io1 => "io1",
            VolumeType::Io2 => "io2",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Instance {
    pub name: ResourceName,
    pub instance_type: InstanceType,
    /// Index into `network.subnets`.
    pub subnet: usize,
    pub public_ip: bool,
    pub root_volume_gib: u32,
    pub root_volume_type: VolumeType,
    pub root_volume_encrypted: bool,
    pub imdsv2_required: bool,
    pub monitoring: bool,
    pub ebs_optimized: bool,
    pub iam_role: bool,
    pub ignore_ami_changes: bool,
    /// Keys unique, in the order typed.
    pub tags: Vec<(String, String)>,
    /// Raw user data; never set together with `host`.
    pub user_data: Option<String>,
    /// The host's own NixOS configuration, delivered as its user data and in the flake.
    pub host: Option<Host>,
}

/// An instance's NixOS configuration: `hosts/<instance>.nix`.
#[derive(Clone, Debug, PartialEq)]
pub struct Host {
    /// A DNS label.
    pub host_name: String,
    pub time_zone: Option<String>,
    /// nixpkgs attribute paths.
    pub packages: Vec<String>,
    /// Root's keys, the key pair's first when it is chosen.
    pub authorized_keys: Vec<String>,
    pub openssh: bool,
    /// The firewall opens the security group's TCP and UDP ingress ports.
    pub firewall: bool,
    pub fail2ban: bool,
    pub tailscale: bool,
    pub nginx: Option<Nginx>,
    pub auto_upgrade: bool,
    pub swap_mib: Option<u32>,
    pub flakes: bool,
    /// Nix bindings, inserted as typed.
    pub extra_nix: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Nginx {
    /// The local port it proxies to.
    pub port: u16,
    /// A certificate from Let's Encrypt for this name, with this contact address.
    pub acme: Option<(String, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Outputs {
    pub public_ip: bool,
    pub public_dns: bool,
    pub ssh_command: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    OpenTofu,
    Terraform,
}

impl Tool {
    /// The nixpkgs attribute and the binary.
    pub fn package_and_binary(self) -> (&'static str, &'static str) {
        match self {
            Tool::OpenTofu => ("opentofu", "tofu"),
            Tool::Terraform => ("terraform", "terraform"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Provisioner {
    pub unit_name: String,
    pub state_directory: String,
    pub tool: Tool,
    pub host_name: String,
    pub host_system: Arch,
    /// The AWS provider from the Nix store (`withPlugins`), or downloaded by `init`.
    pub provider_from_store: bool,
    pub apply_on: ApplyOn,
    pub backend: Backend,
    pub encryption: Option<Encryption>,
    pub credentials: Credentials,
    /// Absolute, without a trailing `/`.
    pub flake_directory: String,
}

/// When the provisioning unit applies the configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApplyOn {
    /// After a `nixos-rebuild switch` that changed it (and at the first boot).
    Change,
    /// Also at every boot.
    Boot,
    /// Never: the unit plans and logs what would change; a person applies.
    Plan,
}

/// Where the Terraform state lives.
#[derive(Clone, Debug, PartialEq)]
pub enum Backend {
    /// `terraform.tfstate` in the working directory.
    Local,
    S3(S3Backend),
}

#[derive(Clone, Debug, PartialEq)]
pub struct S3Backend {
    pub bucket: String,
    pub key: String,
    pub region: Region,
    /// The ARN of the KMS key that encrypts the state object.
    pub kms_key_id: Option<String>,
}

/// OpenTofu's state and plan encryption.
#[derive(Clone, Debug, PartialEq)]
pub enum Encryption {
    /// A PBKDF2 key from the passphrase in this file (read by the unit and the flake apps).
    Passphrase { file: String },
    /// Data keys from this AWS KMS key, in the provider's region.
    Kms { key_id: String },
}

/// How the unit and the flake apps get AWS credentials; never through the Nix store.
#[derive(Clone, Debug, PartialEq)]
pub enum Credentials {
    /// The provider's shared credentials and config files, where they are.
    Paths,
    /// The same files, handed to the unit by systemd's `LoadCredential=`.
    LoadCredential,
    /// `AWS_ACCESS_KEY_ID`, ... from this file, by systemd's `EnvironmentFile=`.
    EnvironmentFile(String),
}

impl Provisioner {
    /// The Nix-side files with secrets in them: (document path, file).
    pub fn secret_files<'a>(&'a self, provider: &'a Provider) -> Vec<(&'static str, &'a str)> {
        let mut files = Vec::new();
        if let Some(f) = &provider.shared_credentials_file {
            files.push(("provider.shared_credentials_file", f.as_str()));
        }
        if let Some(f) = &provider.shared_config_file {
            files.push(("provider.shared_config_file", f.as_str()));
        }
        if let Credentials::EnvironmentFile(f) = &self.credentials {
            files.push(("provisioner.environment_file", f.as_str()));
        }
        if let Some(Encryption::Passphrase { file }) = &self.encryption {
            files.push(("provisioner.passphrase_file", file.as_str()));
        }
        files
    }
}
