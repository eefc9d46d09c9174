//! Decisions on findings (issue 25): `kinerja accept` records in `keputusan.toml`
//! of the input folder that a finding stands as it is; the finding is still
//! reported, marked accepted, counts toward neither the exit code nor the DRAFT
//! mark, and the report's appendix "Catatan atas Data" prints the reason.

use crate::util::{self, Dir, Edit};
use calamine::{open_workbook_auto, Data, Reader};
use serde_json::Value;

const CAPAIAN: &str = "Capaian Kinerja 2023.xlsx";
const REASON: &str = "Tabel 3.3 memuat jumlah lembaga, bukan persen; judulnya mengikuti Renstra";

/// The ids of the sample's four RNG020 errors (Tabel 3.3 counts under "%"
/// titles), B6 to B9.
fn rng020_ids(check: &Value) -> Vec<String> {
    let ids: Vec<String> = check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "RNG020")
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 4);
    ids
}

/// Accepts the four RNG020 errors of the sample in `dir`.
fn accept_rng020(dir: &Dir) -> Vec<String> {
    let (check, _) = dir.check_json(&[]);
    let ids = rng020_ids(&check);
    let mut args = vec!["accept"];
    args.extend(ids.iter().map(String::as_str));
    args.extend([
        "--reason",
        REASON,
        "--by",
        "Siti Aminah",
        "--date",
        "2024-01-20",
    ]);
    let out = dir.run(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    ids
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Guards issue 25's first promise: the same cell holding the same value has the
/// same id in every run (pinned: offices record them), and a finding's JSON gains
/// exactly `id` and `accepted` (null while it is open).
#[test]
fn ids_are_stable_and_the_json_contract_gains_only_id_and_accepted() {
    let dir = Dir::new().with_sample();
    let (first, code) = dir.check_json(&[]);
    assert_eq!(code, 1);
    let (second, _) = dir.check_json(&[]);
    assert_eq!(first, second);
    let b6 = util::finding(&first, "RNG020", "B6");
    assert_eq!(b6["id"], "cb1bqyp3");
    assert_eq!(util::finding(&first, "NUM001", "B25")["id"], "hkq99f64");
    let mut keys: Vec<&str> = b6.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "accepted", "cell", "code", "expected", "file", "fix", "found", "id", "message",
            "related", "severity", "sheet"
        ]
    );
    assert_eq!(b6["accepted"], Value::Null);
    let mut top: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    top.sort();
    assert_eq!(top, ["findings", "inputs", "summary", "tables"]);
    let ids: std::collections::BTreeSet<&str> = first["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids.len(),
        first["findings"].as_array().unwrap().len(),
        "ids are unique"
    );
}

/// Guards issue 25's "done when": on a copy of the sample, the four RNG020 errors
/// accepted with a reason give a final report (no DRAFT) whose appendix prints
/// the reason; `check` counts only the errors not accepted; the accepted cells
/// stay as they are in the corrected workbook, whose Temuan sheet says so in a
/// column of its own.
#[test]
fn accepting_the_four_rng020_errors_gives_a_final_report_that_prints_the_reason() {
    let dir = Dir::new().with_sample();
    let ids = accept_rng020(&dir);
    let decisions = std::fs::read_to_string(dir.input("keputusan.toml")).unwrap();
    assert!(decisions.starts_with("# keputusan.toml: keputusan dinas atas temuan kinerja"));
    assert_eq!(decisions.matches("[[accepted]]\n").count(), 4);
    assert!(decisions.contains(&format!(
        "[[accepted]]\nid = \"{}\"\ncode = \"RNG020\"\nfile = \"{CAPAIAN}\"\nsheet = \"Tabel 3.3\"\ncell = \"B6\"\nfound = \"1.423\"\nreason = \"{REASON}\"\nby = \"Siti Aminah\"\ndate = 2024-01-20\n",
        ids[0]
    )));

    let (check, code) = dir.check_json(&[]);
    assert_eq!(code, 1, "three errors remain, each with a fix");
    assert_eq!(check["summary"]["errors"], 3);
    assert_eq!(check["summary"]["warnings"], 9);
    for (id, cell) in ids.iter().zip(["B6", "B7", "B8", "B9"]) {
        let f = util::finding(&check, "RNG020", cell);
        assert_eq!(f["id"], id.as_str());
        assert_eq!(f["severity"], "error");
        assert_eq!(
            f["accepted"],
            serde_json::json!({"reason": REASON, "by": "Siti Aminah", "date": "2024-01-20"})
        );
    }
    let open: Vec<&Value> = check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["accepted"].is_null())
        .collect();
    assert_eq!(open.len(), check["findings"].as_array().unwrap().len() - 4);
    let text = dir.run(&["check"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains(&format!(
        "(1.423) [+1 sel terkait] [id {}]\n             diterima: alasan {REASON} (oleh Siti Aminah, 2024-01-20)\n",
        ids[0]
    )), "{text}");
    assert!(text.contains("\n3 galat, 9 peringatan, 5 info di 7 berkas (12 tabel; 0 berkas tidak dapat dipakai); 4 temuan diterima\n"), "{text}");

    let out = dir.run(&["run", "-q"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "7 buku kerja koreksi ditulis ke output (79 sel diperbaiki, 5 temuan perlu diputuskan)\nlaporan ditulis ke output/LKjIP-2023.pdf (untuk disunting: output/LKjIP-2023.docx)\n"
    );
    let words = util::pdf_words(&dir.path().join("output/LKjIP-2023.pdf"));
    assert!(!words.contains("DRAFT"), "the report is final");
    assert!(words.contains("Lampiran 6. Catatan atas Data"));
    assert!(words.contains("Tabel L.6 Temuan Pemeriksaan Data yang Diterima"));
    assert_eq!(
        words.matches("Siti Aminah 20 Januari 2024").count(),
        4,
        "{words}"
    );
    assert!(words.contains("RNG020 Capaian Kinerja 2023.xlsx Tabel 3.3!B6 1.423 Indikator persentase bernilai di luar 0–100 Tabel 3.3 memuat jumlah lembaga, bukan persen; judulnya mengikuti Renstra"), "{words}");
    let temuan: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("output/temuan.json")).unwrap())
            .unwrap();
    assert_eq!(
        util::finding(&temuan, "RNG020", "B7")["accepted"]["by"],
        "Siti Aminah"
    );
    assert_eq!(util::finding(&temuan, "RNG020", "B7")["fix"], "none");

    // The corrected workbook: the accepted cells as they were, neither changed
    // nor flagged; the Temuan sheet lists them as accepted, with the reason.
    let mut wb =
        open_workbook_auto(dir.path().join("output/Capaian Kinerja 2023.koreksi.xlsx")).unwrap();
    let temuan = wb.worksheet_range("Temuan").unwrap();
    let text = |r: usize, c: usize| match temuan.get((r, c)) {
        Some(Data::String(s)) => s.clone(),
        other => format!("{other:?}"),
    };
    assert_eq!(text(7, 8), "Tindakan");
    assert_eq!(text(7, 9), "Diterima");
    let b8 = (8..temuan.height())
        .find(|&r| text(r, 1) == "RNG020" && text(r, 4) == "B8")
        .unwrap();
    assert_eq!(text(b8, 8), "diterima");
    assert_eq!(
        text(b8, 9),
        format!("{REASON} (oleh Siti Aminah, 2024-01-20)")
    );
    let num003 = (8..temuan.height())
        .find(|&r| text(r, 1) == "NUM003" && text(r, 4) == "B6")
        .unwrap();
    assert_eq!(text(num003, 8), "diperbaiki");
    assert!(!matches!(temuan.get((num003, 9)), Some(Data::String(_))));
    let table = wb.worksheet_range("Tabel 3.3").unwrap();
    assert_eq!(table.get((7, 1)), Some(&Data::Float(429.0)), "B8 as it was");
}

/// Guards issue 25's item 4: changing one accepted cell brings back that one
/// finding (open, with its new id) and the DRAFT; a note says the decision no
/// longer applies (recorded → current) and the file keeps the entry.
#[test]
fn changing_an_accepted_cell_brings_back_that_finding_and_the_draft() {
    let dir = Dir::new().with_sample();
    let ids = accept_rng020(&dir);
    let before = std::fs::read_to_string(dir.input("keputusan.toml")).unwrap();
    util::edit_cell(&dir.input(CAPAIAN), "Tabel 3.3", "B7", Edit::Number(222.0));
    let out = dir.run(&["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let check: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(check["summary"]["errors"], 4);
    let b7 = util::finding(&check, "RNG020", "B7");
    assert_eq!(b7["accepted"], Value::Null);
    assert_eq!(b7["found"], "222");
    assert_ne!(b7["id"], ids[1].as_str());
    for cell in ["B6", "B8", "B9"] {
        assert_eq!(
            util::finding(&check, "RNG020", cell)["accepted"]["reason"],
            REASON
        );
    }
    assert_eq!(
        stderr(&out),
        format!(
            "catatan: keputusan.toml baris 37: keputusan {} atas RNG020 {CAPAIAN} Tabel 3.3!B7 tidak berlaku lagi: nilainya berubah dari \"221\" menjadi \"222\"; temuan itu terbuka lagi (terima lagi dengan kinerja accept {}, atau hapus dengan kinerja accept --remove {})\n",
            ids[1],
            b7["id"].as_str().unwrap(),
            ids[1]
        )
    );
    let out = dir.run(&["run", "-q", "--lang", "en"]);
    assert!(stderr(&out).contains(&format!(
        "note: keputusan.toml line 37: decision {} on RNG020 {CAPAIAN} Tabel 3.3!B7 no longer applies: its value changed from \"221\" to \"222\"",
        ids[1]
    )));
    assert!(
        stderr(&out)
            .contains("DRAFT report written to output/LKjIP-2023.pdf (to edit: output/LKjIP-2023.docx): 1 error findings unresolved"),
        "{}",
        stderr(&out)
    );
    let words = util::pdf_words(&dir.path().join("output/LKjIP-2023.pdf"));
    assert!(words.contains("DRAFT — 1 temuan belum diselesaikan"));
    assert_eq!(words.matches("Siti Aminah 20 Januari 2024").count(), 3);
    assert_eq!(
        std::fs::read_to_string(dir.input("keputusan.toml")).unwrap(),
        before,
        "the lapsed entry stays until removed"
    );
    let list = dir.run(&["accept", "--list", "-q"]);
    let list = String::from_utf8_lossy(&list.stdout);
    assert!(
        list.contains(&format!(
        "{} RNG020 {CAPAIAN} Tabel 3.3!B7 (nilai 221): TIDAK BERLAKU LAGI: nilainya sekarang 222\n",
        ids[1]
    )),
        "{list}"
    );
    assert!(list.contains(&format!(
        "{} RNG020 {CAPAIAN} Tabel 3.3!B6 (nilai 1.423): berlaku\n",
        ids[0]
    )));
    // Accepting the changed cell replaces its lapsed decision.
    let b7_now = b7["id"].as_str().unwrap();
    let out = dir.run(&[
        "accept",
        b7_now,
        "--reason",
        "dicek ulang",
        "--by",
        "Budi",
        "--date",
        "2024-02-01",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = std::fs::read_to_string(dir.input("keputusan.toml")).unwrap();
    assert_eq!(after.matches("[[accepted]]\n").count(), 4);
    assert!(!after.contains(&ids[1]));
    let (check, _) = dir.check_json(&[]);
    assert_eq!(
        util::finding(&check, "RNG020", "B7")["accepted"]["by"],
        "Budi"
    );
    assert_eq!(check["summary"]["errors"], 3);
}

/// Guards `--remove`: the decision goes, the office's own lines stay, the finding
/// is open again; an id with no decision is refused without a change.
#[test]
fn a_removed_decision_opens_its_finding_and_leaves_the_rest_of_the_file() {
    let dir = Dir::new().with_sample();
    let ids = accept_rng020(&dir);
    let path = dir.input("keputusan.toml");
    let with_note = format!(
        "{}\n# disetujui rapat 19 Januari\n",
        std::fs::read_to_string(&path).unwrap()
    );
    std::fs::write(&path, &with_note).unwrap();
    let out = dir.run(&["accept", "--remove", &ids[2]]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("dihapus: {}\n", ids[2])
    );
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(after.matches("[[accepted]]\n").count(), 3);
    assert!(!after.contains(&ids[2]));
    assert!(after.ends_with("\n# disetujui rapat 19 Januari\n"));
    let (check, _) = dir.check_json(&[]);
    assert_eq!(
        util::finding(&check, "RNG020", "B8")["accepted"],
        Value::Null
    );
    assert_eq!(check["summary"]["errors"], 4);
    let out = dir.run(&["accept", "--remove", "zzzzzzzz"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "galat: keputusan input/keputusan.toml: tidak ada keputusan dengan id zzzzzzzz; tidak ada yang dihapus (kinerja accept --list menampilkannya)\nsaran: perbaiki baris itu (awal keputusan.toml menjelaskan tiap kunci), atau hapus keputusannya dengan kinerja accept --remove ID\n"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), after);
}

/// Guards "an id that no finding has is refused, with a clear message": nothing
/// is recorded, not even the ids that exist.
#[test]
fn an_id_no_finding_has_is_refused_and_nothing_is_recorded() {
    let dir = Dir::new().with_sample();
    let out = dir.run(&[
        "accept", "cb1bqyp3", "abcdefgh", "--reason", "x", "--lang", "en",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: no finding of the inputs has the id abcdefgh; no decision was recorded\nhint: kinerja check prints each finding's id; check the same input folder (-i FOLDER) with the same config\n"
    );
    assert!(!dir.input("keputusan.toml").exists());
    let out = dir.run(&["accept", "cb1bqyp3", "--reason", "  "]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("galat: keputusan input/keputusan.toml: alasan kosong"));
    assert!(!dir.input("keputusan.toml").exists());
    let out = dir.run(&["accept", "cb1bqyp3"]);
    assert_eq!(out.status.code(), Some(2), "a reason is required");
    assert!(stderr(&out).contains("--reason"), "{}", stderr(&out));
}

/// Guards issue 25's bad input: a decisions file with an unknown key, a missing
/// reason, a repeated id, or an entry for a file that is not in the input stops
/// the run with the file and the line named, exit code 2, and nothing written.
#[test]
fn a_bad_decisions_file_stops_the_run_naming_the_file_and_line() {
    let dir = Dir::new().with_sample();
    accept_rng020(&dir);
    let path = dir.input("keputusan.toml");
    let good = std::fs::read_to_string(&path).unwrap();
    let cases = [
        (
            good.replacen("by = \"Siti Aminah\"", "oleh = \"Siti Aminah\"", 1),
            "galat: keputusan input/keputusan.toml baris 34: kunci `oleh` tidak dikenal; kunci yang dipakai: id, code, file, sheet, cell, found, reason, by, date\n",
        ),
        (
            good.replacen(&format!("reason = \"{REASON}\"\n"), "", 2),
            "galat: keputusan input/keputusan.toml baris 26: keputusan ini tidak punya `reason`; setiap keputusan memerlukan id, code, file, sheet, cell, found, reason, by, date\n",
        ),
        (
            {
                let first = good.find("\n[[accepted]]").unwrap() + 1;
                let end = first + good[first..].find("\n\n").unwrap() + 1;
                format!("{good}\n{}", &good[first..end])
            },
            "galat: keputusan input/keputusan.toml baris 70: id cb1bqyp3 sudah diputuskan di baris 26; hapus salah satunya\n",
        ),
    ];
    for (text, said) in cases {
        std::fs::write(&path, &text).unwrap();
        for command in ["check", "run"] {
            let out = dir.run(&[command, "-q"]);
            assert_eq!(out.status.code(), Some(2), "{command}");
            assert!(
                stderr(&out).starts_with(said),
                "{command}: {}",
                stderr(&out)
            );
            assert!(out.stdout.is_empty());
            assert!(!dir.path().join("output").exists(), "nothing written");
        }
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            text,
            "never altered"
        );
    }
    // A workbook renamed: its decisions name a file that is not in the input.
    std::fs::write(&path, &good).unwrap();
    std::fs::rename(dir.input(CAPAIAN), dir.input("Capaian 2023.xlsx")).unwrap();
    let out = dir.run(&["run", "-q", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: decisions input/keputusan.toml line 26: decision cb1bqyp3 is about the file \"Capaian Kinerja 2023.xlsx\", which is not among the inputs; include that file, or remove the decision with kinerja accept --remove cb1bqyp3\nhint: correct that line (the top of keputusan.toml explains every key), or remove the decision with kinerja accept --remove ID\n"
    );
    assert!(!dir.path().join("output").exists());
}

/// Workbooks named one by one have no input folder: a decisions file beside them
/// is not applied, and a note says so.
#[test]
fn decisions_beside_workbooks_named_one_by_one_are_not_applied_and_a_note_says_so() {
    let dir = Dir::new().with_sample();
    accept_rng020(&dir);
    let out = dir.run(&[
        "check",
        "--format",
        "json",
        "input/Capaian Kinerja 2023.xlsx",
    ]);
    assert_eq!(
        stderr(&out),
        "catatan: keputusan di input/keputusan.toml tidak diterapkan karena masukan bukan satu folder; berikan folder itu saja agar diterapkan\n"
    );
    let check: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        util::finding(&check, "RNG020", "B6")["accepted"],
        Value::Null
    );
    // Given as the one folder, they apply.
    let (check, _) = dir.check_json(&["input"]);
    assert_eq!(
        util::finding(&check, "RNG020", "B6")["accepted"]["by"],
        "Siti Aminah"
    );
}

/// The sample's files with `extra` added, as the page uploads them.
fn upload(extra: &[(&str, Vec<u8>)]) -> Vec<(String, Vec<u8>)> {
    let mut files = crate::web::sample_files();
    files.extend(extra.iter().map(|(n, b)| (n.to_string(), b.clone())));
    files
}

fn post_files(server: &crate::web::Server, files: &[(String, Vec<u8>)]) -> crate::web::Reply {
    let files: Vec<(&str, Vec<u8>)> = files.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    server.run(&files, "")
}

/// Guards issue 25's item 5 through the API the page uses: an uploaded
/// keputusan.toml (whatever the browser named it) is applied as `kinerja run`
/// applies the input folder's, and is among the downloads and in the zip;
/// `POST /runs/ID/accept` answers the decisions with one more accepted, and
/// uploading that leaves the accepted cell as it is; a bad file or request is
/// refused with its line and no server path.
#[test]
fn the_page_api_applies_an_uploaded_keputusan_toml_and_serves_it() {
    let dir = Dir::new().with_sample();
    accept_rng020(&dir);
    let decisions = std::fs::read(dir.input("keputusan.toml")).unwrap();
    let ran = dir.run(&["run", "-q", "-o", "ran"]);
    assert_eq!(ran.status.code(), Some(1));
    let server = crate::web::Server::start(&dir, "127.0.0.1:0", &[]);
    let reply = post_files(
        &server,
        &upload(&[("keputusan (1).toml", decisions.clone())]),
    );
    assert_eq!(
        reply.status,
        200,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let doc = reply.json();
    assert_eq!(doc["report"]["draft"], false);
    assert_eq!(doc["report"]["open_errors"], 0);
    assert_eq!(doc["summary"]["errors"], 3);
    assert_eq!(doc["exit_code"], 1);
    assert_eq!(doc["written"]["left"], 5);
    let temuan: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("ran/temuan.json")).unwrap())
            .unwrap();
    assert_eq!(
        doc["findings"], temuan["findings"],
        "as kinerja run with the folder's decisions"
    );
    let output = |doc: &Value, name: &str| {
        doc["outputs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == name)
            .map(|o| o["url"].as_str().unwrap().to_string())
    };
    let url = output(&doc, "keputusan.toml").expect("keputusan.toml is an output");
    let got = server.get(&url);
    assert_eq!(got.status, 200);
    assert_eq!(
        got.header("Content-Type"),
        Some("application/toml; charset=utf-8")
    );
    assert!(got.body == decisions);
    let all = server.get(doc["download_all"].as_str().unwrap());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(all.body)).unwrap();
    let mut zipped = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name("keputusan.toml").unwrap(), &mut zipped).unwrap();
    assert!(zipped == decisions);

    // Accepting the Personil total (an error with a fix) through the page's endpoint.
    let e22 = util::finding(&doc, "SUM021", "E22")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let accept_url = doc["download_all"]
        .as_str()
        .unwrap()
        .replace("semua.zip", "accept");
    let post = |body: Value| {
        crate::web::http(
            "POST",
            &format!("{}{accept_url}", server.base),
            &[("Content-Type", "application/json")],
            body.to_string().as_bytes(),
        )
    };
    let answer = post(
        serde_json::json!({"ids": [e22], "reason": "Jumlah Total memuat pegawai non-PNS", "by": "Budi"}),
    );
    assert_eq!(
        answer.status,
        200,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    assert_eq!(
        answer.header("Content-Type"),
        Some("application/toml; charset=utf-8")
    );
    let text = String::from_utf8(answer.body).unwrap();
    assert!(
        text.starts_with(std::str::from_utf8(&decisions).unwrap()),
        "the run's decisions kept as written"
    );
    assert!(text.contains(&format!("id = \"{e22}\"\ncode = \"SUM021\"\nfile = \"Profil Dinas 2023.xlsx\"\nsheet = \"Personil\"\ncell = \"E22\"\nfound = \"33\"\nreason = \"Jumlah Total memuat pegawai non-PNS\"\nby = \"Budi\"\n")), "{text}");
    let again = post_files(&server, &upload(&[("keputusan.toml", text.into_bytes())])).json();
    let f = util::finding(&again, "SUM021", "E22");
    assert_eq!(
        f["accepted"]["reason"],
        "Jumlah Total memuat pegawai non-PNS"
    );
    assert_eq!(f["fix"], "none");
    assert_eq!(again["summary"]["errors"], 2);
    assert_eq!(
        again["written"]["changes"],
        doc["written"]["changes"].as_u64().unwrap() - 1,
        "E22 left as it is"
    );

    // Requests that cannot be followed.
    let refused = post(serde_json::json!({"ids": ["zzzzzzzz"], "reason": "x", "by": "Budi"}));
    assert_eq!(refused.status, 400);
    assert_eq!(
        refused.json()["error"],
        "tidak ada temuan dengan id zzzzzzzz di pemeriksaan ini"
    );
    let refused = post(serde_json::json!({"ids": [e22], "reason": " ", "by": "Budi"}));
    assert_eq!(
        refused.json()["error"],
        "tulis alasan dan nama yang memutuskan"
    );
    let gone = crate::web::http(
        "POST",
        &format!("{}/runs/nothing/accept", server.base),
        &[],
        b"{}",
    );
    assert_eq!(gone.status, 404);
    let bad = std::str::from_utf8(&decisions)
        .unwrap()
        .replacen("by = ", "oleh = ", 1);
    let refused = post_files(&server, &upload(&[("keputusan.toml", bad.into_bytes())]));
    assert_eq!(refused.status, 400);
    assert_eq!(
        refused.json()["error"],
        "keputusan keputusan.toml baris 34: kunci `oleh` tidak dikenal; kunci yang dipakai: id, code, file, sheet, cell, found, reason, by, date"
    );
    let refused = post_files(
        &server,
        &upload(&[
            ("keputusan.toml", decisions.clone()),
            ("lain.toml", decisions.clone()),
        ]),
    );
    assert_eq!(refused.status, 400);
    assert_eq!(refused.json()["error"], "unggah satu keputusan.toml saja");
}
