//! `validate`: the only way from a [`Document`] (raw strings) to a [`Stack`] (typed, valid).
//!
//! Every problem found is reported, each with the field's path, so the form can show all
//! messages at once next to their fields. Belongs here: the cross-field rules and the AWS
//! limits, one submodule per section of the form, and the scan of every text for secrets and
//! control characters. Does not belong here: the syntax of single values (`names`, `ssh`), and
//! what the lint thinks of a valid stack (`lint`).

mod host;
mod instances;
mod network;
mod provider;
mod provisioner;
mod security_group;
mod state;

use std::str::FromStr;

use super::document::Document;
use super::error::{FieldError, FieldErrorKind as K};
use super::names::ResourceName;
use super::secrets::find_secret;
use super::stack::{Mode, Outputs, Release, Stack};

pub use network::LOG_RETENTION_DAYS;

/// Fields that may span several lines; every other text field is a single line.
const MULTI_LINE_FIELDS: &[&str] = &["user_data", "authorized_keys", "extra_nix"];

/// Turn a document into a typed stack, or list every field error.
pub fn validate(doc: &Document) -> Result<Stack, Vec<FieldError>> {
    let mut v = Validator::default();
    v.scan_text(doc);
    let stack = v.stack(doc);
    match stack {
        Some(stack) if v.errors.is_empty() => Ok(stack),
        _ => Err(v.errors),
    }
}

/// Collects errors; the first error on a path wins, so one field shows one message. (A document
/// has few errors, so looking through a list is fast.)
#[derive(Default)]
struct Validator {
    errors: Vec<FieldError>,
}

/// `base.name`: the path of a field of a list item.
fn field(base: &str, name: &str) -> String {
    format!("{base}.{name}")
}

/// `list[i]`: the path of a list item.
fn item(list: &str, i: usize) -> String {
    format!("{list}[{i}]")
}

impl Validator {
    fn push(&mut self, path: &str, kind: K) {
        if self.ok(path) {
            self.errors.push(FieldError::new(path, kind));
        }
    }

    fn ok(&self, path: &str) -> bool {
        !self.errors.iter().any(|e| e.path == path)
    }

    /// Whether a required field is still to be checked: it has no error yet, and it is not
    /// empty (which is recorded).
    fn needs_check(&mut self, path: &str, text: &str) -> bool {
        if !self.ok(path) {
            return false;
        }
        if text.is_empty() {
            self.push(path, K::Required);
            return false;
        }
        true
    }

    /// Parse with `T::from_str`, recording the error under `path`. (Generic, so kept short:
    /// the shared part is in `needs_check`.)
    fn parse<T: FromStr<Err = K>>(&mut self, path: &str, text: &str) -> Option<T> {
        if !self.needs_check(path, text) {
            return None;
        }
        text.parse().map_err(|e| self.push(path, e)).ok()
    }

    /// A resource name that no earlier element of the same list has (`names` holds theirs).
    fn unique_name<'d>(&mut self, names: &mut Vec<&'d str>, path: &str, text: &'d str) -> Option<ResourceName> {
        let name: Option<ResourceName> = self.parse(path, text);
        if name.is_some() {
            if names.contains(&text) {
                self.push(path, K::DuplicateName(text.to_owned()));
            } else {
                names.push(text);
            }
        }
        name
    }

    /// Every block of a list typed with commas and/or spaces; `None` after the first bad one.
    fn cidrs<T: FromStr<Err = K>>(&mut self, path: &str, text: &str) -> Option<Vec<T>> {
        let mut out = Vec::new();
        for c in cidr_list(text) {
            out.push(self.parse(path, c)?);
        }
        Some(out)
    }

    fn number(&mut self, path: &str, text: &str, what: &'static str, min: i64, max: i64) -> Option<i64> {
        if !self.needs_check(path, text) {
            return None;
        }
        let digits = text.strip_prefix('-').unwrap_or(text);
        if digits.is_empty() || digits.len() > 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            self.push(path, K::NotNumber { value: text.to_owned() });
            return None;
        }
        // At most 18 digits, so it fits.
        let magnitude: i64 = digits.parse().ok()?;
        let n = if digits.len() < text.len() {
            -magnitude
        } else {
            magnitude
        };
        if n < min || n > max {
            self.push(
                path,
                K::OutOfRange {
                    what,
                    value: text.to_owned(),
                    min,
                    max,
                },
            );
            return None;
        }
        Some(n)
    }

    fn max_len(&mut self, path: &str, text: &str, what: &'static str, max: usize) -> bool {
        let len = text.chars().count();
        if len > max {
            self.push(path, K::TooLong { what, len, max });
            return false;
        }
        true
    }

    /// An absolute path (`text` not empty) of at most 4096 characters; the error is recorded.
    fn absolute_path(&mut self, path: &str, text: &str) -> bool {
        if !text.starts_with('/') {
            self.push(path, K::NotAbsolutePath(text.to_owned()));
            return false;
        }
        self.max_len(path, text, "the path", 4096)
    }

    /// Optional text: empty → None.
    fn optional(text: &str) -> Option<String> {
        (!text.is_empty()).then(|| text.to_owned())
    }

    /// One pass over every string in the document: secrets, NUL and control characters.
    fn scan_text(&mut self, doc: &Document) {
        let mut found = Vec::new();
        doc.visit_texts(&mut |path, text| {
            let multi_line = MULTI_LINE_FIELDS.iter().any(|f| path.ends_with(f));
            let kind = if let Some(what) = find_secret(text) {
                K::Secret(what)
            } else if let Some(c) = text.chars().find(|&c| is_forbidden_control(c, multi_line)) {
                K::ControlCharacter(describe_control(c))
            } else if let Some(c) = text.chars().find(|&c| is_invisible_format(c)) {
                K::InvisibleCharacter(format!("U+{:04X}", c as u32))
            } else {
                return;
            };
            found.push((path.to_owned(), kind));
        });
        for (path, kind) in found {
            self.push(&path, kind);
        }
    }

    fn stack(&mut self, doc: &Document) -> Option<Stack> {
        let provider = self.provider(doc);
        let image = self.image(doc);
        let region = provider.as_ref().map(|p| p.region);
        let network = self.network(doc, region);
        let security_group = self.security_group(doc);
        let key_pair = self.key_pair(doc);
        let instances = self.instances(doc, network.as_ref(), image.as_ref().map(|i| i.arch));
        let provisioner = self.provisioner(doc, region);
        let o = &doc.outputs;
        let outputs = Outputs {
            public_ip: o.public_ip,
            public_dns: o.public_dns,
            ssh_command: o.ssh_command,
        };
        let mode = self.mode(doc, image.as_ref(), provisioner.as_ref());
        // Every section is checked (above) before any is missing, so all errors are reported.
        Some(Stack {
            mode: mode?,
            provider: provider?,
            image: image?,
            network: network?,
            security_group: security_group?,
            key_pair: key_pair?,
            instances: instances?,
            outputs,
            provisioner: provisioner?,
        })
    }
}

impl Validator {
    /// Resources or modules; in modules mode every module needs its own name, and the
    /// modules need a newer AWS provider than nixpkgs 25.11 has.
    fn mode(
        &mut self,
        doc: &Document,
        image: Option<&super::stack::Image>,
        provisioner: Option<&super::stack::Provisioner>,
    ) -> Option<Mode> {
        let mode = match doc.mode.as_str() {
            "resources" => Mode::Resources,
            "modules" => Mode::Modules,
            other => {
                self.push("mode", K::NotOneOf(other.to_owned(), "resources, modules"));
                return None;
            }
        };
        if mode == Mode::Modules {
            let vpc = doc.network.vpc_name.as_str();
            for (i, instance) in doc.instances.iter().enumerate() {
                if instance.name == vpc {
                    self.push(
                        &field(&item("instances", i), "name"),
                        K::ModuleNameClash(vpc.to_owned()),
                    );
                }
            }
            let old_nixpkgs = image.is_some_and(|i| i.release == Release::Published("25.11"));
            if old_nixpkgs && provisioner.is_some_and(|p| p.provider_from_store) {
                self.push("mode", K::ModulesNeedNewerProvider);
            }
        }
        Some(mode)
    }
}

/// Whether `text` starts with `prefix` (ASCII), ignoring ASCII case.
fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Split a list of CIDR blocks typed with commas and/or whitespace.
pub fn cidr_list(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
}

/// NUL and other control characters; in multi-line fields LF, CR and TAB are allowed.
fn is_forbidden_control(c: char, multi_line: bool) -> bool {
    if multi_line && matches!(c, '\n' | '\r' | '\t') {
        return false;
    }
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

/// Invisible format characters: zero-width spaces and joiners, the byte-order mark, and the
/// bidirectional overrides that make text read differently from what it is ("Trojan Source").
pub fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

fn describe_control(c: char) -> String {
    match c {
        '\0' => "NUL".into(),
        '\n' => "a line break".into(),
        '\t' => "a tab".into(),
        '\r' => "a carriage return".into(),
        c => format!("U+{:04X}", c as u32),
    }
}
