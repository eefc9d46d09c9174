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
    let reading =
        kinerja::structure::build(kinerja::read::read(&[("t.xlsx".into(), path)], &cfg), &cfg);
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// Guards the amount-in-words check: spelling a number and reading the words
    /// back gives the number, over the whole range a budget can hold.
    #[test]
    fn terbilang_reads_back(n in prop_oneof![0u64..1_000_000, 0u64..1_000_000_000_000_000, any::<u64>()]) {
        prop_assert_eq!(kinerja::words::parse_terbilang(&kinerja::words::terbilang(n)), Some(n));
        prop_assert_eq!(kinerja::words::parse_terbilang(&kinerja::words::terbilang_rupiah(n)), Some(n));
    }

    /// Guards the report's number formatting against the reader: an amount printed
    /// as the report prints it reads back as the same amount.
    #[test]
    fn formatted_amounts_read_back(n in 0u64..10_000_000_000_000, cents in 0u32..100, with_cents in any::<bool>()) {
        let amount = if with_cents {
            Decimal::from(n) + Decimal::new(cents as i64, 2)
        } else {
            Decimal::from(n)
        };
        let text = kinerja::words::group_thousands(amount, if with_cents { 2 } else { 0 });
        prop_assert_eq!(parse_text(&text, NumberKind::Money).unwrap().value, amount);
    }
}

/// The IDM band of a value, written from the shipped config independently of the
/// code under test.
fn band(idm: f64) -> &'static str {
    match idm {
        v if v <= 0.491 => "SANGAT TERTINGGAL",
        v if v <= 0.599 => "TERTINGGAL",
        v if v <= 0.707 => "BERKEMBANG",
        v if v <= 0.815 => "MAJU",
        _ => "MANDIRI",
    }
}

/// One generated village row and the slip typed into it.
#[derive(Debug, Clone)]
struct Village {
    iks: u32,
    ike: u32,
    ikl: u32,
    slip: u8,
}

fn village() -> impl Strategy<Value = Village> {
    (3000u32..9800, 3000u32..9800, 3000u32..9800, 0u8..6).prop_map(|(iks, ike, ikl, slip)| {
        Village {
            iks,
            ike,
            ikl,
            slip,
        }
    })
}

const KECAMATAN: [&str; 3] = ["BLAMBANGAN UMPU", "BARADATU", "NEGERI AGUNG"];

/// A village table as an office types it, with slips: a status that contradicts
/// its index, an index typed as text with a decimal comma, an index that is not
/// the mean of its components, a broken row number, a number typed as text.
fn idm_workbook(path: &std::path::Path, villages: &[Village]) {
    let mut s = sheet("Desa").at(0, 0, vec![S("STATUS IDM DESA")]).at(
        2,
        0,
        vec![
            S("NO"),
            S("KODE DESA"),
            S("NAMA DESA"),
            S("KECAMATAN"),
            S("IKS"),
            S("IKE"),
            S("IKL"),
            S("IDM"),
            S("STATUS"),
        ],
    );
    for (i, v) in villages.iter().enumerate() {
        let (iks, ike, ikl) = (v.iks as f64 / 1e4, v.ike as f64 / 1e4, v.ikl as f64 / 1e4);
        let idm = ((v.iks + v.ike + v.ikl) as f64 / 3.0).round() / 1e4;
        let no = if v.slip == 4 { i + 3 } else { i + 1 };
        let status = if v.slip == 1 {
            if band(idm) == "MANDIRI" {
                "TERTINGGAL"
            } else {
                "MANDIRI"
            }
        } else {
            band(idm)
        };
        let idm_cell = match v.slip {
            2 => T(format!("{idm:.4}").replace('.', ",")),
            3 => N(((idm + 0.05) * 1e4).round() / 1e4),
            _ => N(idm),
        };
        let iks_cell = if v.slip == 5 {
            T(format!("{iks:.4}"))
        } else {
            N(iks)
        };
        s = s.at(
            3 + i as u32,
            0,
            vec![
                N(no as f64),
                T(format!("18080{:05}", i + 1)),
                T(format!("SUKA MAJU {}", i + 1)),
                S(KECAMATAN[i % KECAMATAN.len()]),
                iks_cell,
                N(ike),
                N(ikl),
                idm_cell,
                S(status),
            ],
        );
    }
    xlsx(path, vec![s]);
}

fn fixable(json: &serde_json::Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["fix"] != "none")
        .map(|f| format!("{} {} {}", f["code"], f["cell"], f["message"]))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Guards the promise of `kinerja fix`: whatever slips a generated village
    /// table holds, its corrected copy has no finding left that a rule could fix,
    /// and fixing the corrected copy again changes no cell.
    #[test]
    fn fixing_leaves_nothing_fixable_and_is_idempotent(villages in proptest::collection::vec(village(), 3..14)) {
        let first = crate::util::Dir::new();
        idm_workbook(&first.input("idm.xlsx"), &villages);
        let out = first.run(&["fix"]);
        prop_assert!(out.status.code().is_some_and(|c| c <= 1), "{}", String::from_utf8_lossy(&out.stderr));
        let second = crate::util::Dir::new();
        std::fs::copy(first.path().join("output/idm.koreksi.xlsx"), second.input("idm.koreksi.xlsx")).unwrap();
        let (json, _) = second.check_json(&[]);
        let left = fixable(&json);
        prop_assert!(left.is_empty(), "fixable after fix: {left:?}\nvillages: {villages:?}");
        let again = second.run(&["fix", "--lang", "en"]);
        let said = String::from_utf8_lossy(&again.stderr);
        prop_assert!(said.contains("(0 cells corrected"), "{said}");
    }
}

/// The sample read once, with the shipped config.
fn sample() -> &'static (Config, kinerja::structure::Reading) {
    static SAMPLE: std::sync::OnceLock<(Config, kinerja::structure::Reading)> =
        std::sync::OnceLock::new();
    SAMPLE.get_or_init(|| {
        let cfg = Config::default_config();
        let files = kinerja::read::discover(&[crate::util::repo().join("input")]).unwrap();
        let reading = kinerja::structure::build(kinerja::read::read(&files, &cfg), &cfg);
        (cfg, reading)
    })
}

/// Cell text as hostile as Unicode allows: anything at all, letters that change
/// length when their case changes (`İ`, `ẞ`), digits of other scripts, number-
/// and terbilang-shaped text with such characters inside.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,24}",
        "[0-9.,() %İıéẞ٣₹-]{0,16}",
        "(Rp\\.? )?[0-9]{1,3}([.,][0-9İ]{1,4}){0,4}(,-)?",
        "\\(Terbilang ?: ?[A-Za-zİıé ]{0,60} [Rr][Uu][Pp][İIi][Aa][Hh]\\)\\.?",
        "[İI]{0,3}(Enam|ENAM|enam) (juta|JUTA|MİLYAR|miliar) [İıa-z ]{0,20}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    /// Guards text handled as text: any Unicode in any body cell or note line
    /// (a terbilang line among them) of the sample's tables goes through the
    /// model, every rule, the fix plan and the corrected data in memory, and
    /// every finding's message in both languages, without a panic.
    #[test]
    fn any_cell_text_goes_through_every_rule(
        edits in proptest::collection::vec((any::<u32>(), any::<u32>(), any::<u32>(), hostile_text()), 1..10)
    ) {
        use kinerja::finding::Lang;
        use kinerja::read::Value;
        use kinerja::structure::Reading;
        let (cfg, sample) = sample();
        let mut reading = Reading {
            inputs: sample.inputs.clone(),
            tables: sample.tables.clone(),
        };
        for (t, r, c, text) in &edits {
            let table = &mut reading.tables[*t as usize % sample.tables.len()];
            let lines = table.rows.len() + table.notes.len();
            if lines == 0 {
                continue;
            }
            let line = *r as usize % lines;
            let cell = if line < table.rows.len() {
                let cells = &mut table.rows[line].cells;
                if cells.is_empty() {
                    continue;
                }
                let n = cells.len();
                &mut cells[*c as usize % n]
            } else {
                &mut table.notes[line - table.rows.len()]
            };
            cell.value = Value::Text(text.as_str().into());
        }
        let model = kinerja::model::build(&reading, cfg);
        let findings = kinerja::check::check(&reading, &model, cfg);
        for f in &findings {
            prop_assert!(!f.message.get(Lang::Id).is_empty() && !f.message.get(Lang::En).is_empty());
        }
        let plans = kinerja::fix::plan(&reading.inputs, &findings, Lang::Id);
        let mut corrected = reading.inputs.clone();
        kinerja::fix::apply(&mut corrected, &model, &plans);
    }
}
