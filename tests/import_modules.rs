//! The importer in modules mode: what nixform writes as terraform-aws-modules `vpc` and
//! `ec2-instance` blocks comes back as the same document (`mode = "modules"`); module inputs
//! and modules nixform does not write are listed as unmapped; malformed modules never panic
//! and say what is wrong.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use nixform::model::document::{Document, InstanceDoc, SubnetDoc, TagDoc};
use nixform::model::import::{import_tf_json, ImportError, Imported};
use nixform::model::{presets, validate};
use nixform::render::render_all;
use nixform::render::terraform::modules::{EC2_SOURCE, VPC_SOURCE};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Value};

/// The `config.tf.json` nixform renders for `doc`.
#[track_caller]
fn config(doc: &Document) -> String {
    render_all(&validate(doc).expect("valid"))
        .expect("renders")
        .config_tf_json
}

/// The configuration of `doc` as JSON, edited by `edit`, imported into the form `doc`.
#[track_caller]
fn import_edited(doc: &Document, edit: impl FnOnce(&mut Value)) -> Result<Imported, ImportError> {
    let mut value: Value = serde_json::from_str(&config(doc)).expect("JSON");
    edit(&mut value);
    import_tf_json(&value.to_string(), doc)
}

/// Import what nixform renders for `doc`: nothing unmapped, nothing changed, the mode kept and
/// the same files rendered again. Returns the imported document.
#[track_caller]
fn round_trip(name: &str, doc: &Document) -> Document {
    let imported = common::import_round_trip(name, doc);
    assert!(imported.changed.is_empty(), "{name}: changed {:?}", imported.changed);
    assert_eq!(imported.document.mode, "modules", "{name}");
    imported.document
}

#[test]
fn the_modules_preset_comes_back_as_the_same_form() {
    let doc = presets::modules();
    assert_eq!(round_trip("modules preset", &doc), doc);
    // Also into a form in resources mode: the file says which mode it is.
    let imported = import_tf_json(&config(&doc), &Document::default()).expect("imports");
    assert_eq!(imported.document, doc);
}

#[test]
fn a_stack_with_every_module_input_comes_back() {
    // Flow logs, the locked default group, three subnets (one in an automatic zone), two
    // instances with tags, an IAM role, IMDSv2, encrypted volumes, one a NixOS host.
    let doc = common::modules_varied();
    round_trip("modules varied", &doc);
    // Written with the empty zone the importer gives an automatic one, and the tags in key
    // order (as the file has them), it is the same form.
    let mut doc = doc;
    doc.network.subnets[2].availability_zone = String::new();
    doc.instances[1].tags.sort_by(|a, b| a.key.cmp(&b.key));
    assert!(doc.instances[1].nixos.enabled, "the second instance is a host");
    assert_eq!(round_trip("modules varied, empty zone", &doc), doc);
    // Each part the modules carry, checked by name.
    let n = &doc.network;
    assert!(n.flow_logs && n.restrict_default_security_group);
    assert_eq!(n.flow_log_retention_days, "30");
    let web = &doc.instances[0];
    assert!(web.iam_role && web.imdsv2_required && web.root_volume_encrypted && web.public_ip);
    assert_eq!(web.tags.len(), 1);
}

#[test]
fn the_hosts_and_hardened_presets_come_back_in_modules_mode() {
    for (name, mut doc) in [
        ("hosts", presets::hosts()),
        ("hardened", presets::hardened()),
        ("remote state", presets::remote_state()),
    ] {
        doc.mode = "modules".into();
        assert_eq!(round_trip(name, &doc), doc, "{name}");
    }
}

#[test]
fn every_varied_stack_comes_back_in_modules_mode() {
    let mut tried = 0;
    for (name, mut doc) in common::varied_documents() {
        doc.mode = "modules".into();
        // Stacks that modules mode refuses (nixpkgs 25.11's provider) are not rendered.
        if validate(&doc).is_ok() {
            round_trip(name, &doc);
            tried += 1;
        }
    }
    assert!(tried >= 15, "most varied stacks render in modules mode (got {tried})");
}

/// Random modules-mode stacks: the free text of `random_stacks_stay_equivalent`
/// (tests/equivalence.rs) and random choices of every flag, subnet and zone the modules take.
#[test]
fn random_modules_stacks_come_back() {
    let text = "[ -~\u{e9}\u{65e5}\u{1f600}]{0,24}|\\$\\{[a-z]{1,5}\\}|%\\{[a-z ]{0,5}\\}|[\"\\\\$'{}%]{1,8}";
    let strategy = (
        prop::collection::vec((text, text), 0..4),
        prop::string::string_regex("([ -~\n\t]|[\"\\\\$'{}%])*").expect("regex"),
        prop::collection::vec(any::<bool>(), 12),
        1..4usize,
        1..4usize,
        prop::sample::select(vec!["0", "1", "7", "30", "365", "3653"]),
    );
    let mut runner = TestRunner::new(Config {
        cases: 60,
        ..Config::default()
    });
    let mut tried = 0;
    for i in 0..60 {
        let (tags, user_data, flags, subnets, instances, days) =
            strategy.new_tree(&mut runner).expect("generate").current();
        let mut doc = presets::modules();
        let n = &mut doc.network;
        n.vpc_cidr = "10.40.0.0/16".into();
        n.flow_logs = flags[0];
        n.restrict_default_security_group = flags[1];
        n.flow_log_retention_days = if flags[0] { days } else { "365" }.into();
        n.subnets = (0..subnets)
            .map(|s| SubnetDoc {
                name: format!("sub-{s}"),
                cidr: format!("10.40.{s}.0/24"),
                availability_zone: if flags[2 + s] {
                    String::new()
                } else {
                    format!("ap-southeast-2{}", ['a', 'b', 'c'][s])
                },
            })
            .collect();
        doc.instances = (0..instances)
            .map(|k| InstanceDoc {
                name: format!("host-{k}"),
                // EBS optimisation needs a type newer than t2.
                instance_type: ["t3.micro", "m7i.large", "c7i.xlarge"][k].into(),
                subnet: format!("sub-{}", (k + i) % subnets),
                public_ip: flags[5] ^ (k == 1),
                root_volume_encrypted: flags[6],
                imdsv2_required: flags[7] ^ (k == 2),
                monitoring: flags[8],
                ebs_optimized: flags[9],
                iam_role: flags[10] ^ (k == 1),
                ignore_ami_changes: flags[11],
                tags: tags
                    .iter()
                    .enumerate()
                    .map(|(j, (key, value))| TagDoc {
                        key: format!("t{j}{}", key.trim_start_matches(['_', ' ']))
                            .chars()
                            .take(100)
                            .collect(),
                        value: value.clone(),
                    })
                    .collect(),
                user_data: if k == 0 { user_data.clone() } else { String::new() },
                ..InstanceDoc::default()
            })
            .collect();
        doc.instances[0].nixos.enabled = flags[3] && doc.instances[0].user_data.is_empty();
        if validate(&doc).is_err() {
            continue;
        }
        let back = round_trip(&format!("random stack {i}"), &doc);
        assert_eq!(back.instances, doc.instances, "random stack {i}");
        tried += 1;
    }
    assert!(tried >= 45, "most random stacks are valid (got {tried})");
}

#[test]
fn inputs_nixform_does_not_write_are_listed() {
    let doc = presets::modules();
    let imported = import_edited(&doc, |c| {
        let m = &mut c["module"];
        m["nixos_x86-64"]["cpu_options"] = json!({ "core_count": 2 });
        m["nixos_x86-64"]["root_block_device"]["iops"] = json!(3000);
        m["nixos_x86-64"]["metadata_options"]["instance_metadata_tags"] = json!("enabled");
        m["nix-vpc"]["private_subnets"] = json!(["10.10.0.128/26"]);
        m["nix-vpc"]["name"] = json!("another-name");
    })
    .expect("imports");
    assert_eq!(
        imported.unmapped,
        [
            "module.nix-vpc.name",
            "module.nix-vpc.private_subnets",
            "module.nixos_x86-64.cpu_options",
            "module.nixos_x86-64.metadata_options.instance_metadata_tags",
            "module.nixos_x86-64.root_block_device.iops",
        ]
    );
    assert_eq!(imported.document, doc, "what is mapped is still imported");
}

#[test]
fn modules_of_other_sources_are_listed_not_imported() {
    let doc = presets::modules();
    let imported = import_edited(&doc, |c| {
        c["module"]["logs"] = json!({ "source": "terraform-aws-modules/s3-bucket/aws", "bucket": "logs" });
        c["module"]["local"] = json!({ "source": "./modules/thing" });
        c["module"]["other-vpc"] = json!({ "source": VPC_SOURCE, "cidr": "10.99.0.0/16" });
        c["module"]["broken"] = json!("not a block");
    })
    .expect("imports");
    assert_eq!(
        imported.unmapped,
        [
            "module.broken",
            "module.local",
            "module.logs",
            "module.other-vpc (the form holds one VPC module)",
        ]
    );
    assert_eq!(imported.document, doc);

    // In a resources-mode file, an ec2-instance module is not one of the form's instances.
    let doc = Document::default();
    let imported = import_edited(&doc, |c| {
        c["module"] = json!({ "extra": { "source": EC2_SOURCE, "instance_type": "t3.micro" } });
    })
    .expect("imports");
    assert_eq!(imported.unmapped, ["module.extra"]);
    assert_eq!(imported.document, doc);
    // Resources that modules mode does not write are listed, not read as the network.
    let imported = import_edited(&presets::modules(), |c| {
        c["resource"]["aws_vpc"] = json!({ "old": { "cidr_block": "10.0.0.0/16" } });
        c["resource"]["aws_instance"] = json!({ "old": { "instance_type": "t3.micro" } });
    })
    .expect("imports");
    assert_eq!(imported.unmapped, ["resource.aws_instance.old", "resource.aws_vpc.old"]);
    assert_eq!(imported.document, presets::modules());
}

#[test]
fn what_the_form_cannot_hold_as_written_is_said() {
    let doc = presets::modules();
    let web = "module.nixos_x86-64";
    let imported = import_edited(&doc, |c| {
        let m = &mut c["module"];
        m["nix-vpc"]["version"] = json!("~> 5.0");
        m["nix-vpc"]["map_public_ip_on_launch"] = json!(true);
        let w = &mut m["nixos_x86-64"];
        let w = w.as_object_mut().expect("object");
        w.remove("version");
        w.remove("create_security_group");
        w.remove("associate_public_ip_address");
        w.insert("ami".into(), json!("ami-0abc1234def567890"));
        w.insert("subnet_id".into(), json!("${module.nix-vpc.public_subnets[7]}"));
    })
    .expect("imports");
    let changed = imported.changed.join("\n");
    for line in [
        "module.nix-vpc: version ~> 5.0 is replaced by ~> 6.6, whose inputs nixform writes".to_owned(),
        "module.nix-vpc: map_public_ip_on_launch = true is dropped; instances get public IPs through their own \"Public IP\" setting".into(),
        format!("{web}: no version is replaced by ~> 6.4, whose inputs nixform writes"),
        format!("{web}: create_security_group is turned off; the instance has the stack's group only"),
        format!("{web}: the AMI ami-0abc1234def567890 is replaced by the NixOS image lookup (data.aws_ami.nixos-x86_64)"),
        format!("{web}: subnet_id ${{module.nix-vpc.public_subnets[7]}} names none of the file's subnets; choose one"),
    ] {
        assert!(changed.contains(&line), "missing {line:?} in\n{changed}");
    }
    assert_eq!(imported.changed.len(), 6, "{changed}");
    assert_eq!(
        imported.document.instances[0].subnet, "",
        "no subnet 7: the person chooses"
    );

    // In its own subnet, an instance without associate_public_ip_address gets the VPC's public IP.
    let mut private = presets::modules();
    private.instances[0].public_ip = false;
    private.outputs.public_ip = false;
    let imported = import_edited(&private, |c| {
        c["module"]["nix-vpc"]["map_public_ip_on_launch"] = json!(true);
        c["module"]["nixos_x86-64"]
            .as_object_mut()
            .expect("object")
            .remove("associate_public_ip_address");
    })
    .expect("imports");
    assert!(imported.document.instances[0].public_ip);
    assert!(imported
        .changed
        .iter()
        .any(|c| c.ends_with("\"Public IP\" is turned on, as its subnet gave it a public IP")));
}

#[test]
fn missing_inputs_take_the_modules_defaults() {
    let doc = presets::modules();
    let imported = import_edited(&doc, |c| {
        let vpc = c["module"]["nix-vpc"].as_object_mut().expect("object");
        vpc.remove("manage_default_security_group");
        vpc.remove("azs");
        let web = c["module"]["nixos_x86-64"].as_object_mut().expect("object");
        web.remove("metadata_options");
        web.remove("root_block_device");
    })
    .expect("imports");
    let d = &imported.document;
    assert!(
        d.network.restrict_default_security_group,
        "the VPC module manages the default group"
    );
    assert_eq!(d.network.subnets[0].availability_zone, "", "no zones: an automatic one");
    assert!(
        d.instances[0].imdsv2_required,
        "the ec2-instance module requires IMDSv2"
    );
    assert_eq!(d.instances[0].root_volume_type, "gp3");
}

#[test]
fn malformed_modules_say_what_is_wrong() {
    let doc = presets::modules();
    let web = "module.nixos_x86-64";
    // Inputs of a type the form cannot hold: listed, the rest imported.
    for (module, input, value, item) in [
        (
            "nix-vpc",
            "public_subnets",
            json!("10.10.0.0/25"),
            "module.nix-vpc.public_subnets (not a list)",
        ),
        ("nix-vpc", "azs", json!({ "a": 1 }), "module.nix-vpc.azs (not a list)"),
        (
            "nix-vpc",
            "enable_flow_log",
            json!("${var.logs}"),
            "module.nix-vpc.enable_flow_log (not true or false)",
        ),
        (
            "nix-vpc",
            "cidr",
            json!(["10.0.0.0/16"]),
            "module.nix-vpc.cidr (not a string)",
        ),
        (
            "nixos_x86-64",
            "monitoring",
            json!(1),
            "module.nixos_x86-64.monitoring (not true or false)",
        ),
        (
            "nixos_x86-64",
            "root_block_device",
            json!([{ "volume_size": 8 }]),
            "module.nixos_x86-64.root_block_device (not an object)",
        ),
        (
            "nixos_x86-64",
            "tags",
            json!("team=ops"),
            "module.nixos_x86-64.tags (not an object)",
        ),
        (
            "nixos_x86-64",
            "vpc_security_group_ids",
            json!("sg-1"),
            "module.nixos_x86-64.vpc_security_group_ids (not a list)",
        ),
    ] {
        let imported = import_edited(&doc, |c| c["module"][module][input] = value).expect("imports");
        assert!(
            imported.unmapped.iter().any(|u| u == item),
            "{item} not in {:?}",
            imported.unmapped
        );
    }
    // A VPC module without subnets imports, and validation says what is missing.
    let imported = import_edited(&doc, |c| {
        c["module"]["nix-vpc"]
            .as_object_mut()
            .expect("object")
            .remove("public_subnets");
    })
    .expect("imports");
    assert!(imported.document.network.subnets.is_empty());
    assert!(imported
        .changed
        .iter()
        .any(|c| c.starts_with(&format!("{web}: subnet_id"))));
    assert!(validate(&imported.document).is_err());
    // Without an instance module, or any block of its kind, an error that names what is missing.
    for (edit, want) in [
        (
            json!({ "nix-vpc": { "source": VPC_SOURCE } }),
            ImportError::MissingModule(EC2_SOURCE),
        ),
        (json!("not an object"), ImportError::Missing("vpc")),
    ] {
        let err = import_edited(&doc, |c| c["module"] = edit).expect_err("fails");
        assert_eq!(err, want);
        assert!(!err.to_string().is_empty());
    }
    assert_eq!(
        ImportError::MissingModule(EC2_SOURCE).to_string(),
        "the file has no terraform-aws-modules/ec2-instance/aws module, which a nixform stack in modules mode needs"
    );
}

/// Every input of every module, removed or replaced by each of a set of wrong values: an
/// import or an error, never a panic.
#[test]
fn no_module_input_makes_the_importer_panic() {
    let doc = common::modules_varied();
    let text = config(&doc);
    let value: Value = serde_json::from_str(&text).expect("JSON");
    let hostile = [
        Value::Null,
        json!(true),
        json!(-1),
        json!(1e308),
        json!(18446744073709551615u64),
        json!(""),
        json!("${module.nix-vpc.public_subnets[18446744073709551616]}"),
        json!("${module.nix-vpc.public_subnets[-1]}"),
        json!([]),
        json!([null, 1, {}]),
        json!({}),
        json!({ "http_tokens": 5, "size": [], "type": {} }),
    ];
    let modules = value["module"].as_object().expect("modules").clone();
    let mut imports = 0;
    for (name, body) in &modules {
        let mut keys: Vec<String> = body.as_object().expect("object").keys().cloned().collect();
        keys.push("new_input".into());
        for key in keys {
            for replacement in hostile.iter().map(Some).chain([None]) {
                let mut v = value.clone();
                let block = v["module"][name].as_object_mut().expect("object");
                match replacement {
                    Some(r) => block.insert(key.clone(), r.clone()),
                    None => block.remove(&key),
                };
                match import_tf_json(&v.to_string(), &doc) {
                    Ok(imported) => {
                        let _ = validate(&imported.document);
                        imports += 1;
                    }
                    Err(e) => assert!(!e.to_string().is_empty(), "{name}.{key}"),
                }
            }
        }
    }
    assert!(imports > 300, "most edits still import (got {imports})");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn the_importer_never_panics_on_near_modules_configurations(text in common::mutated(config(&common::modules_varied()))) {
        match import_tf_json(&text, &Document::default()) {
            Ok(imported) => { let _ = validate(&imported.document); }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}
