//! Performance family: capaian and its category, targets across the IKU, the PK and
//! the achievement table, percentage indicators, and the staff table's sums. One
//! rule per file; what several of them use (formatting, where a cell is, the
//! capaian a category follows) is here.

mod pct020;
mod pct021;
mod rng020;
mod sum020;
mod sum021;
mod thr020;
mod thr021;
mod xdc020;

use super::{Context, Rule};
use crate::cell::CellRef;
use crate::finding::Loc;
use crate::model::performance::Achievement;
use rust_decimal::Decimal;

pub static RULES: &[Rule] = &[
    pct020::RULE,
    pct021::RULE,
    thr020::RULE,
    thr021::RULE,
    xdc020::RULE,
    rng020::RULE,
    sum020::RULE,
    sum021::RULE,
];

/// A number in plain machine form (`66.16`).
fn plain(v: Decimal) -> String {
    v.normalize().to_string()
}

fn loc(ctx: &Context, table: usize, cell: CellRef) -> Loc {
    ctx.model.loc(table, cell)
}

/// The capaian a row's category must follow: the stated one when it is right
/// (PCT020 accepts it), else the computed one; the stated one when none can be
/// computed.
fn capaian_basis(a: &Achievement) -> Option<Decimal> {
    let stated = a
        .capaian
        .as_ref()
        .and_then(|f| f.value.map(|v| (v, f.decimals)));
    match (a.judged_capaian(), stated) {
        (Some(c), Some((s, d))) if c.accepts(s, d) => Some(s),
        (Some(c), _) => Some(c.value),
        (None, Some((s, _))) => Some(s),
        (None, None) => None,
    }
}

/// The tables the family's tests build: an achievement table and a staff table,
/// each with its header row above the given rows.
#[cfg(test)]
mod tables {
    use crate::check::testing::{only, sheet};
    use crate::check::Rule;
    use crate::finding::Finding;

    const ACHIEVEMENT: &[&str] = &[
        "INDIKATOR KINERJA UTAMA",
        "TARGET",
        "REALISASI",
        "CAPAIAN (%)",
        "KATEGORI",
    ];
    const STAFF: &[&str] = &[
        "NO",
        "JABATAN",
        "JML",
        "PANGKAT/GOL/RUANG",
        "JML",
        "PENDIDIKAN FORMAL",
        "JML",
    ];

    fn under(
        header: &'static [&'static str],
        rows: &[&'static [&'static str]],
    ) -> Vec<&'static [&'static str]> {
        std::iter::once(header)
            .chain(rows.iter().copied())
            .collect()
    }

    /// The one finding of `rule` on sheet `Tabel 3.2`: INDIKATOR KINERJA UTAMA |
    /// TARGET | REALISASI | CAPAIAN (%) | KATEGORI, then `rows`.
    pub fn only_in_achievements(rule: &Rule, rows: &[&'static [&'static str]]) -> Finding {
        only(rule, &[sheet("Tabel 3.2", &under(ACHIEVEMENT, rows))])
    }

    /// The one finding of `rule` on sheet `Personil`: NO | JABATAN | JML |
    /// PANGKAT/GOL/RUANG | JML | PENDIDIKAN FORMAL | JML, then `rows`.
    pub fn only_in_staff(rule: &Rule, rows: &[&'static [&'static str]]) -> Finding {
        only(rule, &[sheet("Personil", &under(STAFF, rows))])
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    #[test]
    fn indonesian_numbers() {
        assert_eq!(crate::words::format_decimal(dec!(1423)), "1.423");
        assert_eq!(
            crate::words::format_decimal(dec!(6796834585)),
            "6.796.834.585"
        );
        assert_eq!(crate::words::format_decimal(dec!(66.16)), "66,16");
        assert_eq!(crate::words::format_decimal(dec!(0.6333)), "0,6333");
        assert_eq!(crate::words::format_decimal(dec!(-1500.5)), "-1.500,5");
        assert_eq!(crate::words::format_decimal(dec!(100.00)), "100");
    }
}
