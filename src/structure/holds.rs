//! What a column holds, told from its cells with its header as evidence: codes,
//! names, money, counts, percentages, ratios, years, status labels. Every table
//! gets this for every column, known kind or not; rules that judge any table (a
//! parent and its children, a ratio column) read it.

use crate::number::{self, NumberKind};
use crate::read::{Cell, Value};
use rust_decimal::Decimal;
use serde::Serialize;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Holds {
    /// Nothing under the header.
    Empty,
    /// Row numbers: `1 2 3`, `1. 2.`, `I II`, `a. b.`.
    Numbering,
    /// Identifiers: `1.02.01`, `5.1.02.01.001.00024`, `3604052001`.
    Code,
    /// Free texts: the names of programs, villages, indicators.
    Name,
    /// A few words repeated down the column: a status, a grade, a unit.
    Label,
    /// Rupiah amounts.
    Money,
    /// Whole counts.
    Count,
    /// Percentages (whole percent, or ratios shown as percentages).
    Percent,
    /// Fractions of one: an index, a ratio.
    Ratio,
    /// Other figures: an indicator's target or realisation.
    Measure,
    /// Years.
    Year,
    /// Texts and figures with no clear majority.
    Mixed,
}

impl Holds {
    /// Figures that add up: a parent is the sum of its children in these.
    pub fn is_additive(self) -> bool {
        matches!(self, Holds::Money | Holds::Count)
    }

    /// Any figure.
    pub fn is_figure(self) -> bool {
        matches!(
            self,
            Holds::Money
                | Holds::Count
                | Holds::Percent
                | Holds::Ratio
                | Holds::Measure
                | Holds::Year
        )
    }

    /// How a text in such a column is read as a number.
    pub fn number_kind(self) -> Option<NumberKind> {
        Some(match self {
            Holds::Money => NumberKind::Money,
            Holds::Count => NumberKind::Count,
            Holds::Percent => NumberKind::Percent,
            Holds::Ratio => NumberKind::Index,
            Holds::Measure | Holds::Year => NumberKind::Measure,
            _ => return None,
        })
    }

    /// The stable name (`tables` output, JSON).
    pub fn name(self) -> &'static str {
        match self {
            Holds::Empty => "empty",
            Holds::Numbering => "numbering",
            Holds::Code => "code",
            Holds::Name => "name",
            Holds::Label => "label",
            Holds::Money => "money",
            Holds::Count => "count",
            Holds::Percent => "percent",
            Holds::Ratio => "ratio",
            Holds::Measure => "measure",
            Holds::Year => "year",
            Holds::Mixed => "mixed",
        }
    }
}

/// Header words that say what a column holds, as evidence beside its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Said {
    Nothing,
    Number,
    Code,
    Money,
    Percent,
    Count,
    Year,
}

/// What the header words of a column say (normalized header text).
fn said(header: &str) -> Said {
    let words: Vec<&str> = header.split(' ').collect();
    let has = |w: &str| words.contains(&w);
    if words.first() == Some(&"NO") && words.len() <= 2 || has("NOMOR") && words.len() <= 2 {
        return Said::Number;
    }
    if has("KODE") || has("KD") {
        return Said::Code;
    }
    if has("%") || has("PERSEN") || has("PERSENTASE") || has("PROSENTASE") {
        return Said::Percent;
    }
    if has("RP") || has("RUPIAH") || has("PAGU") || has("ANGGARAN") || has("DANA") || has("BELANJA")
    {
        return Said::Money;
    }
    if has("JML") || has("JUMLAH") || has("BANYAKNYA") {
        return Said::Count;
    }
    if has("TAHUN") && words.len() == 1 {
        return Said::Year;
    }
    Said::Nothing
}

/// The figure a column's header words alone promise (`ANGGARAN (Rp)` money,
/// `PERSENTASE` percentages), whatever its cells hold: a column of such a header
/// holding mostly text is worth telling.
pub fn said_figure(header: &str) -> Option<Holds> {
    match said(header) {
        Said::Money => Some(Holds::Money),
        Said::Percent => Some(Holds::Percent),
        Said::Count => Some(Holds::Count),
        _ => None,
    }
}

/// A dotted code (`1.02.01`, `5.1.02.01.001.00024`, `36.04.05.2001`): segments of
/// digits whose lengths are not those of thousands groups.
pub fn is_code(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.');
    let parts: Vec<&str> = t.split('.').collect();
    if parts.len() < 2
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 6 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    // `1.126.000` groups thousands; `2.16.01` is a code.
    !(parts[0].len() <= 3 && parts[1..].iter().all(|p| p.len() == 3))
}

/// An outline or row number written as one: `1.`, `a.`, `I`, `IV.`, `1)`, `(a)`
/// (a plain `1` is a figure, whatever column it stands in).
fn is_outline(text: &str) -> bool {
    let t = text.trim();
    let marked = t.ends_with('.') || t.ends_with(')') || t.starts_with('(');
    let core = t.trim_start_matches('(').trim_end_matches(['.', ')']);
    !core.is_empty()
        && core.len() <= 4
        && ((marked && core.bytes().all(|b| b.is_ascii_digit()))
            || (marked && core.len() == 1 && core.bytes().all(|b| b.is_ascii_alphabetic()))
            || core.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')))
}

/// Cells enough to tell what a column holds: a longer column (a country's
/// villages) is read at evenly spaced rows (`locate::fields`).
pub(super) const SAMPLE: usize = 2000;

/// What the column with `header` (normalized) holds, told from its body cells.
pub fn classify(header: &str, cells: &[&Cell]) -> Holds {
    let said = said(header);
    if cells.is_empty() {
        return Holds::Empty;
    }
    let mut values: Vec<Decimal> = Vec::new();
    let mut percent_cells = 0usize;
    let mut texts: Vec<&str> = Vec::new();
    let mut codes = 0usize;
    let mut outline = 0usize;
    let mut grouped = 0usize;
    for c in cells {
        match &c.value {
            Value::Number { value } => {
                values.push(*value);
                percent_cells += usize::from(c.percent_format);
            }
            Value::Text(t) => {
                let t = t.trim();
                if t.is_empty() {
                    continue;
                }
                // `88.6` under `CAPAIAN (%)` is a decimal, not a code `88.6`.
                let decimal_said = matches!(said, Said::Percent | Said::Money | Said::Count)
                    && t.matches('.').count() == 1;
                if is_code(t) && !decimal_said {
                    codes += 1;
                } else if is_outline(t) {
                    outline += 1;
                } else if let Ok(n) = number::parse_text(t, NumberKind::Measure) {
                    values.push(n.value);
                    percent_cells += usize::from(n.percent_sign);
                    grouped += usize::from(t.matches('.').count() >= 2 || t.contains("Rp"));
                } else if let Err(number::TextProblem::Malformed { .. }) =
                    number::parse_text(t, NumberKind::Money)
                {
                    // `65.00.000`: a figure typed wrong is still a figure.
                    values.push(Decimal::ZERO);
                    grouped += 1;
                } else {
                    texts.push(t);
                }
            }
            Value::Error(_) => values.push(Decimal::ZERO),
            Value::Date(_) | Value::Bool(_) => texts.push(""),
        }
    }
    let filled = values.len() + texts.len() + codes + outline;
    if filled == 0 {
        return Holds::Empty;
    }
    // Under a KODE header, bare numbers are codes too: `5 | 03 | 01 | 2.01`, a
    // code split over several columns.
    if codes * 2 > filled || (said == Said::Code && codes + values.len() + outline > texts.len()) {
        return Holds::Code;
    }
    if outline * 2 > filled && said != Said::Money {
        return Holds::Numbering;
    }
    if values.len() * 5 >= filled * 3 {
        return figures(said, &values, percent_cells, grouped);
    }
    if texts.len() * 5 >= filled * 3 {
        let mut distinct: Vec<&str> = texts.clone();
        distinct.sort_unstable();
        distinct.dedup();
        let mean = texts.iter().map(|t| t.chars().count()).sum::<usize>() / texts.len();
        return if texts.len() >= 3 && distinct.len() * 2 <= texts.len() && mean <= 25 {
            Holds::Label
        } else {
            Holds::Name
        };
    }
    Holds::Mixed
}

fn figures(said: Said, values: &[Decimal], percent_cells: usize, grouped: usize) -> Holds {
    let whole = values.iter().all(|v| v.fract().is_zero());
    let max = values.iter().map(|v| v.abs()).max().unwrap_or_default();
    let years = whole
        && values
            .iter()
            .all(|v| *v >= Decimal::from(1900) && *v <= Decimal::from(2100));
    match said {
        Said::Percent => return Holds::Percent,
        Said::Number if whole && max < Decimal::from(10_000) => return Holds::Numbering,
        Said::Code => return Holds::Code,
        Said::Year if years => return Holds::Year,
        _ => {}
    }
    if percent_cells * 2 > values.len() {
        return Holds::Percent;
    }
    if said == Said::Money || grouped * 2 > values.len() || max >= Decimal::from(1_000_000) {
        return Holds::Money;
    }
    if years && values.len() >= 2 {
        return Holds::Year;
    }
    if whole {
        return if said == Said::Count || max < Decimal::from(100_000) {
            Holds::Count
        } else {
            Holds::Money
        };
    }
    if max <= Decimal::new(15, 1) {
        return Holds::Ratio;
    }
    Holds::Measure
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cell::CellRef;

    fn cells(values: &[&str]) -> Vec<Cell> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| Cell {
                at: CellRef::new(i as u32, 0),
                value: match v.parse::<Decimal>() {
                    Ok(d) if !v.contains(',') => Value::Number {
                        value: d.normalize(),
                    },
                    _ => Value::Text(std::sync::Arc::from(*v)),
                },
                percent_format: false,
            })
            .collect()
    }

    fn holds(header: &str, values: &[&str]) -> Holds {
        let cells = cells(values);
        let refs: Vec<&Cell> = cells.iter().collect();
        classify(header, &refs)
    }

    #[test]
    fn columns_are_told_by_their_cells() {
        assert_eq!(
            holds("ALOKASI", &["1126000", "1175000", "1977761700"]),
            Holds::Money
        );
        assert_eq!(
            holds("X", &["10.701.893.800,00", "0,00", "643.531.783,00"]),
            Holds::Money
        );
        assert_eq!(holds("X", &["99", "96,5", "100"]), Holds::Measure);
        assert_eq!(holds("PERSENTASE", &["99", "96", "100"]), Holds::Percent);
        assert_eq!(holds("X", &["0.8360", "0.7072", "0.5"]), Holds::Ratio);
        assert_eq!(
            holds("X", &["2.16", "2.16.01", "2.16.01.2.01"]),
            Holds::Code
        );
        assert_eq!(holds("NO", &["1", "2", "3"]), Holds::Numbering);
        assert_eq!(holds("X", &["I", "1.", "a.", "b."]), Holds::Numbering);
        assert_eq!(holds("X", &["3", "12", "7"]), Holds::Count);
        assert_eq!(
            holds(
                "STATUS",
                &["MAJU", "BERKEMBANG", "MAJU", "MAJU", "MANDIRI", "MAJU"]
            ),
            Holds::Label
        );
        assert_eq!(
            holds("X", &["Penyusunan Dokumen Perencanaan", "Evaluasi Kinerja"]),
            Holds::Name
        );
    }

    #[test]
    fn codes_are_not_thousands() {
        assert!(is_code("2.16.01.2.01.0001"));
        assert!(is_code("5.1.02.01.001.00024"));
        assert!(is_code("36.04.05.2001"));
        assert!(!is_code("1.126.000"));
        assert!(!is_code("65.000.000"));
        assert!(!is_code("abc"));
    }
}
