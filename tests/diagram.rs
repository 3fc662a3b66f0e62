//! The diagram (issue 16): one node per block of `config.tf.json`, well-formed SVG, escaped
//! text, the form's section ids, a layout that holds at 50 instances, golden files (the CLI's
//! `nixform diagram` is in tests/cli.rs).
//! Regenerate the golden SVGs after an intended change with:
//! NIXFORM_BLESS=1 cargo test --test diagram

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::Path;

use common::diagram::*;
use nixform::model::document::{Document, RuleDoc, TagDoc};
use nixform::model::{presets, validate};
use nixform::render::diagram::{diagram, diagram_for_page, STYLE};
use nixform::render::render_all;
use proptest::prelude::*;

/// Every element the diagram writes; anything else would be markup made from user text.
const ELEMENTS: &[&str] = &["svg", "title", "style", "defs", "marker", "path", "rect", "g", "text"];

/// The varied documents, the presets, and the large stack.
fn documents() -> Vec<(&'static str, Document)> {
    let mut docs = common::varied_documents();
    docs.push(("large preset", presets::large()));
    docs.push(("remote-state preset", presets::remote_state()));
    docs
}

#[test]
fn every_block_is_exactly_one_node_and_every_node_a_block() {
    for (name, doc) in documents() {
        let stack = stack(name, &doc);
        let files = render_all(&stack).expect("renders");
        let svg = svg(name, &stack);
        let tree = parse(name, &svg);
        let blocks = block_addresses(&files.config_tf_json);
        assert!(blocks.len() >= 5, "{name}: {blocks:?}");
        assert_eq!(
            node_addresses(&tree),
            blocks,
            "{name}: diagram nodes against config.tf.json's blocks"
        );
        for node in tree.descendants().filter(|n| n.has_attribute("data-address")) {
            let class = node.attribute("class").unwrap_or("");
            assert!(
                !class.split(' ').any(|c| c == "unknown"),
                "{name}: {} is drawn as a block of an unknown type: give it a place in diagram/scene.rs",
                node.attribute("data-address").unwrap_or("")
            );
        }
    }
}

#[test]
fn modules_mode_draws_the_modules_not_the_resources_they_replace() {
    let stack = stack("modules", &common::modules_varied());
    let svg = svg("modules", &stack);
    let tree = parse("modules", &svg);
    let addresses = node_addresses(&tree);
    for want in [
        "module.nix-vpc",
        "module.nixos_x86-64",
        "module.db",
        "aws_security_group.default",
    ] {
        assert!(addresses.iter().any(|a| a == want), "{want} in {addresses:?}");
    }
    assert!(!addresses
        .iter()
        .any(|a| a.starts_with("aws_vpc.") || a.starts_with("aws_instance.")));
    // What the VPC module makes itself is drawn, as its part.
    let parts: Vec<&str> = tree.descendants().filter_map(|n| n.attribute("data-part-of")).collect();
    assert!(parts.contains(&"module.nix-vpc"), "{parts:?}");
    assert!(svg.contains("flow log") && svg.contains("internet gateway"), "{svg}");
}

#[test]
fn what_the_diagram_says() {
    let cases: &[(&str, Document, &[&str])] = &[
        (
            "default",
            Document::default(),
            &[
                "region ap-southeast-2",
                "VPC nix-vpc",
                "10.10.0.0/24",
                "ap-southeast-2a",
                "10.10.0.0/25 · public",
                "t2.medium · x86_64",
                "tcp 22",
                "AMI lookup",
                "key pair",
            ],
        ),
        (
            "large",
            presets::large(),
            &[
                "zone 1 (automatic)",
                "zone 4 (automatic)",
                "zones lookup",
                "tcp 8019",
                "node-49",
            ],
        ),
        (
            "hardened",
            presets::hardened(),
            &[
                "flow log",
                "log group",
                "kept 365 days",
                "default security group",
                "IAM role",
                "instance profile",
            ],
        ),
    ];
    for (name, doc, texts) in cases {
        let svg = svg(name, &stack(name, doc));
        for text in *texts {
            assert!(svg.contains(text), "{name}: `{text}` missing");
        }
    }
    // All traffic in is `all`; ports ranges and ICMP are named.
    let mut doc = Document::default();
    doc.security_group.ingress.push(RuleDoc {
        description: "everything".into(),
        protocol: "-1".into(),
        from_port: "0".into(),
        to_port: "0".into(),
        ipv4_cidrs: "10.0.0.0/8".into(),
        ipv6_cidrs: String::new(),
    });
    let svg = svg("all traffic", &stack("all traffic", &doc));
    assert!(svg.contains(">all</text>"), "{svg}");
    let (_, rules) = common::varied_stacks()
        .into_iter()
        .find(|(name, _)| name.starts_with("custom rules"))
        .expect("the custom rules stack");
    let svg = self::svg("rules", &rules);
    for chip in ["udp 60000-61000", "icmp type 8", "icmpv6", "tcp 443"] {
        assert!(svg.contains(&format!(">{chip}</text>")), "{chip}");
    }
}

#[test]
fn every_node_names_a_section_of_the_form() {
    let sections = form_sections();
    for (name, doc) in documents() {
        let svg = svg(name, &stack(name, &doc));
        let tree = parse(name, &svg);
        for node in tree
            .descendants()
            .filter(|n| n.is_element() && n.tag_name().name() == "g")
        {
            let what = node.attribute("data-address").or(node.attribute("data-container"));
            if what.is_some() || node.has_attribute("data-part-of") {
                let section = node.attribute("data-section").unwrap_or("<none>");
                assert!(
                    sections.contains(section),
                    "{name}: {what:?} has section {section}, not one of {sections:?}"
                );
            }
        }
    }
}

/// A document with `text` wherever the diagram shows text that may hold it: the instance's
/// tags (any text) and the key pair's name (ASCII); the security group's texts get what AWS
/// allows there (no `<>"'`).
fn hostile(text: &str) -> Document {
    let mut doc = Document::default();
    let sg = "web & ${db} {y}! $$ [a];b";
    doc.security_group.name = sg.into();
    doc.security_group.description = sg.into();
    doc.security_group.ingress[0].description = sg.into();
    if text.is_ascii() {
        doc.key_pair.key_name = text.into();
    }
    doc.instances[0].tags = vec![
        TagDoc {
            key: "Name".into(),
            value: text.into(),
        },
        TagDoc {
            key: text.into(),
            value: text.into(),
        },
    ];
    doc
}

const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "a & b &amp; &#60;",
    "\"quoted\" and 'single'",
    "${var.x} %{ if true }y%{ endif } $${z}",
    "]]><g data-address=\"aws_vpc.fake\">",
    "<!-- comment --> <?pi?>",
    "<svg onload=alert(1)> ünï 😀",
];

/// The SVG of `doc` is well-formed, has only the diagram's own elements, reads `text` back
/// from its tooltips as typed (Terraform's `$${` is not the diagram's business), and still
/// has one node per block.
#[track_caller]
fn assert_escaped(doc: &Document, text: &str) -> String {
    let stack = stack(text, doc);
    let svg = svg(text, &stack);
    let tree = parse(text, &svg);
    for node in tree.descendants().filter(|n| n.is_element()) {
        let tag = node.tag_name().name();
        assert!(ELEMENTS.contains(&tag), "{text:?}: <{tag}> made from user text");
    }
    let titles: Vec<&str> = tree
        .descendants()
        .filter(|n| n.tag_name().name() == "title")
        .filter_map(|n| n.text())
        .collect();
    let kept = text.replace(['\u{FFFE}', '\u{FFFF}'], "\u{FFFD}");
    let sg = &doc.security_group.name;
    for want in [
        format!("tag Name = {kept}"),
        format!("in: tcp 22 from 0.0.0.0/0 ({sg})"),
    ] {
        assert!(
            titles.iter().any(|t| t.contains(&want)),
            "{text:?}: {want:?} not read back"
        );
    }
    let blocks = block_addresses(&render_all(&stack).expect("renders").config_tf_json);
    assert_eq!(node_addresses(&tree), blocks, "{text:?}");
    svg
}

#[test]
fn hostile_text_is_escaped_and_never_markup() {
    for text in HOSTILE {
        let svg = assert_escaped(&hostile(text), text);
        assert!(
            !svg.contains("<script") && !svg.contains("<!--") && !svg.contains("]]>"),
            "{svg}"
        );
        assert!(svg.contains("&lt;") || !text.contains('<'), "{text:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_text_gives_well_formed_svg(text in "[<>&\"'${}%a-z \u{e9}\u{1F600}\u{FFFF}\u{FFFE}]{1,16}") {
        let doc = hostile(&text);
        prop_assume!(validate(&doc).is_ok());
        assert_escaped(&doc, &text);
    }
}

#[test]
fn the_layout_holds_at_fifty_instances() {
    for (name, doc) in documents() {
        let stack = stack(name, &doc);
        let svg = svg(name, &stack);
        let tree = parse(name, &svg);
        let root = tree.root_element();
        let size: Vec<u32> = ["width", "height"]
            .map(|a| root.attribute(a).and_then(|v| v.parse().ok()).expect("size"))
            .to_vec();
        assert_eq!(
            root.attribute("viewBox"),
            Some(format!("0 0 {} {}", size[0], size[1]).as_str()),
            "{name}"
        );
        // Every coordinate is an integer.
        for node in tree.descendants().filter(|n| n.is_element()) {
            for a in node
                .attributes()
                .filter(|a| ["x", "y", "width", "height", "rx"].contains(&a.name()))
            {
                assert!(a.value().parse::<u32>().is_ok(), "{name}: {}={}", a.name(), a.value());
            }
        }
        let by = |attr: &str, value: &str| {
            tree.descendants()
                .find(|n| n.attribute(attr) == Some(value))
                .map(rect)
                .unwrap_or_else(|| panic!("{name}: {value}"))
        };
        let region = by("data-container", "region");
        assert!(inside(region, [0, 0, size[0], size[1]]), "{name}");
        // Instances inside their subnet, subnets inside the VPC (modules mode: their addresses
        // are the modules'), and no two nodes on each other.
        let vpc = by("class", "box vpc");
        assert!(inside(vpc, region), "{name}");
        let resources = stack.mode == nixform::model::stack::Mode::Resources;
        for instance in stack.instances.iter().filter(|_| resources) {
            let subnet = by(
                "data-address",
                &format!("aws_subnet.{}", stack.network.subnets[instance.subnet].name),
            );
            assert!(inside(subnet, vpc), "{name}");
            assert!(
                inside(by("data-address", &format!("aws_instance.{}", instance.name)), subnet),
                "{name}: {}",
                instance.name
            );
        }
        let nodes: Vec<[u32; 4]> = tree
            .descendants()
            .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("node")))
            .map(rect)
            .collect();
        assert!(nodes.len() >= stack.instances.len() + 4, "{name}");
        for (i, a) in nodes.iter().enumerate() {
            assert!(inside(*a, region), "{name}: {a:?}");
            for b in &nodes[i + 1..] {
                assert!(!overlap(*a, *b), "{name}: {a:?} and {b:?} overlap");
            }
        }
    }
}

#[test]
fn the_diagram_has_its_own_light_and_dark_style() {
    let svg = svg("default", &stack("default", &Document::default()));
    let tree = parse("default", &svg);
    let style = tree
        .descendants()
        .find(|n| n.tag_name().name() == "style")
        .and_then(|n| n.text())
        .expect("a style");
    assert!(style.contains("@media (prefers-color-scheme:dark)"), "{style}");
    assert!(style.contains("font-family:system-ui"), "{style}");
    assert!(
        style.contains(".subnet.public") && style.contains(".subnet.private"),
        "{style}"
    );
    assert!(svg.contains(r#"class="box subnet public""#), "{svg}");
}

/// The page's copy is the file without its `<style>` element (a page's Content-Security-Policy
/// refuses one), and the style it adopts instead is scoped to the diagram.
#[test]
fn the_page_copy_is_the_file_without_its_style() {
    for (name, doc) in [("default", Document::default()), ("large", presets::large())] {
        let stack = stack(name, &doc);
        let file = diagram(&stack).expect("draws");
        let page = diagram_for_page(&stack).expect("draws");
        assert!(!page.contains("<style"), "{name}: {page}");
        let element = format!("<style>\n{STYLE}</style>\n");
        assert_eq!(file.replacen(&element, "", 1), page, "{name}");
        parse(name, &page);
    }
    for rule in STYLE
        .split('}')
        .map(|r| r.trim().trim_start_matches("@media (prefers-color-scheme:dark){"))
    {
        for selector in rule.split('{').next().unwrap_or_default().split(',').map(str::trim) {
            assert!(
                selector.is_empty() || selector.starts_with(".nixform-diagram"),
                "{selector:?} would style the rest of a page"
            );
        }
    }
}

#[test]
fn golden_diagrams() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/diagram");
    for (name, doc) in [("default", Document::default()), ("large", presets::large())] {
        let svg = svg(name, &stack(name, &doc));
        assert_eq!(
            svg,
            diagram(&stack(name, &doc)).expect("draws"),
            "{name}: deterministic"
        );
        assert!(svg.ends_with("</svg>\n"), "{name}");
        common::golden(&dir.join(format!("{name}.svg")), &svg, "diagram");
    }
}
