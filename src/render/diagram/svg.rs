//! SVG text: the [`Drawing`] written with `write!` into one `String`, with its own `<style>`
//! (light colours, `prefers-color-scheme: dark` overrides, a system font stack), so a
//! downloaded file looks right on its own; or without it, for a page that applies [`STYLE`]
//! itself (a Content-Security-Policy refuses a `<style>` element inserted into a page).
//!
//! Every piece of text, user text or not, goes through the crate's one HTML/XML escaper,
//! [`escape_html`]; attribute values are double-quoted. Does not belong here: what is drawn
//! (`scene`) and where (`layout`).

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use super::layout::*;
use super::node::Node;
use crate::render::highlight::escape_html;

/// Colours for light, then dark; classes as `scene` and `write_node` set them. Every selector
/// is inside `.nixform-diagram` (the root's class), so a page can adopt the sheet as it is.
pub const STYLE: &str = r#".nixform-diagram{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:12px}
.nixform-diagram .bg{fill:#fff}.nixform-diagram text{fill:#1f2328}
.nixform-diagram .k,.nixform-diagram .h{font-weight:600}.nixform-diagram .h{font-size:13px}
.nixform-diagram .m{fill:#59636e}.nixform-diagram .c,.nixform-diagram .p{font-size:11px}
.nixform-diagram rect{stroke-width:1.5}.nixform-diagram .box>rect{fill:none;stroke:#8c959f}
.nixform-diagram .region>rect{fill:#f6f8fa;stroke-dasharray:6 4}
.nixform-diagram .vpc>rect{fill:#fbf8ff;stroke:#8250df}
.nixform-diagram .zone>rect{stroke:#afb8c1;stroke-dasharray:4 4}
.nixform-diagram .subnet.public>rect{fill:#effbf2;stroke:#1a7f37}
.nixform-diagram .subnet.private>rect{fill:#eef6ff;stroke:#0969da}
.nixform-diagram .node>rect,.nixform-diagram .pill>rect{fill:#fff;stroke:#6e7781}
.nixform-diagram .instance>rect{fill:#fff8e5;stroke:#9a6700}
.nixform-diagram .sg>rect{fill:#fff5f5;stroke:#cf222e}.nixform-diagram .gateway>rect{stroke:#1a7f37}
.nixform-diagram .data>rect{stroke-dasharray:4 3}.nixform-diagram [data-part-of]>rect{stroke-dasharray:2 3}
.nixform-diagram .chip{fill:#ffebe9;stroke:#cf222e;stroke-width:1}.nixform-diagram .c{fill:#82071e}
.nixform-diagram .route{fill:none;stroke:#1a7f37;stroke-width:1.5}.nixform-diagram .head{fill:#1a7f37}
@media (prefers-color-scheme:dark){.nixform-diagram .bg{fill:#0d1117}.nixform-diagram text{fill:#e6edf3}.nixform-diagram .m{fill:#9198a1}
.nixform-diagram .box>rect{stroke:#6e7681}.nixform-diagram .region>rect{fill:#161b22}
.nixform-diagram .vpc>rect{fill:#1b1530;stroke:#a371f7}.nixform-diagram .zone>rect{stroke:#484f58}
.nixform-diagram .subnet.public>rect{fill:#0f2417;stroke:#3fb950}
.nixform-diagram .subnet.private>rect{fill:#0c1d33;stroke:#58a6ff}
.nixform-diagram .node>rect,.nixform-diagram .pill>rect{fill:#161b22;stroke:#8b949e}
.nixform-diagram .instance>rect{fill:#2b2111;stroke:#d29922}
.nixform-diagram .sg>rect{fill:#2d1214;stroke:#f85149}.nixform-diagram .gateway>rect{stroke:#3fb950}
.nixform-diagram .chip{fill:#4a1619;stroke:#f85149}.nixform-diagram .c{fill:#ffdcd7}
.nixform-diagram .route{stroke:#3fb950}.nixform-diagram .head{fill:#3fb950}}
"#;

/// `text` cut to `max` characters, the last one an ellipsis when cut.
fn fit(text: &str, max: usize) -> Cow<'_, str> {
    if text.chars().count() <= max {
        return Cow::Borrowed(text);
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    Cow::Owned(cut)
}

/// ` name="value"`, the value escaped.
fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_html(out, value);
    out.push('"');
}

/// `<text x y class>text</text>`, the text escaped and cut to `max` characters.
fn text(out: &mut String, x: u32, y: u32, class: &str, text: &str, max: usize) -> fmt::Result {
    write!(out, r#"<text x="{x}" y="{y}""#)?;
    if !class.is_empty() {
        attr(out, "class", class);
    }
    out.push('>');
    escape_html(out, &fit(text, max));
    out.push_str("</text>");
    Ok(())
}

fn rect(out: &mut String, r: Rect, radius: u32) -> fmt::Result {
    write!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{radius}"/>"#,
        r.x, r.y, r.w, r.h
    )
}

/// `<g class data-…>` and the tooltip: the address (or the module making it), then all text.
fn open(out: &mut String, shape: &str, node: &Node) {
    out.push_str("<g");
    let class = if node.class.is_empty() {
        Cow::Borrowed(shape)
    } else {
        Cow::Owned([shape, " ", node.class].concat())
    };
    attr(out, "class", &class);
    let data = [
        ("data-address", node.address.as_deref()),
        ("data-part-of", node.part_of.as_deref()),
        ("data-container", node.container),
        ("data-section", node.section),
    ];
    for (name, value) in data {
        if let Some(value) = value {
            attr(out, name, value);
        }
    }
    out.push_str("><title>");
    let head = match (&node.address, &node.part_of) {
        (Some(a), _) => Some(a.clone()),
        (None, Some(m)) => Some(format!("made by {m}")),
        (None, None) => None,
    };
    let all = head.iter().chain([&node.kind]).chain(&node.lines).chain(&node.more);
    for (i, line) in all.enumerate() {
        if i > 0 {
            out.push('\n');
        }
        escape_html(out, line);
    }
    out.push_str("</title>");
}

/// A container: its frame and a two-line header (the kind, then its lines joined by ` · `).
fn write_frame(out: &mut String, r: Rect, node: &Node) -> fmt::Result {
    open(out, "box", node);
    rect(out, r, 10)?;
    let max = chars_fitting(r.w);
    text(out, r.x + 10, r.y + 18, "h", &node.kind, max)?;
    text(out, r.x + 10, r.y + 34, "m", &node.lines.join(" · "), max)?;
    out.push_str("</g>");
    Ok(())
}

fn write_pill(out: &mut String, r: Rect, node: &Node) -> fmt::Result {
    open(out, "pill", node);
    rect(out, r, 11)?;
    text(out, r.x + 8, r.y + 15, "p", &node.kind, chars_fitting(r.w))?;
    out.push_str("</g>");
    Ok(())
}

/// A node: its kind in bold, its lines, its chips in rows, its parts as pills at the bottom.
fn write_node(out: &mut String, r: Rect, node: &Node, parts: &[Node]) -> fmt::Result {
    open(out, "node", node);
    rect(out, r, 6)?;
    let max = chars_fitting(r.w);
    text(out, r.x + 8, r.y + FIRST, "k", &node.kind, max)?;
    let mut y = r.y + FIRST;
    for line in &node.lines {
        y += LINE;
        text(out, r.x + 8, y, "", line, max)?;
    }
    let per_row = chips_per_row(r.w);
    let top = below_lines(r, node.lines.len());
    for (i, chip) in node.chips.iter().enumerate() {
        let (col, row) = ((i % per_row) as u32, (i / per_row) as u32);
        let c = Rect {
            x: r.x + 8 + col * (CHIP_W + CHIP_GAP),
            y: top + row * (CHIP_H + CHIP_GAP),
            w: CHIP_W,
            h: CHIP_H,
        };
        write!(
            out,
            r#"<rect class="chip" x="{}" y="{}" width="{}" height="{}" rx="9"/>"#,
            c.x, c.y, c.w, c.h
        )?;
        text(out, c.x + 6, c.y + 13, "c", chip, CHIP_CHARS)?;
    }
    for (k, part) in parts.iter().enumerate() {
        write_pill(out, pill_rect(r, k, parts.len()), part)?;
    }
    out.push_str("</g>");
    Ok(())
}

/// The whole SVG document, `title` its accessible name; one trailing newline. With `style` it
/// holds [`STYLE`] in a `<style>` element, so the file looks right on its own.
pub(super) fn write(drawing: &Drawing<'_>, title: &str, style: bool) -> Result<String, fmt::Error> {
    let (w, h) = (drawing.width, drawing.height);
    let mut out = String::with_capacity(2048 + 600 * drawing.shapes.len());
    write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="nixform-diagram" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img""#
    )?;
    attr(&mut out, "aria-label", title);
    out.push_str("><title>");
    escape_html(&mut out, title);
    out.push_str("</title>\n");
    if style {
        out.push_str("<style>\n");
        out.push_str(STYLE);
        out.push_str("</style>\n");
    }
    out.push_str("<defs><marker id=\"nixform-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path class=\"head\" d=\"M0,0L10,5L0,10z\"/></marker></defs>\n");
    write!(out, r#"<rect class="bg" width="{w}" height="{h}"/>"#)?;
    out.push('\n');
    for shape in &drawing.shapes {
        match shape {
            Shape::Frame(r, node) => write_frame(&mut out, *r, node)?,
            Shape::Node(r, node, parts) => write_node(&mut out, *r, node, parts)?,
            Shape::Pill(r, node) => write_pill(&mut out, *r, node)?,
            Shape::Arrow(points) => {
                out.push_str(r#"<path class="route" d=""#);
                for (i, (x, y)) in points.iter().enumerate() {
                    write!(out, "{}{x},{y}", if i == 0 { "M" } else { "L" })?;
                }
                out.push_str(r#"" marker-end="url(#nixform-arrow)"/>"#);
            }
        }
        out.push('\n');
    }
    out.push_str("</svg>\n");
    Ok(out)
}
