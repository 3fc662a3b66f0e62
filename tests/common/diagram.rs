//! Reading the diagram's SVG back in tests: parsing it, its nodes' addresses and boxes, the
//! blocks of `config.tf.json` read independently of the diagram's code, and the form's section
//! ids read from the form's source.

use std::collections::BTreeSet;
use std::path::Path;

use nixform::model::{validate, Document, Stack};
use nixform::render::diagram::diagram;

#[track_caller]
pub fn stack(name: &str, doc: &Document) -> Stack {
    validate(doc).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

#[track_caller]
pub fn svg(name: &str, stack: &Stack) -> String {
    diagram(stack).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[track_caller]
pub fn parse<'a>(name: &str, svg: &'a str) -> roxmltree::Document<'a> {
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{name}: not well-formed XML: {e}\n{svg}"))
}

/// The address of every resource, data source and module block of `config.tf.json`, read here
/// from the printed file (not through the diagram's code), sorted.
pub fn block_addresses(config_tf_json: &str) -> Vec<String> {
    let doc: serde_json::Value = serde_json::from_str(config_tf_json).expect("JSON");
    let mut out = Vec::new();
    let objects = |v: Option<&serde_json::Value>| v.and_then(|v| v.as_object()).cloned().unwrap_or_default();
    for (ty, blocks) in objects(doc.get("resource")) {
        out.extend(objects(Some(&blocks)).keys().map(|name| format!("{ty}.{name}")));
    }
    for (ty, blocks) in objects(doc.get("data")) {
        out.extend(objects(Some(&blocks)).keys().map(|name| format!("data.{ty}.{name}")));
    }
    out.extend(objects(doc.get("module")).keys().map(|name| format!("module.{name}")));
    out.sort();
    out
}

/// `data-address` of every element that has one, sorted (repeats kept).
pub fn node_addresses(doc: &roxmltree::Document) -> Vec<String> {
    let mut out: Vec<String> = doc
        .descendants()
        .filter_map(|n| n.attribute("data-address"))
        .map(str::to_owned)
        .collect();
    out.sort();
    out
}

/// The form's section ids, read from the form's own source.
pub fn form_sections() -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui/form");
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).expect("src/ui/form") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
        for rest in text.split("id=\"section-").skip(1) {
            let id = rest.split('"').next().unwrap_or_default();
            ids.insert(format!("section-{id}"));
        }
    }
    assert!(ids.len() >= 8, "{ids:?}");
    ids
}

/// The first `<rect>` of an element: its box.
pub fn rect(node: roxmltree::Node) -> [u32; 4] {
    let r = node.children().find(|c| c.tag_name().name() == "rect").expect("a rect");
    ["x", "y", "width", "height"].map(|a| r.attribute(a).and_then(|v| v.parse().ok()).expect("an integer"))
}

pub fn inside(inner: [u32; 4], outer: [u32; 4]) -> bool {
    inner[0] >= outer[0]
        && inner[1] >= outer[1]
        && inner[0] + inner[2] <= outer[0] + outer[2]
        && inner[1] + inner[3] <= outer[1] + outer[3]
}

pub fn overlap(a: [u32; 4], b: [u32; 4]) -> bool {
    a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]
}
