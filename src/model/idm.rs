//! Village indices: villages (`idm_desa`, `indeks_desa`) and the status summary
//! (`idm_rekap`, `indeks_desa_rekap`). The IDM and the Indeks Desa are two
//! [`Profile`]s of one model: components with their ranges, how the total follows
//! from them, the total's scale and the status bands.
//!
//! A village table becomes a [`VillageTable`] of [`Village`] records (one per
//! village row; JUMLAH/TOTAL rows are kept apart); a summary becomes an
//! [`IdmSummary`] of [`SummaryRow`]s, one per status, with per-year counts and
//! shares, and its JUMLAH row if it has one. Status labels are resolved to the
//! configured band they name (short forms and synonyms accepted), so checks and
//! the report compare bands, not spellings. Nothing here decides what is right.
//!
//! The IDM is one village-index profile: three components (IKS, IKE, IKL) whose
//! mean is the index, on a 0–1 scale, classified by the bands of `[idm] profile`
//! (labels and synonyms in the config). A village table whose measures repeat per
//! year arrives from the reading as one table per year (`VillageTable::year`), so
//! every rule and the report see one year at a time.

use super::{Figure, TableInfo, TableView};
use crate::cell::CellRef;
use crate::config::{Config, Derivation, Scale, INDEKS_DESA_DIMENSIONS};
use crate::read::Value;
use crate::structure::Row;
use crate::table::{normalize_header, Col, TableKind};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// One component of a village index: the IDM's IKS, the Indeks Desa's DLD.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Component {
    pub col: Col,
    /// The short name headers and messages use (`IKS`, `DLD`).
    pub code: &'static str,
    /// Its range is 0 to this.
    pub max: Decimal,
}

/// A village index as the config defines it.
#[derive(Debug, Clone)]
pub struct Profile<'a> {
    /// The village list's kind and the summary's.
    pub kind: TableKind,
    pub summary_kind: TableKind,
    /// The index's name in running text (`IDM`, `Indeks Desa`).
    pub name: &'static str,
    /// Its name in full, and with its abbreviation, for the report.
    pub long_name: &'static str,
    pub full_name: &'static str,
    /// Decimals the report shows a total with.
    pub shown_decimals: u32,
    /// The column holding the total.
    pub total_col: Col,
    pub components: Vec<Component>,
    pub derivation: Derivation,
    /// The total lies in 0 to this.
    pub top: Decimal,
    /// The bands in use, and every named set of them.
    pub bands: &'a Scale,
    pub alternatives: &'a [Scale],
}

impl<'a> Profile<'a> {
    /// The profile of a village-list or summary kind (the IDM for any other).
    pub fn of(cfg: &'a Config, kind: TableKind) -> Profile<'a> {
        match kind {
            TableKind::IndeksDesa | TableKind::IndeksDesaRekap => {
                let cols = [Col::Dld, Col::Ds, Col::De, Col::Dl, Col::Da, Col::Dtkpd];
                Profile {
                    kind: TableKind::IndeksDesa,
                    summary_kind: TableKind::IndeksDesaRekap,
                    name: "Indeks Desa",
                    long_name: "Indeks Desa",
                    full_name: "Indeks Desa",
                    shown_decimals: 2,
                    total_col: Col::Skor,
                    components: cols
                        .iter()
                        .zip(INDEKS_DESA_DIMENSIONS)
                        .zip(cfg.indeks_desa_maxima)
                        .map(|((col, (code, _)), max)| Component {
                            col: *col,
                            code,
                            max,
                        })
                        .collect(),
                    derivation: cfg.indeks_desa_total,
                    top: Decimal::ONE_HUNDRED,
                    bands: &cfg.indeks_desa,
                    alternatives: &cfg.indeks_desa_profiles,
                }
            }
            _ => Profile {
                kind: TableKind::IdmDesa,
                summary_kind: TableKind::IdmRekap,
                name: "IDM",
                long_name: "Indeks Desa Membangun",
                full_name: "Indeks Desa Membangun (IDM)",
                shown_decimals: 4,
                total_col: Col::Idm,
                components: [(Col::Iks, "IKS"), (Col::Ike, "IKE"), (Col::Ikl, "IKL")]
                    .into_iter()
                    .map(|(col, code)| Component {
                        col,
                        code,
                        max: Decimal::ONE,
                    })
                    .collect(),
                derivation: Derivation::Mean,
                top: Decimal::ONE,
                bands: &cfg.idm,
                alternatives: &cfg.idm_profiles,
            },
        }
    }

    /// Whether a total lies within the index's scale.
    pub fn in_range(&self, v: Decimal) -> bool {
        v >= Decimal::ZERO && v <= self.top
    }

    /// The band of a total, when it is within the scale.
    pub fn band_of(&self, v: Decimal) -> Option<&'a crate::config::Band> {
        self.in_range(v).then(|| self.bands.classify(v)).flatten()
    }
}

/// The records of this domain.
#[derive(Debug, Default)]
pub struct Idm {
    /// Every village table, in reading order.
    pub villages: Vec<VillageTable>,
    /// Every status summary, in reading order.
    pub summaries: Vec<IdmSummary>,
}

/// A filled text cell of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub at: CellRef,
    /// The trimmed text; numbers as written. Shared with the cell when the cell
    /// needs no trimming: a national file has hundreds of thousands of these.
    pub text: std::sync::Arc<str>,
}

/// A located column: its sheet column and header cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnAt {
    pub index: u32,
    pub header: CellRef,
}

/// One village row.
#[derive(Debug, Clone, PartialEq)]
pub struct Village {
    /// Zero-based sheet row.
    pub row: u32,
    pub no: Option<Text>,
    /// The village code (KODE DESA), as an identifier: `3604052001.0` (a code
    /// stored as a number and written back as text) reads `3604052001`.
    pub kode: Option<Text>,
    /// The codes of its kecamatan, kabupaten and province, where the table has them.
    pub kode_kecamatan: Option<Text>,
    pub kode_kabupaten: Option<Text>,
    pub kode_provinsi: Option<Text>,
    pub provinsi: Option<Text>,
    pub kabupaten: Option<Text>,
    pub kecamatan: Option<Text>,
    pub name: Option<Text>,
    /// The index's components, in the order of its profile (IKS, IKE, IKL; DLD … DTKPD).
    pub components: Vec<Option<Figure>>,
    /// The total (IDM, Indeks Desa).
    pub total: Option<Figure>,
    pub status: Option<Text>,
    /// The configured band the status names (its label), when it names one.
    pub status_band: Option<String>,
}

impl Village {
    /// The village name, or an empty string.
    pub fn name_text(&self) -> &str {
        self.name.as_ref().map_or("", |t| &*t.text)
    }

    /// The band of the total (its label), when the value is a number in its scale.
    pub fn band_by_value(&self, profile: &Profile) -> Option<String> {
        self.band_label_by_value(profile).map(str::to_string)
    }

    /// [`Village::band_by_value`], borrowed from the profile.
    pub fn band_label_by_value<'p>(&self, profile: &Profile<'p>) -> Option<&'p str> {
        let x = self.total.as_ref()?.value?;
        profile.band_of(x).map(|b| b.label.as_str())
    }

    /// The kecamatan, or an empty string.
    pub fn kecamatan_text(&self) -> &str {
        self.kecamatan.as_ref().map_or("", |t| &*t.text)
    }
}

/// What a status count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The statuses as typed.
    Written,
    /// The band of each total (the typed status where there is no value in its scale).
    Value,
}

/// How many villages have one status, and the first of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusCount {
    /// The band's label as configured.
    pub label: String,
    pub count: usize,
    /// The first village row with this status.
    pub first: Option<CellRef>,
}

/// A village table (`idm_desa`).
#[derive(Debug, Clone, PartialEq)]
pub struct VillageTable {
    /// Index into [`super::Model::tables`].
    pub table: usize,
    /// Its kind, which names its index's profile.
    pub kind: TableKind,
    /// The year the IDM values are of: the year its measures' headers name
    /// (`NILAI IDM 2022`, a year row over them), else the one its title names
    /// (`STATUS IDM TAHUN 2022`), else the report year.
    pub year: i32,
    /// Whether the year was read from the header.
    pub year_from_header: bool,
    /// The first header cell of the table.
    pub header: CellRef,
    /// The located columns by meaning.
    pub columns: BTreeMap<Col, ColumnAt>,
    pub villages: Vec<Village>,
    /// JUMLAH / TOTAL rows (zero-based sheet rows).
    pub total_rows: Vec<u32>,
}

impl VillageTable {
    /// The address of `col` in sheet row `row`, if the table has that column.
    pub fn cell(&self, col: Col, row: u32) -> Option<CellRef> {
        self.columns.get(&col).map(|c| CellRef::new(row, c.index))
    }

    /// The villages per status, in the order of the configured bands, each band
    /// listed (zero counts too); `unknown` counts villages with no status to count.
    /// [`Basis::Written`] counts the statuses as typed; [`Basis::Value`] counts the
    /// band of each IDM value (the status it should have), falling back to the
    /// typed status where the value is missing or outside 0–1.
    pub fn status_counts(&self, profile: &Profile, basis: Basis) -> (Vec<StatusCount>, usize) {
        let mut counts: Vec<StatusCount> = profile
            .bands
            .bands
            .iter()
            .map(|b| StatusCount {
                label: b.label.clone(),
                count: 0,
                first: None,
            })
            .collect();
        let mut unknown = 0;
        for v in &self.villages {
            let band = match basis {
                Basis::Written => v.status_band.as_deref(),
                Basis::Value => v.band_label_by_value(profile).or(v.status_band.as_deref()),
            };
            let Some(band) = band else {
                unknown += 1;
                continue;
            };
            if let Some(c) = counts.iter_mut().find(|c| c.label == band) {
                c.count += 1;
                if c.first.is_none() {
                    c.first = v
                        .status
                        .as_ref()
                        .map(|s| s.at)
                        .or(v.total.as_ref().map(|f| f.at));
                }
            }
        }
        (counts, unknown)
    }
}

/// One year's figures of a summary row.
#[derive(Debug, Clone, PartialEq)]
pub struct YearFigures {
    pub year: i32,
    pub count: Option<Figure>,
    pub share: Option<Figure>,
    /// The share cell stores a ratio (`0.1176` shown as `11,76%`): a fix writes
    /// the ratio, not the percentage.
    pub share_ratio: bool,
}

/// A row of the summary: a status, or the JUMLAH row.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    pub row: u32,
    pub label: Text,
    /// The configured band the label names (its label).
    pub band: Option<String>,
    /// Per year, in the order of the table's columns.
    pub years: Vec<YearFigures>,
}

impl SummaryRow {
    /// This row's figures of `year`.
    pub fn of_year(&self, year: i32) -> Option<&YearFigures> {
        self.years.iter().find(|y| y.year == year)
    }
}

/// The columns of one year of a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SummaryYear {
    pub year: i32,
    pub count: Option<ColumnAt>,
    pub share: Option<ColumnAt>,
}

/// The status summary (`idm_rekap`): villages per status per year.
#[derive(Debug, Clone, PartialEq)]
pub struct IdmSummary {
    /// Index into [`super::Model::tables`].
    pub table: usize,
    /// Its kind, which names its index's profile.
    pub kind: TableKind,
    pub header: CellRef,
    pub years: Vec<SummaryYear>,
    /// The status rows in table order, with any row of counts whose label names
    /// no configured status (`band` None).
    pub rows: Vec<SummaryRow>,
    /// The JUMLAH / TOTAL row, if any.
    pub total: Option<SummaryRow>,
}

impl IdmSummary {
    /// The count of each status in `year`, in table order (label as written, count).
    pub fn distribution(&self, year: i32) -> Vec<(&str, Option<&Figure>)> {
        self.rows
            .iter()
            .map(|r| {
                (
                    &*r.label.text,
                    r.of_year(year).and_then(|y| y.count.as_ref()),
                )
            })
            .collect()
    }
}

/// The village tables of one place (file and sheet) and year, read as one list: a
/// table split by repeated headers or blank rows is still one list.
#[derive(Debug, Clone)]
pub struct VillageList<'a> {
    pub year: i32,
    pub kind: TableKind,
    pub tables: Vec<&'a VillageTable>,
}

impl<'a> VillageList<'a> {
    /// Every village with its table, in reading order.
    pub fn villages(&self) -> impl Iterator<Item = (&'a VillageTable, &'a Village)> + '_ {
        self.tables
            .iter()
            .flat_map(|t| t.villages.iter().map(move |v| (*t, v)))
    }

    pub fn len(&self) -> usize {
        self.tables.iter().map(|t| t.villages.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The villages per status over the whole list, as [`VillageTable::status_counts`].
    pub fn status_counts(&self, profile: &Profile, basis: Basis) -> (Vec<StatusCount>, usize) {
        let mut total: Option<(Vec<StatusCount>, usize)> = None;
        for t in &self.tables {
            let (counts, unknown) = t.status_counts(profile, basis);
            match &mut total {
                None => total = Some((counts, unknown)),
                Some((acc, u)) => {
                    *u += unknown;
                    for (a, c) in acc.iter_mut().zip(counts) {
                        a.count += c.count;
                        a.first = a.first.or(c.first);
                    }
                }
            }
        }
        total.unwrap_or_default()
    }
}

impl VillageList<'_> {
    /// The villages per status in each kecamatan, kecamatan in order of first
    /// appearance (compared ignoring case and punctuation, named as first written);
    /// each entry's counts are in the order of the configured bands. For the
    /// report's summary of a long list.
    pub fn counts_by_kecamatan(
        &self,
        profile: &Profile,
        basis: Basis,
    ) -> Vec<(String, Vec<StatusCount>)> {
        let mut out: Vec<(String, Vec<StatusCount>)> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for (_, v) in self.villages() {
            let band = match basis {
                Basis::Written => v.status_band.as_deref(),
                Basis::Value => v.band_label_by_value(profile).or(v.status_band.as_deref()),
            };
            let Some(band) = band else { continue };
            let name = v.kecamatan_text();
            let i = *index.entry(normalize_header(name)).or_insert_with(|| {
                let counts = profile
                    .bands
                    .bands
                    .iter()
                    .map(|b| StatusCount {
                        label: b.label.clone(),
                        count: 0,
                        first: None,
                    })
                    .collect();
                out.push((name.to_string(), counts));
                out.len() - 1
            });
            if let Some(c) = out[i].1.iter_mut().find(|c| c.label == band) {
                c.count += 1;
                c.first = c.first.or(v.status.as_ref().map(|s| s.at));
            }
        }
        out
    }
}

impl Idm {
    /// The village lists: the village tables grouped by file, sheet and year, in
    /// reading order. `tables` is [`super::Model::tables`].
    pub fn lists(&self, tables: &[TableInfo]) -> Vec<VillageList<'_>> {
        let mut keys: Vec<(TableKind, i32, &str, &str)> = Vec::new();
        let mut lists: Vec<VillageList> = Vec::new();
        for vt in &self.villages {
            let info = &tables[vt.table];
            let key = (vt.kind, vt.year, &*info.file, &*info.sheet);
            match keys.iter().position(|k| *k == key) {
                Some(i) => lists[i].tables.push(vt),
                None => {
                    keys.push(key);
                    lists.push(VillageList {
                        year: vt.year,
                        kind: vt.kind,
                        tables: vec![vt],
                    });
                }
            }
        }
        lists
    }

    /// The profile the input's village lists hold: the Indeks Desa when a list of the
    /// report year (else any list) is one, the IDM otherwise.
    pub fn report_kind(&self, year: i32) -> TableKind {
        let of_year = self.villages.iter().find(|v| v.year == year);
        of_year
            .or(self.villages.first())
            .map_or(TableKind::IdmDesa, |v| v.kind)
    }

    /// The village list of `year` in the profile of `kind` (a village-list or
    /// summary kind): where several places hold one, the longest.
    pub fn list_of_year(
        &self,
        tables: &[TableInfo],
        kind: TableKind,
        year: i32,
    ) -> Option<VillageList<'_>> {
        let lists = self.lists(tables);
        let i = list_of_year(&lists, kind, year)?;
        lists.into_iter().nth(i)
    }
}

/// Of `lists`, the place of the one a summary of `kind` for `year` counts: the
/// longest list of that year and index (the first of equal length).
pub fn list_of_year(lists: &[VillageList], kind: TableKind, year: i32) -> Option<usize> {
    let kind = match kind {
        TableKind::IndeksDesa | TableKind::IndeksDesaRekap => TableKind::IndeksDesa,
        _ => TableKind::IdmDesa,
    };
    lists
        .iter()
        .enumerate()
        .filter(|(_, l)| l.year == year && l.kind == kind)
        .fold(None, |best: Option<(usize, usize)>, (i, l)| match best {
            Some((_, b)) if b >= l.len() => best,
            _ => Some((i, l.len())),
        })
        .map(|(i, _)| i)
}

/// Builds the records from the located tables of this domain's kinds.
pub fn build(views: &[TableView], cfg: &Config) -> Idm {
    let mut idm = Idm::default();
    for view in views {
        match view.kind() {
            TableKind::IdmDesa | TableKind::IndeksDesa => {
                idm.villages.push(village_table(view, cfg))
            }
            TableKind::IdmRekap | TableKind::IndeksDesaRekap => {
                idm.summaries.push(summary(view, cfg))
            }
            _ => {}
        }
    }
    // A summary whose header names no index (`STATUS DESA`, `KLASIFIKASI`) counts
    // the villages of the input's index: the Indeks Desa's where every village
    // list is one.
    let all_indeks_desa =
        !idm.villages.is_empty() && idm.villages.iter().all(|v| v.kind == TableKind::IndeksDesa);
    if all_indeks_desa {
        for (s, view) in idm.summaries.iter_mut().filter_map(|s| {
            let view = views.iter().find(|v| v.index == s.table)?;
            Some((s, view))
        }) {
            let names_idm = view
                .table
                .columns
                .iter()
                .filter(|c| c.col == Col::Klasifikasi)
                .any(|c| normalize_header(&c.label).split(' ').any(|w| w == "IDM"));
            if s.kind == TableKind::IdmRekap && !names_idm {
                let p = Profile::of(cfg, TableKind::IndeksDesaRekap);
                s.kind = TableKind::IndeksDesaRekap;
                for r in &mut s.rows {
                    r.band = band_of_label(p.bands, &r.label.text);
                }
            }
        }
    }
    idm
}

/// Whether a row label marks a total row (`JUMLAH`, `Jumlah Total`, `TOTAL`).
pub fn is_total_label(text: &str) -> bool {
    // Most labels are names and numbers: tell them by their first letter, unnormalized.
    let first = text.chars().find(|c| c.is_alphanumeric());
    if !first.is_some_and(|c| matches!(c.to_ascii_uppercase(), 'J' | 'T' | 'G')) {
        return false;
    }
    let n = normalize_header(text);
    n.starts_with("JUMLAH") || n.starts_with("TOTAL") || n == "GRAND TOTAL"
}

/// The band a status label names, also when written `DESA MANDIRI` or `Kampung Maju`.
pub fn band_of_label(scale: &Scale, text: &str) -> Option<String> {
    let n = normalize_header(text);
    if let Some(b) = scale.band_named(&n) {
        return Some(b.label.clone());
    }
    for prefix in ["DESA ", "KAMPUNG ", "STATUS "] {
        if let Some(rest) = n.strip_prefix(prefix) {
            if let Some(b) = scale.band_named(rest) {
                return Some(b.label.clone());
            }
        }
    }
    None
}

/// A code cell's text as an identifier: a number as its digits, a text with a
/// trailing `.0` (a number written back as text) without it.
fn as_code(t: Text) -> Option<Text> {
    match t.text.split_once('.') {
        Some((digits, zeros))
            if !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && !zeros.is_empty()
                && zeros.bytes().all(|b| b == b'0') =>
        {
            Some(Text {
                at: t.at,
                text: digits.into(),
            })
        }
        _ => Some(t),
    }
}

fn text_of(view: &TableView, row: &Row, col: Col) -> Option<Text> {
    let at = view.cell_ref(row, col)?;
    view.shared_text(row, col).map(|text| Text { at, text })
}

fn village_table(view: &TableView, cfg: &Config) -> VillageTable {
    let table = view.table;
    let profile = Profile::of(cfg, view.kind());
    let mut columns: BTreeMap<Col, ColumnAt> = BTreeMap::new();
    for c in &table.columns {
        columns.entry(c.col).or_insert(ColumnAt {
            index: c.index,
            header: c.header,
        });
    }
    let header_year = table
        .columns
        .iter()
        .filter(|c| c.col.is_village_measure())
        .find_map(|c| c.year);
    let mut out = VillageTable {
        table: view.index,
        kind: view.kind(),
        // Else the year its title names (`STATUS IDM TAHUN 2022`), else the report's.
        year: header_year
            .or(table.year.as_ref().map(|y| y.year))
            .unwrap_or(cfg.office.year),
        year_from_header: header_year.is_some(),
        header: table.header.first,
        columns,
        // One village a row, all but the total rows: sized once, as a national file
        // grown by doubling would hold its villages' space nearly twice over.
        villages: Vec::with_capacity(table.rows.len()),
        total_rows: Vec::new(),
    };
    // A national list's rows on both cores, half each.
    let rows = &table.rows[..];
    let (first, second) = rows.split_at(if rows.len() >= 8192 {
        rows.len() / 2
    } else {
        rows.len()
    });
    std::thread::scope(|scope| {
        let second = (!second.is_empty()).then(|| {
            scope.spawn(|| {
                let mut villages = Vec::with_capacity(second.len());
                let mut total_rows = Vec::new();
                village_rows(view, &profile, second, &mut villages, &mut total_rows);
                (villages, total_rows)
            })
        });
        village_rows(
            view,
            &profile,
            first,
            &mut out.villages,
            &mut out.total_rows,
        );
        if let Some(second) = second {
            let (mut villages, mut total_rows) = second.join().expect("the rows are read");
            out.villages.append(&mut villages);
            out.total_rows.append(&mut total_rows);
        }
    });
    out
}

/// The villages of `rows` (a run of a village table's rows, in order) into
/// `villages`, the rows of totals into `total_rows`.
fn village_rows(
    view: &TableView,
    profile: &Profile,
    rows: &[Row],
    villages: &mut Vec<Village>,
    total_rows: &mut Vec<u32>,
) {
    let table = view.table;
    // Each column looked up once for the whole table, not once a row.
    let at = |col| table.column(col).map(|c| c.index);
    let (no_at, kode_at, provinsi_at, kabupaten_at, kecamatan_at, desa_at, status_at) = (
        at(Col::No),
        at(Col::KodeDesa),
        at(Col::Provinsi),
        at(Col::Kabupaten),
        at(Col::Kecamatan),
        at(Col::Desa),
        at(Col::Status),
    );
    let (kode_kecamatan_at, kode_kabupaten_at, kode_provinsi_at) = (
        at(Col::KodeKecamatan),
        at(Col::KodeKabupaten),
        at(Col::KodeProvinsi),
    );
    // The figures of each measure, walked in row order beside the rows.
    let mut components: Vec<Figures> = profile
        .components
        .iter()
        .map(|c| Figures::new(view, c.col, rows))
        .collect();
    let mut totals = Figures::new(view, profile.total_col, rows);
    // The band each status spelling names, worked out once per spelling.
    let mut bands: Vec<(std::sync::Arc<str>, Option<String>)> = Vec::new();
    for row in rows {
        let t = |index: Option<u32>| text_at(row, index?);
        let (no, kode, provinsi, kabupaten, kecamatan, name, status) = (
            t(no_at),
            code_at(row, kode_at),
            t(provinsi_at),
            t(kabupaten_at),
            t(kecamatan_at),
            t(desa_at),
            t(status_at),
        );
        let labels = [&no, &name, &kecamatan, &kode];
        if labels
            .iter()
            .any(|l| l.as_ref().is_some_and(|l| is_total_label(&l.text)))
        {
            total_rows.push(row.row);
            continue;
        }
        let components: Vec<Option<Figure>> = components
            .iter_mut()
            .map(|c| c.at_row(row.row).cloned())
            .collect();
        let total = totals.at_row(row.row).cloned();
        let filled = kode.is_some()
            || kecamatan.is_some()
            || name.is_some()
            || status.is_some()
            || total.is_some()
            || components.iter().any(|x| x.is_some());
        if !filled {
            continue;
        }
        let status_band =
            status
                .as_ref()
                .and_then(|s| match bands.iter().find(|(text, _)| **text == *s.text) {
                    Some((_, band)) => band.clone(),
                    None => {
                        let band = band_of_label(profile.bands, &s.text);
                        bands.push((s.text.clone(), band.clone()));
                        band
                    }
                });
        villages.push(Village {
            row: row.row,
            no,
            kode,
            kode_kecamatan: code_at(row, kode_kecamatan_at),
            kode_kabupaten: code_at(row, kode_kabupaten_at),
            kode_provinsi: code_at(row, kode_provinsi_at),
            provinsi,
            kabupaten,
            kecamatan,
            name,
            components,
            total,
            status,
            status_band,
        });
    }
}

/// The figures of the first numeric column with one meaning, looked up row by row
/// in increasing row order ([`TableView::figure`] for rows taken in order).
struct Figures<'a> {
    figures: &'a [Figure],
    next: usize,
}

impl<'a> Figures<'a> {
    /// The figures of `col` from the first of `rows` on.
    fn new(view: &TableView<'a>, col: Col, rows: &[Row]) -> Self {
        let figures: &[Figure] = view.columns(col).next().map_or(&[], |c| &c.figures);
        let from = rows.first().map_or(0, |r| r.row);
        Figures {
            figures,
            next: figures.partition_point(|f| f.at.row < from),
        }
    }

    /// The figure of sheet row `row`; rows are asked for in increasing order.
    fn at_row(&mut self, row: u32) -> Option<&'a Figure> {
        while self.figures.get(self.next).is_some_and(|f| f.at.row < row) {
            self.next += 1;
        }
        self.figures.get(self.next).filter(|f| f.at.row == row)
    }
}

/// [`text_of`] by sheet column.
fn text_at(row: &Row, index: u32) -> Option<Text> {
    Some(Text {
        at: CellRef::new(row.row, index),
        text: super::shared_text(row.at(index)?)?,
    })
}

/// The code in sheet column `index` of `row`, as an identifier ([`as_code`]).
fn code_at(row: &Row, index: Option<u32>) -> Option<Text> {
    as_code(text_at(row, index?)?)
}

fn summary(view: &TableView, cfg: &Config) -> IdmSummary {
    let table = view.table;
    let mut years: Vec<SummaryYear> = Vec::new();
    for c in &table.columns {
        let (Some(year), Col::Jumlah | Col::Persen) = (c.year, c.col) else {
            continue;
        };
        let at = ColumnAt {
            index: c.index,
            header: c.header,
        };
        let entry = match years.iter_mut().find(|y| y.year == year) {
            Some(e) => e,
            None => {
                years.push(SummaryYear {
                    year,
                    count: None,
                    share: None,
                });
                years.last_mut().expect("just pushed")
            }
        };
        match c.col {
            Col::Jumlah if entry.count.is_none() => entry.count = Some(at),
            Col::Persen if entry.share.is_none() => entry.share = Some(at),
            _ => {}
        }
    }
    years.sort_by_key(|y| y.count.or(y.share).map(|c| c.index));
    let ratio_columns: Vec<(u32, bool)> = view
        .columns(Col::Persen)
        .filter_map(|c| c.figures.first().map(|f| (f.at.col, c.ratio)))
        .collect();
    let mut out = IdmSummary {
        table: view.index,
        kind: view.kind(),
        header: table.header.first,
        years: years.clone(),
        rows: Vec::new(),
        total: None,
    };
    for row in &table.rows {
        let Some(label) = text_of(view, row, Col::Klasifikasi) else {
            continue;
        };
        let figures = years
            .iter()
            .map(|y| {
                let count = y
                    .count
                    .and(view.figure_of_year(row, Col::Jumlah, y.year))
                    .cloned();
                let share = y
                    .share
                    .and(view.figure_of_year(row, Col::Persen, y.year))
                    .cloned();
                let column_ratio = y
                    .share
                    .is_some_and(|c| ratio_columns.iter().any(|(col, r)| *col == c.index && *r));
                let cell_pct = y
                    .share
                    .and_then(|c| row.at(c.index))
                    .is_some_and(|c| c.percent_format && matches!(c.value, Value::Number { .. }));
                YearFigures {
                    year: y.year,
                    count,
                    share,
                    share_ratio: column_ratio || cell_pct,
                }
            })
            .collect();
        let total = is_total_label(&label.text);
        let band = if total {
            None
        } else {
            band_of_label(Profile::of(cfg, view.kind()).bands, &label.text)
        };
        let r = SummaryRow {
            row: row.row,
            label,
            band,
            years: figures,
        };
        if total {
            if out.total.is_none() {
                out.total = Some(r);
            }
        } else if r.band.is_some() || r.years.iter().any(|y| y.count.is_some()) {
            out.rows.push(r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_labels_name_bands() {
        let cfg = Config::default_config();
        assert_eq!(band_of_label(&cfg.idm, "Maju").as_deref(), Some("MAJU"));
        assert_eq!(
            band_of_label(&cfg.idm, "DESA MANDIRI").as_deref(),
            Some("MANDIRI")
        );
        assert_eq!(
            band_of_label(&cfg.idm, "Kampung Sangat Tertinggal").as_deref(),
            Some("SANGAT TERTINGGAL")
        );
        assert_eq!(band_of_label(&cfg.idm, "JUMLAH"), None);
        assert!(is_total_label("Jumlah Total"));
        assert!(is_total_label("TOTAL"));
        assert!(!is_total_label("MAJU"));
    }

    fn village(row: u32, idm: &str, status: Option<&str>, cfg: &Config) -> Village {
        let value: rust_decimal::Decimal = idm.parse().unwrap();
        Village {
            row,
            no: None,
            kode: None,
            kode_kecamatan: None,
            kode_kabupaten: None,
            kode_provinsi: None,
            provinsi: None,
            kabupaten: None,
            kecamatan: None,
            name: None,
            components: vec![None, None, None],
            total: Some(Figure {
                at: CellRef::new(row, 3),
                value: Some(value),
                written: idm.into(),
                decimals: 4,
                stored_as_text: false,
                mark: None,
                dash: false,
                problem: None,
            }),
            status: status.map(|s| Text {
                at: CellRef::new(row, 4),
                text: s.into(),
            }),
            status_band: status.and_then(|s| band_of_label(&cfg.idm, s)),
        }
    }

    #[test]
    fn statuses_counted_as_written_or_by_value() {
        let cfg = Config::default_config();
        let table = VillageTable {
            table: 0,
            kind: TableKind::IdmDesa,
            year: 2023,
            year_from_header: false,
            header: CellRef::new(0, 0),
            columns: BTreeMap::new(),
            villages: vec![
                village(1, "0.9233", Some("MANDIRI"), &cfg),
                village(2, "0.7070", Some("Maju"), &cfg),
                village(3, "1.2", Some("MANDIRI"), &cfg),
                village(4, "0.6", None, &cfg),
            ],
            total_rows: vec![],
        };
        let count = |basis| {
            let (c, unknown) = table.status_counts(&Profile::of(&cfg, TableKind::IdmDesa), basis);
            let v: Vec<(String, usize)> = c.into_iter().map(|c| (c.label, c.count)).collect();
            (v, unknown)
        };
        let s = |l: &str, n| (l.to_string(), n);
        assert_eq!(
            count(Basis::Written),
            (
                vec![
                    s("SANGAT TERTINGGAL", 0),
                    s("TERTINGGAL", 0),
                    s("BERKEMBANG", 0),
                    s("MAJU", 1),
                    s("MANDIRI", 2)
                ],
                1
            )
        );
        // By value: 0.707 is BERKEMBANG, 1.2 keeps its typed status, 0.6 is BERKEMBANG.
        assert_eq!(
            count(Basis::Value),
            (
                vec![
                    s("SANGAT TERTINGGAL", 0),
                    s("TERTINGGAL", 0),
                    s("BERKEMBANG", 2),
                    s("MAJU", 0),
                    s("MANDIRI", 2)
                ],
                0
            )
        );
        let (c, _) = table.status_counts(&Profile::of(&cfg, TableKind::IdmDesa), Basis::Value);
        assert_eq!(c[2].first, Some(CellRef::new(2, 4)));
    }

    #[test]
    fn counts_per_kecamatan() {
        let cfg = Config::default_config();
        let mut a = village(1, "0.9233", Some("MANDIRI"), &cfg);
        a.kecamatan = Some(Text {
            at: CellRef::new(1, 2),
            text: "Baradatu".into(),
        });
        let mut b = village(2, "0.7300", Some("MAJU"), &cfg);
        b.kecamatan = Some(Text {
            at: CellRef::new(2, 2),
            text: "BARADATU".into(),
        });
        let mut c = village(3, "0.7300", Some("MAJU"), &cfg);
        c.kecamatan = Some(Text {
            at: CellRef::new(3, 2),
            text: "KASUI".into(),
        });
        let table = VillageTable {
            table: 0,
            kind: TableKind::IdmDesa,
            year: 2023,
            year_from_header: false,
            header: CellRef::new(0, 0),
            columns: BTreeMap::new(),
            villages: vec![a, b, c],
            total_rows: vec![],
        };
        let list = VillageList {
            year: 2023,
            kind: TableKind::IdmDesa,
            tables: vec![&table],
        };
        let by = list.counts_by_kecamatan(&Profile::of(&cfg, TableKind::IdmDesa), Basis::Value);
        let short: Vec<(String, Vec<usize>)> = by
            .into_iter()
            .map(|(k, c)| (k, c.into_iter().map(|c| c.count).collect()))
            .collect();
        assert_eq!(
            short,
            vec![
                ("Baradatu".to_string(), vec![0, 0, 0, 1, 1]),
                ("KASUI".to_string(), vec![0, 0, 0, 1, 0])
            ]
        );
    }
}
