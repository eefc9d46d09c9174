//! Amounts in Indonesian words ("terbilang") and Indonesian number formatting.
//!
//! [`terbilang`] spells a whole number in standard (PUEBI) lower-case words;
//! [`parse_terbilang`] reads it back, tolerating what offices type around it (a
//! "Terbilang :" label, parentheses, a trailing "rupiah,-", "milyar"/"trilyun",
//! hyphens, any case) but accepting only the standard wording itself: the words
//! must be exactly those [`terbilang`] writes for the value, so "satu ratus",
//! "sejuta" or "seribu juta" are refused. The formatters write exact
//! [`Decimal`]s with `.` grouping thousands and `,` as the decimal mark.

use rust_decimal::{Decimal, RoundingStrategy};

const DIGITS: [&str; 10] = [
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
];
/// Scale words for groups of three digits, from 10^3 up to 10^18.
const SCALES: [&str; 6] = [
    "ribu",
    "juta",
    "miliar",
    "triliun",
    "kuadriliun",
    "kuintiliun",
];

/// Spells `n` in lower-case Indonesian words: 1100 → "seribu seratus".
pub fn terbilang(n: u64) -> String {
    if n == 0 {
        return DIGITS[0].to_string();
    }
    let mut words: Vec<&str> = Vec::new();
    for (i, scale) in SCALES.iter().enumerate().rev() {
        let group = n / 1000u64.pow(i as u32 + 1) % 1000;
        if group == 1 && i == 0 {
            words.push("seribu");
        } else if group > 0 {
            push_hundreds(group, &mut words);
            words.push(scale);
        }
    }
    push_hundreds(n % 1000, &mut words);
    words.join(" ")
}

/// Appends the words for `n` below 1000 (nothing for 0).
fn push_hundreds(n: u64, words: &mut Vec<&'static str>) {
    match n / 100 {
        0 => {}
        1 => words.push("seratus"),
        h => words.extend([DIGITS[h as usize], "ratus"]),
    }
    let (tens, ones) = (n % 100 / 10, (n % 10) as usize);
    match tens {
        0 if ones > 0 => words.push(DIGITS[ones]),
        0 => {}
        1 => match ones {
            0 => words.push("sepuluh"),
            1 => words.push("sebelas"),
            _ => words.extend([DIGITS[ones], "belas"]),
        },
        t => {
            words.extend([DIGITS[t as usize], "puluh"]);
            if ones > 0 {
                words.push(DIGITS[ones]);
            }
        }
    }
}

/// [`terbilang`] with a capital first letter and " rupiah": "Seribu rupiah".
pub fn terbilang_rupiah(n: u64) -> String {
    let words = terbilang(n);
    let mut chars = words.chars();
    let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
    format!("{}{} rupiah", first.unwrap_or_default(), chars.as_str())
}

/// Reads an amount in words back to its value; `None` unless it is well formed.
pub fn parse_terbilang(text: &str) -> Option<u64> {
    let not_word = |c: char| !c.is_alphanumeric();
    let lowered = text.to_lowercase();
    let mut rest = lowered.trim_matches(not_word);
    rest = rest
        .strip_prefix("terbilang")
        .unwrap_or(rest)
        .trim_start_matches(not_word);
    rest = rest
        .strip_suffix("rupiah")
        .unwrap_or(rest)
        .trim_end_matches(not_word);
    if !rest
        .chars()
        .all(|c| c.is_alphabetic() || c.is_whitespace() || c == '-')
    {
        return None;
    }
    let tokens: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| match w {
            "milyar" => "miliar",
            "trilyun" => "triliun",
            "kuadrilyun" => "kuadriliun",
            "kuintilyun" => "kuintiliun",
            w => w,
        })
        .collect();
    let n = value_of(&tokens)?;
    // The loose reading above only has to be right for standard wording; anything
    // else is refused here.
    terbilang(n)
        .split(' ')
        .eq(tokens.iter().copied())
        .then_some(n)
}

/// Adds up number words loosely, with checked arithmetic; `None` on unknown words.
fn value_of(tokens: &[&str]) -> Option<u64> {
    let (mut total, mut group, mut digit) = (0u64, 0u64, None::<u64>);
    for &token in tokens {
        let add = match token {
            "sepuluh" => 10,
            "sebelas" => 11,
            "seratus" => 100,
            "belas" => 10 + digit.take()?,
            "puluh" => 10 * digit.take()?,
            "ratus" => 100 * digit.take()?,
            "seribu" => {
                total = total.checked_add(1000)?;
                continue;
            }
            _ => {
                if let Some(d) = DIGITS.iter().position(|&w| w == token) {
                    if digit.replace(d as u64).is_some() {
                        return None;
                    }
                    continue;
                }
                let i = SCALES.iter().position(|&w| w == token)?;
                let g = group.checked_add(digit.take().unwrap_or(0))?;
                total = total.checked_add(g.checked_mul(1000u64.pow(i as u32 + 1))?)?;
                group = 0;
                continue;
            }
        };
        group = group.checked_add(add)?;
    }
    total.checked_add(group)?.checked_add(digit.unwrap_or(0))
}

/// A number with the decimals it has, Indonesian notation: `1.234.567,5`, `0,6333`.
pub fn format_decimal(n: Decimal) -> String {
    let n = n.normalize();
    group_thousands(n, n.scale())
}

/// Rounds half away from zero to `decimals` places (at most 28) and writes it
/// with "." between thousands and "," before decimals: 6796834585 → "6.796.834.585".
pub fn group_thousands(n: Decimal, decimals: u32) -> String {
    let mut r = n.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(decimals);
    let scale = r.scale() as usize;
    let digits = format!(
        "{:0>width$}",
        r.mantissa().unsigned_abs(),
        width = scale + 1
    );
    let (int, frac) = digits.split_at(digits.len() - scale);
    let mut out = String::from(if r.is_sign_negative() && !r.is_zero() {
        "-"
    } else {
        ""
    });
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// How a rupiah amount is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MoneyStyle {
    /// Standard spelling: "Rp6.796.834.585".
    Puebi,
    /// As offices type it: "Rp. 6.796.834.585,-".
    Office,
}

/// Writes `n` rounded to whole rupiah; a minus goes before "Rp": "-Rp1.234".
pub fn format_rupiah(n: Decimal, style: MoneyStyle) -> String {
    let grouped = group_thousands(n, 0);
    let (sign, digits) = match grouped.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", grouped.as_str()),
    };
    match style {
        MoneyStyle::Puebi => format!("{sign}Rp{digits}"),
        MoneyStyle::Office => format!("{sign}Rp. {digits},-"),
    }
}

/// Writes a percentage with `decimals` places: (94.4166, 2) → "94,42%".
pub fn format_percent(n: Decimal, decimals: u32) -> String {
    format!("{}%", group_thousands(n, decimals))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    const SEED: &str = "(Terbilang : Enam milyar tujuh ratus sembilan puluh enam juta delapan \
        ratus tiga puluh empat ribu lima ratus delapan puluh lima rupiah).";
    const BIG: &str = "enam miliar tujuh ratus sembilan puluh enam juta delapan ratus tiga puluh \
        empat ribu lima ratus delapan puluh lima";

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn spells_examples() {
        let cases: &[(u64, &str)] = &[
            (0, "nol"),
            (1, "satu"),
            (10, "sepuluh"),
            (11, "sebelas"),
            (12, "dua belas"),
            (19, "sembilan belas"),
            (20, "dua puluh"),
            (21, "dua puluh satu"),
            (100, "seratus"),
            (101, "seratus satu"),
            (110, "seratus sepuluh"),
            (111, "seratus sebelas"),
            (200, "dua ratus"),
            (1000, "seribu"),
            (1001, "seribu satu"),
            (1100, "seribu seratus"),
            (2000, "dua ribu"),
            (11_000, "sebelas ribu"),
            (100_000, "seratus ribu"),
            (101_000, "seratus satu ribu"),
            (1_000_000, "satu juta"),
            (1_001_000, "satu juta seribu"),
            (1_000_000_000, "satu miliar"),
            (1_000_000_000_000, "satu triliun"),
            (1_000_000_000_000_000, "satu kuadriliun"),
            (1_000_000_000_000_000_000, "satu kuintiliun"),
            (6_796_834_585, BIG),
        ];
        for &(n, words) in cases {
            assert_eq!(terbilang(n), words, "{n}");
        }
        assert!(terbilang(u64::MAX).starts_with("delapan belas kuintiliun empat ratus"));
        assert_eq!(
            terbilang_rupiah(6_796_834_585),
            format!("E{} rupiah", &BIG[1..])
        );
        assert_eq!(terbilang_rupiah(0), "Nol rupiah");
    }

    #[test]
    fn round_trips() {
        #[rustfmt::skip]
        let edges = [
            10, 11, 19, 100, 101, 110, 111, 999, 1000, 1001, 1999, 10_000, 11_000, 100_000,
            999_999, 1_000_000, 1_001_000, 1_000_000_000, 1_000_000_000_000,
            1_000_001_000_001, u64::MAX,
        ];
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        let random = (0..5_000).map(|_| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            x >> (x % 64)
        });
        let sampled = (0..=10_000).chain((10_000..=2_000_000).step_by(331));
        for n in edges.into_iter().chain(sampled).chain(random) {
            assert_eq!(parse_terbilang(&terbilang(n)), Some(n), "{n}");
            assert_eq!(parse_terbilang(&terbilang_rupiah(n)), Some(n), "{n}");
        }
    }

    #[test]
    fn reads_office_text() {
        assert_eq!(parse_terbilang(SEED), Some(6_796_834_585));
        assert_eq!(
            parse_terbilang("Terbilang: SERIBU  dua-ratus rupiah,-"),
            Some(1200)
        );
        assert_eq!(
            parse_terbilang("# satu trilyun lima milyar #"),
            Some(1_005_000_000_000)
        );
        assert_eq!(parse_terbilang("(seratus ribu Rupiah)."), Some(100_000));
    }

    #[test]
    fn rejects_malformed() {
        assert_eq!(parse_terbilang(""), None);
        let malformed = "rupiah|terbilang|enam enam|juta ribu|seribu juta|satu ribu|sejuta|\
            satu ratus|satu belas|satu puluh|dua puluh ratus|ribu|nol nol|satu nol|lima ratus ratus|\
            enam 6|enam, juta|sebelas belas|dua ribu tiga ribu|seribu seribu|satu juta juta|\
            dua puluh sepuluh|sepuluh satu|lima apel|sembilan belas kuintiliun|nol rupiah satu";
        for text in malformed.split('|') {
            assert_eq!(parse_terbilang(text), None, "{text:?}");
        }
    }

    #[test]
    fn formats_numbers() {
        assert_eq!(group_thousands(dec("6796834585"), 0), "6.796.834.585");
        assert_eq!(group_thousands(dec("0.7304"), 4), "0,7304");
        assert_eq!(group_thousands(dec("94.4166"), 2), "94,42");
        assert_eq!(group_thousands(dec("-1234"), 0), "-1.234");
        assert_eq!(group_thousands(dec("2.5"), 0), "3");
        assert_eq!(group_thousands(dec("-2.5"), 0), "-3");
        assert_eq!(group_thousands(dec("-0.001"), 2), "0,00");
        assert_eq!(group_thousands(dec("123"), 2), "123,00");
        assert_eq!(group_thousands(dec("999.995"), 2), "1.000,00");
        let amount = dec("6796834585");
        assert_eq!(format_rupiah(amount, MoneyStyle::Puebi), "Rp6.796.834.585");
        assert_eq!(
            format_rupiah(amount, MoneyStyle::Office),
            "Rp. 6.796.834.585,-"
        );
        assert_eq!(format_rupiah(dec("-1234.5"), MoneyStyle::Puebi), "-Rp1.235");
        assert_eq!(format_percent(dec("94.4166"), 2), "94,42%");
    }
}
