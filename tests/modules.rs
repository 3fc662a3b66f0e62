//! Modules mode (issue 13): every module input nixform writes is a variable of that module
//! version with a value of the variable's type, every `module.X.Y` reference names an output
//! of module X, both checked against the modules' own `variables.tf` and `outputs.tf`
//! (tests/fixtures/modules, made by scripts/module-schema.py); each lint finding on a module
//! names an input of it, and its fix changes that input. Equivalence, `--parse` and checkov
//! agreement for modules stacks are in tests/equivalence.rs and tests/checkov.rs
//! (`common::varied_documents` holds them).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::module_schema::{by_source, ModuleSchema};
use common::{modules_varied, varied_documents};
use nixform::model::document::Document;
use nixform::model::lint::{self, Check};
use nixform::model::{presets, validate, FieldErrorKind};
use nixform::render::render_all;
use nixform::render::terraform::modules::{EC2_SOURCE, EC2_VERSION, MODULES_PROVIDER_VERSION, VPC_SOURCE, VPC_VERSION};
use serde_json::{Map, Value};

/// The rendered config.tf.json of `doc`.
fn config(doc: &Document) -> Value {
    let stack = validate(doc).unwrap_or_else(|e| panic!("invalid: {e:#?}"));
    let files = render_all(&stack).expect("renders");
    serde_json::from_str(&files.config_tf_json).expect("JSON")
}

fn modules_documents() -> Vec<(&'static str, Document)> {
    let mut docs: Vec<_> = varied_documents()
        .into_iter()
        .filter(|(_, d)| d.mode == "modules")
        .collect();
    // Every other varied stack, switched to modules mode.
    for (name, mut d) in varied_documents() {
        if d.mode != "modules" {
            d.mode = "modules".into();
            if validate(&d).is_ok() {
                docs.push((name, d));
            }
        }
    }
    assert!(docs.len() >= 8, "the presets and the varied stacks in modules mode");
    docs
}

/// Every string in `value`.
fn strings<'v>(value: &'v Value, out: &mut Vec<&'v str>) {
    match value {
        Value::String(s) => out.push(s),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(members) => members.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// `(module, output)` of every `${...module.X.Y...}` reference in `text`.
fn module_references(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        if rest[..start].ends_with('$') {
            // `$${` is a literal `${`, not an interpolation.
            rest = after;
            continue;
        }
        let end = after.find('}').expect("closed interpolation");
        let expression = &after[..end];
        let mut e = expression;
        while let Some(at) = e.find("module.") {
            let tail = &e[at + "module.".len()..];
            let name: String = tail
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            let tail = &tail[name.len()..];
            let output: String = tail
                .strip_prefix('.')
                .expect("module.X.Y")
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.push((name, output.clone()));
            e = &tail[1 + output.len()..];
        }
        rest = &after[end + 1..];
    }
    out
}

fn modules_of(config: &Value) -> &Map<String, Value> {
    config["module"].as_object().expect("a module block")
}

#[test]
fn every_input_is_a_variable_of_its_module_with_a_value_of_its_type() {
    for (name, doc) in modules_documents() {
        let config = config(&doc);
        let modules = modules_of(&config);
        assert_eq!(
            modules.len(),
            1 + doc.instances.len(),
            "{name}: the VPC and each instance"
        );
        for (module, block) in modules {
            let block = block.as_object().expect("object");
            let source = block["source"].as_str().expect("source");
            let schema: ModuleSchema = by_source(source).unwrap_or_else(|| panic!("{name}: unknown source {source}"));
            let want_version = if source == VPC_SOURCE { VPC_VERSION } else { EC2_VERSION };
            assert_eq!(block["version"], want_version, "{name}: module.{module}");
            assert!(
                schema
                    .tag
                    .starts_with(&format!("v{}", want_version.trim_start_matches("~> "))),
                "{name}: the test data is of the version the constraint names ({})",
                schema.tag
            );
            if let Err(errors) = schema.check_inputs(block) {
                panic!("{name}: module.{module}: {errors:#?}");
            }
        }
        assert_eq!(
            config["terraform"]["required_providers"]["aws"]["version"], MODULES_PROVIDER_VERSION,
            "{name}"
        );
    }
}

#[test]
fn every_module_reference_names_an_output_of_that_module() {
    let mut seen = 0;
    for (name, doc) in modules_documents() {
        let config = config(&doc);
        let modules = modules_of(&config);
        let mut texts = Vec::new();
        strings(&config, &mut texts);
        for text in texts {
            for (module, output) in module_references(text) {
                let block = modules
                    .get(&module)
                    .unwrap_or_else(|| panic!("{name}: `{text}` names no module {module}"));
                let schema = by_source(block["source"].as_str().expect("source")).expect("known source");
                assert!(
                    schema.has_output(&output),
                    "{name}: `{text}`: module {module} ({}) has no output {output}",
                    schema.source
                );
                seen += 1;
            }
        }
    }
    assert!(seen > 20, "references were found ({seen})");
}

#[test]
fn modules_mode_writes_no_network_or_instance_resources_and_keeps_the_group_and_key() {
    for (name, doc) in modules_documents() {
        let config = config(&doc);
        let resources = config["resource"].as_object().expect("resources");
        let kinds: Vec<&str> = resources.keys().map(String::as_str).collect();
        assert_eq!(kinds, ["aws_key_pair", "aws_security_group"], "{name}");
        for block in modules_of(&config).values() {
            if block["source"] == EC2_SOURCE {
                // The NixOS image, never the module's Amazon Linux SSM default.
                let ami = block["ami"].as_str().expect("ami");
                assert!(
                    ami.starts_with("${data.aws_ami.") && ami.ends_with(".id}"),
                    "{name}: {ami}"
                );
                assert!(block.get("ami_ssm_parameter").is_none(), "{name}");
                assert_eq!(
                    block["create_security_group"], false,
                    "{name}: the stack's group is used"
                );
                let group = block["vpc_security_group_ids"][0].as_str().expect("group");
                assert!(group.starts_with("${aws_security_group."), "{name}: {group}");
            }
        }
    }
}

#[test]
fn switching_the_mode_keeps_the_rest_of_the_configuration() {
    let mut compared = 0;
    for (name, doc) in varied_documents() {
        let mut resources = doc.clone();
        resources.mode = "resources".into();
        let mut modules = doc;
        modules.mode = "modules".into();
        if validate(&modules).is_err() {
            // NixOS 25.11 with the provider from the store (tested above).
            continue;
        }
        compared += 1;
        let (r, m) = (config(&resources), config(&modules));
        for key in ["data", "provider", "variable"] {
            assert_eq!(r.get(key), m.get(key), "{name}: {key}");
        }
        let tf = |v: &Value| {
            let mut t = v["terraform"].clone();
            t["required_providers"]["aws"]["version"] = Value::Null;
            t
        };
        assert_eq!(tf(&r), tf(&m), "{name}: backend and encryption");
        assert_eq!(
            r["output"].as_object().map(Map::len),
            m["output"].as_object().map(Map::len),
            "{name}"
        );
        for (kind, key) in [("aws_instance", "user_data"), ("aws_instance", "instance_type")] {
            for (instance, block) in r["resource"][kind].as_object().expect("instances") {
                assert_eq!(
                    block.get(key),
                    m["module"][instance].get(key),
                    "{name}: {instance}.{key}"
                );
            }
        }
    }
    assert!(compared >= 10, "{compared}");
}

#[test]
fn each_finding_on_a_module_names_its_input_and_the_fix_sets_it() {
    let doc = presets::modules();
    let stack = validate(&doc).expect("valid");
    let findings = lint::lint(&stack);
    let mut fixed = 0;
    for f in findings.iter().filter(|f| f.resource.starts_with("module.")) {
        let input = f
            .input
            .unwrap_or_else(|| panic!("{:?} on {} names no input", f.check, f.resource));
        let module = f.resource.trim_start_matches("module.");
        let before = config(&doc);
        let block = &before["module"][module];
        let schema = by_source(block["source"].as_str().expect("source")).expect("known");
        if f.check == Check::ModuleSource {
            assert_eq!(input, "version");
            continue;
        }
        assert!(
            schema.variable(input).is_some(),
            "{input} is a variable of {}",
            schema.source
        );
        let Some(fix) = &f.fix else {
            assert_eq!(f.check, Check::PublicIp, "only the public IP has no fix");
            continue;
        };
        let mut after_doc = doc.clone();
        lint::apply(&mut after_doc, fix, "198.51.100.7/32");
        let after = config(&after_doc);
        assert_ne!(
            block.get(input),
            after["module"][module].get(input),
            "{:?}: the fix changes module.{module}.{input}",
            f.check
        );
        let still = lint::lint(&validate(&after_doc).expect("valid"));
        assert!(
            !still.iter().any(|g| g.check == f.check && g.resource == f.resource),
            "{:?} is gone after its fix",
            f.check
        );
        fixed += 1;
    }
    assert!(
        fixed >= 7,
        "metadata, volume, monitoring, EBS, IAM, default group, flow logs ({fixed})"
    );
}

#[test]
fn modules_mode_is_refused_where_it_cannot_work() {
    let errors = |doc: &Document| validate(doc).err().unwrap_or_default();
    let mut doc = presets::modules();
    doc.mode = "module".into();
    assert!(matches!(&errors(&doc)[..], [e] if e.path == "mode" && matches!(e.kind, FieldErrorKind::NotOneOf(..))));

    let mut doc = presets::modules();
    doc.instances[0].name = doc.network.vpc_name.clone();
    assert!(
        matches!(&errors(&doc)[..], [e] if e.path == "instances[0].name" && matches!(e.kind, FieldErrorKind::ModuleNameClash(_)))
    );
    doc.mode = "resources".into();
    assert!(validate(&doc).is_ok(), "resources may share a name across types");

    let mut doc = presets::modules();
    doc.image.release = "25.11".into();
    let e = errors(&doc);
    assert!(
        matches!(&e[..], [e] if e.path == "mode" && e.kind == FieldErrorKind::ModulesNeedNewerProvider),
        "{e:?}"
    );
    assert!(e[0].to_string().contains("6.37"), "{}", e[0]);
    doc.provisioner.provider_source = "download".into();
    assert!(validate(&doc).is_ok(), "a downloaded provider can be new enough");
    assert!(validate(&modules_varied()).is_ok());
}

#[test]
fn the_cli_renders_the_modules_preset() {
    let out = common::cli::nixform(&["default", "--preset", "modules"], None);
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["mode"], "modules");
    let tmp = tempfile::tempdir().expect("tempdir");
    let stack = tmp.path().join("stack.json");
    std::fs::write(&stack, &out.stdout).expect("write");
    let out = common::cli::render(&stack, &tmp.path().join("out"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("out/config.tf.json")).expect("read"))
            .expect("JSON");
    assert_eq!(written, config(&presets::modules()));
    assert_eq!(written["module"]["nix-vpc"]["source"], VPC_SOURCE);
}

#[test]
fn references_are_found_in_templates() {
    assert_eq!(
        module_references("ssh root@${module.web-1.public_ip} ${module.v.public_subnets[2]}"),
        [
            ("web-1".to_owned(), "public_ip".to_owned()),
            ("v".to_owned(), "public_subnets".to_owned())
        ]
    );
    assert!(module_references("$${module.x.y} plain").is_empty());
}
