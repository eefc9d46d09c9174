//! Budget family: money. Percentages, totals and subtotals of the budget
//! realisation, the PK program budgets with their terbilang, the RKT funds and
//! Tabel 1, and the same money across these documents.
//!
//! Sums are checked as trees (total → program → kegiatan; Tabel 1's outline). When
//! one figure alone explains every broken sum of a tree, only that figure is
//! reported; figures confirmed by another document break the ties.

use super::compare::{agrees, at_precision};
use super::{Context, Fixes, Handling, Rule};
use crate::cell::{sum_formula, CellRef};
use crate::finding::{Correction, Finding, Message, NewValue, Safety, Severity};
use crate::model::budget::{
    sum, Budget, BudgetLine, PkBudget, Realisation, RealisationProgram, Rkt, Spending,
};
use crate::model::{Figure, FigureProblem, NumericColumn};
use crate::names;
use crate::table::Col;
use crate::words;
use rust_decimal::Decimal;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::rc::Rc;

pub static RULES: &[Rule] = &[
    Rule {
        code: "PCT010",
        name: "budget-percent",
        severity: Severity::Error,
        title: "A budget realisation percentage is not realisasi / pagu × 100",
        judul: "Persentase realisasi anggaran tidak sama dengan realisasi / pagu × 100",
        doc: "Checks every % of the budget-realisation table (kegiatan, program subtotal and \
total rows): % = realisasi / pagu × 100, compared at the precision the % is written with \
(`99` for 98,99 %, `100,00` for 99,997 %). A column that stores ratios (`0.99` shown as \
99 %) is read as percentages. Rows whose pagu or realisasi cannot be read are left to \
NUM001/NUM002; a pagu of 0 has no percentage.\n\n\
Why: the % is typed by hand next to the money; when the money is corrected the % stays \
behind. A derived cell follows its inputs: the % is what is reported.\n\n\
## Example\n`Tabel 3.4!D17` says `85` for Fasilitasi Kunjungan Tamu, whose realisasi \
6.720.000 (`C17`) of pagu 8.220.000 (`B17`) is 81,75 %: the finding expects `82`.\n\n\
## Fix\nSafe: the formula `C17/B17*100` (or `C17/B17` when the column stores ratios).",
        fixes: Fixes::Safe,
        handling: Handling::DERIVED,
        check: budget_percent,
    },
    Rule {
        code: "RNG010",
        name: "realisation-above-pagu",
        severity: Severity::Error,
        title: "A kegiatan spent more than its pagu",
        judul: "Realisasi kegiatan melebihi pagunya",
        doc: "Checks that no kegiatan's realisasi exceeds its pagu: the pagu is a ceiling \
the treasury does not pay beyond.\n\n\
Why: a realisasi above the pagu is a typing slip (a digit too many, the pagu of the \
neighbouring row) or a pagu left at its value before the budget change.\n\n\
## Example\n`Tabel 3.4!C17` says `9.000.000` while the pagu `B17` is `8.220.000`.\n\n\
## Fix\nNone: a person must say which of the two is wrong.",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: above_pagu,
    },
    Rule {
        code: "RNG011",
        name: "negative-money",
        severity: Severity::Error,
        title: "A negative amount of money",
        judul: "Jumlah uang bernilai negatif",
        doc: "Checks that no pagu, realisasi, PK budget, RKT fund or Tabel 1 amount is \
negative.\n\n\
Why: a budget line cannot be negative; a minus sign (or an amount in parentheses) is a \
slip, often from a difference copied as a value.\n\n\
## Example\n`Tabel 3.4!C17` says `-6.720.000`.\n\n## Fix\nNone: a person must type the figure.",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: negative_money,
    },
    Rule {
        code: "RNG012",
        name: "no-realisation",
        severity: Severity::Info,
        title: "A kegiatan with a pagu spent nothing",
        judul: "Kegiatan berpagu tanpa realisasi",
        doc: "Notes every kegiatan with a pagu above 0 whose realisasi is 0 or `-`.\n\n\
Why: nothing to correct, but the report must explain it (a cancelled activity, a \
refocusing), and the inspectorate will ask.\n\n\
## Example\n`Tabel 3.4!C19`: Pengadaan Pakaian Dinas Beserta Atribut dan Kelengkapannya, pagu \
18.600.000, realisasi `-`.\n\n## Fix\nNone: it is a note.",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: no_realisation,
    },
    Rule {
        code: "SUM010",
        name: "subtotal",
        severity: Severity::Error,
        title: "A program's stated total is not the sum of its kegiatan",
        judul: "Jumlah program tidak sama dengan jumlah kegiatannya",
        doc: "Checks that a program's stated amounts equal the sum of its kegiatan: in the \
budget-realisation table when program rows (or Sub Total rows) carry amounts, and in the RKT \
where each numbered program block's funds must be the sum of its kegiatan Dana.\n\n\
When one figure alone explains every broken sum of the table (a program total that \
disagrees with both its kegiatan and the table's total), only that figure is reported; when \
the program total agrees with the total above it, the finding says one of its kegiatan is \
likely wrong and offers no fix.\n\n\
## Example\n`RKT!I57` says `2.674.000.000` for \"10. Program Penunjang Urusan Pemerintahan \
Daerah Kabupaten/Kota\" while its kegiatan Dana add up to 2.674.367.785.\n\n\
## Fix\nSafe: the sum formula of the kegiatan cells (`SUM(B6:B25)`, or `I58+I61+…`).\n\n\
Config: `tolerances.money`.",
        fixes: Fixes::Safe,
        handling: Handling::DERIVED,
        check: subtotal,
    },
    Rule {
        code: "SUM011",
        name: "total-row",
        severity: Severity::Error,
        title: "A JUMLAH / TOTAL row is not the sum of what it totals",
        judul: "Baris JUMLAH / TOTAL tidak sama dengan jumlah rinciannya",
        doc: "Checks the total rows: the JUMLAH / TOTAL of the budget-realisation table (sum \
of the kegiatan, or of the program subtotals), the Jumlah of the PK program budgets (sum \
of the programs, for each budget column), the RKT's Jumlah Total (sum of the program \
blocks) and a JUMLAH row under Tabel 1.\n\n\
A PK program that disagrees with the realisation table and the RKT is reported by XDC010 / \
XDC011 instead of its Jumlah.\n\n\
## Example\n`PK 2023!C23` says `Rp. 6.796.000.000` while the four programs add up to \
6.796.834.585.\n\n\
## Fix\nSafe: the sum formula of the parts (`SUM(C19:C22)`).\n\n\
Config: `tolerances.money`.",
        fixes: Fixes::Safe,
        handling: Handling::DERIVED,
        check: total_row,
    },
    Rule {
        code: "SUM012",
        name: "outline-parent",
        severity: Severity::Error,
        title: "A Tabel 1 outline parent is not the sum of its children",
        judul: "Induk rincian Tabel 1 tidak sama dengan jumlah anaknya",
        doc: "Checks the spending summary (Tabel 1 Pembiayaan) as the outline its NO column \
draws (I → 1., 2. → a., b.): each parent equals the sum of its children, and a single child \
equals its parent.\n\n\
When one figure alone explains every broken sum, only that figure is reported (a single \
child that differs from a parent which agrees with the level above); a parent that agrees \
with the level above but not with its several children is reported without a fix.\n\n\
## Example\n`Pembiayaan!C8` says `Rp. 4.781.000.000,-` for 2. Belanja Langsung while a. and b. \
add up to 4.781.272.885 and I. Belanja Daerah minus 1. leaves 4.781.272.885 too.\n\n\
## Fix\nSafe: the sum formula of the children (`SUM(C9:C10)`), or the parent's value for a \
single child.\n\nConfig: `tolerances.money`.",
        fixes: Fixes::Safe,
        handling: Handling::DERIVED,
        check: outline_parent,
    },
    Rule {
        code: "XDC010",
        name: "pk-program-vs-realisation",
        severity: Severity::Error,
        title: "A PK program budget differs from its kegiatan pagu in the realisation table",
        judul: "Anggaran program di PK berbeda dengan jumlah pagu kegiatannya di tabel realisasi",
        doc: "Checks that each program budget of the Perjanjian Kinerja equals the sum of \
that program's kegiatan pagu in the budget-realisation table. Programs are paired by name \
tolerantly (`tolerances.name_similarity`), and the finding says which names were paired. A \
malformed pagu is used only when another figure pins it (see NUM001); otherwise the program \
is skipped.\n\n\
The finding points at the PK cell; when the RKT agrees with the PK, it says so and leaves \
the expected value open: the realisation table is then the one to check.\n\n\
## Example\n`PK 2023!C21` says `1.978.000.000` for ADMINISTRASI PEMERINTAHAN DESA while the \
nine kegiatan of PROGRAM ADMINISTRASI PEMERINTAHAN DESA in `Tabel 3.4!B29:B37` add up to \
1.978.457.800.\n\n## Fix\nNone: a person must decide which document is right.\n\n\
Config: `tolerances.name_similarity`, `tolerances.money`.",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: pk_vs_realisation,
    },
    Rule {
        code: "XDC011",
        name: "pk-program-vs-rkt",
        severity: Severity::Error,
        title: "A PK program budget differs from the RKT's funds for that program",
        judul: "Anggaran program di PK berbeda dengan dana program itu di RKT",
        doc: "Checks that each program budget of the Perjanjian Kinerja equals the RKT's \
funds for that program. The RKT lists one program in several numbered blocks (\"2. Program \
Administrasi Pemerintahan Desa\", \"6. Program Administrasi …\"): every block whose name \
matches is added up. Names are paired tolerantly and the finding says which.\n\n\
## Example\n`PK 2023!C21` says `1.978.000.000` while the RKT blocks 2., 6., 8. and 9. of \
Program Administrasi Pemerintahan Desa (`RKT!I18`, `I26`, `I40`, `I47`) add up to \
1.978.457.800.\n\n## Fix\nNone: a person must decide which document is right.\n\n\
Config: `tolerances.name_similarity`, `tolerances.money`.",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: pk_vs_rkt,
    },
    Rule {
        code: "XDC012",
        name: "belanja-daerah",
        severity: Severity::Error,
        title: "The PK programs do not add up to Belanja Daerah in Tabel 1",
        judul: "Jumlah anggaran program PK tidak sama dengan Belanja Daerah di Tabel 1",
        doc: "Checks that the sum of the PK program budgets (or the PK Jumlah) equals Belanja \
Daerah in the spending summary (the Tabel 1 line so named, or its single top-level line). \
Differences inside one document are left to SUM011 / SUM012: this rule fires only when no \
figure of the PK matches any figure of Tabel 1.\n\n\
## Example\n`Pembiayaan!C5` says `Rp. 6.786.834.585,-` while the PK programs add up to \
6.796.834.585 (`PK 2023!C23`).\n\n## Fix\nNone: a person must decide which document is \
right.",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: belanja_daerah,
    },
    Rule {
        code: "XDC013",
        name: "rkt-kegiatan-vs-pagu",
        severity: Severity::Error,
        title: "An RKT kegiatan's Dana differs from its pagu in the realisation table",
        judul: "Dana kegiatan di RKT berbeda dengan pagunya di tabel realisasi",
        doc: "Checks that each RKT kegiatan's Dana (the `Input : Dana` / Rupiah line) equals \
the pagu of the same kegiatan in the budget-realisation table. Kegiatan are paired by name \
tolerantly, within the paired program first, and the finding says which names were paired; \
an RKT kegiatan with no match is skipped.\n\n\
The finding points at the side that disagrees with its own document: at the pagu when the \
RKT block adds up and the realisation program does not match the PK, at the RKT Dana in the \
opposite case, and at the RKT Dana (without an expected value) when both are consistent.\n\n\
## Example\n`RKT!I93` says `8,200,000` for \"12. Fasilitasi Kunjungan Tamu\" while `Tabel \
3.4!B17` has pagu 8.220.000 and the RKT block no longer adds up: expected 8220000.\n\n\
## Fix\nNone: a person must decide which document is right.\n\n\
Config: `tolerances.name_similarity`.",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: rkt_vs_pagu,
    },
    Rule {
        code: "WRD001",
        name: "terbilang",
        severity: Severity::Error,
        title: "An amount in words does not spell its figure",
        judul: "Terbilang tidak sama dengan angkanya",
        doc: "Checks that the terbilang line under the PK program budgets spells the Jumlah it \
sits under. The words are read back to a number (accepting `milyar`, `trilyun`, any case, a \
\"Terbilang :\" label, parentheses and a trailing \"rupiah\"); words that do not read as a \
well-formed amount are reported too.\n\n\
## Example\n`PK 2023!A24` says \"(Terbilang : Enam milyar … lima ratus delapan puluh empat \
rupiah).\" under the Jumlah 6.796.834.585: expected \"Enam miliar tujuh ratus sembilan puluh \
enam juta delapan ratus tiga puluh empat ribu lima ratus delapan puluh lima rupiah\".\n\n\
## Fix\nSafe: the standard words of the figure (miliar, triliun), keeping the line's label \
and brackets.",
        fixes: Fixes::Safe,
        handling: Handling::DERIVED,
        check: terbilang,
    },
];

// ---------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------

/// Indonesian: `6.796.834.585`, `93,5`.
fn id_num(v: Decimal) -> String {
    let n = v.normalize();
    words::group_thousands(n, n.scale().min(10))
}

/// English: `6,796,834,585`, `93.5`.
fn en_num(v: Decimal) -> String {
    swap_marks(&id_num(v))
}

fn id_dec(v: Decimal, decimals: u32) -> String {
    words::group_thousands(v, decimals)
}

fn en_dec(v: Decimal, decimals: u32) -> String {
    swap_marks(&id_dec(v, decimals))
}

fn swap_marks(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '.' => ',',
            ',' => '.',
            c => c,
        })
        .collect()
}

/// Plain machine form: `65000000`, `93.32`.
fn plain(v: Decimal) -> String {
    v.normalize().to_string()
}

/// A long name shortened for a message.
fn short(name: &str) -> String {
    let n: Vec<char> = name.chars().collect();
    if n.len() <= 70 {
        name.to_string()
    } else {
        format!("{}…", n[..67].iter().collect::<String>().trim_end())
    }
}

fn value(f: &Option<Figure>) -> Option<Decimal> {
    f.as_ref().and_then(|f| f.value)
}

fn close(a: Decimal, b: Decimal, tol: Decimal) -> bool {
    (a - b).abs() <= tol
}

/// Both known and equal, or one known: the value they agree on.
fn agree(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    match (a, b) {
        (Some(x), Some(y)) if x == y => Some(x),
        (Some(_), Some(_)) => None,
        (x, y) => x.or(y),
    }
}

// ---------------------------------------------------------------------------
// Links across documents
// ---------------------------------------------------------------------------

/// (realisation table, program, kegiatan) in [`Budget::realisations`].
type RealRef = (usize, usize, usize);
/// (RKT table, program block, kegiatan) in [`Budget::rkt`].
type RktRef = (usize, usize, usize);

/// Which records of different documents are the same program or kegiatan.
#[derive(Default)]
struct Links {
    keg_by_rkt: HashMap<RktRef, (RealRef, f64)>,
    keg_by_real: HashMap<RealRef, (RktRef, f64)>,
    /// PK (table, program) → realisation (table, program).
    pk_real: HashMap<(usize, usize), (usize, usize)>,
    /// Realisation (table, program) → PK (table, program).
    real_pk: HashMap<(usize, usize), (usize, usize)>,
    /// PK (table, program) → RKT (table, block) of every matching block.
    pk_rkt: HashMap<(usize, usize), Vec<(usize, usize)>>,
}

/// Matches names: exact keys first, then the most similar at or above `min`.
struct Matcher<'a> {
    names: Vec<&'a str>,
    by_key: HashMap<String, usize>,
    min: f64,
}

impl<'a> Matcher<'a> {
    fn new(names: Vec<&'a str>, min: f64) -> Self {
        let mut by_key = HashMap::new();
        for (i, n) in names.iter().enumerate() {
            by_key.entry(names::key(n)).or_insert(i);
        }
        Matcher { names, by_key, min }
    }

    fn find(&self, name: &str) -> Option<(usize, f64)> {
        let key = names::key(name);
        if key.is_empty() {
            return None;
        }
        if let Some(&i) = self.by_key.get(&key) {
            return Some((i, 1.0));
        }
        names::best_match(name, self.names.iter().copied(), self.min)
    }

    /// The best match among a subset of the names.
    fn find_in(&self, name: &str, subset: &[usize]) -> Option<(usize, f64)> {
        let key = names::key(name);
        if let Some(&i) = subset.iter().find(|&&i| names::key(self.names[i]) == key) {
            return Some((i, 1.0));
        }
        names::best_match(name, subset.iter().map(|&i| self.names[i]), self.min)
            .map(|(j, s)| (subset[j], s))
    }
}

fn links(b: &Budget, min: f64) -> Links {
    let mut l = Links::default();
    // Programs: realisation and RKT blocks against the PK.
    let real_programs: Vec<(usize, usize)> = b
        .realisations
        .iter()
        .enumerate()
        .flat_map(|(r, t)| (0..t.programs.len()).map(move |p| (r, p)))
        .collect();
    let real_names = Matcher::new(
        real_programs
            .iter()
            .map(|&(r, p)| b.realisations[r].programs[p].name.as_str())
            .collect(),
        min,
    );
    let pk_programs: Vec<(usize, usize)> = b
        .pk_budgets
        .iter()
        .enumerate()
        .flat_map(|(t, pk)| (0..pk.programs.len()).map(move |p| (t, p)))
        .collect();
    let pk_names = Matcher::new(
        pk_programs
            .iter()
            .map(|&(t, p)| b.pk_budgets[t].programs[p].name.as_str())
            .collect(),
        min,
    );
    for &(t, p) in &pk_programs {
        if let Some((i, _)) = real_names.find(&b.pk_budgets[t].programs[p].name) {
            l.pk_real.insert((t, p), real_programs[i]);
            l.real_pk.entry(real_programs[i]).or_insert((t, p));
        }
    }
    for (t, rkt) in b.rkt.iter().enumerate() {
        for (p, block) in rkt.programs.iter().enumerate() {
            if let Some((i, _)) = pk_names.find(&block.name) {
                l.pk_rkt.entry(pk_programs[i]).or_default().push((t, p));
            }
        }
    }
    // Kegiatan: within the paired realisation program first, then anywhere.
    let real_keg: Vec<RealRef> = real_programs
        .iter()
        .flat_map(|&(r, p)| {
            (0..b.realisations[r].programs[p].kegiatan.len()).map(move |k| (r, p, k))
        })
        .collect();
    let keg_names = Matcher::new(
        real_keg
            .iter()
            .map(|&(r, p, k)| b.realisations[r].programs[p].kegiatan[k].name.as_str())
            .collect(),
        min,
    );
    let mut in_program: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (i, &(r, p, _)) in real_keg.iter().enumerate() {
        in_program.entry((r, p)).or_default().push(i);
    }
    let mut proposals: Vec<(f64, RktRef, usize)> = Vec::new();
    for (t, rkt) in b.rkt.iter().enumerate() {
        for (p, block) in rkt.programs.iter().enumerate() {
            let program = real_names.find(&block.name).map(|(i, _)| real_programs[i]);
            let subset = program.and_then(|rp| in_program.get(&rp));
            for (k, keg) in block.kegiatan.iter().enumerate() {
                let hit = subset
                    .and_then(|s| keg_names.find_in(&keg.name, s))
                    .or_else(|| keg_names.find(&keg.name));
                if let Some((i, s)) = hit {
                    proposals.push((s, (t, p, k), i));
                }
            }
        }
    }
    // One to one, the most similar pairs first.
    proposals.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut used = HashSet::new();
    for (s, rk, i) in proposals {
        if l.keg_by_rkt.contains_key(&rk) || !used.insert(i) {
            continue;
        }
        l.keg_by_rkt.insert(rk, (real_keg[i], s));
        l.keg_by_real.insert(real_keg[i], (rk, s));
    }
    l
}

// ---------------------------------------------------------------------------
// Books: the budget with its links and pinned values
// ---------------------------------------------------------------------------

/// A malformed figure's value, pinned down by other figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Pin {
    pub value: Decimal,
    /// What pins it, as a phrase: "realisasi 65.000.000 dan persentase 100,00".
    pub because: Message,
}

struct Books<'a> {
    ctx: &'a Context<'a>,
    b: &'a Budget,
    links: Rc<Links>,
    pins: Rc<Pins>,
    tol: Decimal,
}

type Pins = HashMap<(usize, CellRef), Pin>;

/// A budget's fingerprint with its links and pins.
type Derived = (u64, Rc<Links>, Rc<Pins>);

thread_local! {
    /// The links and pins of the last budget seen, by its fingerprint: every rule
    /// of a run (and NUM001 for each malformed figure) reads the same ones.
    static DERIVED: RefCell<Option<Derived>> = const { RefCell::new(None) };
}

/// What the links and pins depend on: the budget records, where their tables
/// are, and the tolerances.
fn fingerprint(ctx: &Context) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    format!("{:?}", ctx.model.budget).hash(&mut h);
    for t in &ctx.model.tables {
        (&*t.file, &*t.sheet, t.range.to_string()).hash(&mut h);
    }
    ctx.cfg.tolerances.name_similarity.to_bits().hash(&mut h);
    ctx.cfg.tolerances.money.hash(&mut h);
    h.finish()
}

impl<'a> Books<'a> {
    fn new(ctx: &'a Context<'a>) -> Self {
        let b = &ctx.model.budget;
        let key = fingerprint(ctx);
        let cached = DERIVED.with(|d| {
            d.borrow()
                .as_ref()
                .filter(|(k, _, _)| *k == key)
                .map(|(_, l, p)| (l.clone(), p.clone()))
        });
        if let Some((links, pins)) = cached {
            return Books {
                ctx,
                b,
                links,
                pins,
                tol: ctx.cfg.tolerances.money,
            };
        }
        let mut books = Books {
            ctx,
            b,
            links: Rc::new(links(b, ctx.cfg.tolerances.name_similarity)),
            pins: Rc::new(HashMap::new()),
            tol: ctx.cfg.tolerances.money,
        };
        books.pins = Rc::new(books.compute_pins());
        DERIVED.with(|d| *d.borrow_mut() = Some((key, books.links.clone(), books.pins.clone())));
        books
    }

    /// A figure's value, or its pinned value when malformed.
    fn val(&self, table: usize, f: &Option<Figure>) -> Option<Decimal> {
        let f = f.as_ref()?;
        f.value
            .or_else(|| self.pins.get(&(table, f.at)).map(|p| p.value))
    }

    fn loc(&self, table: usize, cell: CellRef) -> crate::finding::Loc {
        self.ctx.model.loc(table, cell)
    }

    /// "RKT 2023.xlsx RKT!I90"
    fn where_is(&self, table: usize, cell: CellRef) -> String {
        let t = &self.ctx.model.tables[table];
        format!("{} {}!{}", t.file, t.sheet, cell)
    }

    fn label(&self, table: usize, col: Col) -> String {
        self.ctx.reading.tables[table]
            .column(col)
            .map(|c| c.label.clone())
            .unwrap_or_else(|| col.name().to_string())
    }

    fn realisation_program_pagu(&self, r: usize, p: usize) -> Option<Decimal> {
        let real = &self.b.realisations[r];
        let prog = &real.programs[p];
        if prog.kegiatan.is_empty() {
            return prog
                .subtotal
                .as_ref()
                .and_then(|s| self.val(real.table, &s.pagu));
        }
        sum(prog.kegiatan.iter().map(|k| self.val(real.table, &k.pagu)))
    }

    /// The RKT's funds for a PK program: (sum of the blocks' stated funds, sum of their kegiatan Dana).
    fn rkt_funds(&self, pk: (usize, usize)) -> Option<(Option<Decimal>, Option<Decimal>)> {
        let blocks = self.links.pk_rkt.get(&pk)?;
        let stated = sum(blocks.iter().map(|&(t, p)| {
            let rkt = &self.b.rkt[t];
            let block = &rkt.programs[p];
            self.val(rkt.table, &block.funds)
                .or_else(|| self.dana_sum(rkt, p))
        }));
        let dana = sum(blocks.iter().map(|&(t, p)| {
            let rkt = &self.b.rkt[t];
            self.dana_sum(rkt, p)
                .or_else(|| self.val(rkt.table, &rkt.programs[p].funds))
        }));
        Some((stated, dana))
    }

    fn dana_sum(&self, rkt: &Rkt, p: usize) -> Option<Decimal> {
        sum(rkt.programs[p]
            .kegiatan
            .iter()
            .filter(|k| k.dana.is_some())
            .map(|k| self.val(rkt.table, &k.dana)))
    }

    /// The value the other documents agree on for a PK program's budget.
    fn pk_program_anchor(&self, pk: (usize, usize)) -> Option<Decimal> {
        let real = self
            .links
            .pk_real
            .get(&pk)
            .and_then(|&(r, p)| self.realisation_program_pagu(r, p));
        let rkt = self
            .rkt_funds(pk)
            .and_then(|(stated, dana)| agree(stated, dana));
        agree(real, rkt)
    }

    fn pk_jumlah(&self, pk: &PkBudget) -> Option<Decimal> {
        pk.jumlah
            .as_ref()
            .and_then(|j| self.val(pk.table, &j.anggaran))
    }

    /// The PK total the PK itself stands for: its Jumlah when the programs add up to it
    /// or the Jumlah is not what is wrong, else the sum of the programs.
    fn pk_total(&self, pk: &PkBudget) -> Option<Decimal> {
        let jumlah = self.pk_jumlah(pk);
        let programs = sum(pk.programs.iter().map(|p| self.val(pk.table, &p.anggaran)));
        match (jumlah, programs) {
            (Some(j), Some(s)) if j != s => {
                let tree = self.pk_tree(pk_index(self.b, pk), false);
                match tree.solve(self.tol).culprit {
                    Some((n, v)) if tree.nodes[n].kind == NodeKind::Total => Some(v),
                    _ => Some(j),
                }
            }
            (j, s) => j.or(s),
        }
    }

    fn belanja_daerah(&self) -> Option<(usize, &'a crate::model::budget::SpendingItem)> {
        self.b
            .spending
            .iter()
            .find_map(|s| s.belanja_daerah().map(|i| (s.table, i)))
    }
}

fn pk_index(b: &Budget, pk: &PkBudget) -> usize {
    b.pk_budgets
        .iter()
        .position(|x| std::ptr::eq(x, pk))
        .unwrap_or(0)
}

// ---------------------------------------------------------------------------
// Sum trees
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NodeKind {
    /// A JUMLAH / TOTAL row.
    Total,
    /// A program's subtotal (realisation table) or funds (RKT block).
    Subtotal,
    /// A Tabel 1 outline line.
    Outline,
    /// A kegiatan line or a PK program.
    Leaf,
}

impl NodeKind {
    /// The rule of the sum where a node of this kind is the whole.
    fn code(self) -> &'static str {
        match self {
            NodeKind::Total => "SUM011",
            NodeKind::Subtotal | NodeKind::Leaf => "SUM010",
            NodeKind::Outline => "SUM012",
        }
    }
}

#[derive(Debug, Clone)]
struct Node {
    kind: NodeKind,
    name: String,
    cell: Option<CellRef>,
    written: String,
    /// Read or pinned; `None` when unreadable.
    value: Option<Decimal>,
    /// The figure is malformed: its readings.
    readings: Option<Vec<Decimal>>,
    /// The value another document gives this figure.
    anchor: Option<Decimal>,
    parent: Option<usize>,
    children: Vec<usize>,
}

/// A table's figures as wholes and parts, for one money column.
#[derive(Debug, Clone)]
struct Tree {
    table: usize,
    column: String,
    nodes: Vec<Node>,
}

#[derive(Debug, Default)]
struct Solution {
    /// Wholes that are not the sum of their parts.
    failing: Vec<usize>,
    /// Figures that alone could explain every failing sum, with the value that would.
    candidates: Vec<(usize, Decimal)>,
    /// The one figure that explains them, when the candidates (and the other
    /// documents) single it out.
    culprit: Option<(usize, Decimal)>,
}

impl Tree {
    fn new(table: usize, column: String) -> Self {
        Tree {
            table,
            column,
            nodes: Vec::new(),
        }
    }

    fn add(
        &mut self,
        kind: NodeKind,
        name: &str,
        fig: Option<&Figure>,
        value: Option<Decimal>,
        parent: Option<usize>,
    ) -> usize {
        let i = self.nodes.len();
        let readings = fig.and_then(|f| match &f.problem {
            Some(FigureProblem::Malformed { readings }) => Some(readings.clone()),
            _ => None,
        });
        self.nodes.push(Node {
            kind,
            name: name.to_string(),
            cell: fig.map(|f| f.at),
            written: fig.map(|f| f.written.clone()).unwrap_or_default(),
            value,
            readings,
            anchor: None,
            parent,
            children: Vec::new(),
        });
        if let Some(p) = parent {
            self.nodes[p].children.push(i);
        }
        i
    }

    fn children_sum(&self, n: usize) -> Option<Decimal> {
        sum(self.nodes[n].children.iter().map(|&c| self.nodes[c].value))
    }

    /// What the parent leaves for `n`: parent − the other children.
    fn left_by_parent(&self, n: usize) -> Option<Decimal> {
        let p = self.nodes[n].parent?;
        let pv = self.nodes[p].value?;
        let others = self.nodes[p]
            .children
            .iter()
            .filter(|&&c| c != n)
            .map(|&c| self.nodes[c].value)
            .try_fold(Decimal::ZERO, |acc, v| v.map(|v| acc + v))?;
        Some(pv - others)
    }

    fn holds(&self, n: usize, tol: Decimal) -> Option<bool> {
        let v = self.nodes[n].value?;
        let s = self.children_sum(n)?;
        Some(close(v, s, tol))
    }

    fn solve(&self, tol: Decimal) -> Solution {
        let failing: Vec<usize> = (0..self.nodes.len())
            .filter(|&n| self.holds(n, tol) == Some(false))
            .collect();
        let mut s = Solution {
            failing,
            ..Default::default()
        };
        if s.failing.is_empty() {
            return s;
        }
        for (n, node) in self.nodes.iter().enumerate() {
            let (Some(v), Some(_)) = (node.value, node.cell) else {
                continue;
            };
            let involved = |f: usize| f == n || Some(f) == node.parent;
            if !s.failing.iter().all(|&f| involved(f)) {
                continue;
            }
            let implied: Vec<Decimal> = [self.children_sum(n), self.left_by_parent(n)]
                .into_iter()
                .flatten()
                .collect();
            let Some(&first) = implied.first() else {
                continue;
            };
            if implied.iter().any(|&x| !close(x, first, tol)) || close(first, v, tol) {
                continue;
            }
            s.candidates.push((n, first));
        }
        let pick = |list: Vec<(usize, Decimal)>| (list.len() == 1).then(|| list[0]);
        s.culprit = pick(s.candidates.clone())
            .or_else(|| {
                pick(
                    s.candidates
                        .iter()
                        .copied()
                        .filter(|&(n, v)| self.nodes[n].anchor == Some(v))
                        .collect(),
                )
            })
            .or_else(|| {
                pick(
                    s.candidates
                        .iter()
                        .copied()
                        .filter(|&(n, v)| self.nodes[n].anchor.is_none_or(|a| a == v))
                        .collect(),
                )
            });
        s
    }
}

impl<'a> Books<'a> {
    fn realisation_tree(&self, ri: usize, col: Col) -> Tree {
        let real = &self.b.realisations[ri];
        let t = real.table;
        fn pick(l: &BudgetLine, col: Col) -> Option<&Figure> {
            match col {
                Col::Pagu => l.pagu.as_ref(),
                _ => l.realisasi.as_ref(),
            }
        }
        let val = |f: Option<&Figure>| -> Option<Decimal> {
            match f {
                Some(f) => f
                    .value
                    .or_else(|| self.pins.get(&(t, f.at)).map(|p| p.value)),
                // A blank realisasi is nothing spent; a blank pagu is unknown.
                None => (col == Col::Realisasi).then_some(Decimal::ZERO),
            }
        };
        let mut tree = Tree::new(t, self.label(t, col));
        let root = real.totals.first().and_then(|total| {
            let f = pick(total, col)?;
            Some(tree.add(NodeKind::Total, &total.name, Some(f), val(Some(f)), None))
        });
        if let Some(r) = root {
            if col == Col::Pagu {
                tree.nodes[r].anchor = self.b.pk_budgets.first().and_then(|pk| self.pk_total(pk));
            }
        }
        for (pi, prog) in real.programs.iter().enumerate() {
            let sub = prog.subtotal.as_ref().and_then(|s| pick(s, col));
            let parent = match sub {
                Some(f) => {
                    let kind = if prog.kegiatan.is_empty() {
                        NodeKind::Leaf
                    } else {
                        NodeKind::Subtotal
                    };
                    let n = tree.add(kind, &prog.name, Some(f), val(Some(f)), root);
                    if col == Col::Pagu {
                        tree.nodes[n].anchor =
                            self.links.real_pk.get(&(ri, pi)).and_then(|&(pt, pp)| {
                                let pk = &self.b.pk_budgets[pt];
                                self.val(pk.table, &pk.programs[pp].anggaran)
                            });
                    }
                    Some(n)
                }
                None => root,
            };
            for (ki, k) in prog.kegiatan.iter().enumerate() {
                let f = pick(k, col);
                let n = tree.add(NodeKind::Leaf, &k.name, f, val(f), parent);
                if col == Col::Pagu {
                    tree.nodes[n].anchor =
                        self.links
                            .keg_by_real
                            .get(&(ri, pi, ki))
                            .and_then(|&((rt, rp, rk), _)| {
                                let rkt = &self.b.rkt[rt];
                                value(&rkt.programs[rp].kegiatan[rk].dana)
                            });
                }
            }
        }
        tree
    }

    fn pk_tree(&self, pi: usize, awal: bool) -> Tree {
        let pk = &self.b.pk_budgets[pi];
        let t = pk.table;
        let pick = |a: &'a Option<Figure>, b: &'a Option<Figure>| {
            if awal {
                a.as_ref()
            } else {
                b.as_ref()
            }
        };
        let mut tree = Tree::new(
            t,
            self.label(
                t,
                if awal {
                    Col::AnggaranAwal
                } else {
                    Col::Anggaran
                },
            ),
        );
        let root = pk.jumlah.as_ref().and_then(|j| {
            let f = pick(&j.anggaran_awal, &j.anggaran)?;
            Some(tree.add(
                NodeKind::Total,
                &j.label,
                Some(f),
                self.val(t, &Some(f.clone())),
                None,
            ))
        });
        if let (Some(r), false) = (root, awal) {
            tree.nodes[r].anchor = self
                .belanja_daerah()
                .and_then(|(st, i)| self.val(st, &i.jumlah));
        }
        for (pp, prog) in pk.programs.iter().enumerate() {
            let f = pick(&prog.anggaran_awal, &prog.anggaran);
            let v = f.and_then(|f| {
                f.value
                    .or_else(|| self.pins.get(&(t, f.at)).map(|p| p.value))
            });
            let n = tree.add(NodeKind::Leaf, &prog.name, f, v, root);
            if !awal {
                tree.nodes[n].anchor = self.pk_program_anchor((pi, pp));
            }
        }
        tree
    }

    fn rkt_tree(&self, ti: usize) -> Tree {
        let rkt = &self.b.rkt[ti];
        let t = rkt.table;
        let mut tree = Tree::new(t, "Dana".to_string());
        let root = rkt.total.as_ref().and_then(|total| {
            let f = total.amount.as_ref()?;
            Some(tree.add(
                NodeKind::Total,
                &total.label,
                Some(f),
                self.val(t, &total.amount),
                None,
            ))
        });
        if let Some(r) = root {
            tree.nodes[r].anchor = self.b.pk_budgets.first().and_then(|pk| self.pk_total(pk));
        }
        for (pi, block) in rkt.programs.iter().enumerate() {
            let block_node = block.funds.as_ref().map(|f| {
                tree.add(
                    NodeKind::Subtotal,
                    &block.written,
                    Some(f),
                    self.val(t, &block.funds),
                    root,
                )
            });
            let parent = block_node.or(root);
            for (ki, k) in block.kegiatan.iter().enumerate() {
                let Some(f) = k.dana.as_ref() else { continue };
                let n = tree.add(
                    NodeKind::Leaf,
                    &k.name,
                    Some(f),
                    self.val(t, &k.dana),
                    parent,
                );
                tree.nodes[n].anchor =
                    self.links
                        .keg_by_rkt
                        .get(&(ti, pi, ki))
                        .and_then(|&((r, p, kk), _)| {
                            let real = &self.b.realisations[r];
                            value(&real.programs[p].kegiatan[kk].pagu)
                        });
            }
        }
        tree
    }

    fn spending_tree(&self, s: &Spending) -> Tree {
        let t = s.table;
        let mut tree = Tree::new(t, self.label(t, Col::Jumlah));
        let root = s.totals.first().and_then(|total| {
            let f = total.amount.as_ref()?;
            Some(tree.add(
                NodeKind::Total,
                &total.label,
                Some(f),
                self.val(t, &total.amount),
                None,
            ))
        });
        // Items in sheet order: a parent always comes before its children.
        let mut index = vec![usize::MAX; s.items.len()];
        for (i, item) in s.items.iter().enumerate() {
            let parent = match item.parent {
                Some(p) if index[p] != usize::MAX => Some(index[p]),
                Some(_) => continue,
                None => root,
            };
            let Some(f) = item.jumlah.as_ref() else {
                continue;
            };
            index[i] = tree.add(
                NodeKind::Outline,
                &format!("{} {}", item.no, item.name),
                Some(f),
                self.val(t, &item.jumlah),
                parent,
            );
        }
        if let Some((_, bd)) = s.belanja_daerah().map(|bd| (0, bd)) {
            let at = bd.jumlah.as_ref().map(|f| f.at);
            if let Some(n) = tree
                .nodes
                .iter()
                .position(|n| n.cell.is_some() && n.cell == at)
            {
                tree.nodes[n].anchor = self.b.pk_budgets.first().and_then(|pk| self.pk_total(pk));
            }
        }
        tree
    }

    /// Every sum tree of the budget. Trees read with `pins` empty give raw values.
    fn trees(&self) -> Vec<Tree> {
        let mut out = Vec::new();
        for ri in 0..self.b.realisations.len() {
            out.push(self.realisation_tree(ri, Col::Pagu));
            out.push(self.realisation_tree(ri, Col::Realisasi));
        }
        for (pi, pk) in self.b.pk_budgets.iter().enumerate() {
            out.push(self.pk_tree(pi, false));
            if pk.has_awal() {
                out.push(self.pk_tree(pi, true));
            }
        }
        for ti in 0..self.b.rkt.len() {
            out.push(self.rkt_tree(ti));
        }
        for s in &self.b.spending {
            out.push(self.spending_tree(s));
        }
        out
    }
}

// ---------------------------------------------------------------------------
// Pinning malformed figures
// ---------------------------------------------------------------------------

/// The one reading inside [lo, hi], if exactly one is.
fn only_reading_in(readings: &[Decimal], lo: Decimal, hi: Decimal) -> Option<Decimal> {
    let inside: Vec<Decimal> = readings
        .iter()
        .copied()
        .filter(|r| *r >= lo && *r <= hi)
        .collect();
    (inside.len() == 1).then(|| inside[0])
}

/// Half a unit of the last written decimal of a percentage: 0,5 for `93`, 0,005 for `100,00`.
fn half_unit(decimals: u32) -> Decimal {
    Decimal::new(5, decimals.min(26) + 1)
}

/// The pagu a realisasi and its written % allow: realisasi × 100 / [% ± half a unit].
fn pagu_from_percent(readings: &[Decimal], realisasi: Decimal, pct: &Figure) -> Option<Decimal> {
    let p = pct.value?;
    let h = half_unit(pct.decimals);
    if realisasi <= Decimal::ZERO || p - h <= Decimal::ZERO {
        return None;
    }
    let lo = realisasi * Decimal::ONE_HUNDRED / (p + h);
    let hi = realisasi * Decimal::ONE_HUNDRED / (p - h);
    only_reading_in(readings, lo, hi)
}

/// The realisasi a pagu and its written % allow: pagu × [% ± half a unit] / 100.
fn realisasi_from_percent(readings: &[Decimal], pagu: Decimal, pct: &Figure) -> Option<Decimal> {
    let p = pct.value?;
    let h = half_unit(pct.decimals);
    if pagu <= Decimal::ZERO {
        return None;
    }
    let lo = pagu * (p - h) / Decimal::ONE_HUNDRED;
    let hi = pagu * (p + h) / Decimal::ONE_HUNDRED;
    only_reading_in(readings, lo, hi)
}

fn malformed_readings(f: &Option<Figure>) -> Option<(&Figure, &[Decimal])> {
    let f = f.as_ref()?;
    match &f.problem {
        Some(FigureProblem::Malformed { readings }) => Some((f, readings.as_slice())),
        _ => None,
    }
}

impl<'a> Books<'a> {
    fn compute_pins(&self) -> Pins {
        let mut found: HashMap<(usize, CellRef), Vec<(Decimal, Message)>> = HashMap::new();
        let mut add = |table: usize, at: CellRef, v: Decimal, m: Message| {
            found.entry((table, at)).or_default().push((v, m))
        };
        // (1) The same figure in another document.
        for (&(t, p, k), &((r, rp, rk), _)) in &self.links.keg_by_rkt {
            let rkt = &self.b.rkt[t];
            let real = &self.b.realisations[r];
            let dana = &rkt.programs[p].kegiatan[k].dana;
            let pagu = &real.programs[rp].kegiatan[rk].pagu;
            if let (Some((f, readings)), Some(d)) = (malformed_readings(pagu), value(dana)) {
                if readings.contains(&d) {
                    let at = self.where_is(rkt.table, dana.as_ref().expect("dana").at);
                    add(
                        real.table,
                        f.at,
                        d,
                        Message::new(
                            format!("Dana kegiatan yang sama di RKT ({at}: {})", id_num(d)),
                            format!("the same kegiatan's Dana in the RKT ({at}: {})", en_num(d)),
                        ),
                    );
                }
            }
            if let (Some((f, readings)), Some(v)) = (malformed_readings(dana), value(pagu)) {
                if readings.contains(&v) {
                    let at = self.where_is(real.table, pagu.as_ref().expect("pagu").at);
                    add(
                        rkt.table,
                        f.at,
                        v,
                        Message::new(
                            format!(
                                "pagu kegiatan yang sama di tabel realisasi ({at}: {})",
                                id_num(v)
                            ),
                            format!(
                                "the same kegiatan's pagu in the realisation table ({at}: {})",
                                en_num(v)
                            ),
                        ),
                    );
                }
            }
        }
        for (pi, pk) in self.b.pk_budgets.iter().enumerate() {
            for (pp, prog) in pk.programs.iter().enumerate() {
                let Some((f, readings)) = malformed_readings(&prog.anggaran) else {
                    continue;
                };
                if let Some(v) = self.links.pk_real.get(&(pi, pp)).and_then(|&(r, p)| {
                    let real = &self.b.realisations[r];
                    sum(real.programs[p].kegiatan.iter().map(|k| value(&k.pagu)))
                }) {
                    if readings.contains(&v) {
                        add(
                            pk.table,
                            f.at,
                            v,
                            Message::new(
                                format!(
                                    "jumlah pagu kegiatan program itu di tabel realisasi ({})",
                                    id_num(v)
                                ),
                                format!(
                                    "the program's kegiatan pagu in the realisation table ({})",
                                    en_num(v)
                                ),
                            ),
                        );
                    }
                }
                if let Some(v) = self.links.pk_rkt.get(&(pi, pp)).and_then(|blocks| {
                    sum(blocks
                        .iter()
                        .map(|&(t, p)| value(&self.b.rkt[t].programs[p].funds)))
                }) {
                    if readings.contains(&v) {
                        add(
                            pk.table,
                            f.at,
                            v,
                            Message::new(
                                format!("dana program itu di RKT ({})", id_num(v)),
                                format!("the program's funds in the RKT ({})", en_num(v)),
                            ),
                        );
                    }
                }
            }
        }
        // (2) Within a realisation row: pagu, realisasi and %.
        for real in &self.b.realisations {
            let lines = real
                .kegiatan()
                .chain(real.programs.iter().filter_map(|p| p.subtotal.as_ref()))
                .chain(real.totals.iter());
            for line in lines {
                let Some(pct) = line.persen.as_ref().filter(|p| p.value.is_some()) else {
                    continue;
                };
                if let (Some((f, readings)), Some(r)) =
                    (malformed_readings(&line.pagu), value(&line.realisasi))
                {
                    if let Some(v) = pagu_from_percent(readings, r, pct) {
                        add(
                            real.table,
                            f.at,
                            v,
                            Message::new(
                                format!(
                                    "realisasi {} dan persentase {}",
                                    id_num(r),
                                    pct.written.trim()
                                ),
                                format!(
                                    "realisasi {} at {} %",
                                    en_num(r),
                                    swap_marks(pct.written.trim())
                                ),
                            ),
                        );
                    }
                }
                if let (Some((f, readings)), Some(p)) =
                    (malformed_readings(&line.realisasi), value(&line.pagu))
                {
                    if let Some(v) = realisasi_from_percent(readings, p, pct) {
                        add(
                            real.table,
                            f.at,
                            v,
                            Message::new(
                                format!("pagu {} dan persentase {}", id_num(p), pct.written.trim()),
                                format!(
                                    "pagu {} at {} %",
                                    en_num(p),
                                    swap_marks(pct.written.trim())
                                ),
                            ),
                        );
                    }
                }
            }
        }
        // (3) A whole and its other parts leave one value.
        for tree in self.trees() {
            for (n, node) in tree.nodes.iter().enumerate() {
                let (Some(readings), Some(cell)) = (&node.readings, node.cell) else {
                    continue;
                };
                if let Some(v) = tree.left_by_parent(n).filter(|v| readings.contains(v)) {
                    let p = &tree.nodes[node.parent.expect("has a parent")];
                    add(
                        tree.table,
                        cell,
                        v,
                        Message::new(
                            format!(
                                "{} {} dikurangi rincian lainnya",
                                short(&p.name),
                                id_num(p.value.unwrap_or_default())
                            ),
                            format!(
                                "{} {} less the other parts",
                                short(&p.name),
                                en_num(p.value.unwrap_or_default())
                            ),
                        ),
                    );
                }
                if let Some(v) = tree.children_sum(n).filter(|v| readings.contains(v)) {
                    add(
                        tree.table,
                        cell,
                        v,
                        Message::new(
                            format!("jumlah {} rinciannya", node.children.len()),
                            format!("the sum of its {} parts", node.children.len()),
                        ),
                    );
                }
            }
        }
        let mut pins = HashMap::new();
        for (key, list) in found {
            let v = list[0].0;
            if list.iter().any(|(x, _)| *x != v) {
                continue; // the sources disagree: nothing is pinned
            }
            let id: Vec<&str> = list.iter().map(|(_, m)| m.id.as_str()).collect();
            let en: Vec<&str> = list.iter().map(|(_, m)| m.en.as_str()).collect();
            pins.insert(
                key,
                Pin {
                    value: v,
                    because: Message::new(id.join(" serta oleh "), en.join(" and by ")),
                },
            );
        }
        pins
    }
}

/// The value of a malformed figure pinned down by other figures of the budget
/// documents, for NUM001; `None` for figures of other tables.
pub(super) fn pin(ctx: &Context, col: &NumericColumn, figure: &Figure) -> Option<Pin> {
    let table = ctx
        .model
        .tables
        .iter()
        .position(|t| t.file == col.file && t.sheet == col.sheet && t.range == col.range)?;
    if !matches!(
        ctx.model.tables[table].kind,
        crate::table::TableKind::Anggaran
            | crate::table::TableKind::PkAnggaran
            | crate::table::TableKind::Rkt
            | crate::table::TableKind::Pembiayaan
    ) {
        return None;
    }
    Books::new(ctx).pins.get(&(table, figure.at)).cloned()
}

// ---------------------------------------------------------------------------
// Sum rules
// ---------------------------------------------------------------------------

/// A finding before it has its rule.
struct Issue {
    code: &'static str,
    table: usize,
    cell: CellRef,
    found: String,
    message: Message,
    expected: Option<String>,
    related: Vec<(usize, CellRef)>,
    fix: Vec<Correction>,
}

fn emit(rule: &Rule, books: &Books, issues: Vec<Issue>, out: &mut Vec<Finding>) {
    for i in issues.into_iter().filter(|i| i.code == rule.code) {
        let mut f = rule
            .finding(books.loc(i.table, i.cell), i.message, i.found)
            .related(i.related.iter().map(|&(t, c)| books.loc(t, c)).collect())
            .fix(i.fix);
        if let Some(e) = i.expected {
            f = f.expect(e);
        }
        out.push(f);
    }
}

fn sum_issues(books: &Books) -> Vec<Issue> {
    let mut issues = Vec::new();
    for tree in books.trees() {
        let s = tree.solve(books.tol);
        if s.failing.is_empty() {
            continue;
        }
        let cells = |n: usize| -> Vec<CellRef> {
            tree.nodes[n]
                .children
                .iter()
                .filter_map(|&c| tree.nodes[c].cell)
                .collect()
        };
        let related = |n: usize| -> Vec<(usize, CellRef)> {
            cells(n).into_iter().map(|c| (tree.table, c)).collect()
        };
        let whole = |n: usize, v: Decimal| -> Issue {
            let node = &tree.nodes[n];
            let k = node.children.len();
            let formula = sum_formula(&cells(n));
            Issue {
                code: node.kind.code(),
                table: tree.table,
                cell: node.cell.expect("a stated figure"),
                found: node.written.clone(),
                message: Message::new(
                    format!(
                        "{} «{}» tertulis {}, padahal {} rinciannya berjumlah {}",
                        tree.column,
                        short(&node.name),
                        id_num(node.value.unwrap_or_default()),
                        k,
                        id_num(v)
                    ),
                    format!(
                        "{} of «{}» reads {} but its {} parts add up to {}",
                        tree.column,
                        short(&node.name),
                        en_num(node.value.unwrap_or_default()),
                        k,
                        en_num(v)
                    ),
                ),
                expected: Some(plain(v)),
                related: related(n),
                fix: vec![Correction {
                    cell: node.cell.expect("a stated figure"),
                    value: NewValue::Formula { formula, value: v },
                    safety: Safety::Safe,
                }],
            }
        };
        match s.culprit {
            Some((n, v)) if !tree.nodes[n].children.is_empty() => issues.push(whole(n, v)),
            Some((n, v)) => {
                let node = &tree.nodes[n];
                // A part another document speaks for is reported by the cross-document rules.
                if node.anchor.is_some() {
                    continue;
                }
                let Some(p) = node.parent else { continue };
                let parent = &tree.nodes[p];
                let single = parent.children.len() == 1;
                let cell = node.cell.expect("a stated figure");
                let mut related: Vec<(usize, CellRef)> =
                    parent.cell.map(|c| (tree.table, c)).into_iter().collect();
                related.extend(
                    parent
                        .children
                        .iter()
                        .filter(|&&c| c != n)
                        .filter_map(|&c| tree.nodes[c].cell)
                        .map(|c| (tree.table, c)),
                );
                let (id_why, en_why) = if single {
                    (
                        "satu-satunya rincian harus sama dengan induknya".to_string(),
                        "a single part must equal its whole".to_string(),
                    )
                } else {
                    (
                        format!(
                            "{} dikurangi rincian lainnya menyisakan {}",
                            short(&parent.name),
                            id_num(v)
                        ),
                        format!(
                            "{} less the other parts leaves {}",
                            short(&parent.name),
                            en_num(v)
                        ),
                    )
                };
                issues.push(Issue {
                    code: parent.kind.code(),
                    table: tree.table,
                    cell,
                    found: node.written.clone(),
                    message: Message::new(
                        format!(
                            "{} «{}» tertulis {}; {}, dan «{}» ({}) cocok dengan tingkat di atasnya",
                            tree.column, short(&node.name), id_num(node.value.unwrap_or_default()), id_why,
                            short(&parent.name), id_num(parent.value.unwrap_or_default())
                        ),
                        format!(
                            "{} of «{}» reads {}; {}, and «{}» ({}) agrees with the level above it",
                            tree.column, short(&node.name), en_num(node.value.unwrap_or_default()), en_why,
                            short(&parent.name), en_num(parent.value.unwrap_or_default())
                        ),
                    ),
                    expected: Some(plain(v)),
                    related,
                    fix: if single {
                        vec![Correction { cell, value: NewValue::Number(v), safety: Safety::Safe }]
                    } else {
                        Vec::new()
                    },
                });
            }
            None => {
                for &p in &s.failing {
                    let v = tree.children_sum(p).expect("a failing sum has its parts");
                    if s.candidates.is_empty() || s.candidates.iter().any(|&(c, _)| c == p) {
                        issues.push(whole(p, v));
                        continue;
                    }
                    // The whole agrees with the level above: one of its parts is off.
                    let node = &tree.nodes[p];
                    issues.push(Issue {
                        code: node.kind.code(),
                        table: tree.table,
                        cell: node.cell.expect("a stated figure"),
                        found: node.written.clone(),
                        message: Message::new(
                            format!(
                                "{} «{}» tertulis {}, tetapi {} rinciannya berjumlah {}; «{}» cocok dengan tingkat di atasnya, jadi salah satu rinciannya yang perlu diperiksa",
                                tree.column, short(&node.name), id_num(node.value.unwrap_or_default()), node.children.len(), id_num(v), short(&node.name)
                            ),
                            format!(
                                "{} of «{}» reads {} but its {} parts add up to {}; «{}» agrees with the level above it, so one of its parts is the one to check",
                                tree.column, short(&node.name), en_num(node.value.unwrap_or_default()), node.children.len(), en_num(v), short(&node.name)
                            ),
                        ),
                        expected: None,
                        related: related(p),
                        fix: Vec::new(),
                    });
                }
            }
        }
    }
    issues
}

fn subtotal(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let books = Books::new(ctx);
    let issues = sum_issues(&books);
    emit(rule, &books, issues, out);
}

fn total_row(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    subtotal(rule, ctx, out);
}

fn outline_parent(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    subtotal(rule, ctx, out);
}

// ---------------------------------------------------------------------------
// Realisation rows
// ---------------------------------------------------------------------------

/// Every line of a realisation table with amounts: kegiatan, subtotals, totals,
/// with the program it belongs to.
fn lines(real: &Realisation) -> impl Iterator<Item = (&BudgetLine, LineRole<'_>)> {
    real.programs
        .iter()
        .flat_map(|p| {
            p.kegiatan
                .iter()
                .map(|k| (k, LineRole::Kegiatan))
                .chain(p.subtotal.iter().map(move |s| (s, LineRole::Program(p))))
        })
        .chain(real.totals.iter().map(|t| (t, LineRole::Total)))
}

/// What a line of the realisation table is.
#[derive(Clone, Copy)]
enum LineRole<'a> {
    Kegiatan,
    Program(&'a RealisationProgram),
    Total,
}

/// Kegiatan lines, and programs that carry amounts without kegiatan.
fn spending_lines(real: &Realisation) -> impl Iterator<Item = &BudgetLine> {
    real.programs.iter().flat_map(|p| {
        let own = if p.kegiatan.is_empty() {
            p.subtotal.as_ref()
        } else {
            None
        };
        p.kegiatan.iter().chain(own)
    })
}

fn budget_percent(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let b = &ctx.model.budget;
    for real in &b.realisations {
        for (line, program) in lines(real) {
            let (Some(pagu), Some(pct)) = (line.pagu.as_ref(), line.persen.as_ref()) else {
                continue;
            };
            let (Some(p), Some(stated)) = (pagu.value, pct.value) else {
                continue;
            };
            let r = match &line.realisasi {
                Some(f) => match f.value {
                    Some(r) => r,
                    None => continue,
                },
                None => Decimal::ZERO,
            };
            if p.is_zero() {
                continue;
            }
            let computed = r / p * Decimal::ONE_HUNDRED;
            if agrees(stated, pct.decimals, computed) {
                continue;
            }
            let realisasi_cell = line
                .realisasi
                .as_ref()
                .map(|f| f.at)
                .unwrap_or(CellRef::new(line.row, pagu.at.col + 1));
            let (formula, fix_value, expected) = if line.persen_ratio {
                let ratio = (computed / Decimal::ONE_HUNDRED).round_dp(12).normalize();
                (
                    format!("{realisasi_cell}/{}", pagu.at),
                    ratio,
                    plain(at_precision(
                        computed / Decimal::ONE_HUNDRED,
                        pct.decimals + 2,
                    )),
                )
            } else {
                (
                    format!("{realisasi_cell}/{}*100", pagu.at),
                    computed.round_dp(12).normalize(),
                    plain(at_precision(computed, pct.decimals)),
                )
            };
            let (whose, whose_en) = match program {
                LineRole::Kegiatan => (
                    format!("kegiatan «{}»", short(&line.name)),
                    format!("kegiatan «{}»", short(&line.name)),
                ),
                LineRole::Program(p) => (
                    format!("program «{}»", short(&p.name)),
                    format!("program «{}»", short(&p.name)),
                ),
                LineRole::Total => (
                    format!("baris «{}»", short(&line.name)),
                    format!("row «{}»", short(&line.name)),
                ),
            };
            let shown = at_precision(computed, pct.decimals.max(2));
            let message =
                Message::new(
                    format!(
                        "persentase {whose} tertulis {}, padahal realisasi {} / pagu {} × 100 = {}",
                        pct.written.trim(),
                        id_num(r),
                        id_num(p),
                        id_dec(shown, pct.decimals.max(2))
                    ),
                    format!(
                    "the percentage of {whose_en} reads {}, but realisasi {} / pagu {} × 100 = {}",
                    pct.written.trim(), en_num(r), en_num(p), en_dec(shown, pct.decimals.max(2))
                ),
                );
            let mut related = vec![ctx.model.loc(real.table, pagu.at)];
            if let Some(f) = &line.realisasi {
                related.push(ctx.model.loc(real.table, f.at));
            }
            out.push(
                rule.finding(
                    ctx.model.loc(real.table, pct.at),
                    message,
                    pct.written.clone(),
                )
                .expect(expected)
                .related(related)
                .fix(vec![Correction {
                    cell: pct.at,
                    value: NewValue::Formula {
                        formula,
                        value: fix_value,
                    },
                    safety: Safety::Safe,
                }]),
            );
        }
    }
}

fn above_pagu(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let books = Books::new(ctx);
    for real in &ctx.model.budget.realisations {
        for line in spending_lines(real) {
            let (Some(pagu), Some(r)) = (books.val(real.table, &line.pagu), value(&line.realisasi))
            else {
                continue;
            };
            if r <= pagu {
                continue;
            }
            let f = line.realisasi.as_ref().expect("a realisasi");
            let message = Message::new(
                format!(
                    "realisasi «{}» {} melebihi pagunya {} (selisih {})",
                    short(&line.name),
                    id_num(r),
                    id_num(pagu),
                    id_num(r - pagu)
                ),
                format!(
                    "the realisasi of «{}», {}, exceeds its pagu {} (by {})",
                    short(&line.name),
                    en_num(r),
                    en_num(pagu),
                    en_num(r - pagu)
                ),
            );
            let related = line
                .pagu
                .iter()
                .map(|p| ctx.model.loc(real.table, p.at))
                .collect();
            out.push(
                rule.finding(ctx.model.loc(real.table, f.at), message, f.written.clone())
                    .related(related),
            );
        }
    }
}

fn no_realisation(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let books = Books::new(ctx);
    for real in &ctx.model.budget.realisations {
        for line in spending_lines(real) {
            let Some(pagu) = books.val(real.table, &line.pagu) else {
                continue;
            };
            let Some(f) = line.realisasi.as_ref() else {
                continue;
            };
            if pagu <= Decimal::ZERO || f.value != Some(Decimal::ZERO) {
                continue;
            }
            let message = Message::new(
                format!(
                    "kegiatan «{}» berpagu {} tanpa realisasi",
                    short(&line.name),
                    id_num(pagu)
                ),
                format!(
                    "kegiatan «{}» has a pagu of {} and no realisasi",
                    short(&line.name),
                    en_num(pagu)
                ),
            );
            let related = line
                .pagu
                .iter()
                .map(|p| ctx.model.loc(real.table, p.at))
                .collect();
            out.push(
                rule.finding(ctx.model.loc(real.table, f.at), message, f.written.clone())
                    .related(related),
            );
        }
    }
}

fn negative_money(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let b = &ctx.model.budget;
    let mut figures: Vec<(usize, &Figure, String)> = Vec::new();
    for real in &b.realisations {
        for (line, _) in lines(real) {
            for f in line.pagu.iter().chain(line.realisasi.iter()) {
                figures.push((real.table, f, line.name.clone()));
            }
        }
    }
    for pk in &b.pk_budgets {
        for p in &pk.programs {
            for f in p.anggaran.iter().chain(p.anggaran_awal.iter()) {
                figures.push((pk.table, f, p.name.clone()));
            }
        }
        if let Some(j) = &pk.jumlah {
            for f in j.anggaran.iter().chain(j.anggaran_awal.iter()) {
                figures.push((pk.table, f, j.label.clone()));
            }
        }
    }
    for rkt in &b.rkt {
        for p in &rkt.programs {
            figures.extend(p.funds.iter().map(|f| (rkt.table, f, p.name.clone())));
            for k in &p.kegiatan {
                figures.extend(k.dana.iter().map(|f| (rkt.table, f, k.name.clone())));
            }
        }
        if let Some(t) = &rkt.total {
            figures.extend(t.amount.iter().map(|f| (rkt.table, f, t.label.clone())));
        }
    }
    for s in &b.spending {
        for i in &s.items {
            figures.extend(i.jumlah.iter().map(|f| (s.table, f, i.name.clone())));
        }
        for t in &s.totals {
            figures.extend(t.amount.iter().map(|f| (s.table, f, t.label.clone())));
        }
    }
    for (table, f, name) in figures {
        let Some(v) = f.value.filter(|v| v.is_sign_negative() && !v.is_zero()) else {
            continue;
        };
        let message = Message::new(
            format!(
                "jumlah uang «{}» bernilai negatif: {}",
                short(&name),
                id_num(v)
            ),
            format!(
                "the amount of «{}» is negative: {}",
                short(&name),
                en_num(v)
            ),
        );
        out.push(rule.finding(ctx.model.loc(table, f.at), message, f.written.clone()));
    }
}

// ---------------------------------------------------------------------------
// Across documents
// ---------------------------------------------------------------------------

fn pk_vs_realisation(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let books = Books::new(ctx);
    let b = books.b;
    for (pi, pk) in b.pk_budgets.iter().enumerate() {
        for (pp, prog) in pk.programs.iter().enumerate() {
            let Some(f) = prog.anggaran.as_ref() else {
                continue;
            };
            let Some(stated) = f.value else { continue };
            let Some(&(r, p)) = books.links.pk_real.get(&(pi, pp)) else {
                continue;
            };
            let real = &b.realisations[r];
            let rp = &real.programs[p];
            let sum_pagu = books.realisation_program_pagu(r, p);
            let subtotal = rp
                .subtotal
                .as_ref()
                .and_then(|s| books.val(real.table, &s.pagu));
            let options: Vec<Decimal> = [sum_pagu, subtotal].into_iter().flatten().collect();
            let Some(&other) = options.first() else {
                continue;
            };
            let awal = value(&prog.anggaran_awal);
            if options.iter().any(|&o| {
                close(o, stated, books.tol) || awal.is_some_and(|a| close(o, a, books.tol))
            }) {
                continue;
            }
            let rkt = books.rkt_funds((pi, pp)).and_then(|(s, d)| agree(s, d));
            let rkt_sides_with_pk = rkt.is_some_and(|v| close(v, stated, books.tol));
            let mut related: Vec<CellRef> = rp
                .kegiatan
                .iter()
                .filter_map(|k| k.pagu.as_ref().map(|f| f.at))
                .collect();
            if related.is_empty() {
                related.extend(
                    rp.subtotal
                        .as_ref()
                        .and_then(|s| s.pagu.as_ref())
                        .map(|f| f.at),
                );
            }
            let n = rp.kegiatan.len();
            let (id_note, en_note) = match rkt {
                Some(v) if rkt_sides_with_pk => (
                    format!("; RKT juga menyebut {}, jadi pagu kegiatan di tabel realisasi yang perlu diperiksa", id_num(v)),
                    format!("; the RKT also says {}, so the kegiatan pagu of the realisation table are the ones to check", en_num(v)),
                ),
                Some(v) => (format!("; RKT menyebut {}", id_num(v)), format!("; the RKT says {}", en_num(v))),
                None => (String::new(), String::new()),
            };
            let message = Message::new(
                format!(
                    "anggaran program «{}» di PK {} tidak sama dengan jumlah pagu {} kegiatannya di {} ({}); dipasangkan: «{}» ↔ «{}»{}",
                    short(&prog.name), id_num(stated), n, books.ctx.model.tables[real.table].sheet, id_num(other),
                    short(&prog.written), short(&rp.written), id_note
                ),
                format!(
                    "the PK budget of program «{}», {}, differs from the sum of its {} kegiatan pagu in {} ({}); paired: «{}» ↔ «{}»{}",
                    short(&prog.name), en_num(stated), n, books.ctx.model.tables[real.table].sheet, en_num(other),
                    short(&prog.written), short(&rp.written), en_note
                ),
            );
            let mut finding = rule
                .finding(books.loc(pk.table, f.at), message, f.written.clone())
                .related(
                    related
                        .into_iter()
                        .map(|c| books.loc(real.table, c))
                        .collect(),
                );
            if !rkt_sides_with_pk {
                finding = finding.expect(plain(other));
            }
            out.push(finding);
        }
    }
}

fn pk_vs_rkt(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let books = Books::new(ctx);
    let b = books.b;
    for (pi, pk) in b.pk_budgets.iter().enumerate() {
        for (pp, prog) in pk.programs.iter().enumerate() {
            let Some(f) = prog.anggaran.as_ref() else {
                continue;
            };
            let Some(stated) = f.value else { continue };
            let Some((by_funds, by_dana)) = books.rkt_funds((pi, pp)) else {
                continue;
            };
            let options: Vec<Decimal> = [by_funds, by_dana].into_iter().flatten().collect();
            let Some(&other) = options.first() else {
                continue;
            };
            let awal = value(&prog.anggaran_awal);
            if options.iter().any(|&o| {
                close(o, stated, books.tol) || awal.is_some_and(|a| close(o, a, books.tol))
            }) {
                continue;
            }
            let blocks = &books.links.pk_rkt[&(pi, pp)];
            let real = books
                .links
                .pk_real
                .get(&(pi, pp))
                .and_then(|&(r, p)| books.realisation_program_pagu(r, p));
            let real_sides_with_pk = real.is_some_and(|v| close(v, stated, books.tol));
            let names: Vec<String> = blocks
                .iter()
                .map(|&(t, p)| b.rkt[t].programs[p].written.clone())
                .collect();
            let numbers: Vec<String> = blocks
                .iter()
                .map(|&(t, p)| {
                    b.rkt[t].programs[p]
                        .no
                        .clone()
                        .unwrap_or_else(|| "-".into())
                })
                .collect();
            let related = blocks
                .iter()
                .filter_map(|&(t, p)| {
                    b.rkt[t].programs[p]
                        .funds
                        .as_ref()
                        .map(|f| books.loc(b.rkt[t].table, f.at))
                })
                .collect();
            let (id_note, en_note) = match real {
                Some(v) if real_sides_with_pk => (
                    format!("; tabel realisasi juga menyebut {}, jadi dana di RKT yang perlu diperiksa", id_num(v)),
                    format!("; the realisation table also says {}, so the RKT funds are the ones to check", en_num(v)),
                ),
                Some(v) => (format!("; tabel realisasi menyebut {}", id_num(v)), format!("; the realisation table says {}", en_num(v))),
                None => (String::new(), String::new()),
            };
            let message = Message::new(
                format!(
                    "anggaran program «{}» di PK {} tidak sama dengan dana program itu di RKT {} ({} blok: {}); dipasangkan: «{}» ↔ «{}»{}",
                    short(&prog.name), id_num(stated), id_num(other), blocks.len(), numbers.join(", "),
                    short(&prog.written), short(&names[0]), id_note
                ),
                format!(
                    "the PK budget of program «{}», {}, differs from the RKT's funds for it, {} ({} blocks: {}); paired: «{}» ↔ «{}»{}",
                    short(&prog.name), en_num(stated), en_num(other), blocks.len(), numbers.join(", "),
                    short(&prog.written), short(&names[0]), en_note
                ),
            );
            let mut finding = rule
                .finding(books.loc(pk.table, f.at), message, f.written.clone())
                .related(related);
            if !real_sides_with_pk {
                finding = finding.expect(plain(other));
            }
            out.push(finding);
        }
    }
}

fn belanja_daerah(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let books = Books::new(ctx);
    let b = books.b;
    let (Some(pk), Some((st, bd))) = (b.pk_budgets.first(), books.belanja_daerah()) else {
        return;
    };
    let spending = b
        .spending
        .iter()
        .find(|s| s.table == st)
        .expect("its table");
    let jumlah = books.pk_jumlah(pk);
    let programs = pk.anggaran_sum();
    let pk_values: Vec<Decimal> = [jumlah, programs].into_iter().flatten().collect();
    let Some(bd_fig) = bd.jumlah.as_ref() else {
        return;
    };
    let Some(bd_value) = books.val(st, &bd.jumlah) else {
        return;
    };
    let children = sum(bd
        .children
        .iter()
        .map(|&c| books.val(st, &spending.items[c].jumlah)));
    let t1_values: Vec<Decimal> = [Some(bd_value), children].into_iter().flatten().collect();
    if pk_values.is_empty()
        || pk_values
            .iter()
            .any(|p| t1_values.iter().any(|t| close(*p, *t, books.tol)))
    {
        return;
    }
    let pk_total = books.pk_total(pk).expect("a PK figure");
    let rkt_total = b
        .rkt
        .first()
        .and_then(|r| r.total.as_ref())
        .and_then(|t| value(&t.amount));
    let pk_cell = pk
        .jumlah
        .as_ref()
        .and_then(|j| j.anggaran.as_ref())
        .map(|f| (f.at, f.written.clone()))
        .or_else(|| {
            pk.programs
                .iter()
                .find_map(|p| p.anggaran.as_ref().map(|f| (f.at, f.written.clone())))
        });
    let Some((pk_at, pk_written)) = pk_cell else {
        return;
    };
    let bd_corroborated = rkt_total.is_some_and(|r| close(r, bd_value, books.tol));
    let pk_corroborated = rkt_total.is_some_and(|r| close(r, pk_total, books.tol));
    let (id_note, en_note) = match rkt_total {
        Some(r) => (
            format!("; Jumlah Total RKT {}", id_num(r)),
            format!("; the RKT's Jumlah Total is {}", en_num(r)),
        ),
        None => (String::new(), String::new()),
    };
    let message = Message::new(
        format!(
            "Belanja Daerah di {} ({}) tidak sama dengan jumlah anggaran program di PK ({}){}",
            books.ctx.model.tables[st].sheet,
            id_num(bd_value),
            id_num(pk_total),
            id_note
        ),
        format!(
            "Belanja Daerah in {} ({}) differs from the PK program budgets ({}){}",
            books.ctx.model.tables[st].sheet,
            en_num(bd_value),
            en_num(pk_total),
            en_note
        ),
    );
    let finding = if bd_corroborated && !pk_corroborated {
        rule.finding(books.loc(pk.table, pk_at), message, pk_written)
            .expect(plain(bd_value))
            .related(vec![books.loc(st, bd_fig.at)])
    } else {
        rule.finding(books.loc(st, bd_fig.at), message, bd_fig.written.clone())
            .expect(plain(pk_total))
            .related(vec![books.loc(pk.table, pk_at)])
    };
    out.push(finding);
}

fn rkt_vs_pagu(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let books = Books::new(ctx);
    let b = books.b;
    let mut pairs: Vec<(&RktRef, &(RealRef, f64))> = books.links.keg_by_rkt.iter().collect();
    pairs.sort_by_key(|(k, _)| **k);
    for (&(t, p, k), &((r, rp, rk), similarity)) in pairs {
        let rkt = &b.rkt[t];
        let block = &rkt.programs[p];
        let keg = &block.kegiatan[k];
        let real = &b.realisations[r];
        let rprog = &real.programs[rp];
        let line = &rprog.kegiatan[rk];
        let (Some(dana_f), Some(pagu_f)) = (keg.dana.as_ref(), line.pagu.as_ref()) else {
            continue;
        };
        let (Some(dana), Some(pagu)) = (dana_f.value, pagu_f.value) else {
            continue;
        };
        if close(dana, pagu, books.tol) {
            continue;
        }
        // Which side disagrees with its own document?
        let block_ok = match (books.val(rkt.table, &block.funds), books.dana_sum(rkt, p)) {
            (Some(f), Some(s)) => close(f, s, books.tol),
            _ => false,
        };
        let total_ok = match (
            rkt.total.as_ref().and_then(|t| value(&t.amount)),
            sum(rkt.programs.iter().map(|p| value(&p.funds))),
        ) {
            (Some(t), Some(s)) => close(t, s, books.tol),
            _ => true,
        };
        let rkt_ok = block_ok && total_ok;
        let real_ok = books.links.real_pk.get(&(r, rp)).is_some_and(|&(pt, pp)| {
            let pk = &b.pk_budgets[pt];
            match (books.val(pk.table, &pk.programs[pp].anggaran), books.realisation_program_pagu(r, rp)) {
                (Some(a), Some(s)) => close(a, s, books.tol),
                _ => false,
            }
        }) || rprog.subtotal.as_ref().is_some_and(|s| {
            matches!((books.val(real.table, &s.pagu), books.realisation_program_pagu(r, rp)), (Some(a), Some(b)) if close(a, b, books.tol))
        });
        let pct = format!("{:.0}", similarity * 100.0);
        let pairing_id = format!(
            "dipasangkan: «{}» (RKT) ↔ «{}» (realisasi), kemiripan {pct}%",
            short(&keg.written),
            short(&line.written)
        );
        let pairing_en = format!(
            "paired: «{}» (RKT) ↔ «{}» (realisation), similarity {pct}%",
            short(&keg.written),
            short(&line.written)
        );
        let (at_rkt, expected, note_id, note_en) = if rkt_ok && !real_ok {
            (
                false,
                Some(dana),
                "RKT-nya berjumlah cocok, jadi pagu yang perlu diperiksa",
                "the RKT adds up, so the pagu is the one to check",
            )
        } else if real_ok && !rkt_ok {
            (
                true,
                Some(pagu),
                "blok RKT-nya tidak berjumlah cocok, jadi Dana di RKT yang perlu diperiksa",
                "the RKT block does not add up, so the RKT Dana is the one to check",
            )
        } else if rkt_ok {
            (
                true,
                None,
                "kedua dokumen masing-masing berjumlah cocok; periksa mana yang benar",
                "each document adds up on its own; check which is right",
            )
        } else {
            (
                true,
                None,
                "keduanya tidak berjumlah cocok di dokumennya; periksa mana yang benar",
                "neither adds up within its own document; check which is right",
            )
        };
        let message = Message::new(
            format!(
                "Dana kegiatan di RKT {} tidak sama dengan pagunya di tabel realisasi {}; {}; {}",
                id_num(dana), id_num(pagu), note_id, pairing_id
            ),
            format!(
                "the kegiatan's Dana in the RKT, {}, differs from its pagu in the realisation table, {}; {}; {}",
                en_num(dana), en_num(pagu), note_en, pairing_en
            ),
        );
        let (table, f, other_table, other) = if at_rkt {
            (rkt.table, dana_f, real.table, pagu_f)
        } else {
            (real.table, pagu_f, rkt.table, dana_f)
        };
        let mut finding = rule
            .finding(books.loc(table, f.at), message, f.written.clone())
            .related(vec![books.loc(other_table, other.at)]);
        if let Some(e) = expected {
            finding = finding.expect(plain(e));
        }
        out.push(finding);
    }
}

// ---------------------------------------------------------------------------
// Terbilang
// ---------------------------------------------------------------------------

const NUMBER_WORDS: [&str; 26] = [
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
    "seratus",
    "seribu",
    "belas",
    "puluh",
    "ratus",
    "ribu",
    "juta",
    "miliar",
    "milyar",
    "triliun",
    "trilyun",
    "kuadriliun",
    "kuintiliun",
    "rupiah",
];

/// The office's terbilang line with its words replaced by the standard words of `n`,
/// keeping what stands around them ("(Terbilang : " … ").").
fn standard_terbilang(original: &str, n: u64) -> String {
    let lower = original.to_lowercase();
    // Word spans (byte ranges) of the original.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in lower.char_indices() {
        if c.is_alphabetic() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            spans.push((s, i));
        }
    }
    if let Some(s) = start {
        spans.push((s, lower.len()));
    }
    let is_number = |&(s, e): &(usize, usize)| NUMBER_WORDS.contains(&&lower[s..e]);
    let (Some(first), Some(last)) = (
        spans.iter().position(is_number),
        spans.iter().rposition(is_number),
    ) else {
        return words::terbilang_rupiah(n);
    };
    let (s, _) = spans[first];
    let (_, e) = spans[last];
    let with_rupiah = &lower[spans[last].0..e] == "rupiah";
    let mut text = if with_rupiah {
        words::terbilang_rupiah(n)
    } else {
        words::terbilang(n)
    };
    let capital = original[s..].chars().next().is_some_and(char::is_uppercase);
    if !capital {
        text = text.to_lowercase();
    } else if !with_rupiah {
        let mut chars = text.chars();
        text = chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
            .unwrap_or_default();
    }
    format!("{}{}{}", &original[..s], text, &original[e..])
}

fn terbilang(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let books = Books::new(ctx);
    for pk in &books.b.pk_budgets {
        let Some(t) = &pk.terbilang else { continue };
        let jumlah = books.pk_jumlah(pk);
        let programs = pk.anggaran_sum();
        let awal = pk
            .jumlah
            .as_ref()
            .and_then(|j| value(&j.anggaran_awal))
            .or_else(|| pk.anggaran_awal_sum());
        let accepted: Vec<Decimal> = [jumlah, programs, awal].into_iter().flatten().collect();
        let Some(right) = books.pk_total(pk) else {
            continue;
        };
        if let Some(v) = t.value {
            if accepted.iter().any(|a| *a == Decimal::from(v)) {
                continue;
            }
        }
        let Some(n) = right
            .trunc()
            .to_string()
            .parse::<u64>()
            .ok()
            .filter(|_| right.fract().is_zero() && right >= Decimal::ZERO)
        else {
            continue;
        };
        let words_right = words::terbilang_rupiah(n);
        let message = match t.value {
            Some(v) => Message::new(
                format!("terbilang menyebut {} (\"{}\"), padahal Jumlah-nya {}", id_num(Decimal::from(v)), short(&t.text), id_num(right)),
                format!("the amount in words says {} (\"{}\") but its Jumlah is {}", en_num(Decimal::from(v)), short(&t.text), en_num(right)),
            ),
            None => Message::new(
                format!("terbilang \"{}\" tidak terbaca sebagai jumlah yang baku; Jumlah-nya {}", short(&t.text), id_num(right)),
                format!("the amount in words \"{}\" does not read as a well-formed amount; its Jumlah is {}", short(&t.text), en_num(right)),
            ),
        };
        let related = pk
            .jumlah
            .as_ref()
            .and_then(|j| j.anggaran.as_ref())
            .map(|f| vec![books.loc(pk.table, f.at)])
            .unwrap_or_default();
        out.push(
            rule.finding(books.loc(pk.table, t.at), message, t.text.clone())
                .expect(words_right)
                .related(related)
                .fix(vec![Correction {
                    cell: t.at,
                    value: NewValue::Text(standard_terbilang(&t.text, n)),
                    safety: Safety::Safe,
                }]),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn node(tree: &mut Tree, v: i64, parent: Option<usize>) -> usize {
        let f = Figure {
            at: CellRef::new(tree.nodes.len() as u32, 2),
            value: Some(Decimal::from(v)),
            written: v.to_string(),
            decimals: 0,
            stored_as_text: false,
            mark: None,
            dash: false,
            problem: None,
        };
        let kind = if parent.is_none() {
            NodeKind::Total
        } else {
            NodeKind::Outline
        };
        tree.add(
            kind,
            &format!("n{}", tree.nodes.len()),
            Some(&f),
            Some(Decimal::from(v)),
            parent,
        )
    }

    /// Tabel 1 of the seed: I = 1. + 2.; 1. = a.; 2. = a. + b.
    fn tabel1(values: [i64; 6]) -> Tree {
        let mut t = Tree::new(0, "JUMLAH".into());
        let i = node(&mut t, values[0], None);
        let one = node(&mut t, values[1], Some(i));
        node(&mut t, values[2], Some(one));
        let two = node(&mut t, values[3], Some(i));
        node(&mut t, values[4], Some(two));
        node(&mut t, values[5], Some(two));
        t
    }

    #[test]
    fn one_figure_explains_the_broken_sums() {
        let ok = [
            6796834585, 2015561700, 2015561700, 4781272885, 4754111885, 27161000,
        ];
        assert!(tabel1(ok).solve(Decimal::ZERO).failing.is_empty());
        // A changed parent: only it.
        let mut v = ok;
        v[3] = 4781000000;
        let s = tabel1(v).solve(Decimal::ZERO);
        assert_eq!(s.culprit, Some((3, dec!(4781272885))));
        // A changed single child: only it.
        let mut v = ok;
        v[2] = 2015000000;
        assert_eq!(
            tabel1(v).solve(Decimal::ZERO).culprit,
            Some((2, dec!(2015561700)))
        );
        // A changed root.
        let mut v = ok;
        v[0] = 1;
        assert_eq!(
            tabel1(v).solve(Decimal::ZERO).culprit,
            Some((0, dec!(6796834585)))
        );
        // One of two children: either could be it.
        let mut v = ok;
        v[5] = 27000000;
        let s = tabel1(v).solve(Decimal::ZERO);
        assert_eq!(s.culprit, None);
        assert_eq!(s.failing, vec![3]);
        assert_eq!(s.candidates.len(), 2);
        // ... unless another document speaks for one of them.
        let mut t = tabel1(v);
        t.nodes[4].anchor = Some(dec!(4754111885));
        t.nodes[5].anchor = Some(dec!(27161000));
        assert_eq!(t.solve(Decimal::ZERO).culprit, Some((5, dec!(27161000))));
    }

    #[test]
    fn readings_pinned_by_percent() {
        let pct = |v: Decimal, d: u32| Figure {
            at: CellRef::new(0, 3),
            value: Some(v),
            written: v.to_string(),
            decimals: d,
            stored_as_text: false,
            mark: None,
            dash: false,
            problem: None,
        };
        let readings = [dec!(6500000), dec!(65000000)];
        assert_eq!(
            pagu_from_percent(&readings, dec!(65000000), &pct(dec!(100.00), 2)),
            Some(dec!(65000000))
        );
        let readings = [dec!(25754600), dec!(257546500), dec!(2575465000)];
        assert_eq!(
            realisasi_from_percent(&readings, dec!(275977000), &pct(dec!(93), 0)),
            Some(dec!(257546500))
        );
        // Two readings inside: nothing pinned.
        assert_eq!(
            only_reading_in(&[dec!(10), dec!(11)], dec!(9), dec!(12)),
            None
        );
    }

    #[test]
    fn terbilang_keeps_its_frame() {
        let seed = "(Terbilang : Enam milyar tujuh ratus sembilan puluh enam juta delapan ratus tiga puluh empat ribu lima ratus delapan puluh empat rupiah).";
        assert_eq!(
            standard_terbilang(seed, 6_796_834_585),
            "(Terbilang : Enam miliar tujuh ratus sembilan puluh enam juta delapan ratus tiga puluh empat ribu lima ratus delapan puluh lima rupiah)."
        );
        assert_eq!(standard_terbilang("seribu", 2000), "dua ribu");
        assert_eq!(standard_terbilang("xyz", 1000), "Seribu rupiah");
    }

    #[test]
    fn number_formats() {
        assert_eq!(id_num(dec!(6796834585)), "6.796.834.585");
        assert_eq!(en_num(dec!(6796834585)), "6,796,834,585");
        assert_eq!(id_num(dec!(50000000.00)), "50.000.000");
        assert_eq!(en_dec(dec!(81.7518), 2), "81.75");
        assert_eq!(short("x"), "x");
    }
}
