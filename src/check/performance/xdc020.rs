//! XDC020 target-mismatch: one indicator's target in the IKU, the PK and the
//! achievement table.

use super::{loc, plain};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};
use crate::model::performance::{IndicatorLevel, Measure};
use crate::names;
use rust_decimal::Decimal;
use std::collections::HashMap;

pub const RULE: Rule = Rule {
    code: "XDC020",
    name: "target-mismatch",
    severity: Severity::Error,
    title: "An indicator's target differs between the IKU, the PK and the achievement table",
    judul: "Target indikator berbeda antara IKU, PK, dan tabel capaian",
    doc: include_str!("xdc020.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Doc {
    Iku,
    Pk,
    Capaian,
}

impl Doc {
    fn id(self) -> &'static str {
        match self {
            Doc::Iku => "IKU",
            Doc::Pk => "Perjanjian Kinerja",
            Doc::Capaian => "tabel capaian IKU",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Doc::Iku => "the IKU",
            Doc::Pk => "the Perjanjian Kinerja",
            Doc::Capaian => "the achievement table",
        }
    }
}

/// A target as compared: a number by value (with the grade or unit written beside
/// it), a range by its ends, a word ignoring case.
#[derive(Debug, Clone, Eq)]
enum TargetValue {
    Number(Decimal, Option<String>),
    Range(Option<Decimal>, Option<Decimal>),
    Word(String),
}

impl PartialEq for TargetValue {
    /// A number is its value whatever its unit (`24` and `24 Dokumen`); a grade
    /// written with its number (`70 (BB)`) is the grade alone (`BB`) as well.
    fn eq(&self, other: &TargetValue) -> bool {
        use TargetValue::*;
        match (self, other) {
            (Number(a, _), Number(b, _)) => a == b,
            (Range(a, b), Range(c, d)) => a == c && b == d,
            (Word(a), Word(b)) => a == b,
            (Number(_, Some(label)), Word(w)) | (Word(w), Number(_, Some(label))) => {
                crate::table::normalize_header(label) == *w
            }
            _ => false,
        }
    }
}

impl TargetValue {
    fn of(m: &Measure) -> Option<TargetValue> {
        match (m.value, m.range) {
            (Some(v), _) => Some(TargetValue::Number(v.normalize(), m.label.clone())),
            (None, Some(r)) => Some(TargetValue::Range(
                r.low.map(|x| x.normalize()),
                r.high.map(|x| x.normalize()),
            )),
            (None, None) if m.is_qualitative() => Some(TargetValue::Word(
                crate::table::normalize_header(m.written()),
            )),
            (None, None) => None,
        }
    }
}

/// One document's target of one indicator.
struct Entry<'a> {
    doc: Doc,
    name: &'a str,
    table: usize,
    target: &'a Measure,
    value: TargetValue,
}

impl Entry<'_> {
    fn expected(&self) -> String {
        match &self.value {
            TargetValue::Number(v, _) => plain(*v),
            _ => self.target.written().to_string(),
        }
    }

    fn shown(&self) -> String {
        match &self.value {
            TargetValue::Number(v, _) => crate::words::format_decimal(*v),
            _ => self.target.written().to_string(),
        }
    }
}

/// Pairs every entry of each table of `from` with the entries of `to`, one-to-one per table.
fn pair_by_table(from: &[Entry], to: &[Entry], min: f64) -> Vec<Option<usize>> {
    let mut out = vec![None; from.len()];
    let to_names: Vec<&str> = to.iter().map(|e| e.name).collect();
    let mut tables: Vec<usize> = from.iter().map(|e| e.table).collect();
    tables.sort();
    tables.dedup();
    for t in tables {
        let idx: Vec<usize> = (0..from.len()).filter(|&i| from[i].table == t).collect();
        let names: Vec<&str> = idx.iter().map(|&i| from[i].name).collect();
        for (k, m) in names::pair(&names, &to_names, min).into_iter().enumerate() {
            out[idx[k]] = m;
        }
    }
    out
}

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    // Each PK and achievement table is judged for its own year (its title, its
    // header), else the report's: a 2022 table is never held to 2023's targets.
    let perf = &ctx.model.performance;
    let mut years: Vec<i32> = perf
        .pk_targets
        .iter()
        .map(|p| p.table)
        .chain(perf.achievements.iter().map(|a| a.table))
        .map(|t| table_year(ctx, t))
        .collect();
    years.sort_unstable();
    years.dedup();
    for year in years {
        check_year(rule, ctx, year, out);
    }
}

/// The year a table is judged for.
fn table_year(ctx: &Context, table: usize) -> i32 {
    ctx.model.tables[table].year.unwrap_or(ctx.cfg.office.year)
}

fn check_year(rule: &Rule, ctx: &Context, year: i32, out: &mut Vec<Finding>) {
    let perf = &ctx.model.performance;
    let min = ctx.cfg.tolerances.name_similarity;
    // Sasaran indicators first: a PK or achievement name equal to both a tujuan
    // and a sasaran indicator of the IKU is the sasaran's.
    let iku_rows = perf
        .iku
        .iter()
        .filter(|i| i.level == IndicatorLevel::Sasaran)
        .chain(
            perf.iku
                .iter()
                .filter(|i| i.level == IndicatorLevel::Tujuan),
        );
    let iku: Vec<Entry> = iku_rows
        .filter_map(|i| {
            let t = i.target(year)?;
            Some(Entry {
                doc: Doc::Iku,
                name: i.name(),
                table: i.table,
                value: TargetValue::of(t)?,
                target: t,
            })
        })
        .collect();
    let pk: Vec<Entry> = perf
        .pk_targets
        .iter()
        .filter(|p| table_year(ctx, p.table) == year)
        .filter_map(|p| {
            let t = p.target.as_ref()?;
            Some(Entry {
                doc: Doc::Pk,
                name: &p.indikator,
                table: p.table,
                value: TargetValue::of(t)?,
                target: t,
            })
        })
        .collect();
    let ach: Vec<Entry> = perf
        .achievements
        .iter()
        .filter(|a| table_year(ctx, a.table) == year)
        .filter_map(|a| {
            let t = a.target.as_ref()?;
            Some(Entry {
                doc: Doc::Capaian,
                name: &a.indikator,
                table: a.table,
                value: TargetValue::of(t)?,
                target: t,
            })
        })
        .collect();
    let pk_to_iku = pair_by_table(&pk, &iku, min);
    let ach_to_iku = pair_by_table(&ach, &iku, min);
    // Achievements with no IKU indicator are compared with the PK directly.
    let lone: Vec<usize> = (0..ach.len())
        .filter(|&i| ach_to_iku[i].is_none())
        .collect();
    let lone_entries: Vec<Entry> = lone
        .iter()
        .map(|&i| Entry {
            doc: Doc::Capaian,
            name: ach[i].name,
            table: ach[i].table,
            target: ach[i].target,
            value: ach[i].value.clone(),
        })
        .collect();
    let lone_to_pk = pair_by_table(&lone_entries, &pk, min);

    let mut groups: Vec<(Option<usize>, Vec<usize>, Vec<usize>)> =
        (0..iku.len()).map(|i| (Some(i), vec![], vec![])).collect();
    for (p, m) in pk_to_iku.iter().enumerate() {
        if let Some(i) = m {
            groups[*i].1.push(p);
        }
    }
    for (a, m) in ach_to_iku.iter().enumerate() {
        if let Some(i) = m {
            groups[*i].2.push(a);
        }
    }
    let mut by_pk: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, m) in lone_to_pk.iter().enumerate() {
        if let Some(p) = m {
            by_pk.entry(*p).or_default().push(lone[k]);
        }
    }
    let mut pk_groups: Vec<(usize, Vec<usize>)> = by_pk.into_iter().collect();
    pk_groups.sort();
    for (p, a) in pk_groups {
        groups.push((None, vec![p], a));
    }

    for (i, ps, as_) in groups {
        let i = i.map(|i| &iku[i]);
        let ps: Vec<&Entry> = ps.iter().map(|&p| &pk[p]).collect();
        let as_: Vec<&Entry> = as_.iter().map(|&a| &ach[a]).collect();
        compare_group(rule, ctx, year, i, &ps, &as_, out);
    }
}

/// Compares one indicator's targets across the documents and reports the odd ones.
fn compare_group(
    rule: &Rule,
    ctx: &Context,
    year: i32,
    iku: Option<&Entry>,
    pk: &[&Entry],
    ach: &[&Entry],
    out: &mut Vec<Finding>,
) {
    let all: Vec<&Entry> = iku
        .into_iter()
        .chain(pk.iter().copied())
        .chain(ach.iter().copied())
        .collect();
    let mut report = |wrong: &Entry, right: &Entry| {
        let others: Vec<&&Entry> = all.iter().filter(|e| !std::ptr::eq(**e, wrong)).collect();
        let list_id: Vec<String> = others
            .iter()
            .map(|e| format!("{} \"{}\": {}", e.doc.id(), e.name, e.shown()))
            .collect();
        let list_en: Vec<String> = others
            .iter()
            .map(|e| format!("{} \"{}\": {}", e.doc.en(), e.name, e.expected()))
            .collect();
        let message = Message::new(
            format!(
                "target {year} indikator \"{}\" di {} tertulis {}, berbeda dari {} (dipasangkan menurut nama)",
                wrong.name,
                wrong.doc.id(),
                wrong.shown(),
                list_id.join("; ")
            ),
            format!(
                "the {year} target of indicator \"{}\" in {} is {}, unlike {} (paired by name)",
                wrong.name,
                wrong.doc.en(),
                wrong.expected(),
                list_en.join("; ")
            ),
        );
        let related = others
            .iter()
            .map(|e| loc(ctx, e.table, e.target.at()))
            .collect();
        out.push(
            rule.finding(
                loc(ctx, wrong.table, wrong.target.at()),
                message,
                wrong.target.written(),
            )
            .expect(right.expected())
            .related(related),
        );
    };
    match iku {
        Some(i) => {
            let mut iku_odd = false;
            for p in pk {
                if p.value == i.value {
                    continue;
                }
                let backed = ach.iter().find(|a| a.value == p.value);
                if let Some(a) = backed.filter(|_| !ach.iter().any(|a| a.value == i.value)) {
                    if !iku_odd {
                        iku_odd = true;
                        report(i, a);
                    }
                } else {
                    report(p, i);
                }
            }
            for a in ach {
                if a.value == i.value {
                    continue;
                }
                let backed =
                    pk.iter().any(|p| p.value == a.value) && !pk.iter().any(|p| p.value == i.value);
                if !backed {
                    report(a, i);
                }
            }
        }
        None => {
            let Some(p) = pk.first() else { return };
            for a in ach {
                if !pk.iter().any(|p| p.value == a.value) {
                    report(a, p);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, only, sheet};

    #[test]
    fn names_pair_one_to_one() {
        let iku = [
            "Nilai Evaluasi SAKIP",
            "Nilai SAKIP Dinas PMK",
            "Indeks Desa Membangun",
            "Indeks Kategori Kampung",
            "Nilai IKE",
            "Nilai IKS",
            "Nilai IKL",
        ];
        let pk = [
            "Indeks Kategori Kampung",
            "Nilai IKE",
            "Nilai IKS",
            "Nilai IKL",
            "Nilai SAKIP Dinas PMK.",
        ];
        assert_eq!(
            names::pair(&pk, &iku, 0.8),
            vec![Some(3), Some(4), Some(5), Some(6), Some(1)]
        );
        // A missing IKS does not borrow the IKE's row once the IKE is paired.
        let iku2 = ["Nilai IKE", "Nilai IKL"];
        let pk2 = ["Nilai IKE", "Nilai IKL", "Nilai IKS"];
        assert_eq!(names::pair(&pk2, &iku2, 0.8), vec![Some(0), Some(1), None]);
        assert_eq!(
            names::pair(&["LHKPN – SPT Tahun 2022"], &iku, 0.8),
            vec![None]
        );
    }

    #[test]
    fn the_pk_target_unlike_the_iku_and_the_achievement_table() {
        let f = &only(
            &RULE,
            &[
                sheet(
                    "IKU",
                    &[
                        &["INDIKATOR KINERJA", "2022", "2023"],
                        &["Nilai IKE", "0,5925", "0,6333"],
                    ],
                ),
                sheet(
                    "PK",
                    &[
                        &["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"],
                        &[
                            "1.",
                            "Meningkatnya Ketahanan Ekonomi",
                            "Nilai IKE",
                            "0,6334",
                        ],
                    ],
                ),
                sheet(
                    "Capaian",
                    &[
                        &["INDIKATOR KINERJA UTAMA", "TARGET", "REALISASI"],
                        &["Nilai IKE.", "0.6333", "0.6512"],
                    ],
                ),
            ],
        );
        assert_finding(f, "XDC020", "PK!D2", "0,6334", Some("0.6333"));
        let related: Vec<String> = f
            .related
            .iter()
            .map(|l| format!("{}!{}", l.sheet, l.cell))
            .collect();
        assert_eq!(related, vec!["IKU!C2", "Capaian!B2"]);
    }

    #[test]
    fn a_grade_with_its_number_is_the_grade_and_a_unit_is_no_difference() {
        use crate::check::testing::findings;
        let found = findings(
            &RULE,
            &[
                sheet(
                    "PK",
                    &[
                        &["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"],
                        // Diskominfo Pringsewu's PK writes the SAKIP grade alone.
                        &["1.", "Meningkatnya Akuntabilitas", "Nilai SAKIP", "BB"],
                        &[
                            "2.",
                            "Meningkatnya Akuntabilitas",
                            "Dokumen perencanaan",
                            "24",
                        ],
                        &["3.", "Meningkatnya Layanan", "Pengaduan selesai", "80 - 90"],
                    ],
                ),
                sheet(
                    "Capaian",
                    &[
                        &["INDIKATOR KINERJA UTAMA", "TARGET", "REALISASI"],
                        &["Nilai SAKIP", "70 (BB)", "72"],
                        &["Dokumen perencanaan", "24 Dokumen", "24"],
                        &["Pengaduan selesai", "80–90", "92"],
                    ],
                ),
            ],
        );
        assert_eq!(found, vec![]);
        let found = findings(
            &RULE,
            &[
                sheet(
                    "PK",
                    &[
                        &["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"],
                        &["1.", "Meningkatnya Layanan", "Pengaduan selesai", "80 - 90"],
                    ],
                ),
                sheet(
                    "Capaian",
                    &[
                        &["INDIKATOR KINERJA UTAMA", "TARGET", "REALISASI"],
                        &["Pengaduan selesai", "85 - 90", "92"],
                    ],
                ),
            ],
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_finding(
            &found[0],
            "XDC020",
            "Capaian!B2",
            "85 - 90",
            Some("80 - 90"),
        );
    }

    #[test]
    fn a_table_of_another_year_is_compared_with_that_years_targets() {
        use crate::check::testing::findings;
        let iku = sheet(
            "IKU",
            &[
                &["INDIKATOR KINERJA", "2022", "2023"],
                &["Nilai IKE", "0,5925", "0,6333"],
            ],
        );
        let pk = sheet(
            "PK",
            &[
                &["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"],
                &[
                    "1.",
                    "Meningkatnya Ketahanan Ekonomi",
                    "Nilai IKE",
                    "0,6333",
                ],
            ],
        );
        // Last year's achievement table, kept in this year's workbook.
        let capaian = |title: &'static str, target: &'static str| {
            sheet(
                "Capaian 2022",
                &[
                    &[title],
                    &["INDIKATOR KINERJA UTAMA", "TARGET", "REALISASI"],
                    &["Nilai IKE", target, "0.6012"],
                ],
            )
        };
        let quiet = findings(
            &RULE,
            &[iku, pk, capaian("PENGUKURAN KINERJA TAHUN 2022", "0.5925")],
        );
        assert_eq!(quiet, vec![]);
        // Its target unlike the IKU's 2022 one: found, as a 2022 target.
        let iku = sheet(
            "IKU",
            &[
                &["INDIKATOR KINERJA", "2022", "2023"],
                &["Nilai IKE", "0,5925", "0,6333"],
            ],
        );
        let f = &only(
            &RULE,
            &[iku, capaian("PENGUKURAN KINERJA TAHUN 2022", "0.5952")],
        );
        assert_finding(f, "XDC020", "Capaian 2022!B3", "0.5952", Some("0.5925"));
        assert!(
            f.message.en.starts_with("the 2022 target of indicator"),
            "{}",
            f.message.en
        );
    }
}
