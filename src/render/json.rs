//! Printing the Terraform document as `config.tf.json`: sorted keys (serde_json's map is
//! ordered), two-space indent, trailing newline: the layout terranix writes through `jq .`.

use serde::Serialize;

/// `value` as pretty JSON with a trailing newline.
pub fn print<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::with_capacity(8192);
    // The document has string keys only and no floats; writing it into a Vec cannot fail.
    let _ = serde_json::to_writer_pretty(&mut out, value);
    out.push(b'\n');
    String::from_utf8(out).unwrap_or_default()
}
