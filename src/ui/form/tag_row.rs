//! One tag's row of an instance: its key and value, and its remove button.

use yew::prelude::*;

use crate::model::edit::Text;
use crate::model::Document;
use crate::ui::components::text_field::TextField;
use crate::ui::field::FormCtx;
use crate::ui::state::Action;

/// Tag `j` of instance `i`, keyed by `key` in its card's list (a view function: the card, its
/// one parent, redraws it with itself, and its fields skip their re-render when unchanged).
pub fn tag_row(key: u64, i: usize, j: usize, doc: &Document, form: &FormCtx) -> Html {
    let f = form.bind(doc);
    html! {
        <div {key} role="group" aria-label={format!("Tag {}", j + 1)} class="row-card tag">
            <div class="grid">
                <TextField bind={f.text(Text::TagKey(i, j))} help="e.g. Environment." />
                <TextField bind={f.text(Text::TagValue(i, j))} help="e.g. production." />
            </div>
            <button type="button" aria-label={format!("Remove tag {} of instance {}", j + 1, i + 1)} class="btn remove"
                onclick={form.on_click(Action::RemoveTag(i, j))}>{ "Remove" }</button>
        </div>
    }
}
