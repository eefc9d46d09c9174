//! XDC030 renja-vs-realisation: a kegiatan's pagu or realisasi differs between the budget realisation
//! table and the Evaluasi Renja it comes from.

use super::shown;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Loc, Message, Severity};
use crate::model::budget::BudgetLine;
use crate::model::Figure;

pub const RULE: Rule = Rule {
    code: "XDC030",
    name: "renja-vs-realisation",
    severity: Severity::Error,
    title: "A kegiatan's pagu or realisasi differs between Tabel 3.4 and the Evaluasi Renja",
    judul: "Pagu atau realisasi kegiatan berbeda antara Tabel 3.4 dan Evaluasi Renja",
    doc: include_str!("xdc030.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let Some(form) = &ctx.model.renja.realisation else {
        return;
    };
    let form_info = &ctx.model.tables[form.table];
    let theirs: Vec<&BudgetLine> = form.kegiatan().collect();
    let tol = ctx.cfg.tolerances.money;
    for table in &ctx.model.budget.realisations {
        let info = &ctx.model.tables[table.table];
        for line in table.kegiatan() {
            let Some((i, similarity)) = crate::names::best_match(
                &line.name,
                theirs.iter().map(|k| k.name.as_str()),
                ctx.cfg.tolerances.name_similarity,
            ) else {
                continue;
            };
            let other = theirs[i];
            let pairs: [(&str, &Option<Figure>, &Option<Figure>); 2] = [
                ("pagu", &line.pagu, &other.pagu),
                ("realisasi", &line.realisasi, &other.realisasi),
            ];
            for (what, ours, form_figure) in pairs {
                let (Some(a), Some(b)) = (ours.as_ref(), form_figure.as_ref()) else {
                    continue;
                };
                let (Some(x), Some(y)) = (a.value, b.value) else {
                    continue;
                };
                if (x - y).abs() <= tol {
                    continue;
                }
                let pct = format!("{:.0}", similarity * 100.0);
                let message = Message::new(
                    format!(
                        "{what} «{}» di tabel realisasi {} berbeda dengan Evaluasi Renja ({}, {}!{}): {}; dipasangkan dengan «{}», kemiripan {pct}%",
                        line.written, shown(x), form_info.sheet, form_info.file, b.at, shown(y), other.written
                    ),
                    format!(
                        "the {what} of «{}» in the realisation table is {} but the Evaluasi Renja ({}, {}!{}) holds {}; paired with «{}», similarity {pct}%",
                        line.written, shown(x), form_info.sheet, form_info.file, b.at, shown(y), other.written
                    ),
                );
                out.push(
                    rule.finding(
                        Loc::cell(&info.file, &info.sheet, a.at),
                        message,
                        a.written.clone(),
                    )
                    .expect(y.normalize().to_string())
                    .related(vec![Loc::cell(
                        &form_info.file,
                        &form_info.sheet,
                        b.at,
                    )]),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::renja::testing::{form, run, table, Layout, Mutant, TABEL_3_4};

    /// A hand-typed Tabel 3.4 beside the form: the second kegiatan's pagu is 120
    /// where the form's column 8 Rp adds up to 100.
    fn tabel_3_4() -> Vec<u8> {
        table(
            "Tabel 3.4",
            TABEL_3_4,
            &[],
            &[
                ("Program Penunjang Urusan", None),
                ("Perencanaan dan Evaluasi", Some(&[100.0, 70.0, 70.0])),
                ("Administrasi Keuangan Daerah", Some(&[120.0, 70.0, 58.33])),
                ("Program Pemberdayaan Lembaga Kemasyarakatan", None),
                ("Fasilitasi Kerja Sama", Some(&[50.0, 35.0, 70.0])),
            ],
        )
    }

    #[test]
    fn a_pagu_differing_from_the_form_is_found_at_the_tables_cell() {
        let findings = run(vec![
            (
                "renja.xlsx",
                form(Layout::PLAIN, Mutant::Clean, "Realisasi TW IV"),
            ),
            ("tabel.xlsx", tabel_3_4()),
        ]);
        let ours: Vec<_> = findings.iter().filter(|f| f.code == "XDC030").collect();
        assert_eq!(ours.len(), 1, "{findings:#?}");
        let f = ours[0];
        assert_eq!(&*f.loc.file, "tabel.xlsx");
        assert_eq!(f.loc.cell.to_string(), "B4");
        assert_eq!(f.found, "120");
        assert_eq!(f.expected.as_deref(), Some("100"));
        assert_eq!(f.related[0].cell.to_string(), "K12");
        assert!(
            f.message.id.contains("Kegiatan Administrasi Keuangan"),
            "{}",
            f.message.id
        );
    }
}
