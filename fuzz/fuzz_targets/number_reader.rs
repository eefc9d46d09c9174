//! Any text, read as every kind of number: never a panic, and a number that reads
//! must read the same after trimming the spaces around it.
#![no_main]

use kinerja::number::{parse_text, NumberKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for kind in [NumberKind::Money, NumberKind::Count, NumberKind::Index, NumberKind::Measure, NumberKind::Percent] {
        let a = parse_text(text, kind);
        let b = parse_text(&format!("  {text}  "), kind);
        assert_eq!(a.map(|n| n.value), b.map(|n| n.value));
    }
});
