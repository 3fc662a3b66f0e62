//! Tests of tests/common/module_schema.rs: the fixture data is the releases it claims to be and
//! has what nixform uses, types parse, and `check_inputs` accepts a valid ec2-instance block and
//! rejects misspelt inputs, wrong scalar types, unknown object attributes and missing variables.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::module_schema::{by_source, is_reference, load, schemas, ModuleSchema, Type};
use serde_json::{json, Map, Value};

const EC2: &str = "terraform-aws-modules/ec2-instance/aws";
const VPC: &str = "terraform-aws-modules/vpc/aws";

fn ec2() -> ModuleSchema {
    by_source(EC2).expect("the ec2-instance schema is in the fixtures")
}

fn block(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        other => panic!("a module block is an object, not {other}"),
    }
}

/// The block from the brief: what nixform's ec2-instance module call looks like.
fn valid_ec2_block() -> Value {
    json!({
        "source": EC2,
        "version": "6.4.0",
        "name": "x",
        "ami": "${data.aws_ami.x.id}",
        "instance_type": "t3.micro",
        "root_block_device": { "encrypted": true, "size": 30, "type": "gp3" },
        "metadata_options": { "http_tokens": "required" },
        "tags": { "Name": "x" },
        "vpc_security_group_ids": ["${aws_security_group.default.id}"],
    })
}

/// `check_inputs` on `value`, expecting failure; the errors joined.
#[track_caller]
fn rejected(schema: &ModuleSchema, value: Value) -> String {
    match schema.check_inputs(&block(value)) {
        Ok(()) => panic!("accepted, but it should not be"),
        Err(errors) => errors.join("\n"),
    }
}

fn with(key: &str, value: Value) -> Value {
    let mut b = valid_ec2_block();
    b[key] = value;
    b
}

#[test]
fn fixtures_are_the_tagged_releases() {
    let expected = [
        (
            VPC,
            "terraform-aws-modules/terraform-aws-vpc",
            "v6.6.0",
            "82d1929e669efef4e2ad00611b8a68e7a56e049c",
        ),
        (
            EC2,
            "terraform-aws-modules/terraform-aws-ec2-instance",
            "v6.4.0",
            "56b7f8aac0acf2c6c4cfc28d5aa12e08a8ebb843",
        ),
    ];
    let all = schemas();
    assert_eq!(all.len(), expected.len());
    for (source, repository, tag, commit) in expected {
        let s = all.iter().find(|s| s.source == source).expect("a schema per module");
        assert_eq!(
            (s.repository.as_str(), s.tag.as_str(), s.commit.as_str()),
            (repository, tag, commit)
        );
        assert!(
            s.commit.len() == 40 && s.commit.bytes().all(|b| b.is_ascii_hexdigit()),
            "{}",
            s.commit
        );
    }
    assert!(by_source("terraform-aws-modules/nope/aws").is_none());
}

#[test]
fn fixtures_have_what_nixform_uses() {
    let vpc = load("vpc-v6.6.0.json");
    for name in [
        "name",
        "cidr",
        "azs",
        "public_subnets",
        "public_subnet_names",
        "private_subnets",
        "enable_nat_gateway",
        "single_nat_gateway",
        "enable_dns_hostnames",
        "map_public_ip_on_launch",
        "manage_default_security_group",
        "enable_ipv6",
        "enable_flow_log",
        "create_flow_log_cloudwatch_log_group",
        "create_flow_log_cloudwatch_iam_role",
        "flow_log_cloudwatch_log_group_retention_in_days",
        "tags",
    ] {
        assert!(vpc.variable(name).is_some(), "vpc has no variable {name}");
    }
    assert!(vpc.has_output("vpc_id") && vpc.has_output("public_subnets"));
    assert!(!vpc.has_output("no_such_output"));
    assert_eq!(vpc.variable("azs").expect("azs").ty, Type::List(Box::new(Type::String)));

    let ec2 = ec2();
    for name in [
        "name",
        "ami",
        "ignore_ami_changes",
        "instance_type",
        "key_name",
        "associate_public_ip_address",
        "metadata_options",
        "monitoring",
        "ebs_optimized",
        "user_data",
        "tags",
        "subnet_id",
        "vpc_security_group_ids",
        "create_security_group",
        "root_block_device",
        "create_iam_instance_profile",
        "create_eip",
        "security_group_ingress_rules",
    ] {
        assert!(ec2.variable(name).is_some(), "ec2-instance has no variable {name}");
    }
    for name in ["id", "public_ip", "public_dns", "private_ip"] {
        assert!(ec2.has_output(name), "ec2-instance has no output {name}");
    }
    let metadata = ec2.variable("metadata_options").expect("metadata_options");
    assert!(
        metadata.type_text.contains("optional(string, \"required\")"),
        "{}",
        metadata.type_text
    );
    match &metadata.ty {
        Type::Object(attrs) => assert!(attrs["http_tokens"].optional && attrs["http_tokens"].ty == Type::String),
        other => panic!("metadata_options is an object, not {other}"),
    }
    match &ec2.variable("security_group_ingress_rules").expect("rules").ty {
        Type::Map(t) => assert!(matches!(**t, Type::Object(_)), "{t}"),
        other => panic!("security_group_ingress_rules is a map of objects, not {other}"),
    }
}

#[test]
fn type_expressions_parse() {
    let t = Type::parse("tuple([string, set(number), map(any)])").expect("parses");
    assert_eq!(t.to_string(), "tuple([string, set(number), map(any)])");
    let t = Type::parse("object({ a = string, b = optional(list(bool), []) })").expect("parses");
    assert_eq!(t.to_string(), "object({ a = string, b = optional(list(bool)) })");
    for bad in [
        "strin",
        "optional(string)",
        "list(string, number)",
        "object({ a = optional(x) })",
        "\"string\"",
    ] {
        assert!(Type::parse(bad).is_err(), "{bad} parsed");
    }
}

#[test]
fn a_valid_ec2_block_passes() {
    assert_eq!(ec2().check_inputs(&block(valid_ec2_block())), Ok(()));
    // Meta-arguments are not variables; null and references fit any type.
    let mut b = valid_ec2_block();
    b["count"] = json!(2);
    b["depends_on"] = json!(["module.vpc"]);
    b["providers"] = json!({ "aws": "aws.east" });
    b["monitoring"] = Value::Null;
    b["root_block_device"]["size"] = json!("${var.size}");
    b["security_group_ingress_rules"] = json!({ "ssh": { "from_port": 22, "to_port": 22, "cidr_ipv4": "0.0.0.0/0" } });
    assert_eq!(ec2().check_inputs(&block(b)), Ok(()));
}

#[test]
fn a_misspelt_input_fails() {
    let err = rejected(&ec2(), with("instance_typ", json!("t3.micro")));
    assert!(
        err.contains("`instance_typ`") && err.contains("no such variable"),
        "{err}"
    );
}

#[test]
fn a_number_for_a_string_fails() {
    let err = rejected(&ec2(), with("instance_type", json!(3)));
    assert!(err.contains("`instance_type`: expected string, got 3"), "{err}");
}

#[test]
fn a_string_for_a_bool_or_a_number_fails() {
    let err = rejected(&ec2(), with("create_eip", json!("true")));
    assert!(err.contains("`create_eip`: expected bool, got \"true\""), "{err}");
    let mut b = valid_ec2_block();
    b["root_block_device"]["size"] = json!("30");
    let err = rejected(&ec2(), b);
    assert!(
        err.contains("`root_block_device.size`: expected number, got \"30\""),
        "{err}"
    );
}

#[test]
fn an_unknown_root_block_device_key_fails() {
    let mut b = valid_ec2_block();
    b["root_block_device"]["volume_size"] = json!(30);
    let err = rejected(&ec2(), b);
    assert!(
        err.contains("`root_block_device.volume_size`: no such attribute in object({"),
        "{err}"
    );
}

#[test]
fn a_wrong_collection_fails() {
    let err = rejected(&ec2(), with("vpc_security_group_ids", json!("sg-1")));
    assert!(err.contains("`vpc_security_group_ids`: expected list(string)"), "{err}");
    let err = rejected(&ec2(), with("tags", json!({ "Name": 1 })));
    assert!(err.contains("`tags.Name`: expected string, got 1"), "{err}");
    // Two interpolations make a string, not a reference.
    assert!(is_reference(&json!("${a}")) && is_reference(&json!("${f({a = 1})}")));
    assert!(!is_reference(&json!("${a}-${b}")) && !is_reference(&json!("$${a}")));
    let err = rejected(&ec2(), with("create_eip", json!("${a}-${b}")));
    assert!(err.contains("`create_eip`: expected bool"), "{err}");
}

#[test]
fn a_missing_required_variable_fails() {
    // Neither module has a required variable (every one has a default), so a schema that has.
    assert!(schemas().iter().all(|s| s.variables().values().all(|v| !v.required)));
    let schema = ModuleSchema::from_json(
        r#"{"source": "example/thing/aws", "repository": "example/terraform-aws-thing", "tag": "v1.0.0",
            "commit": "0000000000000000000000000000000000000000", "outputs": ["id"],
            "variables": {"name": {"type": "string", "required": true},
                          "size": {"type": "object({ a = number, b = optional(string) })", "required": false}}}"#,
    )
    .expect("a valid schema");
    let err = rejected(&schema, json!({ "source": "example/thing/aws" }));
    assert!(
        err.contains("`name`: required variable of type string is missing"),
        "{err}"
    );
    // A non-optional object attribute is required too.
    let err = rejected(&schema, json!({ "name": "x", "size": { "b": "y" } }));
    assert!(
        err.contains("`size.a`: required attribute of type number is missing"),
        "{err}"
    );
    assert_eq!(
        schema.check_inputs(&block(json!({ "name": "x", "size": { "a": 1 } }))),
        Ok(())
    );
}
