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
    for (i, list) in ctx.villages.lists.iter().enumerate() {
        // Codes as written, names normalized: ids of the shared keys.
        let mut by_code: crate::hash::FxHashMap<u32, (usize, &Village, u32)> =
            crate::hash::FxHashMap::with_capacity_and_hasher(list.len(), Default::default());
        for ((vt, v), k) in list.villages().zip(ctx.villages.keys(i)) {
            let Some(kode) = &v.kode else { continue };
            match by_code.entry(k.kode_written) {
                Entry::Vacant(e) => {
                    e.insert((vt.table, v, k.name));
                }
                Entry::Occupied(e) => {
                    let (ft, first, first_name) = *e.get();
                    // The same village twice is IDT002's; two names under one code are ours.
                    if first_name == k.name {
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
