//! A labelled checkbox bound to one flag, with its help text and message.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::control::Control;
use crate::ui::field::FlagBinding;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub bind: FlagBinding,
    /// Instead of the field's own label (`Text::label`, `Flag::label`: the one source of the
    /// form's labels, which error messages use too); only where the form says more (ICMP).
    #[prop_or_default]
    pub label: AttrValue,
    #[prop_or_default]
    pub help: AttrValue,
}

fn checked(e: &Event) -> bool {
    e.target_unchecked_into::<HtmlInputElement>().checked()
}

#[component]
pub fn Checkbox(props: &Props) -> Html {
    let Props { bind, label, help } = props;
    let path = bind.field.path();
    let label = match label.is_empty() {
        true => AttrValue::Static(bind.field.label()),
        false => label.clone(),
    };
    let control = Control::new(&path, &label, help, bind.message.as_ref());
    let element = html! {
        <input type="checkbox" id={control.id.clone()} name={path} checked={bind.checked}
            aria-describedby={control.described_by()} aria-invalid={control.invalid()}
            onchange={bind.on_edit(checked)} />
    };
    control.frame(element, true)
}
