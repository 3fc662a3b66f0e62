//! The words of issue 17: instance types known by name (with the nearest one suggested, case
//! and spaces normalised), the profile's rule and message, and the 16 KB user-data limit.

use crate::{accepts, refuses};
use nixform::model::validate;
use nixform::model::Document;

#[test]
fn instance_types_are_known_by_name() {
    for t in [
        "t4g.small",
        "T4G.SMALL ",
        " m7g.large",
        "c7i.metal-48xl",
        "r6i.32xlarge",
        "t3.nano",
    ] {
        accepts(t, |d| {
            d.instances[0].instance_type = t.into();
            let family = t.trim().split('.').next().unwrap_or_default().to_ascii_lowercase();
            d.image.architecture = if family.ends_with('g') { "arm64" } else { "x86_64" }.into();
        });
    }
    let cases = [
        (
            "t4g.smal",
            "`t4g.smal` is not a known instance type; did you mean `t4g.small`?",
        ),
        (
            "T2.MEDUIM",
            "`T2.MEDUIM` is not a known instance type; did you mean `t2.medium`?",
        ),
        (
            "t2medium",
            "`t2medium` is not a known instance type; did you mean `t2.medium`?",
        ),
        (
            "g4dn.xlarge",
            "`g4dn.xlarge` is not a known instance type, like t3.micro",
        ),
        ("banana", "`banana` is not an instance type of the form family.size"),
    ];
    for (t, message) in cases {
        refuses(t, "instances[0].instance_type", message, |d| {
            d.instances[0].instance_type = t.into()
        });
    }
}

#[test]
fn a_normalised_instance_type_is_what_the_stack_holds() {
    let mut doc = Document::default();
    doc.instances[0].instance_type = " T3.Medium ".into();
    let stack = validate(&doc).expect("valid");
    assert_eq!(stack.instances[0].instance_type.as_str(), "t3.medium");
}

#[test]
fn user_data_is_at_most_16_kb() {
    accepts("16,384 bytes", |d| d.instances[0].user_data = "x".repeat(16_384));
    refuses(
        "16,385 bytes",
        "instances[0].user_data",
        "user data is 16385 bytes; EC2 allows at most 16,384 (16 KB)",
        |d| d.instances[0].user_data = "x".repeat(16_385),
    );
    // Bytes, not characters: 8,193 two-byte characters are over the limit.
    refuses("multi-byte", "instances[0].user_data", "16386 bytes", |d| {
        d.instances[0].user_data = "é".repeat(8_193)
    });
}

#[test]
fn the_profile_rule_and_its_message_agree() {
    for profile in ["", "default", "my-profile", "dev_team.eu+ops@corp", "Prod2"] {
        accepts(profile, |d| d.provider.profile = profile.into());
    }
    for profile in ["my profile", "prod/eu", "x:y", "naïve"] {
        refuses(
            profile,
            "provider.profile",
            &format!("profile `{profile}` may only use letters, digits and _ . - @ + (no spaces)"),
            |d| d.provider.profile = profile.into(),
        );
    }
}
