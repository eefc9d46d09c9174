//! Any text read as an amount in words (terbilang), and every amount's words read
//! back: never a panic; the words of a number read as that number, whatever the
//! text around them and the letters' case.
#![no_main]

use kinerja::words::{parse_terbilang, terbilang, terbilang_rupiah};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u64, &str)| {
    let (n, text) = input;
    let _ = parse_terbilang(text);
    let _ = parse_terbilang(&text.to_uppercase());
    assert_eq!(parse_terbilang(&terbilang(n)), Some(n));
    assert_eq!(parse_terbilang(&terbilang_rupiah(n)), Some(n));
    assert_eq!(parse_terbilang(&terbilang_rupiah(n).to_uppercase()), Some(n));
});
