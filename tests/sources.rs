//! Field ↔ line links (issue 16): `render::sources::line_fields` names, for each line of
//! config.tf.json and infra.nix, the form field that made it. Checked three ways: every line of
//! the document has a field, and it is a field of the form; an edit of a field changes only
//! lines that name that field; and the two files name the same fields for the same document.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use nixform::model::document::Document;
use nixform::model::edit::{Direction, Field, Flag, InstanceFlag, InstanceText, RuleText, SubnetText, Text};
use nixform::model::stack::Mode;
use nixform::model::{presets, validate};
use nixform::render::render_all;
use nixform::render::sources::line_fields;

fn documents() -> Vec<(&'static str, Document)> {
    let mut docs = common::varied_documents();
    docs.push(("large preset", presets::large()));
    docs.push(("remote-state preset", presets::remote_state()));
    docs
}

/// Every field the form shows for `doc` (a rule for all traffic shows no ports).
fn form_fields(doc: &Document) -> BTreeSet<Field> {
    let shown = |t: &Text| match *t {
        Text::Rule(direction, i, RuleText::FromPort | RuleText::ToPort) => {
            let rules = match direction {
                Direction::Ingress => &doc.security_group.ingress,
                Direction::Egress => &doc.security_group.egress,
            };
            rules[i].protocol != "all"
        }
        _ => true,
    };
    let texts = Text::all(doc).into_iter().filter(shown).map(Field::Text);
    texts.chain(Flag::all(doc).into_iter().map(Field::Flag)).collect()
}

/// A line that only closes or opens a bracket (or is the JSON document's own brace).
fn is_bracket(line: &str) -> bool {
    matches!(line.trim(), "{" | "}" | "}," | "]" | "]," | "[" | "};" | "];")
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

#[test]
fn every_line_of_the_document_names_a_field_of_the_form() {
    for (name, doc) in documents() {
        let stack = validate(&doc).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let files = render_all(&stack).expect("renders");
        let form = form_fields(&doc);
        let fields = line_fields(&stack, "config.tf.json", &files.config_tf_json);
        assert_eq!(fields.len(), files.config_tf_json.lines().count(), "{name}");
        for (n, (line, field)) in files.config_tf_json.lines().zip(&fields).enumerate() {
            match field {
                Some(field) => assert!(
                    form.contains(field),
                    "{name}: line {} names {field:?}, not a field of the form",
                    n + 1
                ),
                // Brackets, and the lines that only group blocks (`"resource": {`,
                // `"aws_instance": {`), are made by no one field.
                None => assert!(
                    is_bracket(line) || indent(line) <= 4,
                    "{name}: config.tf.json line {} names no field: {line}",
                    n + 1
                ),
            }
        }
        let infra = line_fields(&stack, "infra.nix", &files.infra_nix);
        assert_eq!(infra.len(), files.infra_nix.lines().count(), "{name}");
        for field in infra.iter().flatten() {
            assert!(form.contains(field), "{name}: infra.nix names {field:?}");
        }
    }
}

#[test]
fn both_files_name_the_same_fields() {
    for (name, doc) in documents() {
        let stack = validate(&doc).expect("valid");
        let files = render_all(&stack).expect("renders");
        let json: BTreeSet<Field> = line_fields(&stack, "config.tf.json", &files.config_tf_json)
            .into_iter()
            .flatten()
            .collect();
        let nix: BTreeSet<Field> = line_fields(&stack, "infra.nix", &files.infra_nix)
            .into_iter()
            .flatten()
            .collect();
        // infra.nix also names the unit's fields, outside the document. A list of strings is
        // one line of Nix, named by its first item: modules mode's `public_subnets = [ … ]`
        // names the first subnet where config.tf.json has a line per subnet.
        let one_line_list =
            |f: &&Field| matches!(f, Field::Text(Text::Subnet(i, _)) if *i > 0) && stack.mode == Mode::Modules;
        let missing: Vec<_> = json.difference(&nix).filter(|f| !one_line_list(f)).collect();
        assert!(missing.is_empty(), "{name}: infra.nix names none of {missing:?}");
        assert!(json.len() >= 10, "{name}: {json:?}");
    }
}

/// The lines of `after` that are not in a longest common subsequence with `before`'s: the
/// lines an edit wrote.
fn changed(before: &str, after: &str) -> Vec<usize> {
    let (a, b): (Vec<_>, Vec<_>) = (before.lines().collect(), after.lines().collect());
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while j < b.len() {
        if i < a.len() && a[i] == b[j] {
            (i, j) = (i + 1, j + 1);
        } else if i < a.len() && lcs[i + 1][j] >= lcs[i][j + 1] {
            i += 1;
        } else {
            out.push(j);
            j += 1;
        }
    }
    out
}

#[test]
fn an_edit_changes_only_lines_that_name_its_field() {
    use InstanceText as I;
    let texts = [
        (Text::Instance(0, I::InstanceType), "t3.small"),
        (Text::Instance(0, I::RootVolumeSize), "64"),
        (Text::Instance(0, I::RootVolumeType), "gp2"),
        (Text::VpcCidr, "10.10.0.0/16"),
        (Text::Subnet(0, SubnetText::Cidr), "10.10.0.128/25"),
        (Text::Subnet(0, SubnetText::AvailabilityZone), "ap-southeast-2b"),
        (Text::Rule(Direction::Ingress, 0, RuleText::FromPort), "21"),
        (Text::Rule(Direction::Ingress, 0, RuleText::Description), "SSH in"),
        (Text::SecurityGroupDescription, "the hosts group"),
        (Text::KeyName, "laptop"),
        (Text::Release, "25.11"),
        (Text::SharedConfigFile, "/etc/aws/config"),
        (Text::Profile, "work"),
    ];
    let flags = [
        Flag::Instance(0, InstanceFlag::Monitoring),
        Flag::Instance(0, InstanceFlag::IgnoreAmiChanges),
        Flag::Instance(0, InstanceFlag::RootVolumeEncrypted),
        Flag::Instance(0, InstanceFlag::Imdsv2Required),
        Flag::OutputSshCommand,
    ];
    let base = Document::default();
    let render = |doc: &Document| {
        let stack = validate(doc).unwrap_or_else(|e| panic!("{e:?}"));
        let files = render_all(&stack).expect("renders");
        (stack, files)
    };
    let (_, before) = render(&base);
    let edits = texts
        .iter()
        .map(|&(field, value)| {
            let mut doc = base.clone();
            field.set(&mut doc, value).expect("settable");
            (Field::Text(field), doc)
        })
        .chain(flags.iter().map(|&flag| {
            let mut doc = base.clone();
            let on = flag.get(&doc).expect("a flag of the default stack");
            flag.set(&mut doc, !on).expect("settable");
            (Field::Flag(flag), doc)
        }));
    for (field, doc) in edits {
        let (stack, after) = render(&doc);
        for (file, old, new) in [
            ("config.tf.json", &before.config_tf_json, &after.config_tf_json),
            ("infra.nix", &before.infra_nix, &after.infra_nix),
        ] {
            let range = changed(old, new);
            let fields = line_fields(&stack, file, new);
            let lines: Vec<&str> = new.lines().collect();
            let named: Vec<_> = range.iter().filter(|&&n| fields[n] == Some(field)).collect();
            assert!(
                !named.is_empty() || range.is_empty() && old != new,
                "{field:?}: no changed line of {file} names it ({range:?})"
            );
            for n in range {
                assert!(
                    fields[n] == Some(field) || fields[n].is_none() && is_bracket(lines[n]),
                    "{field:?}: {file} line {} changed but names {:?}: {}",
                    n + 1,
                    fields[n],
                    lines[n]
                );
            }
        }
    }
}

#[test]
fn instances_and_subnets_are_found_by_name_and_modules_by_input() {
    let doc = presets::modules();
    let stack = validate(&doc).expect("valid");
    let files = render_all(&stack).expect("renders");
    let fields = line_fields(&stack, "config.tf.json", &files.config_tf_json);
    let find = |needle: &str| {
        let n = files
            .config_tf_json
            .lines()
            .position(|l| l.contains(needle))
            .expect(needle);
        fields[n]
    };
    assert_eq!(
        find("\"instance_type\""),
        Some(Field::Text(Text::Instance(0, InstanceText::InstanceType)))
    );
    assert_eq!(find("\"cidr\""), Some(Field::Text(Text::VpcCidr)));
    assert_eq!(find("terraform-aws-modules/vpc/aws"), Some(Field::Text(Text::Mode)));
    assert_eq!(find("\"public_key\""), Some(Field::Text(Text::PublicKey)));
    // Files this does not read name nothing.
    let flake = line_fields(&stack, "flake.nix", &files.flake_nix);
    assert!(flake.iter().all(Option::is_none));
    assert_eq!(flake.len(), files.flake_nix.lines().count());
}
