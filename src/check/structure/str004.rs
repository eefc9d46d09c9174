//! STR004 percentage-of-pair: a percentage or ratio is not the ratio of the two columns the table's rows show it to be, at its printed precision.

use super::{en_num, id_num, report, short, Cause, Slip, TableAnalysis};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Severity};

pub const RULE: Rule = Rule {
    code: "STR004",
    name: "percentage-of-pair",
    severity: Severity::Error,
    title: "A percentage is not the ratio of the columns it is computed from",
    judul: "Persentase tidak sesuai perbandingan kolom asalnya",
    doc: include_str!("str004.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    report(rule, ctx, out, message);
}

fn message(_t: &TableAnalysis, slip: &Slip) -> Option<(String, String)> {
    let Cause::Percent {
        numerator,
        denominator,
        truncated,
        percent,
    } = slip.cause
    else {
        return None;
    };
    let Slip {
        column,
        name,
        found,
        ..
    } = slip;
    let name = short(name);
    let v = slip.expected.unwrap_or_default();
    let times = if percent { " × 100" } else { "" };
    let (cut_id, cut_en) = if truncated {
        (
            " (angkanya dipotong, bukan dibulatkan)",
            " (the figure is cut, not rounded)",
        )
    } else {
        ("", "")
    };
    Some((
        format!(
            "kolom {column}, baris «{name}»: tertulis {found}, padahal {numerator} / {denominator}{times} = {}{cut_id}; kolom ini di baris-baris lain mengikuti rumus itu",
            id_num(v)
        ),
        format!(
            "column {column}, row «{name}»: {found} is written but {numerator} / {denominator}{times} = {}{cut_en}; the column follows that ratio on its other rows",
            en_num(v)
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, findings, one, sheet};

    /// A table no kind of the report reads (households reached per kecamatan),
    /// whose last row's figures are given: its percentages are judged by the
    /// ratio its other rows follow.
    fn table(
        all: &'static str,
        reached: &'static str,
        persen: &'static str,
    ) -> Vec<crate::check::testing::Sheet> {
        vec![sheet(
            "Tabel 19",
            &[
                &["KECAMATAN", "JUMLAH KK", "KK TERLAYANI", "CAKUPAN (%)"],
                &["Blambangan Umpu", "7499", "7021", "93.6"],
                &["Baradatu", "2162", "1889", "87.4"],
                &["Banjit", "3789", "3519", "92.9"],
                &["Kasui", all, reached, persen],
            ],
        )]
    }

    #[test]
    fn a_percentage_its_figures_do_not_give() {
        let f = one(findings(&RULE, &table("3984", "3070", "80.5")));
        assert_finding(&f, "STR004", "Tabel 19!D5", "80.5", Some("77.1"));
        assert_eq!(f.severity, Severity::Error);
        assert!(
            f.message.en.contains("C5 / B5 × 100 = 77.1"),
            "{}",
            f.message.en
        );
        assert!(findings(&RULE, &table("3984", "3070", "77.1")).is_empty());
    }

    #[test]
    fn a_percentage_cut_instead_of_rounded_is_a_warning() {
        // 9.899 / 10.000 = 98,99 %, printed without decimals as 98.
        let f = one(findings(&RULE, &table("10000", "9899", "98")));
        assert_finding(&f, "STR004", "Tabel 19!D5", "98", Some("99"));
        assert_eq!(f.severity, Severity::Warning);
        assert!(
            f.message.en.contains("cut, not rounded"),
            "{}",
            f.message.en
        );
        assert!(findings(&RULE, &table("10000", "9899", "99")).is_empty());
    }
}
