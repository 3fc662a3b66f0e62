//! The network: the VPC block and its names, the subnets (inside the VPC, at least /28, not
//! overlapping, each in a zone of the region), and the flow logs' retention.

use super::{field, item, Validator, K};
use crate::model::document::Document;
use crate::model::names::{Cidr4, Region, Zone};
use crate::model::stack::{Network, Subnet};

/// CloudWatch Logs' allowed retention periods, in days (0: never expire).
pub const LOG_RETENTION_DAYS: &[u32] = &[
    0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

impl Validator {
    pub(super) fn network(&mut self, doc: &Document, region: Option<Region>) -> Option<Network> {
        let n = &doc.network;
        let vpc_name = self.parse("network.vpc_name", &n.vpc_name);
        let gateway_name = self.parse("network.gateway_name", &n.gateway_name);
        let route_table_name = self.parse("network.route_table_name", &n.route_table_name);
        let route_name = self.parse("network.route_name", &n.route_name);
        let vpc_cidr: Option<Cidr4> = self.parse("network.vpc_cidr", &n.vpc_cidr);
        let vpc_cidr = vpc_cidr.filter(|c| {
            let ok = (16..=28).contains(&c.prefix());
            if !ok {
                self.push("network.vpc_cidr", K::VpcPrefix(c.to_string()));
            }
            ok
        });
        if n.subnets.is_empty() {
            self.push("network.subnets", K::Empty("subnet"));
        }
        let mut subnets = Vec::new();
        let mut names = Vec::new();
        for (i, s) in n.subnets.iter().enumerate() {
            let base = item("network.subnets", i);
            let name = self.unique_name(&mut names, &field(&base, "name"), &s.name);
            let cidr_path = field(&base, "cidr");
            let cidr: Option<Cidr4> = self.parse(&cidr_path, &s.cidr);
            if let Some(cidr) = cidr {
                if cidr.prefix() > 28 {
                    self.push(&cidr_path, K::SubnetTooSmall(cidr.to_string()));
                } else if let Some(vpc) = vpc_cidr.filter(|vpc| !vpc.contains(cidr)) {
                    self.push(
                        &cidr_path,
                        K::SubnetOutsideVpc {
                            subnet: cidr.to_string(),
                            vpc: vpc.to_string(),
                        },
                    );
                } else if let Some(other) = subnets
                    .iter()
                    .find_map(|s: &Subnet| s.cidr.overlaps(cidr).then_some(s.cidr))
                {
                    self.push(
                        &cidr_path,
                        K::SubnetOverlap {
                            subnet: cidr.to_string(),
                            other: other.to_string(),
                        },
                    );
                }
            }
            let zone = region.and_then(|r| {
                Zone::parse(&s.availability_zone, r)
                    .map_err(|e| self.push(&field(&base, "availability_zone"), e))
                    .ok()
            });
            if let (Some(name), Some(cidr), Some(zone)) = (name, cidr, zone) {
                subnets.push(Subnet { name, cidr, zone });
            }
        }
        let flow_logs = if n.flow_logs {
            let path = "network.flow_log_retention_days";
            let days = self.number(path, &n.flow_log_retention_days, "retention", 0, 3653);
            match days {
                Some(d) if LOG_RETENTION_DAYS.contains(&(d as u32)) => Some(Some(d as u32)),
                Some(_) => {
                    self.push(path, K::NotOneOf(n.flow_log_retention_days.clone(), "0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653"));
                    None
                }
                None => None,
            }
        } else {
            Some(None)
        };
        if subnets.len() != n.subnets.len() {
            return None;
        }
        let (
            Some(vpc_name),
            Some(vpc_cidr),
            Some(gateway_name),
            Some(route_table_name),
            Some(route_name),
            Some(flow_logs),
        ) = (
            vpc_name,
            vpc_cidr,
            gateway_name,
            route_table_name,
            route_name,
            flow_logs,
        )
        else {
            return None;
        };
        Some(Network {
            vpc_name,
            vpc_cidr,
            gateway_name,
            route_table_name,
            route_name,
            subnets,
            restrict_default_security_group: n.restrict_default_security_group,
            flow_logs,
        })
    }
}
