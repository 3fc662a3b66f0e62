//! The form: one fieldset per file, each a memoised part of the document.
//!
//! Every section, instance card and rule row is the one [`Part`] component, told by [`Which`]
//! what to lay out. Its props hold the whole document (an `Rc`, never a copy) and compare only
//! the part it shows, so a keystroke re-renders the section, card or row it happened in, not
//! all of them. Sections only lay out fields (through [`Fields`]) and dispatch list edits; they
//! never validate, render outputs or call browser APIs. The form listens for input once, for
//! all its fields. The instance-type suggestions live here; the zone suggestions, which follow
//! the region, in `network`.
//!
//! Each section's layout is a markup template ([`dom::template`]) read against a [`Ctx`]: one
//! struct of the document and its path. In a template, `{name|label|help|control}` is a field
//! of that struct: its value is read by name through the document's field table
//! ([`crate::model::fields`]) and its path is the struct's path and the name, so a field cannot
//! show one value and edit another. The control is a text input unless it says `number`,
//! `area`, `check`, `list ID` (suggestions from a datalist), `select V=LABEL;…`, `regions` or
//! `subnets`. `{!name}` is the message of the list `name`; `{?name}` … `{/}` shows when the flag
//! `name` is set, `{?name=value}` when the text is `value`; `{=hook}` is code ([`Ctx::hook`]),
//! and in a start tag `{label}` is a row's aria-label, `{add-…}`, `{remove}` and `{in LABEL}` /
//! `{out LABEL}` (a rule preset) the action of a list button.

mod image;
mod instances;
mod key_pair;
mod network;
mod outputs;
mod provider;
mod provisioner;
mod security_group;

use std::rc::Rc;

use yew::html::onsubmit;
use yew::prelude::*;
use yew::virtual_dom::VComp;

use super::dom::{self, El, Fill, Slot, Slots};
use super::field::{Fields, Kind};
use super::state::Action;
use crate::model::document::RuleDoc;
use crate::model::fields::{Field, Fields as Struct};
use crate::model::Document;

/// Common instance types for the type field's suggestions (any `family.size` is accepted), as
/// the datalist's HTML.
const INSTANCE_TYPES: &str = concat!(
    "<option value=\"t2.micro\"></option><option value=\"t2.small\"></option>",
    "<option value=\"t2.medium\"></option><option value=\"t2.large\"></option>",
    "<option value=\"t3.micro\"></option><option value=\"t3.small\"></option>",
    "<option value=\"t3.medium\"></option><option value=\"t3.large\"></option>",
    "<option value=\"t3.xlarge\"></option><option value=\"t3a.micro\"></option>",
    "<option value=\"t3a.small\"></option><option value=\"t3a.medium\"></option>",
    "<option value=\"t3a.large\"></option><option value=\"t4g.micro\"></option>",
    "<option value=\"t4g.small\"></option><option value=\"t4g.medium\"></option>",
    "<option value=\"t4g.large\"></option><option value=\"m5.large\"></option>",
    "<option value=\"m5.xlarge\"></option><option value=\"m6i.large\"></option>",
    "<option value=\"m6i.xlarge\"></option><option value=\"m7g.medium\"></option>",
    "<option value=\"m7g.large\"></option><option value=\"m7g.xlarge\"></option>",
    "<option value=\"c6i.large\"></option><option value=\"c6i.xlarge\"></option>",
    "<option value=\"c7g.medium\"></option><option value=\"c7g.large\"></option>",
    "<option value=\"c7g.xlarge\"></option><option value=\"r6i.large\"></option>",
    "<option value=\"r6i.xlarge\"></option>",
);

/// The form over `doc`.
pub fn form(doc: &Rc<Document>, f: &Fields) -> Html {
    const SECTIONS: [Which; 8] = [
        Which::Provider,
        Which::Image,
        Which::Network,
        Which::SecurityGroup,
        Which::KeyPair,
        Which::Instances,
        Which::Outputs,
        Which::Provisioner,
    ];
    let on_submit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let mut slots = vec![
        ("form", Slot::On(Rc::new(onsubmit::Wrapper::new(on_submit)))),
        ("form", Slot::On(dom::input(f.on_input()))),
        ("form", Slot::On(dom::change(f.on_change()))),
        (
            "types",
            Slot::Node(Html::from_html_unchecked(AttrValue::Static(INSTANCE_TYPES))),
        ),
    ];
    slots.extend(SECTIONS.iter().map(|w| ("sections", Slot::Node(part(doc, *w, f)))));
    dom::template(FORM, &mut Slots(slots))
}

const FORM: &str = r#"
<form autocomplete="off" spellcheck="false" novalidate="novalidate" {form} class="stack-form">
  {sections}
  <datalist id="instance-types">{types}</datalist>
</form>"#;

/// Which part of the document a [`Part`] lays out.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Provider,
    Image,
    Network,
    SecurityGroup,
    /// One row of the inbound (`egress: false`) or outbound rules.
    Rule {
        egress: bool,
        index: usize,
    },
    KeyPair,
    Instances,
    /// One instance card.
    Instance(usize),
    Outputs,
    Provisioner,
}

fn rules(d: &Document, egress: bool) -> &[RuleDoc] {
    if egress {
        &d.security_group.egress
    } else {
        &d.security_group.ingress
    }
}

fn same_subnet_names(a: &Document, b: &Document) -> bool {
    a.network.subnets.len() == b.network.subnets.len()
        && a.network
            .subnets
            .iter()
            .zip(&b.network.subnets)
            .all(|(x, y)| x.name == y.name)
}

impl Which {
    /// Whether `a` and `b` agree on everything this part shows.
    fn same(self, a: &Document, b: &Document) -> bool {
        match self {
            Which::Provider => a.provider == b.provider,
            Which::Image => a.image == b.image,
            Which::Network => a.network == b.network && a.provider.region == b.provider.region,
            Which::SecurityGroup => a.security_group == b.security_group,
            Which::Rule { egress, index } => rules(a, egress).get(index) == rules(b, egress).get(index),
            Which::KeyPair => a.key_pair == b.key_pair,
            Which::Instances => a.instances == b.instances && same_subnet_names(a, b),
            Which::Instance(i) => a.instances.get(i) == b.instances.get(i) && same_subnet_names(a, b),
            Which::Outputs => a.outputs == b.outputs,
            Which::Provisioner => a.provisioner == b.provisioner,
        }
    }
}

#[derive(Properties)]
pub struct PartProps {
    pub doc: Rc<Document>,
    pub which: Which,
    pub fields: Fields,
}

impl PartialEq for PartProps {
    fn eq(&self, other: &Self) -> bool {
        self.which == other.which
            && self.fields == other.fields
            && (Rc::ptr_eq(&self.doc, &other.doc) || self.which.same(&self.doc, &other.doc))
    }
}

/// A part of the form that re-renders only when what it shows or the messages change (Yew
/// compares its props, see [`PartProps`]).
pub struct Part;

impl Component for Part {
    type Message = ();
    type Properties = PartProps;

    fn create(_: &Context<Self>) -> Self {
        Part
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let props = ctx.props();
        let (doc, f) = (&props.doc, &props.fields);
        let section = |d: &dyn Struct, base: &str, template: &'static str| {
            let mut cx = Ctx {
                d,
                base: base.to_owned(),
                row: Row::Section,
                index: 0,
                label: String::new(),
                doc,
                f,
            };
            dom::template(template, &mut cx)
        };
        match props.which {
            Which::Provider => section(&doc.provider, "provider", provider::TEMPLATE),
            Which::Image => section(&doc.image, "image", image::TEMPLATE),
            Which::Network => section(&doc.network, "network", network::TEMPLATE),
            Which::SecurityGroup => section(&doc.security_group, "security_group", security_group::TEMPLATE),
            Which::Rule { egress, index } => rules(doc, egress)
                .get(index)
                .map(|r| security_group::rule(r, egress, index, doc, f))
                .unwrap_or_default(),
            Which::KeyPair => section(&doc.key_pair, "key_pair", key_pair::TEMPLATE),
            Which::Instances => section(&**doc, "", instances::TEMPLATE),
            Which::Instance(i) => doc
                .instances
                .get(i)
                .map(|d| instances::instance(d, i, doc, f))
                .unwrap_or_default(),
            Which::Outputs => section(&doc.outputs, "outputs", outputs::TEMPLATE),
            Which::Provisioner => section(&doc.provisioner, "provisioner", provisioner::TEMPLATE),
        }
    }
}

/// The [`Part`] of `doc` that `which` names.
fn part(doc: &Rc<Document>, which: Which, f: &Fields) -> Html {
    let props = PartProps {
        doc: doc.clone(),
        which,
        fields: f.clone(),
    };
    VComp::new::<Part>(Rc::new(props), None).into()
}

/// What a [`Ctx`] lays out: a section, or one item of a list (its index is [`Ctx::index`]).
#[derive(Clone, Copy)]
enum Row {
    Section,
    Subnet,
    Rule {
        egress: bool,
    },
    Instance,
    /// A tag of the instance with this index.
    Tag(usize),
}

/// What a template is read against: one struct of the document and where it is.
pub struct Ctx<'a> {
    d: &'a dyn Struct,
    /// The path of `d` ("" for the document itself).
    base: String,
    row: Row,
    index: usize,
    /// A row's aria-label (an instance card's title).
    label: String,
    doc: &'a Rc<Document>,
    f: &'a Fields,
}

impl Ctx<'_> {
    /// The template read against `d`, list item `index` at `base`, of the same document.
    fn item(
        &self,
        d: &dyn Struct,
        base: String,
        row: Row,
        index: usize,
        label: String,
        template: &'static str,
    ) -> Html {
        let mut cx = Ctx {
            d,
            base,
            row,
            index,
            label,
            doc: self.doc,
            f: self.f,
        };
        dom::template(template, &mut cx)
    }

    /// The path of the field `name`.
    fn path(&self, name: &str) -> String {
        if self.base.is_empty() {
            name.to_owned()
        } else {
            [&self.base, ".", name].concat()
        }
    }

    /// The text (or flag) of the field `name`.
    fn value(&self, name: &str) -> (String, bool) {
        let mut out = (String::new(), false);
        self.d.for_each_field(&mut |n, field| match field {
            Field::Text(text) if n == name => out.0 = text.to_owned(),
            Field::Flag(flag) if n == name => out.1 = flag,
            _ => {}
        });
        out
    }

    /// The field `name`, edited with `control` (see the module doc).
    fn field(&self, name: &str, label: &'static str, help: &'static str, control: &'static str) -> Html {
        let (value, flag) = self.value(name);
        let (word, arg) = control.split_once(' ').unwrap_or((control, ""));
        let kind = match word {
            "number" => Kind::Number,
            "area" => Kind::Area,
            "list" => Kind::Suggest(arg),
            "select" => Kind::Select(arg),
            "regions" => Kind::Regions,
            "subnets" => Kind::Subnets(&self.doc.network.subnets),
            "check" => Kind::Check(flag),
            _ => Kind::Line,
        };
        self.f.field(&self.path(name), label, help, &value, kind)
    }

    /// `{=name}`: the nodes made by code.
    fn hook(&self, name: &str, out: &mut Vec<Html>) {
        match name {
            "subnets" => network::subnets(self, out),
            "inbound" => security_group::rules(self, false, out),
            "outbound" => security_group::rules(self, true, out),
            "ports" => security_group::ports(self, out),
            "instances" => instances::cards(self, out),
            "tags" => instances::tags(self, out),
            "zones" => network::zones(self, out),
            // "title"
            _ => out.push(dom::text(self.label.clone())),
        }
    }

    /// A click that dispatches `action`.
    fn on(&self, el: &mut El, aria: Option<String>, action: Action) {
        if let Some(aria) = aria {
            el.attr("aria-label", aria.into());
        }
        let on_edit = self.f.on_edit.clone();
        el.on_click(Callback::from(move |_| on_edit.emit(action.clone())));
    }
}

impl Fill for Ctx<'_> {
    fn nodes(&mut self, spec: &'static str, out: &mut Vec<Html>) {
        if let Some(hook) = spec.strip_prefix('=') {
            return self.hook(hook, out);
        }
        if let Some(list) = spec.strip_prefix('!') {
            return out.push(self.f.list_message(&self.path(list)));
        }
        let mut parts = spec.split('|');
        let mut next = || parts.next().unwrap_or_default();
        let (name, label, help, control) = (next(), next(), next(), next());
        out.push(self.field(name, label, help, control));
    }

    fn attrs(&mut self, spec: &'static str, el: &mut El) {
        let (i, n) = (self.index, (self.index + 1).to_string());
        if let Some((way, label)) = spec.split_once(' ') {
            let egress = way == "out";
            let aria = ["Add ", security_group::direction(egress), " rule: ", label].concat();
            return self.on(el, Some(aria), security_group::preset(egress, label));
        }
        match (spec, self.row) {
            ("label", _) => el.attr("aria-label", self.label.clone().into()),
            ("add-subnet", _) => self.on(el, None, Action::AddSubnet),
            ("add-instance", _) => self.on(el, None, Action::AddInstance),
            ("add-tag", _) => self.on(el, Some(["Add a tag to instance ", &n].concat()), Action::AddTag(i)),
            // "remove": this row.
            (_, Row::Subnet) => self.on(el, Some(["Remove subnet ", &n].concat()), Action::RemoveSubnet(i)),
            (_, Row::Rule { egress }) => {
                let aria = ["Remove ", security_group::direction(egress), " rule ", &n].concat();
                self.on(el, Some(aria), Action::RemoveRule { egress, index: i })
            }
            (_, Row::Tag(instance)) => {
                let aria = ["Remove tag ", &n, " of instance ", &(instance + 1).to_string()].concat();
                self.on(el, Some(aria), Action::RemoveTag(instance, i))
            }
            _ => self.on(el, Some(["Remove instance ", &n].concat()), Action::RemoveInstance(i)),
        }
    }

    fn shown(&mut self, spec: &'static str) -> bool {
        match spec.split_once('=') {
            Some((name, value)) => self.value(name).0 == value,
            None => self.value(spec).1,
        }
    }
}
