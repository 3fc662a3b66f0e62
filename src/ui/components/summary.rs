//! The strip above the previews: "7 resources · ≈ $49.16/month · 3 findings", each part a
//! link to its panel (the files, the cost, the security check). It follows the last valid
//! stack, like the panels it links to.
//!
//! A view function, not a component: no hooks, one parent, and a component type costs about
//! 700 bytes of shipped gzip (docs/performance.md).

use yew::prelude::*;

use super::jump_bar::jump_link;
use crate::ui::outcome::Ready;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The strip for the last valid stack; nothing before there is one.
pub fn summary(ready: Option<&Ready>, stale: bool) -> Html {
    let Some(ready) = ready else {
        return Html::default();
    };
    let files = &ready.files;
    let mut blocks = plural(files.resources, "resource", "resources");
    if files.modules > 0 {
        blocks = format!("{blocks}, {}", plural(files.modules, "module", "modules"));
    }
    let cost = match &ready.estimate {
        Ok(e) => format!("≈ {}/month", e.monthly_total.to_cents_text()),
        Err(_) => "no price data for this region".to_owned(),
    };
    let findings = plural(ready.findings.len(), "finding", "findings");
    html! {
        <p class={classes!("summary", stale.then_some("stale"))} aria-label="Summary of the stack">
            { jump_link("files", html! { { blocks } }) }
            <span aria-hidden="true">{ " · " }</span>
            { jump_link("cost", html! { { cost } }) }
            <span aria-hidden="true">{ " · " }</span>
            { jump_link("security", html! { { findings } }) }
        </p>
    }
}
