//! The lint agrees with checkov: for every checkov ID nixform checks, nixform's findings are
//! exactly checkov's failed checks, on the rendered default, hardened and varied stacks (in
//! modules mode: on what checkov can see, the plain resources and the module sources).
//! Runs checkov offline (BC_SKIP_MAPPING, --skip-download); scripts/install-tools.sh installs it.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use common::{require_tool, varied_stacks};
use nixform::model::lint::{lint, Check};
use nixform::render::render_all;

/// `(check ID, resource name)`: checkov names resources `resource.NAME` or `TYPE.NAME`.
type Key = (String, String);

fn name_of(address: &str) -> String {
    address.rsplit('.').next().unwrap_or(address).to_owned()
}

#[test]
fn lint_findings_equal_checkov_failures() {
    let checkov = require_tool("checkov");
    let ids: BTreeSet<&str> = Check::ALL.iter().filter(|c| c.is_checkov()).map(|c| c.id()).collect();
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut expected: BTreeMap<String, BTreeSet<Key>> = BTreeMap::new();
    for (i, (name, stack)) in varied_stacks().into_iter().enumerate() {
        let dir = tmp.path().join(format!("stack{i:02}"));
        std::fs::create_dir_all(&dir).expect("mkdir");
        let files = render_all(&stack).expect("renders");
        std::fs::write(dir.join("config.tf.json"), &files.config_tf_json).expect("write");
        // checkov cannot see into a module it cannot download: in modules mode it judges the
        // plain resources and the module blocks' sources, nixform also the module inputs.
        let findings = lint(&stack)
            .into_iter()
            .filter(|f| f.check.is_checkov())
            .filter(|f| f.input.is_none() || f.check == Check::ModuleSource)
            .map(|f| (f.check.id().to_owned(), name_of(&f.resource)))
            .collect();
        expected.insert(format!("stack{i:02} ({name})"), findings);
    }
    let out = Command::new(&checkov)
        .args([
            "--framework",
            "terraform_json",
            "--skip-download",
            "--compact",
            "-o",
            "json",
            "--check",
        ])
        .arg(ids.iter().copied().collect::<Vec<_>>().join(","))
        .arg("-d")
        .arg(tmp.path())
        .env("BC_SKIP_MAPPING", "TRUE")
        .env("CHECKOV_RUN_SCA_PACKAGE_SCAN_V2", "false")
        .output()
        .expect("checkov runs");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "checkov printed no JSON ({e}):\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let reports = match report {
        serde_json::Value::Array(a) => a,
        one => vec![one],
    };
    let mut got: BTreeMap<String, BTreeSet<Key>> = expected.keys().map(|k| (k.clone(), BTreeSet::new())).collect();
    let mut passed = 0;
    for r in &reports {
        passed += r["results"]["passed_checks"].as_array().map_or(0, Vec::len);
        for f in r["results"]["failed_checks"].as_array().into_iter().flatten() {
            let id = f["check_id"].as_str().expect("check_id").to_owned();
            if !ids.contains(id.as_str()) {
                continue;
            }
            let file = f["file_path"].as_str().expect("file_path");
            let stack = expected
                .keys()
                .find(|k| file.contains(&k[..7]))
                .unwrap_or_else(|| panic!("unknown file {file}"))
                .clone();
            got.entry(stack)
                .or_default()
                .insert((id, name_of(f["resource"].as_str().expect("resource"))));
        }
    }
    assert!(passed > 0, "checkov ran checks and some passed");
    for (stack, want) in &expected {
        assert_eq!(
            &got[stack], want,
            "{stack}: nixform's lint (right) vs checkov's failures (left)"
        );
    }
    // The default stack fails what the seed failed; the hardened one only keeps the public IP.
    let default_ids: BTreeSet<&str> = expected
        .values()
        .next()
        .expect("default")
        .iter()
        .map(|(id, _)| id.as_str())
        .collect();
    for id in [
        "CKV_AWS_24",
        "CKV_AWS_79",
        "CKV_AWS_8",
        "CKV_AWS_382",
        "CKV_AWS_126",
        "CKV_AWS_135",
        "CKV2_AWS_12",
        "CKV2_AWS_11",
        "CKV2_AWS_41",
        "CKV_AWS_88",
    ] {
        assert!(default_ids.contains(id), "default stack should fail {id}");
    }
    let hardened: BTreeSet<&str> = expected
        .values()
        .nth(1)
        .expect("hardened")
        .iter()
        .map(|(id, _)| id.as_str())
        .collect();
    assert_eq!(hardened, BTreeSet::from(["CKV_AWS_88"]));
}
