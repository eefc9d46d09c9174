//! A SIPD realisation export told by what its columns hold: rows whose codes
//! follow the budget hierarchy (program, kegiatan, sub kegiatan; organisation and
//! account codes), an uraian, and money columns in `Anggaran | Realisasi` pairs,
//! whose header words say which is which. Its header is that of many a
//! hand-typed table (`Kode | Uraian | Anggaran | Realisasi`), so its words alone
//! never make one; a table read as `tabel` or `anggaran` whose rows hold such
//! codes is one. Its fields and tree stay exactly as the structure gave them.

use super::codes::{level, CodeLevel};
use super::holds::Holds;
use super::{Column, Field, Table};
use crate::config::Config;
use crate::table::{normalize_header, Col, TableKind};

const KIND: TableKind = TableKind::SipdRealisasi;

/// What a money column of an export holds, by its header words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Money {
    Anggaran,
    Realisasi,
}

/// The header's own words of a field (`Kelompok Belanja / Operasi / Anggaran`
/// → `ANGGARAN`) and of its group (`KELOMPOK BELANJA OPERASI`).
pub fn own_and_group(label: &str) -> (String, String) {
    match label.rsplit_once(" / ") {
        Some((group, own)) => (normalize_header(own), normalize_header(group)),
        None => (normalize_header(label), String::new()),
    }
}

fn said(label: &str, col: Col, cfg: &Config) -> bool {
    let (own, _) = own_and_group(label);
    let whole = normalize_header(label);
    cfg.header_words(KIND, col)
        .iter()
        .any(|w| *w == own || *w == whole)
}

/// Whether a field's header names the export's anggaran or its realisasi.
pub fn money(field: &Field, cfg: &Config) -> Option<Money> {
    let figures = field.holds.is_figure() || field.holds == Holds::Empty;
    if !figures {
        return None;
    }
    if said(&field.label, Col::Realisasi, cfg) {
        Some(Money::Realisasi)
    } else if said(&field.label, Col::Anggaran, cfg) {
        Some(Money::Anggaran)
    } else {
        None
    }
}

/// Reads `table` as a SIPD export when its rows and columns are one's.
pub(super) fn recognise(table: &mut Table, cfg: &Config) {
    if !matches!(table.kind, TableKind::Tabel | TableKind::Anggaran) || !holds_budget_codes(table) {
        return;
    }
    let codes: Vec<&Field> = table
        .fields
        .iter()
        .filter(|f| f.holds == Holds::Code)
        .collect();
    let names = || table.fields.iter().filter(|f| f.holds == Holds::Name);
    let Some(name) = names()
        .find(|f| said(&f.label, Col::Uraian, cfg))
        .or_else(|| names().next())
    else {
        return;
    };
    let monies: Vec<(&Field, Money)> = table
        .fields
        .iter()
        .filter_map(|f| money(f, cfg).map(|m| (f, m)))
        .collect();
    let has = |m: Money| monies.iter().any(|(_, x)| *x == m);
    if codes.is_empty() || !has(Money::Anggaran) || !has(Money::Realisasi) {
        return;
    }
    let column = |f: &Field, col: Col| Column {
        col,
        year: None,
        index: f.index,
        label: f.label.clone(),
        header: f.header,
    };
    let mut columns: Vec<Column> = codes.iter().map(|f| column(f, Col::Kode)).collect();
    columns.push(column(name, Col::Uraian));
    for (f, m) in &monies {
        let col = match m {
            Money::Anggaran => Col::Anggaran,
            Money::Realisasi => Col::Realisasi,
        };
        columns.push(column(f, col));
    }
    columns.extend(
        table
            .fields
            .iter()
            .filter(|f| f.holds.is_figure() && said(&f.label, Col::Persen, cfg))
            .map(|f| column(f, Col::Persen)),
    );
    columns.sort_by_key(|c| c.index);
    table.kind = KIND;
    table.columns = columns;
}

/// Rows placed by codes of the budget hierarchy: at least two rows of program,
/// kegiatan, sub kegiatan or organisation codes, with an organisation row or
/// accounts beneath (what SIPD's rekap has and a hand-typed Tabel 3.4, even one
/// listing sub kegiatan by code, does not).
fn holds_budget_codes(table: &Table) -> bool {
    let levels: Vec<CodeLevel> = table
        .tree
        .nodes
        .iter()
        .filter_map(|n| n.code.as_deref().and_then(level))
        .collect();
    let budget = levels
        .iter()
        .filter(|l| {
            matches!(
                l,
                CodeLevel::Program
                    | CodeLevel::Kegiatan
                    | CodeLevel::SubKegiatan
                    | CodeLevel::Organisasi
            )
        })
        .count();
    let detail = levels
        .iter()
        .any(|l| matches!(l, CodeLevel::Organisasi | CodeLevel::Akun(_)));
    let nested = table
        .tree
        .nodes
        .iter()
        .any(|n| n.placed == super::tree::Placed::Code && n.parent.is_some());
    budget >= 2 && detail && nested
}
