//! The HTTP/1.1 the page needs, over `std::net`, with a bound on everything a
//! client controls: the head's size and the time it takes to arrive, how long a
//! body or a reader may stall, how many connections are open at once. Each
//! connection has its own thread (at most [`MAX_CONNECTIONS`]), so no request can
//! hold up another's; when every place is taken, the connection that has waited
//! longest for its head gives its place up. A panic while answering is answered
//! with 500 and costs nothing else. The head is parsed by `httparse` (the parser
//! under hyper, fuzzed upstream); every response closes its connection.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// Most bytes of a request line and its headers together.
pub const MAX_HEAD: usize = 16 * 1024;
/// Most header fields in one request.
const MAX_FIELDS: usize = 64;
/// The whole head must arrive within this after the connection opens.
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest a body may pause, or a client take to read what is sent to it.
const IDLE_TIMEOUT: Duration = Duration::from_secs(30);
/// Connections open at once (each with its own thread).
pub const MAX_CONNECTIONS: usize = 256;
/// After a response, the rest of a request's body is read and dropped for at most
/// this long (and this many bytes), so the client sees the response rather than
/// a reset.
const LINGER: Duration = Duration::from_secs(2);
const LINGER_BYTES: u64 = 16 << 20;
/// A chunk-size line of a chunked body longer than this is malformed.
const MAX_CHUNK_LINE: usize = 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
    Post,
    Other,
}

/// One request: its head, and its body to read.
pub struct Request {
    pub method: Method,
    /// The request target as sent (path and query).
    pub url: String,
    headers: Vec<(String, String)>,
    body: Box<dyn Read + Send>,
    body_length: Option<u64>,
}

impl Request {
    /// The value of the first header field `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body's length, when the request states it.
    pub fn body_length(&self) -> Option<u64> {
        self.body_length
    }

    /// The body (its length or chunked coding already undone).
    pub fn body(&mut self) -> &mut (dyn Read + Send) {
        &mut *self.body
    }
}

/// A response: status, header fields and a body streamed from a reader.
pub struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Box<dyn Read + Send>,
    length: Option<u64>,
}

impl Response {
    pub fn new(status: u16, content_type: &str, body: Vec<u8>) -> Response {
        let length = body.len() as u64;
        Response::stream(
            status,
            content_type,
            Box::new(std::io::Cursor::new(body)),
            Some(length),
        )
    }

    /// A body read as it is sent (a file); without a length it ends at the close.
    pub fn stream(
        status: u16,
        content_type: &str,
        body: Box<dyn Read + Send>,
        length: Option<u64>,
    ) -> Response {
        Response {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body,
            length,
        }
    }

    /// Adds a header field; a value that could end the field is left out.
    pub fn add_header(&mut self, name: &str, value: &str) {
        if !value.contains(['\r', '\n']) {
            self.headers.push((name.into(), value.into()));
        }
    }

    fn write(mut self, out: &mut impl Write, head_only: bool) -> std::io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (k, v) in &self.headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        if let Some(n) = self.length {
            head.push_str(&format!("Content-Length: {n}\r\n"));
        }
        head.push_str("Connection: close\r\n\r\n");
        out.write_all(head.as_bytes())?;
        if !head_only {
            std::io::copy(&mut self.body, out)?;
        }
        out.flush()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        303 => "See Other",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Payload Too Large",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// What answers a request; `refusal` makes the JSON error answers of the layer
/// itself (a head too large, a malformed one, a server full).
pub struct Handler {
    pub answer: Box<dyn Fn(&mut Request) -> Response + Send + Sync>,
    pub refusal: Box<dyn Fn(u16) -> Response + Send + Sync>,
}

/// The open connections, each with its place.
#[derive(Default)]
struct Connections {
    open: Mutex<HashMap<u64, Place>>,
    /// Signalled whenever a connection closes.
    closed: Condvar,
    next: AtomicU64,
}

struct Place {
    /// A handle to shut the connection down from outside its thread.
    stream: TcpStream,
    opened: Instant,
    /// Still waiting for its head (and so the first to give its place up).
    waiting: bool,
}

impl Connections {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Place>> {
        self.open.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A place for `stream`, making room by closing the connection that has
    /// waited longest for its head; `None` when every place is busy answering.
    fn admit(&self, stream: &TcpStream) -> Option<u64> {
        let mut open = self.lock();
        if open.len() >= MAX_CONNECTIONS {
            let oldest = open
                .iter()
                .filter(|(_, p)| p.waiting)
                .min_by_key(|(_, p)| p.opened)
                .map(|(id, _)| *id)?;
            // Its thread sees the shutdown and gives the place back.
            if let Some(place) = open.remove(&oldest) {
                let _ = place.stream.shutdown(Shutdown::Both);
            }
        }
        let handle = stream.try_clone().ok()?;
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        open.insert(
            id,
            Place {
                stream: handle,
                opened: Instant::now(),
                waiting: true,
            },
        );
        Some(id)
    }

    fn answering(&self, id: u64) {
        if let Some(place) = self.lock().get_mut(&id) {
            place.waiting = false;
        }
    }

    /// Closes every connection still waiting for its head, then waits for the
    /// others to finish their answers.
    fn close_all(&self) {
        let mut open = self.lock();
        loop {
            for place in open.values().filter(|p| p.waiting) {
                let _ = place.stream.shutdown(Shutdown::Both);
            }
            if open.is_empty() {
                return;
            }
            open = self
                .closed
                .wait_timeout(open, Duration::from_millis(100))
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
    }
}

/// Gives a connection's place back however its thread ends.
struct Leave<'a>(&'a Connections, u64);

impl Drop for Leave<'_> {
    fn drop(&mut self) {
        self.0.lock().remove(&self.1);
        self.0.closed.notify_all();
    }
}

/// A listening server; [`Server::stop`] ends it.
pub struct Server {
    stopping: Arc<AtomicBool>,
    connections: Arc<Connections>,
    wake: std::net::SocketAddr,
    accepting: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    /// Starts accepting on `listener`, answering each request with `handler`.
    pub fn start(listener: TcpListener, handler: Handler) -> std::io::Result<Server> {
        let mut wake = listener.local_addr()?;
        if wake.ip().is_unspecified() {
            wake.set_ip(match wake {
                std::net::SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
                std::net::SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
            });
        }
        let stopping = Arc::new(AtomicBool::new(false));
        let connections = Arc::new(Connections::default());
        let handler = Arc::new(handler);
        let accepting = {
            let (stopping, connections) = (stopping.clone(), connections.clone());
            std::thread::Builder::new()
                .name("kinerja-accept".into())
                .spawn(move || accept(&listener, &stopping, &connections, &handler))?
        };
        Ok(Server {
            stopping,
            connections,
            wake,
            accepting: Some(accepting),
        })
    }

    /// Stops accepting, closes idle connections and waits for the answers under way.
    pub fn stop(mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // The accepting thread waits in `accept`: one last connection wakes it.
        let _ = TcpStream::connect_timeout(&self.wake, Duration::from_secs(1));
        if let Some(t) = self.accepting.take() {
            let _ = t.join();
        }
        self.connections.close_all();
    }
}

fn accept(
    listener: &TcpListener,
    stopping: &AtomicBool,
    connections: &Arc<Connections>,
    handler: &Arc<Handler>,
) {
    for stream in listener.incoming() {
        if stopping.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else {
            // Out of descriptors or a connection reset before it was taken:
            // a moment's pause, not a busy loop.
            std::thread::sleep(Duration::from_millis(10));
            continue;
        };
        let Some(id) = connections.admit(&stream) else {
            refuse_full(stream, handler);
            continue;
        };
        let (ours, handler) = (connections.clone(), handler.clone());
        let spawned = std::thread::Builder::new()
            .name("kinerja-http".into())
            .spawn(move || {
                let _leave = Leave(&ours, id);
                connection(stream, &ours, id, &handler);
            });
        if spawned.is_err() {
            connections.lock().remove(&id);
        }
    }
}

/// Every place is busy answering: 503 at once, without waiting for the head.
fn refuse_full(mut stream: TcpStream, handler: &Handler) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let _ = (handler.refusal)(503).write(&mut stream, false);
}

/// Reads one request on `stream` and answers it.
fn connection(mut stream: TcpStream, connections: &Connections, id: u64, handler: &Handler) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_write_timeout(Some(IDLE_TIMEOUT));
    let (head, rest) = match read_head(&mut stream) {
        Ok(read) => read,
        Err(Refused::Close) => return,
        Err(Refused::Status(status)) => {
            let _ = (handler.refusal)(status).write(&mut stream, false);
            linger(&mut stream, None);
            return;
        }
    };
    connections.answering(id);
    let _ = stream.set_read_timeout(Some(IDLE_TIMEOUT));
    let mut request = match request(head, rest, &stream) {
        Ok(request) => request,
        Err(status) => {
            let _ = (handler.refusal)(status).write(&mut stream, false);
            linger(&mut stream, None);
            return;
        }
    };
    if request
        .header("Expect")
        .is_some_and(|e| e.eq_ignore_ascii_case("100-continue"))
    {
        let _ = stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
    }
    // A bug costs this request its answer (500), nothing else.
    let response = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        (handler.answer)(&mut request)
    }))
    .unwrap_or_else(|_| (handler.refusal)(500));
    let head_only = request.method == Method::Head;
    if response.write(&mut stream, head_only).is_ok() {
        linger(&mut stream, Some(request.body()));
    }
}

/// Why a head was not taken.
enum Refused {
    /// Closed or stalled: nothing to answer.
    Close,
    /// Answered with this status.
    Status(u16),
}

/// A parsed head, owned.
struct Head {
    method: Method,
    url: String,
    headers: Vec<(String, String)>,
}

/// Reads and parses the head, within [`HEAD_TIMEOUT`] and [`MAX_HEAD`] bytes;
/// the bytes read past it (the body's start) come back too.
fn read_head(stream: &mut TcpStream) -> Result<(Head, Vec<u8>), Refused> {
    let deadline = Instant::now() + HEAD_TIMEOUT;
    let mut buf: Vec<u8> = Vec::with_capacity(2048);
    let mut chunk = [0u8; 4096];
    loop {
        if let Some((head, used)) = parse_head(&buf)? {
            return Ok((head, buf.split_off(used)));
        }
        if buf.len() >= MAX_HEAD {
            return Err(Refused::Status(431));
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return Err(Refused::Close);
        }
        let room = (MAX_HEAD - buf.len()).min(chunk.len());
        match stream.read(&mut chunk[..room]) {
            Ok(0) | Err(_) => return Err(Refused::Close),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
}

/// The head at the start of `bytes` and its length, `None` while incomplete.
fn parse_head(bytes: &[u8]) -> Result<Option<(Head, usize)>, Refused> {
    let mut fields = [httparse::EMPTY_HEADER; MAX_FIELDS];
    let mut parsed = httparse::Request::new(&mut fields);
    let used = match parsed.parse(bytes) {
        Ok(httparse::Status::Complete(used)) => used,
        Ok(httparse::Status::Partial) => return Ok(None),
        Err(httparse::Error::TooManyHeaders) => return Err(Refused::Status(431)),
        Err(_) => return Err(Refused::Status(400)),
    };
    let method = match parsed.method.unwrap_or_default() {
        "GET" => Method::Get,
        "HEAD" => Method::Head,
        "POST" => Method::Post,
        _ => Method::Other,
    };
    let headers = parsed
        .headers
        .iter()
        .map(|h| {
            (
                h.name.to_string(),
                String::from_utf8_lossy(h.value).trim().to_string(),
            )
        })
        .collect();
    let head = Head {
        method,
        url: parsed.path.unwrap_or("/").to_string(),
        headers,
    };
    Ok(Some((head, used)))
}

/// The request of `head`, its body read from `rest` then `stream`.
fn request(head: Head, rest: Vec<u8>, stream: &TcpStream) -> Result<Request, u16> {
    let stream = stream.try_clone().map_err(|_| 500u16)?;
    let find = |name: &str| {
        head.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
    };
    let lengths = find("Content-Length");
    let codings = find("Transfer-Encoding");
    let source = std::io::Cursor::new(rest).chain(stream);
    let (body, body_length): (Box<dyn Read + Send>, Option<u64>) =
        match (lengths.as_slice(), codings.as_slice()) {
            ([], []) => (Box::new(std::io::empty()), Some(0)),
            ([length], []) => {
                let n: u64 = length.parse().map_err(|_| 400u16)?;
                (Box::new(source.take(n)), Some(n))
            }
            ([], [coding]) if coding.eq_ignore_ascii_case("chunked") => {
                (Box::new(Chunked::new(BufReader::new(source))), None)
            }
            ([], [_]) => return Err(501),
            _ => return Err(400),
        };
    Ok(Request {
        method: head.method,
        url: head.url,
        headers: head.headers,
        body,
        body_length,
    })
}

/// After the response, the client may still be sending: read (and drop) a
/// little of it, so closing does not reset the connection under the response.
fn linger(stream: &mut TcpStream, body: Option<&mut (dyn Read + Send)>) {
    let _ = stream.shutdown(Shutdown::Write);
    let deadline = Instant::now() + LINGER;
    let _ = stream.set_read_timeout(Some(LINGER));
    let mut sink = [0u8; 16 * 1024];
    let mut read: u64 = 0;
    let mut pull = |r: &mut dyn Read| -> bool {
        match r.read(&mut sink) {
            Ok(0) | Err(_) => false,
            Ok(n) => {
                read += n as u64;
                read < LINGER_BYTES && Instant::now() < deadline
            }
        }
    };
    match body {
        Some(body) => while pull(body) {},
        None => while pull(stream) {},
    }
}

/// A `Transfer-Encoding: chunked` body, decoded as it is read.
pub struct Chunked<R> {
    inner: R,
    /// Bytes left in the current chunk; `None` before a size line.
    left: Option<u64>,
    done: bool,
}

impl<R: BufRead> Chunked<R> {
    pub fn new(inner: R) -> Chunked<R> {
        Chunked {
            inner,
            left: None,
            done: false,
        }
    }

    /// One line, without its CRLF, of at most [`MAX_CHUNK_LINE`] bytes.
    fn line(&mut self) -> std::io::Result<Vec<u8>> {
        let mut line = Vec::new();
        (&mut self.inner)
            .take(MAX_CHUNK_LINE as u64 + 2)
            .read_until(b'\n', &mut line)?;
        if line.last() != Some(&b'\n') {
            return Err(malformed("chunk line"));
        }
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        Ok(line)
    }
}

fn malformed(what: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, format!("malformed {what}"))
}

impl<R: BufRead> Read for Chunked<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        loop {
            if self.done || out.is_empty() {
                return Ok(0);
            }
            match self.left {
                None => {
                    let line = self.line()?;
                    let size = line.split(|b| *b == b';').next().unwrap_or_default();
                    let size = std::str::from_utf8(size)
                        .ok()
                        .and_then(|s| u64::from_str_radix(s.trim(), 16).ok())
                        .ok_or_else(|| malformed("chunk size"))?;
                    if size == 0 {
                        // Trailer fields, up to the empty line.
                        while !self.line()?.is_empty() {}
                        self.done = true;
                        return Ok(0);
                    }
                    self.left = Some(size);
                }
                Some(0) => {
                    if !self.line()?.is_empty() {
                        return Err(malformed("chunk end"));
                    }
                    self.left = None;
                }
                Some(left) => {
                    let want = out.len().min(usize::try_from(left).unwrap_or(usize::MAX));
                    let n = self.inner.read(&mut out[..want])?;
                    if n == 0 {
                        return Err(malformed("chunked body (cut short)"));
                    }
                    self.left = Some(left - n as u64);
                    return Ok(n);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(body: &[u8], step: usize) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        let mut reader = Chunked::new(BufReader::with_capacity(step, body));
        let mut buf = vec![0u8; step];
        loop {
            let n = reader.read(&mut buf)?;
            if n == 0 {
                return Ok(out);
            }
            out.extend_from_slice(&buf[..n]);
        }
    }

    #[test]
    fn a_chunked_body_reads_whole_at_any_read_size() {
        let body = b"5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nTrailer: x\r\n\r\nNEXT";
        for step in [1, 2, 3, 7, 64] {
            assert_eq!(decoded(body, step).unwrap(), b"hello, world", "{step}");
        }
        for bad in [
            &b"5\r\nhel"[..],
            b"zz\r\nhello\r\n0\r\n\r\n",
            b"5\r\nhelloXX0\r\n\r\n",
            b"5",
        ] {
            assert!(decoded(bad, 4).is_err(), "{}", String::from_utf8_lossy(bad));
        }
        let long_line = format!("{}1\r\na\r\n0\r\n\r\n", "0".repeat(4000));
        assert!(decoded(long_line.as_bytes(), 64).is_err());
    }

    #[test]
    fn heads_parse_within_their_bounds() {
        let (head, used) = parse_head(
            b"POST /api/run?lang=en HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc",
        )
        .ok()
        .flatten()
        .unwrap();
        assert_eq!(head.method, Method::Post);
        assert_eq!(head.url, "/api/run?lang=en");
        assert_eq!(head.headers[1], ("Content-Length".into(), "3".into()));
        assert_eq!(used, 62);
        assert!(matches!(
            parse_head(b"GET / HTTP/1.1\r\nHost: a\r\n"),
            Ok(None)
        ));
        assert!(matches!(
            parse_head(b"GET / HTTP/1.1\r\nBad Header\r\n\r\n"),
            Err(Refused::Status(400))
        ));
        let many: String = (0..100).map(|i| format!("X-{i}: 1\r\n")).collect();
        assert!(matches!(
            parse_head(format!("GET / HTTP/1.1\r\n{many}\r\n").as_bytes()),
            Err(Refused::Status(431))
        ));
    }
}
