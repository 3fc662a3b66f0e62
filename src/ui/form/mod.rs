//! The form: one fieldset per section of the document, in the order of the files they
//! describe, and the rows of its lists (subnets, rules, instances, tags) in files of their own.
//! The sections are view functions, redrawn with the form; the rows with fields of their own
//! (subnets, rules, instance cards) are components, and so are the controls, which skip their
//! re-render when unchanged (a component type costs about 700 bytes of shipped gzip, so markup
//! drawn by one parent is a function: docs/performance.md).
//!
//! Every row gets the document as a [`DocPart`]: the shared document (an `Rc`, never a copy)
//! and the [`Part`] it shows, compared only on that part. So a keystroke re-renders the card
//! or row it happened in, not all of them. Sections lay out
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
use crate::model::document::RuleDoc;
use crate::model::edit::Direction;
use crate::model::fixups::instances_in_subnet;
use crate::model::Document;

/// Which part of the document a row shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Subnet(usize),
    Rule(Direction, usize),
    Instance(usize),
}

/// The rules in `direction`.
pub fn rules(doc: &Document, direction: Direction) -> &[RuleDoc] {
    match direction {
        Direction::Ingress => &doc.security_group.ingress,
        Direction::Egress => &doc.security_group.egress,
    }
}

impl Part {
    /// Whether `a` and `b` agree on everything this part shows.
    fn same(self, a: &Document, b: &Document) -> bool {
        match self {
            // A subnet's row asks before removing a subnet that instances use, so it also
            // shows how many do: an instance moved into it changes the row's question.
            Part::Subnet(i) => {
                a.network.subnets.get(i) == b.network.subnets.get(i)
                    && instances_in_subnet(a, i) == instances_in_subnet(b, i)
            }
            Part::Rule(direction, i) => rules(a, direction).get(i) == rules(b, direction).get(i),
            // The subnets' names a card picks from are a prop of their own.
            Part::Instance(i) => a.instances.get(i) == b.instances.get(i),
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

/// What a section with lists draws from: the document, the form's messages and dispatcher,
/// and the ids of its rows.
#[derive(Clone, Copy)]
pub struct Section<'a> {
    pub doc: &'a Rc<Document>,
    pub form: &'a FormCtx,
    pub keys: &'a Keys,
}

impl Section<'_> {
    /// A row's part of the document.
    pub fn part(&self, part: Part) -> DocPart {
        DocPart::new(self.doc, part)
    }
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
    let section = Section {
        doc: &props.doc,
        form: &form,
        keys: &props.keys,
    };
    html! {
        <form autocomplete="off" spellcheck="false" novalidate=true class="stack-form"
            onsubmit={|e: SubmitEvent| e.prevent_default()}>
            { mode::mode(&props.doc, &form) }
            { provider::provider(&props.doc, &form) }
            { image::image(&props.doc, &form) }
            { network::network(section) }
            { security_group::security_group(section) }
            { key_pair::key_pair(&props.doc, &form) }
            { instances::instances(section) }
            { outputs::outputs(&props.doc, &form) }
            { provisioner::provisioner(&props.doc, &form) }
            { instance_types::instance_types() }
        </form>
    }
}
