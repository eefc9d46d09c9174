//! XDC002: see `xdc002.md` beside this file.

use super::pairing::{named, pairings};
use super::*;

pub(super) const RULE: Rule = Rule {
    code: "XDC002",
    name: "villages-missing-from-a-source",
    severity: Severity::Warning,
    title: "Villages of the office's table are missing from the ministry's file, or the other way",
    judul: "Desa pada tabel dinas tidak ada pada berkas kementerian, atau sebaliknya",
    doc: include_str!("xdc002.md"),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

/// The first few names of a list, for the message.
fn some(vs: &[(&crate::model::idm::VillageTable, &Village)]) -> String {
    let mut s: Vec<String> = vs.iter().take(5).map(|(_, v)| named(v)).collect();
    if vs.len() > 5 {
        s.push(format!("… (+{})", vs.len() - 5));
    }
    s.join(", ")
}

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for p in pairings(m, ctx.cfg) {
        let office_table = p.office.tables[0];
        let ministry_table = p.ministry.tables[0];
        let mf = &m.tables[ministry_table.table];
        if !p.office_only.is_empty() {
            let n = p.office_only.len();
            let message = Message::new(
                format!(
                    "{n} desa tabel ini tahun {} tidak ada pada berkas kementerian {} (lembar {}): {}",
                    p.year, mf.file, mf.sheet, some(&p.office_only)
                ),
                format!(
                    "{n} villages of this table for {} are not in the ministry's file {} (sheet {}): {}",
                    p.year, mf.file, mf.sheet, some(&p.office_only)
                ),
            );
            let (t, v) = p.office_only[0];
            let at = v.name.as_ref().map_or(office_table.header, |x| x.at);
            out.push(
                rule.finding(m.loc(t.table, at), message, n.to_string())
                    .expect("0")
                    .related(vec![m.loc(ministry_table.table, ministry_table.header)]),
            );
        }
        if !p.ministry_only.is_empty() {
            let n = p.ministry_only.len();
            let message = Message::new(
                format!(
                    "{n} desa berkas kementerian tahun {} di kabupaten yang sama tidak ada pada tabel ini: {}",
                    p.year, some(&p.ministry_only)
                ),
                format!(
                    "{n} villages of the ministry's file for {} in the same kabupaten are not in this table: {}",
                    p.year, some(&p.ministry_only)
                ),
            );
            let (t, v) = p.ministry_only[0];
            let at = v.name.as_ref().map_or(ministry_table.header, |x| x.at);
            out.push(
                rule.finding(
                    m.loc(office_table.table, office_table.header),
                    message,
                    n.to_string(),
                )
                .expect("0")
                .related(vec![m.loc(t.table, at)]),
            );
        }
    }
}
