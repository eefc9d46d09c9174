//! Performance: IKU targets (`iku`), PK targets (`pk_target`), IKU achievement
//! (`capaian`), Tabel 3.3 indicators (`lembaga`) and staff (`personil`).
//!
//! Targets and realisations are [`Measure`]s: a number, or a qualitative value
//! (`HIJAU`, `Nindya`) that no capaian can be computed from. Nothing here decides
//! whether a figure is right; [`Achievement::computed_capaian`] only says what the
//! capaian is by the report's formulas.

use super::{Figure, FigureProblem, TableView};
use crate::cell::CellRef;
use crate::compare::agrees;
use crate::config::Config;
use crate::number::{self, NumberKind};
use crate::read::{Cell, Value};
use crate::structure::Row;
use crate::table::{Col, TableKind};
use rust_decimal::Decimal;

/// The records of this domain.
#[derive(Debug, Default)]
pub struct Performance {
    /// IKU rows of the Renstra (tujuan-level and sasaran-level), in reading order.
    pub iku: Vec<Indicator>,
    /// PK indicator targets.
    pub pk_targets: Vec<PkTarget>,
    /// IKU achievement rows (Tabel 3.2, Pengukuran Kinerja).
    pub achievements: Vec<Achievement>,
    /// Tabel 3.3 indicators with a value per year.
    pub lembaga: Vec<LembagaIndicator>,
    /// Staff tables, each with its positions and its Jumlah Total row.
    pub staff: Vec<StaffTable>,
}

/// A target or a realisation: a number, or a qualitative value.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    /// The cell as read by its column.
    pub figure: Figure,
    /// The number: the cell's, the one written with a unit or grade (`66,16 POIN`,
    /// `70 (BB)`, `24 Dokumen`), or the bound of a one-sided target (`≥ 80`, `maks
    /// 5`). `None` for a range (`65–70`), which [`Measure::range`] holds.
    pub value: Option<Decimal>,
    /// Digits after the decimal mark of `value` as written.
    pub decimals: u32,
    /// The number is a real spreadsheet number (not text), so a formula may use it.
    pub is_number_cell: bool,
    /// A target written as a range or a bound: `65–70`, `65 s/d 70`, `≥ 80`, `maks 5`.
    pub range: Option<TargetRange>,
    /// The unit or grade written with the number (`BB` of `70 (BB)`, `km` of
    /// `2,57 km`), kept as text.
    pub label: Option<String>,
}

/// A target given as a range or a bound: its lower end, its upper end, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetRange {
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
}

impl TargetRange {
    /// The end of the range nearest to `x`, and whether `x` lies within it.
    pub fn nearest(&self, x: Decimal) -> (Decimal, bool) {
        match (self.low, self.high) {
            (Some(l), _) if x < l => (l, false),
            (_, Some(h)) if x > h => (h, false),
            (Some(l), Some(h)) => (if x - l <= h - x { l } else { h }, true),
            (Some(l), None) => (l, true),
            (None, Some(h)) => (h, true),
            (None, None) => (x, true),
        }
    }
}

impl Measure {
    /// A measure read from its cell. A number in a percent-formatted cell (`0.8`
    /// shown as `80%`) is read as the percentage it shows.
    pub fn new(figure: &Figure, cell: Option<&Cell>) -> Measure {
        let cell_is_number = cell.is_some_and(|c| matches!(c.value, Value::Number { .. }));
        let percent = cell_is_number && cell.is_some_and(|c| c.percent_format);
        let mut range = None;
        let mut label = None;
        let (value, decimals) = match (figure.value, figure.problem.as_deref()) {
            (Some(v), _) if percent => (
                Some(v * Decimal::ONE_HUNDRED),
                figure.decimals.saturating_sub(2),
            ),
            (Some(v), _) => (Some(v), figure.decimals),
            (None, Some(FigureProblem::NotANumber)) => match read_written(&figure.written) {
                Some(w) => {
                    range = w.range;
                    label = w.label;
                    (w.value, w.decimals)
                }
                None => (None, 0),
            },
            _ => (None, 0),
        };
        Measure {
            figure: figure.clone(),
            value,
            decimals,
            is_number_cell: cell_is_number && figure.value.is_some(),
            range,
            label,
        }
    }

    pub fn at(&self) -> CellRef {
        self.figure.at
    }

    /// The cell as written.
    pub fn written(&self) -> &str {
        self.figure.written.trim()
    }

    /// A value in words (`HIJAU`, `Inovatif`): no number can be read from it, and
    /// it has letters (`1 000` or `#REF!` are no words).
    pub fn is_qualitative(&self) -> bool {
        self.value.is_none()
            && self.range.is_none()
            && self.figure.problem.as_deref() == Some(&FigureProblem::NotANumber)
            && self.figure.written.chars().any(char::is_alphabetic)
            && !self.figure.written.trim_start().starts_with('#')
    }

    /// The target as a range: a one-sided bound or a range as written, else the
    /// number itself.
    fn as_ref_range(&self) -> Option<TargetRange> {
        self.range.or(self.value.map(|v| TargetRange {
            low: Some(v),
            high: Some(v),
        }))
    }
}

/// A text read as a target or realisation: its number, its range, its unit.
#[derive(Debug, Clone, PartialEq)]
struct Written {
    value: Option<Decimal>,
    decimals: u32,
    range: Option<TargetRange>,
    label: Option<String>,
}

/// Words that make a number a lower bound (`≥ 80`, `minimal 80`) or an upper one
/// (`≤ 5`, `maks 5`), longest first.
const AT_LEAST: [&str; 12] = [
    "sekurang-kurangnya",
    "paling sedikit",
    "lebih dari",
    "minimum",
    "minimal",
    "min.",
    "min",
    ">=",
    "=>",
    "≥",
    ">",
    "≧",
];
const AT_MOST: [&str; 15] = [
    "setinggi-tingginya",
    "tidak lebih dari",
    "paling banyak",
    "kurang dari",
    "maksimum",
    "maksimal",
    "maks.",
    "maks",
    "max.",
    "max",
    "<=",
    "=<",
    "≤",
    "<",
    "≦",
];
/// What stands between the ends of a range: `65–70`, `65 - 70`, `65 s/d 70`.
const RANGE_MARKS: [&str; 9] = [
    " s/d ", " s.d. ", " s.d ", " sd ", " sampai ", " hingga ", "–", "—", "-",
];

/// Reads a target or realisation written as text: a number with a unit or grade
/// (`66,16 POIN`, `70 (BB)`, `2,57 km`, `30\nDokumen`), a bound (`≥ 80`, `maks 5`)
/// or a range (`65–70`, `80 - 90%`). `None` for anything else: words alone
/// (`HIJAU`), two figures in one cell (`71,5 52,88`).
fn read_written(text: &str) -> Option<Written> {
    let t = text.replace(['\u{a0}', '\n', '\r', '\t'], " ");
    let t = t.trim();
    // ASCII lower case keeps every byte offset of `t`.
    let lower = t.to_ascii_lowercase();
    for (words, lower_bound) in [(&AT_LEAST[..], true), (&AT_MOST[..], false)] {
        for w in words {
            let Some(rest) = lower.strip_prefix(w) else {
                continue;
            };
            let (value, decimals, label) = number_with_label(&t[t.len() - rest.len()..])?;
            let range = if lower_bound {
                TargetRange {
                    low: Some(value),
                    high: None,
                }
            } else {
                TargetRange {
                    low: None,
                    high: Some(value),
                }
            };
            return Some(Written {
                value: Some(value),
                decimals,
                range: Some(range),
                label,
            });
        }
    }
    for mark in RANGE_MARKS {
        let Some((a, _)) = lower.split_once(mark) else {
            continue;
        };
        let (a, b) = (&t[..a.len()], &t[a.len() + mark.len()..]);
        let Some((low, _, first_label)) = number_with_label(a) else {
            continue;
        };
        let Some((high, decimals, label)) = number_with_label(b) else {
            continue;
        };
        if low >= high
            || first_label
                .as_ref()
                .is_some_and(|l| Some(l) != label.as_ref())
        {
            return None;
        }
        return Some(Written {
            value: None,
            decimals,
            range: Some(TargetRange {
                low: Some(low),
                high: Some(high),
            }),
            label,
        });
    }
    let (value, decimals, label) = number_with_label(t)?;
    Some(Written {
        value: Some(value),
        decimals,
        range: None,
        label,
    })
}

/// A number followed by a unit or grade: `66,16 POIN` → (66.16, 2, `POIN`),
/// `70 (BB)` → (70, 0, `BB`), `55 %` → (55, 0, `%`). `None` when the text does not
/// start with a number, or goes on with another figure (`71,5 52,88`).
pub fn number_with_label(text: &str) -> Option<(Decimal, u32, Option<String>)> {
    let t = text.trim();
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',' || c == '-'))
        .unwrap_or(t.len());
    let (num, rest) = t.split_at(end);
    let rest = rest.trim();
    if num.is_empty() || !num.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let n = number::parse_text(num, NumberKind::Measure).ok()?;
    if n.dash {
        return None;
    }
    if rest.is_empty() {
        return Some((n.value, n.decimals, None));
    }
    // A unit or grade: it starts with a letter, `(` or `%`, and no token of it is
    // a figure of its own (`m2`, `km²` are units; `52,88` is a second figure).
    let starts = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '(' || c == '%');
    let figure_token = rest.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| c == '(' || c == ')');
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    });
    if !starts || figure_token || !rest.chars().any(|c| c.is_alphabetic() || c == '%') {
        return None;
    }
    let label = rest
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim()
        .to_string();
    Some((n.value, n.decimals, Some(label)))
}

/// Whether an IKU row states a goal (tujuan) indicator or a sasaran indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndicatorLevel {
    /// A tujuan row: INDIKATOR TUJUAN filled, INDIKATOR KINERJA blank.
    Tujuan,
    /// A sasaran row: INDIKATOR KINERJA filled.
    Sasaran,
}

/// One IKU target of one year.
#[derive(Debug, Clone, PartialEq)]
pub struct YearTarget {
    pub year: i32,
    pub target: Measure,
}

/// An IKU row: an indicator of the Renstra with its target per year.
#[derive(Debug, Clone)]
pub struct Indicator {
    /// Index into [`super::Model::tables`].
    pub table: usize,
    pub row: u32,
    pub no: Option<String>,
    /// The tujuan this row belongs to (carried down from the row that states it).
    pub tujuan: Option<String>,
    pub indikator_tujuan: Option<String>,
    /// The sasaran (carried down over merged rows).
    pub sasaran: Option<String>,
    pub indikator_kinerja: Option<String>,
    pub formulasi: Option<String>,
    pub satuan: Option<String>,
    pub level: IndicatorLevel,
    /// The cell holding the indicator's name.
    pub name_cell: CellRef,
    /// Targets in year order; years left blank are absent.
    pub targets: Vec<YearTarget>,
}

impl Indicator {
    /// The indicator: INDIKATOR KINERJA, or INDIKATOR TUJUAN on tujuan rows.
    pub fn name(&self) -> &str {
        match self.level {
            IndicatorLevel::Sasaran => self.indikator_kinerja.as_deref().unwrap_or(""),
            IndicatorLevel::Tujuan => self.indikator_tujuan.as_deref().unwrap_or(""),
        }
    }

    /// The target of `year`, if given.
    pub fn target(&self, year: i32) -> Option<&Measure> {
        self.targets
            .iter()
            .find(|t| t.year == year)
            .map(|t| &t.target)
    }
}

/// A PK indicator target.
#[derive(Debug, Clone)]
pub struct PkTarget {
    pub table: usize,
    pub row: u32,
    pub no: Option<String>,
    /// The sasaran strategis (carried down over merged rows).
    pub sasaran: Option<String>,
    pub indikator: String,
    pub indikator_cell: CellRef,
    pub formulasi: Option<String>,
    pub satuan: Option<String>,
    pub target: Option<Measure>,
}

/// Which way an indicator improves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Polarity {
    /// Higher is better (*progress positif*): capaian = realisasi / target × 100.
    #[default]
    Positive,
    /// Lower is better (*progress negatif*): capaian = (target − (realisasi − target)) / target × 100.
    Negative,
}

/// What told an indicator's polarity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolarityFrom {
    /// Its POLARITAS cell.
    Stated,
    /// Words of its name that say lower is better (`angka kematian`).
    Name(&'static str),
    /// Its target is an upper bound (`≤ 5`, `maks 5`).
    Target,
    /// Nothing: higher is better is assumed, and a capaian computed the other way
    /// is not called wrong.
    Nothing,
}

/// Words in an indicator's name that say lower is better, for indicators whose
/// table has no POLARITAS column: what the indicator counts is a harm (deaths,
/// poverty, unemployment, cases, findings) or a time taken.
const LOWER_IS_BETTER: [&str; 48] = [
    "waktu penyelesaian",
    "lama penyelesaian",
    "lama waktu",
    "rata-rata waktu",
    "waktu rata-rata",
    "waktu tunggu",
    "lama pelayanan",
    "angka kematian",
    "kematian",
    "angka kesakitan",
    "prevalensi",
    "stunting",
    "gizi buruk",
    "gizi kurang",
    "kekurangan gizi",
    "underweight",
    "wasting",
    "bblr",
    "berat badan lahir rendah",
    "kemiskinan",
    "penduduk miskin",
    "pengangguran",
    "putus sekolah",
    "buta aksara",
    "angka buta",
    "kriminalitas",
    "kecelakaan",
    "pelanggaran",
    "kekerasan",
    "perkawinan anak",
    "pernikahan dini",
    "pungutan liar",
    "pungli",
    "gratifikasi",
    "korupsi",
    "suap",
    "inflasi",
    "rasio gini",
    "indeks gini",
    "ketimpangan",
    "kumuh",
    "tidak layak huni",
    "lahan kritis",
    "genangan",
    "tunggakan",
    "desa tertinggal",
    "jumlah kasus",
    "jumlah temuan",
];

/// Words that make an indicator measure the reduction or handling of a harm,
/// which is better higher (`persentase penurunan angka kemiskinan`, `kasus yang
/// ditangani`).
const REDUCTION: [&str; 23] = [
    "penurunan",
    "menurunnya",
    "turunnya",
    "berkurangnya",
    "pengurangan",
    "penanganan",
    "penanggulangan",
    "ditangani",
    "tertangani",
    "diselesaikan",
    "terselesaikan",
    "ditindaklanjuti",
    "tindak lanjut",
    "pencegahan",
    "cakupan",
    "bebas",
    "terbebas",
    "mendapat",
    "memperoleh",
    "dilayani",
    "terlayani",
    "layanan",
    "pelayanan",
];

impl Polarity {
    /// Reads a POLARITAS cell: `negatif`, `menurun`, `lower is better` (and the
    /// like) mean lower is better; anything else higher is better.
    pub fn from_text(text: &str) -> Polarity {
        let t = text.to_lowercase();
        let negative = [
            "negatif",
            "negative",
            "menurun",
            "turun",
            "lower",
            "minimal",
            "minimize",
            "minimise",
            "semakin rendah",
            "semakin kecil",
        ];
        if negative.iter().any(|w| t.contains(w)) {
            Polarity::Negative
        } else {
            Polarity::Positive
        }
    }

    /// The words of an indicator's name that say lower is better, if any: a harm or
    /// a time taken, unless the name speaks of reducing or handling it.
    pub fn lower_is_better_in(name: &str) -> Option<&'static str> {
        let n = name.to_lowercase();
        let time = LOWER_IS_BETTER[..7].iter().find(|w| n.contains(*w));
        if time.is_some() {
            return time.copied();
        }
        if REDUCTION.iter().any(|w| n.contains(w)) {
            return None;
        }
        LOWER_IS_BETTER[7..]
            .iter()
            .find(|w| n.contains(*w))
            .copied()
    }

    /// The other way round.
    pub fn other(self) -> Polarity {
        match self {
            Polarity::Positive => Polarity::Negative,
            Polarity::Negative => Polarity::Positive,
        }
    }
}

/// The capaian (%) of a target and a realisation, unrounded; `None` for a zero target.
pub fn capaian(target: Decimal, realisasi: Decimal, polarity: Polarity) -> Option<Decimal> {
    if target.is_zero() {
        return None;
    }
    let numerator = match polarity {
        Polarity::Positive => realisasi,
        Polarity::Negative => target - (realisasi - target),
    };
    numerator
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(target)
}

/// What a row's capaian is by the report's formulas, and which stated values are
/// right.
#[derive(Debug, Clone, PartialEq)]
pub struct Capaian {
    /// By the formula of the row's polarity, against its target (for a range or a
    /// bound, the end nearest to the realisation; 100 for a realisation inside a
    /// range), unrounded.
    pub value: Decimal,
    /// The target the formula was applied to.
    pub target: Decimal,
    pub polarity: Polarity,
    /// Other values that are right as well: 100 for a bound met; with nothing
    /// telling the polarity, the lower-is-better formula's value.
    pub also: Vec<Decimal>,
    /// For a realisation inside a range, every value between the formula at its
    /// two ends is right.
    pub span: Option<(Decimal, Decimal)>,
    /// With the polarity known, the value the other polarity's formula gives: what a
    /// capaian computed the wrong way reads.
    pub wrong_way: Option<Decimal>,
}

impl Capaian {
    /// Whether `stated`, written with `decimals` digits, is a right capaian.
    pub fn accepts(&self, stated: Decimal, decimals: u32) -> bool {
        let half = Decimal::new(5, decimals.min(27) + 1);
        agrees(stated, decimals, self.value)
            || self.also.iter().any(|&x| agrees(stated, decimals, x))
            || self
                .span
                .is_some_and(|(lo, hi)| lo - half <= stated && stated <= hi + half)
    }

    /// Whether `stated` is what the other polarity's formula gives (and no right value).
    pub fn computed_the_wrong_way(&self, stated: Decimal, decimals: u32) -> bool {
        !self.accepts(stated, decimals)
            && self.wrong_way.is_some_and(|w| agrees(stated, decimals, w))
    }
}

/// The capaian of `target` (its number, range or bound) and `realisasi`.
pub fn capaian_of(
    target: &Measure,
    realisasi: Decimal,
    polarity: Polarity,
    from: PolarityFrom,
) -> Option<Capaian> {
    let range = target.as_ref_range()?;
    let (end, inside) = range.nearest(realisasi);
    let formula = |t: Decimal, p: Polarity| capaian(t, realisasi, p);
    let mut also = Vec::new();
    let mut span = None;
    let two_ends = target
        .range
        .is_some_and(|r| r.low.is_some() && r.high.is_some());
    let value = if two_ends && inside {
        let (lo, hi) = (range.low?, range.high?);
        let (a, b) = (formula(lo, polarity)?, formula(hi, polarity)?);
        span = Some((a.min(b), a.max(b)));
        Decimal::ONE_HUNDRED
    } else {
        let v = formula(end, polarity)?;
        if target.range.is_some() && inside {
            also.push(Decimal::ONE_HUNDRED);
        }
        v
    };
    let other = formula(end, polarity.other());
    let wrong_way = match from {
        PolarityFrom::Nothing => {
            also.extend(other);
            None
        }
        _ => other,
    };
    Some(Capaian {
        value,
        target: end,
        polarity,
        also,
        span,
        wrong_way,
    })
}

/// A text cell with its address.
#[derive(Debug, Clone, PartialEq)]
pub struct TextCell {
    pub at: CellRef,
    pub text: String,
}

/// An IKU achievement row: target, realisation, capaian and category.
#[derive(Debug, Clone)]
pub struct Achievement {
    pub table: usize,
    pub row: u32,
    pub no: Option<String>,
    /// The sasaran (carried down over merged rows).
    pub sasaran: Option<String>,
    pub indikator: String,
    pub indikator_cell: CellRef,
    pub satuan: Option<String>,
    pub target: Option<Measure>,
    pub realisasi: Option<Measure>,
    /// The capaian as stated, in whole percent.
    pub capaian: Option<Figure>,
    /// The capaian cell stores a ratio (percent-formatted, or a ratio column):
    /// a correction writes `realisasi/target`, not ×100.
    pub capaian_ratio: bool,
    pub kategori: Option<TextCell>,
    pub polarity: Polarity,
    /// What told the polarity.
    pub polarity_from: PolarityFrom,
    /// The POLARITAS cell as written, if the table has one.
    pub polaritas: Option<TextCell>,
    /// Last year's realisation.
    pub realisasi_lalu: Option<Measure>,
    /// The Renstra end target.
    pub target_akhir: Option<Measure>,
}

impl Achievement {
    /// The capaian by the report's formulas, unrounded: `None` when the target or
    /// the realisation is missing or not a number, or the target is zero.
    pub fn computed_capaian(&self) -> Option<Decimal> {
        self.judged_capaian().map(|c| c.value)
    }

    /// The capaian with the values that are right for it ([`Capaian`]).
    pub fn judged_capaian(&self) -> Option<Capaian> {
        let r = self.realisasi.as_ref()?.value?;
        capaian_of(self.target.as_ref()?, r, self.polarity, self.polarity_from)
    }

    /// The capaian cell, wherever the table has one.
    pub fn capaian_cell(&self) -> Option<CellRef> {
        self.capaian.as_ref().map(|f| f.at)
    }
}

/// A Tabel 3.3 indicator with its value per year.
#[derive(Debug, Clone)]
pub struct LembagaIndicator {
    pub table: usize,
    pub row: u32,
    pub name: String,
    pub name_cell: CellRef,
    /// The values in column order.
    pub values: Vec<LembagaValue>,
}

/// One year's value of a Tabel 3.3 indicator.
#[derive(Debug, Clone)]
pub struct LembagaValue {
    pub year: i32,
    pub figure: Figure,
    /// The value as shown: a number in a percent-formatted cell (`0.85` shown as
    /// `85%`) is the percentage.
    pub value: Option<Decimal>,
}

impl LembagaIndicator {
    /// The indicator is a percentage: its name starts with `%`, or speaks of
    /// *persen* / *persentase*.
    pub fn is_percent(&self) -> bool {
        let n = self.name.trim().to_lowercase();
        n.starts_with('%') || n.contains("persen") || n.contains("prosentase")
    }
}

/// One entry of a position's breakdown (by rank or by education).
#[derive(Debug, Clone, PartialEq)]
pub struct BreakdownEntry {
    pub row: u32,
    /// The rank or education as written (`Penata (III/c)`, `S1`, `-`).
    pub label: Option<String>,
    /// The count as read (a lone `-` reads as zero with `dash` set).
    pub count: Option<Figure>,
    /// The count cell (filled or not).
    pub count_cell: CellRef,
}

impl BreakdownEntry {
    /// An entry that says nothing: label and count blank or a lone dash.
    pub fn is_dash(&self) -> bool {
        let label_dash = self
            .label
            .as_deref()
            .is_none_or(|l| matches!(l.trim(), "-" | "–" | "—" | ""));
        let count_dash = self.count.as_ref().is_none_or(|c| c.dash);
        label_dash && count_dash
    }
}

/// A position (JABATAN) with its count and its breakdowns.
#[derive(Debug, Clone)]
pub struct Position {
    pub row: u32,
    pub no: Option<String>,
    pub jabatan: String,
    /// JML of the position.
    pub count: Option<Figure>,
    pub count_cell: Option<CellRef>,
    /// By rank (PANGKAT/GOL/RUANG + JML), first row and continuation rows.
    pub ranks: Vec<BreakdownEntry>,
    /// By education (PENDIDIKAN FORMAL + JML).
    pub education: Vec<BreakdownEntry>,
    pub ket: Option<String>,
}

/// Which breakdown of a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breakdown {
    Rank,
    Education,
}

impl Position {
    pub fn breakdown(&self, which: Breakdown) -> &[BreakdownEntry] {
        match which {
            Breakdown::Rank => &self.ranks,
            Breakdown::Education => &self.education,
        }
    }

    /// Whether a breakdown is given: some entry is more than a dash (the honorer
    /// ranks, all `-`, are no breakdown).
    pub fn has_breakdown(&self, which: Breakdown) -> bool {
        self.breakdown(which).iter().any(|e| !e.is_dash())
    }
}

/// The Jumlah Total row of a staff table.
#[derive(Debug, Clone)]
pub struct StaffTotal {
    pub row: u32,
    pub label: String,
    /// (column, figure as read, cell) for each JML column; the figure is `None`
    /// when the cell is blank.
    pub figures: Vec<(Col, Option<Figure>, CellRef)>,
}

impl StaffTotal {
    pub fn figure(&self, col: Col) -> Option<&Figure> {
        self.figures
            .iter()
            .find(|(c, ..)| *c == col)
            .and_then(|(_, f, _)| f.as_ref())
    }
}

/// A staff table.
#[derive(Debug, Clone)]
pub struct StaffTable {
    pub table: usize,
    pub positions: Vec<Position>,
    pub total: Option<StaffTotal>,
    /// Sheet rows of the body above the total (positions and continuation rows).
    pub body_rows: Vec<u32>,
    /// The sheet column of each JML column present.
    pub columns: Vec<(Col, u32)>,
}

/// Builds the records from the located tables of this domain's kinds.
pub fn build(views: &[TableView], _cfg: &Config) -> Performance {
    let mut p = Performance::default();
    for view in views {
        match view.kind() {
            TableKind::Iku => p.iku.extend(iku(view)),
            TableKind::PkTarget => p.pk_targets.extend(pk_targets(view)),
            TableKind::Capaian => p.achievements.extend(achievements(view)),
            TableKind::Lembaga => p.lembaga.extend(lembaga(view)),
            TableKind::Personil => p.staff.push(staff(view)),
            _ => {}
        }
    }
    p
}

fn measure(view: &TableView, row: &Row, col: Col) -> Option<Measure> {
    view.figure(row, col)
        .map(|f| Measure::new(f, view.table.cell(row, col)))
}

/// A summary row (`Jumlah`, `Total`, `Rata-rata`) rather than an indicator.
fn is_summary(text: &str) -> bool {
    let t = text.trim().to_uppercase();
    ["JUMLAH", "TOTAL", "RATA-RATA", "RATA RATA", "RERATA"]
        .iter()
        .any(|w| t.starts_with(w))
}

fn iku(view: &TableView) -> Vec<Indicator> {
    let mut out = Vec::new();
    let mut tujuan: Option<String> = None;
    let mut sasaran: Option<String> = None;
    let year_columns: Vec<(i32, u32)> = view
        .table
        .columns
        .iter()
        .filter(|c| c.col == Col::Target)
        .filter_map(|c| c.year.map(|y| (y, c.index)))
        .collect();
    for row in &view.table.rows {
        if let Some(t) = view.text(row, Col::Tujuan) {
            tujuan = Some(t);
            sasaran = None;
        }
        if let Some(s) = view.text(row, Col::Sasaran) {
            sasaran = Some(s);
        }
        let kinerja = view.text(row, Col::Indikator);
        let of_tujuan = view.text(row, Col::IndikatorTujuan);
        let (level, name_col) = match (&kinerja, &of_tujuan) {
            (Some(_), _) => (IndicatorLevel::Sasaran, Col::Indikator),
            (None, Some(_)) => (IndicatorLevel::Tujuan, Col::IndikatorTujuan),
            (None, None) => continue,
        };
        let name = kinerja
            .as_deref()
            .or(of_tujuan.as_deref())
            .unwrap_or_default();
        if is_summary(name) {
            continue;
        }
        let targets = year_columns
            .iter()
            .filter_map(|&(year, index)| {
                let f = view.figure_of_year(row, Col::Target, year)?;
                Some(YearTarget {
                    year,
                    target: Measure::new(f, row.at(index)),
                })
            })
            .collect();
        out.push(Indicator {
            table: view.index,
            row: row.row,
            no: view.text(row, Col::No),
            tujuan: tujuan.clone(),
            indikator_tujuan: of_tujuan,
            sasaran: if level == IndicatorLevel::Sasaran {
                sasaran.clone()
            } else {
                None
            },
            indikator_kinerja: kinerja,
            formulasi: view.text(row, Col::Formulasi),
            satuan: view.text(row, Col::Satuan),
            level,
            name_cell: view
                .cell_ref(row, name_col)
                .expect("the name column exists"),
            targets,
        });
    }
    out
}

fn pk_targets(view: &TableView) -> Vec<PkTarget> {
    let mut out = Vec::new();
    let mut sasaran: Option<String> = None;
    for row in &view.table.rows {
        if let Some(s) = view.text(row, Col::Sasaran) {
            sasaran = Some(s);
        }
        let Some(indikator) = view.text(row, Col::Indikator) else {
            continue;
        };
        if is_summary(&indikator) {
            continue;
        }
        let pk = PkTarget {
            table: view.index,
            row: row.row,
            no: view.text(row, Col::No),
            sasaran: sasaran.clone(),
            indikator,
            indikator_cell: view
                .cell_ref(row, Col::Indikator)
                .expect("the indicator column exists"),
            formulasi: view.text(row, Col::Formulasi),
            satuan: view.text(row, Col::Satuan),
            target: measure(view, row, Col::Target),
        };
        out.extend(split_lines(pk));
    }
    out
}

/// The lines of a cell, without list marks (`-`, `1.`) and blank lines.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.trim().trim_start_matches(['-', '•', '*']).trim())
        .map(|l| {
            let rest = l.trim_start_matches(|c: char| c.is_ascii_digit());
            match rest.strip_prefix(['.', ')']) {
                Some(r) if rest.len() < l.len() => r.trim(),
                _ => l,
            }
        })
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// A PK row that lists several indicators in one cell, one a line, with their
/// targets one a line in the target cell (Tabel 2.6 of the seed), becomes one
/// target per line; any other row stays as it is.
fn split_lines(pk: PkTarget) -> Vec<PkTarget> {
    let names = lines(&pk.indikator);
    let Some(target) = pk.target.as_ref().filter(|_| names.len() > 1) else {
        return vec![pk];
    };
    let values: Vec<&str> = target.figure.written.split_whitespace().collect();
    if values.len() != names.len() {
        return vec![pk];
    }
    let measures: Vec<Measure> = values
        .iter()
        .map(|v| {
            let cell = Cell {
                at: target.at(),
                value: Value::Text(v.to_string().into()),
                percent_format: false,
            };
            Measure::new(&Figure::read(&cell, NumberKind::Measure), Some(&cell))
        })
        .collect();
    if measures.iter().any(|m| m.value.is_none()) {
        return vec![pk];
    }
    let sasaran_lines = pk
        .sasaran
        .as_deref()
        .map(lines)
        .filter(|l| l.len() == names.len());
    names
        .into_iter()
        .zip(measures)
        .enumerate()
        .map(|(i, (name, m))| PkTarget {
            indikator: name,
            sasaran: sasaran_lines
                .as_ref()
                .map(|l| l[i].clone())
                .or_else(|| pk.sasaran.clone()),
            target: Some(m),
            ..pk.clone()
        })
        .collect()
}

fn achievements(view: &TableView) -> Vec<Achievement> {
    let mut out = Vec::new();
    let mut sasaran: Option<String> = None;
    let ratio_column = view.columns(Col::Capaian).next().is_some_and(|c| c.ratio);
    for row in &view.table.rows {
        if let Some(s) = view.text(row, Col::Sasaran) {
            sasaran = Some(s);
        }
        let Some(indikator) = view.text(row, Col::Indikator) else {
            continue;
        };
        if is_summary(&indikator) {
            continue;
        }
        let text_cell = |col: Col| {
            let text = view.text(row, col)?;
            Some(TextCell {
                at: view.cell_ref(row, col)?,
                text,
            })
        };
        let polaritas = text_cell(Col::Polaritas);
        let capaian_cell = view.table.cell(row, Col::Capaian);
        let target = measure(view, row, Col::Target);
        let upper_bound = target
            .as_ref()
            .and_then(|t| t.range)
            .is_some_and(|r| r.low.is_none() && r.high.is_some());
        let (polarity, polarity_from) = match (&polaritas, Polarity::lower_is_better_in(&indikator))
        {
            (Some(p), _) => (Polarity::from_text(&p.text), PolarityFrom::Stated),
            (None, Some(word)) => (Polarity::Negative, PolarityFrom::Name(word)),
            (None, None) if upper_bound => (Polarity::Negative, PolarityFrom::Target),
            (None, None) => (Polarity::Positive, PolarityFrom::Nothing),
        };
        out.push(Achievement {
            table: view.index,
            row: row.row,
            no: view.text(row, Col::No),
            sasaran: sasaran.clone(),
            indikator,
            indikator_cell: view
                .cell_ref(row, Col::Indikator)
                .expect("the indicator column exists"),
            satuan: view.text(row, Col::Satuan),
            target,
            realisasi: measure(view, row, Col::Realisasi),
            capaian: view.figure(row, Col::Capaian).cloned(),
            capaian_ratio: ratio_column || capaian_cell.is_some_and(|c| c.percent_format),
            kategori: text_cell(Col::Kategori),
            polarity,
            polarity_from,
            polaritas,
            realisasi_lalu: measure(view, row, Col::RealisasiLalu),
            target_akhir: measure(view, row, Col::TargetAkhir),
        });
    }
    out
}

fn lembaga(view: &TableView) -> Vec<LembagaIndicator> {
    let years: Vec<i32> = view
        .table
        .columns
        .iter()
        .filter(|c| c.col == Col::Nilai)
        .filter_map(|c| c.year)
        .collect();
    let mut out = Vec::new();
    for row in &view.table.rows {
        let Some(name) = view.text(row, Col::Indikator) else {
            continue;
        };
        let values = years
            .iter()
            .filter_map(|&year| {
                let figure = view.figure_of_year(row, Col::Nilai, year)?;
                let cell = view
                    .table
                    .columns
                    .iter()
                    .find(|c| c.col == Col::Nilai && c.year == Some(year))
                    .and_then(|c| row.at(c.index));
                let value = Measure::new(figure, cell)
                    .value
                    .filter(|_| figure.value.is_some());
                Some(LembagaValue {
                    year,
                    figure: figure.clone(),
                    value,
                })
            })
            .collect();
        out.push(LembagaIndicator {
            table: view.index,
            row: row.row,
            name,
            name_cell: view
                .cell_ref(row, Col::Indikator)
                .expect("the indicator column exists"),
            values,
        });
    }
    out
}

/// A row whose text starts with "Jumlah" or "Total" in the NO or JABATAN column.
fn total_label(view: &TableView, row: &Row) -> Option<String> {
    [Col::Jabatan, Col::No]
        .iter()
        .filter_map(|&c| view.text(row, c))
        .find(|t| {
            let u = t.trim().to_uppercase();
            u.starts_with("JUMLAH") || u.starts_with("TOTAL")
        })
}

fn staff(view: &TableView) -> StaffTable {
    let count_cols = [Col::JmlJabatan, Col::JmlPangkat, Col::JmlPendidikan];
    let columns: Vec<(Col, u32)> = count_cols
        .iter()
        .filter_map(|&c| view.table.column(c).map(|x| (c, x.index)))
        .collect();
    let mut positions: Vec<Position> = Vec::new();
    let mut total = None;
    let mut body_rows = Vec::new();
    for row in &view.table.rows {
        if let Some(label) = total_label(view, row) {
            let figures = columns
                .iter()
                .map(|&(c, index)| {
                    (
                        c,
                        view.figure(row, c).cloned(),
                        CellRef::new(row.row, index),
                    )
                })
                .collect();
            total = Some(StaffTotal {
                row: row.row,
                label,
                figures,
            });
            break;
        }
        let entry = |label_col: Col, count_col: Col| -> Option<BreakdownEntry> {
            let count_cell = view.cell_ref(row, count_col)?;
            let label = view.text(row, label_col);
            let count = view.figure(row, count_col).cloned();
            (label.is_some() || count.is_some()).then_some(BreakdownEntry {
                row: row.row,
                label,
                count,
                count_cell,
            })
        };
        let rank = entry(Col::Pangkat, Col::JmlPangkat);
        let education = entry(Col::Pendidikan, Col::JmlPendidikan);
        match view.text(row, Col::Jabatan) {
            Some(jabatan) => positions.push(Position {
                row: row.row,
                no: view.text(row, Col::No),
                jabatan,
                count: view.figure(row, Col::JmlJabatan).cloned(),
                count_cell: view.cell_ref(row, Col::JmlJabatan),
                ranks: rank.into_iter().collect(),
                education: education.into_iter().collect(),
                ket: view.text(row, Col::Ket),
            }),
            None => {
                let Some(position) = positions.last_mut() else {
                    continue;
                };
                position.ranks.extend(rank);
                position.education.extend(education);
            }
        }
        body_rows.push(row.row);
    }
    StaffTable {
        table: view.index,
        positions,
        total,
        body_rows,
        columns,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn capaian_by_both_formulas() {
        assert_eq!(
            capaian(dec!(80), dec!(60), Polarity::Positive),
            Some(dec!(75))
        );
        // Lower is better: target 16 % stunting, realised 12 %: (16 - (12 - 16)) / 16 = 125 %.
        assert_eq!(
            capaian(dec!(16), dec!(12), Polarity::Negative),
            Some(dec!(125))
        );
        assert_eq!(
            capaian(dec!(16), dec!(20), Polarity::Negative),
            Some(dec!(75))
        );
        assert_eq!(capaian(dec!(0), dec!(5), Polarity::Positive), None);
        assert_eq!(
            capaian(dec!(66.16), dec!(66.16), Polarity::Positive),
            Some(dec!(100))
        );
    }

    #[test]
    fn polarity_words() {
        assert_eq!(Polarity::from_text("Negatif"), Polarity::Negative);
        assert_eq!(Polarity::from_text("menurun"), Polarity::Negative);
        assert_eq!(Polarity::from_text("lower is better"), Polarity::Negative);
        assert_eq!(Polarity::from_text("Positif"), Polarity::Positive);
        assert_eq!(Polarity::from_text("meningkat"), Polarity::Positive);
    }

    #[test]
    fn a_unit_or_grade_after_the_number() {
        let n = number_with_label;
        assert_eq!(n("66,16 POIN"), Some((dec!(66.16), 2, Some("POIN".into()))));
        assert_eq!(n("3,19 Poin"), Some((dec!(3.19), 2, Some("Poin".into()))));
        // Real targets (Pringsewu PK `BB`, Madiun, Surakarta, issue 23).
        assert_eq!(n("70 (BB)"), Some((dec!(70), 0, Some("BB".into()))));
        assert_eq!(n("2,57 km"), Some((dec!(2.57), 2, Some("km".into()))));
        assert_eq!(n("24 Dokumen"), Some((dec!(24), 0, Some("Dokumen".into()))));
        assert_eq!(n("1.250 m2"), Some((dec!(1250), 0, Some("m2".into()))));
        assert_eq!(n("HIJAU"), None);
        assert_eq!(n("66,16"), Some((dec!(66.16), 2, None)));
        // Two figures in one cell (Madiun's `71,5 52,88`) are not one number.
        assert_eq!(n("71,5 52,88"), None);
        assert_eq!(n("12 a 5"), None);
    }

    /// A written target's (value, (low, high), label).
    type Read = (
        Option<Decimal>,
        Option<(Option<Decimal>, Option<Decimal>)>,
        Option<String>,
    );

    fn written(t: &str) -> Option<Read> {
        read_written(t).map(|w| (w.value, w.range.map(|r| (r.low, r.high)), w.label))
    }

    #[test]
    fn ranges_and_bounds_as_offices_write_them() {
        let range = |lo, hi| Some((None, Some((Some(lo), Some(hi))), None));
        assert_eq!(written("65–70"), range(dec!(65), dec!(70)));
        assert_eq!(written("65 - 70"), range(dec!(65), dec!(70)));
        assert_eq!(written("65 s/d 70"), range(dec!(65), dec!(70)));
        assert_eq!(
            written("80 - 90%"),
            Some((
                None,
                Some((Some(dec!(80)), Some(dec!(90)))),
                Some("%".into())
            ))
        );
        assert_eq!(
            written("7 – 8 bulan"),
            Some((
                None,
                Some((Some(dec!(7)), Some(dec!(8)))),
                Some("bulan".into())
            ))
        );
        let at_least = |v| Some((Some(v), Some((Some(v), None)), None));
        let at_most = |v| Some((Some(v), Some((None, Some(v))), None));
        assert_eq!(written("≥ 80"), at_least(dec!(80)));
        assert_eq!(written(">= 80"), at_least(dec!(80)));
        assert_eq!(written("Minimal 80"), at_least(dec!(80)));
        assert_eq!(written("≤ 5"), at_most(dec!(5)));
        assert_eq!(written("<=5"), at_most(dec!(5)));
        assert_eq!(written("maks 5"), at_most(dec!(5)));
        assert_eq!(written("Maksimal 5"), at_most(dec!(5)));
        assert_eq!(
            written("30\nDokumen"),
            Some((Some(dec!(30)), None, Some("Dokumen".into())))
        );
        // Not targets: a reversed range, words.
        assert_eq!(written("70 - 65"), None);
        assert_eq!(written("Tersedia"), None);
    }

    #[test]
    fn lower_is_better_by_the_indicators_name() {
        let w = Polarity::lower_is_better_in;
        assert_eq!(w("Angka Kematian Ibu"), Some("angka kematian"));
        assert_eq!(w("Prevalensi stunting pada balita"), Some("prevalensi"));
        assert_eq!(w("Tingkat Pengangguran Terbuka"), Some("pengangguran"));
        assert_eq!(w("Persentase penduduk miskin"), Some("penduduk miskin"));
        assert_eq!(
            w("Rata-rata waktu penyelesaian pengaduan"),
            Some("waktu penyelesaian")
        );
        // Reducing or handling a harm is better higher.
        assert_eq!(w("Persentase penurunan angka kemiskinan"), None);
        assert_eq!(
            w("Persentase penurunan temuan keuangan yang bersifat materil"),
            None
        );
        assert_eq!(w("Persentase kasus kekerasan yang ditangani"), None);
        assert_eq!(w("Nilai SAKIP"), None);
        assert_eq!(w("Persentase pengaduan yang diselesaikan"), None);
    }

    fn target(text: &str) -> Measure {
        let cell = Cell {
            at: CellRef::new(0, 0),
            value: match text.parse::<Decimal>() {
                Ok(v) => Value::Number { value: v },
                Err(_) => Value::Text(text.into()),
            },
            percent_format: false,
        };
        Measure::new(&Figure::read(&cell, NumberKind::Measure), Some(&cell))
    }

    #[test]
    fn a_range_target_is_judged_by_its_nearer_end() {
        // PermenPANRB 6/2022's examples: 80–90 %, realised 92 % and 70 %; 7–8
        // months (lower is better), realised 6,5 and 9.
        let c = |t: &str, r, p, from| capaian_of(&target(t), r, p, from).unwrap();
        let above = c(
            "80 - 90",
            dec!(92),
            Polarity::Positive,
            PolarityFrom::Nothing,
        );
        assert_eq!(
            (above.target, above.value.round_dp(2)),
            (dec!(90), dec!(102.22))
        );
        let below = c(
            "80 - 90",
            dec!(70),
            Polarity::Positive,
            PolarityFrom::Nothing,
        );
        assert_eq!((below.target, below.value), (dec!(80), dec!(87.5)));
        let early = c("7 – 8", dec!(6.5), Polarity::Negative, PolarityFrom::Stated);
        assert_eq!(
            (early.target, early.value.round_dp(2)),
            (dec!(7), dec!(107.14))
        );
        let late = c("7 – 8", dec!(9), Polarity::Negative, PolarityFrom::Stated);
        assert_eq!((late.target, late.value), (dec!(8), dec!(87.5)));
        // Inside the range: 100, and anything between the two ends' values.
        let inside = c(
            "80 - 90",
            dec!(85),
            Polarity::Positive,
            PolarityFrom::Nothing,
        );
        assert_eq!(inside.value, dec!(100));
        assert!(inside.accepts(dec!(100), 0) && inside.accepts(dec!(94.44), 2));
        assert!(inside.accepts(dec!(106.25), 2) && !inside.accepts(dec!(110), 0));
        // A bound met: its formula's value, or 100.
        let met = c("≥ 80", dec!(85), Polarity::Positive, PolarityFrom::Nothing);
        assert_eq!(met.value, dec!(106.25));
        assert!(met.accepts(dec!(100), 0));
    }

    #[test]
    fn a_known_polarity_tells_a_capaian_computed_the_wrong_way() {
        let stunting = capaian_of(
            &target("16"),
            dec!(12),
            Polarity::Negative,
            PolarityFrom::Name("prevalensi"),
        )
        .unwrap();
        assert_eq!(stunting.value, dec!(125));
        assert!(stunting.accepts(dec!(125), 0));
        assert!(stunting.computed_the_wrong_way(dec!(75), 0));
        // Nothing telling the polarity: either formula's value is right.
        let unknown = capaian_of(
            &target("16"),
            dec!(12),
            Polarity::Positive,
            PolarityFrom::Nothing,
        )
        .unwrap();
        assert!(unknown.accepts(dec!(75), 0) && unknown.accepts(dec!(125), 0));
        assert!(!unknown.computed_the_wrong_way(dec!(125), 0));
    }

    #[test]
    fn percent_indicators() {
        let l = |name: &str| LembagaIndicator {
            table: 0,
            row: 0,
            name: name.into(),
            name_cell: CellRef::new(0, 0),
            values: vec![],
        };
        assert!(l("% BPK yang baik").is_percent());
        assert!(l("Persentase Posyandu aktif").is_percent());
        assert!(!l("Jumlah BUMDes").is_percent());
    }

    fn pk(indikator: &str, sasaran: &str, target: &str) -> PkTarget {
        let cell = Cell {
            at: CellRef::new(10, 5),
            value: Value::Text(target.into()),
            percent_format: false,
        };
        PkTarget {
            table: 0,
            row: 10,
            no: None,
            sasaran: Some(sasaran.into()),
            indikator: indikator.into(),
            indikator_cell: CellRef::new(10, 2),
            formulasi: None,
            satuan: None,
            target: Some(Measure::new(
                &Figure::read(&cell, NumberKind::Measure),
                Some(&cell),
            )),
        }
    }

    #[test]
    fn several_indicators_in_one_cell_become_one_target_each() {
        let row = pk(
            "INDEKS KATEGORI KAMPUNG\nNILAI IKE\nNILAI IKS\nNILAI IKL",
            "- MENINGKATKAN KUALITAS KAMPUNG.\n- MENINGKATNYA KETAHANAN EKONOMI.\n- MENINGKATNYA KETAHANAN SOSIAL.\n- MENINGKATNYA KETAHANAN LINGKUNGAN.",
            "3,19\n0,6333\n0,8196\n0,7285",
        );
        let split = split_lines(row);
        let got: Vec<(&str, Option<Decimal>)> = split
            .iter()
            .map(|p| (p.indikator.as_str(), p.target.as_ref().unwrap().value))
            .collect();
        assert_eq!(
            got,
            vec![
                ("INDEKS KATEGORI KAMPUNG", Some(dec!(3.19))),
                ("NILAI IKE", Some(dec!(0.6333))),
                ("NILAI IKS", Some(dec!(0.8196))),
                ("NILAI IKL", Some(dec!(0.7285))),
            ]
        );
        assert_eq!(
            split[1].sasaran.as_deref(),
            Some("MENINGKATNYA KETAHANAN EKONOMI.")
        );
        // One indicator, or counts that do not line up: left as it is.
        assert_eq!(split_lines(pk("NILAI IKE", "x", "0,6333")).len(), 1);
        assert_eq!(split_lines(pk("A\nB", "x", "1 2 3")).len(), 1);
    }

    #[test]
    fn qualitative_and_percent_formatted_measures() {
        let text = |t: &str| {
            let cell = Cell {
                at: CellRef::new(0, 0),
                value: Value::Text(t.into()),
                percent_format: false,
            };
            Measure::new(&Figure::read(&cell, NumberKind::Measure), Some(&cell))
        };
        assert!(text("HIJAU").is_qualitative());
        assert!(!text("1 000").is_qualitative());
        assert!(!text("#REF!").is_qualitative());
        assert_eq!(text("66,16 POIN").value, Some(dec!(66.16)));
        assert!(!text("70 (BB)").is_qualitative());
        assert!(!text("65 - 70").is_qualitative());
        let cell = Cell {
            at: CellRef::new(0, 0),
            value: Value::Number { value: dec!(0.8) },
            percent_format: true,
        };
        let m = Measure::new(&Figure::read(&cell, NumberKind::Measure), Some(&cell));
        assert_eq!((m.value, m.is_number_cell), (Some(dec!(80.0)), true));
    }
}
