//! IDT004 blank-required: every village row has its name, kecamatan, IDM and status.

use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};
use crate::table::Col;

pub const RULE: Rule = Rule {
    code: "IDT004",
    name: "blank-required",
    severity: Severity::Warning,
    title: "A village row lacks its name, kecamatan, IDM or status",
    judul: "Baris desa tanpa nama, kecamatan, IDM, atau status",
    doc: include_str!("idt004.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for vt in &m.idm.villages {
        for v in &vt.villages {
            let blank: Vec<(Col, &str, &str)> = [
                (Col::Desa, v.name.is_none(), "nama desa", "village name"),
                (
                    Col::Kecamatan,
                    v.kecamatan.is_none(),
                    "kecamatan",
                    "kecamatan",
                ),
                (Col::Idm, v.total.is_none(), "IDM", "IDM"),
                (Col::Skor, v.total.is_none(), "Indeks Desa", "Indeks Desa"),
                (Col::Status, v.status.is_none(), "status", "status"),
            ]
            .into_iter()
            .filter(|(col, b, _, _)| *b && vt.columns.contains_key(col))
            .map(|(col, _, id, en)| (col, id, en))
            .collect();
            let Some(&(col, _, _)) = blank.first() else {
                continue;
            };
            let Some(at) = vt.cell(col, v.row) else {
                continue;
            };
            let ids: Vec<&str> = blank.iter().map(|b| b.1).collect();
            let ens: Vec<&str> = blank.iter().map(|b| b.2).collect();
            let who = v
                .name
                .as_ref()
                .map_or_else(|| format!("baris {}", v.row + 1), |n| n.text.to_string());
            let who_en = v
                .name
                .as_ref()
                .map_or_else(|| format!("row {}", v.row + 1), |n| n.text.to_string());
            let message = Message::new(
                format!("{who}: {} kosong", ids.join(", ")),
                format!("{who_en}: {} blank", ens.join(", ")),
            );
            out.push(rule.finding(m.loc(vt.table, at), message, ""));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, only, sheet};

    #[test]
    fn a_village_without_its_status() {
        let f = &only(
            &RULE,
            &[sheet(
                "IDM 2023",
                &[
                    &["NO", "KECAMATAN", "NAMA DESA", "IDM", "STATUS"],
                    &["1", "KASUI", "KASUI PASAR", "0.7512", "MAJU"],
                    &["2", "KASUI", "JAYA TINGGI", "0.7319", ""],
                    &["3", "KASUI", "DATAR BANCONG", "0.6702", "BERKEMBANG"],
                ],
            )],
        );
        assert_finding(f, "IDT004", "IDM 2023!E3", "", None);
        assert_eq!(f.message.en, "JAYA TINGGI: status blank");
    }
}
