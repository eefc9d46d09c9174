//! `kinerja rules` and `kinerja explain`: the rule catalogue, from the registry.

use crate::check::{self, Fixes, Rule};
use crate::error::Error;
use crate::finding::Lang;

fn fixes(r: &Rule) -> &'static str {
    match r.fixes {
        Fixes::No => "no",
        Fixes::Safe => "safe",
        Fixes::WhenPinned => "when pinned",
    }
}

/// The catalogue as Markdown: the table of rules, then each rule's documentation.
pub fn catalogue() -> String {
    let mut out = String::from(
        "# Rule catalogue\n\nGenerated from the rule registry by `kinerja rules --markdown`; do not edit by hand.\n\n\
| code | name | severity | fix | title |\n|---|---|---|---|---|\n",
    );
    let rules = check::registry();
    for r in &rules {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            r.code,
            r.name,
            r.severity.name(),
            fixes(r),
            r.title
        ));
    }
    for r in &rules {
        out.push_str(&format!(
            "\n## {} {}\n\n*{}* — {}\n\n{}\n",
            r.code,
            r.name,
            r.title,
            r.judul,
            explain_text(r)
        ));
    }
    out
}

/// The table kinds, their columns and built-in header words, as Markdown.
pub fn tables_catalogue() -> String {
    use crate::table::{TableKind, YearIn};
    let mut out = String::from(
        "# Table kinds and header words\n\nGenerated from `src/table.rs` by the test `docs_are_generated`; do not edit by hand. \
Header words are compared ignoring case, spaces and punctuation; `{tahun}` is the report year, `{tahun_lalu}` the year \
before, `{angka_tahun}` any year. Add words in `[headers.<kind>]` of the config.\n",
    );
    for kind in TableKind::ALL {
        out.push_str(&format!("\n## `{}` — {}\n\n", kind.name(), kind.title()));
        if let Some(how) = kind.recognised_by() {
            out.push_str(&format!("{how}\n\n"));
        }
        out.push_str("| column | required | holds | header words |\n|---|---|---|---|\n");
        for spec in kind.columns() {
            let holds = match spec.number {
                None => "text".to_string(),
                Some(n) => format!("{n:?}").to_lowercase(),
            };
            let mut words = spec
                .words
                .iter()
                .map(|w| format!("`{w}`"))
                .collect::<Vec<_>>()
                .join(", ");
            match spec.year {
                YearIn::Group => words.push_str(" (under a group header that is a year)"),
                YearIn::Label if !spec.group.is_empty() => {
                    words.push_str(&format!(" (under `{}`)", spec.group.join("` / `")))
                }
                _ => {}
            }
            if let Some(after) = spec.after {
                words.push_str(&format!(" (right of `{}`)", after.name()));
            }
            out.push_str(&format!(
                "| `{}` | {} | {holds} | {words} |\n",
                spec.col.name(),
                if spec.required { "yes" } else { "" }
            ));
        }
    }
    out
}

fn explain_text(r: &Rule) -> String {
    // Rule docs use `## Example` / `## Fix`; inside the catalogue they sit a level down.
    r.doc.replace("## ", "### ")
}

pub fn list(markdown: bool, lang: Lang) -> Result<i32, Error> {
    if markdown {
        super::print(&catalogue());
        return Ok(0);
    }
    let mut out = String::new();
    for r in check::registry() {
        let title = if lang == Lang::En { r.title } else { r.judul };
        out.push_str(&format!(
            "{:<7} {:<8} {:<12} {title}\n",
            r.code,
            r.severity.name(),
            fixes(r)
        ));
    }
    super::print(&out);
    Ok(0)
}

pub fn explain(code: &str) -> Result<i32, Error> {
    match check::rule(code) {
        Some(r) => {
            super::print(&format!(
                "{} {} ({}, fix: {})\n{}\n{}\n\n{}\n",
                r.code,
                r.name,
                r.severity.name(),
                fixes(r),
                r.title,
                r.judul,
                r.doc
            ));
            Ok(0)
        }
        None => {
            eprintln!("error: no rule {code}\nhint: `kinerja rules` lists every code");
            Ok(2)
        }
    }
}
