//! Shared test helpers: finding the real tools, evaluating Nix, golden files and fuzzing
//! inputs; the varied stacks are in [`stacks`], the import round trip in [`import`].
#![allow(dead_code)]

pub mod cli;
pub mod diagram;
pub mod hosts;
pub mod import;
pub mod legacy_lz;
pub mod module_schema;
pub mod stacks;

// Each test crate uses some of these.
#[allow(unused_imports)]
pub use import::import_round_trip;
#[allow(unused_imports)]
pub use stacks::{modules_varied, subnet, varied_documents, varied_stacks};

use std::path::{Path, PathBuf};
use std::process::Command;

/// A tool the tests need; a clear failure (not a skip) when it is missing.
#[track_caller]
pub fn require_tool(name: &str) -> PathBuf {
    find_tool(name).unwrap_or_else(|| {
        panic!("`{name}` is not installed: run scripts/install-tools.sh (it installs every tool the tests use)")
    })
}

/// A tool on PATH (or at a known install location), if present.
pub fn find_tool(name: &str) -> Option<PathBuf> {
    let extra = [format!("/opt/checkov-venv/bin/{name}")];
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|dir| dir.join(name))
        .chain(extra.iter().map(PathBuf::from))
        .find(|p| p.is_file())
}

/// `tofu`, else `terraform`, for the tests that run the real parser (scripts/test.sh runs
/// them when one is installed).
pub fn terraform_tool() -> PathBuf {
    find_tool("tofu")
        .or_else(|| find_tool("terraform"))
        .expect("terraform or tofu on PATH")
}

/// `tool` in `dir`, non-interactive, without the version check's network call.
pub fn terraform_command(tool: &Path, dir: &Path) -> Command {
    let mut cmd = Command::new(tool);
    cmd.current_dir(dir)
        .env("TF_IN_AUTOMATION", "1")
        .env("CHECKPOINT_DISABLE", "1");
    cmd
}

/// `nix-instantiate` with a private state directory (no daemon, no config needed).
fn nix_instantiate() -> Command {
    let mut cmd = Command::new(require_tool("nix-instantiate"));
    cmd.env("NIX_STATE_DIR", std::env::temp_dir().join("nixform-nix-state"));
    cmd
}

/// Run `nix-instantiate` with `args` on `file`; panics with its message when it fails.
#[track_caller]
fn run_nix(args: &[&str], file: &Path) -> Vec<u8> {
    let out = nix_instantiate()
        .args(args)
        .arg(file)
        .output()
        .expect("nix-instantiate runs");
    assert!(
        out.status.success(),
        "nix-instantiate {args:?} failed on {}:\n{}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Run `nix-instantiate --eval --strict --json` on `file` and parse the result.
#[track_caller]
pub fn nix_eval_json(file: &Path) -> serde_json::Value {
    serde_json::from_slice(&run_nix(&["--eval", "--strict", "--json"], file)).expect("nix-instantiate prints JSON")
}

/// `nix-instantiate --parse` each file; panics with the parser's message on the first failure.
#[track_caller]
pub fn nix_parse(files: &[PathBuf]) {
    for file in files {
        run_nix(&["--parse"], file);
    }
}

/// Write every rendered file into `dir` (created if needed); returns their paths.
pub fn write_files(dir: &Path, files: &nixform::render::Files) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).expect("mkdir");
    files
        .iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("mkdir");
            }
            std::fs::write(&path, text).expect("write");
            path
        })
        .collect()
}

/// The stand-in evaluator shared with the benchmark: `tests/nix/eval-infra.nix`.
pub fn standin_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/nix/eval-infra.nix")
}

/// A Nix expression: `infra` evaluated through the stand-ins, `{ config; service; unfree; }`.
pub fn standin_expr(infra: &Path, unit: &str) -> String {
    format!(
        "import {} {{ infra = {}; unit = {}; }}\n",
        standin_file().display(),
        infra.display(),
        nixform::render::nix::string_literal(unit).expect("no NUL"),
    )
}

/// Strings that have broken generators before: Terraform and Nix syntax, quotes, escapes.
pub const HOSTILE: &[&str] = &[
    "${var.secret}",
    "%{ if true }x%{ endif }",
    "$${already}",
    "\\${backslash-dollar}",
    "\"quoted\" and 'single' and ''two''",
    "back\\slash\\",
    "ünïcödé ✓ 日本語 😀",
    "$",
    "$$",
    "{}",
    "''${x}",
    "a\\nb",
];

/// Compare `text` with the golden file at `path`, or write it there when `NIXFORM_BLESS` is
/// set; `test` is the test target named in the command that regenerates it.
#[track_caller]
pub fn golden(path: &Path, text: &str, test: &str) {
    if std::env::var_os("NIXFORM_BLESS").is_some() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("mkdir");
        }
        std::fs::write(path, text).expect("write golden");
        return;
    }
    let want = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}; run NIXFORM_BLESS=1 cargo test --test {test}", path.display()));
    assert!(
        text == want,
        "{} differs; if intended, run NIXFORM_BLESS=1 cargo test --test {test}\n--- got ---\n{text}",
        path.display()
    );
}

/// A document's text with one byte range replaced by up to eight arbitrary bytes: near-valid
/// input, the hardest kind for a parser.
pub fn mutated(text: String) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let len = text.len();
    (0..len, 0..16usize, prop::collection::vec(any::<u8>(), 0..8)).prop_map(move |(at, cut, bytes)| {
        let mut b = text.clone().into_bytes();
        let end = (at + cut).min(b.len());
        b.splice(at..end, bytes);
        String::from_utf8_lossy(&b).into_owned()
    })
}

/// Text made of JSON tokens, lexical fragments and document keys: mostly near-JSON, the input
/// that finds parser bugs.
pub fn json_like() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let token = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        " ",
        "\n",
        "\"a\"",
        "\"b\"",
        "0",
        "-",
        "1",
        "2",
        "-1",
        "01",
        ".",
        "e",
        "E",
        "+",
        "1.5",
        "-0",
        "1e999",
        "true",
        "tru",
        "null",
        "\"\"",
        "\"x\"",
        "\"\\u",
        "d800",
        "dc00",
        "\\ud800",
        "\\udc00",
        "\"",
        "\\",
        "\\n",
        "\u{feff}",
        "\t",
        "\u{0}",
        "é",
        "18446744073709551616",
        "{}",
        "[]",
        "\"version\"",
        "\"instances\"",
        "\"resource\"",
        "\"aws_vpc\"",
        "\"provider\"",
        "\"aws_instance\"",
        "\"tags\"",
        "\"\\u0000\"",
    ]);
    prop::collection::vec(token, 0..60).prop_map(|v| v.concat())
}
