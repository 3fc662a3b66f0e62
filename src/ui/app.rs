//! The root component: owns the state (a reducer over the document), derives the outputs
//! with `use_memo`, autosaves in an effect, and lays out the header, the banner, the form,
//! the previews and the security panel. Share, import and reset live in the header.

use std::rc::Rc;

use yew::html::{ondragover, ondrop};
use yew::prelude::*;

use super::browser;
use super::dom::{self, El, Slot, Slots};
use super::field::{Fields, Messages};
use super::form::form;
use super::lint_panel::LintPanel;
use super::output::{Outcome, Shared};
use super::preview::Preview;
use super::state::{Action, Level, Notice, State};
use crate::model::document::MAX_DOCUMENT_BYTES;
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

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(|| State::load(&browser::fragment(), browser::load_saved().as_deref()));
    let dispatch = state.dispatcher().to_callback();

    let outcome = Shared(use_memo(state.doc.clone(), |doc| Outcome::of(doc)));
    let findings = use_memo(outcome.clone(), |outcome| match &*outcome.0 {
        Outcome::Ready { findings, .. } => Some(Rc::new(findings.clone())),
        _ => None,
    });
    let messages = use_memo((outcome.clone(), state.refused.clone()), |(outcome, refused)| {
        Messages {
            errors: outcome.errors_by_path(),
            refused: refused.iter().map(|(p, r)| (p.clone(), r.clone())).collect(),
        }
    });

    // Autosave after every edit made in this page (never on load: see `State::revision`).
    {
        let doc = state.doc.clone();
        use_effect_with(state.revision, move |revision| {
            if *revision > 0 {
                browser::save(&doc.to_json());
                // A share link in the address bar now describes an older stack: drop it so a
                // reload shows what was just saved.
                if browser::fragment().starts_with(share::PREFIX) {
                    browser::clear_fragment();
                }
            }
        });
    }

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
        msgs: Rc::clone(&messages),
        on_edit: dispatch.clone(),
    };
    slots.extend([
        ("form", Slot::Node(form(&state.doc, &fields))),
        ("preview", Slot::Node(html! { <Preview outcome={outcome.clone()} /> })),
        (
            "lint",
            Slot::Node(html! { <LintPanel findings={(*findings).clone()} on_edit={dispatch} /> }),
        ),
    ]);
    dom::template(PAGE, &mut Slots(slots))
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
