//! SPD011 realisation-vs-export: a hand-typed Tabel 3.4 differs from the SIPD export.

use super::{differs_from_export, pair_lines};
use crate::check::budget::format::short;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Severity};
use crate::model::budget::BudgetLine;
use crate::model::sipd::Level;

pub const RULE: Rule = Rule {
    code: "SPD011",
    name: "realisation-vs-export",
    severity: Severity::Warning,
    title: "A kegiatan's pagu or realisasi in the realisation table differs from the SIPD export",
    judul: "Pagu atau realisasi kegiatan di tabel realisasi berbeda dengan ekspor SIPD",
    doc: include_str!("spd011.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let sipd = &ctx.model.sipd;
    let Some(series) = sipd.reported.map(|s| &sipd.series[s]) else {
        return;
    };
    let whole_year = series.whole_year(&sipd.exports);
    for real in &ctx.model.budget.realisations {
        let kegiatan: Vec<&BudgetLine> = real.kegiatan().collect();
        let names: Vec<(&str, &str)> = kegiatan
            .iter()
            .map(|k| (k.name.as_str(), k.written.as_str()))
            .collect();
        let paired = pair_lines(
            ctx,
            &names,
            &series.year_lines,
            &[Level::Kegiatan, Level::SubKegiatan],
        );
        for (k, p) in kegiatan.iter().zip(paired) {
            let Some((y, by_name)) = p else { continue };
            let y = &series.year_lines[y];
            let sides = [
                (&k.pagu, y.anggaran, true, "pagu", "pagu"),
                (&k.realisasi, y.realisasi, false, "realisasi", "realisation"),
            ];
            for (typed, exported, anggaran, id_what, en_what) in sides {
                if !anggaran && !whole_year {
                    continue;
                }
                let (Some(typed), Some(exported)) = (typed.as_ref(), exported) else {
                    continue;
                };
                let name = short(&k.name);
                out.extend(differs_from_export(
                    rule,
                    ctx,
                    ctx.model.loc(real.table, typed.at),
                    typed,
                    exported,
                    (y, by_name, anggaran),
                    (
                        format!("{id_what} kegiatan «{name}»"),
                        format!("the {en_what} of kegiatan «{name}»"),
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::check::sipd::testing::one_pair;
    use crate::check::testing::{assert_finding, findings, one, sheet};

    #[test]
    fn a_typed_pagu_that_is_not_the_exports() {
        let table = sheet(
            "Tabel 3.4",
            &[
                &[
                    "PROGRAM/KEGIATAN",
                    "PAGU ANGGARAN (Rp)",
                    "REALISASI (Rp)",
                    "%",
                ],
                &[
                    "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
                    "",
                    "",
                    "",
                ],
                &[
                    "Perencanaan, Penganggaran dan Evaluasi Kinerja Perangkat Daerah",
                    "3500000",
                    "1200000",
                    "34.29",
                ],
            ],
        );
        let f = one(findings(&RULE, &[one_pair(), table]));
        assert_finding(&f, "SPD011", "Tabel 3.4!B3", "3500000", Some("3000000"));
        assert!(
            f.message
                .id
                .contains("(test.xlsx Rekap!C6, dipasangkan menurut nama dengan 2.16.01.2.01"),
            "{}",
            f.message.id
        );
        assert_eq!(f.related[0].cell.to_string(), "C6");
    }

    #[test]
    fn codes_pair_first_and_agreeing_figures_are_quiet() {
        let table = sheet(
            "Tabel 3.4",
            &[
                &[
                    "PROGRAM/KEGIATAN",
                    "PAGU ANGGARAN (Rp)",
                    "REALISASI (Rp)",
                    "%",
                ],
                &["2.16.01 Program Penunjang", "", "", ""],
                &["2.16.01.2.01 Perencanaan", "3000000", "1200000", "40"],
            ],
        );
        assert_eq!(findings(&RULE, &[one_pair(), table]), Vec::new());
    }
}
