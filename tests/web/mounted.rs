//! The mounted app: input events through the form, previews, findings, autosave and hostile
//! values.

use std::cell::RefCell;
use std::rc::Rc;

use nixform::model::Document;
use nixform::ui::app::App;
use nixform::ui::autosave::{self, STORAGE_KEY};
use nixform::ui::browser;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, EventInit, HtmlInputElement};

// ---- the mounted app ----------------------------------------------------------------------------

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

async fn mount() -> Element {
    mount_with(None).await
}

fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

fn saved() -> Option<String> {
    storage().get_item(STORAGE_KEY).ok().flatten()
}

/// A document text the test edits, as keystrokes edit the reducer's.
#[derive(Default)]
struct Typed(Rc<RefCell<String>>);

impl Typed {
    fn edit(&self, text: &str) {
        *self.0.borrow_mut() = text.to_owned();
    }

    /// What the autosave reads: the text as it is when the save is written.
    fn source(&self) -> impl Fn() -> String + 'static {
        let text = Rc::clone(&self.0);
        move || text.borrow().clone()
    }
}

fn pagehide() {
    let window = web_sys::window().expect("window");
    window
        .dispatch_event(&web_sys::Event::new("pagehide").expect("event"))
        .expect("dispatch");
}

/// The autosave is written after the edit, not inside it; it writes the document as it is when
/// it runs, and leaving the page (`pagehide`) writes it, edits not yet drawn included, but an
/// unchanged page writes nothing.
#[wasm_bindgen_test]
fn the_autosave_waits_keeps_the_newest_and_is_written_on_pagehide() {
    autosave::flush();
    storage().remove_item(STORAGE_KEY).expect("remove");
    let typed = Typed::default();
    typed.edit("first");
    autosave::save_soon(typed.source());
    typed.edit("second");
    autosave::save_soon(typed.source());
    assert_eq!(saved(), None, "nothing is written inside the edit");
    pagehide();
    assert_eq!(
        saved().as_deref(),
        Some("second"),
        "leaving the page writes the newest save"
    );
    storage().remove_item(STORAGE_KEY).expect("remove");
    assert!(autosave::flush(), "nothing is left pending");
    assert_eq!(saved(), None, "an unchanged page writes nothing");
    // An edit the reducer holds but Yew has not drawn: no save was asked for it yet.
    typed.edit("third");
    pagehide();
    assert_eq!(
        saved().as_deref(),
        Some("third"),
        "leaving the page writes an edit not yet drawn"
    );
    storage().remove_item(STORAGE_KEY).expect("remove");
}

/// Mount the app with `saved` as the autosaved document (none: the default stack). A save still
/// pending from an earlier test is written first, so it cannot land on this one's document.
pub(super) async fn mount_with(saved: Option<&str>) -> Element {
    autosave::flush();
    let _ = match saved {
        Some(text) => storage().set_item(STORAGE_KEY, text),
        None => storage().remove_item(STORAGE_KEY),
    };
    let root = document().create_element("div").expect("div");
    document().body().expect("body").append_child(&root).expect("append");
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

pub(super) fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

async fn type_into(root: &Element, id: &str, value: &str) {
    let input: HtmlInputElement = root
        .query_selector(&format!("#{id}"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .expect("the input");
    input.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).expect("event");
    input.dispatch_event(&event).expect("dispatch");
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn the_app_renders_previews_and_follows_input() {
    let root = mount().await;
    let code = text_of(&root, ".panel pre.code");
    assert!(code.contains("\"aws_vpc\""), "{code}");
    assert!(text_of(&root, ".findings").contains("CKV_AWS_24"));

    type_into(&root, "f-instances-0-instance_type", "t3.nano").await;
    assert!(text_of(&root, ".panel pre.code").contains("\"t3.nano\""));
    let renders = document()
        .body()
        .and_then(|b| b.get_attribute("data-renders"))
        .and_then(|n| n.parse::<u64>().ok())
        .unwrap_or(0);
    assert!(renders >= 2, "the render counter moves ({renders})");

    type_into(&root, "f-network-vpc_cidr", "10.0.0.0/99").await;
    // Issue 17: the last valid files stay, dimmed and marked out of date, below the problems.
    assert!(text_of(&root, ".panel .files.stale pre.code").contains("\"t3.nano\""));
    assert!(text_of(&root, ".panel .stale-note").contains("Out of date"));
    // Named as the form labels the field (issue 17), not by its path.
    assert!(text_of(&root, ".panel .problems").contains("Network › VPC CIDR block"));
    assert!(text_of(&root, "#f-network-vpc_cidr-msg").contains("not a CIDR block"));
    let input = root
        .query_selector("#f-network-vpc_cidr")
        .ok()
        .flatten()
        .expect("input");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));

    // A refused paste: the message shows and the input gets the stored value back.
    type_into(&root, "f-provider-profile", "AKIAIOSFODNN7EXAMPLE").await;
    assert!(text_of(&root, "#f-provider-profile-msg").contains("not saved"));
    let profile: HtmlInputElement = root
        .query_selector("#f-provider-profile")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .expect("profile input");
    assert_eq!(profile.value(), "");
    root.remove();
}

pub(super) fn control<T: JsCast>(root: &Element, id: &str) -> T {
    root.query_selector(&format!("#{id}"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .expect("the control")
}

pub(super) fn fire(target: &web_sys::EventTarget, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}

/// A finding's fix button and its link to the field work: the link focuses the field, the
/// button applies the fix.
#[wasm_bindgen_test]
async fn a_finding_fix_button_and_field_link_work_through_the_list() {
    let root = mount().await;
    let finding = |check: &str| {
        root.query_selector(&format!(".findings .finding[data-check=\"{check}\"]"))
            .ok()
            .flatten()
    };
    let link: web_sys::HtmlElement = finding("CKV_AWS_126")
        .and_then(|f| f.query_selector("a[href^='#f-']").ok().flatten())
        .and_then(|a| a.dyn_into().ok())
        .expect("the monitoring finding links to its field");
    link.click();
    let focused = document().active_element().map(|e| e.id()).unwrap_or_default();
    assert_eq!(focused, "f-instances-0-monitoring", "the link focuses the field");
    assert!(
        !browser::fragment().starts_with("f-"),
        "and does not put it in the address bar"
    );

    let button: web_sys::HtmlElement = finding("CKV_AWS_126")
        .and_then(|f| f.query_selector("button[data-fix]").ok().flatten())
        .and_then(|b| b.dyn_into().ok())
        .expect("the monitoring finding has a fix button");
    button.click();
    yew::scheduler::flush().await;
    assert!(finding("CKV_AWS_126").is_none(), "the fix removed the finding");
    assert!(finding("CKV_AWS_79").is_some(), "and only that one");
    let monitoring: HtmlInputElement = control(&root, "f-instances-0-monitoring");
    assert!(monitoring.checked(), "the fix is in the form");
    assert!(text_of(&root, ".panel pre.code").contains("\"monitoring\": true"));
}

/// A checkbox's `change` and a select's and a textarea's `input` reach the document.
#[wasm_bindgen_test]
async fn checkboxes_and_selects_edit_through_the_form() {
    let root = mount().await;
    assert!(!text_of(&root, ".panel pre.code").contains("\"monitoring\": true"));
    let monitoring: HtmlInputElement = control(&root, "f-instances-0-monitoring");
    monitoring.set_checked(true);
    fire(&monitoring, "change");
    yew::scheduler::flush().await;
    assert!(text_of(&root, ".panel pre.code").contains("\"monitoring\": true"));
    // The finding it fixes is gone, and the gutter still numbers every line.
    assert!(!text_of(&root, ".findings").contains("CKV_AWS_126"));
    let lines = root
        .query_selector_all(".panel pre.code code .ln")
        .expect("lines")
        .length();
    assert_eq!(text_of(&root, ".panel pre.code .gutter").lines().count() as u32, lines);

    let region: web_sys::HtmlSelectElement = control(&root, "f-provider-region");
    region.set_value("eu-west-1");
    fire(&region, "input");
    yew::scheduler::flush().await;
    // The document took the region: the zone suggestions follow it, and (issue 17) the
    // subnet's zone moved to the same letter in the new region, with a notice.
    assert!(root
        .query_selector("#zones option[value='eu-west-1a']")
        .ok()
        .flatten()
        .is_some());
    let zone: web_sys::HtmlInputElement = control(&root, "f-network-subnets-0-availability_zone");
    assert_eq!(zone.value(), "eu-west-1a");
    assert!(text_of(&root, ".banner").contains("ap-southeast-2a → eu-west-1a"));
    assert!(root.query_selector(".panel .problems").ok().flatten().is_none());
    let selected: web_sys::HtmlSelectElement = control(&root, "f-provider-region");
    assert_eq!(selected.value(), "eu-west-1", "the re-rendered options keep the choice");

    // A textarea's input reaches the document the same way.
    let user_data: web_sys::HtmlTextAreaElement = control(&root, "f-instances-0-user_data");
    user_data.set_value("#!/bin/sh\necho from-the-textarea");
    fire(&user_data, "input");
    yew::scheduler::flush().await;
    // The autosave runs a moment after the edit; write it now instead of waiting.
    assert!(autosave::flush());
    let saved = saved().unwrap_or_default();
    assert!(saved.contains("echo from-the-textarea"), "{saved}");
    root.remove();
}

/// Hostile document values (in select options, zone suggestions, preview lines) must stay
/// text: no element they describe may appear, and the text must show as typed. (The first document does not validate, so it has options
/// and zones but no preview; the second is valid and carries markup into the preview.)
#[wasm_bindgen_test]
async fn hostile_values_stay_text_in_the_html_the_app_inserts() {
    let mut doc = Document::default();
    doc.provider.region = r#""><img id="pwn-region" src="x">"#.into();
    doc.instances[0].subnet = r#"</option></select><b id="pwn-subnet">x</b>"#.into();
    doc.network.subnets[0].name = r#"<b id='pwn-name'>&amp;"#.into();
    doc.network.subnets[0].availability_zone = "<i id=pwn-zone>".into();
    doc.security_group.description = "</code><b id=pwn-desc>".into();
    let root = mount_with(Some(&doc.to_json())).await;
    let region: web_sys::HtmlSelectElement = control(&root, "f-provider-region");
    assert_eq!(
        region.value(),
        doc.provider.region,
        "the unknown region is kept, as text"
    );
    let subnet: web_sys::HtmlSelectElement = control(&root, "f-instances-0-subnet");
    assert_eq!(subnet.value(), doc.instances[0].subnet);
    let injected = document().query_selector("[id^=pwn]").ok().flatten();
    assert!(
        injected.is_none(),
        "an element came from a document value: {:?}",
        injected.map(|e| e.outer_html())
    );
    assert!(text_of(&root, "#f-provider-region").contains("id=\"pwn-region\""));
    root.remove();

    let mut doc = Document::default();
    doc.instances[0].user_data = "</span></code><b id=\"pwn-user\">&amp;".into();
    let root = mount_with(Some(&doc.to_json())).await;
    let code = text_of(&root, ".panel pre.code");
    assert!(
        code.contains(r#""user_data": "</span></code><b id=\"pwn-user\">&amp;""#),
        "{code}"
    );
    let injected = document().query_selector("[id^=pwn]").ok().flatten();
    assert!(
        injected.is_none(),
        "an element came from a document value: {:?}",
        injected.map(|e| e.outer_html())
    );
    root.remove();
}

/// Every text field of a document (with every optional part shown) has its control, named by
/// its path and showing its value, and flags (one of each part: network, outputs, an instance)
/// are checkboxes.
#[wasm_bindgen_test]
async fn every_field_has_a_control_named_by_its_path() {
    let mut doc = Document::default();
    doc.image.release = "custom".into();
    doc.network.flow_logs = true;
    doc.security_group.egress[0].protocol = "udp".into();
    doc.instances[0].tags.push(Default::default());
    doc.instances[0].tags[0].key = "Env".into();
    // The provisioner's fields that show with a choice: S3, a passphrase, an environment file.
    doc.provisioner.backend = "s3".into();
    doc.provisioner.encryption = "passphrase".into();
    doc.provisioner.credentials = "environment-file".into();
    // The host's NixOS fields show while it is on; nginx's while nginx is on (issue 14).
    doc.instances[0].nixos.enabled = true;
    doc.instances[0].nixos.nginx = true;
    let root = mount_with(Some(&doc.to_json())).await;
    let mut texts = Vec::new();
    doc.visit_texts(&mut |path, text| texts.push((path.to_owned(), text.to_owned())));
    assert!(texts.len() > 40, "{}", texts.len());
    // The KMS key shows with KMS encryption, instead of the passphrase file (below).
    texts.retain(|(path, _)| path != "provisioner.encryption_kms_key_id");
    for (path, text) in texts {
        let id = nixform::ui::field::field_id(&path);
        let control: Element = control(&root, &id);
        assert_eq!(control.get_attribute("name").as_deref(), Some(path.as_str()), "{id}");
        let value = js_sys::Reflect::get(&control, &"value".into())
            .ok()
            .and_then(|v| v.as_string());
        assert_eq!(value.as_deref(), Some(text.as_str()), "{path}");
    }
    for path in [
        "network.flow_logs",
        "outputs.ssh_command",
        "instances[0].monitoring",
        "instances[0].nixos.enabled",
        "instances[0].nixos.fail2ban",
    ] {
        let check: HtmlInputElement = control(&root, &nixform::ui::field::field_id(path));
        assert_eq!(check.type_(), "checkbox", "{path}");
    }
    root.remove();
    doc.provisioner.encryption = "kms".into();
    let root = mount_with(Some(&doc.to_json())).await;
    let path = "provisioner.encryption_kms_key_id";
    let control: Element = control(&root, &nixform::ui::field::field_id(path));
    assert_eq!(control.get_attribute("name").as_deref(), Some(path));
    let passphrase = root.query_selector(&format!(
        "#{}",
        nixform::ui::field::field_id("provisioner.passphrase_file")
    ));
    assert!(
        matches!(passphrase, Ok(None)),
        "the passphrase file is not asked for with KMS"
    );
    root.remove();
}

/// Removing a row keeps the other rows: their controls are the same elements, with their
/// values, named by their new paths, and the focused one stays focused.
#[wasm_bindgen_test]
async fn removing_a_row_keeps_focus_and_values_in_the_other_rows() {
    let mut doc = Document::default();
    for (name, cidr) in [("second", "10.10.0.128/26"), ("third", "10.10.0.192/26")] {
        let mut subnet = doc.network.subnets[0].clone();
        subnet.name = name.into();
        subnet.cidr = cidr.into();
        doc.network.subnets.push(subnet);
    }
    let root = mount_with(Some(&doc.to_json())).await;
    let first: HtmlInputElement = control(&root, "f-network-subnets-0-cidr");
    let third: HtmlInputElement = control(&root, "f-network-subnets-2-cidr");
    first.focus().expect("focus");
    let remove: web_sys::HtmlElement = root
        .query_selector("button[aria-label='Remove subnet 2']")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into().ok())
        .expect("the second subnet's remove button");
    remove.click();
    yew::scheduler::flush().await;
    let kept: HtmlInputElement = control(&root, "f-network-subnets-0-cidr");
    assert!(kept.is_same_node(Some(&first)), "the row above keeps its elements");
    let moved: HtmlInputElement = control(&root, "f-network-subnets-1-cidr");
    assert!(moved.is_same_node(Some(&third)), "the row below keeps its elements");
    assert_eq!(moved.value(), "10.10.0.192/26");
    assert_eq!(moved.name(), "network.subnets[1].cidr");
    let focused = document().active_element().map(|e| e.id()).unwrap_or_default();
    assert_eq!(focused, "f-network-subnets-0-cidr");
    root.remove();
}

/// The same refused paste twice: the stored value comes back into the field both times.
#[wasm_bindgen_test]
async fn a_paste_refused_twice_is_taken_out_of_the_field_twice() {
    let root = mount().await;
    for _ in 0..2 {
        type_into(&root, "f-provider-profile", "AKIAIOSFODNN7EXAMPLE").await;
        assert!(text_of(&root, "#f-provider-profile-msg").contains("not saved"));
        let profile: HtmlInputElement = control(&root, "f-provider-profile");
        assert_eq!(profile.value(), "", "the stored value is back");
    }
    root.remove();
}
