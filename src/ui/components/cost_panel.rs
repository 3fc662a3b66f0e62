//! The monthly cost panel: the items of the estimate (`render::cost`), those billed alike for
//! several instances in one row ("2 × EC2 instance t2.medium"), with what they cost or how
//! they are billed, the total, and the date of the prices; "no price data for this region" where
//! the table has none. While the form has errors it shows the last valid stack's estimate,
//! dimmed, like the previews.
//!
//! A view function, not a component: no hooks, one parent, and a component type costs about
//! 700 bytes of shipped gzip (docs/performance.md).

use yew::prelude::*;

use crate::render::cost::{Estimate, Group, Micros};
use crate::ui::outcome::Ready;

fn row(group: Group<'_>) -> Html {
    let monthly = group.monthly.map_or_else(|| "—".to_owned(), Micros::to_cents_text);
    let (item, from) = match group.count {
        1 => (group.item.to_owned(), group.first.to_owned()),
        n => (
            format!("{n} × {}", group.item),
            format!("{} and {} more", group.first, n - 1),
        ),
    };
    html! {
        <tr>
            <th scope="row">
                { item }<span class="basis"><code>{ from }</code>{ " · " }{ group.basis }</span>
            </th>
            <td class="num">{ monthly }</td>
        </tr>
    }
}

fn table(e: &Estimate) -> Html {
    let total = e.monthly_total.to_cents_text();
    let incomplete = (!e.complete).then_some(", without the items that have no price");
    html! {
        <>
            <table class="cost-table">
                <tbody>{ for e.groups().into_iter().map(row) }</tbody>
                <tfoot>
                    <tr><th scope="row">{ "Total a month" }</th><td class="num">{ total }</td></tr>
                </tfoot>
            </table>
            <p class="help">
                { format!("On-demand Linux in {}, {} hours a month{}; prices as of {}.",
                    e.region, e.hours_per_month, incomplete.unwrap_or_default(), e.prices_as_of) }
            </p>
        </>
    }
}

/// The panel for the last valid stack (`None` before there is one); `stale` while the form
/// has errors.
pub fn cost_panel(ready: Option<&Ready>, stale: bool) -> Html {
    let body = match ready.map(|r| &r.estimate) {
        None => html! { <p class="help">{ "The estimate appears when the form has no errors." }</p> },
        Some(Ok(e)) => table(e),
        Some(Err(e)) => html! { <p class="help">{ format!("No estimate: {e}.") }</p> },
    };
    html! {
        <section id="cost" aria-labelledby="cost-title" class={classes!("cost", stale.then_some("stale"))}>
            <h2 id="cost-title">{ "Monthly cost" }</h2>
            if stale {
                <p class="stale-note">{ "Out of date: the estimate of the last valid form." }</p>
            }
            { body }
        </section>
    }
}
