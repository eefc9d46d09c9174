//! SPD008 cut-off: an export that ends mid-table.

use super::{loc, named};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};
use crate::model::sipd::Level;
use crate::structure::tree::RowRole;

pub const RULE: Rule = Rule {
    code: "SPD008",
    name: "cut-off",
    severity: Severity::Warning,
    title: "A SIPD export ends mid-table",
    judul: "Ekspor SIPD terpotong di tengah tabel",
    doc: include_str!("spd008.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for e in &ctx.model.sipd.exports {
        if e.lines.iter().any(|l| l.role == RowRole::Total) {
            continue;
        }
        let Some(last) = e.lines.iter().rposition(|l| l.level.is_some()) else {
            continue;
        };
        let l = &e.lines[last];
        let Some(level) = l.level.filter(|v| !v.is_account()) else {
            continue;
        };
        // Other rows of its level have rows under them; it has none.
        let detailed = e
            .lines
            .iter()
            .any(|o| o.level == Some(level) && !o.children.is_empty());
        if !l.children.is_empty() || !detailed || level < Level::Program {
            continue;
        }
        let (who_id, who_en) = named(l);
        let row = l.row + 1;
        out.push(rule.finding(
            loc(ctx, e, l.name_cell),
            Message::new(
                format!("ekspor SIPD berakhir pada baris {row}, {who_id}, yang tidak memiliki rincian di bawahnya seperti baris lain setingkatnya, dan tanpa baris Jumlah: ekspor tampaknya terpotong, baris sesudahnya mungkin hilang"),
                format!("the SIPD export ends at row {row}, {who_en}, which has none of the rows under it that others of its level have, and no Jumlah row follows: the export seems cut off and the rows after it may be missing"),
            ),
            l.name.clone(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::check::sipd::testing::one_pair;
    use crate::check::testing::{assert_finding, findings, one};

    #[test]
    fn an_export_cut_after_a_sub_kegiatan() {
        let mut sheet = one_pair();
        sheet.rows.truncate(14);
        let f = one(findings(&RULE, &[sheet]));
        assert_finding(
            &f,
            "SPD008",
            "Rekap!B14",
            "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
            None,
        );
    }

    #[test]
    fn quiet_on_a_whole_export_and_one_without_its_jumlah_row() {
        assert_eq!(findings(&RULE, &[one_pair()]), Vec::new());
        let mut sheet = one_pair();
        sheet.rows.truncate(17);
        assert_eq!(findings(&RULE, &[sheet]), Vec::new());
    }
}
