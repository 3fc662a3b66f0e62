//! What the app derives from the document on every change: the typed stack (or the field
//! errors), the four files and the lint findings. Computed by the root component when the
//! document changes, never stored in state; handed to components behind [`Shared`], which
//! compares by pointer.

use std::ops::Deref;
use std::rc::Rc;

use crate::model::lint::{lint, Finding};
use crate::model::{validate, Document, FieldError, Stack};
use crate::render::{render_all, Files};

/// The outputs of one document.
pub enum Outcome {
    Ready {
        stack: Box<Stack>,
        files: Files,
        /// Shared with the security panel as they are, not copied for it.
        findings: Rc<Vec<Finding>>,
    },
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
                Ok(files) => Outcome::Ready {
                    findings: Rc::new(lint(&stack)),
                    stack: Box::new(stack),
                    files,
                },
                Err(e) => Outcome::Failed(e.to_string()),
            },
        }
    }

    /// (field path, message), sorted by path, one entry per path (messages joined), for the
    /// fields to show next to themselves.
    pub fn errors_by_path(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        if let Outcome::Invalid(errors) = self {
            let mut sorted: Vec<&FieldError> = errors.iter().collect();
            crate::model::order::sort_by_key(&mut sorted, |e| &e.path);
            for e in sorted {
                let message = e.kind.to_string();
                match out.last_mut() {
                    Some((path, m)) if *path == e.path => {
                        m.push_str("; ");
                        m.push_str(&message);
                    }
                    _ => out.push((e.path.clone(), message)),
                }
            }
        }
        out
    }
}

/// An `Rc` that props compare by identity: memoised values are equal only when they are the
/// same computation, which is cheaper and exact for what the root recomputes only when its
/// inputs change.
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
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
