//! `kinerja serve`: the whole job in a web page, from the same binary, offline.
//! One page (embedded), one API: `POST /api/run` takes the year's workbooks as
//! `multipart/form-data` parts named `files` and answers the `check` JSON contract
//! with the run's outputs, each downloadable from its `url`. Every run works in its
//! own temporary folder, removed when its outputs expire and on shutdown.

mod decisions;
pub mod http;
mod job;
pub mod multipart;
mod upload;

use crate::config::Config;
use crate::error::Error;
use crate::finding::Lang;
use http::{Method, Request, Response};
use serde_json::json;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PAGE: &str = include_str!("page.html");

/// Most bytes one upload may send in all; each file is bounded by
/// `[limits] max_file_mb` on its own.
const MAX_UPLOAD_BYTES: u64 = 1 << 30;
/// Runs worked on at once; more wait for a free one by being refused (503).
const MAX_RUNS_AT_ONCE: usize = 4;
const COOKIE: &str = "kinerja_token";

/// How the server was asked to run.
pub struct Options {
    pub listen: String,
    /// How long a run's outputs stay downloadable.
    pub keep: Duration,
    /// Given the page's address on this machine once the server listens (the
    /// front end opens it in a browser).
    pub open: Option<fn(&str)>,
}

/// A run whose outputs can be downloaded until it expires.
struct Run {
    dir: PathBuf,
    outputs: Vec<String>,
    created: Instant,
}

struct State {
    cfg: Config,
    /// Required in every request when listening beyond loopback.
    token: Option<String>,
    /// The server's own temporary folder, holding one folder per run.
    root: PathBuf,
    runs: Mutex<HashMap<String, Run>>,
    running: AtomicUsize,
    keep: Duration,
    /// How far each run under way has come, by the progress id its page chose.
    progress: Mutex<HashMap<String, Progress>>,
}

/// How far a run has come: `done` of `total` steps (each file read, the model,
/// the rules), and the step under way.
#[derive(Clone, Default)]
struct Progress {
    step: String,
    done: usize,
    total: usize,
}

/// Serves until Ctrl+C (or SIGTERM), then removes every run's folder.
pub fn serve(cfg: Config, opts: Options) -> Result<i32, Error> {
    let fail = |message: String| Error::Listen {
        addr: opts.listen.clone(),
        message,
    };
    let addr: SocketAddr = std::net::ToSocketAddrs::to_socket_addrs(&opts.listen.as_str())
        .map_err(|e| fail(e.to_string()))?
        .next()
        .ok_or_else(|| fail("no address".into()))?;
    let listener = std::net::TcpListener::bind(addr).map_err(|e| fail(e.to_string()))?;
    let bound = listener.local_addr().map_err(|e| fail(e.to_string()))?;
    let token = (!addr.ip().is_loopback()).then(random_hex);
    // What a server closed without Ctrl+C left (on Windows, its window closed
    // with X ends the process at once): gone once no process holds it.
    crate::output::remove_abandoned(&std::env::temp_dir(), ROOT_PREFIX);
    let root = std::env::temp_dir().join(format!("{ROOT_PREFIX}{}", random_hex()));
    let alive = std::fs::create_dir_all(&root)
        .and_then(|()| crate::output::hold_alive(&root))
        .map_err(|e| {
            let _ = std::fs::remove_dir_all(&root);
            Error::Output {
                path: root.clone(),
                message: crate::finding::Message::new(
                    format!("folder sementara tidak dapat dibuat ({e})"),
                    format!("the temporary folder cannot be created ({e})"),
                ),
            }
        })?;
    let state = Arc::new(State {
        cfg,
        token,
        root,
        runs: Mutex::new(HashMap::new()),
        running: AtomicUsize::new(0),
        keep: opts.keep,
        progress: Mutex::new(HashMap::new()),
    });
    let (stop, stopped) = std::sync::mpsc::channel::<()>();
    // Kept so the loop below waits even where no handler can be set (then the
    // process is stopped by its signal's default action).
    let _stop = stop.clone();
    let _ = ctrlc::set_handler(move || {
        let _ = stop.send(());
    });
    let host = match bound.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => "ALAMAT-KOMPUTER-INI".to_string(),
        IpAddr::V6(ip) if ip.is_unspecified() => "ALAMAT-KOMPUTER-INI".to_string(),
        IpAddr::V6(ip) => format!("[{ip}]"),
        ip => ip.to_string(),
    };
    let query = state
        .token
        .as_ref()
        .map(|t| format!("?token={t}"))
        .unwrap_or_default();
    // Said once; a closed stdout (a service manager, a test) must not stop the server.
    let _ = writeln!(
        std::io::stdout(),
        "kinerja melayani di http://{host}:{}/{query}\nbuka alamat itu di peramban; tekan Ctrl+C untuk berhenti",
        bound.port()
    );
    let handler = http::Handler {
        answer: Box::new({
            let state = state.clone();
            move |request| answer(&state, request)
        }),
        refusal: Box::new(refusal),
    };
    let server = http::Server::start(listener, handler).map_err(|e| fail(e.to_string()))?;
    // Listening, with every worker ready.
    if let Some(open) = opts.open {
        let host = match bound.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => "127.0.0.1".to_string(),
            IpAddr::V6(ip) if ip.is_unspecified() => "[::1]".to_string(),
            _ => host,
        };
        open(&format!("http://{host}:{}/{query}", bound.port()));
    }
    let sweep_every = (state.keep / 4).clamp(Duration::from_millis(200), Duration::from_secs(30));
    // Until Ctrl+C (or the handler is gone): expired runs are swept meanwhile.
    while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(sweep_every) {
        sweep(&state, false);
    }
    server.stop();
    sweep(&state, true);
    // Unlocked first: Windows removes no file that is open.
    drop(alive);
    let _ = std::fs::remove_dir_all(&state.root);
    let _ = writeln!(
        std::io::stderr(),
        "kinerja berhenti; folder sementara dihapus"
    );
    Ok(0)
}

/// The server's temporary folder in the system's: this, then 128 random bits.
const ROOT_PREFIX: &str = "kinerja-serve-";

/// Removes the runs that expired (or all of them).
fn sweep(state: &State, all: bool) {
    let gone: Vec<Run> = {
        let mut runs = state.runs.lock().unwrap_or_else(|p| p.into_inner());
        let ids: Vec<String> = runs
            .iter()
            .filter(|(_, r)| all || r.created.elapsed() >= state.keep)
            .map(|(id, _)| id.clone())
            .collect();
        ids.iter().filter_map(|id| runs.remove(id)).collect()
    };
    for run in gone {
        let _ = std::fs::remove_dir_all(&run.dir);
    }
}

/// 128 random bits in hex.
fn random_hex() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the system's random source");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

type Reply = Response;

fn reply(status: u16, content_type: &str, body: Vec<u8>) -> Reply {
    Response::new(status, content_type, body)
}

fn error(status: u16, message: &str) -> Reply {
    let body = serde_json::to_vec(&json!({ "error": message })).expect("JSON of a string");
    reply(status, "application/json; charset=utf-8", body)
}

/// The HTTP layer's own refusals, before any route is reached.
fn refusal(status: u16) -> Reply {
    let message = match status {
        400 => "permintaan HTTP rusak",
        413 | 431 => "kepala permintaan HTTP terlalu besar",
        501 => "pengodean badan permintaan tidak didukung",
        503 => "server sedang melayani terlalu banyak sambungan; coba lagi sebentar lagi",
        _ => "permintaan terhenti karena galat di kinerja; laporkan apa yang dikirim",
    };
    finish(error(status, message))
}

/// The header fields every answer carries.
fn finish(mut response: Reply) -> Reply {
    response.add_header("Cache-Control", "no-store");
    response.add_header("X-Content-Type-Options", "nosniff");
    response
}

fn answer(state: &State, request: &mut Request) -> Reply {
    let url = request.url.clone();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let from_query = query_value(query, "token");
    finish(match &state.token {
        _ if !same_site(request, state.token.is_none()) => error(
            403,
            "akses ditolak: permintaan dari situs lain; buka alamat yang ditampilkan saat kinerja serve dimulai",
        ),
        Some(token) if !authorised(request, token, from_query.as_deref()) => {
            error(401, "akses ditolak: buka alamat lengkap (dengan ?token=…) yang ditampilkan saat kinerja serve dimulai")
        }
        // The token in the address is moved into a cookie and out of the address
        // bar (and so out of bookmarks and screenshots).
        Some(token) if from_query.is_some() && request.method == Method::Get => {
            let mut r = reply(303, "text/plain; charset=utf-8", Vec::new());
            r.add_header("Location", path);
            r.add_header(
                "Set-Cookie",
                &format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"),
            );
            r
        }
        _ => route(state, request, path, query),
    })
}

/// Whether a request may come from the page this server serves, and not from a
/// page of another site the user has open: a browser names the page's origin
/// on every request that changes something (`Origin`) and, lately, how it
/// relates to the server (`Sec-Fetch-Site`). On loopback, where no token
/// guards the server, the `Host` must also name this machine, so a site whose
/// name is made to point at 127.0.0.1 (DNS rebinding) is refused too: an IP
/// address of loopback, `localhost`, or a name of the local network without
/// dots, which no outside site can own.
fn same_site(request: &Request, loopback: bool) -> bool {
    let host = request.header("Host").unwrap_or_default();
    if request
        .header("Sec-Fetch-Site")
        .is_some_and(|s| s.eq_ignore_ascii_case("cross-site"))
    {
        return false;
    }
    if let Some(origin) = request.header("Origin") {
        let origin = origin.trim_end_matches('/');
        if !origin
            .strip_prefix("http://")
            .is_some_and(|o| o.eq_ignore_ascii_case(host))
        {
            return false;
        }
    }
    !loopback || local_host(host)
}

/// Whether a `Host` value names this machine or the local network (see [`same_site`]).
fn local_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    match name.parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            !name.is_empty()
                && (name == "localhost" || name.ends_with(".localhost") || !name.contains('.'))
        }
    }
}

fn authorised(request: &Request, token: &str, from_query: Option<&str>) -> bool {
    let same = |given: &str| {
        // Compared in full whatever differs first, so timing tells nothing.
        given.len() == token.len()
            && given
                .bytes()
                .zip(token.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    };
    if from_query.is_some_and(same) {
        return true;
    }
    request.header("Cookie").is_some_and(|cookies| {
        cookies
            .split(';')
            .filter_map(|c| c.trim().split_once('='))
            .any(|(k, v)| k == COOKIE && same(v))
    })
}

fn query_value(query: &str, key: &str) -> Option<String> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| percent_decode(v))
}

fn route(state: &State, request: &mut Request, path: &str, query: &str) -> Reply {
    let lang = match query_value(query, "lang").as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Id,
    };
    let segments: Vec<String> = path
        .trim_start_matches('/')
        .split('/')
        .map(percent_decode)
        .collect();
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    match (request.method, segments.as_slice()) {
        (Method::Get, [""]) => reply(200, "text/html; charset=utf-8", PAGE.as_bytes().to_vec()),
        (Method::Post, ["api", "run"]) => {
            start_run(state, request, lang, query_value(query, "progress"))
        }
        (Method::Get, ["api", "progress", id]) => progress(state, id),
        (Method::Post, ["runs", id, "accept"]) => accept(state, request, id, lang),
        (Method::Get, ["runs", id, "semua.zip"]) => download_all(state, id),
        (Method::Get, ["runs", id, name]) => download(state, id, name),
        (Method::Get | Method::Head, _) => error(404, "tidak ditemukan"),
        _ => error(405, "metode tidak didukung"),
    }
}

/// Counts a run as started for as long as it lives.
struct Running<'a>(&'a AtomicUsize);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A progress id as a page chooses it: 16 to 64 hex digits.
fn progress_id(id: Option<String>) -> Option<String> {
    id.filter(|id| (16..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// How far the run with progress id `id` has come, while it runs.
fn progress(state: &State, id: &str) -> Reply {
    let p = state
        .progress
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(id)
        .cloned();
    match p {
        Some(p) => reply(
            200,
            "application/json; charset=utf-8",
            serde_json::to_vec(&json!({"step": p.step, "done": p.done, "total": p.total}))
                .expect("JSON of plain data"),
        ),
        None => error(404, "tidak ada pemeriksaan berjalan dengan kode ini"),
    }
}

/// Forgets a run's progress when it ends, however it ends.
struct Tracked<'a>(&'a State, Option<String>);

impl Drop for Tracked<'_> {
    fn drop(&mut self) {
        if let Some(id) = &self.1 {
            self.0
                .progress
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .remove(id);
        }
    }
}

fn start_run(
    state: &State,
    request: &mut Request,
    lang: Lang,
    progress_id: Option<String>,
) -> Reply {
    let say = |id: &str, en: &str| say(lang, id, en);
    if request.body_length().is_some_and(|n| n > MAX_UPLOAD_BYTES) {
        return error(413, &too_large(lang));
    }
    let Some(boundary) = request.header("Content-Type").and_then(multipart::boundary) else {
        return error(
            400,
            &say(
                "kirim buku kerja sebagai multipart/form-data, satu bagian `files` per berkas",
                "send the workbooks as multipart/form-data, one part `files` per file",
            ),
        );
    };
    if state.running.fetch_add(1, Ordering::SeqCst) >= MAX_RUNS_AT_ONCE {
        state.running.fetch_sub(1, Ordering::SeqCst);
        return error(
            503,
            &say(
                "server sedang memeriksa berkas lain; coba lagi sebentar lagi",
                "the server is busy with other runs; try again in a moment",
            ),
        );
    }
    let _running = Running(&state.running);
    let progress_id = self::progress_id(progress_id);
    if let Some(pid) = &progress_id {
        state
            .progress
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(pid.clone(), Progress::default());
    }
    let tracked = Tracked(state, progress_id);
    let id = random_hex();
    let dir = state.root.join(&id);
    let (input, output) = (dir.join("input"), dir.join("output"));
    if std::fs::create_dir_all(&input)
        .and_then(|_| std::fs::create_dir_all(&output))
        .is_err()
    {
        let _ = std::fs::remove_dir_all(&dir);
        return error(
            500,
            &say(
                "folder kerja sementara tidak dapat dibuat",
                "the temporary work folder cannot be created",
            ),
        );
    }
    let answer = work(
        state,
        request,
        &boundary,
        &id,
        (&input, &output),
        lang,
        tracked.1.as_deref(),
    );
    match answer {
        Ok(outputs) => {
            let (doc, names) = outputs;
            state.runs.lock().unwrap_or_else(|p| p.into_inner()).insert(
                id,
                Run {
                    dir,
                    outputs: names,
                    created: Instant::now(),
                },
            );
            reply(
                200,
                "application/json; charset=utf-8",
                serde_json::to_vec_pretty(&doc).expect("JSON of plain data"),
            )
        }
        Err(reply) => {
            let _ = std::fs::remove_dir_all(&dir);
            reply
        }
    }
}

/// The words for `lang`.
fn say(lang: Lang, id: &str, en: &str) -> String {
    match lang {
        Lang::Id => id.to_string(),
        Lang::En => en.to_string(),
    }
}

fn too_large(lang: Lang) -> String {
    let mb = MAX_UPLOAD_BYTES >> 20;
    say(
        lang,
        &format!("unggahan lebih besar dari {mb} MB"),
        &format!("the upload is larger than {mb} MB"),
    )
}

/// Receives the upload into `input` and runs the pipeline into `output`.
fn work(
    state: &State,
    request: &mut Request,
    boundary: &str,
    id: &str,
    (input, output): (&Path, &Path),
    lang: Lang,
    progress_id: Option<&str>,
) -> Result<(serde_json::Value, Vec<String>), Reply> {
    let say = |id: &str, en: &str| say(lang, id, en);
    let mut upload = upload::Upload::new(input.to_path_buf(), state.cfg.limits.max_file_bytes);
    let body = request.body().take(MAX_UPLOAD_BYTES + 1);
    let mut counted = Counted { inner: body, n: 0 };
    let read = multipart::read(&mut counted, boundary, &mut upload);
    if counted.n > MAX_UPLOAD_BYTES {
        return Err(error(413, &too_large(lang)));
    }
    match read {
        Ok(()) => {}
        Err(multipart::Broken::Stopped(why)) if why == upload::TOO_MANY => {
            return Err(error(
                413,
                &say(
                    &format!("paling banyak {} berkas per pemeriksaan", upload::MAX_FILES),
                    &format!("at most {} files per run", upload::MAX_FILES),
                ),
            ));
        }
        Err(_) => {
            return Err(error(
                400,
                &say(
                    "unggahan terputus atau rusak; coba kirim lagi",
                    "the upload was cut off or is damaged; send it again",
                ),
            ));
        }
    }
    let narrative_name = state
        .cfg
        .narrative
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let narrative = upload
        .files
        .iter()
        .find(|(name, _)| Some(name) == narrative_name.as_ref())
        .map(|(_, path)| path.clone());
    let decisions: Vec<&PathBuf> = upload
        .files
        .iter()
        .filter(|(name, _)| decisions::is_decisions_file(name))
        .map(|(_, path)| path)
        .collect();
    let decisions = match decisions[..] {
        [] => None,
        [one] => Some(one.clone()),
        _ => {
            return Err(error(
                400,
                &say(
                    "unggah satu keputusan.toml saja",
                    "upload one keputusan.toml only",
                ),
            ))
        }
    };
    let mut files: Vec<&(String, PathBuf)> = upload
        .files
        .iter()
        .filter(|(name, _)| {
            Some(name) != narrative_name.as_ref() && !decisions::is_decisions_file(name)
        })
        .collect();
    if files.is_empty() {
        return Err(error(
            400,
            &say(
                "tidak ada buku kerja dalam unggahan",
                "the upload holds no workbook",
            ),
        ));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let paths: Vec<PathBuf> = files.iter().map(|(_, p)| p.clone()).collect();
    // Each file read, then the model, then the rules (and after them the writing).
    let total = paths.len() + 2;
    let mut done = 0;
    let mut step = |what: &str| {
        let Some(pid) = progress_id else { return };
        done += 1;
        let step = match what {
            "model" => say("menyusun data", "building the model"),
            "check" => say(
                "memeriksa aturan, mengoreksi, menyusun laporan",
                "checking the rules, correcting, rendering the report",
            ),
            file => file.to_string(),
        };
        state
            .progress
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(pid.to_string(), Progress { step, done, total });
    };
    // A bug must cost this run, not a worker of the server; its trace stays on
    // the server's stderr.
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        job::run(
            &paths,
            narrative.as_deref(),
            decisions.as_deref(),
            &state.cfg,
            output,
            lang,
            &mut step,
        )
    }))
    .unwrap_or_else(|_| {
        Err(Error::Output {
            path: PathBuf::new(),
            message: crate::finding::Message::new(
                "pemeriksaan terhenti karena galat di kinerja; laporkan berkas yang diunggah",
                "the run stopped on a bug in kinerja; please report the uploaded files",
            ),
        })
    })
    .map_err(|e| match e {
        // The office's own file: its line, without the server's folders.
        Error::Decisions { .. } => error(400, &without_paths(&e, lang)),
        _ => error(500, &without_paths(&e, lang)),
    })?;
    // Only the outputs are kept until the run expires.
    let _ = std::fs::remove_dir_all(input);
    let mut doc = outcome.doc;
    doc["outputs"] = outcome
        .outputs
        .iter()
        .map(|name| json!({"name": name, "url": format!("/runs/{id}/{}", percent_encode(name))}))
        .collect();
    doc["download_all"] = json!(format!("/runs/{id}/semua.zip"));
    doc["expires_in_seconds"] = json!(state.keep.as_secs());
    Ok((doc, outcome.outputs))
}

/// An error's message without the server's folders: only the file's own name.
fn without_paths(e: &Error, lang: Lang) -> String {
    match e {
        Error::Output { path, message } => match path.file_name() {
            Some(name) => format!("{}: {}", name.to_string_lossy(), message.get(lang)),
            None => message.get(lang).to_string(),
        },
        Error::Decisions {
            path,
            line,
            message,
        } => Error::Decisions {
            path: path.file_name().map(PathBuf::from).unwrap_or_default(),
            line: *line,
            message: message.clone(),
        }
        .describe(lang),
        _ => match lang {
            Lang::Id => "pemeriksaan tidak dapat diselesaikan".into(),
            Lang::En => "the run could not be completed".into(),
        },
    }
}

struct Counted<R> {
    inner: R,
    n: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.n += n as u64;
        Ok(n)
    }
}

/// Most bytes a decision's request may send.
const MAX_DECISION_BYTES: u64 = 64 << 10;

/// `POST /runs/ID/accept`: the run's decisions with the findings the request
/// names accepted, as the text of the `keputusan.toml` the page uploads with the
/// workbooks to check them again. The run's own files are left as they are.
fn accept(state: &State, request: &mut Request, id: &str, lang: Lang) -> Reply {
    let dir = {
        let runs = state.runs.lock().unwrap_or_else(|p| p.into_inner());
        match runs.get(id) {
            Some(run) => run.dir.join("output"),
            None => return expired(),
        }
    };
    let mut body = Vec::new();
    let read = request
        .body()
        .take(MAX_DECISION_BYTES + 1)
        .read_to_end(&mut body);
    if read.is_err() || body.len() as u64 > MAX_DECISION_BYTES {
        return error(
            400,
            &say(
                lang,
                "permintaan keputusan rusak atau terlalu besar",
                "the decision's request is damaged or too large",
            ),
        );
    }
    match decisions::accepted(&dir, &body, lang) {
        Ok(text) => {
            let mut r = reply(200, content_type("x.toml"), text.into_bytes());
            r.add_header("Content-Disposition", &attachment(crate::decide::FILE_NAME));
            r
        }
        Err(message) => error(400, &message),
    }
}

fn run_output(state: &State, id: &str, name: &str) -> Option<PathBuf> {
    let runs = state.runs.lock().unwrap_or_else(|p| p.into_inner());
    let run = runs.get(id)?;
    // Only a name the run wrote is served; the URL never becomes a path.
    run.outputs
        .iter()
        .find(|n| *n == name)
        .map(|n| run.dir.join("output").join(n))
}

fn content_type(name: &str) -> &'static str {
    match name
        .rsplit('.')
        .next()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("json") => "application/json; charset=utf-8",
        Some("pdf") => "application/pdf",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some("zip") => "application/zip",
        Some("toml") => "application/toml; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// A `Content-Disposition` value naming `name` (as ASCII, and exactly in UTF-8).
fn attachment(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        percent_encode(name)
    )
}

fn expired() -> Reply {
    error(
        404,
        "berkas ini sudah kedaluwarsa atau tidak ada; unggah buku kerja lagi",
    )
}

fn download(state: &State, id: &str, name: &str) -> Reply {
    let Some(path) = run_output(state, id, name) else {
        return expired();
    };
    let Ok(file) = std::fs::File::open(&path) else {
        return expired();
    };
    let len = file.metadata().map(|m| m.len()).ok();
    let mut r = Response::stream(200, content_type(name), Box::new(file), len);
    r.add_header("Content-Disposition", &attachment(name));
    r.add_header("X-Frame-Options", "DENY");
    r
}

/// Every output of a run in one zip.
fn download_all(state: &State, id: &str) -> Reply {
    let files: Vec<(String, PathBuf)> = {
        let runs = state.runs.lock().unwrap_or_else(|p| p.into_inner());
        let Some(run) = runs.get(id) else {
            return expired();
        };
        run.outputs
            .iter()
            .map(|n| (n.clone(), run.dir.join("output").join(n)))
            .collect()
    };
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, path) in &files {
        let Ok(mut file) = std::fs::File::open(path) else {
            return expired();
        };
        if zip.start_file(name.as_str(), opts).is_err()
            || std::io::copy(&mut file, &mut zip).is_err()
        {
            return error(500, "arsip zip tidak dapat disusun");
        }
    }
    let Ok(bytes) = zip.finish() else {
        return error(500, "arsip zip tidak dapat disusun");
    };
    let mut r = reply(200, content_type("x.zip"), bytes.into_inner());
    r.add_header("Content-Disposition", &attachment("kinerja-keluaran.zip"));
    r
}

fn percent_decode(s: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16);
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) => hex(h).zip(hex(l)).map(|(h, l)| (h * 16 + l) as u8),
            _ => None,
        };
        match escaped {
            Some(b) => {
                out.push(b);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_survive_the_url() {
        for name in ["RKT 2023.koreksi.xlsx", "Data+IDM (2)%.xlsx", "é.pdf"] {
            assert_eq!(percent_decode(&percent_encode(name)), name);
        }
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%zz"), "%zz");
    }
}
