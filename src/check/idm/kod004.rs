//! KOD004: see `kod004.md` beside this file.

use super::*;
use crate::read::Value;
use crate::table::Col;

pub(super) const RULE: Rule = Rule {
    code: "KOD004",
    name: "code-stored-two-ways",
    severity: Severity::Warning,
    title: "A code column holds text in some rows and numbers in others",
    judul: "Kolom kode berisi teks pada sebagian baris dan angka pada baris lain",
    doc: include_str!("kod004.md"),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

const CODES: [Col; 4] = [
    Col::KodeDesa,
    Col::KodeKecamatan,
    Col::KodeKabupaten,
    Col::KodeProvinsi,
];

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for (i, t) in ctx.reading.tables.iter().enumerate() {
        if !crate::table::Col::is_village_list(t.kind) {
            continue;
        }
        for col in CODES {
            let Some(c) = t.column(col) else { continue };
            let (mut first_text, mut first_number) = (None, None);
            let (mut texts, mut numbers) = (0usize, 0usize);
            for r in &t.rows {
                match r.at(c.index).map(|x| (&x.value, x.at)) {
                    Some((Value::Text(s), at)) if !crate::model::idm::is_total_label(s) => {
                        texts += 1;
                        first_text = first_text.or(Some(at));
                    }
                    Some((Value::Number { .. }, at)) => {
                        numbers += 1;
                        first_number = first_number.or(Some(at));
                    }
                    _ => {}
                }
            }
            let (Some(ft), Some(fnum)) = (first_text, first_number) else {
                continue;
            };
            // The first cell of the rarer way is the one that stands out.
            let (at, other) = if texts <= numbers {
                (ft, fnum)
            } else {
                (fnum, ft)
            };
            let message = Message::new(
                format!(
                    "kolom {} berisi {texts} kode sebagai teks dan {numbers} sebagai angka; kode dibaca sebagai pengenal, tetapi sebaiknya disimpan dengan satu cara (sebagai teks)",
                    c.label
                ),
                format!(
                    "column {} holds {texts} codes as text and {numbers} as numbers; codes are read as identifiers, but should be stored one way (as text)",
                    c.label
                ),
            );
            let found = t
                .rows
                .iter()
                .find_map(|r| r.at(at.col).filter(|x| x.at == at))
                .map(|x| x.written())
                .unwrap_or_default();
            out.push(
                rule.finding(m.loc(i, at), message, found)
                    .related(vec![m.loc(i, other)]),
            );
        }
    }
}
