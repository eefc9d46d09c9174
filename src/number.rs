//! Numbers as Indonesian offices type them: `.` groups thousands, `,` marks
//! decimals, money may carry `Rp`/`Rp.` and a trailing `,-`, and `-` alone is zero.
//!
//! What a text means depends on what its column holds (`1.126` is one thousand one
//! hundred twenty-six in a money column, one and a bit in an index column), so every
//! parse takes a [`NumberKind`]. Malformed groupings are never guessed silently: they
//! come back as [`TextProblem::Malformed`] with the readings a later check may pin down.

use rust_decimal::Decimal;
use std::str::FromStr;

/// What a numeric column holds; decides how an ambiguous separator is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberKind {
    /// Rupiah amounts: `.` always groups thousands.
    Money,
    /// Whole counts (villages, staff): `.` groups thousands.
    Count,
    /// Indices between 0 and 1 (IDM, IKS): `.` and `,` are both decimal marks.
    Index,
    /// Indicator targets and realisations in any unit: `1.423` groups, `0.6333` is a decimal.
    Measure,
    /// Percentages, with or without a `%` sign; read like [`NumberKind::Measure`].
    Percent,
}

/// The decimal mark a text used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DecimalMark {
    Comma,
    Point,
}

/// A number read from text, with how it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextNumber {
    pub value: Decimal,
    /// Digits after the decimal mark as written (`100,00` → 2, `99` → 0).
    pub decimals: u32,
    pub mark: Option<DecimalMark>,
    /// The text ended in `%`.
    pub percent_sign: bool,
    /// The text was a lone dash, meaning zero.
    pub dash: bool,
}

/// Why a text in a numeric column is not a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextProblem {
    /// Digits with separators in impossible places (`65.00.000`); `readings` are the
    /// values the typist may have meant, for a check to choose from when another
    /// figure pins the value down.
    Malformed { readings: Vec<Decimal> },
    /// Not a number at all (`abc`, `#REF!`).
    NotANumber,
}

/// Reads `text` as a number of the given kind.
pub fn parse_text(text: &str, kind: NumberKind) -> Result<TextNumber, TextProblem> {
    let mut s: String = text.replace('\u{a0}', " ").trim().to_string();
    if matches!(s.as_str(), "-" | "–" | "—" | "--") {
        return Ok(TextNumber {
            value: Decimal::ZERO,
            decimals: 0,
            mark: None,
            percent_sign: false,
            dash: true,
        });
    }
    s = strip_currency(&s).to_string();
    for suffix in [",-", ".-", ",--", "-"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            if rest.ends_with(|c: char| c.is_ascii_digit()) {
                s = rest.to_string();
                break;
            }
        }
    }
    let mut percent_sign = false;
    if let Some(rest) = s.trim_end().strip_suffix('%') {
        s = rest.trim_end().to_string();
        percent_sign = true;
    }
    let mut negative = false;
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        s = inner.trim().to_string();
        negative = true;
    } else if let Some(rest) = s.strip_prefix('-') {
        s = rest.trim_start().to_string();
        negative = true;
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest.trim_start().to_string();
    }
    if s.is_empty()
        || !s.chars().any(|c| c.is_ascii_digit())
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(TextProblem::NotANumber);
    }
    let (int_part, grouping, frac, mark) = split_separators(&s, kind)?;
    let digits = match grouping {
        Some(sep) => ungroup(int_part, sep)?,
        None => int_part.to_string(),
    };
    if digits.is_empty() && frac.is_empty() {
        return Err(TextProblem::NotANumber);
    }
    let literal = if frac.is_empty() {
        digits.clone()
    } else {
        format!("{}.{}", if digits.is_empty() { "0" } else { &digits }, frac)
    };
    let mut value = Decimal::from_str(&literal).map_err(|_| TextProblem::NotANumber)?;
    if negative {
        value = -value;
    }
    Ok(TextNumber {
        value,
        decimals: frac.len() as u32,
        mark,
        percent_sign,
        dash: false,
    })
}

fn strip_currency(s: &str) -> &str {
    for prefix in ["Rp.", "RP.", "rp.", "Rp", "RP", "rp", "IDR"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            return rest.trim_start();
        }
    }
    s
}

/// A digits-and-separators text split into integer part, grouping separator,
/// fraction digits and decimal mark.
type Split<'a> = (&'a str, Option<char>, &'a str, Option<DecimalMark>);

fn split_separators(s: &str, kind: NumberKind) -> Result<Split<'_>, TextProblem> {
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let mark_of = |c: char| {
        if c == ',' {
            DecimalMark::Comma
        } else {
            DecimalMark::Point
        }
    };
    match (dots, commas) {
        (0, 0) => Ok((s, None, "", None)),
        (_, _) if dots > 0 && commas > 0 => {
            // Both present: the last one is the decimal mark and may appear once.
            let last = s.rfind(['.', ',']).expect("has separators");
            let dec = s.as_bytes()[last] as char;
            let group = if dec == ',' { '.' } else { ',' };
            if s.matches(dec).count() > 1 {
                return Err(malformed(s));
            }
            Ok((&s[..last], Some(group), &s[last + 1..], Some(mark_of(dec))))
        }
        _ => {
            let sep = if dots > 0 { '.' } else { ',' };
            let count = dots.max(commas);
            if count > 1 {
                return Ok((s, Some(sep), "", None));
            }
            let at = s.find(sep).expect("has separator");
            let (int_part, frac) = (&s[..at], &s[at + 1..]);
            let reads_as_grouping = match kind {
                NumberKind::Money | NumberKind::Count => frac.len() >= 3,
                NumberKind::Index => false,
                NumberKind::Measure | NumberKind::Percent => {
                    sep == '.'
                        && frac.len() == 3
                        && !int_part.is_empty()
                        && !int_part.starts_with('0')
                        && int_part.len() <= 3
                }
            };
            if reads_as_grouping {
                Ok((s, Some(sep), "", None))
            } else {
                Ok((int_part, None, frac, Some(mark_of(sep))))
            }
        }
    }
}

/// Removes a thousands separator, insisting on groups of three after the first.
fn ungroup(int_part: &str, sep: char) -> Result<String, TextProblem> {
    let groups: Vec<&str> = int_part.split(sep).collect();
    let valid =
        !groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3);
    if valid {
        Ok(groups.concat())
    } else {
        Err(malformed(int_part))
    }
}

/// The values a malformed grouping may have meant: the digits as typed, and each
/// short group padded or each long group cut to three digits.
fn malformed(s: &str) -> TextProblem {
    let groups: Vec<&str> = s.split(['.', ',']).collect();
    let mut texts: Vec<String> = vec![groups.concat()];
    for (i, g) in groups.iter().enumerate().skip(1) {
        let mut variant: Vec<String> = groups.iter().map(|g| g.to_string()).collect();
        if g.len() < 3 {
            variant[i] = format!("{g:0<3}");
            texts.push(variant.concat());
            variant[i] = format!("{g:0>3}");
            texts.push(variant.concat());
        } else if g.len() > 3 {
            variant[i] = g.chars().take(3).collect();
            texts.push(variant.concat());
        }
    }
    let mut readings: Vec<Decimal> = texts
        .iter()
        .filter_map(|t| Decimal::from_str(t).ok())
        .collect();
    readings.sort();
    readings.dedup();
    TextProblem::Malformed { readings }
}

/// An amount written with one mark as both thousands separator and decimal mark
/// (`21,276,070,424,00`, `1.234.567.00`): groups of three after the first, then
/// one or two decimals behind the same mark. The value it means (`21276070424.00`),
/// and its decimals; `None` for any other text.
pub fn same_mark_both_roles(text: &str) -> Option<(Decimal, u32)> {
    let s = strip_currency(text.replace('\u{a0}', " ").trim())
        .trim()
        .to_string();
    let s = s.strip_suffix(",-").or(s.strip_suffix(".-")).unwrap_or(&s);
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, s),
    };
    let mark = if s.contains(',') { ',' } else { '.' };
    if s.contains(if mark == ',' { '.' } else { ',' }) {
        return None;
    }
    let groups: Vec<&str> = s.split(mark).collect();
    let (last, whole) = groups.split_last()?;
    let (first, middle) = whole.split_first()?;
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    if middle.is_empty()
        || !digits(first)
        || first.len() > 3
        || !middle.iter().all(|g| g.len() == 3 && digits(g))
        || !digits(last)
        || last.len() > 2
    {
        return None;
    }
    let literal = format!("{first}{}.{last}", middle.concat());
    let mut value = Decimal::from_str(&literal).ok()?;
    if negative {
        value = -value;
    }
    Some((value, last.len() as u32))
}

/// A spreadsheet float as the exact decimal Excel's General format shows, normalized
/// (its `to_string()` is that text).
pub fn from_float(f: f64) -> Option<Decimal> {
    if !f.is_finite() {
        return None;
    }
    // Most cells are whole numbers or short decimals: take the cheap paths first.
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return Some(Decimal::from(f as i64));
    }
    if let Some(d) = short_decimal(f) {
        return Some(d);
    }
    // Excel keeps 15 significant digits; beyond that the binary noise is not data.
    // The shortest round-trip text is those digits whenever it has no more of them.
    let shortest = f.to_string();
    let text = if shortest.len() <= 20 && significant_digits(&shortest) <= 15 {
        shortest
    } else {
        format_significant(f, 15)
    };
    Decimal::from_str(&text).ok().map(|d| d.normalize())
}

/// `f` as `m / 10^s` for the fewest decimals `s` (up to 10) whose decimal is this
/// very double, while `m` has at most 15 digits: the shortest round-trip text, had
/// it been written out. One division of two exact doubles rounds as parsing the
/// text would; with so few digits the grid of such decimals is coarser than the
/// doubles near `f`, so no other decimal of that length reads as `f`.
fn short_decimal(f: f64) -> Option<Decimal> {
    let mut scale = 1.0;
    for s in 1..=10 {
        scale *= 10.0;
        let m = (f * scale).round();
        if m.abs() >= 1e15 {
            return None;
        }
        if m / scale == f {
            return Some(Decimal::new(m as i64, s));
        }
    }
    None
}

fn significant_digits(text: &str) -> usize {
    text.bytes()
        .filter(u8::is_ascii_digit)
        .skip_while(|b| *b == b'0')
        .count()
}

fn format_significant(f: f64, digits: usize) -> String {
    if f == 0.0 {
        return "0".into();
    }
    let magnitude = f.abs().log10().floor() as i32;
    let decimals = (digits as i32 - 1 - magnitude).clamp(0, 20) as usize;
    let s = format!("{f:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

/// Digits after the decimal point of an exact decimal as written (`0.4380` keeps 4).
pub fn decimals_of(text: &str) -> u32 {
    text.split(['.', ',']).nth(1).map_or(0, |f| {
        f.chars().take_while(|c| c.is_ascii_digit()).count() as u32
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn value(text: &str, kind: NumberKind) -> Decimal {
        parse_text(text, kind)
            .unwrap_or_else(|e| panic!("{text}: {e:?}"))
            .value
    }

    #[test]
    fn one_mark_in_both_roles_reads_as_the_amount_it_means() {
        assert_eq!(
            same_mark_both_roles("21,276,070,424,00"),
            Some((dec!(21276070424.00), 2))
        );
        assert_eq!(
            same_mark_both_roles("1.234.567.00"),
            Some((dec!(1234567.00), 2))
        );
        assert_eq!(
            same_mark_both_roles("Rp 1.234.567,5"),
            None,
            "two marks: an ordinary number"
        );
        assert_eq!(same_mark_both_roles("1.234.567"), None);
        assert_eq!(same_mark_both_roles("65.00.000"), None);
        assert_eq!(same_mark_both_roles("257.5465.00"), None);
        assert_eq!(same_mark_both_roles("12.50"), None);
        assert!(parse_text("21,276,070,424,00", NumberKind::Money).is_err());
    }

    #[test]
    fn every_money_form_of_the_seed() {
        use NumberKind::Money;
        assert_eq!(value("1.126.000", Money), dec!(1126000));
        assert_eq!(value("Rp. 2.822.773.034", Money), dec!(2822773034));
        assert_eq!(value("Rp. 6.796.834.585,-", Money), dec!(6796834585));
        assert_eq!(value("50.000.000,00", Money), dec!(50000000));
        assert_eq!(value("41615400", Money), dec!(41615400));
        assert_eq!(value("1,977,761,700", Money), dec!(1977761700));
        assert_eq!(value("Rp6.796.834.585", Money), dec!(6796834585));
        assert_eq!(value("1.126", Money), dec!(1126));
        let dash = parse_text("-", Money).unwrap();
        assert!(dash.dash);
        assert_eq!(dash.value, Decimal::ZERO);
    }

    #[test]
    fn decimals_and_marks_as_written() {
        let p = parse_text("100,00", NumberKind::Percent).unwrap();
        assert_eq!(
            (p.value, p.decimals, p.mark),
            (dec!(100), 2, Some(DecimalMark::Comma))
        );
        let p = parse_text("43,89%", NumberKind::Percent).unwrap();
        assert_eq!(
            (p.value, p.decimals, p.percent_sign),
            (dec!(43.89), 2, true)
        );
        let p = parse_text("0,8360", NumberKind::Index).unwrap();
        assert_eq!(
            (p.value, p.decimals, p.mark),
            (dec!(0.8360), 4, Some(DecimalMark::Comma))
        );
        let p = parse_text("0.8378", NumberKind::Index).unwrap();
        assert_eq!((p.value, p.mark), (dec!(0.8378), Some(DecimalMark::Point)));
    }

    #[test]
    fn a_column_decides_what_a_lone_point_means() {
        assert_eq!(value("1.423", NumberKind::Measure), dec!(1423));
        assert_eq!(value("1.423", NumberKind::Index), dec!(1.423));
        assert_eq!(value("0.6333", NumberKind::Measure), dec!(0.6333));
        assert_eq!(value("66,16", NumberKind::Measure), dec!(66.16));
        assert_eq!(value("0.726", NumberKind::Measure), dec!(0.726));
        assert_eq!(value("3,19", NumberKind::Measure), dec!(3.19));
    }

    #[test]
    fn malformed_groupings_are_reported_with_their_readings() {
        assert_eq!(
            parse_text("65.00.000", NumberKind::Money),
            Err(TextProblem::Malformed {
                readings: vec![dec!(6500000), dec!(65000000)]
            })
        );
        let Err(TextProblem::Malformed { readings }) = parse_text("257.5465.00", NumberKind::Money)
        else {
            panic!("257.5465.00 must be malformed")
        };
        assert!(readings.contains(&dec!(257546500)), "{readings:?}");
        assert!(matches!(
            parse_text("1.2.3", NumberKind::Money),
            Err(TextProblem::Malformed { .. })
        ));
        assert!(matches!(
            parse_text("1,000.000,5", NumberKind::Money),
            Err(TextProblem::Malformed { .. })
        ));
    }

    #[test]
    fn text_that_is_not_a_number() {
        for t in ["abc", "", "Rp.", "12 a", "#REF!", "1 000"] {
            assert_eq!(
                parse_text(t, NumberKind::Money),
                Err(TextProblem::NotANumber),
                "{t}"
            );
        }
    }

    #[test]
    fn negatives() {
        assert_eq!(value("-1.000", NumberKind::Money), dec!(-1000));
        assert_eq!(value("(1.000)", NumberKind::Money), dec!(-1000));
    }

    #[test]
    fn floats_read_as_excel_shows_them() {
        let shown = |f: f64| from_float(f).map(|d| d.to_string());
        assert_eq!(shown(0.9233).as_deref(), Some("0.9233"));
        assert_eq!(shown(1916739612.0).as_deref(), Some("1916739612"));
        assert_eq!(shown(-65000000.0).as_deref(), Some("-65000000"));
        assert_eq!(shown(0.1 + 0.2).as_deref(), Some("0.3"));
        assert_eq!(
            shown(0.4389140271493213).as_deref(),
            Some("0.438914027149321")
        );
        assert_eq!(shown(1e15).as_deref(), Some("1000000000000000"));
        assert_eq!(shown(1e-7).as_deref(), Some("0.0000001"));
        assert_eq!(shown(1e-30).as_deref(), Some("0"));
        assert_eq!(shown(-0.0).as_deref(), Some("0"));
        assert_eq!(from_float(f64::NAN), None);
        assert_eq!(from_float(f64::INFINITY), None);
    }

    /// Every float's decimal is what the 15-significant-digit text gives, on the
    /// fast paths as on the slow one.
    #[test]
    fn fast_paths_agree_with_fifteen_significant_digits() {
        let mut x: u64 = 0x9E3779B97F4A7C15;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let f = match x % 4 {
                0 => f64::from_bits(x),
                1 => (x % 1_000_000_000_000) as f64 / 10f64.powi((x % 9) as i32),
                2 => (x % 10_000) as f64 / 10_000.0,
                _ => (x % 100_000) as f64 / 100_000.0 * 100.0,
            };
            let slow = f
                .is_finite()
                .then(|| format_significant(f, 15))
                .and_then(|t| Decimal::from_str(&t).ok())
                .map(|d| d.normalize());
            assert_eq!(from_float(f), slow, "{f:e}");
        }
    }
}
