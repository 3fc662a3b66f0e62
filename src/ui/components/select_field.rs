//! A labelled `<select>` bound to one text field, with its help text and message. A value
//! that is not one of the choices (an imported or hand-edited document) is kept as an extra
//! first option, so showing the form never changes the document.
//!
//! The options carry `selected` for the first view; after that an effect sets the select's
//! value whenever the field's changes (a reset, an import), because an option's `selected`
//! attribute no longer moves the selection once the person has picked one.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::control::Control;
use crate::model::names::REGIONS;
use crate::ui::field::TextBinding;

/// What a select offers.
#[derive(Clone, Debug, PartialEq)]
pub enum Choices {
    /// (value, label) pairs.
    Fixed(&'static [(&'static str, &'static str)]),
    /// The AWS regions, shown as "code — name".
    Regions,
    /// Names from the document (the subnets'), each its own label.
    Names(Rc<[AttrValue]>),
}

impl Choices {
    /// (value, label) of every choice.
    fn options(&self) -> Vec<(AttrValue, AttrValue)> {
        match self {
            Choices::Fixed(list) => list
                .iter()
                .map(|&(value, label)| (AttrValue::Static(value), AttrValue::Static(label)))
                .collect(),
            Choices::Regions => REGIONS
                .iter()
                .map(|&(code, name)| (AttrValue::Static(code), format!("{code} — {name}").into()))
                .collect(),
            Choices::Names(names) => names.iter().map(|n| (n.clone(), n.clone())).collect(),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub bind: TextBinding,
    /// Instead of the field's own label (`Text::label`, `Flag::label`: the one source of the
    /// form's labels, which error messages use too); only where the form says more (ICMP).
    #[prop_or_default]
    pub label: AttrValue,
    #[prop_or_default]
    pub help: AttrValue,
    pub choices: Choices,
}

fn selected(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

#[component]
pub fn SelectField(props: &Props) -> Html {
    let Props {
        bind,
        label,
        help,
        choices,
    } = props;
    let select = use_node_ref();
    {
        let select = select.clone();
        use_effect_with(bind.value.clone(), move |value| {
            if let Some(select) = select.cast::<HtmlSelectElement>() {
                select.set_value(value);
            }
        });
    }
    let path = bind.field.path();
    let label = match label.is_empty() {
        true => AttrValue::Static(bind.field.label()),
        false => label.clone(),
    };
    let control = Control::new(&path, &label, help, bind.message.as_ref());
    let current = &bind.value;
    let options = choices.options();
    // First, before the options: Yew matches unkeyed children from the end, so the options
    // keep their elements when this one comes or goes.
    let unknown = (!options.iter().any(|(value, _)| value == current)).then(|| {
        html! { <option value={current} selected=true>{ format!("{current} (not a listed choice)") }</option> }
    });
    let options = options.into_iter().map(|(value, label)| {
        let selected = value == *current;
        html! { <option {value} {selected}>{ label }</option> }
    });
    let element = html! {
        <select id={control.id.clone()} name={path} aria-describedby={control.described_by()}
            aria-invalid={control.invalid()} ref={select} oninput={bind.on_edit(selected)}>
            { unknown }
            { for options }
        </select>
    };
    control.frame(element, false)
}
