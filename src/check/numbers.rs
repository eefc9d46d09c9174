//! Numbers family: how figures are written.

use super::{Context, Fixes, Handling, Rule};
use crate::finding::{Correction, Finding, Loc, Message, NewValue, Safety, Severity};
use crate::model::{FigureProblem, NumericColumn};
use crate::number::{DecimalMark, NumberKind};

pub static RULES: &[Rule] = &[
    Rule {
        code: "NUM001",
        name: "malformed-grouping",
        severity: Severity::Error,
        title: "A number's thousands grouping is malformed",
        judul: "Pengelompokan ribuan angka salah",
        doc: "Checks every numeric cell typed as text for digit groups that cannot be: after the \
first group, every group of a number written with thousands separators has three digits.\n\n\
Why: `65.00.000` may mean 6.500.000 or 65.000.000; a sum over it is wrong either way, and \
guessing silently would hide the slip.\n\n\
## Example\n\
`Tabel 3.4!B24` holds `65.00.000` as pagu while its realisasi is `65.000.000` at `100,00` %. \
The finding says 65.000.000, pinned by the realisasi and its percentage.\n\n\
## Fix\nApplied only where another figure pins the value down (the realisasi and its %, a \
subtotal, the same kegiatan's pagu in another document), and marked as such.",
        fixes: Fixes::WhenPinned,
        handling: Handling::READING,
        check: malformed,
    },
    Rule {
        code: "NUM002",
        name: "text-in-numeric-column",
        severity: Severity::Error,
        title: "Text, a date or an error value where a number belongs",
        judul: "Teks, tanggal, atau nilai galat di kolom angka",
        doc: "Checks that money, count, index and percentage columns hold numbers. A lone `-` \
means zero and is accepted. Indicator targets may be qualitative (`HIJAU`) and are not \
checked here.\n\n\
## Example\n`Tabel 3.4!C12` holds `#REF!` (or `seratus ribu`, or a date) in the REALISASI (Rp) \
column: the row cannot be summed.\n\n## Fix\nNone: a person must type the figure.",
        fixes: Fixes::No,
        handling: Handling::READING,
        check: not_a_number,
    },
    Rule {
        code: "NUM003",
        name: "number-stored-as-text",
        severity: Severity::Warning,
        title: "Numbers stored as text",
        judul: "Angka tersimpan sebagai teks",
        doc: "Reports, once per table, the numeric cells that hold their number as text \
(`Rp. 6.796.834.585,-`, `3,19`). They read correctly here, but Excel does not sum them and \
flags each one. The finding points at the first such cell and lists the others as related.\n\n\
## Example\n`Pembiayaan!C6` holds the text `Rp. 6.796.834.585,-`; the fix writes the number \
6796834585 with the format `#,##0`.\n\n## Fix\nSafe: each cell becomes the number it reads as.",
        fixes: Fixes::Safe,
        handling: Handling::READING,
        check: stored_as_text,
    },
    Rule {
        code: "NUM004",
        name: "mixed-decimal-marks",
        severity: Severity::Warning,
        title: "Decimal commas mixed with decimal points in one column",
        judul: "Koma desimal bercampur titik desimal dalam satu kolom",
        doc: "Reports, once per column, the cells written with the minority decimal mark when \
a column mixes `0,8360` with `0.8378`. Such cells are usually text that Excel neither sums \
nor sorts with the others.\n\n\
## Example\nIn the IDM column of Tabel 2.5, `IDM 2023!E24` holds the text `0,8360` among \
numbers like 0.8378; the fix writes the number 0.836.\n\n## Fix\nSafe: each cell becomes the \
number it reads as.",
        fixes: Fixes::Safe,
        handling: Handling::READING,
        check: mixed_marks,
    },
];

fn loc(col: &NumericColumn, cell: crate::cell::CellRef) -> Loc {
    Loc::cell(&col.file, &col.sheet, cell)
}

fn malformed(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for col in &ctx.model.numeric_columns {
        for f in &col.figures {
            let Some(FigureProblem::Malformed { readings }) = &f.problem else {
                continue;
            };
            let listed: Vec<String> = readings.iter().map(|r| r.to_string()).collect();
            if let Some(pin) = super::budget::pin(ctx, col, f) {
                let id = crate::words::group_thousands(pin.value, pin.value.normalize().scale());
                let en: String = id
                    .chars()
                    .map(|c| match c {
                        '.' => ',',
                        ',' => '.',
                        c => c,
                    })
                    .collect();
                let message = Message::new(
                    format!(
                        "angka {} di kolom {} salah pengelompokan ribuan; seharusnya {}, dipastikan oleh {}",
                        f.written, col.label, id, pin.because.id
                    ),
                    format!(
                        "the number {} in column {} has malformed thousands grouping; it must be {}, pinned by {}",
                        f.written, col.label, en, pin.because.en
                    ),
                );
                let fix = Correction {
                    cell: f.at,
                    value: NewValue::Number(pin.value),
                    safety: Safety::Pinned,
                };
                out.push(
                    rule.finding(loc(col, f.at), message, f.written.clone())
                        .expect(pin.value.normalize().to_string())
                        .fix(vec![fix]),
                );
                continue;
            }
            let message = Message::new(
                format!(
                    "angka {} di kolom {} salah pengelompokan ribuan; mungkin maksudnya {}",
                    f.written,
                    col.label,
                    listed.join(" atau ")
                ),
                format!(
                    "the number {} in column {} has malformed thousands grouping; it may mean {}",
                    f.written,
                    col.label,
                    listed.join(" or ")
                ),
            );
            out.push(rule.finding(loc(col, f.at), message, f.written.clone()));
        }
    }
}

fn not_a_number(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for col in &ctx.model.numeric_columns {
        if col.number == NumberKind::Measure {
            continue;
        }
        for f in &col.figures {
            if f.problem != Some(FigureProblem::NotANumber) {
                continue;
            }
            let message = Message::new(
                format!("kolom {} berisi \"{}\", bukan angka", col.label, f.written),
                format!("column {} holds \"{}\", not a number", col.label, f.written),
            );
            out.push(rule.finding(loc(col, f.at), message, f.written.clone()));
        }
    }
}

fn as_number_fix(col: &NumericColumn, f: &crate::model::Figure) -> Option<Correction> {
    let mut value = f.value?;
    if col.number == NumberKind::Percent && col.ratio {
        value /= rust_decimal::Decimal::ONE_HUNDRED;
    }
    Some(Correction {
        cell: f.at,
        value: NewValue::Number(value),
        safety: Safety::Safe,
    })
}

/// Cells already reported by NUM004, which NUM003 leaves alone.
fn minority_mark_cells(col: &NumericColumn) -> Vec<crate::cell::CellRef> {
    let with_decimals = col
        .figures
        .iter()
        .filter(|f| f.value.is_some() && f.decimals > 0);
    let (mut comma, mut point) = (Vec::new(), Vec::new());
    for f in with_decimals {
        match (f.stored_as_text, f.mark) {
            (true, Some(DecimalMark::Comma)) => comma.push(f.at),
            _ => point.push(f.at),
        }
    }
    match (comma.len(), point.len()) {
        (0, _) | (_, 0) => Vec::new(),
        (c, p) if c < p => comma,
        _ => Vec::new(),
    }
}

fn stored_as_text(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for table in &ctx.model.tables {
        let cols: Vec<&NumericColumn> = ctx
            .model
            .numeric_columns
            .iter()
            .filter(|c| c.file == table.file && c.sheet == table.sheet && c.range == table.range)
            .collect();
        let mut cells: Vec<(&NumericColumn, &crate::model::Figure)> = Vec::new();
        for col in cols {
            let skip = minority_mark_cells(col);
            cells.extend(
                col.figures
                    .iter()
                    .filter(|f| f.stored_as_text && !skip.contains(&f.at))
                    .map(|f| (col, f)),
            );
        }
        cells.sort_by_key(|(_, f)| f.at);
        let Some((first_col, first)) = cells.first() else {
            continue;
        };
        let n = cells.len();
        let message = Message::new(
            format!(
                "{n} angka di tabel {} tersimpan sebagai teks (mis. \"{}\" di kolom {}); Excel tidak menjumlahkannya",
                table.kind.title(),
                first.written,
                first_col.label
            ),
            format!(
                "{n} numbers in table {} are stored as text (e.g. \"{}\" in column {}); Excel does not sum them",
                table.kind.name(),
                first.written,
                first_col.label
            ),
        );
        let related = cells[1..].iter().map(|(c, f)| loc(c, f.at)).collect();
        let fix = cells
            .iter()
            .filter_map(|(c, f)| as_number_fix(c, f))
            .collect();
        out.push(
            rule.finding(loc(first_col, first.at), message, first.written.clone())
                .related(related)
                .fix(fix),
        );
    }
}

fn mixed_marks(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for col in &ctx.model.numeric_columns {
        let cells = minority_mark_cells(col);
        let Some(first) = cells.first() else { continue };
        let figure = |at| {
            col.figures
                .iter()
                .find(|f| f.at == at)
                .expect("cell of this column")
        };
        let first_fig = figure(*first);
        let message = Message::new(
            format!(
                "{} nilai di kolom {} ditulis dengan koma desimal (mis. \"{}\") di antara nilai bertitik desimal",
                cells.len(),
                col.label,
                first_fig.written
            ),
            format!(
                "{} values in column {} use a decimal comma (e.g. \"{}\") among values with a decimal point",
                cells.len(),
                col.label,
                first_fig.written
            ),
        );
        let related = cells[1..].iter().map(|c| loc(col, *c)).collect();
        let fix = cells
            .iter()
            .filter_map(|c| as_number_fix(col, figure(*c)))
            .collect();
        let expected = first_fig
            .value
            .map(|v| v.normalize().to_string())
            .unwrap_or_default();
        out.push(
            rule.finding(loc(col, *first), message, first_fig.written.clone())
                .expect(expected)
                .related(related)
                .fix(fix),
        );
    }
}
