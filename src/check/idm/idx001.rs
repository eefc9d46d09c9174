//! IDX001: see `idx001.md` beside this file.

use super::*;

pub(super) const RULE: Rule = Rule {
    code: "IDX001",
    name: "two-village-indices",
    severity: Severity::Warning,
    title: "A village table holds both IDM and Indeks Desa columns",
    judul: "Tabel desa memuat kolom IDM dan kolom Indeks Desa sekaligus",
    doc: include_str!("idx001.md"),
    fixes: Fixes::No,
    handling: Handling::SHEET_NOTE,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for (i, t) in ctx.reading.tables.iter().enumerate() {
        let Some(r) = &t.rival else { continue };
        let (taken, other) = (Profile::of(ctx.cfg, t.kind), Profile::of(ctx.cfg, r.kind));
        let (why_id, why_en) = if r.taken_columns > r.columns {
            (
                format!(
                    "{} kolom dikenali sebagai {}, {} sebagai {}",
                    r.taken_columns, taken.name, r.columns, other.name
                ),
                format!(
                    "{} columns are recognised as the {}, {} as the {}",
                    r.taken_columns, taken.name, r.columns, other.name
                ),
            )
        } else {
            (
                format!(
                    "kedua indeks sama-sama dikenali pada {} kolom; diambil yang pertama",
                    r.columns
                ),
                format!(
                    "both indices are recognised in {} columns; the first is taken",
                    r.columns
                ),
            )
        };
        let ignored = r.labels.join(", ");
        let message = Message::new(
            format!(
                "tabel ini memuat kolom {} dan kolom {}; dibaca sebagai {} karena {why_id}; kolom {} ({ignored}) tidak diperiksa",
                taken.name, other.name, taken.name, other.name
            ),
            format!(
                "this table holds both {} and {} columns; read as the {} because {why_en}; the {} columns ({ignored}) are not checked",
                taken.name, other.name, taken.name, other.name
            ),
        );
        out.push(rule.finding(m.loc(i, t.header.first), message, ignored.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, findings, only, sheet};

    #[test]
    fn a_table_of_both_indices_says_which_was_taken_and_why() {
        let f = only(
            &RULE,
            &[sheet(
                "Desa",
                &[
                    &[
                        "KECAMATAN",
                        "DESA",
                        "DLD",
                        "DS",
                        "DE",
                        "DL",
                        "DA",
                        "DTKPD",
                        "NILAI ID",
                        "IDM",
                        "STATUS",
                    ],
                    &[
                        "BANJIT", "BONGLAI", "150", "70", "120", "70", "40", "60", "80.31",
                        "0.7424", "MANDIRI",
                    ],
                ],
            )],
        );
        assert_finding(&f, "IDX001", "Desa!A1", "IDM", None);
        assert!(f.message.id.contains("dibaca sebagai Indeks Desa karena 10 kolom dikenali sebagai Indeks Desa, 4 sebagai IDM"), "{}", f.message.id);
    }

    #[test]
    fn one_index_alone_is_no_finding() {
        let rows: &[&[&str]] = &[
            &["KECAMATAN", "DESA", "IKS", "IKE", "IKL", "IDM", "STATUS"],
            &[
                "BANJIT", "BONGLAI", "0.7771", "0.5833", "0.8667", "0.7424", "MAJU",
            ],
        ];
        assert!(findings(&RULE, &[sheet("Desa", rows)]).is_empty());
    }
}
