//! Any bytes, read as a workbook and searched for tables: never a panic, never
//! more than the configured limits.
#![no_main]

use kinerja::config::Config;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let mut cfg = Config::default_config();
    cfg.limits.max_unpacked_bytes = 8 << 20;
    cfg.limits.max_cells = 100_000;
    let _ = kinerja::read::read_bytes("fuzz.xlsx", Path::new("fuzz.xlsx"), bytes.to_vec(), &cfg);
});
