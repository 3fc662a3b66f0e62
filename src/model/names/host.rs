//! The syntax of the values of a host's NixOS configuration: DNS labels and names, tz database
//! zones, nixpkgs attribute paths and email addresses. Plain predicates: the messages are
//! `validate`'s, which knows the field.

/// A DNS label (RFC 1123): 1 to 63 letters, digits and `-`, starting with a letter or digit
/// and not ending with `-`. NixOS's `networking.hostName` takes these.
///
/// ```
/// use nixform::model::names::is_dns_label;
/// assert!(is_dns_label("web-1") && is_dns_label("db"));
/// assert!(!is_dns_label("nixos_x86") && !is_dns_label("-web") && !is_dns_label("web-") && !is_dns_label(""));
/// ```
pub fn is_dns_label(text: &str) -> bool {
    (1..=63).contains(&text.len())
        && text.starts_with(|c: char| c.is_ascii_alphanumeric())
        && !text.ends_with('-')
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// A fully qualified DNS name of at least two labels, at most 253 characters, without the
/// final dot: what a certificate is issued for.
///
/// ```
/// use nixform::model::names::is_domain_name;
/// assert!(is_domain_name("web.example.com"));
/// assert!(!is_domain_name("localhost") && !is_domain_name("a..b") && !is_domain_name("x.${y}"));
/// ```
pub fn is_domain_name(text: &str) -> bool {
    text.len() <= 253 && text.contains('.') && text.split('.').all(is_dns_label)
}

/// The tz database's areas (the first part of `Area/Location`).
const TZ_AREAS: &[&str] = &[
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Etc",
    "Indian",
    "Pacific",
];

/// `UTC`, or a zone in the tz database's `Area/Location` form (`Europe/Berlin`,
/// `America/Argentina/Buenos_Aires`, `Etc/GMT+10`).
///
/// ```
/// use nixform::model::names::is_time_zone;
/// assert!(is_time_zone("UTC") && is_time_zone("Australia/Sydney") && is_time_zone("America/Argentina/Buenos_Aires"));
/// assert!(!is_time_zone("Sydney") && !is_time_zone("Mars/Olympus") && !is_time_zone("Europe/../etc"));
/// ```
pub fn is_time_zone(text: &str) -> bool {
    if text == "UTC" {
        return true;
    }
    let mut parts = text.split('/');
    let area_ok = parts.next().is_some_and(|area| TZ_AREAS.contains(&area));
    let mut locations = 0;
    let locations_ok = parts.all(|part| {
        locations += 1;
        part.starts_with(|c: char| c.is_ascii_alphabetic())
            && part.len() <= 30
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'+'))
    });
    area_ok && locations_ok && locations > 0
}

/// Attribute names that change what `builtins.toJSON` or the module system does with a set
/// (`outPath`, `__toString` ...). No package has one; `render::nix` never writes one.
pub const NIX_RESERVED_NAMES: &[&str] = &["__toString", "__functor", "outPath", "_module", "_type"];

/// A nixpkgs attribute path: identifiers (a letter or `_`, then letters, digits, `_`, `'` and
/// `-`) joined by dots, such as `htop` or `python3Packages.requests`, none of them one of
/// [`NIX_RESERVED_NAMES`].
///
/// ```
/// use nixform::model::names::is_attr_path;
/// assert!(is_attr_path("htop") && is_attr_path("python3Packages.requests") && is_attr_path("nodejs_22"));
/// assert!(!is_attr_path("pkgs htop") && !is_attr_path("a..b") && !is_attr_path("${x}") && !is_attr_path("3d"));
/// assert!(!is_attr_path("outPath") && !is_attr_path("python3Packages.__functor"));
/// ```
pub fn is_attr_path(text: &str) -> bool {
    text.len() <= 200
        && text.split('.').all(|id| {
            !NIX_RESERVED_NAMES.contains(&id)
                && id.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'\'' | b'-'))
        })
}

/// An email address as Let's Encrypt takes it: a local part of printable ASCII without spaces,
/// quotes or `@`, then `@` and a domain name.
///
/// ```
/// use nixform::model::names::is_email;
/// assert!(is_email("admin+acme@example.com"));
/// assert!(!is_email("admin") && !is_email("a b@example.com") && !is_email("a@localhost"));
/// ```
pub fn is_email(text: &str) -> bool {
    match text.rsplit_once('@') {
        Some((local, domain)) => {
            (1..=64).contains(&local.len())
                && local
                    .bytes()
                    .all(|b| b.is_ascii_graphic() && !matches!(b, b'"' | b'@' | b'\\'))
                && is_domain_name(domain)
        }
        None => false,
    }
}
