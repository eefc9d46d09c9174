//! Budget family: percentages, ranges, sums and the same money across the
//! realisation table, the PK, the RKT and Tabel 1 — on the sample (mutations and
//! controls) and on workbooks built here.

use crate::util::{self, edit_cell, finding, findings, sheet, xlsx, Dir, Edit, W::*};
use serde_json::Value;

const CODES: [&str; 13] = [
    "NUM001", "PCT010", "RNG010", "RNG011", "RNG012", "SUM010", "SUM011", "SUM012", "XDC010",
    "XDC011", "XDC012", "XDC013", "WRD001",
];

const REALISASI: &str = "Realisasi Anggaran 2023.xlsx";
const RKT: &str = "RKT 2023.xlsx";
const PROFIL: &str = "Profil Dinas 2023.xlsx";
const PK_XLS: &str = "Perjanjian Kinerja 2023.xls";

/// The findings of this family as (code, file, sheet, cell), sorted.
fn ours(json: &Value) -> Vec<(String, String, String, String)> {
    let mut v: Vec<_> = findings(json)
        .into_iter()
        .filter(|f| CODES.contains(&f.0.as_str()))
        .collect();
    v.sort();
    v
}

fn f4(code: &str, file: &str, sheet: &str, cell: &str) -> (String, String, String, String) {
    (code.into(), file.into(), sheet.into(), cell.into())
}

/// The related cells of a finding as `sheet!cell`.
fn related(f: &Value) -> Vec<String> {
    f["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{}!{}",
                r["sheet"].as_str().unwrap(),
                r["cell"].as_str().unwrap()
            )
        })
        .collect()
}

/// The sample's own findings of this family.
fn sample_baseline() -> Vec<(String, String, String, String)> {
    vec![
        f4("NUM001", REALISASI, "Tabel 3.4", "B25"),
        f4("NUM001", REALISASI, "Tabel 3.4", "C39"),
        f4("RNG012", REALISASI, "Tabel 3.4", "C19"),
        f4("RNG012", REALISASI, "Tabel 3.4", "C37"),
    ]
}

/// The sample's findings plus `extra`, sorted.
fn baseline_with(extra: &[(&str, &str, &str, &str)]) -> Vec<(String, String, String, String)> {
    let mut v = sample_baseline();
    v.extend(extra.iter().map(|&(c, f, s, a)| f4(c, f, s, a)));
    v.sort();
    v
}

/// Guards the precision promise on the sample: the two malformed figures, pinned,
/// and the two kegiatan without realisation; every total, subtotal and
/// cross-document sum of the seed agrees.
#[test]
fn the_sample_has_only_its_real_anomalies() {
    let dir = Dir::new().with_sample();
    let (json, _) = dir.check_json(&[]);
    assert_eq!(ours(&json), sample_baseline());
    let pagu = finding(&json, "NUM001", "B25");
    assert_eq!(pagu["found"], "65.00.000");
    assert_eq!(pagu["expected"], "65000000");
    assert_eq!(pagu["fix"], "suggested");
    let message = pagu["message"].as_str().unwrap();
    assert!(
        message.contains("RKT!I90")
            && message.contains("realisasi 65.000.000 dan persentase 100,00"),
        "{message}"
    );
    let realisasi = finding(&json, "NUM001", "C39");
    assert_eq!(realisasi["found"], "257.5465.00");
    assert_eq!(realisasi["expected"], "257546500");
    assert_eq!(realisasi["fix"], "suggested");
    assert!(realisasi["message"]
        .as_str()
        .unwrap()
        .contains("pagu 275.977.000 dan persentase 93"));
    for cell in ["C19", "C37"] {
        let f = finding(&json, "RNG012", cell);
        assert_eq!(f["severity"], "info");
        assert_eq!(f["found"], "-");
        assert_eq!(f["fix"], "none");
    }
    assert_eq!(
        related(finding(&json, "RNG012", "C19")),
        vec!["Tabel 3.4!B19"]
    );
}

/// English messages say why a figure is pinned.
#[test]
fn pinned_figures_say_why_in_english() {
    let dir = Dir::new().with_sample();
    let (json, _) = dir.check_json(&["--lang", "en"]);
    let message = finding(&json, "NUM001", "B25")["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        message.contains("it must be 65,000,000, pinned by the same kegiatan's Dana in the RKT"),
        "{message}"
    );
    assert!(
        message.contains("realisasi 65,000,000 at 100.00 %"),
        "{message}"
    );
}

/// Guards PCT010: a wrong % is found with the rounded percentage and a formula.
#[test]
fn mutation_wrong_percent() {
    let dir = Dir::new().with_sample();
    edit_cell(
        &dir.input(REALISASI),
        "Tabel 3.4",
        "D17",
        Edit::Number(85.0),
    );
    let (json, _) = dir.check_json(&[]);
    assert_eq!(
        ours(&json),
        baseline_with(&[("PCT010", REALISASI, "Tabel 3.4", "D17")])
    );
    let f = finding(&json, "PCT010", "D17");
    assert_eq!(f["found"], "85");
    assert_eq!(f["expected"], "82");
    assert_eq!(f["fix"], "suggested");
    assert_eq!(related(f), vec!["Tabel 3.4!B17", "Tabel 3.4!C17"]);
}

/// Guards RNG010: a realisation above its pagu (its % is then wrong too).
#[test]
fn mutation_realisation_above_pagu() {
    let dir = Dir::new().with_sample();
    edit_cell(
        &dir.input(REALISASI),
        "Tabel 3.4",
        "C17",
        Edit::Number(9000000.0),
    );
    let (json, _) = dir.check_json(&[]);
    assert_eq!(
        ours(&json),
        baseline_with(&[
            ("RNG010", REALISASI, "Tabel 3.4", "C17"),
            ("PCT010", REALISASI, "Tabel 3.4", "D17")
        ])
    );
    let f = finding(&json, "RNG010", "C17");
    assert_eq!(f["found"], "9000000");
    assert_eq!(f["fix"], "none");
    assert_eq!(related(f), vec!["Tabel 3.4!B17"]);
    assert_eq!(finding(&json, "PCT010", "D17")["expected"], "109");
}

/// Guards RNG011: a negative amount.
#[test]
fn mutation_negative_money() {
    let dir = Dir::new().with_sample();
    edit_cell(
        &dir.input(REALISASI),
        "Tabel 3.4",
        "C17",
        Edit::Text("-6.720.000"),
    );
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "RNG011", "C17");
    assert_eq!(f["found"], "-6.720.000");
    assert_eq!(f["fix"], "none");
    assert_eq!(
        ours(&json),
        baseline_with(&[
            ("RNG011", REALISASI, "Tabel 3.4", "C17"),
            ("PCT010", REALISASI, "Tabel 3.4", "D17")
        ])
    );
}

/// Guards XDC010 and XDC013: a changed pagu breaks the PK program's sum and the
/// RKT's Dana. The RKT agrees with the PK, so XDC013 points at the pagu and XDC010
/// claims no value for the PK.
#[test]
fn mutation_changed_pagu() {
    let dir = Dir::new().with_sample();
    // 6.720.000 / 8.200.000 is still 82 %: only the money disagrees.
    edit_cell(
        &dir.input(REALISASI),
        "Tabel 3.4",
        "B17",
        Edit::Number(8200000.0),
    );
    let (json, _) = dir.check_json(&[]);
    assert_eq!(
        ours(&json),
        baseline_with(&[
            ("XDC010", PK_XLS, "PK 2023", "C19"),
            ("XDC013", REALISASI, "Tabel 3.4", "B17")
        ])
    );
    let x = finding(&json, "XDC013", "B17");
    assert_eq!(x["found"], "8200000");
    assert_eq!(x["expected"], "8220000");
    assert_eq!(related(x), vec!["RKT!I93"]);
    assert!(x["message"].as_str().unwrap().contains(
        "«12. Fasilitasi Kunjungan Tamu» (RKT) ↔ «Fasilitasi Kunjungan Tamu» (realisasi)"
    ));
    let p = finding(&json, "XDC010", "C19");
    assert_eq!(p["found"], "2682564785");
    assert_eq!(p["expected"], Value::Null);
    assert_eq!(p["fix"], "none");
    let cells: Vec<String> = (6..=25).map(|r| format!("Tabel 3.4!B{r}")).collect();
    assert_eq!(related(p), cells);
    let message = p["message"].as_str().unwrap();
    assert!(
        message.contains("2.682.544.785") && message.contains("RKT juga menyebut 2.682.564.785"),
        "{message}"
    );
    assert!(
        message
            .contains("«PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA» ↔ «PROGRAM PENUNJANG"),
        "{message}"
    );
}

/// Guards XDC010 / XDC011: a PK program budget that disagrees with both the
/// realisation table and the RKT; its Jumlah, still right, is not blamed.
#[test]
fn mutation_pk_program_budget() {
    let dir = Dir::new().with_sample();
    let pk = util::as_xlsx(&dir, PK_XLS);
    edit_cell(&pk, "PK 2023", "C21", Edit::Number(1978000000.0));
    let (json, _) = dir.check_json(&[]);
    let pk_name = "Perjanjian Kinerja 2023.xlsx";
    assert_eq!(
        ours(&json),
        baseline_with(&[
            ("XDC010", pk_name, "PK 2023", "C21"),
            ("XDC011", pk_name, "PK 2023", "C21")
        ])
    );
    let real = finding(&json, "XDC010", "C21");
    assert_eq!(real["found"], "1978000000");
    assert_eq!(real["expected"], "1978457800");
    assert_eq!(real["fix"], "none");
    assert_eq!(
        related(real),
        (29..=37)
            .map(|r| format!("Tabel 3.4!B{r}"))
            .collect::<Vec<_>>()
    );
    let rkt = finding(&json, "XDC011", "C21");
    assert_eq!(rkt["expected"], "1978457800");
    assert_eq!(
        related(rkt),
        vec!["RKT!I18", "RKT!I26", "RKT!I40", "RKT!I47"]
    );
    assert!(rkt["message"]
        .as_str()
        .unwrap()
        .contains("4 blok: 2., 6., 8., 9."));
}

/// Guards SUM011 on the PK: a wrong Jumlah is the one figure to blame.
#[test]
fn mutation_pk_jumlah() {
    let dir = Dir::new().with_sample();
    let pk = util::as_xlsx(&dir, PK_XLS);
    edit_cell(&pk, "PK 2023", "C23", Edit::Text("Rp. 6.796.000.000"));
    let (json, _) = dir.check_json(&[]);
    let pk_name = "Perjanjian Kinerja 2023.xlsx";
    // The terbilang still spells the programs' sum: it is not blamed either.
    assert_eq!(
        ours(&json),
        baseline_with(&[("SUM011", pk_name, "PK 2023", "C23")])
    );
    let f = finding(&json, "SUM011", "C23");
    assert_eq!(f["expected"], "6796834585");
    assert_eq!(f["fix"], "suggested");
    assert_eq!(
        related(f),
        vec!["PK 2023!C19", "PK 2023!C20", "PK 2023!C21", "PK 2023!C22"]
    );
}

/// Guards WRD001: words one rupiah off are found, with the standard words.
#[test]
fn mutation_wrong_terbilang() {
    let dir = Dir::new().with_sample();
    let pk = util::as_xlsx(&dir, PK_XLS);
    edit_cell(
        &pk,
        "PK 2023",
        "A24",
        Edit::Text("(Terbilang : Enam milyar tujuh ratus sembilan puluh enam juta delapan ratus tiga puluh empat ribu lima ratus delapan puluh empat rupiah)."),
    );
    let (json, _) = dir.check_json(&[]);
    let pk_name = "Perjanjian Kinerja 2023.xlsx";
    assert_eq!(
        ours(&json),
        baseline_with(&[("WRD001", pk_name, "PK 2023", "A24")])
    );
    let f = finding(&json, "WRD001", "A24");
    assert_eq!(
        f["expected"],
        "Enam miliar tujuh ratus sembilan puluh enam juta delapan ratus tiga puluh empat ribu lima ratus delapan puluh lima rupiah"
    );
    assert_eq!(f["fix"], "suggested");
    assert_eq!(related(f), vec!["PK 2023!C23"]);
}

/// Controls for WRD001: the standard spelling and "milyar" both read as the figure.
#[test]
fn terbilang_spellings_that_are_right() {
    for text in [
        "Enam miliar tujuh ratus sembilan puluh enam juta delapan ratus tiga puluh empat ribu lima ratus delapan puluh lima rupiah",
        "terbilang: ENAM MILYAR TUJUH RATUS SEMBILAN PULUH ENAM JUTA DELAPAN RATUS TIGA PULUH EMPAT RIBU LIMA RATUS DELAPAN PULUH LIMA RUPIAH,-",
    ] {
        let dir = Dir::new().with_sample();
        let pk = util::as_xlsx(&dir, PK_XLS);
        edit_cell(&pk, "PK 2023", "A24", Edit::Text(text));
        let (json, _) = dir.check_json(&[]);
        assert_eq!(ours(&json), sample_baseline(), "{text}");
    }
}

/// Guards WRD001 on words that are no amount.
#[test]
fn terbilang_that_does_not_parse() {
    let dir = Dir::new().with_sample();
    let pk = util::as_xlsx(&dir, PK_XLS);
    edit_cell(
        &pk,
        "PK 2023",
        "A24",
        Edit::Text("(Terbilang : Enam milyar tujuh ratus juta juta rupiah)."),
    );
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "WRD001", "A24");
    assert!(f["expected"]
        .as_str()
        .unwrap()
        .starts_with("Enam miliar tujuh ratus"));
    assert!(f["message"].as_str().unwrap().contains("tidak terbaca"));
}

/// Guards SUM012 on a single child: it must equal its parent, which agrees with
/// the level above.
#[test]
fn mutation_tabel1_single_child() {
    let dir = Dir::new().with_sample();
    edit_cell(
        &dir.input(PROFIL),
        "Pembiayaan",
        "C7",
        Edit::Text("Rp. 2.015.000.000,-"),
    );
    let (json, _) = dir.check_json(&[]);
    assert_eq!(
        ours(&json),
        baseline_with(&[("SUM012", PROFIL, "Pembiayaan", "C7")])
    );
    let f = finding(&json, "SUM012", "C7");
    assert_eq!(f["expected"], "2015561700");
    assert_eq!(f["fix"], "suggested");
    assert_eq!(related(f), vec!["Pembiayaan!C6"]);
}

/// Guards SUM012 on a parent: the changed parent alone is blamed, with the sum.
#[test]
fn mutation_tabel1_parent() {
    let dir = Dir::new().with_sample();
    edit_cell(
        &dir.input(PROFIL),
        "Pembiayaan",
        "C8",
        Edit::Text("Rp. 4.781.000.000,-"),
    );
    let (json, _) = dir.check_json(&[]);
    assert_eq!(
        ours(&json),
        baseline_with(&[("SUM012", PROFIL, "Pembiayaan", "C8")])
    );
    let f = finding(&json, "SUM012", "C8");
    assert_eq!(f["expected"], "4781272885");
    assert_eq!(f["fix"], "suggested");
    assert_eq!(related(f), vec!["Pembiayaan!C9", "Pembiayaan!C10"]);
}

/// Guards SUM012 when one of several children changed: the parent agrees with the
/// level above, so the finding names its children and claims no value.
#[test]
fn mutation_tabel1_one_of_two_children() {
    let dir = Dir::new().with_sample();
    edit_cell(
        &dir.input(PROFIL),
        "Pembiayaan",
        "C10",
        Edit::Text("Rp. 27.000.000,-"),
    );
    let (json, _) = dir.check_json(&[]);
    assert_eq!(
        ours(&json),
        baseline_with(&[("SUM012", PROFIL, "Pembiayaan", "C8")])
    );
    let f = finding(&json, "SUM012", "C8");
    assert_eq!(f["expected"], Value::Null);
    assert_eq!(f["fix"], "none");
    assert_eq!(related(f), vec!["Pembiayaan!C9", "Pembiayaan!C10"]);
}

/// Guards XDC012: Belanja Daerah that no PK figure matches (its children changed
/// with it, so Tabel 1 agrees with itself).
#[test]
fn mutation_belanja_daerah() {
    let dir = Dir::new().with_sample();
    let p = dir.input(PROFIL);
    edit_cell(&p, "Pembiayaan", "C5", Edit::Text("Rp. 6.786.834.585,-"));
    edit_cell(&p, "Pembiayaan", "C8", Edit::Text("Rp. 4.771.272.885,-"));
    edit_cell(&p, "Pembiayaan", "C9", Edit::Text("Rp. 4.744.111.885,-"));
    let (json, _) = dir.check_json(&[]);
    assert_eq!(
        ours(&json),
        baseline_with(&[("XDC012", PROFIL, "Pembiayaan", "C5")])
    );
    let f = finding(&json, "XDC012", "C5");
    assert_eq!(f["expected"], "6796834585");
    assert_eq!(f["fix"], "none");
    assert_eq!(related(f), vec!["PK 2023!C23"]);
}

/// Guards XDC013: an RKT Dana that differs from the pagu; its block no longer adds
/// up, so the RKT cell is blamed (and SUM010 stays quiet).
#[test]
fn mutation_rkt_dana() {
    let dir = Dir::new().with_sample();
    edit_cell(&dir.input(RKT), "RKT", "I93", Edit::Number(8200000.0));
    let (json, _) = dir.check_json(&[]);
    assert_eq!(ours(&json), baseline_with(&[("XDC013", RKT, "RKT", "I93")]));
    let f = finding(&json, "XDC013", "I93");
    assert_eq!(f["found"], "8200000");
    assert_eq!(f["expected"], "8220000");
    assert_eq!(related(f), vec!["Tabel 3.4!B17"]);
}

/// Guards SUM010 on the RKT: a block's funds that are not the sum of its Dana.
#[test]
fn mutation_rkt_program_funds() {
    let dir = Dir::new().with_sample();
    edit_cell(&dir.input(RKT), "RKT", "I57", Edit::Number(2674000000.0));
    let (json, _) = dir.check_json(&[]);
    assert_eq!(ours(&json), baseline_with(&[("SUM010", RKT, "RKT", "I57")]));
    let f = finding(&json, "SUM010", "I57");
    assert_eq!(f["expected"], "2674367785");
    assert_eq!(f["fix"], "suggested");
    assert_eq!(related(f).len(), 14);
}

/// Guards SUM011 on the RKT: a wrong Jumlah Total.
#[test]
fn mutation_rkt_total() {
    let dir = Dir::new().with_sample();
    edit_cell(&dir.input(RKT), "RKT", "I121", Edit::Number(6796834000.0));
    let (json, _) = dir.check_json(&[]);
    assert_eq!(
        ours(&json),
        baseline_with(&[("SUM011", RKT, "RKT", "I121")])
    );
    let f = finding(&json, "SUM011", "I121");
    assert_eq!(f["expected"], "6796834585");
    assert_eq!(
        related(f),
        ["I8", "I18", "I22", "I26", "I36", "I40", "I47", "I57", "I102"].map(|c| format!("RKT!{c}"))
    );
}

/// Control: the PK workbook saved as xlsx or ods gives the same findings.
#[test]
fn the_pk_workbook_in_other_formats() {
    let dir = Dir::new().with_sample();
    let (json, _) = dir.check_json(&[]);
    let strip = |v: Vec<(String, String, String, String)>| -> Vec<(String, String, String)> {
        v.into_iter().map(|(c, _, s, a)| (c, s, a)).collect()
    };
    let before = strip(ours(&json));
    for to in ["xlsx", "ods"] {
        let dir = Dir::new().with_sample();
        let tmp = tempfile::tempdir().unwrap();
        let out = util::convert(&dir.input(PK_XLS), to, tmp.path());
        std::fs::remove_file(dir.input(PK_XLS)).unwrap();
        std::fs::copy(&out, dir.input(out.file_name().unwrap().to_str().unwrap())).unwrap();
        let (json, _) = dir.check_json(&[]);
        assert_eq!(strip(ours(&json)), before, "{to}");
    }
}

fn realisasi_header() -> Vec<crate::util::W> {
    vec![
        S("PROGRAM/KEGIATAN"),
        S("PAGU ANGGARAN (Rp)"),
        S("REALISASI (Rp)"),
        S("%"),
    ]
}

/// Control: percentages stored as ratios in a percent-formatted column are right;
/// a wrong one is reported as a ratio, with a ratio formula.
#[test]
fn ratio_percentages() {
    let dir = Dir::new();
    let s = sheet("Realisasi")
        .at(2, 0, realisasi_header())
        .at(
            3,
            0,
            vec![S(
                "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
            )],
        )
        .at(
            4,
            0,
            vec![
                S("Penyusunan Dokumen Perencanaan Perangkat Daerah"),
                N(1126000.0),
                N(1114600.0),
                Pct(0.99),
            ],
        )
        .at(
            5,
            0,
            vec![
                S("Koordinasi dan Penyusunan Dokumen RKA-SKPD"),
                N(1175000.0),
                N(1133700.0),
                Pct(0.9649),
            ],
        )
        .at(
            6,
            0,
            vec![
                S("Fasilitasi Kunjungan Tamu"),
                N(8220000.0),
                N(6720000.0),
                Pct(0.8175),
            ],
        )
        .at(
            7,
            0,
            vec![
                S("Penyediaan Bahan Logistik Kantor"),
                N(27393385.0),
                N(27392460.0),
                Pct(0.9),
            ],
        );
    xlsx(&dir.input("ratio.xlsx"), vec![s]);
    let (json, _) = dir.check_json(&[]);
    let all: Vec<_> = ours(&json);
    assert_eq!(all, vec![f4("PCT010", "ratio.xlsx", "Realisasi", "D8")]);
    let f = finding(&json, "PCT010", "D8");
    assert_eq!(f["found"], "0.9");
    assert_eq!(f["expected"], "1");
}

/// A realisation table with program subtotal rows and a JUMLAH row, as many
/// offices lay it out.
fn with_subtotals(dir: &Dir, program_pagu: f64, jumlah_pagu: f64, kegiatan_pagu: f64) {
    let s = sheet("Tabel 3.4")
        .at(
            0,
            0,
            vec![
                S("NO"),
                S("URAIAN"),
                S("PAGU"),
                S("REALISASI"),
                S("PERSENTASE"),
            ],
        )
        .at(
            1,
            0,
            vec![
                S("1"),
                S("PROGRAM PENINGKATAN KERJASAMA DESA"),
                N(program_pagu),
                N(41615400.0),
                N(94.0),
            ],
        )
        .at(
            2,
            0,
            vec![
                S("1.1"),
                S("Fasilitas Kerjasama Antar Desa"),
                N(kegiatan_pagu),
                N(41615400.0),
                N(94.0),
            ],
        )
        .at(
            3,
            0,
            vec![
                S("2"),
                S("PROGRAM ADMINISTRASI PEMERINTAHAN DESA"),
                N(350250000.0),
                N(325278600.0),
                N(93.0),
            ],
        )
        .at(
            4,
            0,
            vec![
                S("2.1"),
                S("Fasilitasi Penyelenggaraan Administrasi Pemerintahan Desa"),
                N(275709600.0),
                N(262295800.0),
                N(95.0),
            ],
        )
        .at(
            5,
            0,
            vec![
                S("2.2"),
                S("Fasilitasi Penyusunan Perencanaan Pembangunan Desa"),
                N(74540400.0),
                N(62982800.0),
                N(84.0),
            ],
        )
        .at(
            6,
            0,
            vec![E, S("JUMLAH"), N(jumlah_pagu), N(366894000.0), N(93.0)],
        );
    xlsx(&dir.input("realisasi.xlsx"), vec![s]);
}

/// Control: a consistent table with subtotals and a total has no finding.
#[test]
fn subtotals_and_total_that_agree() {
    let dir = Dir::new();
    with_subtotals(&dir, 44342000.0, 394592000.0, 44342000.0);
    let (json, _) = dir.check_json(&[]);
    assert_eq!(ours(&json), vec![]);
}

/// Guards SUM010 in the realisation table: the program row alone is wrong.
#[test]
fn a_wrong_program_subtotal() {
    let dir = Dir::new();
    with_subtotals(&dir, 44000000.0, 394592000.0, 44342000.0);
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "SUM010", "C2");
    assert_eq!(f["expected"], "44342000");
    assert_eq!(f["fix"], "suggested");
    assert_eq!(related(f), vec!["Tabel 3.4!C3"]);
    // The program row's % still reads 94 for 41.615.400 / 44.000.000 = 94,58: it follows its inputs.
    assert_eq!(
        ours(&json),
        vec![
            f4("PCT010", "realisasi.xlsx", "Tabel 3.4", "E2"),
            f4("SUM010", "realisasi.xlsx", "Tabel 3.4", "C2")
        ]
    );
}

/// Guards SUM011 in the realisation table: the JUMLAH row alone is wrong.
#[test]
fn a_wrong_total_row() {
    let dir = Dir::new();
    with_subtotals(&dir, 44342000.0, 394000000.0, 44342000.0);
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "SUM011", "C7");
    assert_eq!(f["expected"], "394592000");
    assert_eq!(related(f), vec!["Tabel 3.4!C2", "Tabel 3.4!C4"]);
}

/// Guards the single-kegiatan case: a kegiatan that differs from a subtotal the
/// total confirms is the one reported.
#[test]
fn a_wrong_only_kegiatan() {
    let dir = Dir::new();
    with_subtotals(&dir, 44342000.0, 394592000.0, 44300000.0);
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "SUM010", "C3");
    assert_eq!(f["expected"], "44342000");
    assert_eq!(f["fix"], "suggested");
}

/// PK budgets with Sebelum / Setelah Perubahan columns and the terbilang in a note
/// under the table.
#[test]
fn pk_with_budget_change_columns() {
    let dir = Dir::new();
    let s = sheet("PK")
        .at(
            0,
            0,
            vec![
                S("NO"),
                S("PROGRAM"),
                S("SEBELUM PERUBAHAN"),
                S("SETELAH PERUBAHAN"),
                S("KET"),
            ],
        )
        .at(
            1,
            0,
            vec![
                S("1."),
                S("Program A"),
                N(100000000.0),
                N(120000000.0),
                S("APBD"),
            ],
        )
        .at(
            2,
            0,
            vec![
                S("2."),
                S("Program B"),
                N(50000000.0),
                N(45000000.0),
                S("APBD"),
            ],
        )
        .at(3, 0, vec![E, S("Jumlah"), N(150000000.0), N(165500000.0)])
        .at(
            5,
            0,
            vec![S("Terbilang : Seratus enam puluh lima juta rupiah")],
        );
    xlsx(&dir.input("pk.xlsx"), vec![s]);
    let (json, _) = dir.check_json(&[]);
    assert_eq!(
        ours(&json),
        vec![f4("SUM011", "pk.xlsx", "PK", "D4")],
        "{:?}",
        json["findings"]
    );
    let f = finding(&json, "SUM011", "D4");
    assert_eq!(f["expected"], "165000000");
}

/// Guards that the fixes compose: the corrected copies of a sample with a wrong %,
/// a wrong RKT block and a wrong Tabel 1 parent hold formulas LibreOffice agrees
/// with, and checking them again finds only the notes (the pinned figures fixed).
#[test]
fn fixes_compose_and_libreoffice_agrees() {
    use calamine::Data;
    let dir = Dir::new().with_sample();
    edit_cell(
        &dir.input(REALISASI),
        "Tabel 3.4",
        "D17",
        Edit::Number(85.0),
    );
    edit_cell(&dir.input(RKT), "RKT", "I57", Edit::Number(2674000000.0));
    edit_cell(
        &dir.input(PROFIL),
        "Pembiayaan",
        "C8",
        Edit::Text("Rp. 4.781.000.000,-"),
    );
    let out = dir.run(&["fix"]);
    assert!(
        out.status.code().is_some(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let profile = crate::fixing::recalculating_profile();
    let recalc = tempfile::tempdir().unwrap();
    let again = Dir::new();
    let mut formulas = 0;
    for e in std::fs::read_dir(dir.path().join("output"))
        .unwrap()
        .flatten()
    {
        let path = e.path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".koreksi.xlsx") {
            continue;
        }
        let recalculated = crate::fixing::recalculated(&path, profile.path(), recalc.path());
        let ours = crate::fixing::formula_cells(&path);
        let theirs = crate::fixing::formula_cells(&recalculated);
        assert_eq!(ours.len(), theirs.len(), "{name}");
        for (a, b) in ours.iter().zip(&theirs) {
            let same = match (&a.3, &b.3) {
                (Data::Float(x), Data::Float(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
                (x, y) => x == y,
            };
            assert!(
                same,
                "{name}: {}!{:?} kinerja {:?}, LibreOffice {:?}",
                a.0,
                (a.1, a.2),
                a.3,
                b.3
            );
        }
        formulas += ours.len();
        std::fs::copy(&recalculated, again.input(&name)).unwrap();
    }
    assert!(formulas >= 3, "the fixes wrote {formulas} formulas");
    let (json, _) = again.check_json(&[]);
    let file = "Realisasi Anggaran 2023.koreksi.xlsx";
    assert_eq!(
        ours(&json),
        vec![
            f4("RNG012", file, "Tabel 3.4", "C19"),
            f4("RNG012", file, "Tabel 3.4", "C37")
        ]
    );
}

/// Guards the pin chain: a second malformed pagu in the column of `65.00.000`
/// (B25), on a kegiatan with nothing spent (no percentage to pin it), whose RKT
/// Dana line is malformed too. The RKT block pins the Dana; then the JUMLAH row
/// less the other kegiatan (B25 pinned first) and the pinned Dana both pin the
/// pagu. Before pins chained, the pagu's finding offered its three readings.
#[test]
fn a_pin_chains_through_other_pinned_figures() {
    use calamine::{Data, Reader};
    let dir = Dir::new().with_sample();
    let real = dir.input(REALISASI);
    edit_cell(&real, "Tabel 3.4", "B19", Edit::Text("18.60.0000"));
    edit_cell(&real, "Tabel 3.4", "A43", Edit::Text("JUMLAH"));
    edit_cell(&real, "Tabel 3.4", "B43", Edit::Number(6796834585.0));
    edit_cell(&dir.input(RKT), "RKT", "I96", Edit::Text("18.60.0000"));
    let (json, _) = dir.check_json(&[]);
    assert_eq!(
        ours(&json),
        baseline_with(&[
            ("NUM001", RKT, "RKT", "I96"),
            ("NUM001", REALISASI, "Tabel 3.4", "B19")
        ])
    );
    let dana = finding(&json, "NUM001", "I96");
    assert_eq!(dana["expected"], "18600000");
    assert_eq!(dana["fix"], "suggested");
    let pagu = finding(&json, "NUM001", "B19");
    assert_eq!(pagu["found"], "18.60.0000");
    assert_eq!(pagu["expected"], "18600000");
    assert_eq!(pagu["fix"], "suggested");
    let message = pagu["message"].as_str().unwrap();
    assert!(
        message.contains(
            "seharusnya 18.600.000, dipastikan oleh Dana kegiatan yang sama di RKT \
             (RKT 2023.xlsx RKT!I96: 18.600.000, yang juga sudah dipastikan) serta oleh \
             JUMLAH 6.796.834.585 dikurangi rincian lainnya, setelah Tabel 3.4!B25 \
             dipastikan 65.000.000"
        ),
        "{message}"
    );
    let out = dir.run(&["fix"]);
    assert!(
        out.status.code().is_some(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let value = |file: &str, sheet: &str, row: u32, col: u32| -> Data {
        let path = dir.path().join("output").join(file);
        let mut wb = calamine::open_workbook_auto(&path).unwrap();
        let range = wb.worksheet_range(sheet).unwrap();
        range.get_value((row, col)).cloned().unwrap()
    };
    assert_eq!(
        value("Realisasi Anggaran 2023.koreksi.xlsx", "Tabel 3.4", 18, 1),
        Data::Float(18600000.0)
    );
    assert_eq!(
        value("RKT 2023.koreksi.xlsx", "RKT", 95, 8),
        Data::Float(18600000.0)
    );
}
