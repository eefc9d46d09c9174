//! RNG020 percent-indicator-range: percentage indicators stay within 0–100.

use super::{loc, plain};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: "RNG020",
    name: "percent-indicator-range",
    severity: Severity::Error,
    title: "A percentage indicator has a value outside 0–100",
    judul: "Indikator persentase bernilai di luar 0–100",
    doc: include_str!("rng020.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for l in &ctx.model.performance.lembaga {
        if !l.is_percent() {
            continue;
        }
        for lv in &l.values {
            let (year, f) = (lv.year, &lv.figure);
            let Some(v) = lv.value else { continue };
            if v >= Decimal::ZERO && v <= Decimal::ONE_HUNDRED {
                continue;
            }
            let as_typed = f.written.trim() == plain(v) || !f.stored_as_text;
            let read_id = if as_typed {
                String::new()
            } else {
                format!(" (dibaca sebagai {})", plain(v))
            };
            let read_en = if as_typed {
                String::new()
            } else {
                format!(" (read as {})", plain(v))
            };
            let message = Message::new(
                format!(
                    "indikator \"{}\" berupa persentase, tetapi nilai {year} tertulis {}{read_id}, di luar 0–100",
                    l.name, f.written
                ),
                format!(
                    "indicator \"{}\" is a percentage, but its {year} value is {}{read_en}, outside 0–100",
                    l.name, f.written
                ),
            );
            out.push(
                rule.finding(loc(ctx, l.table, f.at), message, f.written.clone())
                    .related(vec![loc(ctx, l.table, l.name_cell)]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, only, sheet};

    #[test]
    fn a_count_typed_where_a_percentage_belongs() {
        let f = &only(
            &RULE,
            &[sheet(
                "Tabel 3.3",
                &[
                    &["INDIKATOR", "2022", "2023"],
                    &["% BPK yang baik", "85.5", "'1.423"],
                    &["Jumlah BUMDes aktif", "180", "221"],
                ],
            )],
        );
        assert_finding(f, "RNG020", "Tabel 3.3!C2", "1.423", None);
        assert_eq!(f.related[0].cell.to_string(), "A2");
        assert!(f.message.en.contains("(read as 1423)"), "{}", f.message.en);
    }
}
