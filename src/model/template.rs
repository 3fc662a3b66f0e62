//! Terraform string templates: the one escaper that turns user text into a literal, and its
//! inverse.
//!
//! In Terraform JSON, strings in expression positions are templates, so a literal `${` is
//! written `$${` and a literal `%{` is `%%{`. Everything a person types goes through
//! [`literal`] (in `render::terraform`); the importer reads literals back with [`unescape`].
//! The pair lives in `model`, below both of them, so that the importer never imports `render`
//! and there is still one escaper for the language.
//!
//! Nothing else belongs here: the renderer's own references (`${aws_vpc.x.id}`) are written by
//! `render::template`, and Nix escaping is `render::nix`'s.

use std::borrow::Cow;

/// Escape `text` so Terraform reads it back as exactly `text`.
///
/// ```
/// use nixform::model::template::literal;
/// assert_eq!(literal("${var.x}"), "$${var.x}");
/// assert_eq!(literal("%{ if true }"), "%%{ if true }");
/// assert_eq!(literal("$5 and 100%"), "$5 and 100%");
/// assert_eq!(literal("$${"), "$$${");
/// ```
pub fn literal(text: &str) -> Cow<'_, str> {
    if !text.contains("${") && !text.contains("%{") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 4);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if (c == '$' || c == '%') && chars.peek() == Some(&'{') {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The inverse of [`literal`], as Terraform's template parser reads a string with no
/// interpolations: `$${` → `${`, `%%{` → `%{`. Used by the importer and the tests.
///
/// ```
/// use nixform::model::template::{literal, unescape};
/// assert_eq!(unescape(&literal("a${b}%{c}")), Some("a${b}%{c}".to_string()));
/// assert_eq!(unescape("${aws_vpc.x.id}"), None); // a real interpolation, not a literal
/// ```
pub fn unescape(template: &str) -> Option<String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(i) = rest.find(['$', '%']) {
        let (head, tail) = rest.split_at(i);
        out.push_str(head);
        let marker = &tail[..1];
        let after = &tail[1..];
        if after.starts_with(marker) && after[1..].starts_with('{') {
            out.push_str(marker);
            out.push('{');
            rest = &after[2..];
        } else if after.starts_with('{') {
            return None;
        } else {
            out.push_str(marker);
            rest = after;
        }
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_cases() {
        let cases = [
            ("", ""),
            ("plain", "plain"),
            ("${", "$${"),
            ("%{", "%%{"),
            ("$${", "$$${"),
            ("%%{", "%%%{"),
            ("${}${}", "$${}$${}"),
            ("$", "$"),
            ("{", "{"),
            ("$ {", "$ {"),
            ("é${ü}", "é$${ü}"),
            ("a\n${b}", "a\n$${b}"),
        ];
        for (input, want) in cases {
            assert_eq!(literal(input), want, "literal({input:?})");
            assert_eq!(unescape(want).as_deref(), Some(input), "unescape({want:?})");
        }
    }

    #[test]
    fn unescape_refuses_interpolations() {
        assert_eq!(unescape("x ${y}"), None);
        assert_eq!(unescape("%{ if }"), None);
    }
}
