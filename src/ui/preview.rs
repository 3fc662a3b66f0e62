//! The previews: one tab per generated file, the active one highlighted with line numbers,
//! Copy / Download per file and "Download all" as a zip. While the form has errors it lists
//! them as links to the fields instead, and the buttons are disabled.
//!
//! Only the active tab is highlighted. The highlighter escapes all text, so its HTML is inserted
//! as is: whole, when a tab is first shown (see [`Shown`]), then a `LineCache` re-highlights only
//! the lines that changed and `browser::patch_preview` swaps just those: re-inserting a whole
//! file on every keystroke cost milliseconds (and ~100 ms for a 50-instance stack).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::dom::{self, El, Slot, Slots};
use super::field::field_id;
use super::output::{Outcome, Shared};
use crate::render::highlight::{Lang, LineCache};
use crate::render::{files::readme, zip::zip, Files};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub outcome: Shared<Outcome>,
}

fn mime(name: &str) -> &'static str {
    if name.ends_with(".json") {
        "application/json"
    } else {
        "text/plain"
    }
}

/// A status line next to the buttons ("Copied", "Downloaded", an error), tied to the outcome it
/// was about: it disappears as soon as the files change.
pub struct Status {
    outcome: usize,
    text: String,
    error: bool,
}

/// "1\n2\n...\nn", the gutter's text.
fn line_numbers(n: usize) -> String {
    let mut out = String::with_capacity(n * 5);
    for i in 1..=n {
        if i > 1 {
            out.push('\n');
        }
        out.push_str(&i.to_string());
    }
    out
}

fn tab_id(name: &str) -> String {
    ["tab-", &name.replace('.', "-")].concat()
}

/// What the preview's `<pre>` holds for the active tab: the highlighted lines, and the markup
/// (gutter and `<code>`) it was created with.
///
/// A tab's first view is part of the render itself (raw HTML in the page's first DOM, with no
/// frame in between: a lines-in-an-effect design made the first preview wait for a full style
/// and layout pass of the page). Yew re-creates the two elements only when `markup` changes
/// (another tab, or back from the error list); in between, `Preview::rendered` patches just
/// the lines that changed, so `markup` stays the HTML of the first view.
struct Shown {
    tab: usize,
    cache: LineCache,
    markup: AttrValue,
}

impl Shown {
    #[inline(never)]
    fn new(tab: usize, files: &Files) -> Shown {
        let name = Files::NAMES[tab];
        let mut cache = LineCache::default();
        cache.update(files.get(name).unwrap_or_default(), Lang::for_file(name));
        let lines = cache.html(0..cache.len());
        let numbers = line_numbers(cache.len());
        let mut markup = String::with_capacity(lines.len() + numbers.len() + 64);
        markup.push_str("<div class=\"gutter\" aria-hidden=\"true\">");
        markup.push_str(&numbers);
        markup.push_str("</div><code>");
        markup.push_str(&lines);
        markup.push_str("</code>");
        Shown {
            tab,
            cache,
            markup: AttrValue::from(markup),
        }
    }
}

/// The previews. The active tab and the status line are its state; what the `<pre>` shows is
/// kept in `shown` (see [`Shown`]) and patched after each render that brought new files.
pub struct Preview {
    active: usize,
    status: Option<Status>,
    pre_ref: NodeRef,
    /// Set while rendering, read after it.
    shown: RefCell<Option<Shown>>,
    /// The outcome the `<pre>` was last patched to.
    patched: Option<Shared<Outcome>>,
}

pub enum Msg {
    Select(usize),
    Status(Status),
}

impl Component for Preview {
    type Message = Msg;
    type Properties = Props;

    fn create(_: &Context<Self>) -> Self {
        Preview {
            active: 0,
            status: None,
            pre_ref: NodeRef::default(),
            shown: RefCell::new(None),
            patched: None,
        }
    }

    fn update(&mut self, _: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Select(tab) => self.active = tab,
            Msg::Status(status) => self.status = Some(status),
        }
        true
    }

    /// New files: patch the lines of the `<pre>` that changed. Then count the render.
    fn rendered(&mut self, ctx: &Context<Self>, _first: bool) {
        let outcome = &ctx.props().outcome;
        if self.patched.as_ref() != Some(outcome) {
            self.patched = Some(outcome.clone());
            let mut shown = self.shown.borrow_mut();
            if let (Some(pre), Outcome::Ready { files, .. }, Some(s)) =
                (self.pre_ref.cast::<web_sys::Element>(), &*outcome.0, shown.as_mut())
            {
                let name = Files::NAMES[s.tab];
                let before = s.cache.len();
                let patch = s
                    .cache
                    .update(files.get(name).unwrap_or_default(), Lang::for_file(name));
                let html = s.cache.html(patch.at..patch.at + patch.insert);
                // The numbers change only with the number of lines.
                let numbers = (s.cache.len() != before).then(|| line_numbers(s.cache.len()));
                browser::patch_preview(&pre, patch.at, patch.remove, &html, numbers.as_deref());
            }
        }
        browser::count_render();
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let outcome = ctx.props().outcome.clone();
        let key = Rc::as_ptr(&outcome.0) as usize;
        let tab = self.active % Files::NAMES.len();
        let say = {
            let status = ctx.link().callback(Msg::Status);
            move |result: Result<String, String>| {
                let (text, error) = match result {
                    Ok(t) => (t, false),
                    Err(t) => (t, true),
                };
                status.emit(Status {
                    outcome: key,
                    text,
                    error,
                });
            }
        };

        let ready = matches!(&*outcome.0, Outcome::Ready { .. });
        let name = Files::NAMES[tab];

        let on_copy = {
            let outcome = outcome.clone();
            let say = say.clone();
            Callback::from(move |_: MouseEvent| {
                if let Outcome::Ready { files, .. } = &*outcome.0 {
                    let text = files.get(name).unwrap_or_default().to_owned();
                    let say = say.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        say(browser::copy(text).await.map(|()| ["Copied ", name].concat()));
                    });
                }
            })
        };
        let on_download = {
            let outcome = outcome.clone();
            let say = say.clone();
            Callback::from(move |_: MouseEvent| {
                if let Outcome::Ready { files, .. } = &*outcome.0 {
                    let text = files.get(name).unwrap_or_default();
                    say(browser::download(name, text.as_bytes(), mime(name)).map(|()| ["Downloaded ", name].concat()));
                }
            })
        };
        let on_zip = {
            let outcome = outcome.clone();
            let say = say.clone();
            Callback::from(move |_: MouseEvent| {
                if let Outcome::Ready { files, stack, .. } = &*outcome.0 {
                    let readme = readme(stack);
                    let mut entries: Vec<(&str, &[u8])> = files.iter().map(|(n, t)| (n, t.as_bytes())).collect();
                    entries.push(("README.md", readme.as_bytes()));
                    let archive = zip(&entries);
                    let file = ["nixform-", &stack.provisioner.host_name, ".zip"].concat();
                    say(browser::download(&file, &archive, "application/zip").map(|()| ["Downloaded ", &file].concat()));
                }
            })
        };

        let select = |i: usize| ctx.link().callback(move |_: MouseEvent| Msg::Select(i));
        let on_tab_key = {
            let (active, link) = (self.active, ctx.link().clone());
            Callback::from(move |e: KeyboardEvent| {
                let n = Files::NAMES.len();
                let next = match browser::key(&e).as_str() {
                    "ArrowRight" => (active + 1) % n,
                    "ArrowLeft" => (active + n - 1) % n,
                    "Home" => 0,
                    "End" => n - 1,
                    _ => return,
                };
                browser::prevent_default(&e);
                link.send_message(Msg::Select(next));
                browser::focus(&tab_id(Files::NAMES[next]));
            })
        };

        let tabs = Files::NAMES.iter().enumerate().map(|(i, n)| {
            let selected = i == self.active;
            let mut tab = El::new("button");
            tab.attr("type", AttrValue::Static("button"));
            tab.attr("role", AttrValue::Static("tab"));
            tab.attr("id", tab_id(n).into());
            tab.attr(
                "aria-selected",
                AttrValue::Static(if selected { "true" } else { "false" }),
            );
            tab.attr("aria-controls", AttrValue::Static("preview-panel"));
            tab.attr("tabindex", AttrValue::Static(if selected { "0" } else { "-1" }));
            tab.attr("class", AttrValue::Static("tab"));
            tab.on_click(select(i));
            tab.text(*n);
            tab.build()
        });

        let status_line = match &self.status {
            Some(s) if s.outcome == key => {
                let mut span = El::new("span");
                span.attr(
                    "class",
                    AttrValue::Static(if s.error { "status error" } else { "status" }),
                );
                span.text(s.text.clone());
                span.build()
            }
            _ => Html::default(),
        };

        if !ready {
            // The error list replaces the <pre>: the next files get a fresh view.
            *self.shown.borrow_mut() = None;
        }
        let disabled = || Slot::Attr("disabled", (!ready).then_some(AttrValue::Static("disabled")));
        let mut slots = vec![
            ("tablist", Slot::On(dom::keydown(on_tab_key))),
            ("tabs", Slot::Node(dom::fragment(tabs.collect()))),
            ("copy", disabled()),
            ("copy", Slot::On(dom::click(on_copy))),
            ("download", disabled()),
            ("download", Slot::On(dom::click(on_download))),
            ("download-label", Slot::Node(dom::text(["Download ", name].concat()))),
            ("zip", disabled()),
            ("zip", Slot::On(dom::click(on_zip))),
            ("status", Slot::Node(status_line)),
            ("panel", Slot::Attr("aria-labelledby", Some(tab_id(name).into()))),
        ];
        match &*outcome.0 {
            Outcome::Ready { files, .. } => {
                let mut shown = self.shown.borrow_mut();
                let markup = match &*shown {
                    Some(s) if s.tab == tab => s.markup.clone(),
                    _ => shown.insert(Shown::new(tab, files)).markup.clone(),
                };
                slots.extend([
                    ("ready?", Slot::Show(true)),
                    (
                        "pre",
                        Slot::Attr("aria-label", Some([name, " contents"].concat().into())),
                    ),
                    ("pre", Slot::Ref(self.pre_ref.clone())),
                    ("code", Slot::Node(Html::from_html_unchecked(markup))),
                ]);
            }
            Outcome::Invalid(errors) => {
                let items = errors.iter().map(|e| {
                    let mut code = El::new("code");
                    code.text(e.path.clone());
                    let mut a = El::new("a");
                    a.attr("href", ["#", &field_id(&e.path)].concat().into());
                    a.children.push(code.build());
                    let mut li = El::new("li");
                    li.children.push(a.build());
                    li.text([": ", &e.kind.to_string()].concat());
                    li.build()
                });
                let count = [
                    "The form has ",
                    &errors.len().to_string(),
                    if errors.len() == 1 { " problem." } else { " problems." },
                ]
                .concat();
                slots.extend([
                    ("invalid?", Slot::Show(true)),
                    ("count", Slot::Node(dom::text(count))),
                    (
                        "follow",
                        Slot::On(dom::click(Callback::from(browser::follow_field_link))),
                    ),
                    ("errors", Slot::Node(dom::fragment(items.collect()))),
                ]);
            }
            Outcome::Failed(message) => slots.extend([
                ("failed?", Slot::Show(true)),
                (
                    "failure",
                    Slot::Node(dom::text(["The files could not be generated: ", message].concat())),
                ),
            ]),
        }
        dom::template(PREVIEW, &mut Slots(slots))
    }
}

/// The previews: tabs, toolbar, and the active file or what keeps it from being shown.
const PREVIEW: &str = r#"
<section aria-label="Preview" class="preview">
  <div role="tablist" aria-label="Generated files" {tablist} class="tabs">{tabs}</div>
  <div class="toolbar">
    <button type="button" {copy} class="btn primary">Copy</button>
    <button type="button" {download} class="btn">{download-label}</button>
    <button type="button" {zip} class="btn">Download all (.zip)</button>
    <span aria-live="polite">{status}</span>
  </div>
  <div id="preview-panel" role="tabpanel" {panel} class="panel">
    {?ready?}
      <pre tabindex="0" {pre} class="code">{code}</pre>
    {/}
    {?invalid?}
      <div role="status" class="problems">
        <p><strong>{count}</strong> The files appear again when they are fixed; nothing you typed is lost.</p>
        <ul {follow}>{errors}</ul>
      </div>
    {/}
    {?failed?}
      <div role="status" class="problems"><p>{failure}</p></div>
    {/}
  </div>
</section>"#;
