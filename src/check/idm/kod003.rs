//! KOD003: see `kod003.md` beside this file.

use super::*;
use std::collections::hash_map::Entry;

pub(super) const RULE: Rule = Rule {
    code: "KOD003",
    name: "code-shared",
    severity: Severity::Error,
    title: "Two villages have one code",
    judul: "Dua desa memiliki kode yang sama",
    doc: include_str!("kod003.md"),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for list in m.idm.lists(&m.tables) {
        let mut by_code: HashMap<&str, (usize, &Village)> = HashMap::new();
        for (vt, v) in list.villages() {
            let Some(kode) = &v.kode else { continue };
            match by_code.entry(&kode.text) {
                Entry::Vacant(e) => {
                    e.insert((vt.table, v));
                }
                Entry::Occupied(e) => {
                    let (ft, first) = *e.get();
                    // The same village twice is IDT002's; two names under one code are ours.
                    if crate::table::normalize_header(first.name_text())
                        == crate::table::normalize_header(v.name_text())
                    {
                        continue;
                    }
                    let there = first.kode.as_ref().expect("keyed by it");
                    let message = Message::new(
                        format!(
                            "kode desa {} dipakai desa {} dan juga desa {} (baris {})",
                            kode.text,
                            village_label(v),
                            village_label(first),
                            first.row + 1
                        ),
                        format!(
                            "village code {} is used by {} and also by {} (row {})",
                            kode.text,
                            village_label(v),
                            village_label(first),
                            first.row + 1
                        ),
                    );
                    out.push(
                        rule.finding(m.loc(vt.table, kode.at), message, kode.text.to_string())
                            .related(vec![m.loc(ft, there.at)]),
                    );
                }
            }
        }
    }
}
