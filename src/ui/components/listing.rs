//! The shown file, highlighted, with line numbers: a `<pre>` holding the gutter and a `<code>`
//! of one element per line.
//!
//! Its first view is part of the render (the whole file highlighted by `render::highlight`,
//! the one escaper, inserted as HTML: no frame between the page and its preview). After that,
//! an effect patches through a node ref only the lines that changed, which a
//! [`LineCache`] re-highlights: re-inserting a whole file on every keystroke cost milliseconds
//! (and ~100 ms for a 50-instance stack). The parent keys this component by file name, so
//! another tab is another listing with its own cache.
//!
//! The lines link to their fields ([`Links`]): a click on a line focuses (and so highlights)
//! the field that made it, and the focused field's lines are marked (again a moment after each
//! edit, so typing fast does not pay for it); the lines an edit wrote are marked briefly.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use gloo::utils::document;
use web_sys::Element;
use yew::prelude::*;

use crate::render::highlight::{Lang, LineCache};
use crate::ui::browser;
use crate::ui::field::field_id;
use crate::ui::links::Links;
use crate::ui::outcome::{Outcome, Shared};

/// How long after the last edit the focused field's lines are marked again.
const REMARK_MS: u32 = 200;

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
    /// The files shown, and which field made each line of them.
    outcome: Shared<Outcome>,
    links: Links,
    remark: Option<Timeout>,
}

impl View {
    fn new(name: &str, outcome: &Shared<Outcome>) -> View {
        let mut cache = LineCache::default();
        cache.update(outcome.file(name).unwrap_or_default(), Lang::for_file(name));
        let markup = format!(
            "<div class=\"gutter\" aria-hidden=\"true\">{}</div><code>{}</code>",
            line_numbers(cache.len()),
            cache.html(0..cache.len())
        );
        View {
            cache,
            markup: markup.into(),
            outcome: outcome.clone(),
            links: Links::default(),
            remark: None,
        }
    }

    /// Mark the lines of the focused field (none when no field is focused).
    fn mark_focused(&mut self, pre: &Element, name: &str) {
        let path = browser::focused_path();
        self.links.mark(pre, &self.outcome, name, path.as_deref());
    }

    /// Bring the `<pre>` from the lines shown to `outcome`'s file; the lines that stay keep
    /// their marks.
    fn patch(&mut self, pre: &Element, name: &str, outcome: &Shared<Outcome>) {
        // Without this file, the lines (and which field made each) stay the last ones shown.
        let Some(text) = outcome.file(name) else { return };
        self.outcome = outcome.clone();
        let before = self.cache.len();
        let patch = self.cache.update(text, Lang::for_file(name));
        self.links.moved(patch);
        if patch.remove == 0 && patch.insert == 0 {
            return;
        }
        let html = self.cache.html(patch.at..patch.at + patch.insert);
        // The numbers change only with the number of lines.
        let numbers = (self.cache.len() != before).then(|| line_numbers(self.cache.len()));
        browser::patch_preview(pre, patch.at, patch.remove, patch.insert, &html, numbers.as_deref());
    }
}

/// In a moment, mark the focused field's lines in `view`, if the listing is still there.
fn remark_later(view: &Rc<RefCell<View>>, pre: Element, name: AttrValue) {
    let weak: Weak<RefCell<View>> = Rc::downgrade(view);
    let timeout = Timeout::new(REMARK_MS, move || {
        if let Some(view) = weak.upgrade() {
            view.borrow_mut().mark_focused(&pre, &name);
        }
    });
    view.borrow_mut().remark = Some(timeout);
}

#[component]
pub fn Listing(props: &Props) -> Html {
    let Props { name, outcome } = props;
    let pre = use_node_ref();
    let view = use_mut_ref(|| View::new(name, outcome));
    {
        let (pre, view, name) = (pre.clone(), view.clone(), name.clone());
        use_effect_with(outcome.clone(), move |outcome| {
            let pre = pre.cast::<Element>();
            if let Some(pre) = &pre {
                view.borrow_mut().patch(pre, &name, outcome);
                remark_later(&view, pre.clone(), name.clone());
            }
            // A field focused anywhere on the page marks its lines here.
            let listener = EventListener::new(&document(), "focusin", move |_| {
                if let Some(pre) = &pre {
                    view.borrow_mut().mark_focused(pre, &name);
                }
            });
            move || drop(listener)
        });
    }
    let line = |pre: &NodeRef, e: &MouseEvent| browser::line_index(&pre.cast()?, &e.target_dyn_into()?);
    let onclick = {
        let (pre, view, name) = (pre.clone(), view.clone(), name.clone());
        Callback::from(move |e: MouseEvent| {
            let field = line(&pre, &e).and_then(|n| {
                let mut view = view.borrow_mut();
                let View { outcome, links, .. } = &mut *view;
                links.field_at(outcome, &name, n)
            });
            // After the borrow: focusing marks the field's lines through the same view.
            if let Some(field) = field {
                browser::focus(&field_id(&field.path()));
            }
        })
    };
    let markup = view.borrow().markup.clone();
    html! {
        <pre tabindex="0" aria-label={format!("{name} contents")} ref={pre} class="code" {onclick}>
            { Html::from_html_unchecked(markup) }
        </pre>
    }
}
