//! `nixform`: the command-line tool over the same library as the browser app.
//!
//! ```text
//! nixform default [--preset NAME]          print a stack document (a preset: default, hardened, ...)
//! nixform validate FILE                    print each field error; exit 1 when there is one
//! nixform render [--stack FILE] --out DIR  write the files; invalid stack: exit 1, nothing written
//! nixform diagram [--stack FILE] [--out FILE.svg]  the stack's diagram (standard output without --out, or `-`)
//! nixform lint [--stack FILE]              print the security findings of a stack
//! nixform share [--stack FILE]             print the share-link fragment (s=...) of a stack
//! nixform unshare FRAGMENT                 print the stack document inside a share link
//! nixform cost [--stack FILE] [--json]     print the monthly cost estimate; exit 1 for a
//!                                          region without prices
//! ```
//! Exit codes: 0 success, 1 invalid stack, 2 usage error or unreadable input.
//!
//! `render` also parses each host's extra Nix with `nix-instantiate --parse` when it is
//! installed (the browser app does not parse it: a Nix parser does not fit its size ceiling).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use nixform::model::{lint, presets, share, validate, Document, FieldError, FieldErrorKind, Stack};
use nixform::render::diagram::diagram;
use nixform::render::{cost, render_all, RenderError};

const USAGE: &str = "usage:
  nixform default [--preset default|hardened|remote-state|hosts|modules|large]
  nixform validate FILE
  nixform render [--stack FILE] --out DIR
  nixform diagram [--stack FILE] [--out FILE.svg]
  nixform lint [--stack FILE]
  nixform share [--stack FILE]
  nixform unshare FRAGMENT-OR-URL
  nixform cost [--stack FILE] [--json]

FILE is a nixform stack document (JSON, \"version\": 1); `-` reads standard input.";

enum Failure {
    /// Exit 1: the stack has field errors.
    Invalid(Vec<FieldError>),
    /// Exit 2: usage or input problems.
    Usage(String),
    /// Exit 1: a valid stack that cannot be priced (a region without price data).
    NoEstimate(String),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Invalid(errors)) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            eprintln!(
                "{} field error{}",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            );
            ExitCode::from(1)
        }
        Err(Failure::NoEstimate(message)) => {
            eprintln!("nixform: {message}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("nixform: {message}");
            ExitCode::from(2)
        }
    }
}

/// Parse every host's extra Nix with `nix-instantiate --parse`, when it is installed: the
/// bindings inside `{` and `}`, with the `{` on their first line so that line numbers match.
fn check_extra_nix(stack: &Stack) -> Result<(), Failure> {
    let mut errors = Vec::new();
    for (i, instance) in stack.instances.iter().enumerate() {
        let Some(extra) = instance.host.as_ref().and_then(|h| h.extra_nix.as_deref()) else {
            continue;
        };
        let output = std::process::Command::new("nix-instantiate")
            .args(["--parse", "-E"])
            .arg(format!("{{{extra}\n}}"))
            .output();
        match output {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                eprintln!("nixform: nix-instantiate is not installed: the extra Nix was not parsed");
                return Ok(());
            }
            Err(e) => return Err(Failure::Usage(format!("cannot run nix-instantiate: {e}"))),
            Ok(out) if out.status.success() => {}
            Ok(out) => errors.push(FieldError {
                path: format!("instances[{i}].nixos.extra_nix"),
                kind: FieldErrorKind::NixSyntax(String::from_utf8_lossy(&out.stderr).trim().to_owned()),
            }),
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Failure::Invalid(errors))
    }
}

fn run(args: &[String]) -> Result<(), Failure> {
    let (command, rest) = args.split_first().ok_or_else(|| Failure::Usage(USAGE.into()))?;
    let mut opts = Options::parse(rest)?;
    match command.as_str() {
        "default" => {
            let name = opts.take("--preset").unwrap_or_else(|| "default".into());
            opts.finish()?;
            let doc = presets::by_name(&name).ok_or_else(|| {
                Failure::Usage(format!(
                    "unknown preset `{name}` (known: {})",
                    presets::names().collect::<Vec<_>>().join(", ")
                ))
            })?;
            print!("{}", doc.to_json());
            Ok(())
        }
        "validate" => {
            let file = opts
                .positional()
                .ok_or_else(|| Failure::Usage("validate needs a FILE".into()))?;
            opts.finish()?;
            validate(&read_document(Some(&file))?).map_err(Failure::Invalid)?;
            println!("{file}: valid");
            Ok(())
        }
        "render" => {
            let stack_file = opts.take("--stack");
            let out = opts
                .take("--out")
                .ok_or_else(|| Failure::Usage("render needs --out DIR".into()))?;
            opts.finish()?;
            let stack = validate(&read_document(stack_file.as_deref())?).map_err(Failure::Invalid)?;
            let files = render_all(&stack).map_err(|e| match e {
                RenderError::UserDataTooLarge { path, bytes } => Failure::Invalid(vec![FieldError {
                    path,
                    kind: FieldErrorKind::UserDataTooLarge(bytes),
                }]),
                e => Failure::Usage(format!("cannot render: {e}")),
            })?;
            check_extra_nix(&stack)?;
            let dir = PathBuf::from(out);
            std::fs::create_dir_all(&dir)
                .map_err(|e| Failure::Usage(format!("cannot create {}: {e}", dir.display())))?;
            let mut count = 0;
            for (name, text) in files.iter() {
                let path = dir.join(name);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)
                        .map_err(|e| Failure::Usage(format!("cannot create {}: {e}", parent.display())))?;
                }
                write(&path, text)?;
                count += 1;
            }
            eprintln!("wrote {count} files to {}", dir.display());
            Ok(())
        }
        "diagram" => {
            let stack_file = opts.take("--stack");
            let out = opts.take("--out");
            opts.finish()?;
            let stack = validate(&read_document(stack_file.as_deref())?).map_err(Failure::Invalid)?;
            let svg = diagram(&stack).map_err(|e| Failure::Usage(format!("cannot draw the diagram: {e}")))?;
            match out.as_deref() {
                None | Some("-") => print!("{svg}"),
                Some(file) => {
                    write(Path::new(file), &svg)?;
                    eprintln!("wrote {file}");
                }
            }
            Ok(())
        }
        "lint" => {
            let stack_file = opts.take("--stack");
            opts.finish()?;
            let stack = validate(&read_document(stack_file.as_deref())?).map_err(Failure::Invalid)?;
            for f in lint::lint(&stack) {
                println!(
                    "{:<11} {:<8} {}",
                    f.check.id(),
                    f.check.severity().as_str(),
                    f.check.title()
                );
            }
            Ok(())
        }
        "share" => {
            let stack_file = opts.take("--stack");
            opts.finish()?;
            println!("{}", share::encode(&read_document(stack_file.as_deref())?));
            Ok(())
        }
        "unshare" => {
            let link = opts
                .positional()
                .ok_or_else(|| Failure::Usage("unshare needs a FRAGMENT or URL".into()))?;
            opts.finish()?;
            let fragment = link.split_once('#').map_or(link.as_str(), |(_, f)| f);
            let doc = share::decode(fragment).map_err(|e| Failure::Usage(e.to_string()))?;
            print!("{}", doc.to_json());
            Ok(())
        }
        "cost" => {
            let stack_file = opts.take("--stack");
            let json = opts.switch("--json");
            opts.finish()?;
            let stack = validate(&read_document(stack_file.as_deref())?).map_err(Failure::Invalid)?;
            let estimate = cost::estimate(&stack).map_err(|e| Failure::NoEstimate(e.to_string()))?;
            print!("{}", if json { estimate.to_json() } else { estimate.to_text() });
            Ok(())
        }
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(Failure::Usage(format!("unknown command `{other}`\n{USAGE}"))),
    }
}

fn write(path: &Path, text: &str) -> Result<(), Failure> {
    std::fs::write(path, text).map_err(|e| Failure::Usage(format!("cannot write {}: {e}", path.display())))
}

/// The document in `file` (`-` for standard input), or the default stack when `None`.
fn read_document(file: Option<&str>) -> Result<Document, Failure> {
    let Some(file) = file else {
        return Ok(Document::default());
    };
    let text = if file == "-" {
        std::io::read_to_string(std::io::stdin())
            .map_err(|e| Failure::Usage(format!("cannot read standard input: {e}")))?
    } else {
        std::fs::read_to_string(file).map_err(|e| Failure::Usage(format!("cannot read {file}: {e}")))?
    };
    Document::from_json(&text).map_err(|e| Failure::Usage(format!("{file}: {e}")))
}

/// Options that take no value.
const SWITCHES: &[&str] = &["--json"];

/// `--flag value` pairs, switches and positionals, each used once.
struct Options {
    pairs: Vec<(String, String)>,
    positionals: Vec<String>,
}

impl Options {
    fn parse(args: &[String]) -> Result<Self, Failure> {
        let mut pairs = Vec::new();
        let mut positionals = Vec::new();
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            if SWITCHES.contains(&arg.as_str()) {
                pairs.push((arg.clone(), String::new()));
            } else if arg.starts_with("--") {
                let value = it
                    .next()
                    .ok_or_else(|| Failure::Usage(format!("{arg} needs a value")))?;
                pairs.push((arg.clone(), value.clone()));
            } else {
                positionals.push(arg.clone());
            }
        }
        Ok(Options { pairs, positionals })
    }
    fn take(&mut self, flag: &str) -> Option<String> {
        let i = self.pairs.iter().position(|(f, _)| f == flag)?;
        Some(self.pairs.remove(i).1)
    }
    /// Whether the switch `flag` was given.
    fn switch(&mut self, flag: &str) -> bool {
        self.take(flag).is_some()
    }
    fn positional(&mut self) -> Option<String> {
        (!self.positionals.is_empty()).then(|| self.positionals.remove(0))
    }
    fn finish(self) -> Result<(), Failure> {
        if let Some((flag, _)) = self.pairs.first() {
            return Err(Failure::Usage(format!("unknown option {flag}\n{USAGE}")));
        }
        if let Some(arg) = self.positionals.first() {
            return Err(Failure::Usage(format!("unexpected argument `{arg}`\n{USAGE}")));
        }
        Ok(())
    }
}
