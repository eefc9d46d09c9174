//! Any bytes as an upload's body (the first byte picks how many bytes each read
//! hands over, so parts cross every chunk edge): never a panic, and the parts read
//! are the same whatever the read sizes.
#![no_main]

use kinerja::serve::multipart::{read, PartHead, Parts};
use libfuzzer_sys::fuzz_target;

#[derive(Default, PartialEq, Debug)]
struct Collect(Vec<(String, Option<String>, Vec<u8>)>);

impl Parts for Collect {
    fn begin(&mut self, head: &PartHead) -> Result<(), String> {
        self.0.push((head.name.clone(), head.filename.clone(), Vec::new()));
        Ok(())
    }
    fn data(&mut self, bytes: &[u8]) -> Result<(), String> {
        self.0.last_mut().ok_or("data before a part")?.2.extend_from_slice(bytes);
        Ok(())
    }
    fn end(&mut self) -> Result<(), String> {
        Ok(())
    }
}

/// Hands out at most `n` bytes per read.
struct Trickle<'a>(&'a [u8], usize);

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = self.1.min(out.len()).min(self.0.len());
        out[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

fuzz_target!(|bytes: &[u8]| {
    let Some((&step, body)) = bytes.split_first() else { return };
    let boundary = "XyZ";
    let mut whole = Collect::default();
    let a = read(body, boundary, &mut whole);
    let mut trickled = Collect::default();
    let b = read(Trickle(body, usize::from(step).max(1)), boundary, &mut trickled);
    assert_eq!(a.is_ok(), b.is_ok());
    if a.is_ok() {
        assert_eq!(whole, trickled);
    }
});
