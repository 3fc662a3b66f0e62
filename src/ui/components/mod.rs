//! The page's components, one per file: a `#[component]` where it has hooks or where skipping
//! its re-render matters, a view function returning `Html` where it is markup over its
//! arguments drawn by one parent (the banner, the problems list, the address fix, list
//! messages, field links). Each component type costs the shipped app about 700 bytes of gzip
//! for Yew's machinery (docs/performance.md). The markup the form controls share is
//! [`control`].
//!
//! - the header and banner: [`header`] (with [`presets_menu`]), [`banner`], the phone's
//!   [`jump_bar`], and [`how_to_use`] (which way of using the files fits);
//! - the previews: [`preview`] over [`file_tabs`], [`toolbar`], [`listing`] (the highlighted
//!   file), [`diagram_view`] (the diagram's tab) and [`problems`] (the form's errors);
//! - the security panel: [`lint_panel`] over [`finding`] and [`cidr_fix`]; the monthly cost,
//!   [`cost_panel`], and the [`summary`] above the previews that links to them;
//! - the form's controls: [`text_field`], [`select_field`], [`checkbox`], [`list_message`],
//!   and [`field_link`] (a link that focuses a field).
//!
//! The form's sections, which lay these out, are in `ui::form`.

pub mod banner;
pub mod checkbox;
pub mod cidr_fix;
pub mod control;
pub mod cost_panel;
pub mod diagram_view;
pub mod field_link;
pub mod file_tabs;
pub mod finding;
pub mod header;
pub mod how_to_use;
pub mod jump_bar;
pub mod lint_panel;
pub mod list_message;
pub mod listing;
pub mod presets_menu;
pub mod preview;
pub mod problems;
pub mod select_field;
pub mod summary;
pub mod text_field;
pub mod toolbar;
