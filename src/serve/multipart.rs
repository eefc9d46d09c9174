//! A streaming `multipart/form-data` reader: parts are handed over in pieces as
//! they arrive, so an upload never has to fit in memory.

use std::io::Read;

/// What ended a body early.
#[derive(Debug, PartialEq, Eq)]
pub enum Broken {
    /// The body is not the multipart form it says it is.
    Malformed(&'static str),
    /// Reading failed, or the receiver of the parts refused to go on.
    Stopped(String),
}

/// What a part declares before its content.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PartHead {
    pub name: String,
    pub filename: Option<String>,
}

/// Receives the parts of a body in order.
pub trait Parts {
    fn begin(&mut self, head: &PartHead) -> Result<(), String>;
    fn data(&mut self, bytes: &[u8]) -> Result<(), String>;
    fn end(&mut self) -> Result<(), String>;
}

/// The boundary of a `Content-Type: multipart/form-data; boundary=…` header.
pub fn boundary(content_type: &str) -> Option<String> {
    let (kind, params) = content_type.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    let b = param(params, "boundary")?;
    (!b.is_empty() && b.len() <= 70).then_some(b)
}

/// The value of `key` in `; a=b; c="d"` (quoted values unescaped).
fn param(params: &str, key: &str) -> Option<String> {
    let mut rest = params;
    loop {
        rest = rest.trim_start_matches([';', ' ', '\t']);
        if rest.is_empty() {
            return None;
        }
        let eq = rest.find(['=', ';']).unwrap_or(rest.len());
        let name = rest[..eq].trim();
        rest = &rest[eq..];
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            if let Some(quoted) = after.strip_prefix('"') {
                let mut value = String::new();
                let mut chars = quoted.char_indices();
                let mut end = quoted.len();
                while let Some((i, c)) = chars.next() {
                    match c {
                        // Only an escaped quote is unescaped: browsers send Windows
                        // paths' backslashes as they are.
                        '\\' if quoted[i + 1..].starts_with('"') => {
                            chars.next();
                            value.push('"');
                        }
                        '"' => {
                            end = i + 1;
                            break;
                        }
                        c => value.push(c),
                    }
                }
                rest = &quoted[end..];
                value
            } else {
                let stop = after.find(';').unwrap_or(after.len());
                let value = after[..stop].trim().to_string();
                rest = &after[stop..];
                value
            }
        } else {
            String::new()
        };
        if name.eq_ignore_ascii_case(key) {
            return Some(value);
        }
    }
}

const MAX_HEAD: usize = 16 * 1024;
const CHUNK: usize = 64 * 1024;

/// Reads `body` to its closing boundary, handing every part to `parts`.
pub fn read(mut body: impl Read, boundary: &str, parts: &mut dyn Parts) -> Result<(), Broken> {
    // A CRLF is put in front so the first delimiter looks like every other one.
    let delimiter = format!("\r\n--{boundary}").into_bytes();
    let mut buf: Vec<u8> = b"\r\n".to_vec();
    let mut eof = false;
    let mut fill = |buf: &mut Vec<u8>, eof: &mut bool| -> Result<(), Broken> {
        let start = buf.len();
        buf.resize(start + CHUNK, 0);
        let n = body
            .read(&mut buf[start..])
            .map_err(|e| Broken::Stopped(e.to_string()));
        buf.truncate(start + *n.as_ref().unwrap_or(&0));
        *eof = n? == 0;
        Ok(())
    };
    // The preamble, up to the first delimiter, is ignored.
    loop {
        if let Some(at) = memchr::memmem::find(&buf, &delimiter) {
            buf.drain(..at + delimiter.len());
            break;
        }
        let keep = buf.len().saturating_sub(delimiter.len());
        buf.drain(..keep);
        if eof {
            return Err(Broken::Malformed("no boundary"));
        }
        fill(&mut buf, &mut eof)?;
    }
    loop {
        // After a delimiter: "--" closes the body, CRLF opens a part.
        while buf.len() < 2 && !eof {
            fill(&mut buf, &mut eof)?;
        }
        if buf.starts_with(b"--") {
            return Ok(());
        }
        let head_end = loop {
            if let Some(at) = memchr::memmem::find(&buf, b"\r\n\r\n") {
                break at;
            }
            if buf.len() > MAX_HEAD {
                return Err(Broken::Malformed("part header too long"));
            }
            if eof {
                return Err(Broken::Malformed("body ends in a part header"));
            }
            fill(&mut buf, &mut eof)?;
        };
        let head_text = String::from_utf8_lossy(&buf[..head_end]).into_owned();
        buf.drain(..head_end + 4);
        let head = part_head(&head_text).ok_or(Broken::Malformed("part without a name"))?;
        parts.begin(&head).map_err(Broken::Stopped)?;
        loop {
            if let Some(at) = memchr::memmem::find(&buf, &delimiter) {
                parts.data(&buf[..at]).map_err(Broken::Stopped)?;
                buf.drain(..at + delimiter.len());
                break;
            }
            // All but what could be the start of a delimiter is content.
            let safe = buf.len().saturating_sub(delimiter.len() - 1);
            parts.data(&buf[..safe]).map_err(Broken::Stopped)?;
            buf.drain(..safe);
            if eof {
                return Err(Broken::Malformed("body ends inside a part"));
            }
            fill(&mut buf, &mut eof)?;
        }
        parts.end().map_err(Broken::Stopped)?;
    }
}

/// A part's name and filename from its `Content-Disposition` line.
fn part_head(text: &str) -> Option<PartHead> {
    let line = text
        .split("\r\n")
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-disposition"))?
        .1;
    let (kind, params) = line.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("form-data") {
        return None;
    }
    Some(PartHead {
        name: param(params, "name")?,
        filename: param(params, "filename"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Collect(Vec<(PartHead, Vec<u8>)>);

    impl Parts for Collect {
        fn begin(&mut self, head: &PartHead) -> Result<(), String> {
            self.0.push((
                PartHead {
                    name: head.name.clone(),
                    filename: head.filename.clone(),
                },
                Vec::new(),
            ));
            Ok(())
        }
        fn data(&mut self, bytes: &[u8]) -> Result<(), String> {
            self.0.last_mut().unwrap().1.extend_from_slice(bytes);
            Ok(())
        }
        fn end(&mut self) -> Result<(), String> {
            Ok(())
        }
    }

    /// Hands out at most `n` bytes per read, to cross every chunk edge.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.1.min(out.len()).min(self.0.len());
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn body() -> Vec<u8> {
        let mut b = b"preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a \\\"b\\\".xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n".to_vec();
        b.extend_from_slice(b"PK\r\n--Xy\r\n\x00content");
        b.extend_from_slice(
            b"\r\n--XyZ\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nen\r\n--XyZ--\r\n",
        );
        b
    }

    #[test]
    fn parts_arrive_whole_whatever_the_read_sizes() {
        for step in [1, 2, 3, 7, 64, 100_000] {
            let mut got = Collect::default();
            read(Trickle(&body(), step), "XyZ", &mut got).unwrap();
            assert_eq!(got.0.len(), 2, "step {step}");
            assert_eq!(got.0[0].0.name, "files");
            assert_eq!(got.0[0].0.filename.as_deref(), Some("a \"b\".xlsx"));
            assert_eq!(got.0[0].1, b"PK\r\n--Xy\r\n\x00content");
            assert_eq!(got.0[1].0.name, "lang");
            assert_eq!(got.0[1].0.filename, None);
            assert_eq!(got.0[1].1, b"en");
        }
    }

    #[test]
    fn a_body_cut_short_is_malformed() {
        let b = body();
        let mut got = Collect::default();
        let cut = &b[..b.len() - 10];
        assert_eq!(
            read(cut, "XyZ", &mut got),
            Err(Broken::Malformed("body ends inside a part"))
        );
        assert_eq!(
            read(&b"no parts here"[..], "XyZ", &mut Collect::default()),
            Err(Broken::Malformed("no boundary"))
        );
    }

    #[test]
    fn the_boundary_comes_from_the_content_type() {
        assert_eq!(
            boundary("multipart/form-data; boundary=----WebKitFormBoundaryAb12").as_deref(),
            Some("----WebKitFormBoundaryAb12")
        );
        assert_eq!(
            boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\"").as_deref(),
            Some("a b")
        );
        assert_eq!(boundary("application/json"), None);
        assert_eq!(boundary("multipart/form-data"), None);
    }
}
