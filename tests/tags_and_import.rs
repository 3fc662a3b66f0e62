//! Issue 17 in the rendered files and the importer: `Name` tags on every resource nixform makes
//! (the person's own `Name` wins), the private IP output of a host without a public one, and
//! what the importer says it changed.

#![cfg(not(target_arch = "wasm32"))]

use nixform::model::document::{Document, TagDoc};
use nixform::model::import::import_tf_json;
use nixform::model::validate;
use nixform::render::files::render_all;
use serde_json::Value;

#[track_caller]
fn rendered(doc: &Document) -> Value {
    let files = render_all(&validate(doc).expect("valid")).expect("renders");
    serde_json::from_str(&files.config_tf_json).expect("JSON")
}

#[track_caller]
fn name_tag<'a>(config: &'a Value, kind: &str, name: &str) -> &'a Value {
    &config["resource"][kind][name]["tags"]["Name"]
}

#[test]
fn every_resource_is_named() {
    let mut doc = nixform::model::presets::hardened();
    doc.security_group.name = "web-sg".into();
    let c = rendered(&doc);
    let n = &doc.network;
    for (kind, name, want) in [
        ("aws_vpc", n.vpc_name.as_str(), n.vpc_name.as_str()),
        ("aws_subnet", n.subnets[0].name.as_str(), n.subnets[0].name.as_str()),
        ("aws_internet_gateway", n.gateway_name.as_str(), n.gateway_name.as_str()),
        (
            "aws_route_table",
            n.route_table_name.as_str(),
            n.route_table_name.as_str(),
        ),
        (
            "aws_security_group",
            doc.security_group.resource_name.as_str(),
            "web-sg",
        ),
        (
            "aws_key_pair",
            doc.key_pair.resource_name.as_str(),
            doc.key_pair.key_name.as_str(),
        ),
        (
            "aws_instance",
            doc.instances[0].name.as_str(),
            doc.instances[0].name.as_str(),
        ),
    ] {
        assert_eq!(name_tag(&c, kind, name), want, "{kind}.{name}");
    }
}

#[test]
fn the_persons_own_name_tag_wins() {
    let mut doc = Document::default();
    doc.instances[0].tags = vec![TagDoc {
        key: "Name".into(),
        value: "web — primary".into(),
    }];
    let c = rendered(&doc);
    assert_eq!(name_tag(&c, "aws_instance", "nixos_x86-64"), "web — primary");
    let text = render_all(&validate(&doc).expect("valid"))
        .expect("renders")
        .config_tf_json;
    let back = import_tf_json(&text, &doc).expect("imports");
    assert_eq!(back.document, doc, "the person's Name stays a tag");
}

#[test]
fn name_tags_do_not_come_back_as_tags() {
    let doc = Document::default();
    let text = render_all(&validate(&doc).expect("valid"))
        .expect("renders")
        .config_tf_json;
    let back = import_tf_json(&text, &doc).expect("imports");
    assert_eq!(back.document, doc);
    assert!(back.unmapped.is_empty(), "{:?}", back.unmapped);
    assert!(back.changed.is_empty(), "{:?}", back.changed);
}

#[test]
fn a_private_instance_reports_its_private_ip() {
    let mut doc = Document::default();
    doc.instances[0].public_ip = false;
    let c = rendered(&doc);
    assert_eq!(
        c["output"]["nixos_x86-64_private_ip"]["value"],
        "${aws_instance.nixos_x86-64.private_ip}"
    );
    assert!(c["output"].get("nixos_x86-64_public_ip").is_none());
    let text = serde_json::to_string(&c).expect("JSON");
    assert_eq!(import_tf_json(&text, &doc).expect("imports").document, doc);
    // Without the IP output asked for, nothing.
    doc.outputs.public_ip = false;
    assert!(rendered(&doc).get("output").is_none());
}

/// A hand-written configuration of the kind people import: a fixed AMI, a public subnet.
const FOREIGN: &str = r#"{
  "provider": { "aws": { "region": "eu-central-1" } },
  "resource": {
    "aws_vpc": { "main": { "cidr_block": "10.0.0.0/16", "tags": { "Name": "production" } } },
    "aws_subnet": { "public": { "vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.1.0/24",
                                "availability_zone": "eu-central-1a", "map_public_ip_on_launch": true } },
    "aws_security_group": { "web": { "vpc_id": "${aws_vpc.main.id}" } },
    "aws_key_pair": { "me": { "key_name": "me", "public_key": "ssh-ed25519 AAAA" } },
    "aws_instance": {
      "web": { "ami": "ami-0abc1234def567890", "instance_type": "t3.micro",
               "subnet_id": "${aws_subnet.public.id}", "key_name": "${aws_key_pair.me.key_name}",
               "vpc_security_group_ids": ["${aws_security_group.web.id}"] }
    }
  }
}"#;

#[test]
fn the_import_says_what_it_changed() {
    let imported = import_tf_json(FOREIGN, &Document::default()).expect("imports");
    let changed = imported.changed.join("\n");
    for line in [
        "the file has no aws_ami data source: the NixOS 26.05 x86_64 image lookup (data.aws_ami.nixos-x86_64) is added",
        "aws_instance.web: the AMI ami-0abc1234def567890 is replaced by the NixOS image lookup (data.aws_ami.nixos-x86_64)",
        "aws_instance.web: \"Public IP\" is turned on, as its subnet gave it a public IP",
        "aws_subnet.public: map_public_ip_on_launch = true is dropped; instances get public IPs through their own \"Public IP\" setting",
    ] {
        assert!(changed.contains(line), "missing {line:?} in\n{changed}");
    }
    assert_eq!(imported.changed.len(), 4, "{changed}");
    assert!(imported.document.instances[0].public_ip, "the host keeps its public IP");
    // A Name that is not the resource's name is the person's: reported, not silently dropped.
    assert!(
        imported.unmapped.contains(&"aws_vpc.main.tags".to_owned()),
        "{:?}",
        imported.unmapped
    );
}

#[test]
fn an_import_keeps_the_order_of_the_instances_in_the_form() {
    let mut doc = Document::default();
    doc.instances[0].name = "web".into();
    for name in ["db", "cache"] {
        let mut instance = doc.instances[0].clone();
        instance.name = name.into();
        doc.instances.push(instance);
    }
    let files = render_all(&validate(&doc).expect("valid")).expect("renders");
    let names = |d: &Document| d.instances.iter().map(|i| i.name.clone()).collect::<Vec<_>>();
    // The file lists them with sorted keys (cache, db, web); the form's order wins.
    let imported = import_tf_json(&files.config_tf_json, &doc).expect("imports");
    assert_eq!(names(&imported.document), ["web", "db", "cache"]);
    // Into a form that has none of them, they come in the file's order (nixform writes sorted keys).
    let imported = import_tf_json(&files.config_tf_json, &Document::default()).expect("imports");
    assert_eq!(names(&imported.document), ["cache", "db", "web"]);
    // A foreign file's own order is kept: `web` listed before `cache`.
    let foreign = files
        .config_tf_json
        .replacen("\"cache\": {", "\"zz-placeholder\": {", 1)
        .replacen("\"web\": {", "\"cache\": {", 1)
        .replacen("\"zz-placeholder\": {", "\"web\": {", 1);
    assert_ne!(foreign, files.config_tf_json);
    let imported = import_tf_json(&foreign, &Document::default()).expect("imports");
    assert_eq!(imported.document.instances.len(), 3);
    assert_eq!(imported.document.instances[0].name, "web");
}
