//! Performance rules: capaian and its category, targets across IKU / PK / the
//! achievement table, percentage indicators of Tabel 3.3, and the staff table.
//!
//! Sample layout used by the mutation tests: `Capaian Kinerja 2023.xlsx`, sheet
//! `Tabel 3.2`, rows 7–11 (SAKIP, IKK, IKE, IKS, IKL) with E target, F realisasi,
//! G capaian, H kategori; sheet `Tabel 3.3` B6:B9. `IKU 2021-2026.xlsx`, sheet
//! `Lampiran 1`, 2023 in column J, rows 11–17. `Perjanjian Kinerja 2023.xls`, sheet
//! `PK 2023`, targets F11:F15 (IKK, IKE, IKS, IKL, SAKIP). `Profil Dinas 2023.xlsx`,
//! sheet `Personil`, rows 5–21 and Jumlah Total in row 22.

use crate::util::{self, finding, sheet, xlsx, Dir, Edit, W, W::*};
use serde_json::Value;

const FAMILY: [&str; 8] = [
    "PCT020", "PCT021", "THR020", "THR021", "XDC020", "RNG020", "SUM020", "SUM021",
];

/// This family's findings as (code, file, sheet, cell).
fn ours(json: &Value) -> Vec<(String, String, String, String)> {
    util::findings(json)
        .into_iter()
        .filter(|f| FAMILY.contains(&f.0.as_str()))
        .collect()
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

fn capaian_file(dir: &Dir) -> std::path::PathBuf {
    dir.input("Capaian Kinerja 2023.xlsx")
}

fn count(json: &Value, code: &str) -> usize {
    ours(json).iter().filter(|f| f.0 == code).count()
}

// ---------------------------------------------------------------------------
// The sample as shipped

/// Guards precision on the sample: the four percentages of Tabel 3.3 and the
/// rank column's Jumlah Total, nothing else (the capaian table is consistent,
/// the 2023 targets agree across IKU, PK and Tabel 3.2).
#[test]
fn the_sample_has_only_its_known_anomalies() {
    let dir = Dir::new().with_sample();
    let (json, _) = dir.check_json(&[]);
    let mut got = ours(&json);
    got.sort();
    let want: Vec<(String, String, String, String)> = [
        ("RNG020", "Capaian Kinerja 2023.xlsx", "Tabel 3.3", "B6"),
        ("RNG020", "Capaian Kinerja 2023.xlsx", "Tabel 3.3", "B7"),
        ("RNG020", "Capaian Kinerja 2023.xlsx", "Tabel 3.3", "B8"),
        ("RNG020", "Capaian Kinerja 2023.xlsx", "Tabel 3.3", "B9"),
        ("SUM021", "Profil Dinas 2023.xlsx", "Personil", "E22"),
    ]
    .iter()
    .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
    .collect();
    assert_eq!(got, want);
    let f = finding(&json, "RNG020", "B6");
    assert_eq!(f["found"], "1.423");
    assert_eq!(f["expected"], Value::Null);
    assert_eq!(f["fix"], "none");
    assert!(f["message"].as_str().unwrap().contains("1423"), "{f}");
    let f = finding(&json, "SUM021", "E22");
    assert_eq!(f["found"], "33");
    assert_eq!(f["expected"], "18");
    assert_eq!(f["fix"], "suggested");
    assert_eq!(f["severity"], "error");
}

// ---------------------------------------------------------------------------
// PCT020 / THR020 on the sample

/// Guards PCT020: a capaian typed wrong is found at its cell with the capaian
/// at the precision it is written with.
#[test]
fn a_wrong_capaian_in_the_sample() {
    let dir = Dir::new().with_sample();
    util::edit_cell(&capaian_file(&dir), "Tabel 3.2", "G7", Edit::Number(98.5));
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "PCT020", "G7");
    assert_eq!(f["found"], "98.5");
    // 67,02 / 66,16 × 100 = 101,2998…
    assert_eq!(f["expected"], "101.3");
    assert_eq!(f["fix"], "suggested");
    assert_eq!(
        related(f),
        vec!["Tabel 3.2!E7".to_string(), "Tabel 3.2!F7".to_string()]
    );
    // The category follows the computed capaian, which is still Baik Sekali.
    assert_eq!(count(&json, "THR020"), 0);
    assert_eq!(count(&json, "PCT020"), 1);
}

/// Guards THR020: a category outside the capaian's band, with the band's label.
#[test]
fn a_wrong_kategori_in_the_sample() {
    let dir = Dir::new().with_sample();
    // IKS: 0,8014 / 0,8196 = 97,78 % → Baik.
    util::edit_cell(
        &capaian_file(&dir),
        "Tabel 3.2",
        "H10",
        Edit::Text("Baik Sekali"),
    );
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "THR020", "H10");
    assert_eq!(f["found"], "Baik Sekali");
    assert_eq!(f["expected"], "Baik");
    assert_eq!(f["fix"], "suggested");
    assert_eq!(related(f), vec!["Tabel 3.2!G10".to_string()]);
    assert_eq!(ours(&json).len(), 6, "{:?}", ours(&json));
}

/// Guards band names: short forms and synonyms of the right band are accepted.
#[test]
fn short_forms_and_synonyms_are_accepted() {
    let dir = Dir::new().with_sample();
    util::edit_cell(&capaian_file(&dir), "Tabel 3.2", "H10", Edit::Text("B"));
    util::edit_cell(
        &capaian_file(&dir),
        "Tabel 3.2",
        "H7",
        Edit::Text("Sangat Baik"),
    );
    util::edit_cell(
        &capaian_file(&dir),
        "Tabel 3.2",
        "H8",
        Edit::Text("Baik Sekali (BS)"),
    );
    let (json, _) = dir.check_json(&[]);
    assert_eq!(count(&json, "THR020") + count(&json, "THR021"), 0);
}

/// Guards the shipped decision on exactly 100: Baik; Baik Sekali there is wrong.
#[test]
fn a_capaian_of_exactly_100_is_baik() {
    let dir = Dir::new().with_sample();
    let path = capaian_file(&dir);
    util::edit_cell(&path, "Tabel 3.2", "F7", Edit::Number(66.16));
    util::edit_cell(&path, "Tabel 3.2", "G7", Edit::Number(100.0));
    util::edit_cell(&path, "Tabel 3.2", "H7", Edit::Text("Baik"));
    let (json, _) = dir.check_json(&[]);
    assert_eq!(ours(&json).len(), 5, "{:?}", ours(&json));

    util::edit_cell(&path, "Tabel 3.2", "H7", Edit::Text("Baik Sekali"));
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "THR020", "H7");
    assert_eq!(f["found"], "Baik Sekali");
    assert_eq!(f["expected"], "Baik");
}

// ---------------------------------------------------------------------------
// XDC020 on the sample

/// Guards XDC020: a PK target unlike the IKU and the achievement table (which
/// agree) is the odd one.
#[test]
fn a_pk_target_unlike_the_iku() {
    let dir = Dir::new().with_sample();
    let pk = util::as_xlsx(&dir, "Perjanjian Kinerja 2023.xls");
    util::edit_cell(&pk, "PK 2023", "F13", Edit::Text("0,8169"));
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "XDC020", "F13");
    assert_eq!(f["file"], "Perjanjian Kinerja 2023.xlsx");
    assert_eq!(f["found"], "0,8169");
    assert_eq!(f["expected"], "0.8196");
    assert_eq!(f["fix"], "none");
    assert_eq!(
        related(f),
        vec!["Lampiran 1!J16".to_string(), "Tabel 3.2!E10".to_string()]
    );
    let m = f["message"].as_str().unwrap();
    assert!(m.contains("Nilai IKS") && m.contains("IKU"), "{m}");
    assert_eq!(count(&json, "XDC020"), 1);
}

/// Guards XDC020: the achievement table's target unlike the IKU and the PK.
#[test]
fn an_achievement_target_unlike_the_iku() {
    let dir = Dir::new().with_sample();
    util::edit_cell(&capaian_file(&dir), "Tabel 3.2", "E9", Edit::Number(0.6334));
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "XDC020", "E9");
    assert_eq!(f["found"], "0.6334");
    assert_eq!(f["expected"], "0.6333");
    assert_eq!(
        related(f),
        vec!["Lampiran 1!J15".to_string(), "PK 2023!F12".to_string()]
    );
    assert_eq!(count(&json, "XDC020"), 1);
}

/// Guards the odd-one-out: when the PK and the achievement table agree, the IKU
/// cell is the one reported.
#[test]
fn the_iku_is_the_odd_one() {
    let dir = Dir::new().with_sample();
    util::edit_cell(
        &dir.input("IKU 2021-2026.xlsx"),
        "Lampiran 1",
        "J12",
        Edit::Text("66,61"),
    );
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "XDC020", "J12");
    assert_eq!(f["found"], "66,61");
    assert_eq!(f["expected"], "66.16");
    // The PK and Tabel 3.2 write "Nilai SAKIP Dinas PMK." with a full stop.
    assert_eq!(
        related(f),
        vec!["PK 2023!F15".to_string(), "Tabel 3.2!E7".to_string()]
    );
    assert_eq!(count(&json, "XDC020"), 1);
}

// ---------------------------------------------------------------------------
// Staff on the sample

/// Guards SUM020: a rank count that breaks its position's breakdown, while the
/// education breakdown still agrees with JML, points at the rank breakdown.
#[test]
fn a_rank_breakdown_that_no_longer_adds_up() {
    let dir = Dir::new().with_sample();
    let path = dir.input("Profil Dinas 2023.xlsx");
    util::edit_cell(&path, "Personil", "E8", Edit::Number(3.0));
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "SUM020", "E7");
    assert_eq!(f["found"], "1");
    assert_eq!(f["expected"], Value::Null);
    assert_eq!(f["fix"], "none");
    assert_eq!(
        related(f),
        vec!["Personil!E8".to_string(), "Personil!C7".to_string()]
    );
    assert!(f["message"].as_str().unwrap().contains("Kabid"));
    // The rank column's total is now 19 instead of 18.
    assert_eq!(finding(&json, "SUM021", "E22")["expected"], "19");
    assert_eq!(count(&json, "SUM020"), 1);
}

/// Guards SUM020: a position count that both breakdowns contradict is reported at
/// the count, with the breakdowns' sum.
#[test]
fn a_position_count_unlike_both_breakdowns() {
    let dir = Dir::new().with_sample();
    let path = dir.input("Profil Dinas 2023.xlsx");
    util::edit_cell(&path, "Personil", "C7", Edit::Number(4.0));
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "SUM020", "C7");
    assert_eq!(f["found"], "4");
    assert_eq!(f["expected"], "3");
    assert_eq!(
        related(f),
        vec![
            "Personil!E7".to_string(),
            "Personil!E8".to_string(),
            "Personil!G7".to_string(),
            "Personil!G8".to_string()
        ]
    );
    let total = finding(&json, "SUM021", "C22");
    assert_eq!(total["found"], "33");
    assert_eq!(total["expected"], "34");
    assert_eq!(count(&json, "SUM020"), 1);
}

/// Guards the honorer ranks: a breakdown given only as `-` is not checked, and the
/// education total (33) stays right.
#[test]
fn dash_only_breakdowns_are_no_breakdown() {
    let dir = Dir::new().with_sample();
    let (json, _) = dir.check_json(&[]);
    assert_eq!(count(&json, "SUM020"), 0);
    assert!(util::findings(&json)
        .iter()
        .all(|f| !(f.0 == "SUM021" && (f.3 == "C22" || f.3 == "G22"))));
}

// ---------------------------------------------------------------------------
// RNG020 on the sample

/// Guards RNG020 both ways: a value put in range loses its finding; the others stay.
#[test]
fn a_lembaga_value_in_range_and_one_out_of_range() {
    let dir = Dir::new().with_sample();
    util::edit_cell(&capaian_file(&dir), "Tabel 3.3", "B7", Edit::Number(85.5));
    util::edit_cell(&capaian_file(&dir), "Tabel 3.3", "B9", Edit::Number(100.0));
    let (json, _) = dir.check_json(&[]);
    assert_eq!(count(&json, "RNG020"), 2, "{:?}", ours(&json));
    assert_eq!(finding(&json, "RNG020", "B8")["found"], "429");
    finding(&json, "RNG020", "B6");
}

/// Guards which names are percentages and every year column, on a layout unlike
/// the sample's.
#[test]
fn percent_indicators_over_several_years() {
    let dir = Dir::new();
    let s = sheet("Lembaga")
        .at(1, 1, vec![S("INDIKATOR"), N(2022.0), N(2023.0)])
        .at(
            2,
            1,
            vec![S("Persentase Posyandu aktif"), N(97.5), N(100.5)],
        )
        .at(3, 1, vec![S("Jumlah BUMDes aktif"), N(180.0), N(221.0)])
        .at(4, 1, vec![S("% LPM yang baik"), S("-5"), N(40.0)]);
    xlsx(&dir.input("lembaga.xlsx"), vec![s]);
    let (json, _) = dir.check_json(&[]);
    let mut got: Vec<String> = ours(&json)
        .into_iter()
        .map(|f| format!("{} {}", f.0, f.3))
        .collect();
    got.sort();
    assert_eq!(got, vec!["RNG020 C5", "RNG020 D3"]);
    assert_eq!(finding(&json, "RNG020", "D3")["found"], "100.5");
    assert_eq!(finding(&json, "RNG020", "C5")["found"], "-5");
}

// ---------------------------------------------------------------------------
// Achievement tables built in code

fn capaian_header() -> Vec<W> {
    vec![
        S("NO"),
        S("SASARAN"),
        S("INDIKATOR KINERJA"),
        S("SATUAN"),
        S("POLARITAS"),
        S("TARGET"),
        S("REALISASI"),
        S("CAPAIAN (%)"),
        S("KATEGORI"),
    ]
}

/// Guards the lower-is-better formula: (target − (realisasi − target)) / target.
#[test]
fn a_negative_polarity_indicator() {
    let dir = Dir::new();
    let s = sheet("Pengukuran")
        .at(2, 0, capaian_header())
        .at(
            3,
            0,
            vec![
                N(1.0),
                S("Penurunan Angka Stunting"),
                S("Angka Stunting"),
                S("%"),
                S("Negatif"),
                N(16.0),
                N(12.0),
                N(125.0),
                S("Baik Sekali"),
            ],
        )
        .at(
            4,
            0,
            vec![
                N(2.0),
                S("Penurunan Angka Kemiskinan"),
                S("Angka Kemiskinan"),
                S("%"),
                S("menurun"),
                S("11,40"),
                N(12.0),
                N(105.0),
                S("Baik Sekali"),
            ],
        )
        .at(
            5,
            0,
            vec![
                N(3.0),
                S("Peningkatan Inovasi"),
                S("Jumlah Inovasi Daerah"),
                S("Inovasi"),
                S("Positif"),
                N(10.0),
                N(12.0),
                N(120.0),
                S("Baik Sekali"),
            ],
        );
    xlsx(&dir.input("pengukuran.xlsx"), vec![s]);
    let (json, _) = dir.check_json(&[]);
    let mut got: Vec<String> = ours(&json)
        .into_iter()
        .map(|f| format!("{} {}", f.0, f.3))
        .collect();
    got.sort();
    assert_eq!(got, vec!["PCT020 H5", "THR020 I5"]);
    // (2 × 11,40 − 12) / 11,40 × 100 = 94,74 %.
    let f = finding(&json, "PCT020", "H5");
    assert_eq!(f["found"], "105");
    assert_eq!(f["expected"], "95");
    assert_eq!(f["fix"], "suggested");
    let f = finding(&json, "THR020", "I5");
    assert_eq!(f["expected"], "Baik");
}

/// Control: capaian stored as ratios in a percent-formatted column are read as the
/// percentages they show; a wrong one is still found.
#[test]
fn capaian_stored_as_ratios() {
    let dir = Dir::new();
    let s = sheet("Tabel 3.2")
        .at(
            0,
            0,
            vec![
                S("SASARAN"),
                S("INDIKATOR KINERJA UTAMA"),
                S("SATUAN"),
                S("TARGET"),
                S("REALISASI"),
                S("% CAPAIAN"),
                S("PREDIKAT"),
            ],
        )
        .at(
            1,
            0,
            vec![
                S("Meningkatkan Kualitas SAKIP SKPD"),
                S("Nilai SAKIP Dinas PMK"),
                S("Poin"),
                N(66.16),
                N(67.02),
                Pct(1.013),
                S("BS"),
            ],
        )
        .at(
            2,
            0,
            vec![
                S("Meningkatnya Ketahanan Sosial"),
                S("Nilai IKS"),
                S("Poin"),
                N(0.8196),
                N(0.8014),
                Pct(0.9778),
                S("B"),
            ],
        )
        .at(
            3,
            0,
            vec![
                S("Meningkatnya Ketahanan Ekonomi"),
                S("Nilai IKE"),
                S("Poin"),
                N(0.6333),
                N(0.6512),
                Pct(0.9283),
                S("B"),
            ],
        );
    xlsx(&dir.input("capaian.xlsx"), vec![s]);
    let (json, _) = dir.check_json(&[]);
    let mut got: Vec<String> = ours(&json)
        .into_iter()
        .map(|f| format!("{} {}", f.0, f.3))
        .collect();
    got.sort();
    assert_eq!(got, vec!["PCT020 F4", "THR020 G4"]);
    let f = finding(&json, "PCT020", "F4");
    assert_eq!(f["expected"], "102.83");
    assert_eq!(finding(&json, "THR020", "G4")["expected"], "Baik Sekali");
}

/// Guards PCT021 and THR021: a qualitative target gets a note, not a division; an
/// unknown category word gets a warning naming the band it should be.
#[test]
fn qualitative_targets_and_unknown_categories() {
    let dir = Dir::new();
    let s = sheet("Capaian")
        .at(0, 0, capaian_header())
        .at(
            1,
            0,
            vec![
                N(1.0),
                S("Pengelolaan Ruang Terbuka Hijau"),
                S("Capaian Pengelolaan RTH dan Sampah Terpadu"),
                S("Kategori"),
                E,
                S("HIJAU"),
                S("HIJAU"),
                N(100.0),
                S("Baik"),
            ],
        )
        .at(
            2,
            0,
            vec![
                N(2.0),
                S("Meningkatkan Kualitas Kampung"),
                S("Indeks Kategori Kampung"),
                S("Poin"),
                E,
                N(3.19),
                N(3.24),
                S("101,57"),
                S("Berhasil Sekali"),
            ],
        )
        .at(
            3,
            0,
            vec![
                N(3.0),
                S("Pelaporan LHKPN"),
                S("LHKPN – SPT Tahun 2022"),
                S("%"),
                E,
                N(0.0),
                N(0.0),
                E,
                E,
            ],
        );
    xlsx(&dir.input("capaian.xlsx"), vec![s]);
    let (json, _) = dir.check_json(&[]);
    let mut got: Vec<String> = ours(&json)
        .into_iter()
        .map(|f| format!("{} {}", f.0, f.3))
        .collect();
    got.sort();
    assert_eq!(got, vec!["PCT021 F2", "PCT021 F4", "THR021 I3"]);
    let f = finding(&json, "PCT021", "F2");
    assert_eq!(f["severity"], "info");
    assert_eq!(f["found"], "HIJAU");
    assert_eq!(f["fix"], "none");
    let f = finding(&json, "THR021", "I3");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["found"], "Berhasil Sekali");
    assert_eq!(f["expected"], "Baik Sekali");
    assert_eq!(f["fix"], "none");
}

/// Guards tolerant pairing across documents: names typed slightly differently are
/// paired and the message says so; with only two documents the achievement table's
/// figure is reported against the IKU; qualitative targets compare as words.
#[test]
fn targets_paired_by_similar_names() {
    let dir = Dir::new();
    let iku = sheet("IKU")
        .at(
            0,
            0,
            vec![
                MergeDown("NO", 2),
                MergeDown("SASARAN STRATEGIS", 2),
                MergeDown("INDIKATOR KINERJA", 2),
                MergeDown("SATUAN", 2),
                Merge("TARGET KINERJA SASARAN PADA TAHUN KE-", 3),
            ],
        )
        .at(1, 4, vec![N(2022.0), N(2023.0), N(2024.0)])
        .at(
            2,
            0,
            vec![
                S("1."),
                S("Meningkatkan Kualitas Kampung"),
                S("Indeks Kategori Kampung"),
                S("Poin"),
                S("3,13"),
                S("3,19"),
                S("3,25"),
            ],
        )
        .at(
            3,
            0,
            vec![
                S("2."),
                S("Pengelolaan RTH"),
                S("Capaian Pengelolaan Ruang Terbuka Hijau"),
                S("Kategori"),
                S("HIJAU"),
                S("HIJAU"),
                S("HIJAU"),
            ],
        );
    let capaian = sheet("Capaian")
        .at(
            0,
            0,
            vec![
                S("INDIKATOR KINERJA UTAMA"),
                S("TARGET"),
                S("REALISASI"),
                S("CAPAIAN (%)"),
            ],
        )
        .at(
            1,
            0,
            vec![S("Indek Kategori Kampong"), S("3,91"), N(3.24), E],
        )
        .at(
            2,
            0,
            vec![
                S("Capaian Pengelolaan Ruang Terbuka Hijau"),
                S("Hijau"),
                S("HIJAU"),
                E,
            ],
        );
    xlsx(&dir.input("iku.xlsx"), vec![iku]);
    xlsx(&dir.input("capaian.xlsx"), vec![capaian]);
    let (json, _) = dir.check_json(&[]);
    let xdc: Vec<_> = ours(&json)
        .into_iter()
        .filter(|f| f.0 == "XDC020")
        .collect();
    assert_eq!(xdc.len(), 1, "{xdc:?}");
    let f = finding(&json, "XDC020", "B2");
    assert_eq!(f["file"], "capaian.xlsx");
    assert_eq!(f["found"], "3,91");
    assert_eq!(f["expected"], "3.19");
    assert_eq!(related(f), vec!["IKU!F3".to_string()]);
    let m = f["message"].as_str().unwrap();
    assert!(
        m.contains("Indek Kategori Kampong") && m.contains("Indeks Kategori Kampung"),
        "{m}"
    );
}

/// Guards the three-way comparison: a unit after the PK's number (`3,19 POIN`)
/// agrees; when all three documents differ, the PK and the achievement table are
/// both reported against the IKU; an indicator only the PK and the achievement
/// table know is compared between them, the achievement table reported.
#[test]
fn three_documents_compared() {
    let dir = Dir::new();
    let iku = sheet("IKU")
        .at(0, 0, vec![S("INDIKATOR KINERJA"), S("2022"), S("2023")])
        .at(
            1,
            0,
            vec![S("Indeks Kategori Kampung"), S("3,13"), S("3,19")],
        )
        .at(2, 0, vec![S("Nilai IKE"), S("0,5925"), S("0,6333")]);
    let pk = sheet("PK")
        .at(
            0,
            0,
            vec![
                S("NO"),
                S("SASARAN STRATEGIS"),
                S("INDIKATOR KINERJA"),
                S("TARGET"),
            ],
        )
        .at(
            1,
            0,
            vec![
                S("1."),
                S("Meningkatkan Kualitas Kampung"),
                S("Indeks Kategori Kampung"),
                S("3,19 POIN"),
            ],
        )
        .at(
            2,
            0,
            vec![
                S("2."),
                S("Meningkatnya Ketahanan Ekonomi"),
                S("Nilai IKE"),
                S("0,6334"),
            ],
        )
        .at(
            3,
            0,
            vec![
                S("3."),
                S("Penurunan Angka Stunting"),
                S("Angka Stunting"),
                N(16.0),
            ],
        );
    let capaian = sheet("Capaian")
        .at(
            0,
            0,
            vec![S("INDIKATOR KINERJA UTAMA"), S("TARGET"), S("REALISASI")],
        )
        .at(1, 0, vec![S("Indeks Kategori Kampung"), N(3.19), N(3.24)])
        .at(2, 0, vec![S("Nilai IKE"), N(0.6335), N(0.6512)])
        .at(3, 0, vec![S("Angka Stunting"), N(14.0), N(12.0)]);
    xlsx(&dir.input("iku.xlsx"), vec![iku]);
    xlsx(&dir.input("pk.xlsx"), vec![pk]);
    xlsx(&dir.input("capaian.xlsx"), vec![capaian]);
    let (json, _) = dir.check_json(&[]);
    let mut got: Vec<String> = ours(&json)
        .into_iter()
        .filter(|f| f.0 == "XDC020")
        .map(|f| format!("{} {}!{}", f.1, f.2, f.3))
        .collect();
    got.sort();
    assert_eq!(
        got,
        vec![
            "capaian.xlsx Capaian!B3",
            "capaian.xlsx Capaian!B4",
            "pk.xlsx PK!D3"
        ]
    );
    let f = finding(&json, "XDC020", "D3");
    assert_eq!(f["expected"], "0.6333");
    assert_eq!(
        related(f),
        vec!["IKU!C3".to_string(), "Capaian!B3".to_string()]
    );
    let f = finding(&json, "XDC020", "B3");
    assert_eq!(f["expected"], "0.6333");
    let f = finding(&json, "XDC020", "B4");
    assert_eq!(f["found"], "14");
    assert_eq!(f["expected"], "16");
    assert_eq!(related(f), vec!["PK!D4".to_string()]);
}
