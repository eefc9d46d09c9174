//! Identity rules (IDT): numbering, duplicate villages, near-duplicate names, blank
//! required cells; on the sample's IDM workbook and on tables built in code.

use crate::idm::{analysed, idm_sample, ours, related, sample_findings, the};
use crate::util::{self, finding, sheet, xlsx, Dir, Edit, W::*};
use kinerja::finding::NewValue;
use rust_decimal::Decimal;

fn t(code: &str, sheet: &str, cell: &str) -> (String, String, String) {
    (code.into(), sheet.into(), cell.into())
}

fn with_sample(extra: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    let mut v = sample_findings(0, 0);
    v.extend(extra.iter().map(|(c, s, a)| t(c, s, a)));
    v.sort();
    v
}

/// Guards IDT001: a number repeated in the village list.
#[test]
fn a_numbering_repeat() {
    let (dir, path) = idm_sample();
    util::edit_cell(&path, "IDM 2023", "B9", Edit::Number(4.0));
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "IDT001", "B9");
    assert_eq!(f["found"], "4");
    assert_eq!(f["expected"], "5");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["fix"], "suggested");
    assert_eq!(related(f), vec!["IDM 2023!B8"]);
    assert_eq!(ours(&json), with_sample(&[("IDT001", "IDM 2023", "B9")]));
    let fs = analysed(&dir);
    let fix = &the(&fs, "IDT001", "B9").fix;
    assert_eq!(fix.len(), 1);
    assert_eq!(fix[0].value, NewValue::Number(Decimal::from(5)));
}

/// Guards IDT002: a village row copied over the next one.
#[test]
fn a_duplicated_village_row() {
    let (dir, path) = idm_sample();
    util::edit_cell(&path, "IDM 2023", "C35", Edit::Text("SANGKARAN BHAKTI"));
    util::edit_cell(&path, "IDM 2023", "E35", Edit::Number(0.726));
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "IDT002", "C35");
    assert_eq!(f["found"], "SANGKARAN BHAKTI");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["fix"], "none");
    assert_eq!(related(f), vec!["IDM 2023!C34"]);
    assert_eq!(ours(&json), with_sample(&[("IDT002", "IDM 2023", "C35")]));
}

/// Guards IDT003: a kecamatan misspelled once.
#[test]
fn a_misspelled_kecamatan() {
    let (dir, path) = idm_sample();
    util::edit_cell(&path, "IDM 2023", "D20", Edit::Text("BLAMBANGAN UMBU"));
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "IDT003", "D20");
    assert_eq!(f["found"], "BLAMBANGAN UMBU");
    assert_eq!(f["expected"], "BLAMBANGAN UMPU");
    assert_eq!(f["fix"], "suggested");
    assert_eq!(related(f), Vec::<String>::new());
    assert_eq!(ours(&json), with_sample(&[("IDT003", "IDM 2023", "D20")]));
}

/// Guards IDT003 on the sample itself: one finding for the four UMPU SEMENGGUK
/// rows, each fixed to the majority spelling.
#[test]
fn the_samples_kecamatan_spelled_two_ways() {
    let dir = Dir::new().with_sample();
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "IDT003", "D128");
    assert_eq!(f["found"], "UMPU SEMENGGUK");
    assert_eq!(f["expected"], "UMPU SEMENGIK");
    assert_eq!(f["fix"], "suggested");
    assert_eq!(
        related(f),
        vec!["IDM 2023!D129", "IDM 2023!D130", "IDM 2023!D131"]
    );
    let fs = analysed(&dir);
    let fix = &the(&fs, "IDT003", "D128").fix;
    assert_eq!(fix.len(), 4);
    assert!(fix
        .iter()
        .all(|c| c.value == NewValue::Text("UMPU SEMENGIK".into())));
}

/// Guards IDT004: a village without its status.
#[test]
fn a_blank_status() {
    let (dir, path) = idm_sample();
    util::edit_cell(&path, "IDM 2023", "F40", Edit::Clear);
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "IDT004", "F40");
    assert_eq!(f["found"], "");
    assert_eq!(f["fix"], "none");
    assert!(f["message"].as_str().unwrap().contains("status"), "{f}");
    // The village still counts by its value in the summary.
    assert_eq!(ours(&json), with_sample(&[("IDT004", "IDM 2023", "F40")]));
}

/// Guards IDT001's forms and renumbering, and a village list split in two tables
/// (a repeated header after a blank row) numbered on from the first.
#[test]
fn numbering_forms_and_a_continued_table() {
    let dir = Dir::new();
    let header = || {
        vec![
            S("NO."),
            S("NAMA DESA"),
            S("KECAMATAN"),
            S("IDM"),
            S("STATUS"),
        ]
    };
    let s = sheet("Desa")
        .at(0, 0, header())
        .at(
            1,
            0,
            vec![
                S("1."),
                S("GUNUNG LABUHAN"),
                S("GUNUNG LABUHAN"),
                N(0.9233),
                S("MANDIRI"),
            ],
        )
        .at(
            2,
            0,
            vec![
                S("2."),
                S("WAY TUBA"),
                S("GUNUNG LABUHAN"),
                N(0.8378),
                S("MANDIRI"),
            ],
        )
        .at(
            3,
            0,
            vec![
                S("3."),
                S("PISANG BARU"),
                S("BUMI AGUNG"),
                N(0.8771),
                S("MANDIRI"),
            ],
        )
        .at(5, 0, header())
        .at(
            6,
            0,
            vec![
                S("4."),
                S("TANJUNG REJO"),
                S("NEGERI AGUNG"),
                N(0.8578),
                S("MANDIRI"),
            ],
        )
        .at(
            7,
            0,
            vec![
                S("6."),
                S("KALI PAPAN"),
                S("NEGERI AGUNG"),
                N(0.8254),
                S("MANDIRI"),
            ],
        )
        .at(
            8,
            0,
            vec![
                S("7."),
                S("REJO SARI"),
                S("NEGERI AGUNG"),
                N(0.8186),
                S("MANDIRI"),
            ],
        )
        .at(9, 0, vec![S("JUMLAH"), E, E, E, S("")]);
    xlsx(&dir.input("desa.xlsx"), vec![s]);
    let (json, _) = dir.check_json(&[]);
    assert_eq!(util::tables(&json).len(), 2);
    let f = finding(&json, "IDT001", "A8");
    assert_eq!(f["found"], "6.");
    assert_eq!(f["expected"], "5");
    assert_eq!(related(f), vec!["Desa!A7"]);
    assert_eq!(ours(&json), vec![t("IDT001", "Desa", "A8")]);
    let fs = analysed(&dir);
    let fix: Vec<(String, NewValue)> = the(&fs, "IDT001", "A8")
        .fix
        .iter()
        .map(|c| (c.cell.to_string(), c.value.clone()))
        .collect();
    assert_eq!(
        fix,
        vec![
            ("A8".to_string(), NewValue::Text("5.".into())),
            ("A9".to_string(), NewValue::Text("6.".into()))
        ]
    );
}

/// Guards IDT001 beyond the IDM table: a PK program list numbered `(1)`, `(2)`,
/// `(2)`; the outline-numbered spending summary is left alone.
#[test]
fn numbering_in_other_tables() {
    let dir = Dir::new();
    let pk = sheet("PK")
        .at(
            0,
            0,
            vec![S("No."), S("Program"), S("Anggaran (Rp.)"), S("Ket")],
        )
        .at(
            1,
            0,
            vec![
                S("(1)"),
                S("PENINGKATAN KERJASAMA DESA"),
                N(44342000.0),
                S("APBD"),
            ],
        )
        .at(
            2,
            0,
            vec![
                S("(2)"),
                S("ADMINISTRASI PEMERINTAHAN DESA"),
                N(1978457800.0),
                S("APBD"),
            ],
        )
        .at(
            3,
            0,
            vec![
                S("(2)"),
                S("PEMBERDAYAAN LEMBAGA KEMASYARAKATAN"),
                N(100000000.0),
                S("APBD"),
            ],
        )
        .at(4, 0, vec![E, S("Jumlah"), N(2122799800.0), E]);
    let pembiayaan = sheet("Pembiayaan")
        .at(
            0,
            0,
            vec![S("NO"), S("URAIAN"), S("JUMLAH"), S("KETERANGAN")],
        )
        .at(1, 0, vec![S("I"), S("Belanja Daerah"), N(100.0), E])
        .at(2, 0, vec![S("1."), S("Belanja Tidak Langsung"), N(40.0), E])
        .at(3, 0, vec![S("1."), S("Belanja Langsung"), N(60.0), E]);
    xlsx(&dir.input("pk.xlsx"), vec![pk, pembiayaan]);
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "IDT001", "A4");
    assert_eq!(f["found"], "(2)");
    assert_eq!(f["expected"], "3");
    assert_eq!(ours(&json), vec![t("IDT001", "PK", "A4")]);
    let fs = analysed(&dir);
    assert_eq!(
        the(&fs, "IDT001", "A4").fix[0].value,
        NewValue::Text("(3)".into())
    );
}

fn national_row(
    kode: &'static str,
    kab: &'static str,
    kec: &'static str,
    desa: &'static str,
    idm: f64,
    status: &'static str,
) -> Vec<util::W> {
    vec![
        S(kode),
        S("LAMPUNG"),
        S(kab),
        S(kec),
        S(desa),
        N(idm),
        S(status),
    ]
}

/// Guards the national layout: kecamatan compared within their kabupaten, a
/// kabupaten typo, and a village code used by two villages.
#[test]
fn names_and_codes_in_the_national_layout() {
    let dir = Dir::new();
    let rows = vec![
        national_row(
            "1808012001",
            "WAY KANAN",
            "SUKAJAYA",
            "BUMI BARU",
            0.8826,
            "MANDIRI",
        ),
        national_row(
            "1808012002",
            "WAY KANAN",
            "SUKAJAYA",
            "SEGARA MIDER",
            0.7297,
            "MAJU",
        ),
        national_row(
            "1808012003",
            "WAY KANAN",
            "SUKAJAYA",
            "SRI REJEKI",
            0.7202,
            "MAJU",
        ),
        national_row(
            "1808022001",
            "WAY KANAN",
            "BARADATU",
            "GUNUNG KATUN",
            0.8916,
            "MANDIRI",
        ),
        // Another kabupaten's kecamatan, one edit from SUKAJAYA: a real name there.
        national_row(
            "1807012001",
            "TULANG BAWANG",
            "SUKARAYA",
            "MEKAR JAYA",
            0.6701,
            "BERKEMBANG",
        ),
        national_row(
            "1807012002",
            "TULANG BAWANG",
            "SUKARAYA",
            "MEKAR SARI",
            0.6605,
            "BERKEMBANG",
        ),
        national_row(
            "1807012003",
            "TULANG BAWANG",
            "SUKARAYA",
            "MEKAR INDAH",
            0.6802,
            "BERKEMBANG",
        ),
        national_row(
            "1808022002",
            "WAY KANNA",
            "BARADATU",
            "BHAKTI NEGARA",
            0.8992,
            "MANDIRI",
        ),
        // The code of BUMI BARU again, under another name.
        national_row(
            "1808012001",
            "WAY KANAN",
            "SUKAJAYA",
            "BUMI BARU JAYA",
            0.8824,
            "MANDIRI",
        ),
    ];
    let mut s = sheet("IDM").at(
        0,
        0,
        vec![
            S("KODE DESA"),
            S("PROVINSI"),
            S("KABUPATEN"),
            S("KECAMATAN"),
            S("DESA"),
            S("IDM"),
            S("STATUS"),
        ],
    );
    for (i, r) in rows.into_iter().enumerate() {
        s = s.at(1 + i as u32, 0, r);
    }
    xlsx(&dir.input("nasional.xlsx"), vec![s]);
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "IDT003", "C9");
    assert_eq!(f["found"], "WAY KANNA");
    assert_eq!(f["expected"], "WAY KANAN");
    // One code under two names is two villages, one with a wrong code: KOD003
    // (issue 12), no longer a duplicate row.
    let d = finding(&json, "KOD003", "A10");
    assert_eq!(d["found"], "1808012001");
    assert_eq!(related(d), vec!["IDM!A2"]);
    assert_eq!(ours(&json), vec![t("IDT003", "IDM", "C9")]);
    assert_eq!(
        util::findings(&json)
            .into_iter()
            .filter(|f| f.0.starts_with("KOD"))
            .map(|f| f.3)
            .collect::<Vec<_>>(),
        vec!["A10"]
    );
}
