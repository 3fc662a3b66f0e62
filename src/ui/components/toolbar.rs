//! The previews' buttons: copy the shown file (or the diagram's SVG), download it, download all
//! four (and a README) as a zip; and a line saying how that went, which lasts until the files
//! change. While the form has errors they act on the last valid files (the buttons say "(out of
//! date)").

use std::rc::{Rc, Weak};

use yew::prelude::*;

use crate::render::files::readme;
use crate::render::zip::zip;
use crate::ui::browser;
use crate::ui::outcome::{Outcome, Ready, Shared};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The shown file, one of `Files::tabs`.
    pub name: AttrValue,
    /// The files to act on: `None` before the form was first valid.
    pub outcome: Option<Shared<Outcome>>,
    /// They are the last valid form's, not the shown form's.
    #[prop_or_default]
    pub stale: bool,
}

/// How the last copy or download went, and for which files: it shows only while they are the
/// files shown. (A `Weak` keeps the allocation, not the files, so a new outcome never takes
/// the old one's address.)
struct Status {
    about: Weak<Outcome>,
    result: Result<String, String>,
}

/// Reports how an action on the files of one render went.
#[derive(Clone)]
struct Say {
    status: UseStateSetter<Option<Status>>,
    about: Weak<Outcome>,
}

impl Say {
    fn say(&self, result: Result<String, String>) {
        self.status.set(Some(Status {
            about: self.about.clone(),
            result,
        }));
    }
}

fn mime(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        _ => "text/plain",
    }
}

/// Every file and a README, zipped; and the archive's name.
fn archive(ready: &Ready) -> (String, Vec<u8>) {
    let readme = readme(&ready.stack);
    let mut entries: Vec<(&str, &[u8])> = ready.files.iter().map(|(n, t)| (n, t.as_bytes())).collect();
    entries.push(("README.md", readme.as_bytes()));
    let name = format!("nixform-{}.zip", ready.stack.provisioner.host_name);
    (name, zip(&entries))
}

#[component]
pub fn Toolbar(props: &Props) -> Html {
    let Props { name, outcome, stale } = props;
    let status = use_state(|| None::<Status>);
    // A button's handler: `act` does its work on the files of this render and says how it went.
    let on_click = |act: fn(&str, &Ready, Say)| {
        let (name, outcome) = (name.clone(), outcome.clone());
        let say = Say {
            status: status.setter(),
            about: outcome.as_ref().map(|o| Rc::downgrade(&o.0)).unwrap_or_default(),
        };
        Callback::from(move |_: MouseEvent| {
            if let Some(ready) = outcome.as_ref().and_then(|o| o.ready()) {
                act(&name, ready, say.clone());
            }
        })
    };
    let on_copy = on_click(|name, ready, say| {
        let text = ready.text(name).unwrap_or_default().into_owned();
        let name = name.to_owned();
        wasm_bindgen_futures::spawn_local(async move {
            say.say(browser::copy(text).await.map(|()| format!("Copied {name}")));
        });
    });
    let on_download = on_click(|name, ready, say| {
        let text = ready.text(name).unwrap_or_default();
        // A host file downloads as web.nix: a browser writes no directories.
        let file = name.rsplit('/').next().unwrap_or(name);
        say.say(browser::download(file, text.as_bytes(), mime(name)).map(|()| format!("Downloaded {name}")));
    });
    let on_zip = on_click(|_, ready, say| {
        let (file, bytes) = archive(ready);
        say.say(browser::download(&file, &bytes, "application/zip").map(|()| format!("Downloaded {file}")));
    });

    let disabled = outcome.is_none();
    let line = status
        .as_ref()
        .filter(|s| {
            outcome
                .as_ref()
                .is_some_and(|o| std::ptr::eq(s.about.as_ptr(), Rc::as_ptr(&o.0)))
        })
        .map(|s| match &s.result {
            Ok(text) => html! { <span class="status">{ text }</span> },
            Err(text) => html! { <span class="status error">{ text }</span> },
        })
        .unwrap_or_default();
    html! {
        <div class="toolbar">
            <button type="button" {disabled} class="btn primary" onclick={on_copy}>{ "Copy" }</button>
            <button type="button" {disabled} class="btn" onclick={on_download}>{ format!("Download {name}") }</button>
            <button type="button" {disabled} class="btn" onclick={on_zip}>{ "Download all (.zip)" }</button>
            if *stale {
                <span class="stale-tag">{ "(out of date)" }</span>
            }
            <span aria-live="polite">{ line }</span>
        </div>
    }
}
