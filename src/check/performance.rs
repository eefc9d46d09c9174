//! Performance family: capaian and its category, targets across the IKU, the PK and
//! the achievement table, percentage indicators, and the staff table's sums.

use super::compare::{agrees, at_precision};
use super::{Context, Fixes, Handling, Rule};
use crate::cell::{sum_formula, CellRef};
use crate::config::Band;
use crate::finding::{Correction, Finding, Loc, Message, NewValue, Safety, Severity};
use crate::model::performance::{
    Achievement, Breakdown, BreakdownEntry, IndicatorLevel, Measure, Polarity, Position, StaffTable,
};
use crate::model::Figure;
use crate::names;
use crate::table::Col;
use rust_decimal::Decimal;
use std::collections::HashMap;

pub static RULES: &[Rule] = &[
    Rule {
        code: "PCT020",
        name: "capaian",
        severity: Severity::Error,
        title: "An indicator's capaian does not follow from its target and realisation",
        judul: "Capaian indikator tidak sesuai target dan realisasinya",
        doc: "Checks the CAPAIAN (%) of every row of the IKU achievement table against the \
report's formulas (Bab III): higher is better (*progress positif*, the default) \
`capaian = realisasi / target × 100`; lower is better (*progress negatif*, a POLARITAS cell \
saying `negatif`, `menurun` or the like) `capaian = (target − (realisasi − target)) / target × 100`. \
A stated capaian is right when it equals the computed one at the precision it is written with \
(`99` for 98,99 %, `43,89` for 43,891 %). A capaian stored as a ratio in a percent-formatted \
cell (`0.9923` shown as `99,23%`) is read as the percentage it shows.\n\n\
Why: the capaian decides the category and the narrative of Bab III; a slip here is read by \
the inspectorate as a wrong claim of achievement.\n\n\
## Example\n`Tabel 3.2!G7` states `98,5` for Nilai SAKIP Dinas PMK with target `E7` 66,16 and \
realisasi `F7` 67,02: the capaian is 101,2998…, expected `101.3` (one decimal, as written).\n\n\
## Fix\nSafe: the cell becomes the formula `F7/E7*100` (lower is better: `(2*E7-F7)/E7*100`; \
without `*100` when the cell stores ratios), or the number when the target or realisation \
is typed as text.",
        fixes: Fixes::Safe,
        handling: Handling::DERIVED,
        check: capaian,
    },
    Rule {
        code: "PCT021",
        name: "no-capaian",
        severity: Severity::Info,
        title: "No capaian can be computed: the target is zero or not a number",
        judul: "Capaian tidak dapat dihitung: target nol atau bukan angka",
        doc: "Reports achievement rows whose target is zero or qualitative (`HIJAU`, \
`Inovatif`, `Nindya`), or whose realisation is not a number, while a realisation, a capaian \
or a category is given. No percentage can be computed from them; the tool does not divide \
and does not check the stated capaian.\n\n\
Why: a capaian shown for such a row was decided by a person; the report should say how \
(for a qualitative target, achieved or not).\n\n\
## Example\n`Capaian!E9` holds the target `HIJAU` for the RTH indicator, realisasi `HIJAU`, \
capaian `100`: one info finding at `E9`.\n\n## Fix\nNone.",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: no_capaian,
    },
    Rule {
        code: "THR020",
        name: "kategori",
        severity: Severity::Error,
        title: "A capaian category does not match the capaian scale",
        judul: "Kategori capaian tidak sesuai skala pengukuran",
        doc: "Checks that the KATEGORI (PREDIKAT) of every achievement row is the band of the \
capaian scale (`[capaian]` in the config, Tabel 3.1) its capaian falls in. The capaian is the \
computed one (as shown when the stated capaian agrees with it), or the stated one when no \
capaian can be computed. Labels, short forms (`BS`, `B`) and the configured synonyms \
(`Sangat Baik`) are accepted.\n\n\
Why: the category is what readers of the LKjIP look at; it must follow the scale the \
report itself publishes.\n\n\
## Example\nWith the shipped scale, `Tabel 3.2!H7` states `Baik Sekali` for a capaian of \
exactly 100 (target and realisasi 66,16): the shipped config puts 100 in `Baik` (Tabel 3.1 leaves it in no band), so the \
expected category is `Baik`.\n\n\
## Fix\nSafe: the cell becomes the band's label.\n\n\
Config: `[capaian] bands` (label, short, synonyms, bounds).",
        fixes: Fixes::Safe,
        handling: Handling::DERIVED,
        check: kategori,
    },
    Rule {
        code: "THR021",
        name: "kategori-unknown",
        severity: Severity::Warning,
        title: "A capaian category names no band of the scale",
        judul: "Kategori capaian tidak dikenal dalam skala",
        doc: "Reports KATEGORI cells whose word is neither a label, a short form nor a synonym \
of a band of the capaian scale, e.g. `Berhasil Sekali` when the scale says `Baik Sekali`.\n\n\
Why: the seed's closing chapter speaks of *berhasil / sangat berhasil*, words that are not \
in its own Tabel 3.1; readers cannot tell which band is meant.\n\n\
## Example\n`Tabel 3.2!H8` states `Berhasil Sekali` for a capaian of 101,57: the expected \
category is `Baik Sekali`.\n\n\
## Fix\nNone: if the word is the office's own name for a band, add it to the band's \
`synonyms` in `[capaian]`; otherwise write the band's label.",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: kategori_unknown,
    },
    Rule {
        code: "XDC020",
        name: "target-mismatch",
        severity: Severity::Error,
        title: "An indicator's target differs between the IKU, the PK and the achievement table",
        judul: "Target indikator berbeda antara IKU, PK, dan tabel capaian",
        doc: "For the report year (`office.year`), checks that each indicator's target is the \
same in the IKU (the Renstra's column of that year), the Perjanjian Kinerja and the \
achievement table. Indicators are paired by name, tolerantly (`Nilai SAKIP Dinas PMK` / \
`Nilai SAKIP Dinas PMK.`; `tolerances.name_similarity`), each name used once per table; \
the finding names the pairs used. Numbers are compared as values (`66,16` = 66.16; a unit \
after the number, `66,16 POIN`, is allowed); qualitative targets as words, ignoring case.\n\n\
The finding points at the cell most likely wrong: when two of the three documents agree, the \
odd one; when only two have the indicator, the PK or achievement one (the IKU is the source). \
The other cells are related.\n\n\
## Example\n`PK 2023!F13` states `0,8169` for Nilai IKS while the IKU's 2023 column \
(`Lampiran 1!J16`) and the achievement table (`Tabel 3.2!E10`) say 0,8196: expected `0.8196`.\n\n\
## Fix\nNone: a person must check the signed document.",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: target_mismatch,
    },
    Rule {
        code: "RNG020",
        name: "percent-indicator-range",
        severity: Severity::Error,
        title: "A percentage indicator has a value outside 0–100",
        judul: "Indikator persentase bernilai di luar 0–100",
        doc: "Checks, in the Tabel 3.3 indicator tables, that indicators named as percentages \
(starting with `%`, or speaking of *persen* / *persentase*) have every year's value between 0 \
and 100.\n\n\
Why: the seed's Tabel 3.3 gives `% BPK yang baik` as 1.423 and `% Posyandu yang aktif` as \
429: counts typed where percentages belong, which the narrative then reads as percentages.\n\n\
## Example\n`Tabel 3.3!B6` holds `1.423` (read as 1423) for `% BPK yang baik`, 2023: the value \
must be a percentage (count ÷ total × 100).\n\n\
## Fix\nNone: the count must be turned into a percentage by a person who knows the total.",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: percent_range,
    },
    Rule {
        code: "SUM020",
        name: "staff-breakdown",
        severity: Severity::Error,
        title: "A position's breakdown by rank or education does not add up to its count",
        judul: "Rincian pangkat atau pendidikan suatu jabatan tidak sama dengan jumlahnya",
        doc: "Checks, in the staff table, that each position's breakdown by rank \
(PANGKAT/GOL/RUANG + JML) and by education (PENDIDIKAN FORMAL + JML), over its first row and \
the continuation rows under it, sums to the position's JML. A breakdown given only as `-` \
(the honorer ranks) is no breakdown and is not checked.\n\n\
The finding points at the position's JML when no breakdown agrees with it (expected: the \
breakdown's sum); when the other breakdown agrees with the JML, at the first count of the \
breakdown that does not add up.\n\n\
## Example\n`Personil!C7` states `3` for Kabid. If its rank counts read `E7` 1 and `E8` 3 \
(sum 4) while its education counts `G7` 2 and `G8` 1 sum to 3, the finding is at `E7`. If \
`C7` read 4 instead, both breakdowns (3) contradict it: the finding is at `C7`, expected `3`.\n\n\
## Fix\nNone: a person must decide which figure is wrong.",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: staff_breakdown,
    },
    Rule {
        code: "SUM021",
        name: "staff-total",
        severity: Severity::Error,
        title: "The staff table's Jumlah Total is not the sum of its column",
        judul: "Jumlah Total tabel personil tidak sama dengan jumlah kolomnya",
        doc: "Checks that the Jumlah Total row of the staff table states, under each JML column \
(positions, ranks, education), the sum of that column's rows above it. A lone `-` counts as \
zero.\n\n\
Why: the seed repeats 33 under all three columns while its rank counts sum to 18 (the \
honorer have no rank).\n\n\
## Example\n`Personil!E22` states `33` under the rank column, whose counts sum to 18 (the \
honorer ranks are `-`): expected `18`.\n\n\
## Fix\nSafe: the cell becomes `SUM(E5:E21)` over the column's rows (the number, when some \
count is typed as text, which SUM would skip).",
        fixes: Fixes::Safe,
        handling: Handling::DERIVED,
        check: staff_total,
    },
];

// ---------------------------------------------------------------------------
// Formatting

/// A number in plain machine form (`66.16`).
fn plain(v: Decimal) -> String {
    v.normalize().to_string()
}

fn loc(ctx: &Context, table: usize, cell: CellRef) -> Loc {
    ctx.model.loc(table, cell)
}

fn polarity_words(p: Polarity) -> (&'static str, &'static str) {
    match p {
        Polarity::Positive => ("realisasi / target × 100", "realisasi / target × 100"),
        Polarity::Negative => (
            "(target − (realisasi − target)) / target × 100",
            "(target − (realisasi − target)) / target × 100",
        ),
    }
}

// ---------------------------------------------------------------------------
// PCT020, PCT021

fn capaian(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for a in &ctx.model.performance.achievements {
        let Some(stated) = &a.capaian else { continue };
        let Some(s) = stated.value else { continue };
        let Some(computed) = a.computed_capaian() else {
            continue;
        };
        if agrees(s, stated.decimals, computed) {
            continue;
        }
        let (Some(t), Some(r)) = (&a.target, &a.realisasi) else {
            continue;
        };
        let expected = at_precision(computed, stated.decimals);
        let (formula_id, formula_en) = polarity_words(a.polarity);
        let message = Message::new(
            format!(
                "capaian indikator \"{}\" tertulis {} %, padahal {} = {} (target {}, realisasi {})",
                a.indikator,
                crate::words::format_decimal(s),
                formula_id,
                crate::words::format_decimal(at_precision(computed, stated.decimals.max(2))),
                crate::words::format_decimal(t.value.unwrap_or_default()),
                crate::words::format_decimal(r.value.unwrap_or_default()),
            ),
            format!(
                "the capaian of indicator \"{}\" is stated as {} %, but {} = {} (target {}, realisasi {})",
                a.indikator,
                plain(s),
                formula_en,
                plain(at_precision(computed, stated.decimals.max(2))),
                plain(t.value.unwrap_or_default()),
                plain(r.value.unwrap_or_default()),
            ),
        );
        let fix = capaian_fix(a, t, r, computed, stated);
        out.push(
            rule.finding(
                loc(ctx, a.table, stated.at),
                message,
                stated.written.clone(),
            )
            .expect(plain(expected))
            .related(vec![loc(ctx, a.table, t.at()), loc(ctx, a.table, r.at())])
            .fix(vec![fix]),
        );
    }
}

/// The capaian formula of a row: `F5/E5*100`, `(2*E5-F5)/E5*100`, without `*100`
/// for a cell that stores ratios.
pub(crate) fn capaian_formula(
    target: CellRef,
    realisasi: CellRef,
    polarity: Polarity,
    ratio: bool,
) -> String {
    let base = match polarity {
        Polarity::Positive => format!("{realisasi}/{target}"),
        Polarity::Negative => format!("(2*{target}-{realisasi})/{target}"),
    };
    if ratio {
        base
    } else {
        format!("{base}*100")
    }
}

fn capaian_fix(
    a: &Achievement,
    t: &Measure,
    r: &Measure,
    computed: Decimal,
    stated: &Figure,
) -> Correction {
    let scale = if a.capaian_ratio {
        Decimal::ONE_HUNDRED
    } else {
        Decimal::ONE
    };
    let value = if t.is_number_cell && r.is_number_cell {
        NewValue::Formula {
            formula: capaian_formula(t.at(), r.at(), a.polarity, a.capaian_ratio),
            value: (computed / scale).normalize(),
        }
    } else {
        NewValue::Number((at_precision(computed, stated.decimals) / scale).normalize())
    };
    Correction {
        cell: stated.at,
        value,
        safety: Safety::Safe,
    }
}

fn no_capaian(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for a in &ctx.model.performance.achievements {
        let Some(t) = &a.target else { continue };
        let shown = a.realisasi.is_some() || a.capaian.is_some() || a.kategori.is_some();
        if !shown {
            continue;
        }
        let related: Vec<Loc> = a.capaian.iter().map(|c| loc(ctx, a.table, c.at)).collect();
        if t.is_qualitative() || t.value.is_some_and(|v| v.is_zero()) {
            let (why_id, why_en) = if t.is_qualitative() {
                (
                    format!("target \"{}\" bukan angka", t.written()),
                    format!("the target \"{}\" is not a number", t.written()),
                )
            } else {
                (
                    "targetnya nol".to_string(),
                    "the target is zero".to_string(),
                )
            };
            let message = Message::new(
                format!(
                    "capaian indikator \"{}\" tidak dapat dihitung: {why_id}",
                    a.indikator
                ),
                format!(
                    "no capaian can be computed for indicator \"{}\": {why_en}",
                    a.indikator
                ),
            );
            out.push(
                rule.finding(loc(ctx, a.table, t.at()), message, t.written())
                    .related(related),
            );
        } else if let Some(r) = a
            .realisasi
            .as_ref()
            .filter(|r| r.is_qualitative() && t.value.is_some())
        {
            let message = Message::new(
                format!(
                    "capaian indikator \"{}\" tidak dapat dihitung: realisasi \"{}\" bukan angka",
                    a.indikator,
                    r.written()
                ),
                format!(
                    "no capaian can be computed for indicator \"{}\": the realisation \"{}\" is not a number",
                    a.indikator,
                    r.written()
                ),
            );
            out.push(
                rule.finding(loc(ctx, a.table, r.at()), message, r.written())
                    .related(related),
            );
        }
    }
}

// ---------------------------------------------------------------------------
// THR020, THR021

/// The capaian a row's category must follow: the computed one (as shown when the
/// stated capaian agrees with it), else the stated one.
fn capaian_basis(a: &Achievement) -> Option<Decimal> {
    let stated = a
        .capaian
        .as_ref()
        .and_then(|f| f.value.map(|v| (v, f.decimals)));
    match (a.computed_capaian(), stated) {
        (Some(c), Some((s, d))) if agrees(s, d, c) => Some(s),
        (Some(c), _) => Some(c),
        (None, Some((s, _))) => Some(s),
        (None, None) => None,
    }
}

fn kategori(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let scale = &ctx.cfg.capaian;
    for a in &ctx.model.performance.achievements {
        let Some(k) = &a.kategori else { continue };
        let Some(named) = scale.band_named(&k.text) else {
            continue;
        };
        let Some(basis) = capaian_basis(a) else {
            continue;
        };
        let Some(band) = scale.classify(basis) else {
            continue;
        };
        if std::ptr::eq(named, band) {
            continue;
        }
        let message = Message::new(
            format!(
                "kategori indikator \"{}\" tertulis \"{}\", padahal capaian {} % termasuk \"{}\" ({})",
                a.indikator,
                k.text,
                crate::words::format_decimal(at_precision(basis, 2)),
                band.label,
                band.describe()
            ),
            format!(
                "the category of indicator \"{}\" is \"{}\", but a capaian of {} % is \"{}\" ({})",
                a.indikator,
                k.text,
                plain(at_precision(basis, 2)),
                band.label,
                band.describe()
            ),
        );
        let related = a.capaian.iter().map(|c| loc(ctx, a.table, c.at)).collect();
        out.push(
            rule.finding(loc(ctx, a.table, k.at), message, k.text.clone())
                .expect(band.label.clone())
                .related(related)
                .fix(vec![Correction {
                    cell: k.at,
                    value: NewValue::Text(band.label.clone()),
                    safety: Safety::Safe,
                }]),
        );
    }
}

fn kategori_unknown(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let scale = &ctx.cfg.capaian;
    let labels: Vec<&str> = scale.bands.iter().map(|b| b.label.as_str()).collect();
    for a in &ctx.model.performance.achievements {
        let Some(k) = &a.kategori else { continue };
        if scale.band_named(&k.text).is_some() || matches!(k.text.trim(), "-" | "–") {
            continue;
        }
        let band: Option<&Band> = capaian_basis(a).and_then(|b| scale.classify(b));
        let message = Message::new(
            format!(
                "kategori \"{}\" indikator \"{}\" tidak ada dalam skala capaian ({}){}",
                k.text,
                a.indikator,
                labels.join(", "),
                band.map(|b| format!("; menurut capaiannya: \"{}\"", b.label))
                    .unwrap_or_default()
            ),
            format!(
                "the category \"{}\" of indicator \"{}\" is not in the capaian scale ({}){}",
                k.text,
                a.indikator,
                labels.join(", "),
                band.map(|b| format!("; by its capaian: \"{}\"", b.label))
                    .unwrap_or_default()
            ),
        );
        let mut f = rule.finding(loc(ctx, a.table, k.at), message, k.text.clone());
        if let Some(b) = band {
            f = f.expect(b.label.clone());
        }
        out.push(f);
    }
}

// ---------------------------------------------------------------------------
// XDC020

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Doc {
    Iku,
    Pk,
    Capaian,
}

impl Doc {
    fn id(self) -> &'static str {
        match self {
            Doc::Iku => "IKU",
            Doc::Pk => "Perjanjian Kinerja",
            Doc::Capaian => "tabel capaian IKU",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Doc::Iku => "the IKU",
            Doc::Pk => "the Perjanjian Kinerja",
            Doc::Capaian => "the achievement table",
        }
    }
}

/// A target as compared: a number by value, a word ignoring case.
#[derive(Debug, Clone, PartialEq, Eq)]
enum TargetValue {
    Number(Decimal),
    Word(String),
}

impl TargetValue {
    fn of(m: &Measure) -> Option<TargetValue> {
        match m.value {
            Some(v) => Some(TargetValue::Number(v.normalize())),
            None if m.is_qualitative() => Some(TargetValue::Word(crate::table::normalize_header(
                m.written(),
            ))),
            None => None,
        }
    }
}

/// One document's target of one indicator.
struct Entry<'a> {
    doc: Doc,
    name: &'a str,
    table: usize,
    target: &'a Measure,
    value: TargetValue,
}

impl Entry<'_> {
    fn expected(&self) -> String {
        match &self.value {
            TargetValue::Number(v) => plain(*v),
            TargetValue::Word(_) => self.target.written().to_string(),
        }
    }

    fn shown(&self) -> String {
        match &self.value {
            TargetValue::Number(v) => crate::words::format_decimal(*v),
            TargetValue::Word(_) => self.target.written().to_string(),
        }
    }
}

/// Pairs every entry of each table of `from` with the entries of `to`, one-to-one per table.
fn pair_by_table(from: &[Entry], to: &[Entry], min: f64) -> Vec<Option<usize>> {
    let mut out = vec![None; from.len()];
    let to_names: Vec<&str> = to.iter().map(|e| e.name).collect();
    let mut tables: Vec<usize> = from.iter().map(|e| e.table).collect();
    tables.sort();
    tables.dedup();
    for t in tables {
        let idx: Vec<usize> = (0..from.len()).filter(|&i| from[i].table == t).collect();
        let names: Vec<&str> = idx.iter().map(|&i| from[i].name).collect();
        for (k, m) in names::pair(&names, &to_names, min).into_iter().enumerate() {
            out[idx[k]] = m;
        }
    }
    out
}

fn target_mismatch(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let year = ctx.cfg.office.year;
    let perf = &ctx.model.performance;
    let min = ctx.cfg.tolerances.name_similarity;
    // Sasaran indicators first: a PK or achievement name equal to both a tujuan
    // and a sasaran indicator of the IKU is the sasaran's.
    let iku_rows = perf
        .iku
        .iter()
        .filter(|i| i.level == IndicatorLevel::Sasaran)
        .chain(
            perf.iku
                .iter()
                .filter(|i| i.level == IndicatorLevel::Tujuan),
        );
    let iku: Vec<Entry> = iku_rows
        .filter_map(|i| {
            let t = i.target(year)?;
            Some(Entry {
                doc: Doc::Iku,
                name: i.name(),
                table: i.table,
                value: TargetValue::of(t)?,
                target: t,
            })
        })
        .collect();
    let pk: Vec<Entry> = perf
        .pk_targets
        .iter()
        .filter_map(|p| {
            let t = p.target.as_ref()?;
            Some(Entry {
                doc: Doc::Pk,
                name: &p.indikator,
                table: p.table,
                value: TargetValue::of(t)?,
                target: t,
            })
        })
        .collect();
    let ach: Vec<Entry> = perf
        .achievements
        .iter()
        .filter_map(|a| {
            let t = a.target.as_ref()?;
            Some(Entry {
                doc: Doc::Capaian,
                name: &a.indikator,
                table: a.table,
                value: TargetValue::of(t)?,
                target: t,
            })
        })
        .collect();
    let pk_to_iku = pair_by_table(&pk, &iku, min);
    let ach_to_iku = pair_by_table(&ach, &iku, min);
    // Achievements with no IKU indicator are compared with the PK directly.
    let lone: Vec<usize> = (0..ach.len())
        .filter(|&i| ach_to_iku[i].is_none())
        .collect();
    let lone_entries: Vec<Entry> = lone
        .iter()
        .map(|&i| Entry {
            doc: Doc::Capaian,
            name: ach[i].name,
            table: ach[i].table,
            target: ach[i].target,
            value: ach[i].value.clone(),
        })
        .collect();
    let lone_to_pk = pair_by_table(&lone_entries, &pk, min);

    let mut groups: Vec<(Option<usize>, Vec<usize>, Vec<usize>)> =
        (0..iku.len()).map(|i| (Some(i), vec![], vec![])).collect();
    for (p, m) in pk_to_iku.iter().enumerate() {
        if let Some(i) = m {
            groups[*i].1.push(p);
        }
    }
    for (a, m) in ach_to_iku.iter().enumerate() {
        if let Some(i) = m {
            groups[*i].2.push(a);
        }
    }
    let mut by_pk: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, m) in lone_to_pk.iter().enumerate() {
        if let Some(p) = m {
            by_pk.entry(*p).or_default().push(lone[k]);
        }
    }
    let mut pk_groups: Vec<(usize, Vec<usize>)> = by_pk.into_iter().collect();
    pk_groups.sort();
    for (p, a) in pk_groups {
        groups.push((None, vec![p], a));
    }

    for (i, ps, as_) in groups {
        let i = i.map(|i| &iku[i]);
        let ps: Vec<&Entry> = ps.iter().map(|&p| &pk[p]).collect();
        let as_: Vec<&Entry> = as_.iter().map(|&a| &ach[a]).collect();
        compare_group(rule, ctx, year, i, &ps, &as_, out);
    }
}

/// Compares one indicator's targets across the documents and reports the odd ones.
fn compare_group(
    rule: &Rule,
    ctx: &Context,
    year: i32,
    iku: Option<&Entry>,
    pk: &[&Entry],
    ach: &[&Entry],
    out: &mut Vec<Finding>,
) {
    let all: Vec<&Entry> = iku
        .into_iter()
        .chain(pk.iter().copied())
        .chain(ach.iter().copied())
        .collect();
    let mut report = |wrong: &Entry, right: &Entry| {
        let others: Vec<&&Entry> = all.iter().filter(|e| !std::ptr::eq(**e, wrong)).collect();
        let list_id: Vec<String> = others
            .iter()
            .map(|e| format!("{} \"{}\": {}", e.doc.id(), e.name, e.shown()))
            .collect();
        let list_en: Vec<String> = others
            .iter()
            .map(|e| format!("{} \"{}\": {}", e.doc.en(), e.name, e.expected()))
            .collect();
        let message = Message::new(
            format!(
                "target {year} indikator \"{}\" di {} tertulis {}, berbeda dari {} (dipasangkan menurut nama)",
                wrong.name,
                wrong.doc.id(),
                wrong.shown(),
                list_id.join("; ")
            ),
            format!(
                "the {year} target of indicator \"{}\" in {} is {}, unlike {} (paired by name)",
                wrong.name,
                wrong.doc.en(),
                wrong.expected(),
                list_en.join("; ")
            ),
        );
        let related = others
            .iter()
            .map(|e| loc(ctx, e.table, e.target.at()))
            .collect();
        out.push(
            rule.finding(
                loc(ctx, wrong.table, wrong.target.at()),
                message,
                wrong.target.written(),
            )
            .expect(right.expected())
            .related(related),
        );
    };
    match iku {
        Some(i) => {
            let mut iku_odd = false;
            for p in pk {
                if p.value == i.value {
                    continue;
                }
                let backed = ach.iter().find(|a| a.value == p.value);
                if let Some(a) = backed.filter(|_| !ach.iter().any(|a| a.value == i.value)) {
                    if !iku_odd {
                        iku_odd = true;
                        report(i, a);
                    }
                } else {
                    report(p, i);
                }
            }
            for a in ach {
                if a.value == i.value {
                    continue;
                }
                let backed =
                    pk.iter().any(|p| p.value == a.value) && !pk.iter().any(|p| p.value == i.value);
                if !backed {
                    report(a, i);
                }
            }
        }
        None => {
            let Some(p) = pk.first() else { return };
            for a in ach {
                if !pk.iter().any(|p| p.value == a.value) {
                    report(a, p);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// RNG020

fn percent_range(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for l in &ctx.model.performance.lembaga {
        if !l.is_percent() {
            continue;
        }
        for lv in &l.values {
            let (year, f) = (lv.year, &lv.figure);
            let Some(v) = lv.value else { continue };
            if v >= Decimal::ZERO && v <= Decimal::ONE_HUNDRED {
                continue;
            }
            let as_typed = f.written.trim() == plain(v) || !f.stored_as_text;
            let read_id = if as_typed {
                String::new()
            } else {
                format!(" (dibaca sebagai {})", plain(v))
            };
            let read_en = if as_typed {
                String::new()
            } else {
                format!(" (read as {})", plain(v))
            };
            let message = Message::new(
                format!(
                    "indikator \"{}\" berupa persentase, tetapi nilai {year} tertulis {}{read_id}, di luar 0–100",
                    l.name, f.written
                ),
                format!(
                    "indicator \"{}\" is a percentage, but its {year} value is {}{read_en}, outside 0–100",
                    l.name, f.written
                ),
            );
            out.push(
                rule.finding(loc(ctx, l.table, f.at), message, f.written.clone())
                    .related(vec![loc(ctx, l.table, l.name_cell)]),
            );
        }
    }
}

// ---------------------------------------------------------------------------
// SUM020, SUM021

/// The sum of a breakdown's counts, `None` when a count cannot be read.
fn breakdown_sum(entries: &[BreakdownEntry]) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    for e in entries {
        if let Some(c) = &e.count {
            sum += c.value?;
        }
    }
    Some(sum)
}

fn breakdown_names(which: Breakdown) -> (&'static str, &'static str) {
    match which {
        Breakdown::Rank => ("pangkat/golongan", "rank"),
        Breakdown::Education => ("pendidikan", "education"),
    }
}

fn count_cells(entries: &[BreakdownEntry]) -> Vec<CellRef> {
    entries
        .iter()
        .filter(|e| e.count.is_some())
        .map(|e| e.count_cell)
        .collect()
}

fn staff_breakdown(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for t in &ctx.model.performance.staff {
        for p in &t.positions {
            check_position(rule, ctx, t, p, out);
        }
    }
}

fn check_position(
    rule: &Rule,
    ctx: &Context,
    t: &StaffTable,
    p: &Position,
    out: &mut Vec<Finding>,
) {
    let (Some(count), Some(count_cell)) = (&p.count, p.count_cell) else {
        return;
    };
    let Some(n) = count.value else { return };
    let sums: Vec<(Breakdown, Decimal)> = [Breakdown::Rank, Breakdown::Education]
        .into_iter()
        .filter(|&w| p.has_breakdown(w))
        .filter_map(|w| breakdown_sum(p.breakdown(w)).map(|s| (w, s)))
        .collect();
    let failing: Vec<(Breakdown, Decimal)> =
        sums.iter().copied().filter(|(_, s)| *s != n).collect();
    if failing.is_empty() {
        return;
    }
    let describe = |(w, s): (Breakdown, Decimal)| {
        let (id, en) = breakdown_names(w);
        let cells: Vec<String> = count_cells(p.breakdown(w))
            .iter()
            .map(|c| c.to_string())
            .collect();
        (
            format!(
                "rincian {id} ({}) berjumlah {}",
                cells.join(", "),
                crate::words::format_decimal(s)
            ),
            format!(
                "the {en} breakdown ({}) sums to {}",
                cells.join(", "),
                plain(s)
            ),
        )
    };
    let agreeing = sums.len() > failing.len();
    if agreeing {
        // The other breakdown confirms the count: the failing breakdown is suspect.
        let (w, s) = failing[0];
        let entries = p.breakdown(w);
        let cells = count_cells(entries);
        let Some(first) = entries.iter().find(|e| e.count.is_some()) else {
            return;
        };
        let (d_id, d_en) = describe((w, s));
        let (o_id, o_en) = breakdown_names(if w == Breakdown::Rank {
            Breakdown::Education
        } else {
            Breakdown::Rank
        });
        let message = Message::new(
            format!(
                "jabatan \"{}\": {d_id}, padahal JML {} dan rincian {o_id} sama-sama {}",
                p.jabatan,
                count_cell,
                crate::words::format_decimal(n)
            ),
            format!(
                "position \"{}\": {d_en}, while JML {} and the {o_en} breakdown both say {}",
                p.jabatan,
                count_cell,
                plain(n)
            ),
        );
        let mut related: Vec<Loc> = cells
            .iter()
            .skip(1)
            .map(|c| loc(ctx, t.table, *c))
            .collect();
        related.push(loc(ctx, t.table, count_cell));
        out.push(
            rule.finding(
                loc(ctx, t.table, first.count_cell),
                message,
                first
                    .count
                    .as_ref()
                    .map(|c| c.written.clone())
                    .unwrap_or_default(),
            )
            .related(related),
        );
        return;
    }
    let (parts_id, parts_en): (Vec<String>, Vec<String>) =
        failing.iter().map(|&f| describe(f)).unzip();
    let message = Message::new(
        format!(
            "jabatan \"{}\": JML tertulis {}, tetapi {}",
            p.jabatan,
            crate::words::format_decimal(n),
            parts_id.join(" dan ")
        ),
        format!(
            "position \"{}\": JML is {}, but {}",
            p.jabatan,
            plain(n),
            parts_en.join(" and ")
        ),
    );
    let related = failing
        .iter()
        .flat_map(|(w, _)| count_cells(p.breakdown(*w)))
        .map(|c| loc(ctx, t.table, c))
        .collect();
    let mut f = rule
        .finding(
            loc(ctx, t.table, count_cell),
            message,
            count.written.clone(),
        )
        .related(related);
    if failing.windows(2).all(|w| w[0].1 == w[1].1) {
        f = f.expect(plain(failing[0].1));
    }
    out.push(f);
}

fn staff_total(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for t in &ctx.model.performance.staff {
        let Some(total) = &t.total else { continue };
        let (Some(&first), Some(&last)) = (t.body_rows.first(), t.body_rows.last()) else {
            continue;
        };
        for (col, figure, cell) in &total.figures {
            let Some(stated) = figure.as_ref() else {
                continue;
            };
            let Some(s) = stated.value else { continue };
            let figures: Vec<&Figure> = match col {
                Col::JmlJabatan => t
                    .positions
                    .iter()
                    .filter_map(|p| p.count.as_ref())
                    .collect(),
                Col::JmlPangkat => t
                    .positions
                    .iter()
                    .flat_map(|p| &p.ranks)
                    .filter_map(|e| e.count.as_ref())
                    .collect(),
                Col::JmlPendidikan => t
                    .positions
                    .iter()
                    .flat_map(|p| &p.education)
                    .filter_map(|e| e.count.as_ref())
                    .collect(),
                _ => continue,
            };
            let Some(sum) = figures.iter().map(|f| f.value).sum::<Option<Decimal>>() else {
                continue;
            };
            if sum == s {
                continue;
            }
            let (column_id, column_en) = match col {
                Col::JmlJabatan => ("JML jabatan", "position JML"),
                Col::JmlPangkat => ("JML pangkat/golongan", "rank JML"),
                _ => ("JML pendidikan", "education JML"),
            };
            let range: Vec<CellRef> = (first..=last).map(|r| CellRef::new(r, cell.col)).collect();
            let value = if figures.iter().any(|f| f.stored_as_text) {
                NewValue::Number(sum)
            } else {
                NewValue::Formula {
                    formula: sum_formula(&range),
                    value: sum,
                }
            };
            let message = Message::new(
                format!(
                    "{} kolom {column_id} ({}) tertulis {}, padahal angka kolom itu berjumlah {}",
                    total.label,
                    crate::cell::column_name(cell.col),
                    crate::words::format_decimal(s),
                    crate::words::format_decimal(sum)
                ),
                format!(
                    "{} of the {column_en} column ({}) is {}, but the column sums to {}",
                    total.label,
                    crate::cell::column_name(cell.col),
                    plain(s),
                    plain(sum)
                ),
            );
            out.push(
                rule.finding(loc(ctx, t.table, *cell), message, stated.written.clone())
                    .expect(plain(sum))
                    .fix(vec![Correction {
                        cell: *cell,
                        value,
                        safety: Safety::Safe,
                    }]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn indonesian_numbers() {
        assert_eq!(crate::words::format_decimal(dec!(1423)), "1.423");
        assert_eq!(
            crate::words::format_decimal(dec!(6796834585)),
            "6.796.834.585"
        );
        assert_eq!(crate::words::format_decimal(dec!(66.16)), "66,16");
        assert_eq!(crate::words::format_decimal(dec!(0.6333)), "0,6333");
        assert_eq!(crate::words::format_decimal(dec!(-1500.5)), "-1.500,5");
        assert_eq!(crate::words::format_decimal(dec!(100.00)), "100");
    }

    #[test]
    fn capaian_formulas() {
        let (e5, f5) = (CellRef::new(4, 4), CellRef::new(4, 5));
        assert_eq!(
            capaian_formula(e5, f5, Polarity::Positive, false),
            "F5/E5*100"
        );
        assert_eq!(
            capaian_formula(e5, f5, Polarity::Negative, false),
            "(2*E5-F5)/E5*100"
        );
        assert_eq!(capaian_formula(e5, f5, Polarity::Positive, true), "F5/E5");
        assert_eq!(
            capaian_formula(e5, f5, Polarity::Negative, true),
            "(2*E5-F5)/E5"
        );
    }

    #[test]
    fn names_pair_one_to_one() {
        let iku = [
            "Nilai Evaluasi SAKIP",
            "Nilai SAKIP Dinas PMK",
            "Indeks Desa Membangun",
            "Indeks Kategori Kampung",
            "Nilai IKE",
            "Nilai IKS",
            "Nilai IKL",
        ];
        let pk = [
            "Indeks Kategori Kampung",
            "Nilai IKE",
            "Nilai IKS",
            "Nilai IKL",
            "Nilai SAKIP Dinas PMK.",
        ];
        assert_eq!(
            names::pair(&pk, &iku, 0.8),
            vec![Some(3), Some(4), Some(5), Some(6), Some(1)]
        );
        // A missing IKS does not borrow the IKE's row once the IKE is paired.
        let iku2 = ["Nilai IKE", "Nilai IKL"];
        let pk2 = ["Nilai IKE", "Nilai IKL", "Nilai IKS"];
        assert_eq!(names::pair(&pk2, &iku2, 0.8), vec![Some(0), Some(1), None]);
        assert_eq!(
            names::pair(&["LHKPN – SPT Tahun 2022"], &iku, 0.8),
            vec![None]
        );
    }
}
