//! Any bytes as a chunked request body (`Transfer-Encoding: chunked`): never a
//! panic, and what it decodes to is the same whatever the read sizes.
#![no_main]

use kinerja::serve::http::Chunked;
use libfuzzer_sys::fuzz_target;
use std::io::{BufReader, Read};

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

fuzz_target!(|bytes: &[u8]| {
    let Some((&step, body)) = bytes.split_first() else { return };
    let a = decoded(body, 4096);
    let b = decoded(body, usize::from(step % 16).max(1));
    match (a, b) {
        (Ok(a), Ok(b)) => assert_eq!(a, b),
        (a, b) => assert_eq!(a.is_ok(), b.is_ok()),
    }
});
