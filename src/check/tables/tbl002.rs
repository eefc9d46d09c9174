//! TBL002 table-of-another-year: a table whose title or header names a year other
//! than the report's; it is judged for its own year.

use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Loc, Message, Severity};
use crate::table::TableKind;

pub const RULE: Rule = Rule {
    code: "TBL002",
    name: "table-of-another-year",
    severity: Severity::Info,
    title: "A table names a year other than the report's; it is judged for its own",
    judul: "Tabel menyebut tahun lain dari tahun laporan; tabel dinilai untuk tahunnya sendiri",
    doc: include_str!("tbl002.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::SHEET_NOTE,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let report = ctx.cfg.office.year;
    for t in &ctx.reading.tables {
        let Some(own) = &t.year else { continue };
        if own.year == report || matches!(t.kind, TableKind::Iku | TableKind::Lembaga) {
            continue;
        }
        let from_title = t.title.iter().any(|c| c.at == own.at);
        // A village table's measures carry their years by design (`IKS 2021 …
        // IKS 2024`); only a year its title gives is news.
        if crate::table::Col::is_village_list(t.kind) && !from_title {
            continue;
        }
        let (where_id, where_en) = if from_title {
            ("judulnya", "its title")
        } else {
            ("judul kolomnya", "its header")
        };
        // A plain table is named by its place alone.
        let (kind_id, kind_en) = match t.kind {
            TableKind::Tabel => (String::new(), String::new()),
            k => (format!(" {}", k.title()), format!(" {}", k.name())),
        };
        let message = Message::new(
            format!(
                "tabel{kind_id} di {} menyebut tahun {} ({where_id} \"{}\" di {}), sedangkan tahun laporan {report}: tabel ini dinilai untuk tahun {}",
                t.range,
                own.year,
                own.written,
                own.at,
                own.year
            ),
            format!(
                "the{kind_en} table at {} names the year {} ({where_en} \"{}\" at {}) while the report year is {report}: it is judged for {}",
                t.range,
                own.year,
                own.written,
                own.at,
                own.year
            ),
        );
        let loc = Loc::cell(&t.file.as_str().into(), &t.sheet.as_str().into(), own.at);
        out.push(rule.finding(loc, message, own.year.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, findings, only, sheet};

    #[test]
    fn a_capaian_table_titled_with_another_year() {
        let f = &only(
            &RULE,
            &[sheet(
                "Capaian",
                &[
                    &["TABEL 3.2"],
                    &["PENGUKURAN KINERJA DINAS KESEHATAN TAHUN 2022"],
                    &[""],
                    &["INDIKATOR KINERJA", "TARGET", "REALISASI", "CAPAIAN (%)"],
                    &["Nilai SAKIP", "66.16", "67.02", "101.3"],
                ],
            )],
        );
        assert_finding(f, "TBL002", "Capaian!A2", "2022", None);
        assert_eq!(
            f.message.en,
            "the capaian table at A4:D5 names the year 2022 (its title \"PENGUKURAN KINERJA DINAS KESEHATAN TAHUN 2022\" at A2) while the report year is 2023: it is judged for 2022"
        );
        assert!(!f.handling.flag_cell);
    }

    #[test]
    fn the_years_of_a_header_or_a_period_in_the_title() {
        // A header of one year (and the year before, for comparison).
        let f = &only(
            &RULE,
            &[sheet(
                "Tabel 1",
                &[
                    &["URAIAN", "REALISASI 2021", "TARGET 2022", "REALISASI 2022"],
                    &["Pendapatan Asli Daerah", "100", "120", "130"],
                ],
            )],
        );
        assert_finding(f, "TBL002", "Tabel 1!D1", "2022", None);
        // The report's year, a period, or no year: nothing to say.
        for title in [
            "CAPAIAN KINERJA TAHUN 2023",
            "RENSTRA 2021-2026",
            "CAPAIAN KINERJA",
        ] {
            let found = findings(
                &RULE,
                &[sheet(
                    "Capaian",
                    &[
                        &[title],
                        &["INDIKATOR KINERJA", "TARGET", "REALISASI", "CAPAIAN (%)"],
                        &["Nilai SAKIP", "66.16", "67.02", "101.3"],
                    ],
                )],
            );
            assert_eq!(found, vec![], "{title}");
        }
    }

    #[test]
    fn a_village_table_takes_the_year_of_its_title() {
        let rows: &[&[&str]] = &[
            &["STATUS IDM KABUPATEN WAY KANAN TAHUN 2022"],
            &["NO", "KECAMATAN", "NAMA DESA", "IDM", "STATUS"],
            &["1", "KASUI", "KASUI PASAR", "0.7512", "MAJU"],
            &["2", "KASUI", "JAYA TINGGI", "0.6611", "BERKEMBANG"],
        ];
        let f = &only(&RULE, &[sheet("IDM", rows)]);
        assert_finding(f, "TBL002", "IDM!A1", "2022", None);
        let cfg = crate::config::Config::default_config();
        let (_, model) = crate::check::testing::modelled(
            vec![(
                "idm.xlsx",
                crate::check::testing::xlsx(&[sheet("IDM", rows)]),
            )],
            &cfg,
        );
        assert_eq!(model.idm.villages[0].year, 2022);
    }
}
