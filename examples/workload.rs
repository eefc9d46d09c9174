//! Writes a synthetic workload for `kinerja` in the office's layout, at any size:
//!
//! ```text
//! cargo run --release --example workload -- --villages N --kegiatan K [--errors E] [--seed S] [--year Y] DIR
//! ```
//!
//! DIR receives three workbooks and a manifest:
//! - `IDM <year>.xlsx`: sheet `IDM <year>` with title rows, the header
//!   `NO | KODE DESA | PROVINSI | KABUPATEN | KECAMATAN | NAMA DESA | IKS | IKE | IKL | IDM | STATUS`,
//!   a numbering row, N villages spread over provinces, kabupaten and kecamatan
//!   (10-digit KODE DESA `PPKKCCDDDD`), IKS/IKE/IKL in 0–1 with 4 decimals,
//!   IDM = round((IKS + IKE + IKL) / 3, 4) computed exactly with `rust_decimal`, STATUS
//!   from the Permendesa 2/2016 bands, and a source note; sheet `Rekap IDM` with the
//!   summary: `KLASIFIKASI IDM` beside the report year merged over `JUMLAH | %`, one row
//!   per status, a JUMLAH row.
//! - `Realisasi Anggaran <year>.xlsx`: `PROGRAM/KEGIATAN | PAGU ANGGARAN (Rp) |
//!   REALISASI (Rp) | %`, program rows text only, K kegiatan under them,
//!   realisasi ≤ pagu, % = round(realisasi / pagu × 100, 0), a JUMLAH row.
//! - `Perjanjian Kinerja <year>.xlsx`: `No. | Program | Anggaran (Rp.) | Ket`, each
//!   program's budget the sum of its kegiatan pagu, a `Jumlah` row and the terbilang line.
//! - `workload.json`: the parameters, the sizes and every injected error with its cell.
//!
//! The output depends only on the arguments: a small hand-written PRNG (splitmix64)
//! drives everything, with one stream per part, so `--errors` changes only the
//! error cells and their derived cells, never the rest of the data. `--errors E`
//! injects E errors, cycling through the kinds of [`ErrorKind`] (a kind with no
//! place left falls back to a wrong village status).
//!
//! Names are generated to be unambiguous for the checks: kecamatan names differ by
//! at least four letter edits within a kabupaten, kabupaten names within a province,
//! village names are unique within their kecamatan, program names are far apart by
//! the tool's name similarity. Figures are generated so that no rounding sits exactly
//! on a midpoint (where half-up and half-even would disagree).

use clap::Parser;
use rust_decimal::{Decimal, RoundingStrategy};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use std::collections::HashSet;
use std::error::Error;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Synthetic LKjIP workbooks for benchmarks.
#[derive(Debug, Parser)]
struct Args {
    /// Number of villages in the IDM workbook.
    #[arg(long)]
    villages: usize,
    /// Number of kegiatan in the budget workbook.
    #[arg(long)]
    kegiatan: usize,
    /// Number of errors to inject.
    #[arg(long, default_value_t = 0)]
    errors: usize,
    /// Seed of the generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Report year (the config's `office.year`).
    #[arg(long, default_value_t = 2023)]
    year: u16,
    /// Output folder (created).
    dir: PathBuf,
}

// ---------------------------------------------------------------------------
// Randomness: splitmix64, one stream per part of the workload.
// ---------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// About normal(0, 1): Irwin–Hall with 12 terms (only + and -, so the same on
    /// every machine).
    fn normal(&mut self) -> f64 {
        (0..12).map(|_| self.unit()).sum::<f64>() - 6.0
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }

    fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }
}

/// Splits `n` into `parts` sizes ≥ 1 (parts ≤ n) that vary by about ±50 %.
fn split(rng: &mut Rng, n: usize, parts: usize) -> Vec<usize> {
    let parts = parts.clamp(1, n.max(1));
    let weights: Vec<f64> = (0..parts).map(|_| 0.5 + rng.unit()).collect();
    let total: f64 = weights.iter().sum();
    let rest = n.saturating_sub(parts);
    let mut sizes = Vec::with_capacity(parts);
    let mut cum = 0.0;
    let mut given = 0;
    for w in &weights {
        cum += w;
        let upto = ((rest as f64) * cum / total).round() as usize;
        let upto = upto.min(rest);
        sizes.push(1 + upto - given);
        given = upto;
    }
    *sizes.last_mut().expect("parts ≥ 1") += rest - given;
    sizes
}

// ---------------------------------------------------------------------------
// Names.
// ---------------------------------------------------------------------------

/// Province codes (first two digits of KODE DESA) and names.
const PROVINCES: [(u32, &str); 38] = [
    (18, "LAMPUNG"),
    (11, "ACEH"),
    (12, "SUMATERA UTARA"),
    (13, "SUMATERA BARAT"),
    (14, "RIAU"),
    (15, "JAMBI"),
    (16, "SUMATERA SELATAN"),
    (17, "BENGKULU"),
    (19, "KEPULAUAN BANGKA BELITUNG"),
    (21, "KEPULAUAN RIAU"),
    (31, "DKI JAKARTA"),
    (32, "JAWA BARAT"),
    (33, "JAWA TENGAH"),
    (34, "DAERAH ISTIMEWA YOGYAKARTA"),
    (35, "JAWA TIMUR"),
    (36, "BANTEN"),
    (51, "BALI"),
    (52, "NUSA TENGGARA BARAT"),
    (53, "NUSA TENGGARA TIMUR"),
    (61, "KALIMANTAN BARAT"),
    (62, "KALIMANTAN TENGAH"),
    (63, "KALIMANTAN SELATAN"),
    (64, "KALIMANTAN TIMUR"),
    (65, "KALIMANTAN UTARA"),
    (71, "SULAWESI UTARA"),
    (72, "SULAWESI TENGAH"),
    (73, "SULAWESI SELATAN"),
    (74, "SULAWESI TENGGARA"),
    (75, "GORONTALO"),
    (76, "SULAWESI BARAT"),
    (81, "MALUKU"),
    (82, "MALUKU UTARA"),
    (91, "PAPUA"),
    (92, "PAPUA BARAT"),
    (93, "PAPUA SELATAN"),
    (94, "PAPUA TENGAH"),
    (95, "PAPUA PEGUNUNGAN"),
    (96, "PAPUA BARAT DAYA"),
];

const SYLLABLES: [&str; 36] = [
    "BA", "BU", "DA", "DU", "GA", "GI", "JA", "JO", "KA", "KE", "KU", "LA", "LO", "MA", "ME", "MU",
    "NA", "NGA", "PA", "PE", "RA", "RI", "SA", "SE", "SU", "TA", "TI", "TU", "WA", "YA", "BLA",
    "PRA", "SRI", "TRA", "MPU", "NJU",
];
const ENDINGS: [&str; 9] = ["", "", "N", "NG", "R", "K", "T", "H", "S"];

const VILLAGE_FIRST: [&str; 32] = [
    "SUKA", "TANJUNG", "NEGERI", "BUMI", "KARANG", "SUMBER", "MEKAR", "GUNUNG", "BATU", "SRI",
    "WAY", "MARGA", "PAKU", "TIUH", "GEDUNG", "BANJAR", "KOTA", "BANDAR", "TALANG", "LEBAK",
    "PANCA", "GIRI", "TEGAL", "RAWA", "DWI", "PEMATANG", "SIDO", "JAYA", "CAMPANG", "PULAU",
    "SUNGAI", "AIR",
];
const VILLAGE_SECOND: [&str; 28] = [
    "JAYA", "MAKMUR", "AGUNG", "MULYA", "REJO", "SARI", "ASRI", "BARU", "INDAH", "MUKTI", "DADI",
    "RAHARJA", "LESTARI", "MAJU", "BAKTI", "KENCANA", "MANDIRI", "SENTOSA", "HARAPAN", "MUDA",
    "ABADI", "TIMUR", "BARAT", "UTARA", "SELATAN", "TENGAH", "PERMAI", "WANGI",
];

/// A made-up place word: two or three syllables and an ending.
fn word(rng: &mut Rng) -> String {
    let n = rng.range(2, 3);
    let mut w: String = (0..n).map(|_| *rng.pick(&SYLLABLES)).collect();
    let ending = rng.pick(&ENDINGS[..]).to_string();
    w.push_str(&ending);
    w
}

/// A made-up kabupaten or kecamatan name: one word, sometimes two.
fn place(rng: &mut Rng) -> String {
    if rng.chance(300) {
        format!("{} {}", word(rng), word(rng))
    } else {
        word(rng)
    }
}

/// Upper case, letters and digits, single spaces: how the checks compare names.
fn norm(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

/// `count` names from `make`, each at least `min_edits` Damerau–Levenshtein edits
/// from the others (with and without spaces).
fn distinct_names(
    rng: &mut Rng,
    count: usize,
    min_edits: usize,
    make: fn(&mut Rng) -> String,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(count);
    let mut keys: Vec<(String, String)> = Vec::with_capacity(count);
    while out.len() < count {
        let name = make(rng);
        let n = norm(&name);
        let squeezed = n.replace(' ', "");
        let far = keys.iter().all(|(k, s)| {
            strsim::damerau_levenshtein(k, &n) >= min_edits
                && strsim::damerau_levenshtein(s, &squeezed) >= min_edits
        });
        if far {
            keys.push((n, squeezed));
            out.push(name);
        }
    }
    out
}

/// `count` village names, unique within one kecamatan.
fn village_names(rng: &mut Rng, count: usize) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let first = rng.pick(&VILLAGE_FIRST);
        let name = if rng.chance(250) {
            format!("{first} {}", word(rng))
        } else {
            format!("{first} {}", rng.pick(&VILLAGE_SECOND))
        };
        if seen.insert(name.clone()) {
            out.push(name);
        }
    }
    out
}

const PROGRAM_VERBS: [&str; 12] = [
    "PENINGKATAN",
    "PENGEMBANGAN",
    "PEMBERDAYAAN",
    "PENGELOLAAN",
    "PENYELENGGARAAN",
    "PEMBINAAN",
    "PENATAAN",
    "PENGUATAN",
    "PERENCANAAN",
    "PENGAWASAN",
    "PENUNJANG",
    "FASILITASI",
];
const NOUNS: [&str; 60] = [
    "KAPASITAS",
    "APARATUR",
    "LEMBAGA",
    "KEUANGAN",
    "ASET",
    "EKONOMI",
    "MASYARAKAT",
    "ADAT",
    "KERJASAMA",
    "ADMINISTRASI",
    "PEMERINTAHAN",
    "INFRASTRUKTUR",
    "SARANA",
    "PRASARANA",
    "TEKNOLOGI",
    "INFORMASI",
    "PERTANIAN",
    "PERIKANAN",
    "PARIWISATA",
    "KOPERASI",
    "PASAR",
    "PEMUDA",
    "PEREMPUAN",
    "ANAK",
    "KESEHATAN",
    "PENDIDIKAN",
    "LINGKUNGAN",
    "KEBERSIHAN",
    "PERMUKIMAN",
    "TRANSMIGRASI",
    "KEPENDUDUKAN",
    "STATISTIK",
    "PERPUSTAKAAN",
    "KEARSIPAN",
    "PERHUBUNGAN",
    "ENERGI",
    "AIR BERSIH",
    "SANITASI",
    "BENCANA",
    "KETERTIBAN",
    "KEBUDAYAAN",
    "OLAHRAGA",
    "INDUSTRI",
    "PERDAGANGAN",
    "PERUMAHAN",
    "JALAN",
    "IRIGASI",
    "HUTAN",
    "KELAUTAN",
    "PANGAN",
    "GIZI",
    "POSYANDU",
    "BUMDES",
    "DATA",
    "PELAYANAN",
    "PERIZINAN",
    "INVESTASI",
    "TENAGA KERJA",
    "USAHA MIKRO",
    "TEMPAT IBADAH",
];
const PROGRAM_SCOPES: [&str; 4] = ["DESA", "DAERAH", "KAMPUNG", "KABUPATEN/KOTA"];
const KEGIATAN_VERBS: [&str; 14] = [
    "Fasilitasi",
    "Penyediaan",
    "Pembinaan",
    "Penyusunan",
    "Koordinasi",
    "Evaluasi",
    "Pelatihan",
    "Sosialisasi",
    "Pendampingan",
    "Pengadaan",
    "Pemeliharaan",
    "Monitoring",
    "Pendataan",
    "Pengembangan",
];

/// A program name's comparison key, as `kinerja`'s tolerant name matching makes it:
/// lower case, letters and digits only, without the words "program" and "kegiatan".
fn name_key(name: &str) -> String {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "program" && *w != "kegiatan")
        .collect()
}

/// Name similarity as the tool measures it (normalized Damerau–Levenshtein of the
/// keys, or of the shorter against the longer's prefix when one may be cut short).
fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (name_key(a), name_key(b));
    let whole = strsim::normalized_damerau_levenshtein(&a, &b);
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let cut = if short.len() >= 20 {
        strsim::normalized_damerau_levenshtein(short, &long[..short.len()]) * 0.95
    } else {
        0.0
    };
    whole.max(cut)
}

/// `count` program names (without the word PROGRAM), pairwise similarity < 0.7.
fn program_names(rng: &mut Rng, count: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(count);
    let mut tries = 0u64;
    while out.len() < count {
        tries += 1;
        let a = rng.pick(&NOUNS);
        let mut b = rng.pick(&NOUNS);
        while b == a {
            b = rng.pick(&NOUNS);
        }
        let mut name = format!(
            "{} {} DAN {} {}",
            rng.pick(&PROGRAM_VERBS),
            a,
            b,
            rng.pick(&PROGRAM_SCOPES)
        );
        if tries > 200 * (count as u64 + 1) {
            // A very large budget: make room with a third noun.
            name = format!("{name} BIDANG {}", rng.pick(&NOUNS));
        }
        if out.iter().all(|o| similarity(o, &name) < 0.7) {
            out.push(name);
        }
    }
    out
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let lower = w.to_lowercase();
            let mut c = lower.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `count` kegiatan names, unique within one program.
fn kegiatan_names(rng: &mut Rng, count: usize) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(count);
    let mut tries = 0;
    while out.len() < count {
        tries += 1;
        let verb = rng.pick(&KEGIATAN_VERBS);
        let a = rng.pick(&NOUNS);
        let mut b = rng.pick(&NOUNS);
        while b == a {
            b = rng.pick(&NOUNS);
        }
        let mut name = format!("{verb} {} {}", title_case(a), title_case(b));
        if tries > 50 * count {
            name = format!("{name} Tahap {}", out.len() + 1);
        }
        if seen.insert(name.clone()) {
            out.push(name);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Numbers.
// ---------------------------------------------------------------------------

fn dec(s: &str) -> Decimal {
    s.parse().expect("a decimal literal")
}

/// Excel's ROUND: half away from zero.
fn round(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// A decimal as the double Excel stores.
fn f(d: Decimal) -> f64 {
    d.to_string().parse().expect("a decimal prints as a number")
}

/// `realisasi / pagu × 100` lies exactly halfway between two whole numbers.
fn pct_midpoint(realisasi: u64, pagu: u64) -> bool {
    let twice = u128::from(realisasi) * 200;
    twice % u128::from(pagu) == 0 && (twice / u128::from(pagu)) % 2 == 1
}

fn pct0(realisasi: u64, pagu: u64) -> Decimal {
    round(
        Decimal::from(realisasi) * Decimal::ONE_HUNDRED / Decimal::from(pagu),
        0,
    )
}

/// The upper ends of the statuses as the ministry classifies (the shipped
/// `[idm] profile = "kemendesa"`), the boundary in the lower band.
const BANDS: [(&str, &str); 4] = [
    ("SANGAT TERTINGGAL", "0.4907"),
    ("TERTINGGAL", "0.5989"),
    ("BERKEMBANG", "0.7072"),
    ("MAJU", "0.8155"),
];
/// Statuses in the summary's order, best first.
const STATUSES: [&str; 5] = [
    "MANDIRI",
    "MAJU",
    "BERKEMBANG",
    "TERTINGGAL",
    "SANGAT TERTINGGAL",
];

/// The status of an IDM value; a boundary belongs to the lower band.
fn status(idm: Decimal) -> &'static str {
    BANDS
        .iter()
        .find(|(_, max)| idm <= dec(max))
        .map_or("MANDIRI", |(label, _)| label)
}

/// An amount of rupiah in Indonesian words, as the terbilang line writes it.
fn terbilang(n: u64) -> String {
    const ONES: [&str; 12] = [
        "", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
        "sepuluh", "sebelas",
    ];
    fn below_thousand(n: u64, out: &mut Vec<String>) {
        let (h, rest) = (n / 100, n % 100);
        match h {
            0 => {}
            1 => out.push("seratus".into()),
            _ => out.push(format!("{} ratus", ONES[h as usize])),
        }
        match rest {
            0 => {}
            1..=11 => out.push(ONES[rest as usize].into()),
            12..=19 => out.push(format!("{} belas", ONES[(rest - 10) as usize])),
            _ => {
                out.push(format!("{} puluh", ONES[(rest / 10) as usize]));
                if rest % 10 > 0 {
                    out.push(ONES[(rest % 10) as usize].into());
                }
            }
        }
    }
    if n == 0 {
        return "nol".into();
    }
    let scales = ["", "ribu", "juta", "miliar", "triliun"];
    let mut groups = Vec::new();
    let mut m = n;
    while m > 0 {
        groups.push(m % 1000);
        m /= 1000;
    }
    let mut words: Vec<String> = Vec::new();
    for (i, &g) in groups.iter().enumerate().rev() {
        if g == 0 {
            continue;
        }
        if i == 1 && g == 1 {
            words.push("seribu".into());
            continue;
        }
        below_thousand(g, &mut words);
        if i > 0 {
            words.push(scales[i].into());
        }
    }
    words.join(" ")
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------------------
// The data.
// ---------------------------------------------------------------------------

struct Village {
    no: u64,
    kode: String,
    provinsi: &'static str,
    kabupaten: usize,
    kecamatan: usize,
    name: String,
    iks: Decimal,
    ike: Decimal,
    ikl: Decimal,
    idm: Decimal,
    status: &'static str,
}

struct Kegiatan {
    name: String,
    pagu: u64,
    realisasi: u64,
    pct: Decimal,
}

struct Program {
    name: String,
    kegiatan: Vec<Kegiatan>,
}

struct Data {
    villages: Vec<Village>,
    /// Kabupaten and kecamatan names, indexed by the villages.
    kabupaten: Vec<String>,
    kecamatan: Vec<String>,
    rekap: Vec<(&'static str, u64, Decimal)>,
    rekap_total: (u64, Decimal),
    programs: Vec<Program>,
    budget_total: (u64, u64, Decimal),
    pk: Vec<u64>,
    pk_total: u64,
    terbilang: String,
}

/// An index value in 0–1 with 4 decimals.
fn index_value(level: f64) -> Decimal {
    let ten_thousandths = (level.clamp(0.0, 1.0) * 10_000.0).round() as i64;
    Decimal::new(ten_thousandths, 4)
}

fn make_villages(seed: u64, n: usize) -> (Vec<Village>, Vec<String>, Vec<String>) {
    let mut rng = Rng::new(seed, 1);
    let mut names_rng = Rng::new(seed, 2);
    let mut villages = Vec::with_capacity(n);
    let mut kabupaten = Vec::new();
    let mut kecamatan = Vec::new();
    if n == 0 {
        return (villages, kabupaten, kecamatan);
    }
    let provinces = (n as f64 / 2000.0)
        .round()
        .clamp(1.0, PROVINCES.len() as f64) as usize;
    let mut no = 0;
    for (p, &in_province) in split(&mut rng, n, provinces).iter().enumerate() {
        let (code, provinsi) = PROVINCES[p];
        let n_kab = in_province.div_ceil(160).clamp(1, 99);
        let kab_names = distinct_names(&mut names_rng, n_kab, 4, place);
        for (k, &in_kab) in split(&mut rng, in_province, n_kab).iter().enumerate() {
            let kab_index = kabupaten.len();
            kabupaten.push(kab_names[k].clone());
            let n_kec = in_kab.div_ceil(11).clamp(1, 99);
            let kec_names = distinct_names(&mut names_rng, n_kec, 4, place);
            for (c, &in_kec) in split(&mut rng, in_kab, n_kec).iter().enumerate() {
                let kec_index = kecamatan.len();
                kecamatan.push(kec_names[c].clone());
                for (d, name) in village_names(&mut names_rng, in_kec)
                    .into_iter()
                    .enumerate()
                {
                    no += 1;
                    // A village's level, about normal around 0.73: most villages
                    // BERKEMBANG or MAJU, some MANDIRI, few TERTINGGAL.
                    let level = 0.73 + 0.09 * rng.normal();
                    let iks = index_value(level + 0.03 + 0.06 * rng.normal());
                    let ike = index_value(level - 0.06 + 0.08 * rng.normal());
                    let ikl = index_value(level + 0.02 + 0.07 * rng.normal());
                    let idm = round((iks + ike + ikl) / Decimal::from(3), 4);
                    villages.push(Village {
                        no,
                        kode: format!("{code:02}{:02}{:02}{:04}", k + 1, c + 1, 2001 + d),
                        provinsi,
                        kabupaten: kab_index,
                        kecamatan: kec_index,
                        name,
                        iks,
                        ike,
                        ikl,
                        idm,
                        status: status(idm),
                    });
                }
            }
        }
    }
    (villages, kabupaten, kecamatan)
}

fn make_programs(seed: u64, k: usize) -> Vec<Program> {
    let mut rng = Rng::new(seed, 3);
    if k == 0 {
        return Vec::new();
    }
    let n_programs = k.div_ceil(10);
    let names = program_names(&mut rng, n_programs);
    let sizes = split(&mut rng, k, n_programs);
    names
        .into_iter()
        .zip(sizes)
        .map(|(name, size)| {
            let kegiatan = kegiatan_names(&mut rng, size)
                .into_iter()
                .map(|name| {
                    // Pagu: whole thousands from 1 juta to about 1 miliar, now and
                    // then ten times more.
                    let thousands = rng.range(1000, 9999) * 10u64.pow(rng.range(0, 2) as u32);
                    let mut pagu = thousands * 1000;
                    if rng.chance(50) {
                        pagu *= 10;
                    }
                    // Realisasi: a fifth spent whole, the rest 50–100 % to the rupiah.
                    let mut realisasi = if rng.chance(200) {
                        pagu
                    } else {
                        pagu * rng.range(5000, 9999) / 10_000 + rng.range(0, 999)
                    };
                    while pct_midpoint(realisasi, pagu) {
                        realisasi -= 1;
                    }
                    Kegiatan {
                        name,
                        pagu,
                        realisasi,
                        pct: pct0(realisasi, pagu),
                    }
                })
                .collect();
            Program { name, kegiatan }
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Errors.
// ---------------------------------------------------------------------------

/// The kinds of injected errors, in the order `--errors` cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ErrorKind {
    /// A village's STATUS is the next band's label.
    IdmStatus,
    /// A kegiatan's % is off by 3.
    BudgetPercent,
    /// The PK Jumlah is one million more than the sum of the programs.
    PkTotal,
    /// A village's IDM is 0.0100 off the mean of IKS, IKE, IKL (its status follows it).
    IdmMean,
    /// A count of the summary is one more than the village table gives.
    RekapCount,
    /// The budget table's JUMLAH pagu is one million more than the sum.
    BudgetTotal,
    /// A kegiatan's realisasi exceeds its pagu by 5 % (its % follows it).
    RealisasiOverPagu,
    /// A PK program budget is five million more than its kegiatan pagu (the Jumlah follows it).
    PkProgram,
    /// A village repeats the NO of the row above.
    VillageNo,
    /// A percentage of the summary is one point off.
    RekapPercent,
}

const KINDS: [ErrorKind; 10] = [
    ErrorKind::IdmStatus,
    ErrorKind::BudgetPercent,
    ErrorKind::PkTotal,
    ErrorKind::IdmMean,
    ErrorKind::RekapCount,
    ErrorKind::BudgetTotal,
    ErrorKind::RealisasiOverPagu,
    ErrorKind::PkProgram,
    ErrorKind::VillageNo,
    ErrorKind::RekapPercent,
];

impl ErrorKind {
    fn name(self) -> &'static str {
        match self {
            ErrorKind::IdmStatus => "idm_status",
            ErrorKind::BudgetPercent => "budget_percent",
            ErrorKind::PkTotal => "pk_total",
            ErrorKind::IdmMean => "idm_mean",
            ErrorKind::RekapCount => "rekap_count",
            ErrorKind::BudgetTotal => "budget_total",
            ErrorKind::RealisasiOverPagu => "realisasi_over_pagu",
            ErrorKind::PkProgram => "pk_program",
            ErrorKind::VillageNo => "village_no",
            ErrorKind::RekapPercent => "rekap_percent",
        }
    }
}

/// An injected error: where, what was right, what is written.
struct Injected {
    kind: ErrorKind,
    file: String,
    sheet: String,
    cell: String,
    right: String,
    written: String,
}

/// Which places each kind takes: indices into villages, kegiatan (flat), rekap rows,
/// programs; chosen without repeats.
struct Plan {
    kinds: Vec<ErrorKind>,
}

fn plan(errors: usize, villages: usize, kegiatan: usize, programs: usize) -> Plan {
    let capacity = |k: ErrorKind| match k {
        ErrorKind::IdmStatus | ErrorKind::IdmMean => villages,
        ErrorKind::VillageNo => villages / 3,
        ErrorKind::BudgetPercent | ErrorKind::RealisasiOverPagu => kegiatan,
        ErrorKind::PkProgram => programs,
        ErrorKind::PkTotal | ErrorKind::BudgetTotal => usize::from(programs > 0),
        ErrorKind::RekapCount | ErrorKind::RekapPercent => usize::from(villages > 0) * 5,
    };
    let mut kinds = Vec::with_capacity(errors);
    for i in 0..errors {
        let wanted = KINDS[i % KINDS.len()];
        let used = |k: ErrorKind, kinds: &Vec<ErrorKind>| kinds.iter().filter(|&&x| x == k).count();
        let budget_used =
            used(ErrorKind::BudgetPercent, &kinds) + used(ErrorKind::RealisasiOverPagu, &kinds);
        let village_used = used(ErrorKind::IdmStatus, &kinds)
            + used(ErrorKind::IdmMean, &kinds)
            + 3 * used(ErrorKind::VillageNo, &kinds);
        let rekap_used =
            used(ErrorKind::RekapCount, &kinds) + used(ErrorKind::RekapPercent, &kinds);
        let room = match wanted {
            ErrorKind::BudgetPercent | ErrorKind::RealisasiOverPagu => budget_used < kegiatan,
            ErrorKind::IdmStatus | ErrorKind::IdmMean => village_used < villages,
            ErrorKind::VillageNo => village_used + 3 <= villages,
            ErrorKind::RekapCount | ErrorKind::RekapPercent => rekap_used < capacity(wanted),
            _ => used(wanted, &kinds) < capacity(wanted),
        };
        let kind = if room {
            wanted
        } else if village_used < villages {
            ErrorKind::IdmStatus
        } else {
            eprintln!(
                "workload: no room for error {} of {errors}; stopping there",
                i + 1
            );
            break;
        };
        kinds.push(kind);
    }
    Plan { kinds }
}

/// Picks an unused index in `0..n` (n > 0 and some index unused).
fn fresh(rng: &mut Rng, n: usize, used: &mut HashSet<usize>) -> usize {
    loop {
        let i = rng.below(n as u64) as usize;
        if used.insert(i) {
            return i;
        }
    }
}

// ---------------------------------------------------------------------------
// Layout: where each figure sits, for the manifest.
// ---------------------------------------------------------------------------

const IDM_HEADER_ROW: u32 = 3;
const IDM_FIRST_ROW: u32 = IDM_HEADER_ROW + 2; // after the numbering row
const COL_NO: u16 = 0;
const COL_IDM: u16 = 9;
const COL_STATUS: u16 = 10;
const REKAP_HEADER_ROW: u32 = 4;
const REKAP_FIRST_ROW: u32 = REKAP_HEADER_ROW + 2;
const BUDGET_HEADER_ROW: u32 = 3;
const PK_HEADER_ROW: u32 = 3;

fn a1(row: u32, col: u16) -> String {
    let mut letters = String::new();
    let mut c = u32::from(col) + 1;
    while c > 0 {
        letters.insert(0, (b'A' + ((c - 1) % 26) as u8) as char);
        c = (c - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

struct Files {
    idm: String,
    idm_sheet: String,
    rekap_sheet: String,
    budget: String,
    budget_sheet: String,
    pk: String,
    pk_sheet: String,
}

impl Files {
    fn new(year: u16) -> Files {
        Files {
            idm: format!("IDM {year}.xlsx"),
            idm_sheet: format!("IDM {year}"),
            rekap_sheet: "Rekap IDM".into(),
            budget: format!("Realisasi Anggaran {year}.xlsx"),
            budget_sheet: "Tabel 3.4".into(),
            pk: format!("Perjanjian Kinerja {year}.xlsx"),
            pk_sheet: format!("PK {year}"),
        }
    }
}

/// The row of each kegiatan (flat index) and of each program in the budget sheet,
/// and the JUMLAH row.
fn budget_rows(programs: &[Program]) -> (Vec<u32>, Vec<u32>, u32) {
    let mut row = BUDGET_HEADER_ROW + 1;
    let mut kegiatan = Vec::new();
    let mut program_rows = Vec::new();
    for p in programs {
        program_rows.push(row);
        row += 1;
        for _ in &p.kegiatan {
            kegiatan.push(row);
            row += 1;
        }
    }
    (kegiatan, program_rows, row)
}

fn rupiah(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Builds the data with `errors` injected; every derived figure is computed from the
/// figures as written, as the office's formulas would, except the one an error changes.
fn build(args: &Args) -> (Data, Vec<Injected>) {
    let files = Files::new(args.year);
    let (mut villages, kabupaten, kecamatan) = make_villages(args.seed, args.villages);
    let mut programs = make_programs(args.seed, args.kegiatan);
    let plan = plan(args.errors, villages.len(), args.kegiatan, programs.len());
    let mut rng = Rng::new(args.seed, 4);
    let mut injected = Vec::new();
    let mut record = |kind, file: &str, sheet: &str, row, col, right: String, written: String| {
        injected.push(Injected {
            kind,
            file: file.to_string(),
            sheet: sheet.to_string(),
            cell: a1(row, col),
            right,
            written,
        });
    };

    // Village errors.
    let mut used_villages = HashSet::new();
    for &kind in &plan.kinds {
        let n = villages.len();
        match kind {
            ErrorKind::IdmStatus => {
                let i = fresh(&mut rng, n, &mut used_villages);
                let v = &mut villages[i];
                let at = STATUSES
                    .iter()
                    .position(|s| *s == v.status)
                    .expect("a status");
                let wrong = if at == 0 {
                    STATUSES[1]
                } else {
                    STATUSES[at - 1]
                };
                let row = IDM_FIRST_ROW + i as u32;
                record(
                    kind,
                    &files.idm,
                    &files.idm_sheet,
                    row,
                    COL_STATUS,
                    v.status.into(),
                    wrong.into(),
                );
                v.status = wrong;
            }
            ErrorKind::IdmMean => {
                let i = fresh(&mut rng, n, &mut used_villages);
                let v = &mut villages[i];
                let delta = dec("0.0100");
                let wrong = if v.idm > dec("0.5") {
                    v.idm - delta
                } else {
                    v.idm + delta
                };
                let row = IDM_FIRST_ROW + i as u32;
                record(
                    kind,
                    &files.idm,
                    &files.idm_sheet,
                    row,
                    COL_IDM,
                    v.idm.to_string(),
                    wrong.to_string(),
                );
                v.idm = wrong;
                v.status = status(wrong);
            }
            ErrorKind::VillageNo => {
                // Row i repeats the NO of row i - 1; its neighbours stay untouched.
                let i = loop {
                    let i = 1 + rng.below(n as u64 - 2) as usize;
                    if ![i - 1, i, i + 1].iter().any(|j| used_villages.contains(j)) {
                        used_villages.extend([i - 1, i, i + 1]);
                        break i;
                    }
                };
                let row = IDM_FIRST_ROW + i as u32;
                let wrong = villages[i - 1].no;
                record(
                    kind,
                    &files.idm,
                    &files.idm_sheet,
                    row,
                    COL_NO,
                    villages[i].no.to_string(),
                    wrong.to_string(),
                );
                villages[i].no = wrong;
            }
            _ => {}
        }
    }

    // The summary, counted by the band of each IDM value as written (so that a
    // wrong STATUS cell is one error, not also a wrong count).
    let total = villages.len() as u64;
    let mut rekap: Vec<(&'static str, u64, Decimal)> = STATUSES
        .iter()
        .map(|s| {
            let count = villages.iter().filter(|v| status(v.idm) == *s).count() as u64;
            let pct = if total == 0 {
                Decimal::ZERO
            } else {
                round(
                    Decimal::from(count) * Decimal::ONE_HUNDRED / Decimal::from(total),
                    2,
                )
            };
            (*s, count, pct)
        })
        .collect();
    let rekap_total = (total, Decimal::ONE_HUNDRED.round_dp(2));
    let mut used_rekap = HashSet::new();
    for &kind in &plan.kinds {
        match kind {
            ErrorKind::RekapCount => {
                let i = fresh(&mut rng, 5, &mut used_rekap);
                let row = REKAP_FIRST_ROW + i as u32;
                let (_, count, _) = rekap[i];
                record(
                    kind,
                    &files.idm,
                    &files.rekap_sheet,
                    row,
                    1,
                    count.to_string(),
                    (count + 1).to_string(),
                );
                rekap[i].1 = count + 1;
            }
            ErrorKind::RekapPercent => {
                let i = fresh(&mut rng, 5, &mut used_rekap);
                let row = REKAP_FIRST_ROW + i as u32;
                let pct = rekap[i].2;
                let wrong = if pct >= Decimal::ONE {
                    pct - Decimal::ONE
                } else {
                    pct + Decimal::ONE
                };
                record(
                    kind,
                    &files.idm,
                    &files.rekap_sheet,
                    row,
                    2,
                    pct.to_string(),
                    wrong.to_string(),
                );
                rekap[i].2 = wrong;
            }
            _ => {}
        }
    }

    // Budget errors.
    let (kegiatan_rows, _, jumlah_row) = budget_rows(&programs);
    let mut flat: Vec<(usize, usize)> = Vec::new();
    for (p, prog) in programs.iter().enumerate() {
        for k in 0..prog.kegiatan.len() {
            flat.push((p, k));
        }
    }
    let mut used_kegiatan = HashSet::new();
    for &kind in &plan.kinds {
        match kind {
            ErrorKind::BudgetPercent => {
                let i = fresh(&mut rng, flat.len(), &mut used_kegiatan);
                let (p, k) = flat[i];
                let keg = &mut programs[p].kegiatan[k];
                let wrong = if keg.pct >= dec("50") {
                    keg.pct - dec("3")
                } else {
                    keg.pct + dec("3")
                };
                record(
                    kind,
                    &files.budget,
                    &files.budget_sheet,
                    kegiatan_rows[i],
                    3,
                    keg.pct.to_string(),
                    wrong.to_string(),
                );
                keg.pct = wrong;
            }
            ErrorKind::RealisasiOverPagu => {
                let i = fresh(&mut rng, flat.len(), &mut used_kegiatan);
                let (p, k) = flat[i];
                let keg = &mut programs[p].kegiatan[k];
                let mut wrong = keg.pagu + keg.pagu / 20;
                while pct_midpoint(wrong, keg.pagu) {
                    wrong += 1;
                }
                record(
                    kind,
                    &files.budget,
                    &files.budget_sheet,
                    kegiatan_rows[i],
                    2,
                    keg.realisasi.to_string(),
                    wrong.to_string(),
                );
                keg.realisasi = wrong;
                keg.pct = pct0(wrong, keg.pagu);
            }
            _ => {}
        }
    }
    let sum_pagu: u64 = programs
        .iter()
        .flat_map(|p| &p.kegiatan)
        .map(|k| k.pagu)
        .sum();
    let mut sum_real: u64 = programs
        .iter()
        .flat_map(|p| &p.kegiatan)
        .map(|k| k.realisasi)
        .sum();
    // Keep the total's % off the midpoint too: the last kegiatan spends a rupiah less.
    while sum_pagu > 0 && pct_midpoint(sum_real, sum_pagu) {
        let last = programs
            .iter_mut()
            .flat_map(|p| p.kegiatan.iter_mut())
            .rev()
            .find(|k| {
                k.realisasi > 1 && k.realisasi <= k.pagu && !pct_midpoint(k.realisasi - 1, k.pagu)
            })
            .expect("a kegiatan to adjust");
        last.realisasi -= 1;
        last.pct = pct0(last.realisasi, last.pagu);
        sum_real -= 1;
    }
    let mut budget_total = (
        sum_pagu,
        sum_real,
        if sum_pagu == 0 {
            Decimal::ZERO
        } else {
            pct0(sum_real, sum_pagu)
        },
    );
    if plan.kinds.contains(&ErrorKind::BudgetTotal) {
        let wrong = budget_total.0 + 1_000_000;
        record(
            ErrorKind::BudgetTotal,
            &files.budget,
            &files.budget_sheet,
            jumlah_row,
            1,
            budget_total.0.to_string(),
            wrong.to_string(),
        );
        budget_total.0 = wrong;
    }

    // PK: each program's budget is the sum of its kegiatan pagu.
    let mut pk: Vec<u64> = programs
        .iter()
        .map(|p| p.kegiatan.iter().map(|k| k.pagu).sum())
        .collect();
    let mut used_programs = HashSet::new();
    for &kind in &plan.kinds {
        if kind == ErrorKind::PkProgram {
            let i = fresh(&mut rng, pk.len(), &mut used_programs);
            let wrong = pk[i] + 5_000_000;
            record(
                kind,
                &files.pk,
                &files.pk_sheet,
                PK_HEADER_ROW + 1 + i as u32,
                2,
                pk[i].to_string(),
                wrong.to_string(),
            );
            pk[i] = wrong;
        }
    }
    let mut pk_total: u64 = pk.iter().sum();
    // The terbilang line was typed for the Jumlah before any change to it.
    let terbilang_line = format!(
        "(Terbilang : {} rupiah).",
        capitalised(&terbilang(pk_total))
    );
    if plan.kinds.contains(&ErrorKind::PkTotal) {
        let wrong = pk_total + 1_000_000;
        record(
            ErrorKind::PkTotal,
            &files.pk,
            &files.pk_sheet,
            PK_HEADER_ROW + 1 + pk.len() as u32,
            2,
            pk_total.to_string(),
            wrong.to_string(),
        );
        pk_total = wrong;
    }

    let data = Data {
        villages,
        kabupaten,
        kecamatan,
        rekap,
        rekap_total,
        programs,
        budget_total,
        pk,
        pk_total,
        terbilang: terbilang_line,
    };
    (data, injected)
}

// ---------------------------------------------------------------------------
// Writing.
// ---------------------------------------------------------------------------

struct Formats {
    title: Format,
    header: Format,
    text: Format,
    bold_text: Format,
    center: Format,
    index: Format,
    money: Format,
    bold_money: Format,
    pct0: Format,
    pct2: Format,
    bold_pct0: Format,
    bold_pct2: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top);
        Formats {
            title: Format::new().set_bold().set_align(FormatAlign::Center),
            header: Format::new()
                .set_bold()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            text: cell.clone(),
            bold_text: cell.clone().set_bold(),
            center: cell.clone().set_align(FormatAlign::Center),
            index: cell.clone().set_num_format("0.0000"),
            money: cell.clone().set_num_format("#,##0"),
            bold_money: cell.clone().set_bold().set_num_format("#,##0"),
            pct0: cell
                .clone()
                .set_align(FormatAlign::Center)
                .set_num_format("0"),
            pct2: cell
                .clone()
                .set_align(FormatAlign::Center)
                .set_num_format("0.00"),
            bold_pct0: cell.clone().set_bold().set_num_format("0"),
            bold_pct2: cell.set_bold().set_num_format("0.00"),
        }
    }
}

fn workbook() -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2024, 1, 8)?.and_hms(8, 0, 0)?;
    wb.set_properties(
        &DocProperties::new()
            .set_author("kinerja workload generator")
            .set_creation_datetime(&created),
    );
    Ok(wb)
}

fn widths(ws: &mut Worksheet, widths: &[f64]) -> Result<(), XlsxError> {
    for (col, w) in widths.iter().enumerate() {
        ws.set_column_width(col as u16, *w)?;
    }
    Ok(())
}

fn write_idm(dir: &Path, year: u16, data: &Data, fm: &Formats) -> Result<(), XlsxError> {
    let files = Files::new(year);
    let mut wb = workbook()?;
    let ws = wb.add_worksheet().set_name(&files.idm_sheet)?;
    widths(
        ws,
        &[7.0, 13.0, 22.0, 20.0, 20.0, 24.0, 8.0, 8.0, 8.0, 8.0, 20.0],
    )?;
    ws.merge_range(
        0,
        0,
        0,
        10,
        "STATUS DESA BERDASARKAN INDEKS DESA MEMBANGUN (IDM)",
        &fm.title,
    )?;
    ws.merge_range(1, 0, 1, 10, &format!("TAHUN {year}"), &fm.title)?;
    let header = [
        "NO",
        "KODE DESA",
        "PROVINSI",
        "KABUPATEN",
        "KECAMATAN",
        "NAMA DESA",
        "IKS",
        "IKE",
        "IKL",
        "IDM",
        "STATUS",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(IDM_HEADER_ROW, c as u16, *h, &fm.header)?;
        ws.write_number_with_format(IDM_HEADER_ROW + 1, c as u16, (c + 1) as f64, &fm.header)?;
    }
    ws.set_freeze_panes(IDM_HEADER_ROW + 2, 0)?;
    for (i, v) in data.villages.iter().enumerate() {
        let r = IDM_FIRST_ROW + i as u32;
        ws.write_number_with_format(r, 0, v.no as f64, &fm.center)?;
        ws.write_string_with_format(r, 1, &v.kode, &fm.center)?;
        ws.write_string_with_format(r, 2, v.provinsi, &fm.text)?;
        ws.write_string_with_format(r, 3, &data.kabupaten[v.kabupaten], &fm.text)?;
        ws.write_string_with_format(r, 4, &data.kecamatan[v.kecamatan], &fm.text)?;
        ws.write_string_with_format(r, 5, &v.name, &fm.text)?;
        ws.write_number_with_format(r, 6, f(v.iks), &fm.index)?;
        ws.write_number_with_format(r, 7, f(v.ike), &fm.index)?;
        ws.write_number_with_format(r, 8, f(v.ikl), &fm.index)?;
        ws.write_number_with_format(r, 9, f(v.idm), &fm.index)?;
        ws.write_string_with_format(r, 10, v.status, &fm.text)?;
    }
    let note_row = IDM_FIRST_ROW + data.villages.len() as u32 + 1;
    ws.write_string(
        note_row,
        0,
        format!("Sumber Data : Kementerian Desa, PDT dan Transmigrasi, IDM {year}"),
    )?;

    let ws = wb.add_worksheet().set_name(&files.rekap_sheet)?;
    widths(ws, &[24.0, 12.0, 12.0])?;
    ws.merge_range(0, 0, 0, 2, "DATA INDEKS DESA MEMBANGUN (IDM)", &fm.title)?;
    ws.merge_range(1, 0, 1, 2, &format!("TAHUN {year}"), &fm.title)?;
    let hr = REKAP_HEADER_ROW;
    ws.merge_range(hr, 0, hr + 1, 0, "KLASIFIKASI IDM", &fm.header)?;
    ws.merge_range(hr, 1, hr, 2, "", &fm.header)?;
    ws.write_number_with_format(hr, 1, f64::from(year), &fm.header)?;
    ws.write_string_with_format(hr + 1, 1, "JUMLAH", &fm.header)?;
    ws.write_string_with_format(hr + 1, 2, "%", &fm.header)?;
    for (i, (label, count, pct)) in data.rekap.iter().enumerate() {
        let r = REKAP_FIRST_ROW + i as u32;
        ws.write_string_with_format(r, 0, *label, &fm.text)?;
        ws.write_number_with_format(r, 1, *count as f64, &fm.center)?;
        ws.write_number_with_format(r, 2, f(*pct), &fm.pct2)?;
    }
    let r = REKAP_FIRST_ROW + data.rekap.len() as u32;
    ws.write_string_with_format(r, 0, "JUMLAH", &fm.bold_text)?;
    ws.write_number_with_format(r, 1, data.rekap_total.0 as f64, &fm.bold_money)?;
    ws.write_number_with_format(r, 2, f(data.rekap_total.1), &fm.bold_pct2)?;
    ws.write_string(
        r + 2,
        0,
        "Sumber Data : Dinas Pemberdayaan Masyarakat dan Desa",
    )?;
    wb.save(dir.join(&files.idm))
}

fn write_budget(dir: &Path, year: u16, data: &Data, fm: &Formats) -> Result<(), XlsxError> {
    let files = Files::new(year);
    let mut wb = workbook()?;
    let ws = wb.add_worksheet().set_name(&files.budget_sheet)?;
    widths(ws, &[70.0, 20.0, 20.0, 8.0])?;
    let bold = Format::new().set_bold();
    ws.write_string_with_format(0, 0, "Tabel 3.4", &bold)?;
    ws.write_string_with_format(
        1,
        0,
        format!("Realisasi Capaian Program dan Kegiatan Tahun {year}"),
        &bold,
    )?;
    for (c, h) in [
        "PROGRAM/KEGIATAN",
        "PAGU ANGGARAN (Rp)",
        "REALISASI (Rp)",
        "%",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(BUDGET_HEADER_ROW, c as u16, *h, &fm.header)?;
    }
    let mut r = BUDGET_HEADER_ROW + 1;
    for p in &data.programs {
        ws.write_string_with_format(r, 0, format!("PROGRAM {}", p.name), &fm.bold_text)?;
        for c in 1..4 {
            ws.write_blank(r, c, &fm.text)?;
        }
        r += 1;
        for k in &p.kegiatan {
            ws.write_string_with_format(r, 0, &k.name, &fm.text)?;
            ws.write_number_with_format(r, 1, k.pagu as f64, &fm.money)?;
            ws.write_number_with_format(r, 2, k.realisasi as f64, &fm.money)?;
            ws.write_number_with_format(r, 3, f(k.pct), &fm.pct0)?;
            r += 1;
        }
    }
    let (pagu, realisasi, pct) = data.budget_total;
    ws.write_string_with_format(r, 0, "JUMLAH", &fm.bold_text)?;
    ws.write_number_with_format(r, 1, pagu as f64, &fm.bold_money)?;
    ws.write_number_with_format(r, 2, realisasi as f64, &fm.bold_money)?;
    ws.write_number_with_format(r, 3, f(pct), &fm.bold_pct0)?;
    wb.save(dir.join(&files.budget))
}

fn write_pk(dir: &Path, year: u16, data: &Data, fm: &Formats) -> Result<(), XlsxError> {
    let files = Files::new(year);
    let mut wb = workbook()?;
    let ws = wb.add_worksheet().set_name(&files.pk_sheet)?;
    widths(ws, &[6.0, 70.0, 22.0, 10.0])?;
    ws.merge_range(
        0,
        0,
        0,
        3,
        &format!("PERJANJIAN KINERJA TAHUN {year}"),
        &fm.title,
    )?;
    ws.merge_range(1, 0, 1, 3, "ANGGARAN PROGRAM", &fm.title)?;
    for (c, h) in ["No.", "Program", "Anggaran (Rp.)", "Ket"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(PK_HEADER_ROW, c as u16, *h, &fm.header)?;
    }
    let mut r = PK_HEADER_ROW + 1;
    for (i, (p, amount)) in data.programs.iter().zip(&data.pk).enumerate() {
        ws.write_string_with_format(r, 0, format!("{}.", i + 1), &fm.center)?;
        ws.write_string_with_format(r, 1, &p.name, &fm.text)?;
        ws.write_number_with_format(r, 2, *amount as f64, &fm.money)?;
        ws.write_string_with_format(r, 3, "APBD", &fm.center)?;
        r += 1;
    }
    ws.write_blank(r, 0, &fm.text)?;
    ws.write_string_with_format(r, 1, "Jumlah", &fm.bold_text)?;
    ws.write_number_with_format(r, 2, data.pk_total as f64, &fm.bold_money)?;
    ws.write_blank(r, 3, &fm.text)?;
    ws.write_string(r + 1, 0, &data.terbilang)?;
    wb.save(dir.join(&files.pk))
}

fn manifest(args: &Args, data: &Data, injected: &[Injected]) -> String {
    let kegiatan: usize = data.programs.iter().map(|p| p.kegiatan.len()).sum();
    let errors: Vec<serde_json::Value> = injected
        .iter()
        .map(|e| {
            serde_json::json!({
                "kind": e.kind.name(),
                "file": e.file,
                "sheet": e.sheet,
                "cell": e.cell,
                "right": e.right,
                "written": e.written,
            })
        })
        .collect();
    let doc = serde_json::json!({
        "generator": "examples/workload.rs",
        "seed": args.seed,
        "year": args.year,
        "villages": data.villages.len(),
        "provinces": data.villages.iter().map(|v| v.provinsi).collect::<HashSet<_>>().len(),
        "kabupaten": data.kabupaten.len(),
        "kecamatan": data.kecamatan.len(),
        "programs": data.programs.len(),
        "kegiatan": kegiatan,
        "rekap": data.rekap.iter().map(|(s, n, p)| serde_json::json!({"status": s, "count": n, "percent": p.to_string()})).collect::<Vec<_>>(),
        "budget_total": {"pagu": data.budget_total.0, "realisasi": data.budget_total.1, "percent": data.budget_total.2.to_string()},
        "pk_total": data.pk_total,
        "pk_total_rupiah": rupiah(data.pk_total),
        "errors": errors,
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("JSON of plain data");
    let _ = writeln!(s);
    s
}

fn main() -> Result<(), Box<dyn Error>> {
    let args = Args::parse();
    std::fs::create_dir_all(&args.dir)?;
    let (data, injected) = build(&args);
    let fm = Formats::new();
    write_idm(&args.dir, args.year, &data, &fm)?;
    write_budget(&args.dir, args.year, &data, &fm)?;
    write_pk(&args.dir, args.year, &data, &fm)?;
    std::fs::write(
        args.dir.join("workload.json"),
        manifest(&args, &data, &injected),
    )?;
    eprintln!(
        "workload: {} villages ({} kecamatan, {} kabupaten), {} kegiatan in {} programs, {} errors -> {}",
        data.villages.len(),
        data.kecamatan.len(),
        data.kabupaten.len(),
        data.programs.iter().map(|p| p.kegiatan.len()).sum::<usize>(),
        data.programs.len(),
        injected.len(),
        args.dir.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terbilang_reads_like_the_seed() {
        assert_eq!(
            terbilang(6_796_834_585),
            "enam miliar tujuh ratus sembilan puluh enam juta delapan ratus tiga puluh empat ribu lima ratus delapan puluh lima"
        );
        assert_eq!(terbilang(1_011_000), "satu juta sebelas ribu");
        assert_eq!(terbilang(1_100), "seribu seratus");
        assert_eq!(terbilang(112_019), "seratus dua belas ribu sembilan belas");
    }

    #[test]
    fn statuses_follow_the_bands() {
        assert_eq!(status(dec("0.4907")), "SANGAT TERTINGGAL");
        assert_eq!(status(dec("0.4908")), "TERTINGGAL");
        assert_eq!(status(dec("0.8155")), "MAJU");
        assert_eq!(status(dec("0.8156")), "MANDIRI");
    }

    #[test]
    fn split_keeps_the_total() {
        let mut rng = Rng::new(7, 0);
        for (n, parts) in [(221, 2), (10, 10), (75_000, 38), (5, 1)] {
            let s = split(&mut rng, n, parts);
            assert_eq!(s.iter().sum::<usize>(), n);
            assert!(s.iter().all(|&x| x >= 1));
        }
    }

    #[test]
    fn a1_addresses() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(9, 26), "AA10");
    }
}
