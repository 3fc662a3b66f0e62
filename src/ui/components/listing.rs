//! The shown file, highlighted, with line numbers: a `<pre>` holding the gutter and a `<code>`
//! of one element per line.
//!
//! Its first view is part of the render (the whole file highlighted by `render::highlight`,
//! the one escaper, inserted as HTML: no frame between the page and its preview). After that,
//! an effect patches through a node ref only the lines that changed, which a
//! [`LineCache`] re-highlights: re-inserting a whole file on every keystroke cost milliseconds
//! (and ~100 ms for a 50-instance stack). The parent keys this component by file name, so
//! another tab is another listing with its own cache.

use yew::prelude::*;

use crate::render::highlight::{Lang, LineCache};
use crate::ui::browser;
use crate::ui::outcome::{Outcome, Shared};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// One of `Files::tabs`.
    pub name: AttrValue,
    pub outcome: Shared<Outcome>,
}

/// "1\n2\n...\nn", the gutter's text.
fn line_numbers(n: usize) -> String {
    (1..=n).map(|i| i.to_string()).collect::<Vec<_>>().join("\n")
}

/// The lines shown, and the markup the `<pre>` was created with. Yew re-creates the `<pre>`'s
/// content only when that markup changes, so it stays the first view's HTML for the
/// listing's lifetime; what changed since is in `cache` and patched into the DOM.
struct View {
    cache: LineCache,
    markup: AttrValue,
}

impl View {
    fn new(name: &str, text: &str) -> View {
        let mut cache = LineCache::default();
        cache.update(text, Lang::for_file(name));
        let markup = format!(
            "<div class=\"gutter\" aria-hidden=\"true\">{}</div><code>{}</code>",
            line_numbers(cache.len()),
            cache.html(0..cache.len())
        );
        View {
            cache,
            markup: markup.into(),
        }
    }

    /// Bring the `<pre>` from the lines shown to `text`'s.
    fn patch(&mut self, pre: &web_sys::Element, name: &str, text: &str) {
        let before = self.cache.len();
        let patch = self.cache.update(text, Lang::for_file(name));
        if patch.remove == 0 && patch.insert == 0 {
            return;
        }
        let html = self.cache.html(patch.at..patch.at + patch.insert);
        // The numbers change only with the number of lines.
        let numbers = (self.cache.len() != before).then(|| line_numbers(self.cache.len()));
        browser::patch_preview(pre, patch.at, patch.remove, &html, numbers.as_deref());
    }
}

#[component]
pub fn Listing(props: &Props) -> Html {
    let Props { name, outcome } = props;
    let pre = use_node_ref();
    let view = use_mut_ref(|| View::new(name, outcome.file(name).unwrap_or_default()));
    {
        let (pre, view, name) = (pre.clone(), view.clone(), name.clone());
        use_effect_with(outcome.clone(), move |outcome| {
            if let (Some(pre), Some(text)) = (pre.cast::<web_sys::Element>(), outcome.file(&name)) {
                view.borrow_mut().patch(&pre, &name, text);
            }
        });
    }
    let markup = view.borrow().markup.clone();
    html! {
        <pre tabindex="0" aria-label={format!("{name} contents")} ref={pre} class="code">
            { Html::from_html_unchecked(markup) }
        </pre>
    }
}
