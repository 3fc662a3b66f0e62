//! The terraform-aws-modules variables, types and outputs (tests/fixtures/modules/*.json, written
//! by scripts/module-schema.py from the modules' git tags), and a check that a Terraform JSON
//! module block's inputs are variables of the module whose values conform to their types.
//! Its own tests are in tests/module_schema.rs.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use hcl::expr::{Expression, ObjectKey};
use serde::Deserialize;
use serde_json::{Map, Value};

/// The fixture files, one per module release.
pub const FILES: &[&str] = &["vpc-v6.6.0.json", "ec2-instance-v6.4.0.json"];

/// Keys of a module block that are meta-arguments, not the module's variables.
pub const META_ARGUMENTS: &[&str] = &["source", "version", "providers", "depends_on", "count", "for_each"];

/// One module release: where it comes from, its variables and its outputs.
#[derive(Debug, Clone)]
pub struct ModuleSchema {
    pub source: String,
    pub repository: String,
    pub tag: String,
    pub commit: String,
    variables: BTreeMap<String, Variable>,
    outputs: BTreeSet<String>,
}

/// A variable of a module: its type as written and parsed, and whether it lacks a default.
#[derive(Debug, Clone)]
pub struct Variable {
    pub type_text: String,
    pub ty: Type,
    pub required: bool,
}

/// A Terraform type constraint.
#[derive(Debug, Clone, PartialEq)]
pub enum Type {
    String,
    Number,
    Bool,
    Any,
    List(Box<Type>),
    Set(Box<Type>),
    Map(Box<Type>),
    Tuple(Vec<Type>),
    Object(BTreeMap<String, Attribute>),
}

/// An attribute of an `object({ ... })` type; `optional(T)` or `optional(T, default)` may be left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    pub ty: Type,
    pub optional: bool,
}

#[derive(Deserialize)]
struct RawSchema {
    source: String,
    repository: String,
    tag: String,
    commit: String,
    variables: BTreeMap<String, RawVariable>,
    outputs: Vec<String>,
}

#[derive(Deserialize)]
struct RawVariable {
    #[serde(rename = "type")]
    ty: String,
    required: bool,
}

/// tests/fixtures/modules/`file_name`, parsed; panics when it is missing or a type does not parse.
#[track_caller]
pub fn load(file_name: &str) -> ModuleSchema {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/modules")
        .join(file_name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (scripts/module-schema.py writes it)", path.display()));
    ModuleSchema::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every module schema in the fixtures.
pub fn schemas() -> Vec<ModuleSchema> {
    FILES.iter().map(|f| load(f)).collect()
}

/// The schema for a module block's `source` (e.g. `terraform-aws-modules/vpc/aws`), if there is one.
pub fn by_source(source: &str) -> Option<ModuleSchema> {
    schemas().into_iter().find(|s| s.source == source)
}

impl ModuleSchema {
    /// A schema from the JSON scripts/module-schema.py writes.
    pub fn from_json(text: &str) -> Result<ModuleSchema, String> {
        let raw: RawSchema = serde_json::from_str(text).map_err(|e| format!("not a module schema: {e}"))?;
        let mut variables = BTreeMap::new();
        for (name, v) in raw.variables {
            let ty = Type::parse(&v.ty).map_err(|e| format!("variable `{name}`: {e}"))?;
            let variable = Variable {
                type_text: v.ty,
                ty,
                required: v.required,
            };
            variables.insert(name, variable);
        }
        Ok(ModuleSchema {
            source: raw.source,
            repository: raw.repository,
            tag: raw.tag,
            commit: raw.commit,
            variables,
            outputs: raw.outputs.into_iter().collect(),
        })
    }

    /// The variable `name`, if the module has it.
    pub fn variable(&self, name: &str) -> Option<&Variable> {
        self.variables.get(name)
    }

    /// The module's variables by name.
    pub fn variables(&self) -> &BTreeMap<String, Variable> {
        &self.variables
    }

    /// The module's output names.
    pub fn outputs(&self) -> &BTreeSet<String> {
        &self.outputs
    }

    /// Whether `module.x.<name>` exists.
    pub fn has_output(&self, name: &str) -> bool {
        self.outputs.contains(name)
    }

    /// Every problem with a Terraform JSON module block's inputs: unknown keys, values that do
    /// not conform to their variable's type, required variables left out.
    pub fn check_inputs(&self, block: &Map<String, Value>) -> Result<(), Vec<String>> {
        let mut errors = Vec::new();
        for (key, value) in block {
            if META_ARGUMENTS.contains(&key.as_str()) {
                continue;
            }
            match self.variables.get(key) {
                None => errors.push(format!(
                    "`{key}`: {} {} has no such variable (value {})",
                    self.source,
                    self.tag,
                    show(value)
                )),
                Some(v) => v.ty.check(key, value, &mut errors),
            }
        }
        for (name, v) in &self.variables {
            if v.required && !block.contains_key(name) {
                errors.push(format!(
                    "`{name}`: required variable of type {} is missing",
                    v.type_text
                ));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

impl Type {
    /// A type expression such as `map(object({ a = optional(string, "x") }))`.
    pub fn parse(text: &str) -> Result<Type, String> {
        let body = hcl::parse(&format!("t = {text}\n")).map_err(|e| format!("`{text}` does not parse: {e}"))?;
        let attribute = body
            .attributes()
            .next()
            .ok_or_else(|| format!("`{text}` is not an expression"))?;
        Type::from_expr(attribute.expr(), false).map_err(|e| format!("`{text}`: {e}"))
    }

    fn from_expr(expr: &Expression, in_object: bool) -> Result<Type, String> {
        Ok(Type::from_attribute(expr, in_object)?.0)
    }

    /// The type, and whether it was wrapped in `optional(...)` (allowed only as an object attribute).
    fn from_attribute(expr: &Expression, in_object: bool) -> Result<(Type, bool), String> {
        match expr {
            Expression::Variable(v) => match v.as_str() {
                "string" => Ok((Type::String, false)),
                "number" => Ok((Type::Number, false)),
                "bool" => Ok((Type::Bool, false)),
                "any" => Ok((Type::Any, false)),
                other => Err(format!("unknown type `{other}`")),
            },
            Expression::Parenthesis(inner) => Type::from_attribute(inner, in_object),
            Expression::FuncCall(call) => {
                let name = call.name.name.as_str();
                let one = |args: &[Expression]| match args {
                    [t] => Type::from_expr(t, false).map(Box::new),
                    _ => Err(format!("`{name}(...)` takes one type")),
                };
                let ty = match (name, call.args.as_slice()) {
                    _ if !call.name.namespace.is_empty() => return Err(format!("unknown type function `{name}`")),
                    ("list", args) => Type::List(one(args)?),
                    ("set", args) => Type::Set(one(args)?),
                    ("map", args) => Type::Map(one(args)?),
                    ("tuple", [Expression::Array(items)]) => Type::Tuple(
                        items
                            .iter()
                            .map(|t| Type::from_expr(t, false))
                            .collect::<Result<_, _>>()?,
                    ),
                    ("object", [Expression::Object(attrs)]) => {
                        let mut out = BTreeMap::new();
                        for (key, t) in attrs.iter() {
                            let key = match key {
                                ObjectKey::Identifier(id) => id.as_str().to_string(),
                                ObjectKey::Expression(Expression::String(s)) => s.clone(),
                                other => return Err(format!("object attribute name `{other:?}`")),
                            };
                            let (ty, optional) = Type::from_attribute(t, true)?;
                            out.insert(key, Attribute { ty, optional });
                        }
                        Type::Object(out)
                    }
                    ("optional", [t] | [t, _]) if in_object => return Ok((Type::from_expr(t, false)?, true)),
                    ("optional", _) if in_object => return Err("`optional(T)` or `optional(T, default)`".into()),
                    _ => return Err(format!("unknown or malformed type `{name}(...)`")),
                };
                Ok((ty, false))
            }
            other => Err(format!("not a type expression: {other:?}")),
        }
    }

    /// Whether `value` (at `path` in the block) conforms to this type; problems go to `errors`.
    pub fn check(&self, path: &str, value: &Value, errors: &mut Vec<String>) {
        let mut fail = |why: &str| errors.push(format!("`{path}`: expected {self}, got {}{why}", show(value)));
        if value.is_null() || is_reference(value) {
            return;
        }
        match (self, value) {
            (Type::Any, _)
            | (Type::String, Value::String(_))
            | (Type::Number, Value::Number(_))
            | (Type::Bool, Value::Bool(_)) => {}
            (Type::List(t) | Type::Set(t), Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    t.check(&format!("{path}[{i}]"), item, errors);
                }
            }
            (Type::Tuple(ts), Value::Array(items)) if ts.len() == items.len() => {
                for (i, (t, item)) in ts.iter().zip(items).enumerate() {
                    t.check(&format!("{path}[{i}]"), item, errors);
                }
            }
            (Type::Tuple(ts), Value::Array(items)) => {
                fail(&format!(" ({} elements, not {})", items.len(), ts.len()));
            }
            (Type::Map(t), Value::Object(entries)) => {
                for (k, v) in entries {
                    t.check(&format!("{path}.{k}"), v, errors);
                }
            }
            (Type::Object(attrs), Value::Object(entries)) => {
                for (k, v) in entries {
                    match attrs.get(k) {
                        Some(a) => a.ty.check(&format!("{path}.{k}"), v, errors),
                        None => errors.push(format!("`{path}.{k}`: no such attribute in {self} (value {})", show(v))),
                    }
                }
                for (k, a) in attrs {
                    if !a.optional && !entries.contains_key(k) {
                        errors.push(format!("`{path}.{k}`: required attribute of type {} is missing", a.ty));
                    }
                }
            }
            _ => fail(""),
        }
    }
}

/// A string that is exactly one `${ ... }` interpolation: a reference Terraform resolves, which
/// may be of any type.
pub fn is_reference(value: &Value) -> bool {
    let Some(s) = value.as_str() else {
        return false;
    };
    if !(s.starts_with("${") && s.ends_with('}')) {
        return false;
    }
    // The `{` after the `$` must close at the very end: not `${a}-${b}`.
    let (mut depth, mut quoted, mut escaped) = (0usize, false, false);
    for (i, c) in s.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '{' if !quoted => depth += 1,
            '}' if !quoted => {
                depth -= 1;
                if depth == 0 {
                    return i == s.len() - 1;
                }
            }
            _ => {}
        }
    }
    false
}

/// A value for an error message, cut short when long.
fn show(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::String => f.write_str("string"),
            Type::Number => f.write_str("number"),
            Type::Bool => f.write_str("bool"),
            Type::Any => f.write_str("any"),
            Type::List(t) => write!(f, "list({t})"),
            Type::Set(t) => write!(f, "set({t})"),
            Type::Map(t) => write!(f, "map({t})"),
            Type::Tuple(ts) => {
                let items: Vec<String> = ts.iter().map(Type::to_string).collect();
                write!(f, "tuple([{}])", items.join(", "))
            }
            Type::Object(attrs) => {
                let items: Vec<String> = attrs
                    .iter()
                    .map(|(k, a)| match a.optional {
                        true => format!("{k} = optional({})", a.ty),
                        false => format!("{k} = {}", a.ty),
                    })
                    .collect();
                write!(f, "object({{ {} }})", items.join(", "))
            }
        }
    }
}
