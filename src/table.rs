//! The tables the tool knows: their kinds (with the stable names of the JSON
//! contract), their columns, and the header words that find them. Shared by the
//! reading stage (which locates tables) and the model stage (which interprets them).

use crate::number::NumberKind;
use serde::Serialize;

/// A kind of table, named as in the `check --format json` contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    IdmDesa,
    IdmRekap,
    IndeksDesa,
    IndeksDesaRekap,
    Anggaran,
    PkTarget,
    PkAnggaran,
    Iku,
    Capaian,
    Pembiayaan,
    Personil,
    Lembaga,
    Rkt,
    EvaluasiRenja,
    /// A SIPD realisation export (Rekapitulasi Belanja menurut Urusan, Organisasi,
    /// Program, Kegiatan dan Sub Kegiatan): recognised by what its columns hold.
    SipdRealisasi,
    /// A table of no known kind: its structure alone is judged.
    Tabel,
}

impl TableKind {
    pub const ALL: [TableKind; 16] = [
        TableKind::IdmDesa,
        TableKind::IdmRekap,
        TableKind::IndeksDesa,
        TableKind::IndeksDesaRekap,
        TableKind::Anggaran,
        TableKind::PkTarget,
        TableKind::PkAnggaran,
        TableKind::Iku,
        TableKind::Capaian,
        TableKind::Pembiayaan,
        TableKind::Personil,
        TableKind::Lembaga,
        TableKind::Rkt,
        TableKind::EvaluasiRenja,
        TableKind::SipdRealisasi,
        TableKind::Tabel,
    ];

    /// The stable name used in JSON and in the config (`[headers.anggaran]`).
    pub fn name(self) -> &'static str {
        match self {
            TableKind::IdmDesa => "idm_desa",
            TableKind::IdmRekap => "idm_rekap",
            TableKind::IndeksDesa => "indeks_desa",
            TableKind::IndeksDesaRekap => "indeks_desa_rekap",
            TableKind::Anggaran => "anggaran",
            TableKind::PkTarget => "pk_target",
            TableKind::PkAnggaran => "pk_anggaran",
            TableKind::Iku => "iku",
            TableKind::Capaian => "capaian",
            TableKind::Pembiayaan => "pembiayaan",
            TableKind::Personil => "personil",
            TableKind::Lembaga => "lembaga",
            TableKind::Rkt => "rkt",
            TableKind::EvaluasiRenja => "evaluasi_renja",
            TableKind::SipdRealisasi => "sipd_realisasi",
            TableKind::Tabel => "tabel",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// What an office calls the table, for messages.
    pub fn title(self) -> &'static str {
        match self {
            TableKind::IdmDesa => "Status desa berdasarkan IDM",
            TableKind::IdmRekap => "Rekap klasifikasi IDM",
            TableKind::IndeksDesa => "Status desa berdasarkan Indeks Desa",
            TableKind::IndeksDesaRekap => "Rekap status Indeks Desa",
            TableKind::Anggaran => "Realisasi anggaran",
            TableKind::PkTarget => "Target Perjanjian Kinerja",
            TableKind::PkAnggaran => "Anggaran program Perjanjian Kinerja",
            TableKind::Iku => "Indikator Kinerja Utama",
            TableKind::Capaian => "Capaian IKU",
            TableKind::Pembiayaan => "Pembiayaan",
            TableKind::Personil => "Personil",
            TableKind::Lembaga => "Capaian lembaga kemasyarakatan",
            TableKind::Rkt => "Rencana Kinerja Tahunan",
            TableKind::EvaluasiRenja => "Evaluasi hasil Renja Perangkat Daerah",
            TableKind::SipdRealisasi => "Realisasi belanja SIPD",
            TableKind::Tabel => "Tabel (jenis lain)",
        }
    }

    /// The columns of this kind, in the order they are matched.
    pub fn columns(self) -> &'static [ColumnSpec] {
        match self {
            TableKind::IdmDesa => IDM_DESA,
            TableKind::IdmRekap => IDM_REKAP,
            TableKind::IndeksDesa => INDEKS_DESA,
            TableKind::IndeksDesaRekap => INDEKS_DESA_REKAP,
            TableKind::Anggaran => ANGGARAN,
            TableKind::PkTarget => PK_TARGET,
            TableKind::PkAnggaran => PK_ANGGARAN,
            TableKind::Iku => IKU,
            TableKind::Capaian => CAPAIAN,
            TableKind::Pembiayaan => PEMBIAYAAN,
            TableKind::Personil => PERSONIL,
            TableKind::Lembaga => LEMBAGA,
            TableKind::Rkt => RKT,
            TableKind::EvaluasiRenja => EVALUASI_RENJA,
            TableKind::SipdRealisasi => SIPD_REALISASI,
            // Read by its structure alone: what each column holds, its rows' levels.
            TableKind::Tabel => &[],
        }
    }

    /// Whether a header's words alone find this kind. A SIPD export's header
    /// (`Kode | Uraian | Anggaran | Realisasi`) is that of many a hand-typed
    /// table: it is told by its rows' codes (`structure::sipd`), its words only
    /// naming its columns.
    pub fn by_header(self) -> bool {
        !matches!(self, TableKind::SipdRealisasi | TableKind::Tabel)
    }

    /// How a kind not found by its header words alone is recognised, for the
    /// catalogue of kinds.
    pub fn recognised_by(self) -> Option<&'static str> {
        match self {
            TableKind::SipdRealisasi => Some(
                "Recognised by what its columns hold: codes of the Kepmendagri 050-5889 hierarchy (program, kegiatan, sub kegiatan) with the organisation's code row or the accounts under the sub kegiatan, in one or several columns, an uraian, and money columns in `Anggaran | Realisasi` pairs (per kelompok belanja or one pair for the total). The header words below name the columns; a table of kind `anggaran` or `tabel` whose rows hold such codes is read as this kind.",
            ),
            _ => None,
        }
    }

    /// Columns this kind's own rules compute from the others (PCT010 the
    /// realisation's %): a numbering row stating the same arithmetic is not checked
    /// a second time.
    pub fn computed(self) -> &'static [Col] {
        match self {
            TableKind::Anggaran | TableKind::IdmRekap => &[Col::Persen],
            TableKind::IdmDesa => &[Col::Idm],
            TableKind::Capaian => &[Col::Capaian],
            _ => &[],
        }
    }

    /// Columns whose figures this kind's own rules judge (its sums, percentages and
    /// ranges: SUM010–012 the realisation's pagu and realisasi, PCT010 its %, SUM030
    /// and ARI001 the Evaluasi Renja's K and Rp …): the structural rules that judge
    /// any table (STR…) leave them to those rules and judge the table's other columns.
    pub fn checked(self) -> &'static [Col] {
        match self {
            TableKind::IdmDesa => &[Col::Iks, Col::Ike, Col::Ikl, Col::Idm],
            TableKind::IndeksDesa => &[
                Col::Dld,
                Col::Ds,
                Col::De,
                Col::Dl,
                Col::Da,
                Col::Dtkpd,
                Col::Skor,
            ],
            TableKind::IdmRekap | TableKind::IndeksDesaRekap => &[Col::Jumlah, Col::Persen],
            TableKind::Anggaran => &[Col::Pagu, Col::Realisasi, Col::Persen],
            TableKind::PkTarget => &[Col::Target],
            TableKind::PkAnggaran => &[Col::AnggaranAwal, Col::Anggaran],
            TableKind::Iku => &[Col::Target],
            TableKind::Capaian => &[
                Col::Target,
                Col::Realisasi,
                Col::Capaian,
                Col::RealisasiLalu,
                Col::TargetAkhir,
            ],
            TableKind::Pembiayaan => &[Col::Jumlah],
            TableKind::Personil => &[Col::JmlJabatan, Col::JmlPangkat, Col::JmlPendidikan],
            TableKind::Lembaga => &[Col::Nilai],
            TableKind::Rkt => &[Col::SasaranTarget, Col::KegiatanTarget],
            TableKind::EvaluasiRenja => &[Col::Kinerja, Col::Rupiah],
            // Its sums along the code hierarchy are the structure family's; a
            // row's kelompok and its % are SPD001/SPD002's.
            TableKind::SipdRealisasi => &[Col::Persen],
            TableKind::Tabel => &[],
        }
    }

    /// Columns that repeat under every numbered group of the header (the Evaluasi
    /// Renja's `K | Rp` under each of columns 6–15): every header cell with their
    /// words is a column, not only the first.
    pub fn repeated(self) -> &'static [Col] {
        match self {
            TableKind::EvaluasiRenja => &[Col::Kinerja, Col::Persen, Col::Rupiah],
            _ => &[],
        }
    }
}

/// A column's meaning within its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Col {
    No,
    Desa,
    Kecamatan,
    Kabupaten,
    Provinsi,
    KodeDesa,
    KodeKecamatan,
    KodeKabupaten,
    KodeProvinsi,
    Idm,
    Status,
    Iks,
    Ike,
    Ikl,
    Dld,
    Ds,
    De,
    Dl,
    Da,
    Dtkpd,
    Skor,
    Klasifikasi,
    Jumlah,
    Persen,
    Uraian,
    Pagu,
    Realisasi,
    Tujuan,
    IndikatorTujuan,
    Sasaran,
    Indikator,
    Formulasi,
    Satuan,
    Target,
    Capaian,
    Kategori,
    Polaritas,
    RealisasiLalu,
    TargetAkhir,
    Program,
    AnggaranAwal,
    Anggaran,
    Ket,
    Jabatan,
    JmlJabatan,
    Pangkat,
    JmlPangkat,
    Pendidikan,
    JmlPendidikan,
    Nilai,
    SasaranIndikator,
    SasaranSatuan,
    SasaranTarget,
    Prog,
    Kegiatan,
    KegiatanIndikator,
    KegiatanSatuan,
    KegiatanTarget,
    Kode,
    Kinerja,
    Rupiah,
    UnitPenanggungJawab,
}

impl Col {
    /// The config key of this column (`[headers.anggaran] pagu = [...]`).
    pub fn name(self) -> &'static str {
        match self {
            Col::No => "no",
            Col::Desa => "desa",
            Col::Kecamatan => "kecamatan",
            Col::Kabupaten => "kabupaten",
            Col::Provinsi => "provinsi",
            Col::KodeDesa => "kode_desa",
            Col::KodeKecamatan => "kode_kecamatan",
            Col::KodeKabupaten => "kode_kabupaten",
            Col::KodeProvinsi => "kode_provinsi",
            Col::Idm => "idm",
            Col::Status => "status",
            Col::Iks => "iks",
            Col::Ike => "ike",
            Col::Ikl => "ikl",
            Col::Dld => "dld",
            Col::Ds => "ds",
            Col::De => "de",
            Col::Dl => "dl",
            Col::Da => "da",
            Col::Dtkpd => "dtkpd",
            Col::Skor => "skor",
            Col::Klasifikasi => "klasifikasi",
            Col::Jumlah => "jumlah",
            Col::Persen => "persen",
            Col::Uraian => "uraian",
            Col::Pagu => "pagu",
            Col::Realisasi => "realisasi",
            Col::Tujuan => "tujuan",
            Col::IndikatorTujuan => "indikator_tujuan",
            Col::Sasaran => "sasaran",
            Col::Indikator => "indikator",
            Col::Formulasi => "formulasi",
            Col::Satuan => "satuan",
            Col::Target => "target",
            Col::Capaian => "capaian",
            Col::Kategori => "kategori",
            Col::Polaritas => "polaritas",
            Col::RealisasiLalu => "realisasi_lalu",
            Col::TargetAkhir => "target_akhir",
            Col::Program => "program",
            Col::AnggaranAwal => "anggaran_awal",
            Col::Anggaran => "anggaran",
            Col::Ket => "ket",
            Col::Jabatan => "jabatan",
            Col::JmlJabatan => "jml_jabatan",
            Col::Pangkat => "pangkat",
            Col::JmlPangkat => "jml_pangkat",
            Col::Pendidikan => "pendidikan",
            Col::JmlPendidikan => "jml_pendidikan",
            Col::Nilai => "nilai",
            Col::SasaranIndikator => "sasaran_indikator",
            Col::SasaranSatuan => "sasaran_satuan",
            Col::SasaranTarget => "sasaran_target",
            Col::Prog => "prog",
            Col::Kegiatan => "kegiatan",
            Col::KegiatanIndikator => "kegiatan_indikator",
            Col::KegiatanSatuan => "kegiatan_satuan",
            Col::KegiatanTarget => "kegiatan_target",
            Col::Kode => "kode",
            Col::Kinerja => "kinerja",
            Col::Rupiah => "rupiah",
            Col::UnitPenanggungJawab => "unit_penanggung_jawab",
        }
    }
}

/// Where a column's year comes from, for columns repeated once per year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearIn {
    /// Not a per-year column.
    None,
    /// The header word carries the year (`{angka_tahun}` in the words: `2023`, `TARGET 2023`).
    Label,
    /// The group header above the column is the year (`2022` over `JUMLAH | %`).
    Group,
    /// A measure that may repeat once per year, its year ending the header
    /// (`NILAI IDM 2023`) or standing in a group row above it (`2023` over `IKS`),
    /// or that has no year at all (`IDM`).
    Optional,
}

/// One column of a table kind: how to find it and what it holds.
#[derive(Debug, Clone, Copy)]
pub struct ColumnSpec {
    pub col: Col,
    /// Built-in header words (normalized: upper case, punctuation as spaces). The
    /// placeholders `{tahun}`, `{tahun_lalu}` and `{angka_tahun}` stand for the
    /// report year, the year before and any year.
    pub words: &'static [&'static str],
    /// Group header words the column must sit under (empty: any or none).
    pub group: &'static [&'static str],
    pub required: bool,
    /// `None` for text columns.
    pub number: Option<NumberKind>,
    pub year: YearIn,
    /// The column must stand to the right of this one (`JML` after `PANGKAT`).
    pub after: Option<Col>,
}

const fn text(col: Col, words: &'static [&'static str], required: bool) -> ColumnSpec {
    ColumnSpec {
        col,
        words,
        group: &[],
        required,
        number: None,
        year: YearIn::None,
        after: None,
    }
}

const fn num(
    col: Col,
    words: &'static [&'static str],
    required: bool,
    kind: NumberKind,
) -> ColumnSpec {
    ColumnSpec {
        col,
        words,
        group: &[],
        required,
        number: Some(kind),
        year: YearIn::None,
        after: None,
    }
}

/// A village index's measure: a number that may repeat once per year.
const fn measure(col: Col, words: &'static [&'static str], required: bool) -> ColumnSpec {
    per_year(num(col, words, required, Index), YearIn::Optional, &[])
}

/// A village table's status, which may repeat once per year.
const fn status(words: &'static [&'static str]) -> ColumnSpec {
    per_year(text(Col::Status, words, true), YearIn::Optional, &[])
}

const fn after(mut spec: ColumnSpec, col: Col) -> ColumnSpec {
    spec.after = Some(col);
    spec
}

const fn per_year(
    mut spec: ColumnSpec,
    year: YearIn,
    group: &'static [&'static str],
) -> ColumnSpec {
    spec.year = year;
    spec.group = group;
    spec
}

use NumberKind::{Count, Index, Measure, Money, Percent};

const NO: &[&str] = &["NO", "NOMOR", "NO URUT"];

/// The columns naming a village: the same in every village-index table.
macro_rules! village_identity {
    () => {
        [
            text(Col::No, NO, false),
            // Codes are identifiers: read as text, never as numbers (`3604052001.0`).
            text(
                Col::KodeDesa,
                &["KODE DESA", "KODE KAMPUNG", "KODE WILAYAH", "KODE"],
                false,
            ),
            text(Col::KodeKecamatan, &["KODE KEC", "KODE KECAMATAN"], false),
            text(
                Col::KodeKabupaten,
                &[
                    "KODE KAB",
                    "KODE KABUPATEN",
                    "KODE KAB KOTA",
                    "KODE KABUPATEN KOTA",
                ],
                false,
            ),
            text(Col::KodeProvinsi, &["KODE PROV", "KODE PROVINSI"], false),
            text(
                Col::Provinsi,
                &["PROVINSI", "NAMA PROVINSI", "NAMA PROV"],
                false,
            ),
            text(
                Col::Kabupaten,
                &[
                    "KABUPATEN",
                    "KABUPATEN KOTA",
                    "KAB KOTA",
                    "NAMA KABUPATEN",
                    "NAMA KABUPATEN KOTA",
                    "NAMA KAB KOTA",
                    "NAMA KAB",
                ],
                false,
            ),
            text(
                Col::Kecamatan,
                &["KECAMATAN", "NAMA KECAMATAN", "NAMA KEC"],
                true,
            ),
            text(
                Col::Desa,
                &[
                    "NAMA DESA",
                    "DESA",
                    "KAMPUNG",
                    "NAMA KAMPUNG",
                    "NAMA DESA KAMPUNG",
                    "DESA KAMPUNG",
                    "DESA KELURAHAN",
                ],
                true,
            ),
        ]
    };
}

const VILLAGE_IDENTITY: [ColumnSpec; 9] = village_identity!();

static IDM_DESA: &[ColumnSpec] = &[
    VILLAGE_IDENTITY[0],
    VILLAGE_IDENTITY[1],
    VILLAGE_IDENTITY[2],
    VILLAGE_IDENTITY[3],
    VILLAGE_IDENTITY[4],
    VILLAGE_IDENTITY[5],
    VILLAGE_IDENTITY[6],
    VILLAGE_IDENTITY[7],
    VILLAGE_IDENTITY[8],
    measure(Col::Iks, &["IKS", "NILAI IKS"], false),
    measure(Col::Ike, &["IKE", "NILAI IKE"], false),
    measure(Col::Ikl, &["IKL", "NILAI IKL"], false),
    measure(
        Col::Idm,
        &[
            "IDM",
            "NILAI IDM",
            "SKOR IDM",
            "NILAI IDM TAHUN",
            "IDM TAHUN",
        ],
        true,
    ),
    status(&[
        "STATUS",
        "STATUS DESA",
        "STATUS IDM",
        "STATUS IDM TAHUN",
        "STATUS DESA TAHUN",
    ]),
];

impl Col {
    /// The measures of a village table that repeat once per year.
    pub fn is_village_measure(self) -> bool {
        matches!(
            self,
            Col::Iks
                | Col::Ike
                | Col::Ikl
                | Col::Idm
                | Col::Status
                | Col::Dld
                | Col::Ds
                | Col::De
                | Col::Dl
                | Col::Da
                | Col::Dtkpd
                | Col::Skor
        )
    }

    /// The village-list kinds: one per index profile.
    pub fn is_village_list(kind: TableKind) -> bool {
        matches!(kind, TableKind::IdmDesa | TableKind::IndeksDesa)
    }
}

/// A header text without its trailing number, and that number as a year when it
/// is one (`NILAI IDM 2023` → `NILAI IDM`, 2023; `IDM 20233` → `IDM`, no year).
/// The number is stripped either way, so a mistyped year still names its column
/// and is reported rather than leaving the column unrecognised.
pub fn split_year(normalized: &str) -> (&str, Option<i32>, bool) {
    match normalized.rsplit_once(' ') {
        Some((stem, last)) if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) => {
            let year = last
                .parse::<i32>()
                .ok()
                .filter(|y| last.len() == 4 && (1900..=2100).contains(y));
            (stem, year, true)
        }
        _ => (normalized, None, false),
    }
}

/// The Indeks Desa (Permendesa PDTT 9/2024): six dimension scores, the total and
/// the status; header words as seen in the ministry's and offices' files.
static INDEKS_DESA: &[ColumnSpec] = &[
    VILLAGE_IDENTITY[0],
    VILLAGE_IDENTITY[1],
    VILLAGE_IDENTITY[2],
    VILLAGE_IDENTITY[3],
    VILLAGE_IDENTITY[4],
    VILLAGE_IDENTITY[5],
    VILLAGE_IDENTITY[6],
    VILLAGE_IDENTITY[7],
    VILLAGE_IDENTITY[8],
    measure(
        Col::Dld,
        &["DLD", "LAYANAN DASAR", "DIMENSI LAYANAN DASAR", "SKOR DLD"],
        false,
    ),
    measure(
        Col::Ds,
        &["DS", "SOSIAL", "DIMENSI SOSIAL", "SKOR DS"],
        false,
    ),
    measure(
        Col::De,
        &["DE", "EKONOMI", "DIMENSI EKONOMI", "SKOR DE"],
        false,
    ),
    measure(
        Col::Dl,
        &["DL", "LINGKUNGAN", "DIMENSI LINGKUNGAN", "SKOR DL"],
        false,
    ),
    measure(
        Col::Da,
        &["DA", "AKSESIBILITAS", "DIMENSI AKSESIBILITAS", "SKOR DA"],
        false,
    ),
    measure(
        Col::Dtkpd,
        &[
            "DTKPD",
            "TATA KELOLA PEMERINTAHAN DESA",
            "DIMENSI TATA KELOLA PEMERINTAHAN DESA",
            "SKOR DTKPD",
        ],
        false,
    ),
    measure(
        Col::Skor,
        &[
            "SKOR INDEKS DESA",
            "NILAI INDEKS DESA",
            "INDEKS DESA",
            "SKOR ID",
            "NILAI ID",
            "ID",
        ],
        true,
    ),
    status(&[
        "STATUS",
        "STATUS DESA",
        "STATUS ID",
        "STATUS INDEKS DESA",
        "STATUS DESA TAHUN",
    ]),
];

/// The summary per Indeks Desa status: told from the IDM's by its header naming
/// the Indeks Desa.
static INDEKS_DESA_REKAP: &[ColumnSpec] = &[
    text(
        Col::Klasifikasi,
        &[
            "STATUS ID",
            "STATUS INDEKS DESA",
            "KLASIFIKASI INDEKS DESA",
            "KLASIFIKASI ID",
            "STATUS DESA INDEKS DESA",
        ],
        true,
    ),
    IDM_REKAP[1],
    IDM_REKAP[2],
];

static IDM_REKAP: &[ColumnSpec] = &[
    text(
        Col::Klasifikasi,
        &[
            "KLASIFIKASI IDM",
            "KLASIFIKASI",
            "STATUS DESA",
            "STATUS IDM",
            "STATUS",
        ],
        true,
    ),
    per_year(
        num(Col::Jumlah, &["JUMLAH", "JML", "JUMLAH DESA"], true, Count),
        YearIn::Group,
        &[],
    ),
    per_year(
        num(Col::Persen, &["%", "PERSENTASE", "PERSEN"], false, Percent),
        YearIn::Group,
        &[],
    ),
];

static ANGGARAN: &[ColumnSpec] = &[
    text(Col::No, NO, false),
    // Words of real published tables (tests/integration/headers.rs names them):
    // a label holding one of them over the right cells counts too.
    text(
        Col::Uraian,
        &[
            "PROGRAM KEGIATAN",
            "URAIAN",
            "PROGRAM KEGIATAN SUB KEGIATAN",
            "PROGRAM DAN KEGIATAN",
            "NAMA PROGRAM KEGIATAN",
            "NAMA KEGIATAN",
            "URAIAN KEGIATAN",
            "KEGIATAN SUB KEGIATAN",
            "SUB KEGIATAN",
            "NAMA PROGRAM KEGIATAN SUB KEGIATAN",
            "PROGRAM KINERJA",
            "KEGIATAN",
        ],
        true,
    ),
    num(
        Col::Pagu,
        &[
            "PAGU ANGGARAN RP",
            "PAGU ANGGARAN",
            "PAGU",
            "ANGGARAN",
            "ANGGARAN RP",
            "PAGU RP",
            "ALOKASI ANGGARAN",
            "ALOKASI DANA",
            "ALOKASI",
            "PAGU DPA",
            "DPA",
            "JUMLAH DANA",
            "ANGGARAN SETELAH PERUBAHAN",
            "TARGET ANGGARAN",
            "TARGET KEUANGAN",
        ],
        true,
        Money,
    ),
    num(
        Col::Realisasi,
        &[
            "REALISASI RP",
            "REALISASI",
            "REALISASI ANGGARAN",
            "REALISASI ANGGARAN RP",
            "REALISASI KEUANGAN",
            "REALISASI BELANJA",
            "SERAPAN ANGGARAN",
            "SERAPAN",
        ],
        true,
        Money,
    ),
    num(
        Col::Persen,
        &[
            "%",
            "PERSENTASE",
            "CAPAIAN %",
            "CAPAIAN",
            "REALISASI %",
            "PERSEN",
            "PERSENTASE REALISASI",
            "PERSENTASE SERAPAN",
            "SERAPAN %",
            "% SERAPAN",
            "% REALISASI",
            "CAPAIAN REALISASI ANGGARAN",
            "CAPAIAN REALISASI ANGGARAN %",
            "TINGKAT SERAPAN",
            "PROSENTASE",
            // A common misspelling (a village's APBDes realisation).
            "PRESENTASE",
        ],
        false,
        Percent,
    ),
];

static PK_TARGET: &[ColumnSpec] = &[
    text(Col::No, NO, false),
    text(Col::Sasaran, &["SASARAN STRATEGIS", "SASARAN"], true),
    text(
        Col::Indikator,
        &[
            "INDIKATOR KINERJA",
            "INDIKATOR SASARAN",
            "INDIKATOR KINERJA SASARAN",
        ],
        true,
    ),
    text(
        Col::Formulasi,
        &["FORMULASI", "PENJELASAN FORMULASI", "FORMULA"],
        false,
    ),
    text(Col::Satuan, &["SATUAN"], false),
    num(
        Col::Target,
        &["TARGET", "TARGET {tahun}", "TARGET TAHUN {tahun}"],
        true,
        Measure,
    ),
];

static PK_ANGGARAN: &[ColumnSpec] = &[
    text(Col::No, NO, false),
    text(Col::Program, &["PROGRAM", "NAMA PROGRAM"], true),
    num(
        Col::AnggaranAwal,
        &[
            "SEBELUM PERUBAHAN",
            "ANGGARAN RP SEBELUM PERUBAHAN",
            "ANGGARAN MURNI",
        ],
        false,
        Money,
    ),
    num(
        Col::Anggaran,
        &[
            "ANGGARAN RP",
            "ANGGARAN",
            "PAGU ANGGARAN",
            "PAGU",
            "SETELAH PERUBAHAN",
            "SETELAH PERUBAHAN REFOCUSING",
            "ANGGARAN RP SETELAH PERUBAHAN REFOCUSING",
            "ANGGARAN RP SETELAH PERUBAHAN",
        ],
        true,
        Money,
    ),
    text(Col::Ket, &["KET", "KETERANGAN", "SUMBER DANA"], false),
];

static IKU: &[ColumnSpec] = &[
    text(Col::No, NO, false),
    text(Col::Tujuan, &["TUJUAN SKPD", "TUJUAN", "TUJUAN PD"], false),
    text(Col::IndikatorTujuan, &["INDIKATOR TUJUAN"], false),
    text(Col::Sasaran, &["SASARAN STRATEGIS", "SASARAN"], false),
    text(
        Col::Indikator,
        &[
            "INDIKATOR KINERJA",
            "INDIKATOR KINERJA UTAMA",
            "INDIKATOR SASARAN",
            "INDIKATOR",
        ],
        true,
    ),
    text(
        Col::Formulasi,
        &[
            "PENJELASAN FORMULASI",
            "FORMULASI",
            "PENJELASAN",
            "DEFINISI OPERASIONAL",
        ],
        false,
    ),
    text(Col::Satuan, &["SATUAN"], false),
    per_year(
        num(
            Col::Target,
            &[
                "{angka_tahun}",
                "TARGET {angka_tahun}",
                "TAHUN {angka_tahun}",
            ],
            true,
            Measure,
        ),
        YearIn::Label,
        &[
            "TARGET KINERJA SASARAN PADA TAHUN KE",
            "TARGET KINERJA PADA TAHUN KE",
            "TARGET KINERJA SASARAN PADA TAHUN",
            "TARGET KINERJA",
            "TARGET",
            "TARGET TAHUN",
        ],
    ),
];

static CAPAIAN: &[ColumnSpec] = &[
    text(Col::No, NO, false),
    text(Col::Sasaran, &["SASARAN", "SASARAN STRATEGIS"], false),
    text(
        Col::Indikator,
        &["INDIKATOR KINERJA UTAMA", "INDIKATOR KINERJA", "INDIKATOR"],
        true,
    ),
    text(Col::Satuan, &["SATUAN"], false),
    num(
        Col::Target,
        &["TARGET", "TARGET {tahun}", "TARGET TAHUN {tahun}"],
        true,
        Measure,
    ),
    num(
        Col::Realisasi,
        &[
            "REALISASI",
            "REALISASI {tahun}",
            "REALISASI TAHUN {tahun}",
            // Polewali Mandar's e-SAKIP.
            "HASIL",
        ],
        true,
        Measure,
    ),
    num(
        Col::Capaian,
        &[
            "CAPAIAN %",
            "% CAPAIAN",
            "CAPAIAN",
            "CAPAIAN {tahun}",
            "PERSENTASE CAPAIAN",
            "KINERJA %",
            "CAPAIAN KINERJA %",
        ],
        false,
        Percent,
    ),
    text(
        Col::Kategori,
        &["KATEGORI", "PREDIKAT", "KATEGORI CAPAIAN", "KRITERIA"],
        false,
    ),
    text(
        Col::Polaritas,
        &["POLARITAS", "POLARITAS INDIKATOR", "SIFAT"],
        false,
    ),
    num(
        Col::RealisasiLalu,
        &[
            "REALISASI {tahun_lalu}",
            "REALISASI TAHUN {tahun_lalu}",
            "REALISASI TAHUN LALU",
        ],
        false,
        Measure,
    ),
    num(
        Col::TargetAkhir,
        &[
            "TARGET AKHIR RENSTRA",
            "TARGET AKHIR RENSTRA {angka_tahun}",
            "TARGET RENSTRA {angka_tahun}",
            "TARGET AKHIR RENSTRA TAHUN {angka_tahun}",
        ],
        false,
        Measure,
    ),
];

static PEMBIAYAAN: &[ColumnSpec] = &[
    text(Col::No, NO, true),
    text(Col::Uraian, &["URAIAN", "JENIS BELANJA"], true),
    num(
        Col::Jumlah,
        &["JUMLAH", "JUMLAH RP", "ANGGARAN", "ANGGARAN RP"],
        true,
        Money,
    ),
    text(Col::Ket, &["KETERANGAN", "KET"], false),
];

static PERSONIL: &[ColumnSpec] = &[
    text(Col::No, NO, false),
    text(Col::Jabatan, &["JABATAN"], true),
    after(
        num(Col::JmlJabatan, &["JML", "JUMLAH"], true, Count),
        Col::Jabatan,
    ),
    text(
        Col::Pangkat,
        &[
            "PANGKAT GOL RUANG",
            "PANGKAT GOLONGAN",
            "PANGKAT",
            "GOLONGAN",
            "PANGKAT GOL",
        ],
        false,
    ),
    after(
        num(Col::JmlPangkat, &["JML", "JUMLAH"], false, Count),
        Col::Pangkat,
    ),
    text(Col::Pendidikan, &["PENDIDIKAN FORMAL", "PENDIDIKAN"], false),
    after(
        num(Col::JmlPendidikan, &["JML", "JUMLAH"], false, Count),
        Col::Pendidikan,
    ),
    text(Col::Ket, &["KET", "KETERANGAN"], false),
];

static LEMBAGA: &[ColumnSpec] = &[
    text(Col::Indikator, &["INDIKATOR"], true),
    per_year(
        num(
            Col::Nilai,
            &["{angka_tahun}", "TAHUN {angka_tahun}"],
            true,
            Measure,
        ),
        YearIn::Label,
        &[],
    ),
];

static RKT: &[ColumnSpec] = &[
    text(Col::Sasaran, &["SASARAN URAIAN", "SASARAN"], false),
    text(Col::SasaranIndikator, &["SASARAN INDIKATOR KINERJA"], false),
    text(Col::SasaranSatuan, &["SASARAN SATUAN"], false),
    num(
        Col::SasaranTarget,
        &["SASARAN RENCANA TINGKAT CAPAIAN TARGET", "SASARAN TARGET"],
        false,
        Measure,
    ),
    text(Col::Prog, &["PROG", "PROGRAM"], false),
    text(Col::Kegiatan, &["KEGIATAN URAIAN", "KEGIATAN"], true),
    text(
        Col::KegiatanIndikator,
        &["KEGIATAN INDIKATOR KINERJA"],
        false,
    ),
    text(Col::KegiatanSatuan, &["KEGIATAN SATUAN"], false),
    num(
        Col::KegiatanTarget,
        &[
            "KEGIATAN RENCANA TINGKAT CAPAIAN TARGET",
            "KEGIATAN TARGET",
            "KEGIATAN RENCANA TINGKAT CAPAIAN",
        ],
        true,
        Money,
    ),
    text(Col::Ket, &["KET", "KETERANGAN"], false),
];

static EVALUASI_RENJA: &[ColumnSpec] = &[
    text(Col::No, NO, false),
    text(
        Col::Sasaran,
        &["SASARAN", "SASARAN RENSTRA", "SASARAN PD"],
        false,
    ),
    text(Col::Kode, &["KODE", "KODE REKENING"], false),
    text(
        Col::Uraian,
        &[
            "URUSAN BIDANG URUSAN PEMERINTAHAN DAERAH DAN PROGRAM KEGIATAN",
            "URUSAN BIDANG URUSAN PEMERINTAH DAERAH DAN PROGRAM KEGIATAN",
            "PROGRAM KEGIATAN",
            "PROGRAM KEGIATAN SUB KEGIATAN",
            "URUSAN BIDANG URUSAN PEMERINTAHAN DAERAH DAN PROGRAM KEGIATAN SUB KEGIATAN",
            "URUSAN BIDANG URUSAN DAN PROGRAM KEGIATAN",
            "URUSAN BIDANG URUSAN DAN PROGRAM KEGIATAN SUB KEGIATAN",
            "URUSAN BIDANG URUSAN PROGRAM KEGIATAN",
            "URUSAN BIDANG URUSAN PROGRAM KEGIATAN SUB KEGIATAN",
        ],
        true,
    ),
    text(
        Col::Indikator,
        &[
            "INDIKATOR KINERJA PROGRAM OUTCOME KEGIATAN OUTPUT",
            "INDIKATOR KINERJA PROGRAM OUTCOME KEGIATAN OUTPUT SUB KEGIATAN OUTPUT",
            "INDIKATOR KINERJA PROGRAM OUTCOME KEGIATAN OUTPUT SATUAN",
            "INDIKATOR KINERJA",
        ],
        false,
    ),
    text(Col::Satuan, &["SATUAN"], false),
    num(Col::Kinerja, &["K"], true, Measure),
    num(Col::Persen, &["%"], false, Percent),
    // `Rp. (000)`: thousands of rupiah (Bappeda Sukabumi's form).
    num(Col::Rupiah, &["RP", "RP 000", "RUPIAH"], true, Money),
    text(
        Col::UnitPenanggungJawab,
        &["UNIT PENANGGUNG JAWAB", "UNIT PD PENANGGUNG JAWAB"],
        false,
    ),
    text(Col::Ket, &["KETERANGAN", "KET"], false),
];

/// A SIPD realisation export: codes split over several columns (or in one),
/// the uraian, and `Anggaran | Realisasi` pairs per kelompok belanja or for the
/// total; an office's own `%` beside them.
static SIPD_REALISASI: &[ColumnSpec] = &[
    text(
        Col::Kode,
        &[
            "KODE",
            "KODE REKENING",
            "KD",
            "KODE URUSAN",
            "KODE SUB KEGIATAN",
        ],
        true,
    ),
    text(
        Col::Uraian,
        &[
            "URAIAN URUSAN ORGANISASI PROGRAM KEGIATAN DAN SUB KEGIATAN",
            "URAIAN URUSAN ORGANISASI PROGRAM KEGIATAN SUB KEGIATAN",
            "URUSAN ORGANISASI PROGRAM KEGIATAN DAN SUB KEGIATAN",
            "URAIAN",
            "NAMA",
            "PROGRAM KEGIATAN SUB KEGIATAN",
            "URAIAN PROGRAM KEGIATAN SUB KEGIATAN",
        ],
        true,
    ),
    num(
        Col::Anggaran,
        &[
            "ANGGARAN",
            "ANGGARAN RP",
            "PAGU",
            "PAGU ANGGARAN",
            "PAGU RP",
            "PAGU DPA",
            "DPA",
            "NILAI DPA",
            "ALOKASI",
            "ALOKASI ANGGARAN",
            "JUMLAH ANGGARAN",
            "TOTAL ANGGARAN",
            "ANGGARAN SETELAH PERUBAHAN",
            "ANGGARAN PERUBAHAN",
        ],
        true,
        Money,
    ),
    num(
        Col::Realisasi,
        &[
            "REALISASI",
            "REALISASI RP",
            "REALISASI BELANJA",
            "REALISASI KEUANGAN",
            "REALISASI SP2D",
            "JUMLAH REALISASI",
            "TOTAL REALISASI",
            "REALISASI S D BULAN INI",
            "REALISASI SAMPAI DENGAN BULAN INI",
        ],
        true,
        Money,
    ),
    num(
        Col::Persen,
        &[
            "%",
            "PERSENTASE",
            "PERSEN",
            "% REALISASI",
            "REALISASI %",
            "PERSENTASE REALISASI",
            "CAPAIAN",
            "CAPAIAN %",
            "SERAPAN",
            "SERAPAN %",
        ],
        false,
        Percent,
    ),
];

/// Header text as it is compared: upper case, every run of punctuation and spaces
/// folded into one space, `%` kept, a year glued to a word set apart (`IDM2021`
/// is `IDM 2021`).
pub fn normalize_header(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_normalized(&mut out, text);
    if out.bytes().any(|b| b.is_ascii_digit()) {
        out = out
            .split(' ')
            .map(unglue_year)
            .collect::<Vec<_>>()
            .join(" ");
    }
    out
}

/// `IDM2021` → `IDM 2021`: letters followed by a year of four digits.
fn unglue_year(token: &str) -> std::borrow::Cow<'_, str> {
    let n = token.len();
    if n > 4 && token.is_char_boundary(n - 4) {
        let (word, year) = token.split_at(n - 4);
        if year.bytes().all(|b| b.is_ascii_digit())
            && year
                .parse::<i32>()
                .is_ok_and(|y| (1900..=2100).contains(&y))
            && word.chars().all(char::is_alphabetic)
        {
            return format!("{word} {year}").into();
        }
    }
    token.into()
}

/// [`normalize_header`] appended to `out`, for keys built of several texts.
pub fn push_normalized(out: &mut String, text: &str) {
    let start = out.len();
    let mut space = false;
    for c in text.chars() {
        if c.is_alphanumeric() || c == '%' {
            if space && out.len() > start {
                out.push(' ');
            }
            space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_uppercase());
            } else {
                out.extend(c.to_uppercase());
            }
        } else {
            space = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_normalize_case_space_and_punctuation() {
        assert_eq!(normalize_header("PROGRAM/KEGIATAN"), "PROGRAM KEGIATAN");
        assert_eq!(
            normalize_header(" Pagu  Anggaran (Rp) "),
            "PAGU ANGGARAN RP"
        );
        assert_eq!(normalize_header("CAPAIAN (%)"), "CAPAIAN %");
        assert_eq!(normalize_header("NO."), "NO");
        assert_eq!(normalize_header("STATUS IDM2021"), "STATUS IDM 2021");
        assert_eq!(normalize_header("Nilai 2024"), "NILAI 2024");
        assert_eq!(normalize_header("RP20000"), "RP20000");
        assert_eq!(
            normalize_header("TARGET KINERJA SASARAN PADA TAHUN KE-"),
            "TARGET KINERJA SASARAN PADA TAHUN KE"
        );
    }

    #[test]
    fn built_in_words_are_normalized() {
        for kind in TableKind::ALL {
            for spec in kind.columns() {
                for w in spec.words.iter().chain(spec.group) {
                    let plain: Vec<&str> = w.split(' ').filter(|t| !t.starts_with('{')).collect();
                    let plain = plain.join(" ");
                    assert_eq!(
                        normalize_header(&plain),
                        plain,
                        "{}.{}: {w}",
                        kind.name(),
                        spec.col.name()
                    );
                }
            }
        }
    }

    #[test]
    fn years_in_headers() {
        assert_eq!(split_year("IDM 2022"), ("IDM", Some(2022), true));
        assert_eq!(
            split_year("STATUS IDM TAHUN 2023"),
            ("STATUS IDM TAHUN", Some(2023), true)
        );
        assert_eq!(split_year("NILAI IDM"), ("NILAI IDM", None, false));
        assert_eq!(split_year("IDM 20222"), ("IDM", None, true));
        assert_eq!(split_year("IDM 20233"), ("IDM", None, true));
    }

    #[test]
    fn kind_names_round_trip() {
        for kind in TableKind::ALL {
            assert_eq!(TableKind::from_name(kind.name()), Some(kind));
        }
    }
}
