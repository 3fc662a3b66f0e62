//! What the app derives from the document: the typed stack (or the field errors), the four files,
//! the lint findings, the cost estimate and (when shown) the diagram. The root computes it with
//! `use_memo` over the document and never stores it in state; components get it behind [`Shared`],
//! which compares by identity.
//!
//! Belongs here: the derivation and how to read it. Not here: how it is shown (the preview and
//! the security panel) or anything that touches a browser.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::ops::Deref;
use std::rc::Rc;

use yew::AttrValue;

use crate::model::lint::{lint, Finding};
use crate::model::{validate, Document, FieldError, FieldErrorKind, Stack};
use crate::render::cost::{estimate, CostError, Estimate};
use crate::render::diagram::{diagram, diagram_for_page};
use crate::render::{render_all, Files, RenderError};

/// A valid stack and what it renders to.
pub struct Ready {
    pub stack: Stack,
    pub files: Files,
    /// Shared with the security panel as they are, not copied for it.
    pub findings: Rc<Vec<Finding>>,
    /// The monthly estimate, or why the region has none.
    pub estimate: Result<Estimate, CostError>,
    /// The diagram as the page shows it, drawn the first time it is shown.
    page_diagram: OnceCell<Result<AttrValue, String>>,
}

/// The previews' tab of the diagram, after the files' tabs; its file is the SVG with its style.
pub const DIAGRAM: &str = "diagram.svg";

impl Ready {
    /// The text of the tab `name`: one of the files, or the diagram's SVG (drawn now).
    pub fn text(&self, name: &str) -> Option<Cow<'_, str>> {
        match name {
            DIAGRAM => diagram(&self.stack).ok().map(Cow::Owned),
            _ => self.files.get(name).map(Cow::Borrowed),
        }
    }

    /// The diagram's SVG without its style (the page adopts it), or why it could not be drawn:
    /// drawn once per stack, and only when shown.
    pub fn page_diagram(&self) -> Result<AttrValue, &str> {
        let svg = self.page_diagram.get_or_init(|| {
            diagram_for_page(&self.stack)
                .map(AttrValue::from)
                .map_err(|e| format!("The diagram could not be drawn: {e}"))
        });
        match svg {
            Ok(svg) => Ok(svg.clone()),
            Err(message) => Err(message),
        }
    }
}

/// The outputs of one document.
pub enum Outcome {
    Ready(Box<Ready>),
    /// The form has errors: no files until they are fixed.
    Invalid(Vec<FieldError>),
    /// The stack is valid but could not be printed (a renderer refused a value).
    Failed(String),
}

impl Outcome {
    pub fn of(doc: &Document) -> Outcome {
        match validate(doc) {
            Err(errors) => Outcome::Invalid(errors),
            Ok(stack) => match render_all(&stack) {
                Ok(files) => Outcome::Ready(Box::new(Ready {
                    findings: Rc::new(lint(&stack)),
                    estimate: estimate(&stack),
                    page_diagram: OnceCell::new(),
                    stack,
                    files,
                })),
                // Too long for EC2 once rendered: the field to shorten says so.
                Err(RenderError::UserDataTooLarge { path, bytes }) => Outcome::Invalid(vec![FieldError {
                    path,
                    kind: FieldErrorKind::UserDataTooLarge(bytes),
                }]),
                Err(e) => Outcome::Failed(e.to_string()),
            },
        }
    }

    /// The files and the stack, when there are any.
    pub fn ready(&self) -> Option<&Ready> {
        match self {
            Outcome::Ready(ready) => Some(ready),
            _ => None,
        }
    }

    /// The text of the file called `name`, when there are files.
    pub fn file(&self, name: &str) -> Option<&str> {
        self.ready().and_then(|r| r.files.get(name))
    }

    /// The findings to show: `None` while the form has errors.
    pub fn findings(&self) -> Option<Rc<Vec<Finding>>> {
        self.ready().map(|r| Rc::clone(&r.findings))
    }

    /// Field path → message (several on one path joined with "; "), for the fields to show
    /// next to themselves.
    pub fn errors_by_path(&self) -> BTreeMap<String, String> {
        let mut out: BTreeMap<String, String> = BTreeMap::new();
        if let Outcome::Invalid(errors) = self {
            for e in errors {
                let message = e.kind.to_string();
                out.entry(e.path.clone())
                    .and_modify(|m| {
                        m.push_str("; ");
                        m.push_str(&message);
                    })
                    .or_insert(message);
            }
        }
        out
    }
}

/// An `Rc` that props and hook dependencies compare by identity: a memoised value is equal
/// only to the same computation, which is exact (the root recomputes only when the document
/// changes) and costs nothing, where comparing two sets of files would cost their length.
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
