//! SPD007 copy-disagrees: two sheets of one export hold other figures for a row.

use super::{loc, money, named};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};

pub const RULE: Rule = Rule {
    code: "SPD007",
    name: "copy-disagrees",
    severity: Severity::Warning,
    title: "Two sheets of one SIPD export hold other figures for a row",
    judul: "Dua lembar dari satu ekspor SIPD berbeda angka pada baris yang sama",
    doc: include_str!("spd007.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let exports = &ctx.model.sipd.exports;
    for e in exports {
        let Some(counted) = e.copy_of else { continue };
        // The deepest row that differs: the rows above it differ because of it.
        let differs = |i: usize| e.disagreements.iter().any(|d| d.line == i);
        let Some(first) = e
            .disagreements
            .iter()
            .find(|d| !e.lines[d.line].children.iter().any(|&c| differs(c)))
        else {
            continue;
        };
        let other = &exports[counted];
        let (who_id, who_en) = named(&e.lines[first.line]);
        let (h_id, h_en) = money(first.here.1);
        let (t_id, t_en) = money(first.there.1);
        let n = e.disagreements.len();
        let place = format!("{}!{}", other.sheet, first.there.0);
        let (more_id, more_en) = if n > 1 {
            (
                format!("; {} baris lain juga berbeda", n - 1),
                format!("; {} other rows differ too", n - 1),
            )
        } else {
            (String::new(), String::new())
        };
        let found = e.lines[first.line]
            .realisasi
            .iter()
            .chain(&e.lines[first.line].anggaran)
            .flatten()
            .find(|f| f.at == first.here.0)
            .map(|f| f.written.clone())
            .unwrap_or_else(|| first.here.1.normalize().to_string());
        let mut related = vec![loc(ctx, other, first.there.0)];
        related.extend(
            e.disagreements
                .iter()
                .filter(|d| d.here.0 != first.here.0)
                .map(|d| loc(ctx, e, d.here.0)),
        );
        out.push(
            rule.finding(
                loc(ctx, e, first.here.0),
                Message::new(
                    format!("lembar \"{}\" memuat baris ekspor SIPD yang sama dengan lembar \"{}\", tetapi {who_id} di sini {h_id}, di {place} {t_id}{more_id}; laporan memakai lembar \"{}\"", e.sheet, other.sheet, other.sheet),
                    format!("sheet \"{}\" holds the same SIPD export rows as sheet \"{}\", but {who_en} reads {h_en} here and {t_en} at {place}{more_en}; the report takes sheet \"{}\"", e.sheet, other.sheet, other.sheet),
                ),
                found,
            )
            .expect(first.there.1.normalize().to_string())
            .related(related),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::check::sipd::testing::{named, one_pair, with};
    use crate::check::testing::{assert_finding, findings, one};

    #[test]
    fn a_copy_typed_over() {
        let copy = named(with(one_pair(), "D7", "950000"), "Bidang");
        let f = one(findings(&RULE, &[one_pair(), copy]));
        assert_finding(&f, "SPD007", "Bidang!D7", "950000", Some("900000"));
        assert_eq!(f.related[0].sheet.as_ref(), "Rekap");
        assert_eq!(f.related[0].cell.to_string(), "D7");
    }

    #[test]
    fn quiet_on_a_filtered_copy() {
        // The copy keeps the first sub kegiatan's rows only.
        let mut copy = named(one_pair(), "Bidang");
        copy.rows.truncate(13);
        assert_eq!(findings(&RULE, &[one_pair(), copy]), Vec::new());
    }
}
