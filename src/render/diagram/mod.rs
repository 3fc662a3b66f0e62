//! The live diagram (issue 16): a typed [`Stack`] in, one SVG document out, drawn from the
//! same lowered Terraform document that `config.tf.json` prints.
//!
//! The region holds the VPC, which holds a column per availability zone (an automatic zone is
//! a column of its own), which holds the subnets, which hold the instances. Every resource,
//! data source and module block of the document is exactly one node carrying its Terraform
//! address (`data-address`) and the form section that edits it (`data-section`); containers
//! that are no block carry `data-container` instead, and what a module makes itself
//! `data-part-of`. `scene` decides what is drawn (`node` what each box says), `layout` where (integer coordinates, so
//! the output is byte-for-byte deterministic), `svg` writes it.
//!
//! Does not belong here: anything a browser does with the SVG (the `ui`), and a second
//! escaper: all text goes through `highlight::escape_html`.

mod layout;
mod node;
mod scene;
mod svg;

pub use svg::STYLE;

use thiserror::Error;

use super::terraform;
use crate::model::Stack;

/// The form's section ids (`id="section-…"` in `src/ui/form`), for `data-section`.
mod sections {
    pub const PROVIDER: &str = "section-provider";
    pub const IMAGE: &str = "section-image";
    pub const NETWORK: &str = "section-network";
    pub const SECURITY_GROUP: &str = "section-security-group";
    pub const KEY_PAIR: &str = "section-key-pair";
    pub const INSTANCES: &str = "section-instances";
}

/// Why a valid stack could not be drawn; neither happens with the types nixform has.
#[derive(Debug, Error)]
pub enum DiagramError {
    #[error("the Terraform document cannot be read: {0}")]
    Document(#[from] serde_json::Error),
    #[error("the SVG could not be written")]
    Write(#[from] std::fmt::Error),
}

/// The diagram of `stack` as an SVG document with its own style (with a trailing newline):
/// what `nixform diagram` writes and the app downloads.
///
/// The blocks are those of `terraform::lower`, the document `config.tf.json` prints. It is
/// lowered without the host files: they only become user data, never blocks, so no Nix is
/// rendered for the diagram.
pub fn diagram(stack: &Stack) -> Result<String, DiagramError> {
    draw(stack, true)
}

/// The same SVG without its `<style>` element, for a page that applies [`STYLE`] itself.
pub fn diagram_for_page(stack: &Stack) -> Result<String, DiagramError> {
    draw(stack, false)
}

fn draw(stack: &Stack, style: bool) -> Result<String, DiagramError> {
    let document = terraform::lower(stack, &[]).to_value()?;
    let scene = scene::Scene::new(stack, &document);
    let drawing = layout::layout(&scene);
    let n = stack.instances.len();
    let title = format!(
        "Diagram of the stack: region {}, VPC {}, {n} instance{}",
        stack.provider.region,
        stack.network.vpc_name,
        if n == 1 { "" } else { "s" }
    );
    Ok(svg::write(&drawing, &title, style)?)
}
