use super::*;
use crate::model::document::{InstanceDoc, SubnetDoc};

fn subnet(name: &str, cidr: &str, zone: &str) -> SubnetDoc {
    SubnetDoc {
        name: name.into(),
        cidr: cidr.into(),
        availability_zone: zone.into(),
    }
}

#[test]
fn zones_follow_the_region() {
    let mut doc = Document::default();
    doc.network.subnets = vec![
        subnet("a", "10.10.0.0/26", "ap-southeast-2a"),
        subnet("b", "10.10.0.64/26", "ap-southeast-2b"),
        subnet("c", "10.10.0.128/26", ""),
        subnet("d", "10.10.0.192/26", "ap-southeast-2c"),
    ];
    doc.provider.region = "ca-central-1".into();
    let notes = move_zones_to_region(&mut doc, "ap-southeast-2");
    let zones: Vec<&str> = doc
        .network
        .subnets
        .iter()
        .map(|s| s.availability_zone.as_str())
        .collect();
    assert_eq!(zones, ["ca-central-1a", "ca-central-1b", "", "automatic"]);
    assert_eq!(
        notes,
        [
            "Subnet 1: ap-southeast-2a → ca-central-1a",
            "Subnet 2: ap-southeast-2b → ca-central-1b",
            "Subnet 4: ap-southeast-2c → automatic",
        ]
    );
    assert!(crate::model::validate(&doc).is_ok() || !notes.is_empty());
    // The same region, or an unknown one: nothing moves.
    assert!(move_zones_to_region(&mut doc, "ca-central-1").is_empty());
    doc.provider.region = "mars-1".into();
    assert!(move_zones_to_region(&mut doc, "ca-central-1").is_empty());
}

#[test]
fn a_region_change_keeps_the_default_stack_valid() {
    let mut doc = Document::default();
    doc.provider.region = "eu-west-1".into();
    assert_eq!(
        move_zones_to_region(&mut doc, "ap-southeast-2"),
        ["Subnet 1: ap-southeast-2a → eu-west-1a"]
    );
    assert_eq!(crate::model::validate(&doc).map(|_| ()), Ok(()));
}

#[test]
fn new_instances_match_the_architecture() {
    assert_eq!(default_instance_type("x86_64"), "t2.medium");
    assert_eq!(default_instance_type("arm64"), "t4g.medium");
    for arch in ["x86_64", "arm64"] {
        let t: InstanceType = default_instance_type(arch).parse().expect("known");
        assert_eq!(t.arch().ami_name(), arch);
    }
}

#[test]
fn instance_types_convert_both_ways() {
    for (from, to, want) in [
        ("t3.micro", "arm64", Some("t4g.micro")),
        ("t2.medium", "arm64", Some("t4g.medium")),
        ("t3a.large", "arm64", Some("t4g.large")),
        ("m6i.xlarge", "arm64", Some("m7g.xlarge")),
        ("m5.large", "arm64", Some("m7g.large")),
        ("c6i.2xlarge", "arm64", Some("c7g.2xlarge")),
        ("r6i.large", "arm64", Some("r7g.large")),
        ("m6i.32xlarge", "arm64", None),
        ("t4g.small", "x86_64", Some("t3.small")),
        ("m7g.large", "x86_64", Some("m6i.large")),
        ("c7g.xlarge", "x86_64", Some("c6i.xlarge")),
        ("r7g.2xlarge", "x86_64", Some("r6i.2xlarge")),
        ("c7g.medium", "x86_64", None),
        ("t4g.small", "arm64", None),
        ("t3.small", "x86_64", None),
        ("not a type", "arm64", None),
        ("t3.micro", "mips", None),
        ("T3.MICRO ", "arm64", Some("t4g.micro")),
    ] {
        assert_eq!(convert_instance_type(from, to).as_deref(), want, "{from} → {to}");
    }
}

#[test]
fn the_ami_data_source_follows_the_architecture() {
    let mut doc = Document::default();
    doc.instances.push(InstanceDoc {
        name: "big".into(),
        instance_type: "m6i.32xlarge".into(),
        ..InstanceDoc::default()
    });
    let offers = set_architecture(&mut doc, "arm64");
    assert_eq!(doc.image.architecture, "arm64");
    assert_eq!(doc.image.data_name, "nixos-arm64");
    assert_eq!(offers, [(0, "t2.medium".to_owned(), "t4g.medium".to_owned())]);
    assert_eq!(
        doc.instances[0].instance_type, "t2.medium",
        "offered, not converted yet"
    );
    assert_eq!(convert_instances(&mut doc, "arm64"), 1);
    assert_eq!(doc.instances[0].instance_type, "t4g.medium");
    assert_eq!(doc.instances[1].instance_type, "m6i.32xlarge");
    set_architecture(&mut doc, "x86_64");
    assert_eq!(doc.image.data_name, "nixos-x86_64");
    // A renamed data source keeps its name.
    doc.image.data_name = "my-image".into();
    set_architecture(&mut doc, "arm64");
    assert_eq!(doc.image.data_name, "my-image");
}

#[test]
fn next_free_subnet_fills_the_vpc() {
    let mut doc = Document::default();
    assert_eq!(next_free_subnet(&doc).as_deref(), Some("10.10.0.128/25"));
    doc.network.subnets.push(subnet("b", "10.10.0.128/25", ""));
    assert_eq!(next_free_subnet(&doc), None, "the /24 is full");
    doc.network.vpc_cidr = "10.0.0.0/16".into();
    doc.network.subnets = vec![subnet("a", "10.0.0.0/24", ""), subnet("b", "10.0.2.0/24", "")];
    assert_eq!(next_free_subnet(&doc).as_deref(), Some("10.0.1.0/24"));
    doc.network.subnets.clear();
    assert_eq!(next_free_subnet(&doc).as_deref(), Some("10.0.0.0/17"));
    // A gap smaller than the last subnet's size is still used.
    doc.network.vpc_cidr = "10.0.0.0/24".into();
    doc.network.subnets = vec![subnet("a", "10.0.0.0/25", ""), subnet("b", "10.0.0.128/26", "")];
    assert_eq!(next_free_subnet(&doc).as_deref(), Some("10.0.0.192/26"));
    doc.network.vpc_cidr = "nonsense".into();
    assert_eq!(next_free_subnet(&doc), None);
}

#[test]
fn a_new_subnet_keeps_the_form_valid() {
    let mut doc = Document::default();
    doc.network.vpc_cidr = "10.10.0.0/16".into();
    for n in 0..5 {
        let cidr = next_free_subnet(&doc).expect("room");
        doc.network.subnets.push(subnet(&format!("s{n}"), &cidr, ""));
        assert_eq!(crate::model::validate(&doc).map(|_| ()), Ok(()), "{cidr}");
    }
}

#[test]
fn renames_and_removals_carry_the_instances() {
    let mut doc = Document::default();
    doc.network.subnets.push(subnet("other", "10.10.0.128/25", ""));
    doc.instances.push(InstanceDoc {
        name: "two".into(),
        subnet: "other".into(),
        ..InstanceDoc::default()
    });
    doc.network.subnets[0].name = "renamed".into();
    assert_eq!(follow_subnet_rename(&mut doc, 0, "nix-subnet"), 1);
    assert_eq!(doc.instances[0].subnet, "renamed");
    assert_eq!(doc.instances[1].subnet, "other");
    assert_eq!(follow_subnet_rename(&mut doc, 0, "nix-subnet"), 0);
    assert_eq!(follow_subnet_rename(&mut doc, 9, "x"), 0);
    assert_eq!(instances_in_subnet(&doc, 0), [0]);
    assert_eq!(instances_in_subnet(&doc, 1), [1]);
    assert!(instances_in_subnet(&doc, 2).is_empty());
    assert_eq!(remove_subnet(&mut doc, 1), [1]);
    assert_eq!(doc.instances[1].subnet, "renamed");
    assert_eq!(crate::model::validate(&doc).map(|_| ()), Ok(()));
    assert!(remove_subnet(&mut doc, 5).is_empty());
}

#[test]
fn presets_name_the_ami_after_their_architecture() {
    for preset in crate::model::presets::PRESETS {
        let doc = (preset.build)();
        assert_eq!(
            doc.image.data_name,
            format!("nixos-{}", doc.image.architecture),
            "{}",
            preset.name
        );
        for d in &doc.instances {
            let t: InstanceType = d.instance_type.parse().expect("known type");
            assert_eq!(
                t.arch().ami_name(),
                doc.image.architecture,
                "{}: {}",
                preset.name,
                d.instance_type
            );
        }
    }
}

#[test]
fn zone_suggestions_are_the_regions_own() {
    let zones: Vec<String> = super::zones("ap-northeast-1").collect();
    assert_eq!(zones, ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"]);
    assert_eq!(super::zones("us-east-1").count(), 6);
    assert_eq!(
        super::zones("eu-west-1").collect::<Vec<_>>(),
        ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
    );
    // Every suggestion is a zone the form accepts.
    for region in ["us-east-1", "ap-northeast-1", "ca-central-1"] {
        for zone in super::zones(region) {
            let mut doc = Document::default();
            doc.provider.region = region.into();
            doc.network.subnets[0].availability_zone = zone.clone();
            assert!(crate::model::validate(&doc).is_ok(), "{zone}");
        }
    }
}
