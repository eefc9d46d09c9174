//! Configuration in two layers: the raw TOML (every key documented in the shipped
//! `config.toml`, unknown keys refused) resolved into the [`Config`] the stages use.
//! Threshold bands live here and nowhere else; a scale with a gap or an overlap is
//! kept as a [`ScaleProblem`] for the check stage to report.

use crate::error::Error;
use crate::number;
use crate::table::{normalize_header, Col, TableKind};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The shipped, documented default configuration.
pub const DEFAULT_TOML: &str = include_str!("../config.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    office: RawOffice,
    #[serde(default)]
    paths: RawPaths,
    /// `[idm]`, `[indeks_desa]` and `[capaian]`: the shipped ones where a config
    /// has none (an office's config may hold only what it changes).
    #[serde(default)]
    idm: Option<RawIdm>,
    #[serde(default)]
    indeks_desa: Option<RawIdm>,
    #[serde(default)]
    capaian: Option<RawScale>,
    #[serde(default)]
    headers: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    #[serde(default)]
    tolerances: RawTolerances,
    #[serde(default)]
    limits: RawLimits,
    #[serde(default)]
    report: RawReport,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOffice {
    name: String,
    short_name: String,
    regency: String,
    province: String,
    year: i32,
    city: String,
    #[serde(default)]
    address: String,
    head: RawPerson,
    bupati: RawPerson,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    name: String,
    #[serde(default)]
    position: String,
    #[serde(default)]
    rank: String,
    #[serde(default)]
    nip: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPaths {
    #[serde(default = "default_input")]
    input: PathBuf,
    #[serde(default = "default_output")]
    output: PathBuf,
}

impl Default for RawPaths {
    fn default() -> Self {
        Self {
            input: default_input(),
            output: default_output(),
        }
    }
}

fn default_input() -> PathBuf {
    "input".into()
}

fn default_output() -> PathBuf {
    "output".into()
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct RawScale {
    bands: Vec<RawBand>,
}

/// `[idm]` and `[indeks_desa]`: the bands in use, given inline (`bands`) or as the
/// name of one of the documented band sets (`profile`, `[idm.profiles.NAME]`); for
/// the Indeks Desa also how the total follows from the six dimensions and each
/// dimension's most points.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct RawIdm {
    #[serde(default)]
    profile: Option<String>,
    #[serde(default)]
    bands: Option<Vec<RawBand>>,
    #[serde(default)]
    profiles: BTreeMap<String, RawProfile>,
    #[serde(default)]
    total: Option<String>,
    #[serde(default)]
    maxima: Option<BTreeMap<String, RawNumber>>,
}

/// A named band set with where it comes from.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    #[serde(default)]
    source: String,
    bands: Vec<RawBand>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct RawBand {
    label: String,
    #[serde(default)]
    short: Option<String>,
    #[serde(default)]
    synonyms: Vec<String>,
    min: Option<RawNumber>,
    above: Option<RawNumber>,
    max: Option<RawNumber>,
    below: Option<RawNumber>,
}

/// A number in the config, written as a TOML number or a string.
#[derive(Deserialize, Clone)]
#[serde(untagged)]
enum RawNumber {
    Int(i64),
    Float(f64),
    Text(String),
}

impl RawNumber {
    fn resolve(&self, key: &str) -> Result<Decimal, Error> {
        let bad = |m: String| Error::ConfigValue {
            key: key.to_string(),
            message: m,
        };
        match self {
            RawNumber::Int(i) => Ok(Decimal::from(*i)),
            RawNumber::Float(f) => {
                number::from_float(*f).ok_or_else(|| bad(format!("not a number: {f}")))
            }
            RawNumber::Text(t) => {
                Decimal::from_str(t.trim()).map_err(|_| bad(format!("not a number: {t:?}")))
            }
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawTolerances {
    boundary_margin: RawNumber,
    name_similarity: RawNumber,
    kecamatan_max_edits: usize,
    money: RawNumber,
}

impl Default for RawTolerances {
    fn default() -> Self {
        Self {
            boundary_margin: RawNumber::Text("0.0005".into()),
            name_similarity: RawNumber::Text("0.8".into()),
            kecamatan_max_edits: 2,
            money: RawNumber::Int(0),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawLimits {
    max_file_mb: u64,
    max_unpacked_mb: u64,
    max_cells: u64,
}

impl Default for RawLimits {
    fn default() -> Self {
        Self {
            max_file_mb: 100,
            max_unpacked_mb: 256,
            max_cells: 1_000_000,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawReport {
    money_style: String,
    date: String,
    narrative: PathBuf,
    village_list: String,
}

impl Default for RawReport {
    fn default() -> Self {
        Self {
            money_style: "office".into(),
            date: String::new(),
            narrative: "input/narasi.md".into(),
            village_list: "auto".into(),
        }
    }
}

/// How the report's appendix lists the villages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VillageListMode {
    /// Every village up to 2,000, a summary per kecamatan beyond.
    Auto,
    Full,
    Summary,
}

/// The office the report is for, and who signs it.
#[derive(Debug, Clone)]
pub struct Office {
    pub name: String,
    pub short_name: String,
    pub regency: String,
    pub province: String,
    /// The report year (the year just ended).
    pub year: i32,
    pub city: String,
    pub address: String,
    pub head: Person,
    pub bupati: Person,
}

/// A signatory, written once here and used everywhere.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub position: String,
    pub rank: String,
    pub nip: String,
}

/// One end of a band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    pub value: Decimal,
    pub inclusive: bool,
}

/// A labelled range of a scale (`> 0,707 dan ≤ 0,815` → `MAJU`).
#[derive(Debug, Clone)]
pub struct Band {
    pub label: String,
    pub short: Option<String>,
    pub synonyms: Vec<String>,
    pub lower: Option<Bound>,
    pub upper: Option<Bound>,
    /// Every name of the band as header words are compared (see [`Band::is_named`]);
    /// computed once, as every status cell is compared against them.
    names: Vec<String>,
}

impl Band {
    pub fn contains(&self, v: Decimal) -> bool {
        let above = self.lower.is_none_or(|b| {
            if b.inclusive {
                v >= b.value
            } else {
                v > b.value
            }
        });
        let below = self.upper.is_none_or(|b| {
            if b.inclusive {
                v <= b.value
            } else {
                v < b.value
            }
        });
        above && below
    }

    /// Whether `text` names this band: its label, short form, a synonym, or
    /// `Label (SHORT)`, compared as header words are.
    pub fn is_named(&self, text: &str) -> bool {
        let t = normalize_header(text);
        self.names.contains(&t)
    }

    fn names(label: &str, short: Option<&str>, synonyms: &[String]) -> Vec<String> {
        let mut names: Vec<String> = std::iter::once(label)
            .chain(short)
            .chain(synonyms.iter().map(String::as_str))
            .map(normalize_header)
            .collect();
        if let Some(short) = short {
            names.push(normalize_header(&format!("{label} {short}")));
        }
        names
    }

    /// The range as a person writes it: `> 0,707 dan ≤ 0,815`.
    pub fn describe(&self) -> String {
        let lower = self
            .lower
            .map(|b| format!("{} {}", if b.inclusive { "≥" } else { ">" }, b.value));
        let upper = self
            .upper
            .map(|b| format!("{} {}", if b.inclusive { "≤" } else { "<" }, b.value));
        match (lower, upper) {
            (Some(l), Some(u)) => format!("{l} dan {u}"),
            (Some(x), None) | (None, Some(x)) => x,
            (None, None) => "semua nilai".into(),
        }
    }
}

/// An ordered set of bands: IDM status or capaian category.
#[derive(Debug, Clone)]
pub struct Scale {
    /// The config key it came from (`idm`, `capaian`).
    pub key: &'static str,
    pub bands: Vec<Band>,
    /// The named band set in use (`kemendesa`), when the config names one.
    pub profile: Option<String>,
    /// Where the bands come from, as the config documents it (for the report).
    pub source: String,
}

impl Scale {
    /// The band a value falls in; the first one when bands overlap.
    pub fn classify(&self, v: Decimal) -> Option<&Band> {
        self.bands.iter().find(|b| b.contains(v))
    }

    /// The band a label names, accepting short forms and synonyms.
    pub fn band_named(&self, text: &str) -> Option<&Band> {
        let t = normalize_header(text);
        self.bands.iter().find(|b| b.names.contains(&t))
    }

    /// Every finite band boundary.
    pub fn boundaries(&self) -> Vec<Decimal> {
        let mut v: Vec<Decimal> = self
            .bands
            .iter()
            .flat_map(|b| [b.lower, b.upper])
            .flatten()
            .map(|b| b.value)
            .collect();
        v.sort();
        v.dedup();
        v
    }

    /// Gaps, overlaps and bands that can never be produced.
    pub fn problems(&self) -> Vec<ScaleProblem> {
        let mut out = Vec::new();
        for (i, b) in self.bands.iter().enumerate() {
            if let (Some(l), Some(u)) = (b.lower, b.upper) {
                if l.value > u.value || (l.value == u.value && !(l.inclusive && u.inclusive)) {
                    out.push(ScaleProblem::Empty {
                        scale: self.key,
                        band: i,
                        label: b.label.clone(),
                    });
                }
            }
        }
        let mut order: Vec<&Band> = self.bands.iter().collect();
        order.sort_by(|a, b| match (a.lower, b.lower) {
            (None, None) => std::cmp::Ordering::Equal,
            (None, _) => std::cmp::Ordering::Less,
            (_, None) => std::cmp::Ordering::Greater,
            (Some(x), Some(y)) => x.value.cmp(&y.value).then(y.inclusive.cmp(&x.inclusive)),
        });
        if let Some(first) = order.first() {
            if let Some(l) = first.lower {
                out.push(ScaleProblem::Gap {
                    scale: self.key,
                    below: None,
                    above: Some(first.label.clone()),
                    at: l,
                });
            }
        }
        for pair in order.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let kind = match (a.upper, b.lower) {
                (None, _) | (_, None) => Some(false),
                (Some(u), Some(l)) if u.value < l.value => Some(true),
                (Some(u), Some(l)) if u.value > l.value => Some(false),
                (Some(u), Some(l)) if u.inclusive && l.inclusive => Some(false),
                (Some(u), Some(l)) if !u.inclusive && !l.inclusive => Some(true),
                _ => None,
            };
            let at = a.upper.or(b.lower).expect("one side is bounded");
            match kind {
                Some(true) => out.push(ScaleProblem::Gap {
                    scale: self.key,
                    below: Some(a.label.clone()),
                    above: Some(b.label.clone()),
                    at,
                }),
                Some(false) => out.push(ScaleProblem::Overlap {
                    scale: self.key,
                    first: a.label.clone(),
                    second: b.label.clone(),
                    at,
                }),
                None => {}
            }
        }
        if let Some(last) = order.last() {
            if let Some(u) = last.upper {
                out.push(ScaleProblem::Gap {
                    scale: self.key,
                    below: Some(last.label.clone()),
                    above: None,
                    at: u,
                });
            }
        }
        out
    }
}

/// What is wrong with a scale as configured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScaleProblem {
    /// Values near `at` fall in no band.
    Gap {
        scale: &'static str,
        below: Option<String>,
        above: Option<String>,
        at: Bound,
    },
    /// Values near `at` fall in two bands.
    Overlap {
        scale: &'static str,
        first: String,
        second: String,
        at: Bound,
    },
    /// A band whose range holds no value, so its label is never produced.
    Empty {
        scale: &'static str,
        band: usize,
        label: String,
    },
}

impl fmt::Display for ScaleProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScaleProblem::Gap {
                below, above, at, ..
            } => {
                let below = below.as_deref().unwrap_or("-");
                let above = above.as_deref().unwrap_or("-");
                write!(f, "gap at {} between {below} and {above}", at.value)
            }
            ScaleProblem::Overlap {
                first, second, at, ..
            } => write!(f, "overlap at {} of {first} and {second}", at.value),
            ScaleProblem::Empty { label, .. } => write!(f, "band {label} holds no value"),
        }
    }
}

/// Allowances for comparisons that are not exact by nature.
#[derive(Debug, Clone)]
pub struct Tolerances {
    /// An IDM value this close to a band boundary gets a note.
    pub boundary_margin: Decimal,
    /// Least similarity (0–1) for two names in different documents to be paired.
    pub name_similarity: f64,
    /// Most letter edits for a kecamatan spelling to count as a typo of another.
    pub kecamatan_max_edits: usize,
    /// Rupiah a sum may differ from its parts before it is reported.
    pub money: Decimal,
}

/// Bounds on what one input may cost.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_file_bytes: u64,
    pub max_unpacked_bytes: u64,
    pub max_cells: u64,
}

use crate::date::DocumentDate;
pub use crate::words::MoneyStyle;

/// The resolved configuration the stages use.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where it was read from (`None`: the built-in default).
    pub source: Option<PathBuf>,
    pub office: Office,
    pub input: PathBuf,
    pub output: PathBuf,
    /// The IDM bands in use.
    pub idm: Scale,
    /// Every named IDM band set of the config, the one in use among them: a value
    /// near any of their boundaries hangs on which cut-off one reads (THR002).
    pub idm_profiles: Vec<Scale>,
    /// The Indeks Desa status bands in use, and every named set of them.
    pub indeks_desa: Scale,
    pub indeks_desa_profiles: Vec<Scale>,
    /// How an Indeks Desa total follows from its dimensions.
    pub indeks_desa_total: Derivation,
    /// The most points of each dimension, in the order of [`INDEKS_DESA_DIMENSIONS`].
    pub indeks_desa_maxima: [Decimal; 6],
    pub capaian: Scale,
    headers: HashMap<(TableKind, Col), Vec<String>>,
    pub tolerances: Tolerances,
    pub limits: Limits,
    pub money_style: MoneyStyle,
    /// The fixed document date written into outputs (`report.date`, by default 31
    /// January of the year after the report year).
    pub document_date: DocumentDate,
    /// The office's narrative text for the report.
    pub narrative: PathBuf,
    pub village_list: VillageListMode,
}

impl Config {
    /// Reads and resolves a config file; relative paths in it are taken from the
    /// folder the file is in.
    pub fn load(path: &Path) -> Result<Config, Error> {
        let text = crate::text_file::read(path).map_err(|source| Error::ConfigRead {
            path: path.into(),
            source,
        })?;
        let mut cfg = Self::parse(&text, path)?;
        let base = path.parent().unwrap_or(Path::new(""));
        cfg.input = base.join(&cfg.input);
        cfg.output = base.join(&cfg.output);
        cfg.narrative = base.join(&cfg.narrative);
        cfg.source = Some(path.to_path_buf());
        Ok(cfg)
    }

    /// The built-in default, with paths relative to the working folder.
    pub fn default_config() -> Config {
        Self::parse(DEFAULT_TOML, Path::new("config.toml"))
            .expect("the shipped config.toml is valid")
    }

    /// Resolves config text; `path` only names it in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config, Error> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            // A Windows path typed as it is copied from Explorer ("D:\LKjIP"):
            // TOML reads `\L` as an escape and says only that.
            let line = e.span().map(|s| text[..s.start].matches('\n').count());
            match line.and_then(|n| Some((n, text.lines().nth(n)?))) {
                Some((n, line)) if line.contains('"') && line.contains('\\') => {
                    Error::ConfigBackslash {
                        path: path.into(),
                        line: n + 1,
                        text: line.trim().to_string(),
                    }
                }
                _ => Error::ConfigSyntax {
                    path: path.into(),
                    message: e.to_string(),
                },
            }
        })?;
        let t = &raw.tolerances;
        let similarity = t.name_similarity.resolve("tolerances.name_similarity")?;
        if similarity <= Decimal::ZERO || similarity > Decimal::ONE {
            return Err(Error::ConfigValue {
                key: "tolerances.name_similarity".into(),
                message: format!("must be above 0 and at most 1, not {similarity}"),
            });
        }
        let money_style = match raw.report.money_style.as_str() {
            "office" => MoneyStyle::Office,
            "puebi" => MoneyStyle::Puebi,
            other => {
                return Err(Error::ConfigValue {
                    key: "report.money_style".into(),
                    message: format!("must be \"office\" or \"puebi\", not {other:?}"),
                })
            }
        };
        let village_list = match raw.report.village_list.as_str() {
            "auto" => VillageListMode::Auto,
            "full" => VillageListMode::Full,
            "summary" => VillageListMode::Summary,
            other => {
                return Err(Error::ConfigValue {
                    key: "report.village_list".into(),
                    message: format!("must be \"auto\", \"full\" or \"summary\", not {other:?}"),
                })
            }
        };
        let document_date = if raw.report.date.is_empty() {
            DocumentDate {
                year: raw.office.year + 1,
                month: 1,
                day: 31,
            }
        } else {
            DocumentDate::from_iso(&raw.report.date).ok_or_else(|| Error::ConfigValue {
                key: "report.date".into(),
                message: format!(
                    "must be a date from 1900 on written YYYY-MM-DD, not {:?}",
                    raw.report.date
                ),
            })?
        };
        if !(1900..=2200).contains(&raw.office.year) {
            return Err(Error::ConfigValue {
                key: "office.year".into(),
                message: format!("{} is not a plausible report year", raw.office.year),
            });
        }
        let o = raw.office;
        let shipped = || -> RawConfig {
            toml::from_str(DEFAULT_TOML).expect("the shipped config.toml is valid")
        };
        let raw_idm = match raw.idm {
            Some(idm) => idm,
            None => shipped().idm.expect("the shipped config has [idm]"),
        };
        let (idm, idm_profiles) = resolve_idm(&raw_idm, "idm")?;
        let raw_capaian = match raw.capaian {
            Some(c) => c,
            None => shipped().capaian.expect("the shipped config has [capaian]"),
        };
        let shipped_id = || {
            shipped()
                .indeks_desa
                .expect("the shipped config has [indeks_desa]")
        };
        // An office's [indeks_desa] may give its bands alone: how the total follows
        // and the dimension maxima then stay the shipped ones.
        let id = match raw.indeks_desa {
            Some(mut id) => {
                if id.total.is_none() {
                    id.total = shipped_id().total;
                }
                if id.maxima.is_none() {
                    id.maxima = shipped_id().maxima;
                }
                id
            }
            None => shipped_id(),
        };
        if let Some(key) = [
            ("total", raw_idm.total.is_some()),
            ("maxima", raw_idm.maxima.is_some()),
        ]
        .into_iter()
        .find_map(|(k, given)| given.then_some(k))
        {
            return Err(Error::ConfigValue {
                key: format!("idm.{key}"),
                message: "not for the IDM: its total is the mean of IKS, IKE and IKL".into(),
            });
        }
        let (indeks_desa, indeks_desa_profiles) = resolve_idm(&id, "indeks_desa")?;
        let indeks_desa_total = match id.total.as_deref() {
            Some("points") => Derivation::Points,
            Some("none") => Derivation::None,
            other => {
                return Err(Error::ConfigValue {
                    key: "indeks_desa.total".into(),
                    message: format!(
                        "must be \"points\" or \"none\", not {:?}",
                        other.unwrap_or_default()
                    ),
                })
            }
        };
        let indeks_desa_maxima = resolve_maxima(id.maxima.as_ref())?;
        for (key, folder) in [
            ("paths.input", &raw.paths.input),
            ("paths.output", &raw.paths.output),
            ("report.narrative", &raw.report.narrative),
        ] {
            // "D:\temp" between double quotes is valid TOML: a tab, not a folder.
            if folder.to_string_lossy().chars().any(char::is_control) {
                return Err(Error::ConfigValue {
                    key: key.into(),
                    message: format!(
                        "holds a control character ({folder:?}): a backslash between double quotes is an escape in TOML; write a Windows path between single quotes ('D:\\temp') or with forward slashes (\"D:/temp\")"
                    ),
                });
            }
        }
        Ok(Config {
            source: None,
            office: Office {
                name: o.name,
                short_name: o.short_name,
                regency: o.regency,
                province: o.province,
                year: o.year,
                city: o.city,
                address: o.address,
                head: person(o.head),
                bupati: person(o.bupati),
            },
            input: raw.paths.input,
            output: raw.paths.output,
            idm,
            idm_profiles,
            indeks_desa,
            indeks_desa_profiles,
            indeks_desa_total,
            indeks_desa_maxima,
            capaian: resolve_scale("capaian", "capaian", &raw_capaian.bands)?,
            headers: resolve_headers(&raw.headers)?,
            tolerances: Tolerances {
                boundary_margin: t.boundary_margin.resolve("tolerances.boundary_margin")?,
                name_similarity: similarity.to_string().parse().unwrap_or(0.8),
                kecamatan_max_edits: t.kecamatan_max_edits,
                money: t.money.resolve("tolerances.money")?,
            },
            limits: Limits {
                max_file_bytes: raw.limits.max_file_mb.saturating_mul(1 << 20),
                max_unpacked_bytes: raw.limits.max_unpacked_mb.saturating_mul(1 << 20),
                max_cells: raw.limits.max_cells,
            },
            money_style,
            document_date,
            narrative: raw.report.narrative,
            village_list,
        })
    }

    /// Header words of a column: the built-in ones, then those the config adds;
    /// all normalized.
    pub fn header_words(&self, kind: TableKind, col: Col) -> &[String] {
        self.headers
            .get(&(kind, col))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Gaps, overlaps and unreachable labels of both scales.
    pub fn scale_problems(&self) -> Vec<ScaleProblem> {
        let mut v = self.idm.problems();
        v.extend(self.indeks_desa.problems());
        v.extend(self.capaian.problems());
        v
    }
}

fn person(p: RawPerson) -> Person {
    Person {
        name: p.name,
        position: p.position,
        rank: p.rank,
        nip: p.nip,
    }
}

/// A scale from its bands; `at` is where they stand in the config, for messages.
fn resolve_scale(key: &'static str, at_key: &str, raw_bands: &[RawBand]) -> Result<Scale, Error> {
    if raw_bands.is_empty() {
        return Err(Error::ConfigValue {
            key: format!("{at_key}.bands"),
            message: "needs at least one band".into(),
        });
    }
    let mut bands = Vec::new();
    for (i, b) in raw_bands.iter().enumerate() {
        let at = |field: &str| format!("{at_key}.bands[{i}].{field}");
        if b.min.is_some() && b.above.is_some() {
            return Err(Error::ConfigValue {
                key: at("min"),
                message: "give either min or above, not both".into(),
            });
        }
        if b.max.is_some() && b.below.is_some() {
            return Err(Error::ConfigValue {
                key: at("max"),
                message: "give either max or below, not both".into(),
            });
        }
        if b.label.trim().is_empty() {
            return Err(Error::ConfigValue {
                key: at("label"),
                message: "must not be empty".into(),
            });
        }
        let lower = match (&b.min, &b.above) {
            (Some(v), _) => Some(Bound {
                value: v.resolve(&at("min"))?,
                inclusive: true,
            }),
            (_, Some(v)) => Some(Bound {
                value: v.resolve(&at("above"))?,
                inclusive: false,
            }),
            _ => None,
        };
        let upper = match (&b.max, &b.below) {
            (Some(v), _) => Some(Bound {
                value: v.resolve(&at("max"))?,
                inclusive: true,
            }),
            (_, Some(v)) => Some(Bound {
                value: v.resolve(&at("below"))?,
                inclusive: false,
            }),
            _ => None,
        };
        bands.push(Band {
            names: Band::names(&b.label, b.short.as_deref(), &b.synonyms),
            label: b.label.clone(),
            short: b.short.clone(),
            synonyms: b.synonyms.clone(),
            lower,
            upper,
        });
    }
    Ok(Scale {
        key,
        bands,
        profile: None,
        source: String::new(),
    })
}

/// `[idm]`: the named profile in use (every profile is validated, so a typo in an
/// alternative does not wait until someone switches to it), or the inline bands.
fn resolve_idm(raw: &RawIdm, key: &'static str) -> Result<(Scale, Vec<Scale>), Error> {
    let mut chosen = None;
    let mut all = Vec::new();
    for (name, p) in &raw.profiles {
        let mut scale = resolve_scale(key, &format!("{key}.profiles.{name}"), &p.bands)?;
        scale.profile = Some(name.clone());
        scale.source = p.source.clone();
        if raw.profile.as_deref() == Some(name.as_str()) {
            chosen = Some(scale.clone());
        }
        all.push(scale);
    }
    match (&raw.profile, &raw.bands) {
        (Some(_), Some(_)) => Err(Error::ConfigValue {
            key: format!("{key}.bands"),
            message: "give either bands or profile, not both".into(),
        }),
        (None, Some(bands)) => Ok((resolve_scale(key, key, bands)?, all)),
        (Some(name), None) => chosen.map(|c| (c, all)).ok_or_else(|| Error::ConfigValue {
            key: format!("{key}.profile"),
            message: format!(
                "no [{key}.profiles.{name}]; known: {}",
                raw.profiles.keys().cloned().collect::<Vec<_>>().join(", ")
            ),
        }),
        (None, None) => Err(Error::ConfigValue {
            key: format!("{key}.profile"),
            message: "name the band set in use (profile) or give the bands".into(),
        }),
    }
}

/// The Indeks Desa dimensions: short code and name, in the order of the ministry's files.
pub const INDEKS_DESA_DIMENSIONS: [(&str, &str); 6] = [
    ("DLD", "Layanan Dasar"),
    ("DS", "Sosial"),
    ("DE", "Ekonomi"),
    ("DL", "Lingkungan"),
    ("DA", "Aksesibilitas"),
    ("DTKPD", "Tata Kelola Pemerintahan Desa"),
];

/// How a village index's total follows from its components.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Derivation {
    /// The mean of the components (the IDM: (IKS + IKE + IKL) / 3).
    Mean,
    /// The components' points over their summed maxima, times 100 (the Indeks
    /// Desa as the published tools compute it: Σ / 635 × 100).
    Points,
    /// Not checked.
    None,
}

/// `indeks_desa.maxima`: one positive number per dimension code, no other key.
fn resolve_maxima(raw: Option<&BTreeMap<String, RawNumber>>) -> Result<[Decimal; 6], Error> {
    let empty = BTreeMap::new();
    let raw = raw.unwrap_or(&empty);
    if let Some(k) = raw
        .keys()
        .find(|k| !INDEKS_DESA_DIMENSIONS.iter().any(|(c, _)| c == k))
    {
        return Err(Error::ConfigValue {
            key: format!("indeks_desa.maxima.{k}"),
            message: "not a dimension; known: DLD, DS, DE, DL, DA, DTKPD".into(),
        });
    }
    let mut out = [Decimal::ZERO; 6];
    for (i, (code, _)) in INDEKS_DESA_DIMENSIONS.iter().enumerate() {
        let key = format!("indeks_desa.maxima.{code}");
        let v = raw
            .get(*code)
            .ok_or_else(|| Error::ConfigValue {
                key: key.clone(),
                message: "missing: give the most points of every dimension".into(),
            })?
            .resolve(&key)?;
        if v <= Decimal::ZERO {
            return Err(Error::ConfigValue {
                key,
                message: format!("must be above 0, not {v}"),
            });
        }
        out[i] = v;
    }
    Ok(out)
}

fn resolve_headers(
    raw: &BTreeMap<String, BTreeMap<String, Vec<String>>>,
) -> Result<HashMap<(TableKind, Col), Vec<String>>, Error> {
    let mut out: HashMap<(TableKind, Col), Vec<String>> = HashMap::new();
    for kind in TableKind::ALL {
        for spec in kind.columns() {
            out.insert(
                (kind, spec.col),
                spec.words.iter().map(|w| w.to_string()).collect(),
            );
        }
    }
    for (kind_name, cols) in raw {
        let kind = TableKind::from_name(kind_name).ok_or_else(|| Error::ConfigValue {
            key: format!("headers.{kind_name}"),
            message: format!(
                "unknown table kind; known: {}",
                TableKind::ALL
                    .iter()
                    .map(|k| k.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })?;
        for (col_name, words) in cols {
            let spec = kind
                .columns()
                .iter()
                .find(|s| s.col.name() == col_name)
                .ok_or_else(|| Error::ConfigValue {
                    key: format!("headers.{kind_name}.{col_name}"),
                    message: format!(
                        "unknown column; known: {}",
                        kind.columns()
                            .iter()
                            .map(|s| s.col.name())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                })?;
            let list = out.get_mut(&(kind, spec.col)).expect("seeded above");
            for w in words {
                let n = normalize_placeholders(w);
                if n.is_empty() {
                    return Err(Error::ConfigValue {
                        key: format!("headers.{kind_name}.{col_name}"),
                        message: "a header word must not be empty".into(),
                    });
                }
                if !list.contains(&n) {
                    list.push(n);
                }
            }
        }
    }
    Ok(out)
}

/// Normalizes header words a user wrote, keeping `{placeholders}` intact.
fn normalize_placeholders(w: &str) -> String {
    w.split_whitespace()
        .map(|t| {
            if t.starts_with('{') && t.ends_with('}') {
                t.to_lowercase()
            } else {
                normalize_header(t)
            }
        })
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    /// Guards issue 22's config as Windows users write it: CRLF line ends, a
    /// Notepad byte order mark and UTF-16 read as the shipped config; a path as
    /// Explorer shows it, between double quotes, is refused with the line and
    /// how to write it, whether TOML refuses the escape or takes it (`\t`).
    #[test]
    fn a_config_saved_on_windows_reads_and_a_backslash_path_is_explained() {
        let tmp = tempfile::tempdir().unwrap();
        let crlf = DEFAULT_TOML.replace('\n', "\r\n");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(crlf.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let bom: Vec<u8> = [0xEF, 0xBB, 0xBF].into_iter().chain(crlf.bytes()).collect();
        let shipped = Config::default_config();
        for (name, bytes) in [
            ("crlf.toml", crlf.as_bytes()),
            ("bom.toml", &bom),
            ("utf16.toml", &utf16),
        ] {
            let path = tmp.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let cfg = Config::load(&path).unwrap();
            assert_eq!(cfg.office.name, shipped.office.name, "{name}");
            assert_eq!(cfg.office.head.nip, shipped.office.head.nip, "{name}");
            assert_eq!(cfg.input, tmp.path().join("input"), "{name}");
        }
        let explorer =
            DEFAULT_TOML.replace("input = \"input\"", "input = \"C:\\Users\\Ani\\Dokumen é\"");
        let e = Config::parse(&explorer, Path::new("config.toml")).unwrap_err();
        let line = DEFAULT_TOML
            .lines()
            .position(|l| l == "input = \"input\"")
            .unwrap()
            + 1;
        assert_eq!(
            e.report(crate::finding::Lang::Id),
            format!("galat: konfigurasi config.toml, baris {line}: garis miring terbalik (\\) di antara petik ganda dibaca sebagai kode khusus: input = \"C:\\Users\\Ani\\Dokumen é\"\nsaran: tulis jalur Windows di antara petik tunggal, misalnya input = 'D:\\LKjIP 2024\\masukan', atau dengan garis miring biasa: input = \"D:/LKjIP 2024/masukan\"")
        );
        let single =
            DEFAULT_TOML.replace("input = \"input\"", "input = 'C:\\Users\\Ani\\Dokumen é'");
        let cfg = Config::parse(&single, Path::new("config.toml")).unwrap();
        assert_eq!(cfg.input, PathBuf::from("C:\\Users\\Ani\\Dokumen é"));
        let tab = DEFAULT_TOML.replace("output = \"output\"", "output = \"D:\\temp\"");
        let e = Config::parse(&tab, Path::new("config.toml")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "config key `paths.output`: holds a control character (\"D:\\temp\"): a backslash between double quotes is an escape in TOML; write a Windows path between single quotes ('D:\\temp') or with forward slashes (\"D:/temp\")"
        );
    }

    #[test]
    fn the_shipped_config_is_valid_and_has_no_band_problem() {
        let cfg = Config::default_config();
        assert_eq!(cfg.office.year, 2023);
        assert_eq!(cfg.scale_problems(), vec![]);
        assert_eq!(
            cfg.capaian.classify(dec!(100)).map(|b| b.label.as_str()),
            Some("Baik")
        );
        assert_eq!(
            cfg.capaian.classify(dec!(100.01)).map(|b| b.label.as_str()),
            Some("Baik Sekali")
        );
        // The ministry's cut-offs, the boundary in the lower band.
        assert_eq!(cfg.idm.profile.as_deref(), Some("kemendesa"));
        fn label(s: &Scale, v: Decimal) -> Option<&str> {
            s.classify(v).map(|b| b.label.as_str())
        }
        assert_eq!(label(&cfg.idm, dec!(0.7072)), Some("BERKEMBANG"));
        assert_eq!(label(&cfg.idm, dec!(0.70714285714286)), Some("BERKEMBANG"));
        assert_eq!(label(&cfg.idm, dec!(0.7073)), Some("MAJU"));
        assert_eq!(label(&cfg.idm, dec!(0.4907)), Some("SANGAT TERTINGGAL"));
        assert_eq!(label(&cfg.idm, dec!(0.4908)), Some("TERTINGGAL"));
        assert_eq!(label(&cfg.idm, dec!(0.8155)), Some("MAJU"));
        assert_eq!(label(&cfg.idm, dec!(0.8156)), Some("MANDIRI"));
        // The regulation's text, the named alternative.
        let names: Vec<_> = cfg
            .idm_profiles
            .iter()
            .map(|p| p.profile.clone().unwrap())
            .collect();
        assert_eq!(names, ["kemendesa", "permendesa-2-2016"]);
        let text = &cfg.idm_profiles[1];
        assert_eq!(text.source, "Permendesa PDTT Nomor 2 Tahun 2016");
        assert_eq!(label(text, dec!(0.707)), Some("BERKEMBANG"));
        assert_eq!(label(text, dec!(0.7071)), Some("MAJU"));
        assert!(text.problems().is_empty());
    }

    #[test]
    fn the_idm_profile_is_chosen_by_name_or_given_inline() {
        let text =
            DEFAULT_TOML.replace("profile = \"kemendesa\"", "profile = \"permendesa-2-2016\"");
        let cfg = Config::parse(&text, Path::new("c.toml")).unwrap();
        assert_eq!(
            cfg.idm.classify(dec!(0.7071)).map(|b| b.label.as_str()),
            Some("MAJU")
        );
        let e = Config::parse(
            &DEFAULT_TOML.replace("profile = \"kemendesa\"", "profile = \"kemendes\""),
            Path::new("c.toml"),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "config key `idm.profile`: no [idm.profiles.kemendes]; known: kemendesa, permendesa-2-2016"
        );
        let inline = DEFAULT_TOML.replace(
            "profile = \"kemendesa\"",
            "bands = [{ label = \"RENDAH\", max = 0.5 }, { label = \"TINGGI\", above = 0.5 }]",
        );
        let cfg = Config::parse(&inline, Path::new("c.toml")).unwrap();
        assert_eq!(cfg.idm.profile, None);
        assert_eq!(
            cfg.idm.classify(dec!(0.5)).map(|b| b.label.as_str()),
            Some("RENDAH")
        );
    }

    #[test]
    fn indeks_desa_bands_alone_keep_the_shipped_total_and_maxima() {
        // An office's [indeks_desa] with its own bands only.
        let start = DEFAULT_TOML.find("[indeks_desa]").unwrap();
        let end = DEFAULT_TOML.find("[capaian]").unwrap();
        let own = "[indeks_desa]\nbands = [{ label = \"RENDAH\", max = 50 }, { label = \"TINGGI\", above = 50 }]\n\n";
        let text = format!("{}{own}{}", &DEFAULT_TOML[..start], &DEFAULT_TOML[end..]);
        let cfg = Config::parse(&text, Path::new("c.toml")).unwrap();
        assert_eq!(cfg.indeks_desa.profile, None);
        assert_eq!(
            cfg.indeks_desa
                .classify(dec!(50.01))
                .map(|b| b.label.as_str()),
            Some("TINGGI")
        );
        assert_eq!(cfg.indeks_desa_total, Derivation::Points);
        assert_eq!(
            cfg.indeks_desa_maxima,
            [dec!(170), dec!(85), dec!(160), dec!(90), dec!(50), dec!(80)]
        );
        // `none` as the total's choice.
        let none = DEFAULT_TOML.replace("total = \"points\"", "total = \"none\"");
        let cfg = Config::parse(&none, Path::new("c.toml")).unwrap();
        assert_eq!(cfg.indeks_desa_total, Derivation::None);
        let e = Config::parse(
            &DEFAULT_TOML.replace("total = \"points\"", "total = \"geometric\""),
            Path::new("c.toml"),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "config key `indeks_desa.total`: must be \"points\" or \"none\", not \"geometric\""
        );
        // The IDM's total is fixed: its section takes neither key.
        let e = Config::parse(
            &DEFAULT_TOML.replace(
                "profile = \"kemendesa\"",
                "profile = \"kemendesa\"\ntotal = \"points\"",
            ),
            Path::new("c.toml"),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "config key `idm.total`: not for the IDM: its total is the mean of IKS, IKE and IKL"
        );
    }

    fn with_capaian(bands: &str) -> Config {
        let text = DEFAULT_TOML.replace(CAPAIAN_BANDS_OF_SHIPPED_CONFIG, bands);
        assert_ne!(
            text, DEFAULT_TOML,
            "the shipped capaian bands moved; update the test"
        );
        Config::parse(&text, Path::new("t.toml")).unwrap()
    }

    const CAPAIAN_BANDS_OF_SHIPPED_CONFIG: &str =
        "{ label = \"Baik\", short = \"B\", min = 75, max = 100";

    #[test]
    fn the_seeds_scale_leaves_exactly_100_uncovered() {
        let cfg = with_capaian("{ label = \"Baik\", short = \"B\", min = 75, below = 100");
        let problems = cfg.capaian.problems();
        assert_eq!(
            problems,
            vec![ScaleProblem::Gap {
                scale: "capaian",
                below: Some("Baik".into()),
                above: Some("Baik Sekali".into()),
                at: Bound {
                    value: dec!(100),
                    inclusive: false
                }
            }]
        );
        assert!(cfg.capaian.classify(dec!(100)).is_none());
    }

    #[test]
    fn overlapping_bands_are_reported() {
        let cfg = with_capaian("{ label = \"Baik\", short = \"B\", min = 75, max = 101");
        assert!(
            matches!(&cfg.capaian.problems()[..], [ScaleProblem::Overlap { first, second, .. }] if first == "Baik" && second == "Baik Sekali")
        );
    }

    #[test]
    fn labels_match_with_short_forms_and_synonyms() {
        let cfg = Config::default_config();
        assert_eq!(
            cfg.capaian.band_named("Baik Sekali (BS)").unwrap().label,
            "Baik Sekali"
        );
        assert_eq!(cfg.capaian.band_named("bs").unwrap().label, "Baik Sekali");
        assert_eq!(
            cfg.capaian.band_named("Sangat Berhasil").unwrap().label,
            "Baik Sekali"
        );
        assert!(cfg.capaian.band_named("Luar Biasa").is_none());
    }

    #[test]
    fn unknown_keys_and_bad_values_name_the_key() {
        let e = Config::parse(
            &DEFAULT_TOML.replace("[paths]", "[paths]\ninptu = \"x\""),
            Path::new("c.toml"),
        )
        .unwrap_err();
        assert!(e.to_string().contains("unknown field `inptu`"), "{e}");
        let e = Config::parse(
            &DEFAULT_TOML.replace("max = 0.491", "max = \"nol\""),
            Path::new("c.toml"),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "config key `idm.profiles.permendesa-2-2016.bands[0].max`: not a number: \"nol\""
        );
        let e = Config::parse(
            &format!("{DEFAULT_TOML}\n[headers.anggaran]\nplafon = [\"PLAFON\"]\n"),
            Path::new("c.toml"),
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("config key `headers.anggaran.plafon`: unknown column"),
            "{e}"
        );
    }

    #[test]
    fn the_document_date_is_read_once_as_a_calendar_date() {
        let date = |line: &str| {
            Config::parse(
                &DEFAULT_TOML.replace("date = \"2024-01-31\"", line),
                Path::new("c.toml"),
            )
            .map(|c| c.document_date)
        };
        let day = |year, month, day| DocumentDate { year, month, day };
        assert_eq!(date("date = \"2024-01-31\"").unwrap(), day(2024, 1, 31));
        assert_eq!(date("date = \"2024-02-29\"").unwrap(), day(2024, 2, 29));
        // Empty: 31 January of the year after the report year.
        assert_eq!(date("date = \"\"").unwrap(), day(2024, 1, 31));
        for bad in [
            "2023-02-29",
            "2024-04-31",
            "2024-13-01",
            "24-01-31",
            "31-01-2024",
            "1899-12-31",
        ] {
            let e = date(&format!("date = \"{bad}\"")).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("config key `report.date`: must be a date from 1900 on written YYYY-MM-DD, not \"{bad}\"")
            );
            assert!(
                e.describe(crate::finding::Lang::Id)
                    .starts_with("kunci konfigurasi `report.date`: "),
                "{e}"
            );
        }
    }

    #[test]
    fn config_adds_header_words() {
        let cfg = Config::parse(
            &format!("{DEFAULT_TOML}\n[headers.anggaran]\npagu = [\"Plafon (Rp)\"]\n"),
            Path::new("c.toml"),
        )
        .unwrap();
        assert!(cfg
            .header_words(TableKind::Anggaran, Col::Pagu)
            .contains(&"PLAFON RP".to_string()));
        assert!(cfg
            .header_words(TableKind::Anggaran, Col::Pagu)
            .contains(&"PAGU".to_string()));
    }
}
