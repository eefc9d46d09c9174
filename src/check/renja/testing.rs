//! An Evaluasi Renja form built in code, with live formulas and their cached
//! results, and one mutant per check.

use crate::cell::CellRef;
use crate::config::Config;
use crate::finding::{Finding, Severity};
use rust_xlsxwriter::{Formula, Workbook};
use std::collections::BTreeMap;

/// One slip planted in the clean form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mutant {
    Clean,
    /// A sub kegiatan's column 13 Rp typed 0 beside quarters that add up to 35.
    TypedTotal,
    /// A kegiatan's quarter II Rp typed 5 more than its sub kegiatan add up to.
    QuarterOff,
    /// A kegiatan's quarter II Rp formula adds the next kegiatan's row, a row of its parent.
    GrandparentRows,
    /// A sub kegiatan's column 14 Rp formula names column 13's K instead of its Rp.
    WrongColumn,
    /// A program's quarter I Rp formula leaves out one of its kegiatan.
    MissingChild,
    /// A sub kegiatan's quarter III Rp typed with malformed grouping (`1.0.000`).
    Malformed,
}

/// How the office laid its form out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// A Kode column (`1.01.02.2.01`); without it the tree comes from the names.
    pub codes: bool,
    /// Names start with their level (`Program …`); without words or codes the tree
    /// comes from the rows' own SUM formulas.
    pub words: bool,
    /// The quarters split into `K | % | Rp`.
    pub triples: bool,
    /// Every parent's total typed as its value, not a formula (a planted slip stays
    /// as it is).
    pub typed: bool,
}

impl Layout {
    /// Columns A No, B Sasaran, C Kode, D Uraian, E Indikator, then groups 6–15 as
    /// K | Rp from F (6 K = F, 6 Rp = G, …, 15 K = X, 15 Rp = Y), Unit, Ket.
    pub const PLAIN: Layout = Layout {
        codes: true,
        words: true,
        triples: false,
        typed: false,
    };

    fn first_group(self) -> u16 {
        if self.codes {
            5
        } else {
            4
        }
    }

    fn width(self, group: u16) -> u16 {
        if self.triples && (9..=12).contains(&group) {
            3
        } else {
            2
        }
    }

    pub fn k(self, group: u16) -> u16 {
        self.first_group() + (6..group).map(|g| self.width(g)).sum::<u16>()
    }

    pub fn rp(self, group: u16) -> u16 {
        self.k(group) + self.width(group) - 1
    }

    /// The quarter's `%` sub-column (triples only).
    pub fn pct(self, group: u16) -> u16 {
        self.k(group) + 1
    }

    fn uraian(self) -> u16 {
        self.first_group() - 2
    }
}

fn a1(row: u32, col: u16) -> String {
    CellRef::new(row, u32::from(col)).to_string()
}

/// (code, name, children rows) of the rows from sheet row 6 (Excel row 7).
fn lines() -> Vec<(&'static str, &'static str, Vec<u32>)> {
    vec![
        ("1.01", "Bidang Urusan Pemberdayaan Masyarakat", vec![7, 14]),
        ("1.01.01", "Program Penunjang Urusan", vec![8, 11]),
        (
            "1.01.01.2.01",
            "Kegiatan Perencanaan dan Evaluasi",
            vec![9, 10],
        ),
        (
            "1.01.01.2.01.0001",
            "Sub Kegiatan Penyusunan Dokumen",
            vec![],
        ),
        ("1.01.01.2.01.0002", "Sub Kegiatan Evaluasi Kinerja", vec![]),
        (
            "1.01.01.2.02",
            "Kegiatan Administrasi Keuangan",
            vec![12, 13],
        ),
        ("1.01.01.2.02.0001", "Sub Kegiatan Penyediaan Gaji", vec![]),
        (
            "1.01.01.2.02.0002",
            "Sub Kegiatan Pelaksanaan Akuntansi",
            vec![],
        ),
        (
            "1.01.02",
            "Program Pemberdayaan Lembaga Kemasyarakatan",
            vec![15],
        ),
        ("1.01.02.2.01", "Kegiatan Fasilitasi Kerja Sama", vec![16]),
        (
            "1.01.02.2.01.0001",
            "Sub Kegiatan Fasilitasi Kerja Sama Antar Desa",
            vec![],
        ),
        ("", "JUMLAH", vec![6]),
    ]
}

/// A cell: its formula (no `=`) or a typed value.
#[derive(Clone, PartialEq)]
enum Entry {
    Typed(f64),
    /// Text typed where a number belongs.
    Text(&'static str),
    Formula(String),
}

/// The grid of the form's number cells.
fn grid(l: Layout, mutant: Mutant) -> BTreeMap<(u32, u16), Entry> {
    let mut g = BTreeMap::new();
    let lines = lines();
    let (k, rp) = (|g| l.k(g), |g| l.rp(g));
    for (i, (_, _, children)) in lines.iter().enumerate() {
        let row = 6 + i as u32;
        let leaf = children.is_empty();
        let seed = f64::from(i as u32 + 1);
        for group in 6..=12u16 {
            // Money: leaves typed, parents the sum of their children.
            let money = if leaf {
                let quarter = [10.0, 10.0, 10.0, 5.0];
                let v = match group {
                    6 => 200.0 + seed,
                    7 => 100.0 + seed,
                    8 => 50.0,
                    q => quarter[(q - 9) as usize],
                };
                Entry::Typed(v)
            } else {
                let cells: Vec<String> = children.iter().map(|c| a1(*c, rp(group))).collect();
                Entry::Formula(
                    if children.len() > 1 && children.windows(2).all(|w| w[1] == w[0] + 1) {
                        format!("SUM({}:{})", cells[0], cells[cells.len() - 1])
                    } else {
                        cells.join("+")
                    },
                )
            };
            g.insert((row, rp(group)), money);
            let kinerja = match group {
                6 => 100.0,
                7 => 40.0,
                8 => 20.0,
                _ => 5.0,
            };
            g.insert((row, k(group)), Entry::Typed(kinerja));
            if l.width(group) == 3 {
                g.insert((row, l.pct(group)), Entry::Typed(25.0));
            }
        }
        for kinerja in [true, false] {
            let q = |g: u16| a1(row, if kinerja { k(g) } else { rp(g) });
            let sum = format!("{}+{}+{}+{}", q(9), q(10), q(11), q(12));
            g.insert(
                (row, if kinerja { k(13) } else { rp(13) }),
                Entry::Formula(sum),
            );
        }
        for (col7, col13, col14, col6) in
            [(k(7), k(13), k(14), k(6)), (rp(7), rp(13), rp(14), rp(6))]
        {
            g.insert(
                (row, col14),
                Entry::Formula(format!("{}+{}", a1(row, col7), a1(row, col13))),
            );
            g.insert(
                (row, col14 + 2),
                Entry::Formula(format!("{}/{}*100", a1(row, col14), a1(row, col6))),
            );
        }
    }
    match mutant {
        Mutant::Clean => {}
        Mutant::TypedTotal => {
            g.insert((9, rp(13)), Entry::Typed(0.0));
        }
        Mutant::QuarterOff => {
            g.insert((8, rp(10)), Entry::Typed(25.0));
        }
        Mutant::GrandparentRows => {
            g.insert(
                (8, rp(10)),
                Entry::Formula(format!("SUM({}:{})", a1(9, rp(10)), a1(11, rp(10)))),
            );
        }
        Mutant::WrongColumn => {
            g.insert(
                (9, rp(14)),
                Entry::Formula(format!("{}+{}", a1(9, rp(7)), a1(9, k(13)))),
            );
        }
        Mutant::Malformed => {
            g.insert((9, rp(11)), Entry::Text("1.0.000"));
        }
        Mutant::MissingChild => {
            g.insert((7, rp(9)), Entry::Formula(a1(8, rp(9))));
        }
    }
    g
}

/// The values Excel would cache: formulas evaluated until nothing changes.
fn values(g: &BTreeMap<(u32, u16), Entry>) -> BTreeMap<(u32, u16), f64> {
    let mut v: BTreeMap<(u32, u16), f64> = BTreeMap::new();
    for _ in 0..10 {
        for (&at, e) in g {
            let x = match e {
                Entry::Typed(x) => *x,
                Entry::Text(_) => 0.0,
                Entry::Formula(f) => eval(f, &v),
            };
            v.insert(at, x);
        }
    }
    v
}

fn eval(f: &str, v: &BTreeMap<(u32, u16), f64>) -> f64 {
    let get = |a: &str| {
        let c = CellRef::parse(a).unwrap();
        v.get(&(c.row, c.col as u16)).copied().unwrap_or(0.0)
    };
    if let Some((num, den)) = f.strip_suffix("*100").and_then(|r| r.split_once('/')) {
        let d = get(den);
        return if d == 0.0 { 0.0 } else { get(num) / d * 100.0 };
    }
    let parsed = crate::read::Formula::parse(f).unwrap();
    parsed
        .cells()
        .unwrap()
        .iter()
        .map(|c| v.get(&(c.row, c.col as u16)).copied().unwrap_or(0.0))
        .sum()
}

/// The form as xlsx bytes: three title rows, the two-row merged header, the
/// numbering row with its arithmetic, the rows.
pub fn form(l: Layout, mutant: Mutant, sheet: &str) -> Vec<u8> {
    workbook(l, &[(mutant, sheet)])
}

/// A workbook of several form sheets (one per quarter, say).
pub fn workbook(l: Layout, sheets: &[(Mutant, &str)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    for (mutant, sheet) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*sheet).unwrap();
        write_form(ws, l, *mutant);
    }
    wb.save_to_buffer().unwrap()
}

fn write_form(ws: &mut rust_xlsxwriter::Worksheet, l: Layout, mutant: Mutant) {
    let plain = rust_xlsxwriter::Format::new();
    ws.write_string(0, 0, "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH")
        .unwrap();
    ws.write_string(1, 0, "DINAS PEMBERDAYAAN MASYARAKAT DAN KAMPUNG")
        .unwrap();
    ws.write_string(2, 0, "Periode pelaksanaan: Triwulan IV Tahun 2024")
        .unwrap();
    let mut tall = vec!["No", "Sasaran"];
    if l.codes {
        tall.push("Kode");
    }
    tall.push("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan");
    tall.push("Indikator Kinerja Program (outcome)/ Kegiatan (output)");
    for (c, t) in tall.iter().enumerate() {
        ws.merge_range(3, c as u16, 4, c as u16, t, &plain).unwrap();
        ws.write_string(5, c as u16, (c + 1).to_string()).unwrap();
    }
    let groups = [
        "Target Renstra PD pada Tahun 2026 (Akhir Periode Renstra PD)",
        "Realisasi Capaian Kinerja Renstra PD sampai dengan Renja PD Tahun Lalu",
        "Target Kinerja dan Anggaran Renja PD Tahun Berjalan yang Dievaluasi",
        "Realisasi Kinerja Pada Triwulan I",
        "Realisasi Kinerja Pada Triwulan II",
        "Realisasi Kinerja Pada Triwulan III",
        "Realisasi Kinerja Pada Triwulan IV",
        "Realisasi Capaian Kinerja dan Anggaran Renja PD yang Dievaluasi",
        "Realisasi Kinerja dan Anggaran Renstra PD s/d Tahun Berjalan",
        "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra PD s/d Tahun Berjalan (%)",
    ];
    let numbering = [
        "6",
        "7",
        "8",
        "9",
        "10",
        "11",
        "12",
        "13 = 9 + 10 + 11 + 12",
        "14 = 7 + 13",
        "15 = 14 / 6 x 100",
    ];
    for (i, (t, n)) in groups.iter().zip(numbering).enumerate() {
        let group = 6 + i as u16;
        let (c, last) = (l.k(group), l.rp(group));
        ws.merge_range(3, c, 3, last, t, &plain).unwrap();
        ws.write_string(4, c, "K").unwrap();
        if last > c + 1 {
            ws.write_string(4, c + 1, "%").unwrap();
        }
        ws.write_string(4, last, "Rp.").unwrap();
        ws.merge_range(5, c, 5, last, n, &plain).unwrap();
    }
    let unit = l.rp(15) + 1;
    ws.merge_range(3, unit, 4, unit, "Unit Penanggung Jawab", &plain)
        .unwrap();
    ws.merge_range(3, unit + 1, 4, unit + 1, "Keterangan", &plain)
        .unwrap();
    ws.write_string(5, unit, "16").unwrap();
    ws.write_string(5, unit + 1, "17").unwrap();
    for (i, (code, name, _)) in lines().iter().enumerate() {
        let row = 6 + i as u32;
        if !name.starts_with("JUMLAH") {
            ws.write_number(row, 0, (i + 1) as f64).unwrap();
            if l.codes {
                ws.write_string(row, 2, *code).unwrap();
            }
            ws.write_string(row, l.uraian() + 1, "Persentase dokumen tersusun")
                .unwrap();
        }
        let bare = ["Sub Kegiatan ", "Kegiatan ", "Program ", "Bidang Urusan "]
            .iter()
            .find_map(|w| name.strip_prefix(w))
            .unwrap_or(name);
        ws.write_string(row, l.uraian(), if l.words { name } else { bare })
            .unwrap();
    }
    let g = grid(l, mutant);
    let v = values(&g);
    let clean = grid(l, Mutant::Clean);
    let parents: Vec<u32> = lines()
        .iter()
        .enumerate()
        .filter(|(_, (_, _, children))| !children.is_empty())
        .map(|(i, _)| 6 + i as u32)
        .collect();
    for (&(row, col), e) in &g {
        let typed = l.typed && parents.contains(&row) && clean.get(&(row, col)) == Some(e);
        match e {
            Entry::Typed(x) => ws.write_number(row, col, *x).unwrap(),
            Entry::Text(t) => ws.write_string(row, col, *t).unwrap(),
            Entry::Formula(_) if typed => ws.write_number(row, col, v[&(row, col)]).unwrap(),
            Entry::Formula(f) => ws
                .write_formula(
                    row,
                    col,
                    Formula::new(format!("={f}")).set_result(v[&(row, col)].to_string()),
                )
                .unwrap(),
        };
    }
}

/// The findings of a run on the form with `mutant`, errors and warnings only.
pub fn findings_of(mutant: Mutant) -> Vec<Finding> {
    findings_in(Layout::PLAIN, mutant)
}

/// [`findings_of`] on a form of this layout.
pub fn findings_in(l: Layout, mutant: Mutant) -> Vec<Finding> {
    let mut all = run(vec![("renja.xlsx", form(l, mutant, "Realisasi TW IV"))]);
    all.retain(|f| f.severity != Severity::Info);
    all
}

/// The one error or warning a mutant gives.
pub fn the_one_finding(mutant: Mutant) -> Finding {
    let f = findings_of(mutant);
    assert_eq!(f.len(), 1, "{mutant:?}: {f:#?}");
    f.into_iter().next().unwrap()
}

/// The header of a budget realisation table.
pub const TABEL_3_4: &[&str] = &[
    "PROGRAM/KEGIATAN",
    "PAGU ANGGARAN (Rp)",
    "REALISASI (Rp)",
    "%",
];

/// A plain table as xlsx bytes: a header row, an optional numbering row, then rows
/// of a name and its numbers (`None`: a row with the name only).
pub fn table(
    sheet: &str,
    header: &[&str],
    numbering: &[&str],
    rows: &[(&str, Option<&[f64]>)],
) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).unwrap();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (c, n) in numbering.iter().enumerate() {
        ws.write_string(1, c as u16, *n).unwrap();
    }
    let first = if numbering.is_empty() { 1 } else { 2 };
    for (i, (name, numbers)) in rows.iter().enumerate() {
        let r = first + i as u32;
        ws.write_string(r, 0, *name).unwrap();
        for (c, v) in numbers.iter().copied().flatten().enumerate() {
            ws.write_number(r, c as u16 + 1, *v).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

/// Reads, models and checks these workbooks.
pub fn run(files: Vec<(&str, Vec<u8>)>) -> Vec<Finding> {
    let (reading, model, cfg) = modelled(files);
    crate::check::check(&reading, &model, &cfg)
}

pub fn modelled(
    files: Vec<(&str, Vec<u8>)>,
) -> (crate::structure::Reading, crate::model::Model, Config) {
    let cfg = Config::default_config();
    let (reading, model) = crate::check::testing::modelled(files, &cfg);
    (reading, model, cfg)
}

#[test]
fn the_form_is_read_with_its_tree_groups_and_formulas() {
    let (reading, model, _) = modelled(vec![(
        "renja.xlsx",
        form(Layout::PLAIN, Mutant::Clean, "Realisasi TW IV"),
    )]);
    assert_eq!(reading.tables.len(), 1);
    assert_eq!(
        reading.tables[0].kind,
        crate::table::TableKind::EvaluasiRenja
    );
    let f = model.renja.latest().expect("a form");
    assert_eq!(f.quarter, Some(4));
    assert_eq!(f.groups.len(), 10);
    assert_eq!(f.groups[7].number, 13);
    assert_eq!(
        (f.groups[7].kinerja, f.groups[7].rupiah),
        (Some(19), Some(20))
    );
    assert_eq!(f.equations.len(), 3);
    assert_eq!(f.lines.len(), 12);
    let names = |i: usize| {
        f.lines[i]
            .children
            .iter()
            .map(|&c| f.lines[c].row)
            .collect::<Vec<_>>()
    };
    assert_eq!(names(1), vec![8, 11]);
    assert_eq!(names(11), vec![6]);
    let at = CellRef::parse("U7").unwrap();
    assert_eq!(f.amounts[&at].formula.as_deref(), Some("M7+O7+Q7+S7"));
    assert_eq!(
        f.amounts[&at].figure.value,
        Some(rust_decimal::Decimal::from(175))
    );
}

#[test]
fn a_clean_form_gives_no_error_or_warning() {
    assert_eq!(findings_of(Mutant::Clean), Vec::new());
}

/// Every layout: codes or words or formulas for the tree, with quarter triples
/// and without, totals as formulas or typed; each mutant found once, at its root,
/// by its rule.
#[test]
fn every_mutant_is_found_at_its_root_in_every_layout() {
    for codes in [true, false] {
        for words in [true, false] {
            for (triples, typed) in [(false, false), (true, false), (false, true), (true, true)] {
                if typed && !codes && !words {
                    // Typed totals leave no formula to tell the tree by.
                    continue;
                }
                let l = Layout {
                    codes,
                    words,
                    triples,
                    typed,
                };
                assert_eq!(findings_in(l, Mutant::Clean), Vec::new(), "{l:?}");
                let cases = [
                    (Mutant::TypedTotal, super::ari001::RULE.code, 9, l.rp(13)),
                    (Mutant::QuarterOff, super::sum030::RULE.code, 8, l.rp(10)),
                    (
                        Mutant::GrandparentRows,
                        super::fml001::RULE.code,
                        8,
                        l.rp(10),
                    ),
                    (Mutant::WrongColumn, super::fml001::RULE.code, 9, l.rp(14)),
                    (Mutant::MissingChild, super::fml001::RULE.code, 7, l.rp(9)),
                ];
                for (mutant, code, row, col) in cases {
                    let f = findings_in(l, mutant);
                    let at: Vec<(&str, String)> =
                        f.iter().map(|f| (f.code, f.loc.cell.to_string())).collect();
                    assert_eq!(at, [(code, a1(row, col))], "{l:?} {mutant:?}: {f:#?}");
                    assert!(!f[0].related.is_empty(), "{l:?} {mutant:?}");
                }
            }
        }
    }
}

/// Each quarter sheet is read and checked; the report takes the latest, wherever
/// it stands in the workbook.
#[test]
fn every_quarter_sheet_is_read_and_the_latest_feeds_the_report() {
    let bytes = workbook(
        Layout::PLAIN,
        &[
            (Mutant::Clean, "Realisasi TW IV"),
            (Mutant::TypedTotal, "Realisasi TW III"),
        ],
    );
    let (reading, model, cfg) = modelled(vec![("renja.xlsx", bytes)]);
    assert_eq!(model.renja.forms.len(), 2);
    let latest = model.renja.latest().unwrap();
    assert_eq!(
        (&*latest.sheet, latest.quarter),
        ("Realisasi TW IV", Some(4))
    );
    let r = model.renja.realisation.as_ref().unwrap();
    assert_eq!(model.tables[r.table].sheet.as_ref(), "Realisasi TW IV");
    assert_eq!(r.programs.len(), 2);
    assert_eq!(r.programs[0].kegiatan.len(), 2);
    let k = &r.programs[0].kegiatan[0];
    assert_eq!(k.name, "Kegiatan Perencanaan dan Evaluasi");
    assert_eq!(k.pagu.as_ref().unwrap().at.to_string(), "K9");
    assert_eq!(k.pagu_value(), Some(100.into()));
    assert_eq!(k.realisasi.as_ref().unwrap().at.to_string(), "U9");
    assert_eq!(k.realisasi_value(), Some(70.into()));
    let found = crate::check::check(&reading, &model, &cfg);
    let loud: Vec<(&str, String)> = found
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .map(|f| (&*f.loc.sheet, f.loc.cell.to_string()))
        .collect();
    assert_eq!(loud, [("Realisasi TW III", "U10".to_string())]);
}

/// A malformed figure is the number rules' finding; the sums and equations it
/// takes part in are left alone rather than reported against a guess.
#[test]
fn a_malformed_figure_is_not_echoed_as_wrong_sums() {
    let f = findings_of(Mutant::Malformed);
    let ours = [
        super::ari001::RULE.code,
        super::sum030::RULE.code,
        super::fml001::RULE.code,
    ];
    let at: Vec<(&str, String)> = f.iter().map(|f| (f.code, f.loc.cell.to_string())).collect();
    assert!(at.iter().all(|(code, _)| !ours.contains(code)), "{at:?}");
    assert!(at.iter().any(|(_, cell)| cell == "Q10"), "{at:?}");
}
