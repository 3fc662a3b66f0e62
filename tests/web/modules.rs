//! The form in modules mode: the mode's select, the network fields the vpc module names
//! itself, the findings that name a module's input, and the mode's own message.

use nixform::model::Document;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use super::mounted::{control, fire, mount_with, text_of};

async fn choose_mode(root: &Element, mode: &str) {
    let select: HtmlSelectElement = control(root, "f-mode");
    select.set_value(mode);
    fire(&select, "input");
    yew::scheduler::flush().await;
}

/// The gateway, route table and route fields: (disabled, help text, value) of each.
fn named_fields(root: &Element) -> Vec<(bool, String, String)> {
    ["gateway_name", "route_table_name", "route_name"]
        .iter()
        .map(|key| {
            let input: HtmlInputElement = control(root, &format!("f-network-{key}"));
            (
                input.disabled(),
                text_of(root, &format!("#f-network-{key}-help")),
                input.value(),
            )
        })
        .collect()
}

/// Switching to modules writes the modules, says the vpc module names the gateway, route
/// table and route (their fields rest with their values), and names each finding's input;
/// switching back gives the fields back as they were.
#[wasm_bindgen_test]
async fn the_mode_switches_the_stack_and_the_fields_the_vpc_module_names() {
    let root = mount_with(Some(&Document::default().to_json())).await;
    let resources = named_fields(&root);
    assert!(
        resources
            .iter()
            .all(|(disabled, help, _)| !disabled && help.contains("Terraform name")),
        "{resources:?}"
    );
    assert!(text_of(&root, ".panel pre.code").contains("\"aws_instance\""));

    choose_mode(&root, "modules").await;
    let code = text_of(&root, ".panel pre.code");
    assert!(code.contains("terraform-aws-modules/vpc/aws"), "{code}");
    assert!(!code.contains("\"aws_instance\""), "{code}");
    let modules = named_fields(&root);
    for ((disabled, help, value), (_, _, before)) in modules.iter().zip(&resources) {
        assert!(disabled, "{help}");
        assert!(help.contains("names this itself"), "{help}");
        assert_eq!(value, before, "the value stays");
    }
    // A finding on an instance module names the module and the input its fix sets.
    let imds = root
        .query_selector(".findings .finding[data-check=\"CKV_AWS_79\"] .where")
        .ok()
        .flatten()
        .and_then(|w| w.text_content())
        .unwrap_or_default();
    assert!(imds.contains("module.nixos_x86-64 · input metadata_options"), "{imds}");
    assert!(text_of(&root, ".findings").contains("CKV_TF_1"));

    choose_mode(&root, "resources").await;
    assert_eq!(named_fields(&root), resources);
    assert!(text_of(&root, ".panel pre.code").contains("\"aws_instance\""));
    assert!(!text_of(&root, ".findings").contains(" · input "));
    root.remove();
}

/// The mode's error shows next to its select; a gateway name with an error stays editable in
/// modules mode, so it can be fixed.
#[wasm_bindgen_test]
async fn the_mode_and_a_named_field_show_their_messages() {
    let mut doc = Document {
        mode: "modules".into(),
        ..Document::default()
    };
    doc.image.release = "25.11".into();
    doc.network.gateway_name = "bad name".into();
    let root = mount_with(Some(&doc.to_json())).await;
    assert!(
        text_of(&root, "#f-mode-msg").contains("6.37"),
        "{}",
        text_of(&root, "#f-mode-msg")
    );
    let select: HtmlSelectElement = control(&root, "f-mode");
    assert_eq!(select.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(select.value(), "modules");
    let gateway: HtmlInputElement = control(&root, "f-network-gateway_name");
    assert!(!gateway.disabled(), "a field with an error can be fixed");
    assert!(!text_of(&root, "#f-network-gateway_name-msg").is_empty());
    root.remove();
}
