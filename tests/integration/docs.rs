//! The rule catalogue and the table reference are generated from the code.

use crate::util::repo;

fn check_generated(path: &str, generated: String) {
    let file = repo().join(path);
    if std::env::var_os("KINERJA_UPDATE_DOCS").is_some() {
        std::fs::write(&file, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        on_disk == generated,
        "{path} is stale: run `KINERJA_UPDATE_DOCS=1 cargo test docs_are_generated`"
    );
}

/// Guards the promise that the catalogue is generated, not hand-kept.
#[test]
fn docs_are_generated() {
    check_generated("docs/rules.md", kinerja::cmd::rules::catalogue());
    check_generated("docs/tables.md", kinerja::cmd::rules::tables_catalogue());
}

#[test]
fn rules_markdown_is_the_catalogue() {
    let out = crate::util::Dir::new().run(&["rules", "--markdown"]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        kinerja::cmd::rules::catalogue()
    );
}

#[test]
fn explain_prints_one_rule() {
    let out = crate::util::Dir::new().run(&["explain", "num001"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("NUM001 malformed-grouping (error, fix: when pinned)\n"),
        "{text}"
    );
    let out = crate::util::Dir::new().run(&["explain", "XYZ999"]);
    assert_eq!(out.status.code(), Some(2));
}
