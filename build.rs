//! Turns the committed price table (`data/aws-prices.json`) into Rust constants for
//! `render::cost` (`$OUT_DIR/prices.rs`): prices in millionths of a dollar, sorted slices
//! looked up by name. The app then carries the figures as data, not a JSON reader for them.
//! A price with more than six decimals, or a table of another shape, stops the build with a
//! message naming it.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

const TABLE: &str = "data/aws-prices.json";

fn micros(value: &Value, what: &str) -> u64 {
    let dollars = value
        .as_f64()
        .unwrap_or_else(|| panic!("{TABLE}: {what} is not a number: {value}"));
    let micros = (dollars * 1e6).round();
    assert!(
        dollars > 0.0 && (micros / 1e6 - dollars).abs() < 1e-12,
        "{TABLE}: {what} = {dollars} is not a positive price of at most six decimals"
    );
    micros as u64
}

fn object<'v>(value: &'v Value, what: &str) -> &'v serde_json::Map<String, Value> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("{TABLE}: {what} is not an object"))
}

fn text<'v>(value: &'v Value, what: &str) -> &'v str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("{TABLE}: {what} is not a string"))
}

/// `&[("name", Micros(n)), ...]`, sorted by name (the JSON object's order).
fn prices(value: &Value, what: &str) -> String {
    let mut out = String::from("&[");
    for (name, price) in object(value, what) {
        let _ = write!(
            out,
            "({name:?}, Micros({})), ",
            micros(price, &format!("{what}.{name}"))
        );
    }
    out.push(']');
    out
}

fn main() {
    println!("cargo::rerun-if-changed={TABLE}");
    let text_of_table = std::fs::read_to_string(TABLE).unwrap_or_else(|e| panic!("{TABLE}: {e}"));
    let table: Value = serde_json::from_str(&text_of_table).unwrap_or_else(|e| panic!("{TABLE}: {e}"));
    let global = &table["global"];
    let mut out = String::new();
    let _ = writeln!(out, "/// The date of the table's oldest source.");
    let _ = writeln!(out, "pub const AS_OF: &str = {:?};", text(&table["as_of"], "as_of"));
    let _ = writeln!(
        out,
        "pub const CURRENCY: &str = {:?};",
        text(&table["currency"], "currency")
    );
    let hours = table["hours_per_month"]
        .as_u64()
        .expect("hours_per_month is a whole number");
    let _ = writeln!(out, "pub const HOURS_PER_MONTH: u64 = {hours};");
    let ipv4 = micros(&global["public_ipv4_per_hour"], "global.public_ipv4_per_hour");
    let _ = writeln!(out, "pub const PUBLIC_IPV4_PER_HOUR: Micros = Micros({ipv4});");
    let zone = micros(
        &global["route53_hosted_zone_per_month"],
        "global.route53_hosted_zone_per_month",
    );
    let _ = writeln!(out, "pub const ROUTE53_ZONE_PER_MONTH: Micros = Micros({zone});");
    let _ = writeln!(out, "/// Region by region, sorted by name.");
    let _ = writeln!(out, "pub const REGIONS: &[RegionPrices] = &[");
    for (region, prices_of) in object(&table["regions"], "regions") {
        let what = format!("regions.{region}");
        let _ = writeln!(
            out,
            "    RegionPrices {{ region: {region:?}, instances_per_hour: {}, ebs_per_gb_month: {}, \
             nat_gateway_per_hour: Micros({}), nat_gateway_per_gb: Micros({}) }},",
            prices(&prices_of["instances_per_hour"], &format!("{what}.instances_per_hour")),
            prices(&prices_of["ebs_per_gb_month"], &format!("{what}.ebs_per_gb_month")),
            micros(
                &prices_of["nat_gateway_per_hour"],
                &format!("{what}.nat_gateway_per_hour")
            ),
            micros(&prices_of["nat_gateway_per_gb"], &format!("{what}.nat_gateway_per_gb")),
        );
    }
    let _ = writeln!(out, "];");
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("prices.rs"), out).expect("write prices.rs");
}
