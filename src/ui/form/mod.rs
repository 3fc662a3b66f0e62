//! The form: one fieldset per section of the document, in the order of the files they
//! describe, and the rows of its lists (subnets, rules, instances, tags) in files of their own.
//! The sections with lists or many fields (network, security group, instances, provisioner) and
//! the rows are components; the small ones (mode, provider, image, key pair, outputs) are view
//! functions, redrawn with the form, whose controls skip their own re-render when unchanged.
//!
//! Every section component and row gets the document as a [`DocPart`]: the shared document (an `Rc`,
//! never a copy) and the [`Part`] it shows, compared only on that part. So a keystroke
//! re-renders the section, card or row it happened in, not all of them. Sections lay out
//! controls bound to typed fields (`ui::field`) and dispatch list edits; they never validate,
//! render outputs or call browser APIs. Rows are keyed by the stable ids of `ui::keys`.

mod host;
mod image;
mod instance_card;
mod instance_types;
mod instances;
mod key_pair;
mod mode;
mod network;
mod outputs;
mod provider;
mod provisioner;
mod rule_row;
mod security_group;
mod subnet_row;
mod tag_row;

use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use super::field::{FormCtx, Messages};
use super::keys::Keys;
use super::state::Action;
use crate::model::document::{RuleDoc, TagDoc};
use crate::model::edit::Direction;
use crate::model::Document;

/// Which part of the document a section or row shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Network,
    Subnet(usize),
    SecurityGroup,
    Rule(Direction, usize),
    Instances,
    Instance(usize),
    /// Tag `.1` of instance `.0`.
    Tag(usize, usize),
    Provisioner,
}

/// The rules in `direction`.
pub fn rules(doc: &Document, direction: Direction) -> &[RuleDoc] {
    match direction {
        Direction::Ingress => &doc.security_group.ingress,
        Direction::Egress => &doc.security_group.egress,
    }
}

fn tag(doc: &Document, instance: usize, index: usize) -> Option<&TagDoc> {
    doc.instances.get(instance)?.tags.get(index)
}

fn subnet_names(doc: &Document) -> impl Iterator<Item = &str> {
    doc.network.subnets.iter().map(|s| s.name.as_str())
}

impl Part {
    /// Whether `a` and `b` agree on everything this part shows.
    fn same(self, a: &Document, b: &Document) -> bool {
        match self {
            // The zone suggestions follow the region; the names the vpc module makes, the mode.
            Part::Network => a.network == b.network && a.provider.region == b.provider.region && a.mode == b.mode,
            Part::Subnet(i) => a.network.subnets.get(i) == b.network.subnets.get(i),
            Part::SecurityGroup => a.security_group == b.security_group,
            Part::Rule(direction, i) => rules(a, direction).get(i) == rules(b, direction).get(i),
            // An instance's subnet is picked from the subnets' names (which the section hands
            // to each card).
            Part::Instances => a.instances == b.instances && subnet_names(a).eq(subnet_names(b)),
            Part::Instance(i) => a.instances.get(i) == b.instances.get(i),
            Part::Tag(i, j) => tag(a, i, j) == tag(b, i, j),
            Part::Provisioner => a.provisioner == b.provisioner,
        }
    }
}

/// The document as one part of the form sees it: equal to another while that part is.
#[derive(Clone, Debug)]
pub struct DocPart {
    doc: Rc<Document>,
    part: Part,
}

impl DocPart {
    pub fn new(doc: &Rc<Document>, part: Part) -> Self {
        DocPart {
            doc: Rc::clone(doc),
            part,
        }
    }

    /// Another part of the same document (a row of this section).
    pub fn part(&self, part: Part) -> Self {
        DocPart::new(&self.doc, part)
    }
}

impl PartialEq for DocPart {
    fn eq(&self, other: &Self) -> bool {
        self.part == other.part && (Rc::ptr_eq(&self.doc, &other.doc) || self.part.same(&self.doc, &other.doc))
    }
}

impl Deref for DocPart {
    type Target = Document;
    fn deref(&self) -> &Document {
        &self.doc
    }
}

/// The props of a section: its part of the document, the messages and the dispatcher.
#[derive(Properties, PartialEq)]
pub struct SectionProps {
    pub doc: DocPart,
    pub form: FormCtx,
}

/// The props of a section with lists: also the ids of their rows.
#[derive(Properties, PartialEq)]
pub struct ListSectionProps {
    pub doc: DocPart,
    pub form: FormCtx,
    pub keys: Rc<Keys>,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub doc: Rc<Document>,
    pub keys: Rc<Keys>,
    pub messages: Rc<Messages>,
    pub dispatch: Callback<Action>,
}

/// The form over the document.
#[component]
pub fn Form(props: &Props) -> Html {
    let form = FormCtx {
        messages: Rc::clone(&props.messages),
        dispatch: props.dispatch.clone(),
    };
    let part = |part| DocPart::new(&props.doc, part);
    let keys = &props.keys;
    html! {
        <form autocomplete="off" spellcheck="false" novalidate=true class="stack-form"
            onsubmit={|e: SubmitEvent| e.prevent_default()}>
            { mode::mode(&props.doc, &form) }
            { provider::provider(&props.doc, &form) }
            { image::image(&props.doc, &form) }
            <network::Network doc={part(Part::Network)} form={form.clone()} keys={keys.clone()} />
            <security_group::SecurityGroup doc={part(Part::SecurityGroup)} form={form.clone()} keys={keys.clone()} />
            { key_pair::key_pair(&props.doc, &form) }
            <instances::Instances doc={part(Part::Instances)} form={form.clone()} keys={keys.clone()} />
            { outputs::outputs(&props.doc, &form) }
            <provisioner::Provisioner doc={part(Part::Provisioner)} {form} />
            { instance_types::instance_types() }
        </form>
    }
}
