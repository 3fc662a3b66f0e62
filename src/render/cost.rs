//! The monthly cost estimate of a stack: each thing AWS bills by the hour or the gigabyte,
//! priced from the table in `data/aws-prices.json` (its sources and date are in the file and
//! in `docs/prices.md`) for 730 hours, and the things billed by use listed without a number.
//!
//! Prices are never guessed: a region the table does not hold is an error
//! ([`CostError::NoPrices`]), and an item the table has no price for (an instance type
//! outside the suggested ones, an io2 volume) is listed as unpriced, which makes the total
//! incomplete ([`Estimate::complete`]). Serialized, an estimate is what `nixform cost --json`
//! prints.

use serde::Serialize;
use thiserror::Error;

use crate::model::stack::{Backend, Mode, Stack};

/// The committed price table, as constants (`build.rs` writes them from
/// `data/aws-prices.json`).
pub mod table {
    use super::Micros;

    /// One region's prices, each list sorted by name.
    #[derive(Debug)]
    pub struct RegionPrices {
        pub region: &'static str,
        /// On-demand Linux, by instance type.
        pub instances_per_hour: &'static [(&'static str, Micros)],
        /// By volume type (`gp2`, `gp3`, `io1`).
        pub ebs_per_gb_month: &'static [(&'static str, Micros)],
        pub nat_gateway_per_hour: Micros,
        pub nat_gateway_per_gb: Micros,
    }

    include!(concat!(env!("OUT_DIR"), "/prices.rs"));

    /// The price of `name` in a sorted list.
    pub fn find(list: &[(&str, Micros)], name: &str) -> Option<Micros> {
        list.binary_search_by(|(n, _)| (*n).cmp(name)).ok().map(|i| list[i].1)
    }

    /// The prices of `region`, if the table has them.
    pub fn region(region: &str) -> Option<&'static RegionPrices> {
        REGIONS.iter().find(|r| r.region == region)
    }
}

/// Why a stack has no estimate.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum CostError {
    #[error("no price data for this region ({region}); the price table has {known}")]
    NoPrices { region: String, known: String },
}

/// The estimate of one stack.
#[derive(Debug, Serialize, PartialEq)]
pub struct Estimate {
    pub currency: &'static str,
    /// The exact sum of the priced items (serialized in dollars and cents).
    pub monthly_total: Micros,
    /// False when an item that is not billed by use has no price in the table (the total
    /// leaves it out).
    pub complete: bool,
    pub region: String,
    pub hours_per_month: u64,
    pub items: Vec<Item>,
    pub prices_as_of: &'static str,
}

/// One line of the estimate.
#[derive(Debug, Serialize, PartialEq)]
pub struct Item {
    /// What is billed, e.g. `EC2 instance t2.medium`.
    pub item: String,
    /// The Terraform address it comes from (`aws_instance.web`, `module.web`).
    pub address: String,
    /// A month's amount (serialized in dollars and cents); `None` for what depends on use or
    /// has no price.
    pub monthly: Option<Micros>,
    /// How it is billed: `730 h × $0.0584/h`, or [`BY_USE`], [`NO_PRICE`], [`CLOUDWATCH_METRICS`].
    pub basis: String,
}

/// US dollars in millionths: every price of the table is a whole number of them, so sums are
/// exact, and amounts print without formatting floats. Serialized (`nixform cost --json`) as
/// dollars rounded to cents, a JSON number (`49.16`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Micros(pub u64);

impl Serialize for Micros {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.dollars())
    }
}

impl Micros {
    /// Rounded to whole cents.
    pub fn cents(self) -> u64 {
        (self.0 + 5_000) / 10_000
    }

    /// Rounded to cents, as a JSON number (`49.16`).
    fn dollars(self) -> f64 {
        self.cents() as f64 / 100.0
    }

    /// `$42.63`.
    pub fn to_cents_text(self) -> String {
        let c = self.cents();
        format!("${}.{:02}", c / 100, c % 100)
    }
}

/// The exact amount, trailing zeros cut: `$0.0584`, `$0.5`, `$2`.
impl std::fmt::Display for Micros {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (whole, frac) = (self.0 / 1_000_000, self.0 % 1_000_000);
        if frac == 0 {
            return write!(f, "${whole}");
        }
        let digits = format!("{frac:06}");
        write!(f, "${whole}.{}", digits.trim_end_matches('0'))
    }
}

struct Builder {
    items: Vec<Item>,
    total: Micros,
    complete: bool,
}

impl Builder {
    fn priced(&mut self, item: String, address: &str, monthly: Micros, basis: String) {
        self.total.0 += monthly.0;
        self.items.push(Item {
            item,
            address: address.to_owned(),
            monthly: Some(monthly),
            basis,
        });
    }

    fn hourly(&mut self, item: String, address: &str, per_hour: Micros) {
        let hours = table::HOURS_PER_MONTH;
        let basis = format!("{hours} h × {per_hour}/h");
        self.priced(item, address, Micros(per_hour.0 * hours), basis);
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
    let region = stack.provider.region.as_str();
    let Some(prices) = table::region(region) else {
        return Err(CostError::NoPrices {
            region: region.to_owned(),
            known: table::REGIONS.iter().map(|r| r.region).collect::<Vec<_>>().join(", "),
        });
    };
    let mut b = Builder {
        items: Vec::new(),
        total: Micros(0),
        complete: true,
    };
    for inst in &stack.instances {
        let address = stack.instance_address(inst);
        let kind = inst.instance_type.as_str();
        match table::find(prices.instances_per_hour, kind) {
            Some(per_hour) => b.hourly(format!("EC2 instance {kind}"), &address, per_hour),
            None => b.unpriced(format!("EC2 instance {kind}"), &address, NO_PRICE),
        }
        let volume = inst.root_volume_type.as_str();
        let gib = inst.root_volume_gib;
        let item = format!("EBS {volume} root volume, {gib} GiB");
        match table::find(prices.ebs_per_gb_month, volume) {
            Some(per_gb) => {
                let basis = format!("{gib} GiB × {per_gb}/GiB-month");
                b.priced(item, &address, Micros(per_gb.0 * u64::from(gib)), basis);
            }
            None => b.unpriced(item, &address, NO_PRICE),
        }
        if inst.public_ip {
            b.hourly("Public IPv4 address".into(), &address, table::PUBLIC_IPV4_PER_HOUR);
        }
        if inst.monitoring {
            b.unpriced("CloudWatch detailed monitoring".into(), &address, CLOUDWATCH_METRICS);
        }
    }
    let vpc = stack.vpc_address();
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
        currency: table::CURRENCY,
        monthly_total: b.total,
        complete: b.complete,
        region: region.to_owned(),
        hours_per_month: table::HOURS_PER_MONTH,
        items: b.items,
        prices_as_of: table::AS_OF,
    })
}

/// Items that are billed alike, together: the same item on the same basis, for several
/// instances (the app's panel shows one row per group).
#[derive(Debug, PartialEq)]
pub struct Group<'e> {
    pub item: &'e str,
    pub basis: &'e str,
    /// How many items: `2 × EC2 instance t2.medium`.
    pub count: usize,
    /// Their exact monthly sum; `None` when they have no figure.
    pub monthly: Option<Micros>,
    /// The address of the first.
    pub first: &'e str,
}

impl Estimate {
    /// The items grouped by what and how they bill, in the order they first appear.
    pub fn groups(&self) -> Vec<Group<'_>> {
        let mut groups: Vec<Group<'_>> = Vec::new();
        for i in &self.items {
            let monthly = i.monthly;
            match groups.iter_mut().find(|g| g.item == i.item && g.basis == i.basis) {
                Some(g) => {
                    g.count += 1;
                    g.monthly = g.monthly.zip(monthly).map(|(a, b)| Micros(a.0 + b.0));
                }
                None => groups.push(Group {
                    item: &i.item,
                    basis: &i.basis,
                    count: 1,
                    monthly,
                    first: &i.address,
                }),
            }
        }
        groups
    }

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
            let monthly = i.monthly.map_or_else(|| "—".to_owned(), Micros::to_cents_text);
            out.push_str(&format!("{monthly:>10}  {}  ({}; {})\n", i.item, i.address, i.basis));
        }
        let incomplete = if self.complete {
            ""
        } else {
            ", without the items that have no price"
        };
        out.push_str(&format!(
            "{:>10}  a month in {}, {} hours{incomplete}; prices as of {}\n",
            self.monthly_total.to_cents_text(),
            self.region,
            self.hours_per_month,
            self.prices_as_of
        ));
        out
    }
}

/// Why printing an estimate cannot fail: strings, finite numbers, booleans and lists.
const ESTIMATE_IS_JSON: &str = "an estimate is always representable as JSON";
