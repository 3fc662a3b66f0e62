//! The cost estimate: the committed price table is complete and well-formed, the default
//! stack's figure is what the table gives by hand, regions and items without prices say so,
//! every item names a block of config.tf.json, and `nixform cost` prints the library's
//! estimate.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use nixform::model::names::SUGGESTED_INSTANCE_TYPES;
use nixform::model::{presets, validate, Document};
use nixform::render::cost::{estimate, table, CostError, Micros, BY_USE, NO_PRICE};
use nixform::render::render_all;
use serde_json::Value;

/// The table as plain JSON, read independently of the library's types.
fn table() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/aws-prices.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("read the table")).expect("the table is JSON")
}

fn price(v: &Value, path: &[&str]) -> f64 {
    let mut v = v;
    for key in path {
        v = &v[*key];
    }
    v.as_f64().unwrap_or_else(|| panic!("no price at {path:?}"))
}

const REGIONS: &[&str] = &[
    "us-east-1",
    "us-west-2",
    "eu-west-1",
    "eu-central-1",
    "ap-southeast-2",
    "ap-northeast-1",
];

#[test]
fn the_table_prices_every_suggested_type_in_the_six_regions_and_names_its_sources() {
    let t = table();
    assert_eq!(t["hours_per_month"], 730);
    assert_eq!(table::HOURS_PER_MONTH, 730);
    assert_eq!((t["currency"].as_str(), table::CURRENCY), (Some("USD"), "USD"));
    let as_of = t["as_of"].as_str().expect("as_of");
    assert_eq!(table::AS_OF, as_of);
    assert!(
        as_of.len() == 10 && as_of.as_bytes()[4] == b'-' && as_of.as_bytes()[7] == b'-',
        "as_of is YYYY-MM-DD: {as_of}"
    );
    assert!(!t["global"]["sources"].as_array().expect("sources").is_empty());
    assert_eq!(
        price(&t, &["global", "public_ipv4_per_hour"]),
        0.005,
        "the public IPv4 charge since February 2024"
    );
    assert_eq!(table::PUBLIC_IPV4_PER_HOUR, Micros(5_000));
    let missing: Vec<&str> = t["missing"]
        .as_array()
        .expect("missing")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(table::REGIONS.len(), t["regions"].as_object().expect("regions").len());
    for region in REGIONS {
        let r = &t["regions"][*region];
        assert!(
            !r["sources"].as_array().expect("sources").is_empty(),
            "{region} names its sources"
        );
        let built = table::region(region).unwrap_or_else(|| panic!("{region} is in the built table"));
        for kind in SUGGESTED_INSTANCE_TYPES {
            let listed_missing = missing.contains(&format!("{region} {kind}").as_str());
            match r["instances_per_hour"].get(*kind) {
                Some(p) => {
                    let p = p.as_f64().expect("a number");
                    assert!(p > 0.0 && p < 10.0, "{region} {kind}: {p}");
                    // build.rs carried the very figure over, in millionths of a dollar.
                    let got = table::find(built.instances_per_hour, kind).expect("found by name");
                    assert_eq!(got.0 as f64 / 1e6, p, "{region} {kind}");
                }
                None => assert!(
                    listed_missing,
                    "{region} {kind} has no price and is not listed as missing"
                ),
            }
        }
        for volume in ["gp3", "gp2"] {
            let p = price(&t, &["regions", region, "ebs_per_gb_month", volume]);
            assert!(p > 0.0 && p < 1.0, "{region} {volume}: {p}");
            assert_eq!(
                table::find(built.ebs_per_gb_month, volume).map(|m| m.0 as f64 / 1e6),
                Some(p)
            );
        }
        assert_eq!(
            built.nat_gateway_per_hour.0 as f64 / 1e6,
            price(&t, &["regions", region, "nat_gateway_per_hour"])
        );
    }
}

#[test]
fn the_default_stack_costs_what_the_table_gives_by_hand() {
    // ap-southeast-2, one t2.medium with a 30 GiB gp3 volume and one public IPv4 address.
    let t = table();
    let hours = 730.0;
    let instance = hours * price(&t, &["regions", "ap-southeast-2", "instances_per_hour", "t2.medium"]);
    let volume = 30.0 * price(&t, &["regions", "ap-southeast-2", "ebs_per_gb_month", "gp3"]);
    let ipv4 = hours * price(&t, &["global", "public_ipv4_per_hour"]);
    let want = instance + volume + ipv4;

    let stack = validate(&Document::default()).expect("valid");
    let e = estimate(&stack).expect("ap-southeast-2 has prices");
    assert_eq!(e.region, "ap-southeast-2");
    let dollars = |m: Micros| m.0 as f64 / 1e6;
    assert!(
        (dollars(e.monthly_total) - want).abs() < 0.005,
        "{:?} against {want}",
        e.monthly_total
    );
    assert!(e.complete);
    let priced: Vec<f64> = e.items.iter().filter_map(|i| i.monthly).map(dollars).collect();
    assert_eq!(priced.len(), 3, "instance, volume, address: {:?}", e.items);
    for (got, want) in priced.iter().zip([instance, volume, ipv4]) {
        assert!((got - want).abs() < 0.005, "{got} against {want}");
    }
    assert!(
        e.items.iter().any(|i| i.monthly.is_none() && i.basis == BY_USE),
        "data transfer is listed without a number"
    );
    assert_eq!(e.prices_as_of, t["as_of"].as_str().expect("as_of"));
}

#[test]
fn a_region_without_prices_says_so() {
    let mut doc = Document::default();
    doc.provider.region = "eu-north-1".into();
    doc.network.subnets[0].availability_zone = "automatic".into();
    let stack = validate(&doc).expect("eu-north-1 is a valid region");
    let err = estimate(&stack).expect_err("eu-north-1 has no prices in the table");
    assert!(matches!(&err, CostError::NoPrices { region, .. } if region == "eu-north-1"));
    assert!(
        err.to_string()
            .starts_with("no price data for this region (eu-north-1)"),
        "{err}"
    );

    let out = common::cli::nixform(&["cost", "--stack", "-"], Some(&doc.to_json()));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no price data for this region"));
    assert!(out.stdout.is_empty(), "no figure is printed");
}

#[test]
fn an_instance_type_without_a_price_is_listed_and_the_total_says_it_is_incomplete() {
    let mut doc = Document::default();
    // A type the validator knows but the table (the form's suggestions) does not price.
    doc.instances[0].instance_type = "t3.2xlarge".into();
    let stack = validate(&doc).expect("t3.2xlarge is a known type");
    let e = estimate(&stack).expect("the region has prices");
    let item = e.items.iter().find(|i| i.item.contains("t3.2xlarge")).expect("listed");
    assert_eq!((item.monthly, item.basis.as_str()), (None, NO_PRICE));
    assert!(!e.complete);
    assert!(e.to_text().contains("without the items that have no price"));
}

#[test]
fn every_item_names_a_block_of_the_configuration() {
    for (name, doc) in common::varied_documents() {
        let stack = validate(&doc).expect("valid");
        let Ok(e) = estimate(&stack) else { continue };
        let config: Value = serde_json::from_str(&render_all(&stack).expect("renders").config_tf_json).expect("JSON");
        for item in &e.items {
            if item.address == "aws_s3_bucket.state" {
                continue; // bootstrap/state-bucket.tf.json, applied first
            }
            let (kind, block) = item.address.split_once('.').expect("TYPE.NAME");
            let found = match kind {
                "module" => config["module"].get(block).is_some(),
                kind => config["resource"][kind].get(block).is_some(),
            };
            assert!(found, "{name}: {} names no block of config.tf.json", item.address);
        }
    }
}

#[test]
fn the_cli_prints_the_library_estimate() {
    for doc in [Document::default(), presets::hardened(), presets::modules()] {
        let stack = validate(&doc).expect("valid");
        let e = estimate(&stack).expect("priced");
        let out = common::cli::nixform(&["cost", "--stack", "-", "--json"], Some(&doc.to_json()));
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8(out.stdout).expect("utf8"), e.to_json());
        let json: Value = serde_json::from_str(&e.to_json()).expect("JSON");
        for key in ["currency", "monthly_total", "items", "prices_as_of"] {
            assert!(json.get(key).is_some(), "{key}");
        }
        let out = common::cli::nixform(&["cost", "--stack", "-"], Some(&doc.to_json()));
        assert_eq!(String::from_utf8(out.stdout).expect("utf8"), e.to_text());
    }
}

#[test]
fn the_summary_counts_the_resources_and_modules_of_the_configuration() {
    for (name, doc) in common::varied_documents() {
        let files = render_all(&validate(&doc).expect("valid")).expect("renders");
        let config: Value = serde_json::from_str(&files.config_tf_json).expect("JSON");
        let resources: usize = config["resource"].as_object().map_or(0, |types| {
            types
                .values()
                .map(|named| named.as_object().map_or(0, |n| n.len()))
                .sum()
        });
        let modules = config["module"].as_object().map_or(0, |m| m.len());
        assert_eq!((files.resources, files.modules), (resources, modules), "{name}");
        assert!(resources > 0, "{name}");
    }
}

#[test]
fn items_billed_alike_are_one_group_with_their_sum() {
    let mut doc = Document::default();
    let mut second = doc.instances[0].clone();
    second.name = "web".into();
    doc.instances.push(second);
    let e = estimate(&validate(&doc).expect("valid")).expect("priced");
    let groups = e.groups();
    assert_eq!(groups.len(), 4, "instance, volume, address, data transfer: {groups:?}");
    let instances = &groups[0];
    assert_eq!((instances.item, instances.count), ("EC2 instance t2.medium", 2));
    assert_eq!(instances.first, "aws_instance.nixos_x86-64");
    let each = e.items[0].monthly.expect("priced");
    assert_eq!(instances.monthly, Some(Micros(each.0 * 2)));
    // Exact sums: the groups add up to the total to the millionth.
    let sum: u64 = groups.iter().filter_map(|g| g.monthly).map(|m| m.0).sum();
    assert_eq!(Micros(sum), e.monthly_total);
    assert_eq!(groups[3].monthly, None, "data transfer has no figure");
}
