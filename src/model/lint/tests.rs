//! Unit tests of the lint: the order of the checks, and secret files inside the flake.

use super::*;

#[test]
fn all_checks_are_listed_by_severity() {
    for pair in Check::ALL.windows(2) {
        assert!(
            (pair[0].severity(), pair[0]) < (pair[1].severity(), pair[1]),
            "{pair:?}"
        );
    }
}

#[test]
fn a_secret_file_inside_the_flake_is_flagged() {
    use crate::model::document::Document;
    let in_flake = |edit: fn(&mut Document)| {
        let mut doc = Document::default();
        edit(&mut doc);
        let stack = crate::model::validate(&doc).expect("valid");
        lint(&stack)
            .into_iter()
            .filter(|f| f.check == Check::CredentialsInFlake)
            .map(|f| f.field)
            .collect::<Vec<_>>()
    };
    assert!(in_flake(|_| {}).is_empty(), "/root/.aws is outside /etc/nixos");
    assert_eq!(
        in_flake(|d| d.provider.shared_credentials_file = "/etc/nixos/secrets/aws".into()),
        ["provider.shared_credentials_file"]
    );
    assert_eq!(
        in_flake(|d| {
            d.provisioner.flake_directory = "/root/".into();
            d.provisioner.encryption = "passphrase".into();
            d.provisioner.passphrase_file = "/root/.pass".into();
        }),
        [
            "provider.shared_credentials_file",
            "provider.shared_config_file",
            "provisioner.passphrase_file"
        ]
    );
    assert_eq!(
        in_flake(|d| {
            d.provisioner.credentials = "environment-file".into();
            d.provisioner.environment_file = "/etc/nixos-env".into();
        }),
        Vec::<String>::new(),
        "a sibling directory is not inside"
    );
    assert!(inside("/etc/nixos", "/etc/nixos/x") && inside("/", "/x") && !inside("/etc/nixos", "/etc/nixos2"));
}
