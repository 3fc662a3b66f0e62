//! The instance types nixform knows: one table of families and their sizes, from the AWS EC2
//! instance-type pages ("General purpose", "Compute optimized", "Memory optimized"; sizes as
//! AWS offers them, checked December 2026) and the types listed in the project's FACTS.md.
//! A type outside this table is refused with the nearest known one as a suggestion.
//!
//! Belongs here: which `family.size` pairs exist, the suggestions the form lists, and the
//! nearest-name search. The syntax of a type and its architecture are [`super::InstanceType`]'s.

const NANO_TO_2XL: &[&str] = &["nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"];
const GRAVITON: &[&str] = &[
    "medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "metal",
];
const SIXTH_GEN: &[&str] = &[
    "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge", "metal",
];
const SIXTH_GEN_AMD: &[&str] = &[
    "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge", "48xlarge",
    "metal",
];
const SEVENTH_GEN_INTEL: &[&str] = &[
    "large",
    "xlarge",
    "2xlarge",
    "4xlarge",
    "8xlarge",
    "12xlarge",
    "16xlarge",
    "24xlarge",
    "48xlarge",
    "metal-24xl",
    "metal-48xl",
];
const FIFTH_GEN: &[&str] = &[
    "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "metal",
];

/// Every known family with its sizes, smallest first.
pub const INSTANCE_FAMILIES: &[(&str, &[&str])] = &[
    ("t2", NANO_TO_2XL),
    ("t3", NANO_TO_2XL),
    ("t3a", NANO_TO_2XL),
    ("t4g", NANO_TO_2XL),
    ("m5", FIFTH_GEN),
    (
        "m5a",
        &[
            "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge",
        ],
    ),
    ("m6i", SIXTH_GEN),
    ("m6a", SIXTH_GEN_AMD),
    ("m6g", GRAVITON),
    ("m7i", SEVENTH_GEN_INTEL),
    (
        "m7a",
        &[
            "medium",
            "large",
            "xlarge",
            "2xlarge",
            "4xlarge",
            "8xlarge",
            "12xlarge",
            "16xlarge",
            "24xlarge",
            "32xlarge",
            "48xlarge",
            "metal-48xl",
        ],
    ),
    ("m7g", GRAVITON),
    (
        "c5",
        &[
            "large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "12xlarge", "18xlarge", "24xlarge", "metal",
        ],
    ),
    ("c6i", SIXTH_GEN),
    ("c6a", SIXTH_GEN_AMD),
    ("c6g", GRAVITON),
    ("c7i", SEVENTH_GEN_INTEL),
    ("c7g", GRAVITON),
    ("r5", FIFTH_GEN),
    ("r6i", SIXTH_GEN),
    ("r6g", GRAVITON),
    ("r7i", SEVENTH_GEN_INTEL),
    ("r7g", GRAVITON),
];

/// The types the instance-type field suggests (a datalist): the common small and medium sizes.
pub const SUGGESTED_INSTANCE_TYPES: &[&str] = &[
    "t2.micro",
    "t2.small",
    "t2.medium",
    "t2.large",
    "t3.micro",
    "t3.small",
    "t3.medium",
    "t3.large",
    "t3.xlarge",
    "t3a.micro",
    "t3a.small",
    "t3a.medium",
    "t3a.large",
    "t4g.micro",
    "t4g.small",
    "t4g.medium",
    "t4g.large",
    "m5.large",
    "m5.xlarge",
    "m6i.large",
    "m6i.xlarge",
    "m7g.medium",
    "m7g.large",
    "m7g.xlarge",
    "c6i.large",
    "c6i.xlarge",
    "c7g.medium",
    "c7g.large",
    "c7g.xlarge",
    "r6i.large",
    "r6i.xlarge",
];

/// Whether `family.size` is in the table (`t` already normalised: lower case, no spaces).
pub fn is_known_instance_type(t: &str) -> bool {
    t.split_once('.').is_some_and(|(family, size)| {
        INSTANCE_FAMILIES
            .iter()
            .any(|(f, sizes)| *f == family && sizes.contains(&size))
    })
}

/// Every known type, in table order.
pub fn known_instance_types() -> impl Iterator<Item = String> {
    INSTANCE_FAMILIES
        .iter()
        .flat_map(|(family, sizes)| sizes.iter().map(move |size| format!("{family}.{size}")))
}

/// The known type nearest to `t` by edit distance, when it is near enough to
/// be a likely typo (at most 2 edits); the first in table order on a tie.
///
/// ```
/// use nixform::model::names::nearest_instance_type;
/// assert_eq!(nearest_instance_type("t4g.smal").as_deref(), Some("t4g.small"));
/// assert_eq!(nearest_instance_type("t4.medium").as_deref(), Some("t2.medium"));
/// assert_eq!(nearest_instance_type("zzzz.huge"), None);
/// ```
pub fn nearest_instance_type(t: &str) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for known in known_instance_types() {
        let d = strsim::levenshtein(t, &known);
        if best.as_ref().is_none_or(|(b, _)| d < *b) {
            best = Some((d, known));
        }
    }
    best.filter(|(d, _)| *d <= 2).map(|(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_every_type_in_the_facts() {
        for t in [
            "t2.micro",
            "t2.small",
            "t2.medium",
            "t2.large",
            "t3.nano",
            "t3.micro",
            "t3.small",
            "t3.medium",
            "t3.large",
            "t3a.micro",
            "t3a.small",
            "t3a.medium",
            "t3a.large",
            "t4g.nano",
            "t4g.micro",
            "t4g.small",
            "t4g.medium",
            "t4g.large",
            "m5.large",
            "m5.xlarge",
            "m6i.large",
            "m6i.xlarge",
            "m7g.medium",
            "m7g.large",
            "m7g.xlarge",
            "c6i.large",
            "c6i.xlarge",
            "c7g.medium",
            "c7g.large",
            "c7g.xlarge",
            "r6i.large",
            "r6i.xlarge",
            "r6i.2xlarge",
        ] {
            assert!(is_known_instance_type(t), "{t}");
        }
        for t in SUGGESTED_INSTANCE_TYPES {
            assert!(is_known_instance_type(t), "suggested {t} is not known");
        }
        for t in ["t4g.smal", "m7g.nano", "c5.8xlarge", "t3.4xlarge", "m6i", ""] {
            assert!(!is_known_instance_type(t), "{t}");
        }
    }

    #[test]
    fn every_known_type_is_well_formed() {
        for t in known_instance_types() {
            assert!(t.parse::<super::super::InstanceType>().is_ok(), "{t}");
        }
    }
}
