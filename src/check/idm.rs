//! IDM family: village statuses against the bands, index ranges and means, and the
//! status summary against the village table.

use super::compare::{agrees, at_precision};
use super::{Context, Fixes, Handling, Rule};
use crate::cell::{column_name, sum_formula, CellRef};
use crate::config::{Band, Bound};
use crate::finding::{Correction, Finding, Message, NewValue, Safety, Severity};
use crate::model::idm::{Basis, IdmSummary, SummaryRow, Village};
use crate::model::Figure;
use rust_decimal::Decimal;
use std::collections::HashMap;

pub static RULES: &[Rule] = &[
    Rule {
        code: "THR001",
        name: "idm-status",
        severity: Severity::Error,
        title: "A village's status does not match the band of its IDM value",
        judul: "Status desa tidak sesuai rentang nilai IDM-nya",
        doc: "Checks that the STATUS of every village is the band its IDM value falls in, as \
the `[idm]` bands of the config define them (Permendesa PDTT 2/2016: ≤ 0,491 SANGAT \
TERTINGGAL; ≤ 0,599 TERTINGGAL; ≤ 0,707 BERKEMBANG; ≤ 0,815 MAJU; above MANDIRI; a \
boundary value belongs to the lower band). Labels are compared by the band they name, so \
short forms and the config's synonyms are accepted. Values outside 0–1 are left to RNG001. \
Where the IDM itself is not the mean of its IKS, IKE and IKL (SUM001), the status is judged \
against that mean, the value SUM001 writes, so a right status beside a mistyped IDM stays.\n\n\
Why: offices type the status by hand; one typed from last year's list, or by eye near a \
boundary, puts the village in the wrong count of the summary and the report.\n\n\
## Example\n`IDM 2023!F85` says `MAJU` while `E85` holds `0.707`: 0,707 is the upper end of \
BERKEMBANG, so the finding expects `BERKEMBANG`.\n\n\
## Fix\nSafe: the status is derived from the value; the fix writes the band's label.\n\n\
Config: `[idm] bands`.",
        fixes: Fixes::Safe,
        handling: Handling::DERIVED,
        check: status,
    },
    Rule {
        code: "THR002",
        name: "idm-near-boundary",
        severity: Severity::Info,
        title: "An IDM value lies next to a band boundary",
        judul: "Nilai IDM berada di dekat batas status",
        doc: "Notes every IDM value within `tolerances.boundary_margin` (0,0005 by default) of a \
band boundary. Such a status is right by the configured bands, but hangs on the last \
decimal: a value rounded differently, or the ministry's own cut-offs (its 2024 data behaves \
as if they were 0,4907 / 0,5989 / 0,7072 / 0,8154), can move the village to the next band.\n\n\
## Example\n`IDM 2023!E73` holds `0.8149`, MAJU, 0,0001 below the MANDIRI boundary 0,815: a \
note, nothing to correct.\n\n## Fix\nNone: it is a note.\n\n\
Config: `tolerances.boundary_margin`, `[idm] bands`.",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: near_boundary,
    },
    Rule {
        code: "RNG001",
        name: "index-out-of-range",
        severity: Severity::Error,
        title: "An IDM, IKS, IKE or IKL value is outside 0–1",
        judul: "Nilai IDM, IKS, IKE, atau IKL di luar 0–1",
        doc: "Checks that the village indices (IDM and its components IKS, IKE, IKL) lie between \
0 and 1, as the index is defined.\n\n\
Why: a value like `1.2`, `8360` or `83,60` is a typing slip (a missing `0,`, a percentage) \
and would land in the wrong band.\n\n\
## Example\n`IDM 2023!E30` holds `1.2`: no index is above 1; the office must type the value \
from the ministry's release.\n\n## Fix\nNone: the right value is not in the workbook.",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: out_of_range,
    },
    Rule {
        code: "SUM001",
        name: "idm-mean",
        severity: Severity::Error,
        title: "An IDM value is not the mean of IKS, IKE and IKL",
        judul: "Nilai IDM tidak sama dengan rata-rata IKS, IKE, dan IKL",
        doc: "Where a village row has IKS, IKE and IKL, checks that IDM = (IKS + IKE + IKL) / 3 \
at the precision the IDM is written with. As the ministry computes the IDM from unrounded \
components, a difference up to half a unit of the IDM's last decimal plus half a unit of \
the components' last decimal is accepted.\n\n\
## Example\nIn the national layout, `F4` IKS 0.8123, `G4` IKE 0.7011, `H4` IKL 0.6022 and \
`I4` IDM `0.7502`: the mean is 0,7052, so the finding expects `0.7052`.\n\n\
## Fix\nSafe: a formula `ROUND((F4+G4+H4)/3,4)` at the IDM's precision (the plain value \
when a component is stored as text).",
        fixes: Fixes::Safe,
        handling: Handling::DERIVED,
        check: mean,
    },
    Rule {
        code: "SUM002",
        name: "summary-count",
        severity: Severity::Error,
        title: "A status count of the IDM summary differs from the village table",
        judul: "Jumlah desa per status pada rekap IDM berbeda dengan tabel desa",
        doc: "Checks each count of the IDM summary (villages per status per year) against the \
villages with that status in the village table of that year. Each village counts under the \
status its IDM value gives (the status THR001 expects; the typed status where the value is \
missing or outside 0–1), so a mistyped status is reported once, by THR001, and the fixes of \
both rules agree. A village table's year is the report year (`office.year`) unless its IDM \
or STATUS header names one (`IDM 2022`). Years without a village table are not checked. \
The related cell is the village table's first village of that status (or the table's \
header when it has none).\n\n\
## Example\n`Rekap!D8` says 25 MANDIRI villages in 2023 while the 2023 village table lists \
26 villages with status MANDIRI: the finding expects 26.\n\n\
## Fix\nSafe: the count of the village table is written.",
        fixes: Fixes::Safe,
        handling: Handling::DERIVED,
        check: summary_count,
    },
    Rule {
        code: "SUM003",
        name: "summary-total",
        severity: Severity::Error,
        title: "The JUMLAH row of the IDM summary is not the sum of the rows above",
        judul: "Baris JUMLAH rekap IDM tidak sama dengan jumlah baris di atasnya",
        doc: "Checks that a JUMLAH / TOTAL row of the IDM summary holds, for each year, the sum \
of the counts above it (each count as SUM002 computes it where the year has a village \
table).\n\n\
## Example\n`Rekap!D13` says 220 while the 2023 counts above it (26, 97, 98, 0, 0) sum to \
221: the finding expects 221.\n\n## Fix\nSafe: a formula `SUM(D8:D12)`.",
        fixes: Fixes::Safe,
        handling: Handling::DERIVED,
        check: summary_total,
    },
    Rule {
        code: "PCT001",
        name: "distribution-share",
        severity: Severity::Error,
        title: "A status share of the IDM summary is not count / total × 100",
        judul: "Persentase status pada rekap IDM tidak sama dengan jumlah / total × 100",
        doc: "Checks each percentage of the IDM summary: % = the status's count / the year's \
total × 100, at the precision the percentage is written with (`11,76%` for 11,764…). The \
total is the sum of the year's counts; a JUMLAH row's percentage must be 100 (or the sum of \
the percentages above it). Where the year has a village table, each count is taken as \
SUM002 computes it from that table, so a mistyped count is reported once, by SUM002, and \
not again through every share.\n\n\
## Example\n`Rekap!E8` says `11,67%` for 26 of 221 villages: 26 / 221 × 100 = 11,76 %, so \
the finding expects 11.76.\n\n\
## Fix\nSafe: a formula `D8/SUM(D$8:D$12)*100`, or `D8/SUM(D$8:D$12)` where the column \
stores ratios shown as percentages.",
        fixes: Fixes::Safe,
        handling: Handling::DERIVED,
        check: share,
    },
    Rule {
        code: "PCT002",
        name: "shares-sum",
        severity: Severity::Warning,
        title: "The status shares of a year do not add up to 100",
        judul: "Jumlah persentase status suatu tahun tidak 100",
        doc: "Checks that the percentages of one year of the IDM summary add up to 100, within \
the rounding allowance: half a unit of each share's last decimal (11,76 + 43,89 + 44,34 = \
99,99 is fine). The finding points at the column's header and lists the shares; `found` is \
their sum.\n\n\
## Example\nThe 2023 shares `Rekap!E8:E12` sum to 100,99 because `E9` says 44,89: the \
finding expects 100.\n\n## Fix\nNone here: PCT001 corrects the share that is wrong.",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: shares_sum,
    },
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

fn in_unit_range(v: Decimal) -> bool {
    v >= Decimal::ZERO && v <= Decimal::ONE
}

fn status(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for vt in &m.idm.villages {
        for v in &vt.villages {
            let (Some(idm), Some(st)) = (&v.idm, &v.status) else {
                continue;
            };
            // Judged against the IDM SUM001 will write where the one written is not
            // the mean of its components: a right status beside a mistyped IDM stays.
            let corrected = idm_by_components(v).map(|(x, _)| x);
            let Some(x) = corrected.or(idm.value).filter(|x| in_unit_range(*x)) else {
                continue;
            };
            let Some(band) = ctx.cfg.idm.classify(x) else {
                continue;
            };
            if v.status_band.as_deref() == Some(band.label.as_str()) {
                continue;
            }
            let (range_id, range_en) = band_range(band);
            let message = Message::new(
                format!(
                    "status desa {} tertulis {}, padahal IDM {} termasuk {} ({range_id})",
                    village_label(v),
                    st.text,
                    corrected.map_or_else(|| angka_of(idm), |x| angka(x, None)),
                    band.label
                ),
                format!(
                    "village {} has status {}, but IDM {} is in band {} ({range_en})",
                    village_label(v),
                    st.text,
                    x.normalize(),
                    band.label
                ),
            );
            out.push(
                rule.finding(m.loc(vt.table, st.at), message, st.text.to_string())
                    .expect(band.label.clone())
                    .related(vec![m.loc(vt.table, idm.at)])
                    .fix(vec![Correction {
                        cell: st.at,
                        value: NewValue::Text(band.label.clone()),
                        safety: Safety::Safe,
                    }]),
            );
        }
    }
}

fn near_boundary(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    let scale = &ctx.cfg.idm;
    let margin = ctx.cfg.tolerances.boundary_margin;
    let boundaries = scale.boundaries();
    for vt in &m.idm.villages {
        for v in &vt.villages {
            let Some(idm) = &v.idm else { continue };
            let Some(x) = idm.value.filter(|x| in_unit_range(*x)) else {
                continue;
            };
            let Some(b) = boundaries
                .iter()
                .copied()
                .filter(|b| (x - b).abs() <= margin)
                .min_by_key(|b| (x - b).abs())
            else {
                continue;
            };
            let below = scale
                .bands
                .iter()
                .find(|band| band.upper.is_some_and(|u| u.value == b))
                .map(|band| band.label.as_str());
            let above = scale
                .bands
                .iter()
                .find(|band| band.lower.is_some_and(|l| l.value == b))
                .map(|band| band.label.as_str());
            let here = scale.classify(x).map_or("-", |band| band.label.as_str());
            let d = (x - b).abs();
            let (between_id, between_en) = (
                format!("{} dan {}", below.unwrap_or("-"), above.unwrap_or("-")),
                format!("{} and {}", below.unwrap_or("-"), above.unwrap_or("-")),
            );
            let (where_id, where_en) = if d.is_zero() {
                (
                    format!("tepat pada batas {} antara {between_id}", angka(b, None)),
                    format!(
                        "exactly on the boundary {} between {between_en}",
                        b.normalize()
                    ),
                )
            } else {
                (
                    format!(
                        "berjarak {} dari batas {} antara {between_id}",
                        angka(d, None),
                        angka(b, None)
                    ),
                    format!(
                        "{} from the boundary {} between {between_en}",
                        d.normalize(),
                        b.normalize()
                    ),
                )
            };
            let message = Message::new(
                format!(
                    "IDM {} desa {}, berstatus {here}, {where_id}: statusnya bergantung pada desimal terakhir",
                    angka_of(idm),
                    village_label(v),
                ),
                format!(
                    "IDM {} of village {}, status {here}, is {where_en}: its status hangs on the last decimal",
                    x.normalize(),
                    village_label(v),
                ),
            );
            let related = v.status.iter().map(|s| m.loc(vt.table, s.at)).collect();
            out.push(
                rule.finding(m.loc(vt.table, idm.at), message, idm.written.clone())
                    .related(related),
            );
        }
    }
}

fn out_of_range(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for vt in &m.idm.villages {
        for v in &vt.villages {
            for (name, f) in [
                ("IDM", &v.idm),
                ("IKS", &v.iks),
                ("IKE", &v.ike),
                ("IKL", &v.ikl),
            ] {
                let Some(f) = f else { continue };
                let Some(x) = f.value.filter(|x| !in_unit_range(*x)) else {
                    continue;
                };
                let message = Message::new(
                    format!(
                        "nilai {name} desa {} tertulis {}, di luar rentang 0–1",
                        village_label(v),
                        f.written
                    ),
                    format!(
                        "the {name} of village {} is {}, outside 0–1",
                        village_label(v),
                        x.normalize()
                    ),
                );
                out.push(rule.finding(m.loc(vt.table, f.at), message, f.written.clone()));
            }
        }
    }
}

/// The IDM a village should show when the one written is not the mean of its IKS,
/// IKE and IKL (what SUM001 writes), with its decimals; `None` when it is, or when
/// the components cannot tell.
fn idm_by_components(v: &Village) -> Option<(Decimal, u32)> {
    let (idm, iks, ike, ikl) = (
        v.idm.as_ref()?,
        v.iks.as_ref()?,
        v.ike.as_ref()?,
        v.ikl.as_ref()?,
    );
    let (stated, a, b, c) = (idm.value?, iks.value?, ike.value?, ikl.value?);
    if ![a, b, c].into_iter().all(in_unit_range) {
        return None;
    }
    let computed = (a + b + c) / Decimal::from(3);
    let dc = iks.decimals.max(ike.decimals).max(ikl.decimals);
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

fn mean(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for vt in &m.idm.villages {
        for v in &vt.villages {
            let Some((expected, d)) = idm_by_components(v) else {
                continue;
            };
            let (Some(idm), Some(iks), Some(ike), Some(ikl)) = (&v.idm, &v.iks, &v.ike, &v.ikl)
            else {
                continue;
            };
            let (a, b, c) = (
                iks.value.unwrap_or_default(),
                ike.value.unwrap_or_default(),
                ikl.value.unwrap_or_default(),
            );
            let value = if [iks, ike, ikl].iter().any(|f| f.stored_as_text) {
                NewValue::Number(expected)
            } else {
                NewValue::Formula {
                    formula: format!("ROUND(({}+{}+{})/3,{d})", iks.at, ike.at, ikl.at),
                    value: expected,
                }
            };
            let message = Message::new(
                format!(
                    "IDM desa {} tertulis {}, padahal rata-rata IKS {}, IKE {}, dan IKL {} adalah {}",
                    village_label(v),
                    idm.written,
                    angka_of(iks),
                    angka_of(ike),
                    angka_of(ikl),
                    angka(expected, Some(d))
                ),
                format!(
                    "the IDM of village {} is {}, but the mean of IKS {}, IKE {} and IKL {} is {}",
                    village_label(v),
                    idm.written,
                    a.normalize(),
                    b.normalize(),
                    c.normalize(),
                    expected
                ),
            );
            out.push(
                rule.finding(m.loc(vt.table, idm.at), message, idm.written.clone())
                    .expect(expected.to_string())
                    .related(vec![
                        m.loc(vt.table, iks.at),
                        m.loc(vt.table, ike.at),
                        m.loc(vt.table, ikl.at),
                    ])
                    .fix(vec![Correction {
                        cell: idm.at,
                        value,
                        safety: Safety::Safe,
                    }]),
            );
        }
    }
}

fn summary_count(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for s in &m.idm.summaries {
        for y in &s.years {
            if y.count.is_none() {
                continue;
            }
            let Some(list) = m.idm.list_of_year(&m.tables, y.year) else {
                continue;
            };
            let first_table = list.tables[0];
            let (counts, _) = list.status_counts(&ctx.cfg.idm, Basis::Value);
            for r in &s.rows {
                let Some(band) = &r.band else { continue };
                let Some(fig) = r.of_year(y.year).and_then(|f| f.count.as_ref()) else {
                    continue;
                };
                let Some(stated) = fig.value else { continue };
                let c = counts.iter().find(|c| &c.label == band);
                let n = c.map_or(0, |c| c.count);
                if stated == Decimal::from(n) {
                    continue;
                }
                let first = m.loc(
                    first_table.table,
                    c.and_then(|c| c.first).unwrap_or(first_table.header),
                );
                let sheet = &m.tables[first_table.table].sheet;
                let message = Message::new(
                    format!(
                        "jumlah desa {band} tahun {} tertulis {}, sedangkan tabel desa (lembar {sheet}) memuat {n} desa {band} menurut nilai IDM-nya",
                        y.year, fig.written
                    ),
                    format!(
                        "the count of {band} villages in {} is {}, but the village table (sheet {sheet}) lists {n} villages whose IDM is in band {band}",
                        y.year, fig.written
                    ),
                );
                out.push(
                    rule.finding(m.loc(s.table, fig.at), message, fig.written.clone())
                        .expect(n.to_string())
                        .related(vec![first])
                        .fix(vec![Correction {
                            cell: fig.at,
                            value: NewValue::Number(Decimal::from(n)),
                            safety: Safety::Safe,
                        }]),
                );
            }
        }
    }
}

/// The non-total rows above the summary's total row (all of them without one).
fn rows_above(s: &IdmSummary) -> impl Iterator<Item = &SummaryRow> {
    let limit = s.total.as_ref().map_or(u32::MAX, |t| t.row);
    s.rows.iter().filter(move |r| r.row < limit)
}

fn summary_total(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for s in &m.idm.summaries {
        let Some(total) = &s.total else { continue };
        for y in &s.years {
            let Some(fig) = total.of_year(y.year).and_then(|f| f.count.as_ref()) else {
                continue;
            };
            let Some(stated) = fig.value else { continue };
            let Some(counts) = year_counts(ctx, s, y.year) else {
                continue;
            };
            let sum = counts.total;
            if stated == sum {
                continue;
            }
            let cells = counts.cells;
            let message = Message::new(
                format!(
                    "baris {} tahun {} tertulis {}, padahal jumlah {} baris di atasnya {}",
                    total.label.text,
                    y.year,
                    fig.written,
                    cells.len(),
                    angka(sum, None)
                ),
                format!(
                    "the {} row of {} says {}, but the {} rows above it sum to {}",
                    total.label.text,
                    y.year,
                    fig.written,
                    cells.len(),
                    sum.normalize()
                ),
            );
            out.push(
                rule.finding(m.loc(s.table, fig.at), message, fig.written.clone())
                    .expect(sum.normalize().to_string())
                    .related(cells.iter().map(|c| m.loc(s.table, *c)).collect())
                    .fix(vec![Correction {
                        cell: fig.at,
                        value: NewValue::Formula {
                            formula: sum_formula(&cells),
                            value: sum,
                        },
                        safety: Safety::Safe,
                    }]),
            );
        }
    }
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

/// The counts of `year`, when every row above the total has a numeric count.
fn year_counts(ctx: &Context, s: &IdmSummary, year: i32) -> Option<Counts> {
    let m = ctx.model;
    let villages = m
        .idm
        .list_of_year(&m.tables, year)
        .map(|l| l.status_counts(&ctx.cfg.idm, Basis::Value).0);
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
        let n = match (&villages, &r.band) {
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

fn share(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for s in &m.idm.summaries {
        for y in &s.years {
            if y.share.is_none() {
                continue;
            }
            let Some(counts) = year_counts(ctx, s, y.year) else {
                continue;
            };
            let total = counts.total;
            if total <= Decimal::ZERO {
                continue;
            }
            let sum_text = anchored_sum(&counts.cells);
            let hundred = Decimal::ONE_HUNDRED;
            for r in rows_above(s) {
                let Some(f) = r.of_year(y.year) else { continue };
                let (Some(sh), Some(count)) = (&f.share, &f.count) else {
                    continue;
                };
                let (Some(stated), Some(&n)) = (sh.value, counts.by_row.get(&r.row)) else {
                    continue;
                };
                let computed = n / total * hundred;
                if agrees(stated, sh.decimals, computed) {
                    continue;
                }
                let expected = at_precision(computed, sh.decimals);
                let (formula, value, expected_text) = if f.share_ratio {
                    let e = at_precision(computed / hundred, sh.decimals + 2);
                    (
                        format!("{}/{sum_text}", count.at),
                        (n / total).round_dp(10),
                        e.to_string(),
                    )
                } else {
                    (
                        format!("{}/{sum_text}*100", count.at),
                        computed.round_dp(10),
                        expected.to_string(),
                    )
                };
                let message = Message::new(
                    format!(
                        "persentase desa {} tahun {} tertulis {}, padahal {} dari {} desa adalah {}%",
                        r.label.text,
                        y.year,
                        shown_percent(sh),
                        angka(n, None),
                        angka(total, None),
                        angka(expected, Some(sh.decimals))
                    ),
                    format!(
                        "the share of {} villages in {} is {}, but {} of {} villages is {}%",
                        r.label.text,
                        y.year,
                        shown_percent(sh),
                        n.normalize(),
                        total.normalize(),
                        expected
                    ),
                );
                out.push(
                    rule.finding(m.loc(s.table, sh.at), message, sh.written.clone())
                        .expect(expected_text)
                        .related(vec![m.loc(s.table, count.at)])
                        .fix(vec![Correction {
                            cell: sh.at,
                            value: NewValue::Formula { formula, value },
                            safety: Safety::Safe,
                        }]),
                );
            }
            // The JUMLAH row's share: 100, or the sum of the shares above it.
            let Some(total_row) = &s.total else { continue };
            let Some(f) = total_row.of_year(y.year) else {
                continue;
            };
            let Some(sh) = &f.share else { continue };
            let Some(stated) = sh.value else { continue };
            let above: Decimal = rows_above(s)
                .filter_map(|r| {
                    r.of_year(y.year)
                        .and_then(|f| f.share.as_ref())
                        .and_then(|x| x.value)
                })
                .sum();
            if agrees(stated, sh.decimals, hundred) || agrees(stated, sh.decimals, above) {
                continue;
            }
            let (value, expected_text) = if f.share_ratio {
                (Decimal::ONE, "1")
            } else {
                (hundred, "100")
            };
            let message = Message::new(
                format!(
                    "persentase baris {} tahun {} tertulis {}, seharusnya 100%",
                    total_row.label.text,
                    y.year,
                    shown_percent(sh)
                ),
                format!(
                    "the share of the {} row of {} is {}, it should be 100%",
                    total_row.label.text,
                    y.year,
                    shown_percent(sh)
                ),
            );
            out.push(
                rule.finding(m.loc(s.table, sh.at), message, sh.written.clone())
                    .expect(expected_text)
                    .fix(vec![Correction {
                        cell: sh.at,
                        value: NewValue::Number(value),
                        safety: Safety::Safe,
                    }]),
            );
        }
    }
}

fn shares_sum(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for s in &m.idm.summaries {
        for y in &s.years {
            let Some(col) = y.share else { continue };
            let shares: Vec<Option<&Figure>> = rows_above(s)
                .map(|r| r.of_year(y.year).and_then(|f| f.share.as_ref()))
                .collect();
            if shares.is_empty() || shares.iter().any(|f| f.is_none_or(|f| f.value.is_none())) {
                continue;
            }
            if year_counts(ctx, s, y.year).is_some_and(|c| c.total <= Decimal::ZERO) {
                continue;
            }
            let shares: Vec<&Figure> = shares.into_iter().flatten().collect();
            let sum: Decimal = shares.iter().filter_map(|f| f.value).sum();
            let allowance: Decimal = shares.iter().map(|f| half_unit(f.decimals)).sum();
            if (sum - Decimal::ONE_HUNDRED).abs() <= allowance {
                continue;
            }
            let d = shares.iter().map(|f| f.decimals).max().unwrap_or(0);
            let message = Message::new(
                format!(
                    "persentase status tahun {} berjumlah {}%, bukan 100% (selisih pembulatan yang wajar paling banyak {})",
                    y.year,
                    angka(sum, Some(d)),
                    angka(allowance, None)
                ),
                format!(
                    "the status shares of {} add up to {}%, not 100% (rounding allows at most {})",
                    y.year,
                    sum.round_dp(d),
                    allowance.normalize()
                ),
            );
            out.push(
                rule.finding(
                    m.loc(s.table, col.header),
                    message,
                    sum.round_dp(d).normalize().to_string(),
                )
                .expect("100")
                .related(shares.iter().map(|f| m.loc(s.table, f.at)).collect()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn anchored_sums() {
        let c = |r, col| CellRef::new(r, col);
        assert_eq!(anchored_sum(&[c(4, 1), c(5, 1), c(6, 1)]), "SUM(B$5:B$7)");
        assert_eq!(anchored_sum(&[c(4, 1), c(6, 1)]), "(B$5+B$7)");
    }

    #[test]
    fn band_ranges_in_words() {
        let cfg = crate::config::Config::default_config();
        let maju = cfg.idm.band_named("MAJU").unwrap();
        assert_eq!(band_range(maju).0, "> 0,707 dan ≤ 0,815");
        assert_eq!(band_range(maju).1, "> 0.707 and ≤ 0.815");
    }
}
