//! `kinerja serve`: the API on the sample and on hostile uploads, runs at once, the
//! access token, expiry and shutdown, a port already taken. Each test starts the
//! real binary with its own temporary folder (TMPDIR) and an empty working folder.

use crate::util::{repo, Dir};
use serde_json::Value;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A running `kinerja serve`, killed when dropped.
pub struct Server {
    child: Child,
    /// Kept open: the server may still print.
    _stdout: std::process::ChildStdout,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    pub token: Option<String>,
    /// The server's TMPDIR and its working folder.
    pub tmp: PathBuf,
    pub cwd: PathBuf,
}

impl Server {
    /// Starts `kinerja serve -c CONFIG --listen LISTEN EXTRA…` in `dir`'s `cwd/`.
    pub fn start(dir: &Dir, listen: &str, extra: &[&str]) -> Server {
        let tmp = dir.path().join("tmp");
        let cwd = dir.path().join("cwd");
        std::fs::create_dir_all(&tmp).unwrap();
        std::fs::create_dir_all(&cwd).unwrap();
        let config = dir.path().join("config.toml");
        let mut child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .args(["serve", "-c", config.to_str().unwrap(), "--listen", listen])
            .args(extra)
            .current_dir(&cwd)
            .env("TMPDIR", &tmp)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        let mut out = child.stdout.take().unwrap();
        let mut byte = [0u8; 1];
        while out.read(&mut byte).unwrap() == 1 && byte[0] != b'\n' {
            line.push(byte[0] as char);
        }
        // "kinerja melayani di http://HOST:PORT/[?token=T]"
        let url = line
            .split_whitespace()
            .last()
            .unwrap_or_else(|| panic!("no address printed: {line:?}"));
        let rest = url.strip_prefix("http://").unwrap();
        let (host_port, query) = rest.split_once('/').unwrap();
        let port = host_port.rsplit(':').next().unwrap();
        let token = query.strip_prefix("?token=").map(str::to_string);
        Server {
            child,
            _stdout: out,
            base: format!("http://127.0.0.1:{port}"),
            token,
            tmp,
            cwd,
        }
    }

    /// Sends Ctrl+C (SIGINT) and waits for the exit code.
    pub fn interrupt(mut self) -> i32 {
        let status = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        self.child.wait().unwrap().code().unwrap()
    }

    /// `POST /api/run` with these files.
    pub fn run(&self, files: &[(&str, Vec<u8>)], query: &str) -> Reply {
        let (content_type, body) = multipart(files);
        http(
            "POST",
            &format!("{}/api/run{query}", self.base),
            &[("Content-Type", &content_type)],
            &body,
        )
    }

    pub fn get(&self, path: &str) -> Reply {
        http("GET", &format!("{}{path}", self.base), &[], &[])
    }

    /// Every file under the server's TMPDIR, relative to it, but the lock that
    /// says the server lives (`kinerja-serve-…/.alive`).
    pub fn temporary_files(&self) -> Vec<String> {
        let mut found = Vec::new();
        walk(&self.tmp, &self.tmp, &mut found);
        found.retain(|f| !f.ends_with("/.alive"));
        found.sort();
        found
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(base, &p, out);
        } else {
            out.push(p.strip_prefix(base).unwrap().to_string_lossy().into_owned());
        }
    }
}

/// An HTTP answer.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}), status {}: {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }
}

/// One HTTP/1.1 request on its own connection.
pub fn http(method: &str, url: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let mut stream = TcpStream::connect(host).unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    // A server that refuses early may close before the whole body is sent.
    let _ = stream.write_all(body);
    read_reply(stream)
}

/// Reads one reply: its head, then a body of its Content-Length, chunked, or up to
/// the close (chromedriver keeps connections open, so the length decides).
pub fn read_reply(stream: TcpStream) -> Reply {
    let mut reader = std::io::BufReader::new(stream);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if std::io::BufRead::read_line(&mut reader, &mut line).unwrap() == 0 {
            panic!("no reply head: {head:?}");
        }
        if line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let find = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let mut body = Vec::new();
    if find("Transfer-Encoding").is_some_and(|v| v.contains("chunked")) {
        loop {
            let mut size = String::new();
            std::io::BufRead::read_line(&mut reader, &mut size).unwrap();
            let n = usize::from_str_radix(size.trim().split(';').next().unwrap(), 16).unwrap();
            let mut chunk = vec![0; n + 2];
            reader.read_exact(&mut chunk).unwrap();
            body.extend_from_slice(&chunk[..n]);
            if n == 0 {
                break;
            }
        }
    } else if let Some(n) = find("Content-Length") {
        body.resize(n.parse().unwrap(), 0);
        reader.read_exact(&mut body).unwrap();
    } else {
        let _ = reader.read_to_end(&mut body);
    }
    Reply {
        status,
        headers,
        body,
    }
}

/// A `multipart/form-data` body with one `files` part per file.
pub fn multipart(files: &[(&str, Vec<u8>)]) -> (String, Vec<u8>) {
    let boundary = "kinerjaTestBoundary7MA4YWxk";
    let mut body = Vec::new();
    for (name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// The sample's files (workbooks and narrative) as (name, bytes), sorted.
pub fn sample_files() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(repo().join("input"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_file() && !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn borrowed(files: &[(String, Vec<u8>)]) -> Vec<(&str, Vec<u8>)> {
    files.iter().map(|(n, b)| (n.as_str(), b.clone())).collect()
}

/// A finding as the comparison sees it: everything but the fix state, which is
/// `applied` after a run and `suggested` after a check.
fn comparable(findings: &Value) -> Vec<Value> {
    findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let mut f = f.clone();
            let fix = f["fix"].as_str().unwrap().replace("suggested", "applied");
            f["fix"] = Value::String(fix);
            f
        })
        .collect()
}

/// Guards the API's promise: the page's findings are `kinerja check`'s, and its
/// outputs are, byte for byte, what `kinerja run` writes.
#[test]
fn a_run_on_the_sample_answers_what_check_finds_and_serves_what_run_writes() {
    let dir = Dir::new().with_sample();
    let (check, code) = dir.check_json(&[]);
    assert_eq!(code, 1);
    let run = dir.run(&["run", "-o", "ran"]);
    assert_eq!(run.status.code(), Some(1));
    let server = Server::start(&dir, "127.0.0.1:0", &[]);
    assert_eq!(server.token, None, "no token on loopback");
    let reply = server.run(&borrowed(&sample_files()), "");
    assert_eq!(
        reply.status,
        200,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    assert!(reply
        .header("Content-Type")
        .unwrap()
        .starts_with("application/json"));
    let doc = reply.json();
    assert_eq!(doc["summary"], check["summary"]);
    assert_eq!(doc["summary"]["errors"], 7);
    assert_eq!(doc["inputs"], check["inputs"]);
    assert_eq!(doc["tables"], check["tables"]);
    assert_eq!(comparable(&doc["findings"]), comparable(&check["findings"]));
    let temuan: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("ran/temuan.json")).unwrap())
            .unwrap();
    assert_eq!(doc["findings"], temuan["findings"]);
    let b25 = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "NUM001" && f["cell"] == "B25")
        .unwrap();
    assert_eq!(b25["file"], "Realisasi Anggaran 2023.xlsx");
    assert_eq!(b25["expected"], "65000000");
    assert_eq!(b25["fix"], "applied");
    assert_eq!(doc["report"]["draft"], true);
    assert_eq!(doc["report"]["file"], "LKjIP-2023.pdf");
    assert_eq!(doc["exit_code"], 1);
    assert_eq!(doc["notes"], serde_json::json!([]));
    // Every file `kinerja run` wrote is an output, and downloads as the same bytes.
    let mut ran: Vec<String> = std::fs::read_dir(dir.path().join("ran"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    ran.sort();
    let outputs = doc["outputs"].as_array().unwrap();
    let mut names: Vec<String> = outputs
        .iter()
        .map(|o| o["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    assert_eq!(names, ran);
    // Seven corrected workbooks, temuan.json, the PDF and its Word document.
    assert_eq!(names.len(), 10);
    assert!(names.contains(&"LKjIP-2023.docx".to_string()), "{names:?}");
    for o in outputs {
        let name = o["name"].as_str().unwrap();
        let got = server.get(o["url"].as_str().unwrap());
        assert_eq!(got.status, 200, "{name}");
        let kind = match name.rsplit('.').next().unwrap() {
            "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "json" => "application/json; charset=utf-8",
            "pdf" => "application/pdf",
            "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            other => panic!("unexpected output {other}"),
        };
        assert_eq!(got.header("Content-Type"), Some(kind), "{name}");
        let disposition = got.header("Content-Disposition").unwrap();
        assert!(
            disposition.starts_with(&format!("attachment; filename=\"{name}\"")),
            "{disposition}"
        );
        let written = std::fs::read(dir.path().join("ran").join(name)).unwrap();
        assert!(got.body == written, "{name} differs from what run wrote");
    }
    // "Download all": one zip of the same files.
    let all = server.get(doc["download_all"].as_str().unwrap());
    assert_eq!(all.status, 200);
    assert_eq!(all.header("Content-Type"), Some("application/zip"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(all.body)).unwrap();
    let mut zipped: Vec<String> = zip.file_names().map(str::to_string).collect();
    zipped.sort();
    assert_eq!(zipped, ran);
    let mut pdf = Vec::new();
    zip.by_name("LKjIP-2023.pdf")
        .unwrap()
        .read_to_end(&mut pdf)
        .unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let mut docx = Vec::new();
    zip.by_name("LKjIP-2023.docx")
        .unwrap()
        .read_to_end(&mut docx)
        .unwrap();
    assert!(docx == std::fs::read(dir.path().join("ran/LKjIP-2023.docx")).unwrap());
    // The uploads are gone once the run is done; nothing was written where the
    // server was started.
    let kept = server.temporary_files();
    assert_eq!(kept.len(), 10, "{kept:?}");
    assert!(kept.iter().all(|f| f.contains("/output/")), "{kept:?}");
    assert_eq!(std::fs::read_dir(&server.cwd).unwrap().count(), 0);
    // A name the run did not write is not served, whatever it says.
    let id = outputs[0]["url"]
        .as_str()
        .unwrap()
        .split('/')
        .nth(2)
        .unwrap();
    for bad in [
        format!("/runs/{id}/..%2F..%2Fconfig.toml"),
        format!("/runs/{id}/%2E%2E"),
        "/runs/nothing/temuan.json".to_string(),
    ] {
        let r = server.get(&bad);
        assert_eq!(r.status, 404, "{bad}");
        assert!(r.json()["error"].as_str().unwrap().contains("kedaluwarsa"));
    }
    // English messages on request, as with --lang en.
    let en = server.run(&borrowed(&sample_files()), "?lang=en").json();
    let (check_en, _) = dir.check_json(&["--lang", "en"]);
    assert_eq!(
        comparable(&en["findings"]),
        comparable(&check_en["findings"])
    );
}

/// A small readable workbook of the sample.
fn profil() -> Vec<u8> {
    std::fs::read(repo().join("input/Profil Dinas 2023.xlsx")).unwrap()
}

fn input_status(doc: &Value, file: &str) -> (String, String) {
    let i = doc["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["file"] == file)
        .unwrap_or_else(|| panic!("no input {file}: {}", doc["inputs"]));
    (
        i["status"].as_str().unwrap().to_string(),
        i["message"].as_str().unwrap().to_string(),
    )
}

/// Guards the upload's safety: a traversal name keeps only its base name, a
/// repeated name is renumbered, an empty, an oversized and a zip-bomb file are
/// each unusable with their reason, and the good file is checked all the same.
#[test]
fn hostile_uploads_each_cost_only_their_own_file() {
    let dir = Dir::new();
    let config = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    let limited = config.replace("max_file_mb = 100", "max_file_mb = 2");
    assert_ne!(config, limited, "the shipped config sets max_file_mb = 100");
    std::fs::write(dir.path().join("config.toml"), limited).unwrap();
    let server = Server::start(&dir, "127.0.0.1:0", &[]);
    let reply = server.run(
        &[
            ("../../../evil.xlsx", profil()),
            ("C:\\Users\\ani\\Profil.xlsx", profil()),
            ("Profil.XLSX", profil()),
            ("kosong.xlsx", Vec::new()),
            ("besar.xlsx", vec![b'x'; 3 << 20]),
            ("bom.xlsx", crate::util::zip_bomb()),
        ],
        "",
    );
    assert_eq!(
        reply.status,
        200,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let doc = reply.json();
    let files: Vec<&str> = doc["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "Profil (2).XLSX",
            "Profil.xlsx",
            "besar.xlsx",
            "bom.xlsx",
            "evil.xlsx",
            "kosong.xlsx"
        ]
    );
    for good in ["evil.xlsx", "Profil.xlsx", "Profil (2).XLSX"] {
        assert_eq!(input_status(&doc, good).0, "ok", "{good}");
    }
    let (status, message) = input_status(&doc, "besar.xlsx");
    assert_eq!(status, "unreadable");
    assert_eq!(
        message,
        "berkas lebih besar dari 2 MB; naikkan limits.max_file_mb bila memang wajar"
    );
    assert_eq!(input_status(&doc, "kosong.xlsx").0, "unreadable");
    assert_eq!(input_status(&doc, "bom.xlsx").0, "unreadable");
    assert_eq!(doc["exit_code"], 2);
    // The corrected copies keep the cleaned names; nothing escaped the run folder.
    let names: Vec<&str> = doc["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"evil.koreksi.xlsx"), "{names:?}");
    let kept = server.temporary_files();
    assert!(
        kept.iter()
            .all(|f| f.starts_with("kinerja-serve-") && f.contains("/output/")),
        "{kept:?}"
    );
    assert!(!dir.path().join("evil.xlsx").exists());
    assert_eq!(std::fs::read_dir(&server.cwd).unwrap().count(), 0);
    // The oversized file was not stored beyond the limit while it was uploaded:
    // checked by the message above; the page never sees a server path.
    let text = String::from_utf8_lossy(&reply.body);
    assert!(!text.contains(server.tmp.to_str().unwrap()), "{text}");
    assert!(!text.contains("/tmp"), "{text}");
}

/// Guards the bounds on a whole upload: too large or too many files is refused
/// with 413 and a JSON error, and the server goes on.
#[test]
fn uploads_over_the_bounds_are_refused_with_413() {
    let dir = Dir::new();
    let server = Server::start(&dir, "127.0.0.1:0", &[]);
    let (content_type, _) = multipart(&[]);
    let mut stream = TcpStream::connect(server.base.strip_prefix("http://").unwrap()).unwrap();
    write!(
        stream,
        "POST /api/run HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: {content_type}\r\nContent-Length: 2147483648\r\n\r\n"
    )
    .unwrap();
    let refused = read_reply(stream);
    assert_eq!(refused.status, 413);
    assert_eq!(
        refused.json(),
        serde_json::json!({"error": "unggahan lebih besar dari 1024 MB"})
    );
    let many: Vec<(String, Vec<u8>)> = (0..51)
        .map(|i| (format!("b{i}.xlsx"), Vec::new()))
        .collect();
    let refused = server.run(&borrowed(&many), "?lang=en");
    assert_eq!(refused.status, 413);
    assert_eq!(
        refused.json(),
        serde_json::json!({"error": "at most 50 files per run"})
    );
    let none = server.run(&[], "");
    assert_eq!(none.status, 400);
    assert_eq!(
        none.json(),
        serde_json::json!({"error": "tidak ada buku kerja dalam unggahan"})
    );
    assert_eq!(server.get("/").status, 200);
    // Refused uploads leave no folder behind.
    assert_eq!(server.temporary_files(), Vec::<String>::new());
}

/// Guards isolation: two uploads at once each get their own files and outputs.
#[test]
fn two_runs_at_once_see_only_their_own_files() {
    let dir = Dir::new();
    let server = Server::start(&dir, "127.0.0.1:0", &[]);
    let sample = sample_files();
    let pick = |name: &str| {
        sample
            .iter()
            .find(|(n, _)| n == name)
            .map(|(n, b)| (n.as_str(), b.clone()))
            .unwrap()
    };
    let a = vec![pick("Realisasi Anggaran 2023.xlsx")];
    let b = vec![pick("Profil Dinas 2023.xlsx"), pick("RKT 2023.xlsx")];
    let (ra, rb) = std::thread::scope(|s| {
        let ta = s.spawn(|| server.run(&a, ""));
        let tb = s.spawn(|| server.run(&b, ""));
        (ta.join().unwrap(), tb.join().unwrap())
    });
    let (da, db) = (ra.json(), rb.json());
    let files = |d: &Value| -> Vec<String> {
        d["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["file"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(files(&da), ["Realisasi Anggaran 2023.xlsx"]);
    assert_eq!(files(&db), ["Profil Dinas 2023.xlsx", "RKT 2023.xlsx"]);
    assert!(da["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["file"] == "Realisasi Anggaran 2023.xlsx"));
    let url = |d: &Value, name: &str| -> String {
        d["outputs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == name)
            .unwrap()["url"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let ta = server.get(&url(&da, "temuan.json")).json();
    let tb = server.get(&url(&db, "temuan.json")).json();
    assert_eq!(ta["findings"], da["findings"]);
    assert_eq!(tb["findings"], db["findings"]);
    // One run's url does not reach the other's files.
    let other = url(&da, "temuan.json").replace("temuan.json", "RKT%202023.koreksi.xlsx");
    assert_eq!(server.get(&other).status, 404);
    assert_ne!(url(&da, "temuan.json"), url(&db, "temuan.json"));
}

/// Guards the access token: listening on every address, a request without it is
/// refused with 401; the printed address sets a cookie that lets the page in.
#[test]
fn beyond_loopback_every_request_needs_the_token() {
    let dir = Dir::new();
    let server = Server::start(&dir, "0.0.0.0:0", &[]);
    let token = server
        .token
        .clone()
        .expect("a token in the printed address");
    assert_eq!(token.len(), 32);
    for path in ["/", "/api/run", "/runs/x/temuan.json"] {
        let r = server.get(path);
        assert_eq!(r.status, 401, "{path}");
        assert!(r.json()["error"]
            .as_str()
            .unwrap()
            .starts_with("akses ditolak"));
    }
    let posted = server.run(&[("a.xlsx", profil())], "");
    assert_eq!(posted.status, 401);
    assert_eq!(server.get("/?token=wrong").status, 401);
    let opened = server.get(&format!("/?token={token}"));
    assert_eq!(opened.status, 303);
    assert_eq!(opened.header("Location"), Some("/"));
    let cookie = opened.header("Set-Cookie").unwrap();
    assert_eq!(
        cookie,
        format!("kinerja_token={token}; Path=/; HttpOnly; SameSite=Strict")
    );
    let page = http(
        "GET",
        &format!("{}/", server.base),
        &[("Cookie", &format!("kinerja_token={token}"))],
        &[],
    );
    assert_eq!(page.status, 200);
    assert!(String::from_utf8_lossy(&page.body).contains("<title>kinerja"));
    let (content_type, body) = multipart(&[("Profil.xlsx", profil())]);
    let run = http(
        "POST",
        &format!("{}/api/run", server.base),
        &[
            ("Content-Type", &content_type),
            ("Cookie", &format!("other=1; kinerja_token={token}")),
        ],
        &body,
    );
    assert_eq!(run.status, 200);
}

/// Guards expiry and shutdown: a run's folder is deleted when its outputs expire,
/// and Ctrl+C stops the server cleanly, deleting its temporary folder.
#[test]
fn outputs_expire_and_ctrl_c_removes_every_run_folder() {
    let dir = Dir::new();
    let server = Server::start(&dir, "127.0.0.1:0", &["--keep", "2s"]);
    let first = server.run(&[("Profil.xlsx", profil())], "").json();
    assert_eq!(first["expires_in_seconds"], 2);
    let url = first["outputs"][0]["url"].as_str().unwrap().to_string();
    assert_eq!(server.get(&url).status, 200);
    std::thread::sleep(std::time::Duration::from_millis(3500));
    assert_eq!(server.get(&url).status, 404);
    let kept = server.temporary_files();
    assert!(kept.is_empty(), "{kept:?}");
    let second = server.run(&[("Profil.xlsx", profil())], "").json();
    assert_eq!(
        server
            .get(second["outputs"][0]["url"].as_str().unwrap())
            .status,
        200
    );
    // The corrected workbook, temuan.json, the PDF and its Word document.
    assert_eq!(server.temporary_files().len(), 4);
    let tmp = server.tmp.clone();
    assert_eq!(server.interrupt(), 0);
    assert_eq!(std::fs::read_dir(tmp).unwrap().count(), 0);
}

/// Guards a server ended without Ctrl+C (killed; on Windows, its window closed):
/// the next server removes the temporary folder it left, uploads and all, and
/// leaves a living server's alone.
#[test]
fn a_killed_servers_temporary_folder_goes_with_the_next_start() {
    let dir = Dir::new();
    let living = Dir::new();
    let killed = Server::start(&dir, "127.0.0.1:0", &[]);
    assert_eq!(killed.run(&[("Profil.xlsx", profil())], "").status, 200);
    let tmp = killed.tmp.clone();
    let left: Vec<String> = killed.temporary_files();
    assert!(left.len() >= 4, "{left:?}");
    // Another server's folder beside it, in use.
    let other = Server::start(&living, "127.0.0.1:0", &[]);
    let other_root = std::fs::read_dir(&other.tmp)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let beside = tmp.join(other_root.file_name().unwrap());
    std::fs::rename(&other_root, &beside).unwrap();
    drop(killed); // SIGKILL: no cleanup
    let roots = |tmp: &Path| -> Vec<String> {
        let mut n: Vec<String> = std::fs::read_dir(tmp)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    };
    assert_eq!(roots(&tmp).len(), 2);
    let next = Server::start(&dir, "127.0.0.1:0", &[]);
    let now = roots(&tmp);
    assert_eq!(now.len(), 2, "{now:?}");
    assert!(now.contains(&beside.file_name().unwrap().to_string_lossy().into_owned()));
    assert_eq!(next.temporary_files(), Vec::<String>::new());
    std::fs::rename(&beside, &other_root).unwrap();
    assert_eq!(other.interrupt(), 0);
}

/// Guards the startup message: a port already taken is said plainly, exit 2.
#[test]
fn a_port_in_use_is_a_clear_message_and_exit_2() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let dir = Dir::new();
    let out = dir.run(&["serve", "--listen", &addr]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("galat: tidak dapat mendengarkan di {addr}: ")),
        "{stderr}"
    );
    assert!(
        stderr.contains("saran: pilih porta lain dengan --listen"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

/// Guards the progress the page shows: while a run with a progress id works, `GET
/// /api/progress/ID` says how far it has come (each workbook read, the model, the
/// rules); once it is done, the id is forgotten.
#[test]
fn a_run_tells_its_progress_while_it_works() {
    let dir = Dir::new();
    let server = Server::start(&dir, "127.0.0.1:0", &[]);
    let files = sample_files();
    let workbooks: Vec<String> = files
        .iter()
        .map(|(n, _)| n.clone())
        .filter(|n| !n.ends_with(".md"))
        .collect();
    assert_eq!(workbooks.len(), 7);
    let id = "0123456789abcdef0123456789abcdef";
    let mut seen: Vec<(u64, u64, String)> = Vec::new();
    let done = std::sync::atomic::AtomicBool::new(false);
    let reply = std::thread::scope(|s| {
        let run = s.spawn(|| {
            let r = server.run(&borrowed(&files), &format!("?progress={id}"));
            done.store(true, std::sync::atomic::Ordering::SeqCst);
            r
        });
        while !done.load(std::sync::atomic::Ordering::SeqCst) {
            let p = server.get(&format!("/api/progress/{id}"));
            if p.status == 200 {
                let v = p.json();
                let step = (
                    v["done"].as_u64().unwrap(),
                    v["total"].as_u64().unwrap(),
                    v["step"].as_str().unwrap().to_string(),
                );
                if seen.last() != Some(&step) {
                    seen.push(step);
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        run.join().unwrap()
    });
    assert_eq!(reply.status, 200);
    let last = seen.last().expect("progress was seen").clone();
    assert_eq!(
        last,
        (
            9,
            9,
            "memeriksa aturan, mengoreksi, menyusun laporan".to_string()
        ),
        "{seen:?}"
    );
    for (n, total, step) in &seen {
        assert!(*n <= 9, "{seen:?}");
        let known = step.is_empty() && *total == 0
            || *total == 9
                && (workbooks.contains(step)
                    || step == "menyusun data"
                    || step == "memeriksa aturan, mengoreksi, menyusun laporan");
        assert!(known, "{seen:?}");
    }
    assert!(
        seen.windows(2).all(|w| w[0].0 <= w[1].0),
        "only forward: {seen:?}"
    );
    let gone = server.get(&format!("/api/progress/{id}"));
    assert_eq!(gone.status, 404);
    assert!(gone.json()["error"].is_string());
}

/// Guards issue 21's second find: one upload name (`éé.xlsx`) panicked a
/// server worker, and nine such uploads left the server answering nothing. Every
/// unusual name gets a safe stored name and an answer, and a normal run after
/// them is answered as usual.
#[test]
fn any_upload_name_gets_a_safe_name_and_an_answer() {
    let dir = Dir::new();
    let server = Server::start(&dir, "127.0.0.1:0", &[]);
    let long = format!("{}.xlsx", "a".repeat(300));
    let long_stored = format!("{}.xlsx", "a".repeat(115));
    let cases: [(&str, &str); 14] = [
        ("éé.xlsx", "éé.xlsx"),
        ("İİ.xlsx", "İİ.xlsx"),
        ("–—.xlsx", "–—.xlsx"),
        ("Laporan\u{202E}xslx.exe", "Laporanxslx.exe"),
        ("\u{200F}IDM\u{200E}.xlsx", "IDM.xlsx"),
        ("📊 IDM 2023.xlsx", "📊 IDM 2023.xlsx"),
        ("CON", "_CON"),
        ("NUL.xlsx", "_NUL.xlsx"),
        ("COM1.xlsx", "_COM1.xlsx"),
        ("lpt9.data.xlsx", "_lpt9.data.xlsx"),
        (&long, &long_stored),
        ("", "berkas"),
        ("...", "berkas"),
        (". .", "berkas"),
    ];
    // Each name on its own (the first nine times over, as the uploads),
    // then all at once.
    for (i, (name, stored)) in cases.into_iter().enumerate() {
        for _ in 0..if i == 0 { 9 } else { 1 } {
            let reply = server.run(&[(name, profil())], "");
            assert_eq!(
                reply.status,
                200,
                "{name:?}: {}",
                String::from_utf8_lossy(&reply.body)
            );
            let doc = reply.json();
            assert_eq!(doc["inputs"][0]["file"], stored, "{name:?}");
            assert_eq!(doc["inputs"][0]["status"], "ok", "{name:?}");
        }
    }
    let all: Vec<(&str, Vec<u8>)> = cases.iter().map(|(n, _)| (*n, profil())).collect();
    let reply = server.run(&all, "");
    assert_eq!(reply.status, 200);
    let mut stored: Vec<String> = reply.json()["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["file"].as_str().unwrap().to_string())
        .collect();
    stored.sort();
    let mut expected: Vec<String> = cases[..11].iter().map(|(_, s)| s.to_string()).collect();
    expected.extend(["berkas", "berkas (2)", "berkas (3)"].map(String::from));
    expected.sort();
    assert_eq!(stored, expected);
    // A normal run still answers.
    let normal = server.run(&[("Profil Dinas 2023.xlsx", profil())], "");
    assert_eq!(normal.status, 200);
    assert_eq!(normal.json()["inputs"][0]["status"], "ok");
    assert_eq!(server.get("/").status, 200);
}

/// Sends `head` (a request line and header fields, without the blank line that
/// ends them) and reads the answer.
fn raw(server: &Server, head: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(server.base.strip_prefix("http://").unwrap()).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    // A server that refuses early may close before all of it is sent.
    let _ = stream.write_all(head);
    let _ = stream.write_all(b"\r\n\r\n");
    read_reply(stream)
}

/// Guards the bound on a request's head: a 1 MB header field is refused with
/// 431 once 16 KiB have come, without the server keeping the rest, and the page
/// still answers.
#[test]
fn a_header_of_a_megabyte_is_refused_with_431() {
    let dir = Dir::new();
    let server = Server::start(&dir, "127.0.0.1:0", &[]);
    let mut head = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Besar: ".to_vec();
    head.extend(std::iter::repeat_n(b'a', 1 << 20));
    let refused = raw(&server, &head);
    assert_eq!(refused.status, 431);
    assert_eq!(
        refused.json(),
        serde_json::json!({"error": "kepala permintaan HTTP terlalu besar"})
    );
    // A request line of a megabyte too.
    let mut line = b"GET /".to_vec();
    line.extend(std::iter::repeat_n(b'a', 1 << 20));
    line.extend(b" HTTP/1.1\r\nHost: 127.0.0.1");
    assert_eq!(raw(&server, &line).status, 431);
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert!(String::from_utf8_lossy(&page.body).contains("<title>kinerja"));
}

/// Guards the server against connections that open and stall: 200 of them at
/// once (100 silent, 50 halfway through a head, 50 halfway through an upload's
/// body, which used to hold every worker of the old server for good) while the
/// page and a run are still answered at once.
#[test]
fn two_hundred_idle_connections_leave_the_page_answering() {
    let dir = Dir::new();
    let server = Server::start(&dir, "127.0.0.1:0", &[]);
    let addr = server.base.strip_prefix("http://").unwrap().to_string();
    let idle: Vec<TcpStream> = (0..200)
        .map(|i| {
            let mut s = TcpStream::connect(&addr).unwrap();
            match i % 4 {
                0 | 1 => {}
                2 => s.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n").unwrap(),
                _ => s
                    .write_all(
                        b"POST /api/run HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=XX\r\nContent-Length: 1000000\r\n\r\n--XX\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.xlsx\"\r\n\r\nPK",
                    )
                    .unwrap(),
            }
            s
        })
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(500));
    let started = std::time::Instant::now();
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    drop(idle);
    // The stalled uploads gave their runs back when their connections closed.
    std::thread::sleep(std::time::Duration::from_millis(500));
    let run = server.run(&[("Profil.xlsx", profil())], "");
    assert_eq!(run.status, 200, "{}", String::from_utf8_lossy(&run.body));
}

/// Guards the loopback server against other sites: a page of another site the
/// user has open (its `Origin`, or `Sec-Fetch-Site: cross-site`) and a site
/// whose name was pointed at 127.0.0.1 (its `Host`) are refused with 403; the
/// page's own requests pass.
#[test]
fn another_site_cannot_drive_the_loopback_server() {
    let dir = Dir::new();
    let server = Server::start(&dir, "127.0.0.1:0", &[]);
    let host = server.base.strip_prefix("http://").unwrap().to_string();
    let (content_type, body) = multipart(&[("Profil.xlsx", profil())]);
    let post = |headers: &[(&str, &str)]| {
        let mut all = vec![("Content-Type", content_type.as_str())];
        all.extend_from_slice(headers);
        http("POST", &format!("{}/api/run", server.base), &all, &body)
    };
    let other = post(&[("Origin", "http://jahat.example")]);
    assert_eq!(other.status, 403);
    assert_eq!(
        other.json(),
        serde_json::json!({"error": "akses ditolak: permintaan dari situs lain; buka alamat yang ditampilkan saat kinerja serve dimulai"})
    );
    assert_eq!(post(&[("Sec-Fetch-Site", "cross-site")]).status, 403);
    // DNS rebinding: the browser sends the attacker's name as the Host.
    let mut stream = TcpStream::connect(&host).unwrap();
    write!(
        stream,
        "GET / HTTP/1.1\r\nHost: jahat.example:8080\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    assert_eq!(read_reply(stream).status, 403);
    // Nothing was run for them.
    assert_eq!(server.temporary_files(), Vec::<String>::new());
    let own = format!("http://{host}");
    let ours = post(&[("Origin", &own), ("Sec-Fetch-Site", "same-origin")]);
    assert_eq!(ours.status, 200, "{}", String::from_utf8_lossy(&ours.body));
    for name in ["localhost", "[::1]", "127.0.0.1", "pc-perencanaan"] {
        let mut stream = TcpStream::connect(&host).unwrap();
        write!(
            stream,
            "GET / HTTP/1.1\r\nHost: {name}:8080\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        assert_eq!(read_reply(stream).status, 200, "{name}");
    }
}
