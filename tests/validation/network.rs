//! The network: VPC and subnet blocks, zones and regions.

use crate::{accepts, refuses, Edit};
use nixform::model::document::SubnetDoc;

#[test]
fn cidrs_and_subnets() {
    accepts("a /16 VPC", |d| d.network.vpc_cidr = "10.10.0.0/16".into());
    accepts("a /28 VPC with a /28 subnet", |d| {
        d.network.vpc_cidr = "10.10.0.0/28".into();
        d.network.subnets[0].cidr = "10.10.0.0/28".into();
    });
    accepts("two adjacent subnets", |d| {
        d.network.subnets.push(SubnetDoc {
            name: "b".into(),
            cidr: "10.10.0.128/25".into(),
            availability_zone: "ap-southeast-2b".into(),
        })
    });
    let cases: [(&str, &str, &str, Edit); 8] = [
        (
            "malformed",
            "network.vpc_cidr",
            "`10.10.0.0` is not a CIDR block",
            |d| d.network.vpc_cidr = "10.10.0.0".into(),
        ),
        ("host bits", "network.vpc_cidr", "did you mean `10.10.0.0/24`", |d| {
            d.network.vpc_cidr = "10.10.0.7/24".into()
        }),
        ("too big", "network.vpc_cidr", "between /16 and /28", |d| {
            d.network.vpc_cidr = "10.0.0.0/8".into()
        }),
        ("too small", "network.vpc_cidr", "between /16 and /28", |d| {
            d.network.vpc_cidr = "10.10.0.0/29".into()
        }),
        (
            "subnet outside",
            "network.subnets[0].cidr",
            "not inside the VPC block `10.10.0.0/24`",
            |d| d.network.subnets[0].cidr = "10.11.0.0/25".into(),
        ),
        ("subnet < /28", "network.subnets[0].cidr", "smaller than /28", |d| {
            d.network.subnets[0].cidr = "10.10.0.0/29".into()
        }),
        (
            "overlap",
            "network.subnets[1].cidr",
            "overlaps subnet `10.10.0.0/25`",
            |d| {
                d.network.subnets.push(SubnetDoc {
                    name: "b".into(),
                    cidr: "10.10.0.64/26".into(),
                    availability_zone: String::new(),
                })
            },
        ),
        ("no subnets", "network.subnets", "at least one subnet", |d| {
            d.network.subnets.clear()
        }),
    ];
    for (what, path, message, edit) in cases {
        refuses(what, path, message, edit);
    }
}

#[test]
fn zones_and_regions() {
    accepts("automatic", |d| {
        d.network.subnets[0].availability_zone = "automatic".into()
    });
    accepts("another region", |d| {
        d.provider.region = "eu-west-1".into();
        d.network.subnets[0].availability_zone = "eu-west-1c".into();
    });
    refuses(
        "zone of another region",
        "network.subnets[0].availability_zone",
        "not in region `ap-southeast-2`",
        |d| d.network.subnets[0].availability_zone = "us-east-1a".into(),
    );
    refuses(
        "unknown region",
        "provider.region",
        "`mars-north-1` is not an AWS commercial region",
        |d| d.provider.region = "mars-north-1".into(),
    );
    refuses(
        "relative credentials path",
        "provider.shared_credentials_file",
        "not a valid path",
        |d| d.provider.shared_credentials_file = "aws/credentials".into(),
    );
}
