//! SIPD family: what is specific to a SIPD realisation export
//! ([`crate::model::sipd`]). The arithmetic any table has (a parent and its
//! children, a total row, a percentage of two columns, error values) is the
//! structural rules' on every table, this kind included; here are the office's
//! own total and percentage columns over the kelompok, realisation above or
//! without anggaran, plan figures typed on accounts, codes that fit no level,
//! copies that disagree, an export cut short, the year's series of exports and
//! the hand-typed tables compared with the export. One rule per file.

mod spd001;
mod spd002;
mod spd003;
mod spd004;
mod spd005;
mod spd006;
mod spd007;
mod spd008;
mod spd009;
mod spd010;
mod spd011;
mod spd012;
#[cfg(test)]
mod testing;

use super::budget::format::{en_num, id_num, short};
use super::{Context, Rule};
use crate::cell::CellRef;
use crate::finding::{Finding, Loc, Message, NewValue};
use crate::model::sipd::{Export, Level, Line, YearLine};
use crate::read::{Sheet, Value};
use rust_decimal::Decimal;

pub static RULES: &[Rule] = &[
    spd001::RULE,
    spd002::RULE,
    spd003::RULE,
    spd004::RULE,
    spd005::RULE,
    spd006::RULE,
    spd007::RULE,
    spd008::RULE,
    spd009::RULE,
    spd010::RULE,
    spd011::RULE,
    spd012::RULE,
];

fn loc(ctx: &Context, e: &Export, cell: CellRef) -> Loc {
    ctx.model.loc(e.table, cell)
}

/// A row as messages name it: `sub kegiatan 2.16.01.2.01.0001 «Penyusunan …»`.
fn named(l: &Line) -> (String, String) {
    let code = l
        .code
        .as_deref()
        .map(|c| format!("{c} "))
        .unwrap_or_default();
    let (id, en) = l
        .level
        .map_or(("baris", "row"), |v| (v.name_id(), v.name_en()));
    let name = short(&l.name);
    (
        format!("{id} {code}«{name}»"),
        format!("{en} {code}«{name}»"),
    )
}

/// Amounts in both languages.
fn money(v: Decimal) -> (String, String) {
    (id_num(v), en_num(v))
}

/// The kelompok of pair `p` for a message (` (Operasi)`), empty for the total's.
fn kelompok(e: &Export, p: usize) -> String {
    e.pairs[p]
        .kelompok
        .as_deref()
        .map(|k| format!(" ({k})"))
        .unwrap_or_default()
}

/// The sheet an export was read from.
fn sheet<'a>(ctx: &Context<'a>, e: &Export) -> Option<&'a Sheet> {
    ctx.reading
        .inputs
        .iter()
        .filter(|i| *i.file == *e.file)
        .flat_map(|i| &i.sheets)
        .find(|s| *s.name == *e.sheet)
}

/// What a derived cell becomes: the office's own way where it has one. A cell
/// holding a formula stays a formula over `parts` when they hold numbers; a
/// typed figure (or a formula over text amounts, which Excel would not add)
/// becomes the figure.
fn derived(
    ctx: &Context,
    e: &Export,
    at: CellRef,
    value: Decimal,
    formula: String,
    parts: &[CellRef],
) -> NewValue {
    let Some(sheet) = sheet(ctx, e) else {
        return NewValue::Number(value);
    };
    let numbers = parts.iter().all(|&c| {
        sheet
            .cell(c)
            .is_none_or(|x| matches!(x.value, Value::Number { .. }))
    });
    if sheet.formula(at).is_some() && numbers {
        NewValue::Formula { formula, value }
    } else {
        NewValue::Number(value)
    }
}

/// The budget code a hand-typed name carries (`2.16.01.2.01 Perencanaan …`,
/// `1. 2.16.01 Program …`), of one of `levels`.
fn code_in(text: &str, levels: &[Level]) -> Option<String> {
    text.split_whitespace()
        .map(|t| t.trim_end_matches(['.', ':', ')']).trim_start_matches('('))
        .find(|t| crate::structure::codes::level(t).is_some_and(|l| levels.contains(&l)))
        .map(str::to_string)
}

/// Each of `names` (with the text a code may stand in) paired with one year
/// line of `levels`: by code first, then by name (`tolerances.name_similarity`).
/// Returns, per name, the index into `lines` and whether the names decided.
fn pair_lines(
    ctx: &Context,
    names: &[(&str, &str)],
    lines: &[YearLine],
    levels: &[Level],
) -> Vec<Option<(usize, bool)>> {
    let candidates: Vec<usize> = (0..lines.len())
        .filter(|&i| levels.contains(&lines[i].level))
        .collect();
    let mut out: Vec<Option<(usize, bool)>> = names
        .iter()
        .map(|(_, text)| {
            let code = code_in(text, levels)?;
            candidates
                .iter()
                .find(|&&i| lines[i].code == code)
                .map(|&i| (i, false))
        })
        .collect();
    let taken: Vec<usize> = out.iter().flatten().map(|(i, _)| *i).collect();
    let free: Vec<usize> = candidates
        .into_iter()
        .filter(|i| !taken.contains(i))
        .collect();
    let open: Vec<usize> = (0..names.len()).filter(|&i| out[i].is_none()).collect();
    let from: Vec<&str> = open.iter().map(|&i| names[i].0).collect();
    let to: Vec<&str> = free.iter().map(|&i| lines[i].name.as_str()).collect();
    let paired = crate::names::pair(&from, &to, ctx.cfg.tolerances.name_similarity);
    for (k, p) in paired.into_iter().enumerate() {
        if let Some(j) = p {
            out[open[k]] = Some((free[j], true));
        }
    }
    out
}

/// Where a year line's figures come from, for messages and `related`.
fn year_cells(ctx: &Context, y: &YearLine, anggaran: bool) -> Vec<Loc> {
    let exports = &ctx.model.sipd.exports;
    let cell = |(e, i): (usize, usize)| {
        let x = &exports[e];
        let at = if anggaran {
            x.anggaran_cell(i)
        } else {
            x.realisasi_cell(i)
        };
        at.map(|c| loc(ctx, x, c))
    };
    if anggaran {
        cell(y.anggaran_from).into_iter().collect()
    } else {
        y.realisasi_from.iter().filter_map(|&p| cell(p)).collect()
    }
}

/// Where the export says a year line's figure and how a hand-typed row was paired
/// with it (`test.xlsx Rekap!C6, kode 2.16.01.2.01`), both languages; and the
/// export's cells.
fn export_source(
    ctx: &Context,
    y: &YearLine,
    by_name: bool,
    anggaran: bool,
) -> ((String, String), Vec<Loc>) {
    let cells = year_cells(ctx, y, anggaran);
    let at = place(&cells);
    let name = short(&y.name);
    let said = if by_name {
        (
            format!("{at}, dipasangkan menurut nama dengan {} «{name}»", y.code),
            format!("{at}, paired by name with {} «{name}»", y.code),
        )
    } else {
        (
            format!("{at}, kode {}", y.code),
            format!("{at}, code {}", y.code),
        )
    };
    (said, cells)
}

/// A hand-typed figure that is not the export's, found at its cell: `subject`
/// names it (Indonesian, English: `pagu kegiatan «…»`), the message says where the
/// export has it and how the row was paired, the export's cells are related.
fn differs_from_export(
    rule: &Rule,
    ctx: &Context,
    at: Loc,
    typed: &crate::model::Figure,
    exported: Decimal,
    (y, by_name, anggaran): (&YearLine, bool, bool),
    (subject_id, subject_en): (String, String),
) -> Option<Finding> {
    let value = typed.value?;
    if (value - exported).abs() <= ctx.cfg.tolerances.money {
        return None;
    }
    let ((from_id, from_en), cells) = export_source(ctx, y, by_name, anggaran);
    let (v_id, v_en) = money(value);
    let (x_id, x_en) = money(exported);
    Some(
        rule.finding(
            at,
            Message::new(
                format!(
                    "{subject_id} tertulis {v_id}, padahal ekspor SIPD ({from_id}) menyebut {x_id}"
                ),
                format!("{subject_en} reads {v_en}, but the SIPD export ({from_en}) says {x_en}"),
            ),
            typed.written.clone(),
        )
        .expect(exported.normalize().to_string())
        .related(cells),
    )
}

/// A finding at the realisasi cell of line `i` in pair `p`, its anggaran cell
/// related.
fn at_realisasi(
    rule: &Rule,
    ctx: &Context,
    e: &Export,
    (i, p): (usize, usize),
    message: Message,
) -> Option<Finding> {
    let l = &e.lines[i];
    let pair = &e.pairs[p];
    let at = CellRef::new(l.row, pair.realisasi?);
    let found = l.realisasi[p]
        .as_ref()
        .map(|f| f.written.clone())
        .unwrap_or_default();
    Some(
        rule.finding(loc(ctx, e, at), message, found)
            .related(vec![loc(ctx, e, CellRef::new(l.row, pair.anggaran?))]),
    )
}

/// `lra_juli.xlsx Sheet1!F12` (and how many more).
fn place(locs: &[Loc]) -> String {
    match locs {
        [] => String::new(),
        [one] => format!("{} {}!{}", one.file, one.sheet, one.cell),
        [first, rest @ ..] => format!(
            "{} {}!{} +{}",
            first.file,
            first.sheet,
            first.cell,
            rest.len()
        ),
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{modelled, xlsx, Sheet};
    use crate::config::Config;
    use crate::table::TableKind;

    fn kinds(sheets: &[Sheet]) -> Vec<TableKind> {
        let (reading, _) = modelled(vec![("t.xlsx", xlsx(sheets))], &Config::default_config());
        reading.tables.iter().map(|t| t.kind).collect()
    }

    #[test]
    fn an_export_is_told_by_its_codes_not_by_its_header() {
        assert_eq!(
            kinds(&[super::testing::one_pair()]),
            [TableKind::SipdRealisasi]
        );
        // A hand-typed Tabel 3.4 listing sub kegiatan by code: no organisation
        // row, no accounts.
        let typed = crate::check::testing::sheet(
            "Tabel 3.4",
            &[
                &["KODE", "URAIAN", "ANGGARAN", "REALISASI"],
                &[
                    "2.16.01",
                    "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH",
                    "3000000",
                    "1200000",
                ],
                &[
                    "2.16.01.2.01",
                    "Perencanaan, Penganggaran, dan Evaluasi Kinerja",
                    "3000000",
                    "1200000",
                ],
                &[
                    "2.16.01.2.01.0001",
                    "Penyusunan Dokumen Perencanaan",
                    "2000000",
                    "900000",
                ],
                &[
                    "2.16.01.2.01.0002",
                    "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
                    "1000000",
                    "300000",
                ],
            ],
        );
        assert_eq!(kinds(&[typed]), [TableKind::Anggaran]);
    }
}
