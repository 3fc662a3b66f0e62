//! The monthly cost estimate of a stack: each thing AWS bills by the hour or the gigabyte,
//! priced from the table in `data/aws-prices.json` (its sources and date are in the file and
//! in `docs/prices.md`) for 730 hours, and the things billed by use listed without a number.
//!
//! Prices are never guessed: a region the table does not hold is an error
//! ([`CostError::NoPrices`]), and an item the table has no price for (an instance type
//! outside the suggested ones, an io2 volume) is listed as unpriced, which makes the total
//! incomplete ([`Estimate::complete`]). Serialized, an estimate is what `nixform cost --json`
//! prints.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::model::stack::{Backend, Mode, Stack};

/// The price table, as committed.
const PRICES_JSON: &str = include_str!("../../data/aws-prices.json");

/// `data/aws-prices.json`.
#[derive(Debug, Deserialize)]
pub struct PriceTable {
    pub as_of: String,
    pub currency: String,
    pub global: GlobalPrices,
    pub hours_per_month: u32,
    pub missing: Vec<String>,
    pub regions: BTreeMap<String, RegionPrices>,
}

/// Prices that are the same in every region.
#[derive(Debug, Deserialize)]
pub struct GlobalPrices {
    pub public_ipv4_per_hour: f64,
    pub route53_hosted_zone_per_month: f64,
    pub sources: Vec<String>,
}

/// One region's prices.
#[derive(Debug, Deserialize)]
pub struct RegionPrices {
    /// By volume type (`gp3`, `gp2`, `io1`).
    pub ebs_per_gb_month: BTreeMap<String, f64>,
    /// On-demand Linux, by instance type.
    pub instances_per_hour: BTreeMap<String, f64>,
    pub nat_gateway_per_gb: f64,
    pub nat_gateway_per_hour: f64,
    pub sources: Vec<String>,
}

/// The committed price table, read once.
pub fn prices() -> &'static PriceTable {
    static TABLE: OnceLock<PriceTable> = OnceLock::new();
    TABLE.get_or_init(|| serde_json::from_str(PRICES_JSON).expect(TABLE_IS_VALID))
}

/// Why printing an estimate cannot fail: strings, finite numbers, booleans and lists.
const ESTIMATE_IS_JSON: &str = "an estimate is always representable as JSON";

/// Why reading the committed table cannot fail: `tests/cost.rs` reads it with this type.
const TABLE_IS_VALID: &str = "data/aws-prices.json is checked by tests/cost.rs";

/// Why a stack has no estimate.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum CostError {
    #[error("no price data for this region ({region}); the price table has {known}")]
    NoPrices { region: String, known: String },
}

/// The estimate of one stack.
#[derive(Debug, Serialize, PartialEq)]
pub struct Estimate {
    pub currency: String,
    /// The sum of the priced items, in dollars and cents.
    pub monthly_total: f64,
    /// False when an item that is not billed by use has no price in the table (the total
    /// leaves it out).
    pub complete: bool,
    pub region: String,
    pub hours_per_month: u32,
    pub items: Vec<Item>,
    pub prices_as_of: String,
}

/// One line of the estimate.
#[derive(Debug, Serialize, PartialEq)]
pub struct Item {
    /// What is billed, e.g. `EC2 instance t2.medium`.
    pub item: String,
    /// The Terraform address it comes from (`aws_instance.web`, `module.web`).
    pub address: String,
    /// Dollars a month, rounded to cents; `None` for what depends on use or has no price.
    pub monthly: Option<f64>,
    /// How it is billed: `730 h × $0.0584/h`, or [`BY_USE`], [`NO_PRICE`], [`CLOUDWATCH_METRICS`].
    pub basis: String,
}

fn cents(dollars: f64) -> f64 {
    (dollars * 100.0).round() / 100.0
}

/// The dollars of an exact figure, without the noise of binary fractions (`0.0584`, not
/// `0.058399999999999994`).
fn price(p: f64) -> String {
    let text = format!("{p:.6}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

struct Builder<'t> {
    hours: f64,
    items: Vec<Item>,
    total: f64,
    complete: bool,
    table: &'t PriceTable,
}

impl Builder<'_> {
    fn priced(&mut self, item: String, address: &str, monthly: f64, basis: String) {
        self.total += monthly;
        self.items.push(Item {
            item,
            address: address.to_owned(),
            monthly: Some(cents(monthly)),
            basis,
        });
    }

    fn hourly(&mut self, item: String, address: &str, per_hour: f64) {
        let basis = format!("{} h × ${}/h", self.hours, price(per_hour));
        self.priced(item, address, per_hour * self.hours, basis);
    }

    fn unpriced(&mut self, item: String, address: &str, basis: &str) {
        if basis != BY_USE {
            self.complete = false;
        }
        self.items.push(Item {
            item,
            address: address.to_owned(),
            monthly: None,
            basis: basis.to_owned(),
        });
    }
}

/// The basis of an item the table has no price for: the total leaves it out.
pub const NO_PRICE: &str = "no price data";
/// The basis of an item billed by use (traffic, log volume): listed without a number.
pub const BY_USE: &str = "depends on use";
/// The basis of detailed monitoring: a monthly fee per metric that the table does not hold.
pub const CLOUDWATCH_METRICS: &str = "billed per CloudWatch metric, not in the price table";

/// The monthly estimate of `stack` in its region.
pub fn estimate(stack: &Stack) -> Result<Estimate, CostError> {
    let table = prices();
    let region = stack.provider.region.as_str();
    let Some(prices) = table.regions.get(region) else {
        return Err(CostError::NoPrices {
            region: region.to_owned(),
            known: table.regions.keys().map(String::as_str).collect::<Vec<_>>().join(", "),
        });
    };
    let mut b = Builder {
        hours: f64::from(table.hours_per_month),
        items: Vec::new(),
        total: 0.0,
        complete: true,
        table,
    };
    for inst in &stack.instances {
        let address = match stack.mode {
            Mode::Resources => format!("aws_instance.{}", inst.name),
            Mode::Modules => format!("module.{}", inst.name),
        };
        let kind = inst.instance_type.as_str();
        match prices.instances_per_hour.get(kind) {
            Some(&per_hour) => b.hourly(format!("EC2 instance {kind}"), &address, per_hour),
            None => b.unpriced(format!("EC2 instance {kind}"), &address, NO_PRICE),
        }
        let volume = inst.root_volume_type.as_str();
        let gib = inst.root_volume_gib;
        let item = format!("EBS {volume} root volume, {gib} GiB");
        match prices.ebs_per_gb_month.get(volume) {
            Some(&per_gb) => {
                let basis = format!("{gib} GiB × ${}/GiB-month", price(per_gb));
                b.priced(item, &address, f64::from(gib) * per_gb, basis);
            }
            None => b.unpriced(item, &address, NO_PRICE),
        }
        if inst.public_ip {
            let per_hour = b.table.global.public_ipv4_per_hour;
            b.hourly("Public IPv4 address".into(), &address, per_hour);
        }
        if inst.monitoring {
            b.unpriced("CloudWatch detailed monitoring".into(), &address, CLOUDWATCH_METRICS);
        }
    }
    let vpc = match stack.mode {
        Mode::Resources => format!("aws_vpc.{}", stack.network.vpc_name),
        Mode::Modules => format!("module.{}", stack.network.vpc_name),
    };
    b.unpriced("Data transfer out to the internet".into(), &vpc, BY_USE);
    if stack.network.flow_logs.is_some() {
        let address = match stack.mode {
            Mode::Resources => format!(
                "aws_cloudwatch_log_group.{}",
                stack.network.vpc_name.suffixed("-flow-logs")
            ),
            Mode::Modules => vpc.clone(),
        };
        b.unpriced(
            "Flow log ingestion and storage (CloudWatch Logs)".into(),
            &address,
            BY_USE,
        );
    }
    if let Backend::S3(_) = stack.provisioner.backend {
        b.unpriced(
            "S3 state bucket (storage, requests)".into(),
            "aws_s3_bucket.state",
            BY_USE,
        );
    }
    Ok(Estimate {
        currency: table.currency.clone(),
        monthly_total: cents(b.total),
        complete: b.complete,
        region: region.to_owned(),
        hours_per_month: table.hours_per_month,
        items: b.items,
        prices_as_of: table.as_of.clone(),
    })
}

impl Estimate {
    /// The estimate as JSON, keys sorted, two-space indent, trailing newline (`nixform cost
    /// --json`).
    pub fn to_json(&self) -> String {
        let value = serde_json::to_value(self).expect(ESTIMATE_IS_JSON);
        let mut text = serde_json::to_string_pretty(&value).expect(ESTIMATE_IS_JSON);
        text.push('\n');
        text
    }

    /// The estimate as text: one line per item, then the total.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for i in &self.items {
            let monthly = i.monthly.map_or_else(|| "—".to_owned(), |m| format!("${m:.2}"));
            out.push_str(&format!("{monthly:>10}  {}  ({}; {})\n", i.item, i.address, i.basis));
        }
        let incomplete = if self.complete {
            ""
        } else {
            ", without the items that have no price"
        };
        out.push_str(&format!(
            "{:>10}  a month in {}, {} hours{incomplete}; prices as of {}\n",
            format!("${:.2}", self.monthly_total),
            self.region,
            self.hours_per_month,
            self.prices_as_of
        ));
        out
    }
}
