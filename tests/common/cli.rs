//! Running the `nixform` binary the tests were built with.

use std::path::Path;
use std::process::{Command, Output};

/// `nixform ARGS`, with `stdin` written to its standard input when given.
pub fn nixform(args: &[&str], stdin: Option<&str>) -> Output {
    use std::io::Write as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_nixform"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("nixform starts");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("nixform runs")
}

/// `nixform render --stack STACK --out OUT`.
pub fn render(stack: &Path, out: &Path) -> Output {
    nixform(
        &[
            "render",
            "--stack",
            stack.to_str().expect("utf8"),
            "--out",
            out.to_str().expect("utf8"),
        ],
        None,
    )
}
