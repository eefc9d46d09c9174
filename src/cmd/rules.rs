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
        out.push_str(&format!("| {} | {} | {} | {} | {} |\n", r.code, r.name, r.severity.name(), fixes(r), r.title));
    }
    for r in &rules {
        out.push_str(&format!("\n## {} {}\n\n*{}* — {}\n\n{}\n", r.code, r.name, r.title, r.judul, explain_text(r)));
    }
    out
}

fn explain_text(r: &Rule) -> String {
    // Rule docs use `## Example` / `## Fix`; inside the catalogue they sit a level down.
    r.doc.replace("## ", "### ")
}

pub fn list(markdown: bool, lang: Lang) -> Result<i32, Error> {
    if markdown {
        print!("{}", catalogue());
        return Ok(0);
    }
    for r in check::registry() {
        let title = if lang == Lang::En { r.title } else { r.judul };
        println!("{:<7} {:<8} {:<12} {title}", r.code, r.severity.name(), fixes(r));
    }
    Ok(0)
}

pub fn explain(code: &str) -> Result<i32, Error> {
    match check::rule(code) {
        Some(r) => {
            println!("{} {} ({}, fix: {})\n{}\n{}\n\n{}", r.code, r.name, r.severity.name(), fixes(r), r.title, r.judul, r.doc);
            Ok(0)
        }
        None => {
            eprintln!("error: no rule {code}\nhint: `kinerja rules` lists every code");
            Ok(2)
        }
    }
}
