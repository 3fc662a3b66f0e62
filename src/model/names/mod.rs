//! Newtypes that parse one value each: CIDR blocks, regions, zones, instance types, Terraform
//! resource names. Each has `FromStr` (the only way in, with a [`FieldErrorKind`] that names the
//! bad text) and `Display`.
//!
//! Belongs here: the syntax of one value and the facts it carries (a block's prefix, an instance
//! type's architecture). Does not belong here: rules between fields (a subnet inside its VPC, an
//! instance type matching the image), which are `validate`'s.
//!
//! [`FieldErrorKind`]: super::error::FieldErrorKind

mod aws;
mod cidr;
mod host;
mod instance_types;
mod resource_name;

pub use aws::{Arch, InstanceType, Region, Zone, REGIONS};
pub use cidr::{Cidr4, Cidr6};
pub use host::{is_attr_path, is_dns_label, is_domain_name, is_email, is_time_zone, NIX_RESERVED_NAMES};
pub use instance_types::{
    is_known_instance_type, known_instance_types, nearest_instance_type, INSTANCE_FAMILIES, SUGGESTED_INSTANCE_TYPES,
};
pub use resource_name::ResourceName;
