//! One tag's row of an instance: its key and value, and its remove button.

use yew::prelude::*;

use super::DocPart;
use crate::model::edit::Text;
use crate::ui::components::text_field::TextField;
use crate::ui::field::FormCtx;
use crate::ui::state::Action;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The instance's index.
    pub instance: usize,
    /// The tag's index in the instance's tags.
    pub index: usize,
    pub doc: DocPart,
    pub form: FormCtx,
}

#[component]
pub fn TagRow(props: &Props) -> Html {
    let Props {
        instance,
        index,
        doc,
        form,
    } = props;
    let (i, j) = (*instance, *index);
    let f = form.bind(doc);
    html! {
        <div role="group" aria-label={format!("Tag {}", j + 1)} class="row-card tag">
            <div class="grid">
                <TextField bind={f.text(Text::TagKey(i, j))} help="e.g. Environment." />
                <TextField bind={f.text(Text::TagValue(i, j))} help="e.g. production." />
            </div>
            <button type="button" aria-label={format!("Remove tag {} of instance {}", j + 1, i + 1)} class="btn remove"
                onclick={form.on_click(Action::RemoveTag(i, j))}>{ "Remove" }</button>
        </div>
    }
}
