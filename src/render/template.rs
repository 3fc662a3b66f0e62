//! The renderer's side of Terraform templates: references it writes itself (`${...}`), never
//! user text. User text becomes a literal through [`literal`], which lives in
//! [`crate::model::template`] with its inverse (the importer needs that one) and is re-exported
//! here so the renderer has one place to look. Nix escaping is in `nix`.

pub use crate::model::template::{literal, unescape};

/// `${<expression>}`: a reference the renderer itself writes, never user text.
pub fn reference(expression: &str) -> String {
    format!("${{{expression}}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_interpolations_and_not_literals() {
        let r = reference("aws_vpc.main.id");
        assert_eq!(r, "${aws_vpc.main.id}");
        assert_eq!(unescape(&r), None);
        assert_eq!(unescape(&literal(&r)).as_deref(), Some(r.as_str()));
    }
}
