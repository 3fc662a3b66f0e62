//! Syntax highlighting for the previews: text in, HTML out.
//!
//! Each line becomes `<span class="ln">…</span>` (CSS numbers them; [`LineCache`] re-highlights
//! only the lines that changed and says which to replace) and each token a
//! `<span class="t-…">` (`t-key`, `t-str`, `t-num`, `t-kw`, `t-com`). All text is HTML-escaped
//! here, so the UI can insert the result as markup without building any itself. A tokenizer
//! per language, small and forgiving: it colours, it does not validate.

mod cache;
mod tokens;

pub use cache::{LineCache, Patch};
use tokens::{json, nix};

/// `text` escaped for HTML and XML text and attribute values (either quote), appended to `out`:
/// the one HTML/XML escaper of the crate (the previews here, the UI's option lists and findings,
/// and the diagram's SVG). Tab, LF and CR are character references, which an XML parser reads
/// back as they are (it would turn them into spaces in an attribute, and CR into LF anywhere).
/// A character that XML 1.0 cannot hold at all (the other C0 controls, U+FFFE, U+FFFF) becomes
/// U+FFFD, so the SVG stays well-formed whatever the text is.
///
/// ```
/// let mut out = String::new();
/// nixform::render::highlight::escape_html(&mut out, "<a href='x'>\"&\"</a>\r\n\u{1}\u{FFFF}");
/// assert_eq!(out, "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;&#13;&#10;\u{FFFD}\u{FFFD}");
/// ```
pub fn escape_html(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\0'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// The languages of the previews.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Json,
    Nix,
    Plain,
}

impl Lang {
    pub fn for_file(name: &str) -> Lang {
        if name.ends_with(".json") {
            Lang::Json
        } else if name.ends_with(".nix") {
            Lang::Nix
        } else {
            Lang::Plain
        }
    }
}

/// What a line's highlighting depends on besides the line itself: whether it starts inside a
/// Nix indented string (`''...''`). Nothing else in nixform's output spans lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct State {
    in_indented_string: bool,
}

/// Builds one line's HTML.
struct Line {
    out: String,
}

impl Line {
    fn new(capacity: usize) -> Self {
        let mut out = String::with_capacity(capacity + 32);
        out.push_str("<span class=\"ln\">");
        Line { out }
    }

    fn text(&mut self, text: &str, class: Option<&str>) {
        if text.is_empty() {
            return;
        }
        if let Some(c) = class {
            self.out.push_str("<span class=\"t-");
            self.out.push_str(c);
            self.out.push_str("\">");
        }
        escape_html(&mut self.out, text);
        if class.is_some() {
            self.out.push_str("</span>");
        }
    }

    fn finish(mut self) -> String {
        self.out.push_str("</span>");
        self.out
    }
}

/// The lines of `text`; a trailing newline does not make an extra empty line. The preview shows
/// one element per line of this, so whatever numbers the shown lines (`render::sources`) splits
/// with it too.
pub(crate) fn lines(text: &str) -> std::str::Split<'_, char> {
    text.strip_suffix('\n').unwrap_or(text).split('\n')
}

/// One line as HTML, and the state the next line starts in.
pub fn highlight_line(line: &str, lang: Lang, state: State) -> (String, State) {
    let mut html = Line::new(line.len() * 2);
    let state = match lang {
        Lang::Json => {
            json(line, &mut html);
            State::default()
        }
        Lang::Nix => nix(line, &mut html, state),
        Lang::Plain => {
            html.text(line, None);
            State::default()
        }
    };
    (html.finish(), state)
}

/// `text` as highlighted HTML, one `<span class="ln">` element per line.
pub fn highlight_lines(text: &str, lang: Lang) -> Vec<String> {
    let mut state = State::default();
    lines(text)
        .map(|line| {
            let (html, next) = highlight_line(line, lang, state);
            state = next;
            html
        })
        .collect()
}

/// `text` as highlighted HTML: the lines of [`highlight_lines`], separated by newlines.
pub fn highlight(text: &str, lang: Lang) -> String {
    highlight_lines(text, lang).join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of highlighted HTML, markup removed and entities decoded.
    fn strip(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&#9;", "\t")
            .replace("&#13;", "\r")
            .replace("&amp;", "&")
    }

    #[test]
    fn json_tokens() {
        let h = highlight("{\n  \"a\": \"<b>\",\n  \"n\": -1.5,\n  \"t\": true\n}\n", Lang::Json);
        assert!(h.contains("<span class=\"t-key\">&quot;a&quot;</span>"), "{h}");
        assert!(h.contains("<span class=\"t-str\">&quot;&lt;b&gt;&quot;</span>"), "{h}");
        assert!(h.contains("<span class=\"t-num\">-1.5</span>"), "{h}");
        assert!(h.contains("<span class=\"t-kw\">true</span>"), "{h}");
        assert_eq!(h.matches("<span class=\"ln\">").count(), 5);
    }

    #[test]
    fn nix_tokens() {
        let h = highlight("# c\n{ a = \"x\"; s = ''\n  y\n''; inherit b; n = 1; }\n", Lang::Nix);
        assert!(h.contains("<span class=\"t-com\"># c</span>"), "{h}");
        assert!(h.contains("<span class=\"t-key\">a</span>"), "{h}");
        assert!(h.contains("<span class=\"t-kw\">inherit</span>"), "{h}");
        assert!(h.contains("<span class=\"t-num\">1</span>"), "{h}");
        // A multi-line string keeps its spans balanced on each line.
        assert_eq!(h.matches("<span").count(), h.matches("</span>").count());
        assert_eq!(h.matches("<span class=\"ln\">").count(), 4);
    }

    #[test]
    fn text_survives_for_every_rendered_file() {
        let stack = crate::model::validate(&crate::model::presets::hardened()).expect("valid");
        let files = crate::render::render_all(&stack).expect("renders");
        for (name, text) in files.iter() {
            let h = highlight(text, Lang::for_file(name));
            assert_eq!(strip(&h), text.strip_suffix('\n').unwrap_or(text), "{name}");
            assert_eq!(h.matches("<span").count(), h.matches("</span>").count(), "{name}");
            assert_eq!(h.matches("class=\"ln\"").count(), text.lines().count(), "{name}");
        }
    }

    #[test]
    fn lines_are_whole_elements() {
        let lines = highlight_lines("{ a = ''\n  x\n''; }\n", Lang::Nix);
        assert_eq!(lines.len(), 3);
        for line in &lines {
            assert!(
                line.starts_with("<span class=\"ln\">") && line.ends_with("</span>"),
                "{line}"
            );
            assert_eq!(line.matches("<span").count(), line.matches("</span>").count(), "{line}");
        }
    }

    /// Apply `patch` to the shown lines, as the preview does to its DOM.
    #[cfg(not(target_arch = "wasm32"))]
    fn apply(shown: &mut Vec<String>, cache: &LineCache, patch: Patch) {
        let inserted: Vec<String> = (patch.at..patch.at + patch.insert)
            .map(|i| cache.html(i..i + 1))
            .collect();
        shown.splice(patch.at..patch.at + patch.remove, inserted);
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn line_cache_patches_reproduce_a_full_highlight() {
        use proptest::prelude::*;
        use proptest::strategy::ValueTree;
        use proptest::test_runner::TestRunner;
        let stack = crate::model::validate(&crate::model::presets::hardened()).expect("valid");
        let files = crate::render::render_all(&stack).expect("renders");
        let mut runner = TestRunner::default();
        let openers = vec!["''", "'''", "''$", "\n", "a", "\"", "#", " = ", "x\ny", "\n''\n"];
        let pieces = prop::collection::vec(prop::sample::select(openers), 0..6);
        for (name, base) in files.iter() {
            let lang = Lang::for_file(name);
            let mut cache = LineCache::default();
            let mut shown = Vec::new();
            let mut text = base.to_owned();
            for _ in 0..60 {
                let patch = cache.update(&text, lang);
                apply(&mut shown, &cache, patch);
                assert_eq!(shown, highlight_lines(&text, lang), "{name}");
                // Edit: replace a random slice with random pieces (including string openers).
                let insert: String = pieces.new_tree(&mut runner).expect("gen").current().concat();
                let at = (0..=text.len()).new_tree(&mut runner).expect("gen").current();
                let at = (0..=at).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
                let end = (at + 8).min(text.len());
                let end = (end..=text.len())
                    .find(|i| text.is_char_boundary(*i))
                    .unwrap_or(text.len());
                text.replace_range(at..end, &insert);
            }
        }
    }

    #[test]
    fn a_keystroke_re_highlights_one_line() {
        let mut cache = LineCache::default();
        let text = "{\n  \"a\": 1,\n  \"b\": 2\n}\n";
        assert_eq!(
            cache.update(text, Lang::Json),
            Patch {
                at: 0,
                remove: 0,
                insert: 4
            }
        );
        assert_eq!(
            cache.update(&text.replace("1,", "12,"), Lang::Json),
            Patch {
                at: 1,
                remove: 1,
                insert: 1
            }
        );
        // Opening an indented string changes how every following line is read.
        let nix = "{\n  a = 1;\n  b = 2;\n}\n";
        let mut cache = LineCache::default();
        cache.update(nix, Lang::Nix);
        assert_eq!(
            cache.update(&nix.replace("a = 1", "a = ''1"), Lang::Nix),
            Patch {
                at: 1,
                remove: 3,
                insert: 3
            }
        );
    }

    #[test]
    fn hostile_text_is_escaped() {
        for lang in [Lang::Json, Lang::Nix, Lang::Plain] {
            let h = highlight("\"<script>alert(1)</script>\" <img src=x onerror=y> '' \" # ", lang);
            assert!(!h.contains("<script") && !h.contains("<img"), "{lang:?}: {h}");
        }
    }
}
