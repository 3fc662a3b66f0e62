//! The strict JSON reader and the writer (`nixform::model::json`) and the document parser built
//! on them: a table of named cases, agreement with `serde_json` (round trips, arbitrary input,
//! byte-equal printing), and the document rules (defaults, unknown fields, wrong types, versions).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use nixform::model::document::{Document, DocumentError, InstanceDoc};
use nixform::model::json::{self, parse, Duplicates, Json, JsonError, Number, MAX_DEPTH};
use nixform::model::value::Value as Tree;
use proptest::prelude::*;
use serde_json::Value;

/// The reader's value as a `serde_json::Value`, to compare with a real implementation.
fn to_value(j: &Json) -> Value {
    match j {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(Number::UInt(n)) => Value::from(*n),
        Json::Number(Number::Int(n)) => Value::from(*n),
        Json::Number(Number::Float(text)) => {
            Value::Number(serde_json::Number::from_f64(text.parse().expect("a number")).expect("finite"))
        }
        Json::String(s) => Value::String(s.clone()),
        Json::Array(a) => Value::Array(a.iter().map(to_value).collect()),
        Json::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), to_value(v))).collect()),
    }
}

fn ok(text: &str) -> String {
    parse(text, Duplicates::Reject)
        .unwrap_or_else(|e| panic!("{text:?}: {e}"))
        .to_string()
}

#[test]
fn named_cases() {
    // (name, input, compact printing of the value)
    let valid: &[(&str, &str, &str)] = &[
        ("null", "null", "null"),
        ("true", "true", "true"),
        ("false", " false ", "false"),
        ("whitespace around", " \t\r\n1\n", "1"),
        ("zero", "0", "0"),
        ("negative", "-12", "-12"),
        ("negative zero is a float, kept as written", "-0", "-0"),
        ("u64 max stays exact", "18446744073709551615", "18446744073709551615"),
        ("i64 min stays exact", "-9223372036854775808", "-9223372036854775808"),
        ("beyond u64 is a float", "18446744073709551616", "18446744073709551616"),
        ("fraction", "1.5", "1.5"),
        ("exponent", "1E3", "1E3"),
        ("signed exponent", "25e-1", "25e-1"),
        ("tiny underflows to zero, still finite", "1e-400", "1e-400"),
        ("empty string", "\"\"", "\"\""),
        ("simple escapes", r#""\"\\\/\b\f\n\r\t""#, r#""\"\\/\b\f\n\r\t""#),
        ("unicode escape", r#""\u00e9\u0041""#, "\"éA\""),
        ("surrogate pair", r#""\ud83d\ude00""#, "\"😀\""),
        ("escaped NUL", r#""\u0000""#, r#""\u0000""#),
        ("raw non-ASCII", "\"ü😀\"", "\"ü😀\""),
        ("DEL is not a control character", "\"\u{7f}\"", "\"\u{7f}\""),
        ("empty array", "[ ]", "[]"),
        ("empty object", "{ }", "{}"),
        (
            "nested",
            r#"{"b":[1,{"c":null}],"a":true}"#,
            r#"{"a":true,"b":[1,{"c":null}]}"#,
        ),
    ];
    for (name, text, want) in valid {
        assert_eq!(ok(text), *want, "{name}");
    }
    // Numbers that are not exact 64-bit integers are kept as written.
    for text in ["-0", "18446744073709551616", "1.5", "1E3", "25e-1", "1e-400"] {
        assert_eq!(
            parse(text, Duplicates::Reject),
            Ok(Json::Number(Number::Float(text.to_owned()))),
            "{text}"
        );
    }
    // (name, input, start of the message)
    let invalid: &[(&str, &str, &str)] = &[
        (
            "empty input",
            "",
            "the text ends where a value was expected (at line 1 column 1)",
        ),
        (
            "only whitespace",
            "  \n",
            "the text ends where a value was expected (at line 2 column 1)",
        ),
        (
            "byte order mark",
            "\u{feff}{}",
            "the text starts with a byte order mark",
        ),
        (
            "trailing garbage",
            "{} x",
            "more text after the JSON value (at line 1 column 4)",
        ),
        ("two values", "1 2", "more text after the JSON value"),
        (
            "trailing comma in array",
            "[1,]",
            "a trailing comma before ']' (at line 1 column 4)",
        ),
        (
            "trailing comma in object",
            "{\"a\":1 , }",
            "a trailing comma before '}'",
        ),
        ("leading zero", "01", "invalid number (at line 1 column 1)"),
        ("negative leading zero", "-01", "invalid number"),
        ("plus sign", "+1", "found '+' where a value was expected"),
        ("bare minus", "-", "the text ends where a digit was expected"),
        ("dot without digits", "1.", "the text ends where a digit was expected"),
        ("leading dot", ".5", "found '.' where a value was expected"),
        (
            "exponent without digits",
            "1e+",
            "the text ends where a digit was expected",
        ),
        ("infinity", "1e999", "number out of range"),
        ("NaN", "NaN", "found 'N' where a value was expected"),
        (
            "raw newline in string",
            "\"a\nb\"",
            "control character U+000A must be escaped",
        ),
        (
            "raw tab in string",
            "\"\t\"",
            "control character U+0009 must be escaped",
        ),
        (
            "raw NUL in string",
            "\"\0\"",
            "control character U+0000 must be escaped",
        ),
        (
            "unknown escape",
            r#""\x""#,
            "invalid escape in a string (at line 1 column 2)",
        ),
        ("short unicode escape", r#""\u12""#, "invalid escape"),
        (
            "unicode escape at end",
            r#""\u12"#,
            "the text ends where a hex digit was expected",
        ),
        ("lone high surrogate", r#""\ud800""#, "a lone surrogate"),
        ("high surrogate then letter", r#""\ud800x""#, "a lone surrogate"),
        ("two high surrogates", r#""\ud800\ud800""#, "a lone surrogate"),
        ("lone low surrogate", r#""\udc00""#, "a lone surrogate"),
        ("unterminated string", "\"abc", "the text ends where `\"` was expected"),
        ("single quotes", "'a'", "found '\\'' where a value was expected"),
        ("unquoted key", "{a:1}", "found 'a' where a key (a string) was expected"),
        ("missing colon", "{\"a\" 1}", "found '1' where `:` was expected"),
        ("missing comma", "[1 2]", "found '2' where `,` or `]` was expected"),
        ("unclosed array", "[1", "the text ends where `,` or `]` was expected"),
        ("misspelt literal", "nul", "the text ends where null was expected"),
        (
            "wrong literal",
            "trve",
            "found 'v' where true was expected (at line 1 column 3)",
        ),
        ("comment", "// x\n1", "found '/' where a value was expected"),
        ("duplicate key", "{\"a\":1,\"a\":2}", "the key \"a\" appears twice"),
        (
            "error position counts characters",
            "\n  \"ü\" x",
            "more text after the JSON value (at line 2 column 7)",
        ),
    ];
    for (name, text, want) in invalid {
        let got = parse(text, Duplicates::Reject)
            .map(|v| v.to_string())
            .map_err(|e| e.to_string());
        assert!(
            matches!(&got, Err(m) if m.starts_with(want)),
            "{name}: {text:?} gave {got:?}, want {want:?}"
        );
        // serde_json refuses all of these too.
        if !name.starts_with("duplicate") {
            assert!(
                serde_json::from_str::<Value>(text).is_err(),
                "{name}: serde_json accepts it"
            );
        }
    }
    // Last wins, when asked.
    assert_eq!(
        parse("{\"a\":1,\"b\":0,\"a\":2,\"a\":3}", Duplicates::LastWins)
            .expect("JSON")
            .to_string(),
        "{\"a\":3,\"b\":0}"
    );
}

#[test]
fn errors_carry_positions() {
    match parse("[\n  1,\n  x]", Duplicates::Reject) {
        Err(JsonError::Unexpected { found: 'x', at, .. }) => {
            assert_eq!((at.offset, at.line, at.column), (9, 3, 3));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn depth_is_limited_like_serde_json() {
    for depth in [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, 10_000] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let text = format!("{}1{}", open.repeat(depth), close.repeat(depth));
            let ours = parse(&text, Duplicates::Reject);
            assert_eq!(ours.is_ok(), depth <= MAX_DEPTH, "{depth} {open}");
            assert_eq!(
                ours.is_ok(),
                serde_json::from_str::<Value>(&text).is_ok(),
                "{depth} {open}"
            );
            if let Err(e) = ours {
                assert!(matches!(e, JsonError::TooDeep { .. }), "{e}");
            }
        }
    }
}

fn arb_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f).map(Value::Number)),
        (-1000i64..1000, -30i32..30).prop_map(|(m, e)| Value::from(m as f64 * 10f64.powi(e))),
        any::<String>().prop_map(Value::String),
        "[\"\\\\\u{0}-\u{1f}\u{7f}\u{fffd}a-z]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Equal, but floats only within a relative 1e-12.
fn close(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() && y.is_f64() => {
            let (x, y) = (x.as_f64().unwrap_or(0.0), y.as_f64().unwrap_or(0.0));
            x == y || (x - y).abs() <= 1e-12 * x.abs().max(y.abs())
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| close(x, y)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((kx, x), (ky, y))| kx == ky && close(x, y))
        }
        _ => a == b,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// What serde_json prints, compact or pretty, reads back as the same value, and prints the same.
    #[test]
    fn reads_back_what_serde_json_prints(value in arb_value()) {
        for text in [serde_json::to_string(&value).expect("prints"), serde_json::to_string_pretty(&value).expect("prints")] {
            let ours = parse(&text, Duplicates::Reject).map_err(|e| format!("{e}: {text}"));
            prop_assert_eq!(ours.as_ref().map(to_value), Ok(value.clone()));
            prop_assert_eq!(ours.map(|j| j.to_string()), Ok(serde_json::to_string(&value).expect("prints")));
        }
    }

    /// Any input gives a value or an error, never a panic, and the same verdict as serde_json.
    #[test]
    fn never_panics_and_agrees_with_serde_json(text in prop_oneof![
        common::json_like(),
        any::<String>(),
        arb_value().prop_flat_map(|v| {
            let text = serde_json::to_string_pretty(&v).expect("prints");
            let len = text.len();
            (Just(text), 0..=len, 0..4usize, prop::collection::vec(any::<u8>(), 0..4))
        }).prop_map(|(text, at, cut, bytes)| {
            let mut b = text.into_bytes();
            let end = (at + cut).min(b.len());
            b.splice(at..end, bytes);
            String::from_utf8_lossy(&b).into_owned()
        }),
    ]) {
        let ours = parse(&text, Duplicates::LastWins);
        let theirs = serde_json::from_str::<Value>(&text);
        match (&ours, &theirs) {
            // serde_json (without `float_roundtrip`) may round a long float one ULP off.
            (Ok(a), Ok(b)) => prop_assert!(close(&to_value(a), b), "{:?}: ours {:?}, serde_json {:?}", text, a, b),
            (Err(e), Err(_)) => prop_assert!(!e.to_string().is_empty()),
            _ => prop_assert!(false, "{:?}: ours {:?}, serde_json {:?}", text, ours, theirs),
        }
    }
}

/// Whether a number is in range is decided on its digits; Rust's correctly rounded `f64` parser
/// is the oracle, around the overflow point and far from it.
#[test]
fn number_range_matches_f64_parsing() {
    let t = "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";
    let mut below = t.to_owned();
    below.replace_range(308.., "1");
    let cases = [
        t.to_owned(),
        below.clone(),
        format!("{below}.99999"),
        format!("{t}.0"),
        format!("0.{t}e309"),
        format!("0.{below}9e309"),
        format!("-{t}"),
        "1.7976931348623157e308".into(),
        "1.7976931348623158e308".into(),
        "1.7976931348623159e308".into(),
        "1e308".into(),
        "1e309".into(),
        "10e308".into(),
        "0.1e310".into(),
        "0.01e310".into(),
        "0.000e999999999999999999999".into(),
        "1e-99999999999999999999".into(),
        "1e99999999999999999999".into(),
        "-0.0".into(),
    ];
    for text in &cases {
        let finite = text.parse::<f64>().is_ok_and(f64::is_finite);
        assert_eq!(parse(text, Duplicates::Reject).is_ok(), finite, "{text}");
    }
}

proptest! {
    #[test]
    fn number_range_matches_f64_parsing_near_the_limit(
        int in "[1-9][0-9]{0,20}",
        frac in proptest::option::of("[0-9]{1,20}"),
        exp in 250i32..340,
    ) {
        let text = match frac {
            Some(f) => format!("{int}.{f}e{exp}"),
            None => format!("{int}e{exp}"),
        };
        let finite = text.parse::<f64>().is_ok_and(f64::is_finite);
        prop_assert_eq!(parse(&text, Duplicates::Reject).is_ok(), finite, "{}", text);
    }
}

// The writer: the tree nixform prints (no floats, no null), printed exactly as serde_json does.

fn arb_tree() -> impl Strategy<Value = Tree> {
    let leaf = prop_oneof![
        any::<bool>().prop_map(Tree::Bool),
        any::<i64>().prop_map(Tree::Int),
        any::<String>().prop_map(Tree::Str),
        "[\"\\\\\u{0}-\u{1f}\u{7f}\u{fffd}a-z$%{}]{0,8}".prop_map(Tree::Str),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Tree::List),
            // Sorted and each key once, as nixform builds objects.
            prop::collection::btree_map(any::<String>(), inner, 0..6).prop_map(Tree::object),
        ]
    })
}

fn to_serde(t: &Tree) -> Value {
    match t {
        Tree::Bool(b) => Value::Bool(*b),
        Tree::Int(n) => Value::from(*n),
        Tree::Str(s) => Value::String(s.clone()),
        Tree::List(items) => Value::Array(items.iter().map(to_serde).collect()),
        Tree::Object(members) => Value::Object(members.iter().map(|(k, v)| (k.to_string(), to_serde(v))).collect()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// Our printer writes the bytes serde_json writes, and both readers read them back.
    #[test]
    fn prints_what_serde_json_prints(tree in arb_tree()) {
        let value = to_serde(&tree);
        let pretty = json::print(&tree);
        prop_assert_eq!(&pretty, &format!("{}\n", serde_json::to_string_pretty(&value).expect("prints")));
        let compact = json::print_compact(&tree);
        prop_assert_eq!(&compact, &serde_json::to_string(&value).expect("prints"));
        for text in [&pretty, &compact] {
            prop_assert_eq!(serde_json::from_str::<Value>(text).ok(), Some(value.clone()));
            prop_assert_eq!(parse(text, Duplicates::Reject).map(|j| to_value(&j)), Ok(value.clone()));
        }
    }
}

// The document parser on top of the reader.

fn doc_error(text: &str) -> String {
    Document::from_json(text).expect_err(text).to_string()
}

#[test]
fn missing_fields_take_their_defaults() {
    assert_eq!(Document::from_json("{\"version\": 1}"), Ok(Document::default()));
    let doc = Document::from_json(r#"{"version": 1, "instances": []}"#).expect("document");
    assert!(doc.instances.is_empty());
    let doc = Document::from_json(
        r#"{"version": 1, "instances": [{"name": "a"}, {"tags": [{"key": "k"}]}],
            "network": {"flow_logs": true}, "security_group": {"ingress": [{}]}}"#,
    )
    .expect("document");
    let mut want = Document {
        instances: vec![
            InstanceDoc {
                name: "a".into(),
                ..InstanceDoc::default()
            },
            InstanceDoc {
                tags: vec![nixform::model::document::TagDoc {
                    key: "k".into(),
                    value: String::new(),
                }],
                ..InstanceDoc::default()
            },
        ],
        ..Document::default()
    };
    want.network.flow_logs = true;
    want.security_group.ingress = vec![Default::default()];
    assert_eq!(doc, want);
}

#[test]
fn documents_round_trip() {
    let mut docs = common::varied_documents();
    docs.push(("hardened", nixform::model::presets::hardened()));
    for (name, doc) in docs {
        assert_eq!(Document::from_json(&doc.to_json()).as_ref(), Ok(&doc), "{name}");
        let compact = json::print_compact(&doc.to_value());
        assert_eq!(Document::from_json(&compact).as_ref(), Ok(&doc), "{name}");
    }
}

#[test]
fn document_errors_name_the_field() {
    let cases = [
        ("{}", "the document has no \"version\" field; nixform documents start with {\"version\": 1, ...}"),
        ("{\"version\": null}", "the document has no \"version\" field"),
        ("{\"version\": 2}", "document version 2 is not supported (this nixform reads version 1)"),
        ("{\"version\": \"1\"}", "not a nixform stack document: \"version\" must be a number, not \"1\""),
        ("{\"version\": 1.0}", "not a nixform stack document: \"version\" must be a number, not 1.0"),
        ("{\"version\": -1}", "not a nixform stack document: \"version\" must be a number, not -1"),
        ("{\"version\": [1]}", "not a nixform stack document: \"version\" must be a number, not [1]"),
        ("[1]", "not a nixform stack document: a document is a JSON object, not an array"),
        ("hello", "not a nixform stack document: found 'h' where a value was expected (at line 1 column 1)"),
        ("{\"version\": 1, \"colour\": 1}", "not a nixform stack document: unknown field `colour`"),
        (
            "{\"version\": 1, \"network\": {\"subnets\": [{}, {\"zone\": \"a\"}]}}",
            "not a nixform stack document: unknown field `network.subnets[1].zone`",
        ),
        (
            "{\"version\": 1, \"instances\": [{\"public_ip\": \"yes\"}]}",
            "not a nixform stack document: `instances[0].public_ip` must be true or false, not a string",
        ),
        (
            "{\"version\": 1, \"provider\": {\"region\": null}}",
            "not a nixform stack document: `provider.region` must be a string, not null",
        ),
        ("{\"version\": 1, \"outputs\": []}", "not a nixform stack document: `outputs` must be an object, not an array"),
        ("{\"version\": 1, \"instances\": {}}", "not a nixform stack document: `instances` must be a list, not an object"),
        ("{\"version\": 1, \"instances\": [1]}", "not a nixform stack document: `instances[0]` must be an object, not a number"),
        (
            "{\"version\": 1, \"version\": 1}",
            "not a nixform stack document: the key \"version\" appears twice",
        ),
        (
            "{\"version\": 1, \"key_pair\": {\"key_name\": \"a\", \"key_name\": \"b\"}}",
            "not a nixform stack document: the key \"key_name\" appears twice in the object that starts at line 1 column 28",
        ),
    ];
    for (text, want) in cases {
        let got = doc_error(text);
        assert!(got.starts_with(want), "{text}: {got}");
    }
    assert_eq!(
        Document::from_json(&" ".repeat((1 << 20) + 1)),
        Err(DocumentError::TooLarge((1 << 20) + 1))
    );
}
