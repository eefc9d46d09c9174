//! Property tests: reading what we format gives the number back; where a table
//! sits does not change what is found.

use crate::util::{sheet, xlsx, W::*};
use kinerja::config::Config;
use kinerja::number::{parse_text, NumberKind};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Indonesian grouping, written independently of the code under test.
fn indonesian(int: u64, cents: Option<u32>) -> String {
    let digits = int.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    match cents {
        Some(c) => format!("{out},{c:02}"),
        None => out,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Guards the money reader against every grouping an office may type.
    #[test]
    fn money_as_offices_write_it_reads_back(n in 0u64..10_000_000_000_000, cents in proptest::option::of(0u32..100), style in 0usize..4) {
        let text = indonesian(n, cents);
        let written = match style {
            0 => text.clone(),
            1 => format!("Rp. {text}"),
            2 => format!("Rp. {text},-"),
            _ => format!("Rp{text}"),
        };
        if style == 2 && cents.is_some() {
            return Ok(());
        }
        let expected = Decimal::from(n) + Decimal::from(cents.unwrap_or(0)) / Decimal::from(100);
        prop_assert_eq!(parse_text(&written, NumberKind::Money).unwrap().value, expected);
    }

    /// Guards index reading with either decimal mark.
    #[test]
    fn indices_read_back_with_either_mark(n in 0u32..10_000, comma in any::<bool>()) {
        let text = format!("0{}{n:04}", if comma { ',' } else { '.' });
        prop_assert_eq!(parse_text(&text, NumberKind::Index).unwrap().value, Decimal::new(n as i64, 4));
    }
}

fn locate(rows_above: u32, col: u16, titles: usize) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.xlsx");
    let mut s = sheet("S");
    for t in 0..titles {
        s = s.at(t as u32, 0, vec![T(format!("Judul {t}"))]);
    }
    let top = titles as u32 + rows_above;
    s = s
        .at(
            top,
            col,
            vec![
                S("NO."),
                S("NAMA DESA"),
                S("KECAMATAN"),
                S("IDM"),
                S("STATUS"),
            ],
        )
        .at(
            top + 1,
            col,
            vec![N(1.0), S("A"), S("K"), N(0.9), S("MANDIRI")],
        )
        .at(
            top + 2,
            col,
            vec![N(2.0), S("B"), S("K"), S("0,8"), S("MAJU")],
        );
    xlsx(&path, vec![s]);
    let cfg = Config::default_config();
    let reading = kinerja::read::read(&[("t.xlsx".into(), path)], &cfg);
    reading
        .tables
        .iter()
        .map(|t| (t.kind.name().to_string(), t.range.to_string()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Guards location by header words: inserting title rows or moving the table
    /// changes only where it is found, by exactly the move.
    #[test]
    fn moving_a_table_moves_only_its_range(rows_above in 0u32..40, col in 0u16..12, titles in 0usize..4) {
        let found = locate(rows_above, col, titles);
        let top = titles as u32 + rows_above;
        let first = kinerja::cell::CellRef::new(top, col as u32);
        let last = kinerja::cell::CellRef::new(top + 2, col as u32 + 4);
        prop_assert_eq!(found, vec![("idm_desa".to_string(), format!("{first}:{last}"))]);
    }
}
