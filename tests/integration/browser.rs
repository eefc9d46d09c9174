//! The page in a real browser: headless Chromium driven through chromedriver's W3C
//! WebDriver API (a few JSON requests, sent with the same small HTTP client as the
//! API tests). `.ci/run` installs Debian's `chromium` and `chromium-driver`.

use crate::util::{repo, Dir};
use crate::web::{http, Reply, Server};
use serde_json::{json, Value};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A chromedriver process and one browser session in it, both ended on drop.
struct Browser {
    driver: Child,
    base: String,
    session: String,
    _profile: tempfile::TempDir,
}

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

impl Browser {
    fn start() -> Browser {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver is installed: .ci/run installs chromium and chromium-driver");
        let base = format!("http://127.0.0.1:{port}");
        let began = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                began.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap();
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1366,768",
            &format!("--user-data-dir={}", profile.path().display()),
        ];
        let mut browser = Browser {
            driver,
            base,
            session: String::new(),
            _profile: profile,
        };
        let created = browser.call(
            "POST",
            "/session",
            json!({"capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": args},
            }}}),
        );
        browser.session = created["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {created}"))
            .to_string();
        browser
    }

    /// One WebDriver command; its `value`.
    fn call(&self, method: &str, path: &str, body: Value) -> Value {
        let body = if method == "GET" {
            Vec::new()
        } else {
            serde_json::to_vec(&body).unwrap()
        };
        let reply: Reply = http(
            method,
            &format!("{}{path}", self.base),
            &[("Content-Type", "application/json")],
            &body,
        );
        let value: Value = reply.json();
        assert_eq!(reply.status, 200, "{method} {path}: {value}");
        value["value"].clone()
    }

    fn session(&self, method: &str, path: &str, body: Value) -> Value {
        self.call(method, &format!("/session/{}{path}", self.session), body)
    }

    fn script(&self, script: &str) -> Value {
        self.session(
            "POST",
            "/execute/sync",
            json!({"script": script, "args": []}),
        )
    }

    fn element(&self, css: &str) -> String {
        let found = self.session(
            "POST",
            "/element",
            json!({"using": "css selector", "value": css}),
        );
        found[ELEMENT].as_str().unwrap().to_string()
    }

    /// Waits until `script` returns something other than null or false.
    fn wait_for(&self, script: &str, limit: Duration) -> Value {
        let began = Instant::now();
        loop {
            let v = self.script(script);
            if !v.is_null() && v != Value::Bool(false) {
                return v;
            }
            assert!(began.elapsed() < limit, "timed out waiting for: {script}");
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = http(
                "DELETE",
                &format!("{}/session/{}", self.base, self.session),
                &[],
                &[],
            );
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let digits: Vec<u8> = text
        .bytes()
        .filter(|c| *c != b'=' && !c.is_ascii_whitespace())
        .map(value)
        .collect();
    let mut out = Vec::new();
    for chunk in digits.chunks(4) {
        let n = chunk.iter().fold(0u32, |acc, d| acc << 6 | *d as u32) << (6 * (4 - chunk.len()));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

/// Chooses the sample's files in the page's file input, as a user does.
fn choose_sample(browser: &Browser) {
    let mut files: Vec<String> = std::fs::read_dir(repo().join("input"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_file() && !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path().to_string_lossy().into_owned())
        .collect();
    files.sort();
    browser.session(
        "POST",
        &format!("/element/{}/value", browser.element("#files")),
        json!({"text": files.join("\n")}),
    );
}

/// Guards the page as an office user meets it: the sample chosen in the file
/// input, the result shown with the sample's errors at their cells, figures in
/// Indonesian notation, and the PDF link downloading the report.
#[test]
fn the_page_checks_the_sample_in_a_real_browser() {
    let dir = Dir::new().with_sample();
    let server = Server::start(&dir, "127.0.0.1:0", &[]);
    let browser = Browser::start();
    browser.session("POST", "/url", json!({"url": format!("{}/", server.base)}));
    assert_eq!(
        browser.script("return document.querySelector('[data-t=drop]').textContent"),
        "Seret buku kerja tahun ini ke sini"
    );
    choose_sample(&browser);
    browser.wait_for(
        "return document.querySelectorAll('#findings tr.finding').length > 0",
        Duration::from_secs(120),
    );
    let rows = browser.script(
        "return [...document.querySelectorAll('#findings tr.finding')].map(r => [
            r.dataset.file, r.dataset.sheet, r.dataset.code, r.querySelector('.cell').textContent,
            r.querySelector('.sev').textContent, r.querySelector('.figures').textContent,
            r.querySelector('.done').textContent])",
    );
    let rows: Vec<Vec<String>> = serde_json::from_value(rows).unwrap();
    let (check, _) = dir.check_json(&[]);
    let errors: Vec<Vec<String>> = check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| {
            ["file", "sheet", "code", "cell"]
                .iter()
                .map(|k| f[*k].as_str().unwrap().to_string())
                .collect()
        })
        .collect();
    assert_eq!(errors.len(), 7);
    let mut shown_errors: Vec<Vec<String>> = rows
        .iter()
        .filter(|r| r[4] == "galat")
        .map(|r| r[..4].to_vec())
        .collect();
    shown_errors.sort();
    let mut sorted_errors = errors.clone();
    sorted_errors.sort();
    assert_eq!(shown_errors, sorted_errors);
    assert_eq!(rows.len(), check["findings"].as_array().unwrap().len());
    // Worst first: files by their count of errors, then warnings, then infos (ties
    // in the order check gives), and within a file the same for its sheets; within a
    // sheet errors before warnings before infos.
    let findings = check["findings"].as_array().unwrap();
    let weight = |key: &dyn Fn(&Value) -> bool| {
        let mut w = [0i64; 3];
        for f in findings.iter().filter(|f| key(f)) {
            let rank = ["error", "warning", "info"]
                .iter()
                .position(|s| f["severity"] == *s)
                .unwrap();
            w[rank] -= 1;
        }
        w
    };
    let mut files: Vec<String> = Vec::new();
    for f in findings {
        let name = f["file"].as_str().unwrap().to_string();
        if !files.contains(&name) {
            files.push(name);
        }
    }
    files.sort_by_key(|name| weight(&|f: &Value| f["file"] == name.as_str()));
    let mut shown_files: Vec<String> = Vec::new();
    for r in &rows {
        if shown_files.last() != Some(&r[0]) {
            shown_files.push(r[0].clone());
        }
    }
    assert_eq!(shown_files, files, "file groups, worst first, each once");
    assert_eq!(rows[0][4], "galat");
    for pair in rows.windows(2) {
        let rank = |s: &str| ["galat", "peringatan", "info"].iter().position(|x| *x == s);
        if pair[0][..2] == pair[1][..2] {
            assert!(rank(&pair[0][4]) <= rank(&pair[1][4]), "{pair:?}");
        }
    }
    let b25 = rows
        .iter()
        .find(|r| r[2] == "NUM001" && r[3] == "B25")
        .unwrap();
    assert_eq!(b25[0], "Realisasi Anggaran 2023.xlsx");
    assert_eq!(b25[5], "65.00.000 → 65.000.000");
    assert_eq!(b25[6], "diperbaiki");
    let summary = browser.script("return document.getElementById('summary').textContent");
    assert_eq!(
        summary,
        format!(
            "7 galat, 9 peringatan, 5 info di 7 berkas ({} tabel; 0 berkas tidak dapat dipakai)",
            check["tables"].as_array().unwrap().len()
        )
    );
    let report = browser.script("return document.getElementById('report').textContent");
    assert!(
        report
            .as_str()
            .unwrap()
            .starts_with("Laporan LKjIP-2023.pdf berstatus DRAFT: 4 temuan galat"),
        "{report}"
    );
    let screenshot = browser.session("GET", "/screenshot", Value::Null);
    let png = base64_decode(screenshot.as_str().unwrap());
    assert!(png.starts_with(b"\x89PNG"));
    let shot = repo().join("target/kinerja-serve-page.png");
    std::fs::write(&shot, png).unwrap();
    // The severity filter narrows the table to errors.
    browser.script(
        "const s = document.getElementById('fSeverity'); s.value = 'error'; s.dispatchEvent(new Event('change'));",
    );
    let shown = browser.script("return document.querySelectorAll('#findings tr.finding').length");
    assert_eq!(shown, 7);
    // The file filter, with the severity filter back on everything.
    browser.script(
        "const s = document.getElementById('fSeverity'); s.value = ''; s.dispatchEvent(new Event('change'));
         const f = document.getElementById('fFile'); f.value = 'Realisasi Anggaran 2023.xlsx'; f.dispatchEvent(new Event('change'));",
    );
    let of_file = check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["file"] == "Realisasi Anggaran 2023.xlsx")
        .count();
    assert!(of_file > 0);
    let shown = browser.script(
        "return [...document.querySelectorAll('#findings tr.finding')].map(r => r.dataset.file)",
    );
    assert_eq!(
        shown,
        json!(vec!["Realisasi Anggaran 2023.xlsx"; of_file]),
        "only the chosen file's findings"
    );
    browser.script(
        "const f = document.getElementById('fFile'); f.value = ''; f.dispatchEvent(new Event('change'));",
    );
    // The PDF link downloads the report, in the browser and outside it.
    let fetched = browser.session(
        "POST",
        "/execute/async",
        json!({"script": "const done = arguments[arguments.length - 1];
            fetch(document.getElementById('dl-pdf').href).then(r => r.arrayBuffer().then(b =>
              done([r.status, r.headers.get('content-type'), r.headers.get('content-disposition'),
                    new TextDecoder().decode(new Uint8Array(b).slice(0, 5)), b.byteLength])));",
            "args": []}),
    );
    assert_eq!(fetched[0], 200);
    assert_eq!(fetched[1], "application/pdf");
    assert!(fetched[2]
        .as_str()
        .unwrap()
        .contains("filename=\"LKjIP-2023.pdf\""));
    assert_eq!(fetched[3], "%PDF-");
    let href = browser.script("return document.getElementById('dl-pdf').getAttribute('href')");
    let pdf = server.get(href.as_str().unwrap());
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.body.len() as u64, fetched[4].as_u64().unwrap());
    // The same report as a Word document is offered beside it.
    let offered = browser.script(
        "const a = document.getElementById('dl-docx'); return [a.textContent, a.getAttribute('download')]",
    );
    assert_eq!(offered, json!(["LKjIP-2023.docx", "LKjIP-2023.docx"]));
    let fetched = browser.session(
        "POST",
        "/execute/async",
        json!({"script": "const done = arguments[arguments.length - 1];
            fetch(document.getElementById('dl-docx').href).then(r => r.arrayBuffer().then(b =>
              done([r.status, r.headers.get('content-type'), r.headers.get('content-disposition'),
                    new TextDecoder().decode(new Uint8Array(b).slice(0, 2))])));",
            "args": []}),
    );
    assert_eq!(fetched[0], 200);
    assert_eq!(
        fetched[1],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert!(fetched[2]
        .as_str()
        .unwrap()
        .contains("filename=\"LKjIP-2023.docx\""));
    assert_eq!(fetched[3], "PK");
    // The English switch checks again, and the findings speak English.
    let (check_en, _) = dir.check_json(&["--lang", "en"]);
    let first_en = check_en["findings"][0]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(check_en["findings"][0]["code"], "RNG020");
    browser.session(
        "POST",
        &format!("/element/{}/click", browser.element("#lang")),
        json!({}),
    );
    browser.wait_for(
        &format!(
            "return [...document.querySelectorAll('#findings tr.finding[data-code=RNG020] .message')]
                .some(m => m.textContent.startsWith({}))",
            serde_json::to_string(&first_en).unwrap()
        ),
        Duration::from_secs(120),
    );
    assert_eq!(
        browser.script("return document.getElementById('summary').textContent"),
        format!(
            "7 errors, 9 warnings, 5 infos in 7 files ({} tables; 0 files unusable)",
            check["tables"].as_array().unwrap().len()
        )
    );
    assert_eq!(
        browser.script(
            "return document.querySelector('#findings tr.finding[data-code=NUM001][data-cell=B25] .done').textContent"
        ),
        "corrected"
    );
    // A file that cannot be used gets its own line, with the reason kinerja check
    // gives.
    let empty = dir.path().join("kosong.xlsx");
    std::fs::write(&empty, b"").unwrap();
    let (alone, code) = dir.check_json(&[empty.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 2);
    let reason = alone["inputs"][0]["message"].as_str().unwrap().to_string();
    browser.session(
        "POST",
        &format!("/element/{}/value", browser.element("#files")),
        json!({"text": empty.to_string_lossy()}),
    );
    let line = browser.wait_for(
        "const n = document.querySelector('#unreadable .notice'); return n && n.textContent",
        Duration::from_secs(60),
    );
    assert_eq!(line, format!("kosong.xlsx cannot be used: {reason}"));
}

/// Guards issue 25's page: "Terima…" on a finding asks the reason and the name in
/// the page, checks the set again with the decision (the finding shown accepted,
/// one error fewer), and `keputusan.toml` is among the downloads, holding it.
#[test]
fn the_page_accepts_a_finding_and_downloads_keputusan_toml() {
    let dir = Dir::new().with_sample();
    let server = Server::start(&dir, "127.0.0.1:0", &[]);
    let browser = Browser::start();
    browser.session("POST", "/url", json!({"url": format!("{}/", server.base)}));
    choose_sample(&browser);
    let b6 = "#findings tr.finding[data-code=RNG020][data-cell=B6]";
    browser.wait_for(
        &format!("return document.querySelector('{b6} button.accept') !== null"),
        Duration::from_secs(120),
    );
    let (check, _) = dir.check_json(&[]);
    let id = crate::util::finding(&check, "RNG020", "B6")["id"].clone();
    assert_eq!(
        browser.script(&format!("return document.querySelector('{b6}').dataset.id")),
        id
    );
    assert!(browser
        .script("return [...document.querySelectorAll('#downloads a')].every(a => a.textContent !== 'keputusan.toml')")
        .as_bool()
        .unwrap());
    browser.session(
        "POST",
        &format!(
            "/element/{}/click",
            browser.element(&format!("{b6} button.accept"))
        ),
        json!({}),
    );
    assert_eq!(
        browser.script("return document.getElementById('acceptDialog').open"),
        true
    );
    let screenshot = browser.session("GET", "/screenshot", Value::Null);
    std::fs::write(
        repo().join("target/kinerja-serve-accept-dialog.png"),
        base64_decode(screenshot.as_str().unwrap()),
    )
    .unwrap();
    let reason = "Tabel 3.3 memuat jumlah lembaga, bukan persen";
    browser.session(
        "POST",
        &format!("/element/{}/value", browser.element("#acceptReason")),
        json!({"text": reason}),
    );
    browser.session(
        "POST",
        &format!("/element/{}/value", browser.element("#acceptBy")),
        json!({"text": "Siti Aminah"}),
    );
    browser.session(
        "POST",
        &format!("/element/{}/click", browser.element("#acceptSave")),
        json!({}),
    );
    let shown = browser.wait_for(
        &format!(
            "const a = document.querySelector('{b6} .decide .accepted'); return a && a.textContent"
        ),
        Duration::from_secs(120),
    );
    let shown = shown.as_str().unwrap();
    assert!(
        shown.starts_with(&format!("diterima: alasan {reason} (oleh Siti Aminah, 20")),
        "{shown}"
    );
    assert_eq!(
        browser.script(&format!(
            "return document.querySelector('{b6} .done').textContent"
        )),
        "diterima"
    );
    let summary = browser.script("return document.getElementById('summary').textContent");
    assert!(
        summary
            .as_str()
            .unwrap()
            .starts_with("6 galat, 9 peringatan, 5 info di 7 berkas")
            && summary.as_str().unwrap().ends_with("; 1 temuan diterima"),
        "{summary}"
    );
    let report = browser.script("return document.getElementById('report').textContent");
    assert!(
        report
            .as_str()
            .unwrap()
            .starts_with("Laporan LKjIP-2023.pdf berstatus DRAFT: 3 temuan galat"),
        "{report}"
    );
    browser.script(&format!("document.querySelector('{b6}').scrollIntoView()"));
    let screenshot = browser.session("GET", "/screenshot", Value::Null);
    std::fs::write(
        repo().join("target/kinerja-serve-accepted.png"),
        base64_decode(screenshot.as_str().unwrap()),
    )
    .unwrap();
    // keputusan.toml downloads from the page, holding the decision.
    let fetched = browser.session(
        "POST",
        "/execute/async",
        json!({"script": "const done = arguments[arguments.length - 1];
            const a = [...document.querySelectorAll('#downloads a')].find(a => a.textContent === 'keputusan.toml');
            fetch(a.href).then(r => r.text().then(t => done([r.status, r.headers.get('content-type'),
                r.headers.get('content-disposition'), a.getAttribute('download'), t])));",
            "args": []}),
    );
    assert_eq!(fetched[0], 200);
    assert_eq!(fetched[1], "application/toml; charset=utf-8");
    assert!(fetched[2]
        .as_str()
        .unwrap()
        .starts_with("attachment; filename=\"keputusan.toml\""));
    assert_eq!(fetched[3], "keputusan.toml");
    let text = fetched[4].as_str().unwrap();
    assert!(
        text.contains(&format!(
            "[[accepted]]\nid = {id}\ncode = \"RNG020\"\nfile = \"Capaian Kinerja 2023.xlsx\"\nsheet = \"Tabel 3.3\"\ncell = \"B6\"\nfound = \"1.423\"\nreason = \"{reason}\"\nby = \"Siti Aminah\"\n"
        )),
        "{text}"
    );
    // Saved beside the workbooks, it is applied by the command line as well.
    std::fs::write(dir.input("keputusan.toml"), text).unwrap();
    let (again, _) = dir.check_json(&[]);
    assert_eq!(
        crate::util::finding(&again, "RNG020", "B6")["accepted"]["reason"],
        reason
    );
}
