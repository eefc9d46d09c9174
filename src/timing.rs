//! `KINERJA_TIMING=1`: each stage's end, as time since the first stage began, on
//! stderr. For finding where a large run spends its time; the benchmark measures.

use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Option<Instant>> = OnceLock::new();

fn start() -> Option<Instant> {
    *START.get_or_init(|| std::env::var_os("KINERJA_TIMING").map(|_| Instant::now()))
}

/// Whether timings are printed.
pub fn enabled() -> bool {
    start().is_some()
}

/// Starts the clock (the first call does); nothing when timing is off.
pub fn begin() {
    start();
}

/// Prints `stage` with the time since [`begin`], when timing is on.
pub fn mark(stage: &str) {
    if let Some(t) = start() {
        eprintln!("{stage} {:?}", t.elapsed());
    }
}
