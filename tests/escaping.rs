//! Invariant 2: user text never becomes code. Each escaper is checked through the real
//! parser of its language: nix-instantiate for Nix, hcl-rs's template parser and (when it is
//! installed) terraform itself for Terraform templates, roxmltree for the HTML/XML escaper.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::str::FromStr;

use common::{nix_eval_json, terraform_command, terraform_tool, HOSTILE};
use nixform::render::highlight::escape_html;
use nixform::render::{nix, template};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};

/// Random text weighted towards the characters that matter to Nix and Terraform.
fn hostile_text() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        "$", "{", "}", "${", "%{", "$${", "%%{", "\\", "\"", "'", "''", "\n", "\r", "\t", "#", "/*", "é", "😀",
        "\u{7f}", "\u{1}",
    ]);
    let piece = prop_oneof![
        3 => special.prop_map(str::to_owned),
        2 => "[a-z ]{1,4}",
        1 => any::<char>().prop_filter("no NUL", |c| *c != '\0').prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

/// `n` values of `strategy`, deterministic per test run seed.
fn sample<T: std::fmt::Debug>(strategy: impl Strategy<Value = T>, n: usize) -> Vec<T> {
    let mut runner = TestRunner::new(Config::default());
    (0..n)
        .map(|_| strategy.new_tree(&mut runner).expect("generate").current())
        .collect()
}

#[test]
fn nix_string_literals_read_back_through_nix_instantiate() {
    let mut inputs: Vec<String> = HOSTILE.iter().map(|s| (*s).to_owned()).collect();
    inputs.extend(sample(hostile_text(), 1200));
    assert!(inputs.len() >= 1000);
    let mut list = String::from("[\n");
    for s in &inputs {
        list.push_str(&nix::string_literal(s).expect("no NUL"));
        list.push('\n');
    }
    list.push_str("]\n");
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("strings.nix");
    std::fs::write(&file, list).expect("write");
    let got = nix_eval_json(&file);
    let got: Vec<String> = serde_json::from_value(got).expect("a list of strings");
    assert_eq!(got.len(), inputs.len());
    for (g, want) in got.iter().zip(&inputs) {
        assert_eq!(g, want, "nix read back {g:?} for {want:?}");
    }
}

#[test]
fn nix_attribute_names_read_back_through_nix_instantiate() {
    let mut names: Vec<String> = [
        "a", "if", "in", "or", "a.b", "1x", "x-y", "x'y", "", " ", "${x}", "\"", "\\", "é",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    names.extend(sample(hostile_text(), 500));
    names.retain(|n| nix::attr_name(n).is_ok());
    names.sort();
    names.dedup();
    let mut set = String::from("{\n");
    for (i, n) in names.iter().enumerate() {
        set.push_str(&format!("  {} = {i};\n", nix::attr_name(n).expect("writable")));
    }
    set.push_str("}\n");
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("names.nix");
    std::fs::write(&file, &set).expect("write");
    let got = nix_eval_json(&file);
    let got = got.as_object().expect("an attribute set");
    assert_eq!(got.len(), names.len());
    for (i, n) in names.iter().enumerate() {
        assert_eq!(got.get(n).and_then(|v| v.as_u64()), Some(i as u64), "attribute {n:?}");
    }
}

#[test]
fn nix_refuses_nul() {
    assert!(nix::string_literal("a\0").is_err());
    assert!(nix::attr_name("\0").is_err());
}

/// The literal parts of an HCL template, or `None` if it has interpolations or directives.
fn hcl_literal(template_text: &str) -> Option<String> {
    let t = hcl::template::Template::from_str(template_text).ok()?;
    let mut out = String::new();
    for element in t.elements() {
        match element {
            hcl::template::Element::Literal(s) => out.push_str(s),
            _ => return None,
        }
    }
    Some(out)
}

proptest! {
    #![proptest_config(Config { cases: 2000, ..Config::default() })]

    #[test]
    fn terraform_literals_parse_back_with_hcl(s in hostile_text()) {
        let lit = template::literal(&s);
        prop_assert_eq!(hcl_literal(&lit), Some(s.clone()), "template {:?}", lit);
        prop_assert_eq!(template::unescape(&lit), Some(s));
    }

    #[test]
    fn escape_and_unescape_are_a_pair(s in hostile_text()) {
        prop_assert_eq!(template::unescape(&template::literal(&s)), Some(s.clone()));
        let nix_lit = nix::string_literal(&s).expect("no NUL");
        prop_assert_eq!(nix::unescape_string_literal(&nix_lit), Some(s));
    }
}

/// `text` escaped, as an XML parser reads it back from element text, a double-quoted and a
/// single-quoted attribute; `Err` with the parser's message when the document is malformed.
fn xml_read_back(text: &str) -> Result<[String; 3], String> {
    let mut e = String::new();
    escape_html(&mut e, text);
    let xml = format!("<a d=\"{e}\" s='{e}'>{e}</a>");
    let doc = roxmltree::Document::parse(&xml).map_err(|err| format!("{err}: {xml}"))?;
    let root = doc.root_element();
    let attr = |name| root.attribute(name).unwrap_or("<missing>").to_owned();
    Ok([attr("d"), attr("s"), root.text().unwrap_or("").to_owned()])
}

/// What the escaper keeps of `text`: all of it, but characters XML cannot hold become U+FFFD.
fn xml_kept(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            '\0'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

#[test]
fn html_escaper_edge_cases() {
    let cases: &[(&str, &str)] = &[
        ("", ""),
        ("plain ünï 😀", "plain ünï 😀"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("&amp;", "&amp;amp;"),
        ("a\"b'c", "a&quot;b&#39;c"),
        ("]]>", "]]&gt;"),
        ("<!-- x -->", "&lt;!-- x --&gt;"),
        ("${x} %{y}", "${x} %{y}"),
        ("\t\n\r", "&#9;&#10;&#13;"),
        ("\u{0}\u{1b}\u{fffe}\u{ffff}", "\u{fffd}\u{fffd}\u{fffd}\u{fffd}"),
        ("\u{7f}\u{fffd}", "\u{7f}\u{fffd}"),
    ];
    for (text, want) in cases {
        let mut out = String::new();
        escape_html(&mut out, text);
        assert_eq!(&out, want, "{text:?}");
        let back = xml_read_back(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(back, [0, 1, 2].map(|_| xml_kept(text)), "{text:?}");
    }
    // The check can fail: unescaped markup is not text.
    assert!(roxmltree::Document::parse("<a d=\"x\"y\">z</a>").is_err());
}

proptest! {
    #![proptest_config(Config { cases: 2000, ..Config::default() })]

    #[test]
    fn html_escaper_reads_back_through_an_xml_parser(s in prop_oneof![hostile_text(), any::<String>(), "[<>&\"' a-z;#]{0,12}"]) {
        let back = xml_read_back(&s).map_err(TestCaseError::fail)?;
        prop_assert_eq!(back, [0, 1, 2].map(|_| xml_kept(&s)));
    }
}

#[test]
fn hcl_sees_interpolations_in_unescaped_text() {
    // The check above can fail: unescaped template syntax is not a literal.
    assert_eq!(hcl_literal("${var.x}"), None);
    assert_eq!(hcl_literal("%{ if true }x%{ endif }"), None);
    assert_eq!(hcl_literal("$${var.x}").as_deref(), Some("${var.x}"));
}

/// Terraform itself reads each literal (as an output value and as an object key) back as the
/// original text. Needs `terraform` or `tofu`; scripts/test.sh runs it when one is installed.
#[test]
#[ignore = "needs terraform or tofu on PATH; scripts/test.sh runs it when one is installed"]
fn terraform_reads_literals_back() {
    let tool = terraform_tool();
    let mut inputs: Vec<String> = HOSTILE.iter().map(|s| (*s).to_owned()).collect();
    // Only text validation lets through: no control characters (but LF), no invisible format characters.
    let allowed = |s: &String| {
        !s.chars()
            .any(|c| (c.is_control() && c != '\n') || nixform::model::validate::is_invisible_format(c))
    };
    inputs.extend(sample(
        hostile_text().prop_filter("text validation accepts", allowed),
        300,
    ));
    let mut outputs = serde_json::Map::new();
    for (i, s) in inputs.iter().enumerate() {
        let lit = template::literal(s).into_owned();
        outputs.insert(format!("s{i}"), serde_json::json!({ "value": lit.clone() }));
        outputs.insert(format!("k{i}"), serde_json::json!({ "value": { lit: i } }));
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let config = serde_json::json!({ "output": outputs });
    std::fs::write(tmp.path().join("main.tf.json"), config.to_string()).expect("write");
    let run = |args: &[&str]| {
        let out = terraform_command(&tool, tmp.path()).args(args).output().expect("runs");
        assert!(
            out.status.success(),
            "{} {args:?} failed:\n{}",
            tool.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    run(&["init", "-input=false", "-backend=false"]);
    run(&["apply", "-input=false", "-auto-approve"]);
    let got: serde_json::Value = serde_json::from_slice(&run(&["output", "-json"])).expect("JSON");
    // Terraform (cty) stores every string in Unicode normal form C: the text stays text.
    use unicode_normalization::UnicodeNormalization;
    for (i, s) in inputs.iter().enumerate() {
        let s: String = s.nfc().collect();
        assert_eq!(
            got[format!("s{i}")]["value"].as_str(),
            Some(s.as_str()),
            "value {i}: {s:?}"
        );
        let obj = got[format!("k{i}")]["value"].as_object().expect("object");
        assert_eq!(
            obj.keys().next().map(String::as_str),
            Some(s.as_str()),
            "key {i}: {s:?}"
        );
    }
}
