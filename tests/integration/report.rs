//! The LKjIP PDF of the sample: its chapters and key figures come from the data,
//! text is never lost, it passes qpdf, and it is a draft exactly while errors remain.

use crate::util::{edit_cell, sheet, xlsx, Dir, Edit, W::*};
use std::process::Command;

fn pdf_text(dir: &Dir) -> String {
    crate::util::pdf_words(&dir.path().join("output/LKjIP-2023.pdf"))
}

fn report(dir: &Dir) -> std::process::Output {
    let out = dir.run(&["report"]);
    assert!(
        dir.path().join("output/LKjIP-2023.pdf").is_file(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Guards the report's content: every chapter, the key figures computed from the
/// data, the amount in words, the signatory.
#[test]
fn the_sample_report_holds_its_chapters_and_figures() {
    let dir = Dir::new().with_sample();
    report(&dir);
    let text = pdf_text(&dir);
    for heading in [
        "KATA PENGANTAR",
        "IKHTISAR EKSEKUTIF",
        "DAFTAR ISI",
        "DAFTAR TABEL",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
        "LAMPIRAN",
    ] {
        assert!(text.contains(heading), "missing {heading}");
    }
    for figure in [
        // PK total and its words, by the project's own terbilang (standard spelling).
        "6.796.834.585",
        "Enam miliar tujuh ratus sembilan puluh enam juta delapan ratus tiga puluh empat ribu lima ratus delapan puluh lima rupiah",
        // Capaian of Nilai SAKIP: 67,02 / 66,16 × 100.
        "101,30%",
        "Baik Sekali",
        // Villages per status, counted from the village table.
        "26 kampung MANDIRI, 97 kampung MAJU dan 98 kampung BERKEMBANG",
        // Belanja Daerah (Tabel 1) in the office's money style.
        "Rp. 6.796.834.585,-",
        // The signatory, from the config.
        "IXUAN AHMADI, S.Sos., MM",
        "NIP. 19751101 199503 1 001",
    ] {
        assert!(text.contains(figure), "missing {figure}");
    }
    // The longest kegiatan name appears whole.
    assert!(text.contains(
        "Fasilitasi Penataan, Pemberdayaan dan Pendayagunaan Kelembagaan Lembaga Kemasyarakatan Desa/Kelurahan \
         (RT, RW, PKK, Posyandu, LPM, dan Karang Taruna), Lembaga Adat Desa/Kelurahan dan Masyarakat Hukum Adat"
    ));
}

#[test]
fn the_sample_report_passes_qpdf() {
    let dir = Dir::new().with_sample();
    report(&dir);
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(dir.path().join("output/LKjIP-2023.pdf"))
        .output()
        .expect("qpdf is installed");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Guards the draft mark: the sample keeps errors no fix can resolve (the Tabel 3.3
/// values), so every page says so.
#[test]
fn a_report_with_open_errors_is_marked_draft_on_every_page() {
    let dir = Dir::new().with_sample();
    let out = report(&dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("laporan DRAFT"), "{stderr}");
    let pdf = dir.path().join("output/LKjIP-2023.pdf");
    let info =
        String::from_utf8(Command::new("pdfinfo").arg(&pdf).output().unwrap().stdout).unwrap();
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    for page in 1..=pages {
        let out = Command::new("pdftotext")
            .args(["-f", &page.to_string(), "-l", &page.to_string()])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("DRAFT —") && text.contains("temuan belum diselesaikan"),
            "page {page} has no draft mark"
        );
    }
}

pub(crate) fn achievement_workbook(dir: &Dir) -> std::path::PathBuf {
    let path = dir.input("capaian.xlsx");
    let s = sheet("Tabel 3.2")
        .at(
            0,
            0,
            vec![
                S("NO"),
                S("SASARAN"),
                S("INDIKATOR KINERJA UTAMA"),
                S("SATUAN"),
                S("TARGET"),
                S("REALISASI"),
                S("CAPAIAN (%)"),
                S("KATEGORI"),
            ],
        )
        .at(
            1,
            0,
            vec![
                N(1.0),
                S("Meningkatkan Kualitas SAKIP SKPD"),
                S("Nilai SAKIP Dinas PMK"),
                S("Poin"),
                N(66.16),
                N(67.02),
                N(101.3),
                S("Baik Sekali"),
            ],
        );
    xlsx(&path, vec![s]);
    path
}

/// Guards the other half of the draft rule: clean data, no mark.
#[test]
fn a_clean_report_has_no_draft_mark() {
    let dir = Dir::new();
    achievement_workbook(&dir);
    let out = report(&dir);
    assert!(String::from_utf8_lossy(&out.stderr).contains("laporan ditulis ke"));
    let text = pdf_text(&dir);
    assert!(!text.contains("DRAFT"), "a clean report is marked draft");
    assert!(text.contains("101,30%"));
}

/// Guards that figures come from the data: a changed realisation changes the
/// capaian printed (67,02 → 66,50 gives 100,51 %).
#[test]
fn a_changed_input_figure_changes_the_report() {
    let dir = Dir::new();
    let path = achievement_workbook(&dir);
    edit_cell(&path, "Tabel 3.2", "F2", Edit::Number(66.5));
    report(&dir);
    let text = pdf_text(&dir);
    assert!(
        text.contains("100,51%"),
        "the new capaian is not in the report"
    );
    assert!(!text.contains("101,30%"));
}

/// Guards the narrative contract: a missing narrative file leaves visible
/// placeholders, not a crash.
#[test]
fn a_missing_narrative_leaves_placeholders() {
    let dir = Dir::new();
    achievement_workbook(&dir);
    report(&dir);
    let text = pdf_text(&dir);
    assert!(
        text.contains("[Narasi \"latar_belakang\" belum diisi"),
        "no placeholder"
    );
}
