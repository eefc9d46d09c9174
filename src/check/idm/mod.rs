//! IDM family: village statuses against the bands, index ranges and means, and the
//! status summary against the village table.

use super::{Context, Fixes, Handling, Rule};
use crate::cell::{column_name, sum_formula, CellRef};
use crate::compare::{agrees, at_precision};
use crate::config::Derivation;
use crate::config::{Band, Bound};
use crate::finding::{Correction, Finding, Message, NewValue, Safety, Severity};
use crate::model::idm::{IdmSummary, Profile, SummaryRow, Village, VillageTable};
use crate::model::Figure;
use rust_decimal::Decimal;
use std::collections::HashMap;

mod idx001;
mod kod001;
mod kod002;
mod kod003;
mod kod004;
mod pairing;
mod pct001;
mod pct002;
mod rng001;
mod schemes;
mod sum001;
mod sum002;
mod sum003;
mod thn001;
mod thr001;
mod thr002;
mod thr003;
mod xdc001;
mod xdc002;

pub static RULES: &[Rule] = &[
    thr001::RULE,
    thr002::RULE,
    thr003::RULE,
    rng001::RULE,
    sum001::RULE,
    sum002::RULE,
    sum003::RULE,
    pct001::RULE,
    pct002::RULE,
    kod001::RULE,
    kod002::RULE,
    kod003::RULE,
    kod004::RULE,
    thn001::RULE,
    xdc001::RULE,
    xdc002::RULE,
    idx001::RULE,
];

/// A number in Indonesian writing (`words::group_thousands`): `.` groups
/// thousands, `,` marks decimals. `decimals` = None keeps the value's own digits.
pub(super) fn angka(value: Decimal, decimals: Option<u32>) -> String {
    let d = decimals.unwrap_or_else(|| value.normalize().scale());
    crate::words::group_thousands(value, d)
}

/// A figure's value in Indonesian writing, at the precision it was written with.
fn angka_of(f: &Figure) -> String {
    f.value
        .map_or_else(|| f.written.clone(), |v| angka(v, Some(f.decimals)))
}

/// A percentage as the office sees it: text as typed, a number in whole percent
/// with its sign (`0.252` in a percent-formatted cell shows as `25,2%`).
fn shown_percent(f: &Figure) -> String {
    match f.value {
        Some(v) if !f.stored_as_text => format!("{}%", angka(v, Some(f.decimals))),
        _ => f.written.clone(),
    }
}

fn half_unit(decimals: u32) -> Decimal {
    Decimal::new(5, decimals.min(27) + 1)
}

/// A band's range in words: (`> 0,707 dan ≤ 0,815`, `> 0.707 and ≤ 0.815`).
fn band_range(band: &Band) -> (String, String) {
    let lower = |b: Bound| (if b.inclusive { "≥" } else { ">" }, b.value);
    let upper = |b: Bound| (if b.inclusive { "≤" } else { "<" }, b.value);
    let parts: Vec<(&str, Decimal)> = band
        .lower
        .map(lower)
        .into_iter()
        .chain(band.upper.map(upper))
        .collect();
    let id: Vec<String> = parts
        .iter()
        .map(|(op, v)| format!("{op} {}", angka(*v, None)))
        .collect();
    let en: Vec<String> = parts
        .iter()
        .map(|(op, v)| format!("{op} {}", v.normalize()))
        .collect();
    (id.join(" dan "), en.join(" and "))
}

/// `NAMA (KECAMATAN)` of a village, for messages.
fn village_label(v: &Village) -> String {
    match (v.name.as_ref(), v.kecamatan.as_ref()) {
        (Some(n), Some(k)) => format!("{} ({})", n.text, k.text),
        (Some(n), None) => n.text.to_string(),
        _ => format!("baris {}", v.row + 1),
    }
}

/// The profile of a village table's index.
fn profile_of<'a>(ctx: &Context<'a>, vt: &VillageTable) -> Profile<'a> {
    Profile::of(ctx.cfg, vt.kind)
}

/// The components of a village with their profile entries, when all are numbers
/// within their ranges (else the components cannot tell the total).
fn components_in_range<'v>(v: &'v Village, p: &Profile) -> Option<Vec<(&'v Figure, Decimal)>> {
    if p.components.is_empty() || v.components.len() != p.components.len() {
        return None;
    }
    v.components
        .iter()
        .zip(&p.components)
        .map(|(f, c)| {
            let f = f.as_ref()?;
            let x = f.value?;
            (x >= Decimal::ZERO && x <= c.max).then_some((f, x))
        })
        .collect()
}

/// The total the components give, unrounded: their mean (IDM) or their points
/// over the summed maxima × 100 (Indeks Desa); `None` when not derived.
fn derived_total(p: &Profile, values: &[Decimal]) -> Option<Decimal> {
    let sum: Decimal = values.iter().copied().sum();
    match p.derivation {
        Derivation::Mean => Some(sum / Decimal::from(values.len())),
        Derivation::Points => {
            let max: Decimal = p.components.iter().map(|c| c.max).sum();
            Some(sum * Decimal::ONE_HUNDRED / max)
        }
        Derivation::None => None,
    }
}

/// The spreadsheet formula of the derived total over these cells, at `d` decimals.
fn total_formula(p: &Profile, cells: &[CellRef], d: u32) -> String {
    let sum = cells
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join("+");
    match p.derivation {
        Derivation::Points => {
            let max: Decimal = p.components.iter().map(|c| c.max).sum();
            format!("ROUND(({sum})/{}*100,{d})", max.normalize())
        }
        _ => format!("ROUND(({sum})/{},{d})", cells.len()),
    }
}

/// The total a village should show when the one written does not follow from its
/// components (what SUM001 writes), with its decimals; `None` when it does, or when
/// the components cannot tell.
/// Whether the mean of `values` rounded half away from zero at `decimals` is
/// `stated` (then [`agrees`] holds for the mean [`derived_total`] computes), told
/// without dividing: for a sum of at least 0 that is `n·(stated − ½·10^-d) ≤ sum
/// < n·(stated + ½·10^-d)`. False means "not shown", not "disagrees". Exact: with at
/// most 20 decimals everywhere, the exact mean is either a midpoint of the rounding
/// (a finite decimal, which Decimal's division gives exactly) or at least
/// 10^-20/(2n) from every midpoint, far beyond the division's error under 1000
/// (below 10^-24), so the Decimal mean rounds as the exact one does.
fn mean_rounds_to(stated: Decimal, decimals: u32, values: &[Decimal]) -> bool {
    let sum: Decimal = values.iter().copied().sum();
    if values.is_empty()
        || decimals > 20
        || sum.scale() > 20
        || stated.is_sign_negative()
        || sum.is_sign_negative()
        || stated > Decimal::ONE_THOUSAND
    {
        return false;
    }
    let n = Decimal::from(values.len());
    let half = half_unit(decimals);
    match (n.checked_mul(stated - half), n.checked_mul(stated + half)) {
        (Some(lo), Some(hi)) => lo <= sum && sum < hi,
        _ => false,
    }
}

pub(super) fn total_by_components(v: &Village, p: &Profile) -> Option<(Decimal, u32)> {
    let total = v.total.as_ref()?;
    // A total outside its scale is RNG001's, whatever its components say.
    let stated = total.value.filter(|x| p.in_range(*x))?;
    let parts = components_in_range(v, p)?;
    let values: Vec<Decimal> = parts.iter().map(|(_, x)| *x).collect();
    // Nearly every village: the stated mean is the components' mean rounded.
    if matches!(p.derivation, Derivation::Mean) && mean_rounds_to(stated, total.decimals, &values) {
        return None;
    }
    let computed = derived_total(p, &values)?;
    let dc = parts.iter().map(|(f, _)| f.decimals).max().unwrap_or(0);
    let idm = total;
    if agrees(stated, idm.decimals, computed)
        || (idm.decimals > 0
            && (stated - computed).abs() <= half_unit(idm.decimals) + half_unit(dc))
    {
        return None;
    }
    let d = if idm.decimals > 0 {
        idm.decimals
    } else {
        dc.max(4)
    };
    Some((at_precision(computed, d), d))
}

/// The non-total rows above the summary's total row (all of them without one).
fn rows_above(s: &IdmSummary) -> impl Iterator<Item = &SummaryRow> {
    let limit = s.total.as_ref().map_or(u32::MAX, |t| t.row);
    s.rows.iter().filter(move |r| r.row < limit)
}

/// `SUM(B$5:B$9)` over these count cells (rows anchored), or `(B5+B7)`.
fn anchored_sum(cells: &[CellRef]) -> String {
    let contiguous = cells
        .windows(2)
        .all(|w| w[1].col == w[0].col && w[1].row == w[0].row + 1);
    match cells {
        [first, .., last] if contiguous => {
            format!(
                "SUM({}${}:{}${})",
                column_name(first.col),
                first.row + 1,
                column_name(last.col),
                last.row + 1
            )
        }
        _ => format!(
            "({})",
            cells
                .iter()
                .map(|c| format!("{}${}", column_name(c.col), c.row + 1))
                .collect::<Vec<_>>()
                .join("+")
        ),
    }
}

/// A sheet name as a formula writes it: quoted, inner quotes doubled (`'IDM 2023'`).
fn quoted_sheet(name: &str) -> String {
    format!("'{}'", name.replace('\'', "''"))
}

/// The status column ranges (`'IDM 2023'!$K$5:$K$330`) a summary of the same
/// workbook can count the list's villages over with `COUNTIF(range,"LABEL")`, one
/// per village table: only when every village's status, as the corrected workbook
/// holds it (THR001's band label where it corrects the status, else the cell as
/// typed), is a band's label exactly but for case, the villages of each table fill
/// consecutive rows, and counting those words gives for every band the count of
/// `counts` (SUM002's, by value). Otherwise `None`, and a count stays a number.
fn countif_ranges(
    ctx: &Context,
    s: &IdmSummary,
    list: &crate::model::idm::VillageList,
    p: &Profile,
    counts: &[crate::model::idm::StatusCount],
) -> Option<Vec<String>> {
    let m = ctx.model;
    let file = &m.tables[s.table].file;
    // Labels COUNTIF matches literally: letters and spaces only (no wildcards).
    if counts
        .iter()
        .any(|c| c.label.is_empty() || !c.label.chars().all(|ch| ch.is_alphabetic() || ch == ' '))
    {
        return None;
    }
    // How many villages each label's COUNTIF counts (by a label's first entry).
    let first_of: Vec<usize> = counts
        .iter()
        .map(|c| {
            counts
                .iter()
                .position(|d| d.label == c.label)
                .expect("itself")
        })
        .collect();
    let mut words: Vec<usize> = vec![0; counts.len()];
    let mut ranges = Vec::new();
    for vt in &list.tables {
        let info = &m.tables[vt.table];
        if info.file != *file {
            return None;
        }
        let sheet = ctx
            .reading
            .inputs
            .iter()
            .find(|i| *i.file == *info.file)?
            .sheets
            .iter()
            .find(|sh| *sh.name == *info.sheet)?;
        let (first, last) = (vt.villages.first()?, vt.villages.last()?);
        let col = first.status.as_ref()?.at.col;
        // The sheet's rows walked beside the villages (one row after the other):
        // `Sheet::cell` without a search per village.
        let mut next = sheet.rows.partition_point(|(r, _)| *r < first.row);
        for (i, v) in vt.villages.iter().enumerate() {
            let st = v.status.as_ref()?;
            if st.at.col != col || v.row != first.row + i as u32 {
                return None;
            }
            let corrected = ctx.villages.corrected(vt.table, i).map(|(x, _)| x);
            let by_value = v
                .total
                .as_ref()
                .and_then(|t| corrected.or(t.value))
                .and_then(|x| p.band_of(x))
                .map(|b| b.label.as_str());
            let word: &str = match by_value {
                Some(label) if v.status_band.as_deref() != Some(label) => label,
                _ => match &cell_from(&sheet.rows, &mut next, st.at)?.value {
                    crate::read::Value::Text(t) => t,
                    _ => return None,
                },
            };
            let label = counts.iter().position(|c| same_lowercase(&c.label, word))?;
            words[first_of[label]] += 1;
        }
        ranges.push(format!(
            "{}!${}${}:${}${}",
            quoted_sheet(&info.sheet),
            column_name(col),
            first.row + 1,
            column_name(col),
            last.row + 1
        ));
    }
    counts
        .iter()
        .zip(&first_of)
        .all(|(c, &f)| words[f] == c.count)
        .then_some(ranges)
}

/// The cell at `at` of a sheet's `rows`, searched from row `next` on, for cells
/// asked for in increasing row order; `next` moves to `at`'s row.
fn cell_from<'s>(
    rows: &'s [(u32, Vec<crate::read::Cell>)],
    next: &mut usize,
    at: CellRef,
) -> Option<&'s crate::read::Cell> {
    while rows.get(*next).is_some_and(|(r, _)| *r < at.row) {
        *next += 1;
    }
    let (r, cells) = rows.get(*next)?;
    if *r != at.row {
        return None;
    }
    let col = cells.binary_search_by_key(&at.col, |c| c.at.col).ok()?;
    Some(&cells[col])
}

/// Whether two texts are equal in lower case (`str::to_lowercase`), without
/// building them when both are ASCII.
fn same_lowercase(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

fn countif_formula(ranges: &[String], label: &str) -> String {
    ranges
        .iter()
        .map(|r| format!("COUNTIF({r},\"{label}\")"))
        .collect::<Vec<_>>()
        .join("+")
}

/// The counts of one year of a summary, above its total row.
struct Counts {
    /// The count cells, in table order.
    cells: Vec<CellRef>,
    /// Sheet row → the count: as the village table of that year has it where there
    /// is one and the row names a status (so a count SUM002 reports does not also
    /// throw off every share and the total), otherwise as stated.
    by_row: HashMap<u32, Decimal>,
    total: Decimal,
}

impl Counts {
    /// Row `r`'s share of `year` and what its count over the total gives (whole
    /// percent), when the two disagree at the share's printed precision: PCT001's
    /// slip, whose echo in the shares' sum PCT002 does not repeat.
    fn wrong_share<'a>(&self, r: &'a SummaryRow, year: i32) -> Option<(&'a Figure, Decimal)> {
        let share = r.of_year(year)?.share.as_ref()?;
        let (stated, &n) = (share.value?, self.by_row.get(&r.row)?);
        if self.total <= Decimal::ZERO {
            return None;
        }
        let computed = n / self.total * Decimal::ONE_HUNDRED;
        (!agrees(stated, share.decimals, computed)).then_some((share, computed))
    }
}

/// The counts of `year`, when every row above the total has a numeric count.
fn year_counts(ctx: &Context, s: &IdmSummary, year: i32) -> Option<Counts> {
    let villages = ctx
        .villages
        .list_of_year(s.kind, year)
        .map(|i| &ctx.villages.value_counts(i).0);
    let mut counts = Counts {
        cells: Vec::new(),
        by_row: HashMap::new(),
        total: Decimal::ZERO,
    };
    for r in rows_above(s) {
        let Some(f) = r.of_year(year).and_then(|f| f.count.as_ref()) else {
            continue;
        };
        let stated = f.value?;
        let n = match (villages, &r.band) {
            (Some(v), Some(band)) => v
                .iter()
                .find(|c| &c.label == band)
                .map_or(Decimal::ZERO, |c| Decimal::from(c.count)),
            _ => stated,
        };
        counts.cells.push(f.at);
        counts.by_row.insert(r.row, n);
        counts.total += n;
    }
    (!counts.cells.is_empty()).then_some(counts)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::idm::{Text, VillageTable};
    use crate::model::{Model, TableInfo};

    /// A village in row 2 with these codes (desa, kecamatan, kabupaten, provinsi)
    /// in columns A to D.
    pub fn village_with_codes(codes: [&str; 4]) -> Village {
        let t = |col, s: &str| {
            Some(Text {
                at: CellRef::new(1, col),
                text: s.into(),
            })
        };
        Village {
            row: 1,
            no: None,
            kode: t(0, codes[0]),
            kode_kecamatan: t(1, codes[1]),
            kode_kabupaten: t(2, codes[2]),
            kode_provinsi: t(3, codes[3]),
            provinsi: None,
            kabupaten: None,
            kecamatan: t(4, "BANJIT"),
            name: t(5, "BONGLAI"),
            components: vec![None, None, None],
            total: None,
            status: None,
            status_band: None,
        }
    }

    /// The findings of `rule` on one village table of these villages.
    pub fn run(rule: &Rule, villages: Vec<Village>) -> Vec<Finding> {
        let mut model = Model::default();
        model.tables.push(TableInfo {
            kind: crate::table::TableKind::IdmDesa,
            file: "a.xlsx".into(),
            sheet: "IDM".into(),
            range: crate::cell::CellRange {
                first: CellRef::new(0, 0),
                last: CellRef::new(9, 9),
            },
            rows: villages.len(),
            year: None,
        });
        model.idm.villages.push(VillageTable {
            table: 0,
            kind: crate::table::TableKind::IdmDesa,
            year: 2023,
            year_from_header: false,
            header: CellRef::new(0, 0),
            columns: Default::default(),
            villages,
            total_rows: vec![],
        });
        let reading = crate::structure::Reading::default();
        let cfg = crate::config::Config::default_config();
        let ctx = Context::new(&reading, &model, &cfg);
        let mut out = Vec::new();
        (rule.check)(rule, &ctx, &mut out);
        out
    }
    use rust_decimal_macros::dec;

    #[test]
    fn indonesian_numbers() {
        assert_eq!(angka(dec!(6796834585), None), "6.796.834.585");
        assert_eq!(angka(dec!(0.73040), Some(4)), "0,7304");
        assert_eq!(angka(dec!(11.764705), Some(2)), "11,76");
        assert_eq!(angka(dec!(-1234.5), None), "-1.234,5");
        assert_eq!(angka(dec!(100), Some(0)), "100");
    }

    #[test]
    fn a_mean_shown_to_round_to_the_stated_agrees() {
        let mut x: u64 = 11;
        let mut next = |n: u64| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (x >> 33) % n
        };
        let (mut shown, mut agreeing) = (0, 0);
        for _ in 0..20_000 {
            let scale = next(6) as u32;
            let n = 1 + next(4) as usize;
            let values: Vec<Decimal> = (0..n)
                .map(|_| Decimal::new(next(10u64.pow(scale) + 1) as i64, scale))
                .collect();
            let d = next(7) as u32;
            let mean = values.iter().copied().sum::<Decimal>() / Decimal::from(n);
            // Stated: the mean rounded either way, or off by a unit now and then.
            let mut stated = mean.round_dp(d);
            if next(4) == 0 {
                stated += Decimal::new(next(3) as i64 - 1, d);
            }
            let fast = mean_rounds_to(stated, d, &values);
            let slow = agrees(stated, d, mean);
            assert!(!fast || slow, "{values:?} {stated} {d}");
            shown += usize::from(fast);
            agreeing += usize::from(slow);
        }
        // The quick test settles nearly every agreeing mean.
        assert!(shown * 10 >= agreeing * 9, "{shown} of {agreeing}");
    }

    #[test]
    fn anchored_sums() {
        let c = |r, col| CellRef::new(r, col);
        assert_eq!(anchored_sum(&[c(4, 1), c(5, 1), c(6, 1)]), "SUM(B$5:B$7)");
        assert_eq!(anchored_sum(&[c(4, 1), c(6, 1)]), "(B$5+B$7)");
    }

    #[test]
    fn band_ranges_in_words() {
        let cfg = crate::config::Config::default_config();
        let maju = cfg.idm.band_named("MAJU").unwrap();
        assert_eq!(band_range(maju).0, "> 0,7072 dan ≤ 0,8155");
        assert_eq!(band_range(maju).1, "> 0.7072 and ≤ 0.8155");
    }
}
