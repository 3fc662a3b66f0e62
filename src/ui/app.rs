//! The root component: owns the state (a reducer over the document), derives the outputs
//! when what they depend on changes, autosaves after rendering an edit, and lays out the
//! header, the banner, the form, the previews and the security panel. Share, import and reset
//! live in the header.

use std::rc::Rc;

use yew::html::{ondragover, ondrop};
use yew::prelude::*;
use yew::virtual_dom::VComp;
use yew::Reducible;

use super::browser;
use super::dom::{self, El, Slot, Slots};
use super::field::{Fields, Messages};
use super::form::form;
use super::lint_panel::{LintPanel, Props as LintProps};
use super::output::{Outcome, Shared};
use super::preview::{Preview, Props as PreviewProps};
use super::state::{Action, Level, Notice, State};
use crate::model::document::MAX_DOCUMENT_BYTES;
use crate::model::lint::Finding;
use crate::model::{share, Document};

/// Read a picked or dropped file and import it; too large or unreadable files only get a message.
fn import_file(file: web_sys::File, dispatch: Callback<Action>) {
    let (size, file_name) = browser::file_info(&file);
    if size > MAX_DOCUMENT_BYTES as f64 {
        dispatch.emit(Action::Notify(Notice::new(
            Level::Error,
            format!(
                "{file_name} was not imported: it is larger than 1 MiB, the most accepted. The form was not changed."
            ),
        )));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match browser::read_text(file).await {
            Ok(text) => dispatch.emit(Action::Import { file_name, text }),
            Err(e) => dispatch.emit(Action::Notify(Notice::new(
                Level::Error,
                format!("{file_name} could not be read: {e}. The form was not changed."),
            ))),
        }
    });
}

/// The root component. The state is reduced here (`State` is `Reducible`); what the view shows
/// is derived from it in [`App::update`] and kept until what it depends on changes, as
/// `use_memo` would.
pub struct App {
    state: Rc<State>,
    /// The one dispatcher: the same callback on every render, so the form's parts (which
    /// compare it) do not re-render for it.
    dispatch: Callback<Action>,
    outcome: Shared<Outcome>,
    messages: Rc<Messages>,
    /// The revision autosaved last (see `State::revision`).
    saved: u64,
}

/// The findings to show: `None` while the form has errors.
fn findings_of(outcome: &Outcome) -> Option<Rc<Vec<Finding>>> {
    match outcome {
        Outcome::Ready { findings, .. } => Some(Rc::clone(findings)),
        _ => None,
    }
}

fn messages_of(outcome: &Outcome, state: &State) -> Rc<Messages> {
    Rc::new(Messages {
        errors: outcome.errors_by_path(),
        refused: state.refused.clone(),
    })
}

impl Component for App {
    type Message = Action;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        let state = Rc::new(State::load(&browser::fragment(), browser::load_saved().as_deref()));
        let outcome = Shared(Rc::new(Outcome::of(&state.doc)));
        App {
            dispatch: ctx.link().callback(|action: Action| action),
            messages: messages_of(&outcome, &state),
            outcome,
            saved: state.revision,
            state,
        }
    }

    /// Reduce; recompute the outcome when the document changed, and the messages when the
    /// outcome or the refusals did. The reducer stores a new document, and counts a revision,
    /// exactly when an action changed it (or may have: a list edit or a replacement), so the
    /// revision says so without comparing documents.
    fn update(&mut self, _: &Context<Self>, action: Action) -> bool {
        let state = Rc::clone(&self.state).reduce(action);
        let new_outcome = state.revision != self.state.revision;
        if new_outcome {
            self.outcome = Shared(Rc::new(Outcome::of(&state.doc)));
        }
        if new_outcome || state.refused != self.state.refused {
            self.messages = messages_of(&self.outcome, &state);
        }
        self.state = state;
        true
    }

    /// Autosave after every edit made in this page (never on load: see `State::revision`),
    /// shortly after the render that shows it (see `browser::save_soon`).
    fn rendered(&mut self, _: &Context<Self>, _first: bool) {
        let revision = self.state.revision;
        if revision != self.saved {
            self.saved = revision;
            if revision > 0 {
                let state = Rc::clone(&self.state);
                browser::save_soon(move || state.doc.to_json());
                // A share link in the address bar now describes an older stack: drop it so a
                // reload shows what was just saved.
                if browser::fragment().starts_with(share::PREFIX) {
                    browser::clear_fragment();
                }
            }
        }
    }

    fn view(&self, _: &Context<Self>) -> Html {
        let (state, dispatch) = (&self.state, &self.dispatch);
        let on_share = {
            let doc = state.doc.clone();
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| {
                let Some(url) = browser::set_fragment(&share::encode(&doc)) else {
                    return;
                };
                let dispatch = dispatch.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let notice = match browser::copy(url).await {
                        Ok(()) => Notice::new(
                            Level::Success,
                            "Share link copied. The stack is in the link's #fragment, which browsers never send to a server.",
                        ),
                        Err(_) => Notice::new(Level::Info, "The share link is in the address bar: copy it from there."),
                    };
                    dispatch.emit(Action::Notify(notice));
                });
            })
        };
        let on_import_click = Callback::from(|_: MouseEvent| browser::click("import-file"));
        let on_import_pick = {
            let dispatch = dispatch.clone();
            Callback::from(move |e: Event| {
                if let Some(file) = browser::event_file(&e) {
                    import_file(file, dispatch.clone());
                }
            })
        };
        let on_drop = {
            let dispatch = dispatch.clone();
            Callback::from(move |e: DragEvent| {
                browser::prevent_default(&e);
                if let Some(file) = browser::dropped_file(&e) {
                    import_file(file, dispatch.clone());
                }
            })
        };
        let on_drag_over = Callback::from(|e: DragEvent| browser::prevent_default(&e));
        let on_reset = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| {
                if browser::confirm("Reset the form to the default stack? Everything you entered is replaced.") {
                    dispatch.emit(Action::Replace {
                        doc: Box::new(Document::default()),
                        notice: Some(Notice::new(Level::Info, "The form was reset to the default stack.")),
                    });
                }
            })
        };

        let mut slots = vec![
            ("page", Slot::On(Rc::new(ondragover::Wrapper::new(on_drag_over)))),
            ("page", Slot::On(Rc::new(ondrop::Wrapper::new(on_drop)))),
            ("share", Slot::On(dom::click(on_share))),
            ("import", Slot::On(dom::click(on_import_click))),
            ("pick", Slot::On(dom::change(on_import_pick))),
            ("reset", Slot::On(dom::click(on_reset))),
            ("banner?", Slot::Show(state.notice.is_some())),
        ];
        if let Some(n) = &state.notice {
            let (class, role) = match n.level {
                Level::Info => ("banner info", "status"),
                Level::Success => ("banner success", "status"),
                Level::Error => ("banner error", "alert"),
            };
            let details = n.details.iter().map(|d| {
                let mut code = El::new("code");
                code.text(d.clone());
                let mut li = El::new("li");
                li.children.push(code.build());
                li.build()
            });
            slots.extend([
                ("banner", Slot::Attr("role", Some(AttrValue::Static(role)))),
                ("banner", Slot::Attr("class", Some(AttrValue::Static(class)))),
                ("text", Slot::Node(dom::text(n.text.clone()))),
                ("details?", Slot::Show(!n.details.is_empty())),
                ("details", Slot::Node(dom::fragment(details.collect()))),
                ("dismiss", Slot::On(dom::click(dispatch.reform(|_| Action::Dismiss)))),
            ]);
        }
        let fields = Fields {
            msgs: Rc::clone(&self.messages),
            on_edit: dispatch.clone(),
        };
        slots.extend([
            ("form", Slot::Node(form(&state.doc, &fields))),
            (
                "preview",
                Slot::Node(
                    VComp::new::<Preview>(
                        Rc::new(PreviewProps {
                            outcome: self.outcome.clone(),
                        }),
                        None,
                    )
                    .into(),
                ),
            ),
            (
                "lint",
                Slot::Node(
                    VComp::new::<LintPanel>(
                        Rc::new(LintProps {
                            findings: findings_of(&self.outcome),
                            on_edit: dispatch.clone(),
                        }),
                        None,
                    )
                    .into(),
                ),
            ),
        ]);
        dom::template(PAGE, &mut Slots(slots))
    }
}

/// The page: header, banner, form, previews and security panel.
const PAGE: &str = r#"
<div {page} class="app">
  <header class="top">
    <div class="brand">
      <h1>nixform</h1>
      <p class="tagline">An EC2 + VPC stack for a NixOS host, as Terraform JSON and terranix. Runs entirely in your browser: nothing you type leaves this page.</p>
    </div>
    <nav aria-label="Stack" class="actions">
      <button type="button" {share} class="btn">Share link</button>
      <button type="button" {import} class="btn">Import config.tf.json</button>
      <input type="file" id="import-file" tabindex="-1" aria-hidden="true" accept=".json,application/json" {pick} class="visually-hidden" />
      <button type="button" {reset} class="btn danger">Reset</button>
    </nav>
  </header>
  {?banner?}
    <div {banner}>
      <div class="banner-text">
        <p>{text}</p>
        {?details?}
          <ul>{details}</ul>
        {/}
      </div>
      <button type="button" aria-label="Dismiss this message" {dismiss} class="btn ghost">Dismiss</button>
    </div>
  {/}
  <main class="layout">
    <div class="form-col">{form}</div>
    <aside class="side-col">{preview}{lint}</aside>
  </main>
  <footer class="foot">
    <p>Tip: drop a config.tf.json anywhere on the page to import it. Your form is saved in this browser as you type.</p>
  </footer>
</div>"#;
