//! The view model of the report PDF: everything the document shows, already
//! computed and formatted as text. The assembler fills it from the validated data;
//! the renderer only lays it out. Nothing here knows about genpdf.

use rust_decimal::Decimal;

/// The whole LKjIP as the office signs it: the cover comes from the metadata
/// fields, every other page from `chapters`, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Cover title, e.g. "LAPORAN KINERJA INSTANSI PEMERINTAH".
    pub title: String,
    /// The report's acronym for the cover and the page header, e.g. "LKjIP".
    pub acronym: String,
    /// The office, e.g. "Dinas Pemberdayaan Masyarakat dan Kampung".
    pub office: String,
    /// Short name of the office for the page header, e.g. "DPMK".
    pub office_short: String,
    /// e.g. "Kabupaten Way Kanan".
    pub regency: String,
    /// e.g. "Provinsi Lampung".
    pub province: String,
    /// The year reported on.
    pub year: i32,
    /// Where the report is signed, e.g. "Blambangan Umpu".
    pub city: String,
    /// Address lines printed at the foot of the cover (may be empty).
    pub address: Vec<String>,
    /// The document's date: printed nowhere by itself, but fixes the PDF's creation
    /// and modification dates so the same report gives the same bytes.
    pub document_date: DocumentDate,
    /// The head of office who signs.
    pub head: Official,
    /// Set while findings are open, e.g. "DRAFT — 3 temuan belum diselesaikan":
    /// printed on every page. `None` for the version the head signs.
    pub draft_mark: Option<String>,
    /// Kata Pengantar, Ikhtisar Eksekutif, Daftar Isi, Bab I–IV, Lampiran, …
    pub chapters: Vec<Chapter>,
}

impl Report {
    /// The running page header, e.g. "LKjIP DPMK 2023".
    pub fn header_title(&self) -> String {
        format!("{} {} {}", self.acronym, self.office_short, self.year)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The document's title in its properties, e.g. "LAPORAN KINERJA INSTANSI
    /// PEMERINTAH Dinas … Kabupaten Way Kanan Tahun 2023".
    pub fn document_title(&self) -> String {
        format!(
            "{} {} {} Tahun {}",
            self.title.trim(),
            self.office.trim(),
            self.regency.trim(),
            self.year
        )
    }

    /// The document's author in its properties: the office and its regency.
    pub fn document_author(&self) -> String {
        format!("{} {}", self.office.trim(), self.regency.trim())
    }

    /// The document's subject in its properties, e.g. "LAPORAN KINERJA INSTANSI
    /// PEMERINTAH (LKjIP) Tahun 2023".
    pub fn document_subject(&self) -> String {
        format!(
            "{} ({}) Tahun {}",
            self.title.trim(),
            self.acronym.trim(),
            self.year
        )
    }

    /// The draft mark as every page prints it; `None` for the final report (a
    /// blank mark is no mark).
    pub fn draft(&self) -> Option<&str> {
        self.draft_mark
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
    }

    /// The cover's lines, top to bottom.
    pub fn cover(&self) -> Cover {
        let mut address = self.address.clone();
        let city = self.city.trim();
        if !city.is_empty()
            && !self
                .address
                .iter()
                .any(|a| a.to_lowercase().contains(&city.to_lowercase()))
        {
            address.push(city.to_string());
        }
        Cover {
            government: [
                format!("PEMERINTAH {}", self.regency.to_uppercase()),
                self.office.to_uppercase(),
            ],
            acronym: self.acronym.clone(),
            title: self.title.to_uppercase(),
            year: format!("TAHUN {}", self.year),
            publisher: [
                self.office.to_uppercase(),
                self.regency.to_uppercase(),
                self.province.to_uppercase(),
            ],
            address,
            issued: self.document_date.year.to_string(),
        }
    }
}

/// The cover of the report, as its lines read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cover {
    /// Over the rule at the head: "PEMERINTAH KABUPATEN WAY KANAN", the office.
    pub government: [String; 2],
    /// Large, e.g. "LKjIP".
    pub acronym: String,
    /// e.g. "LAPORAN KINERJA INSTANSI PEMERINTAH".
    pub title: String,
    /// e.g. "TAHUN 2023".
    pub year: String,
    /// At the foot: the office, the regency, the province.
    pub publisher: [String; 3],
    /// The address lines, and the city when no address line names it.
    pub address: Vec<String>,
    /// The year the report is issued, e.g. "2024".
    pub issued: String,
}

/// The words of the page footer around the page number and the page count:
/// "Halaman 3 dari 34".
pub(crate) const PAGE_OF: [&str; 2] = ["Halaman", "dari"];

/// The caption's addition on each page a table continues on.
pub(crate) const CONTINUED: &str = "(lanjutan)";

pub use crate::date::DocumentDate;

/// A signing official as the signature block shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Official {
    /// Full name with degrees, e.g. "IXUAN AHMADI, S.Sos., MM".
    pub name: String,
    /// Rank, e.g. "Pembina Utama Muda (IV/c)".
    pub rank: String,
    /// NIP as written, e.g. "19751101 199503 1 001" (printed after "NIP. ").
    pub nip: String,
    /// The position as it is broken over lines above the signature, e.g.
    /// ["KEPALA DINAS", "PEMBERDAYAAN MASYARAKAT", "DAN KAMPUNG KABUPATEN WAY KANAN,"].
    pub position: Vec<String>,
}

/// A part of the report that starts on a new page with a centred title and is
/// listed in the table of contents.
#[derive(Clone, Debug, PartialEq)]
pub struct Chapter {
    /// "BAB I" for a numbered chapter, printed on its own line above the title;
    /// `None` for the unnumbered parts (KATA PENGANTAR, DAFTAR ISI, LAMPIRAN).
    pub number: Option<String>,
    /// e.g. "PENDAHULUAN".
    pub title: String,
    pub blocks: Vec<Block>,
}

impl Chapter {
    /// The chapter as the contents and the running header name it, e.g.
    /// "BAB I PENDAHULUAN".
    pub fn running_title(&self) -> String {
        match &self.number {
            Some(n) => format!("{} {}", n.trim(), self.title.trim()),
            None => self.title.trim().to_string(),
        }
    }
}

/// One piece of a chapter's content, laid out top to bottom.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A section heading inside a chapter; level 2 ("1.1. Latar Belakang") and 3
    /// ("a. Visi") are listed in the table of contents, deeper levels are not.
    Heading { level: u8, text: String },
    /// Justified running text; a `\n` starts a new line.
    Paragraph(String),
    /// A bulleted or numbered list with hanging indents.
    List(ListBlock),
    /// A numbered table; its header rows repeat on every page it spans.
    Table(TableBlock),
    /// A grouped bar chart (e.g. villages per IDM status, one series per year).
    BarChart(BarChart),
    /// Place, date, position, room for the signature, name, rank and NIP.
    Signature(Signature),
    /// Continue on a new page.
    PageBreak,
    /// The list of chapters and headings with their page numbers.
    TableOfContents,
    /// The list of numbered tables with their page numbers.
    ListOfTables,
    /// The list of numbered charts with their page numbers.
    ListOfFigures,
}

/// A list: each item is plain text that wraps under its own start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListBlock {
    pub style: ListStyle,
    pub items: Vec<String>,
}

/// The marker in front of list items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListStyle {
    /// "•"
    Bullet,
    /// "1.", "2.", …
    Numbered,
    /// "a.", "b.", …
    Lettered,
}

/// A table as the report prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableBlock {
    /// e.g. "Tabel 3.4"; listed in the Daftar Tabel with `title`.
    pub number: String,
    /// e.g. "Realisasi Anggaran Tahun 2023".
    pub title: String,
    pub columns: Vec<ColumnSpec>,
    /// Print a row of column numbers "(1) (2) …" under the header, as the
    /// office's tables do.
    pub number_columns: bool,
    /// The body, one `Vec` of cell texts per row; a `\n` in a cell starts a new line.
    pub rows: Vec<Vec<String>>,
    /// The style of each row, by index; rows past its end are `Normal`.
    pub row_styles: Vec<RowStyle>,
    /// Printed under the table, e.g. "Sumber Data : Kemendes PDTT".
    pub footnote: Option<String>,
}

impl TableBlock {
    /// The caption, e.g. "Tabel 3.4 Realisasi Anggaran Tahun 2023".
    pub fn caption(&self) -> String {
        format!("{} {}", self.number.trim(), self.title.trim())
            .trim()
            .to_string()
    }

    /// The style of body row `r`.
    pub fn row_style(&self, r: usize) -> RowStyle {
        self.row_styles.get(r).copied().unwrap_or_default()
    }

    /// Body row `r` as one text per column (at least one column): cells past the
    /// last column join the last one, so no text is lost. `true` with a single
    /// text when the row is a group row whose first cell spans the table.
    pub fn row_cells(&self, r: usize) -> (Vec<String>, bool) {
        let n = self.columns.len().max(1);
        let cells = self.rows.get(r).map(Vec::as_slice).unwrap_or_default();
        let mut texts: Vec<String> = cells.iter().take(n).cloned().collect();
        if cells.len() > n {
            let extra = cells[n..].join(" ");
            if let Some(last) = texts.last_mut() {
                last.push(' ');
                last.push_str(&extra);
            }
        }
        texts.resize(n, String::new());
        let spans = self.row_style(r) == RowStyle::Group
            && texts.iter().skip(1).all(|c| c.trim().is_empty());
        if spans {
            texts.truncate(1);
        }
        (texts, spans)
    }

    /// The runs of neighbouring columns under one group header: (first column,
    /// past the last, the group's name).
    pub fn groups(&self) -> Vec<(usize, usize, String)> {
        let mut runs: Vec<(usize, usize, String)> = Vec::new();
        for (i, c) in self.columns.iter().enumerate() {
            if let Some(g) = &c.group {
                match runs.last_mut() {
                    Some((_, end, name)) if *end == i && name == g => *end = i + 1,
                    _ => runs.push((i, i + 1, g.clone())),
                }
            }
        }
        runs
    }
}

/// A table column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnSpec {
    pub header: String,
    /// A group header printed over this column and its neighbours with the same
    /// group (e.g. "2023" over "JUMLAH" and "%").
    pub group: Option<String>,
    /// Relative width; widths are the weights' share of the text width.
    pub weight: u32,
    pub align: Align,
}

impl ColumnSpec {
    /// A column with no group header.
    pub fn new(header: impl Into<String>, weight: u32, align: Align) -> ColumnSpec {
        ColumnSpec {
            header: header.into(),
            group: None,
            weight,
            align,
        }
    }

    /// The same column under a group header.
    pub fn grouped(mut self, group: impl Into<String>) -> ColumnSpec {
        self.group = Some(group.into());
        self
    }
}

/// Horizontal alignment of a column's body cells (headers are centred).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// How a table row is set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RowStyle {
    #[default]
    Normal,
    /// A group row (a program over its kegiatan): bold; when all cells after the
    /// first are empty the first spans the whole row.
    Group,
    /// A subtotal: bold.
    Subtotal,
    /// A grand total: bold on a shaded background.
    Total,
}

/// A grouped bar chart, values per series and category.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    /// e.g. "Gambar 2.1"; listed in the Daftar Gambar with `title`.
    pub number: String,
    pub title: String,
    /// Names of the series, e.g. ["2022", "2023"]; shown in the legend.
    pub series: Vec<String>,
    /// The categories along the axis, e.g. the IDM statuses.
    pub categories: Vec<String>,
    /// `values[s][c]`: series `s`, category `c`. Missing values count as zero.
    pub values: Vec<Vec<Decimal>>,
    /// The value axis label, e.g. "Jumlah kampung".
    pub value_label: String,
}

impl BarChart {
    /// The caption, e.g. "Gambar 3.1 Jumlah Kampung per Status IDM".
    pub fn caption(&self) -> String {
        format!("{} {}", self.number.trim(), self.title.trim())
            .trim()
            .to_string()
    }
}

/// A signature block, set in the right half of the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// e.g. "Blambangan Umpu, Januari 2024".
    pub place_date: String,
    /// The position over lines, e.g. ["KEPALA DINAS", "PEMBERDAYAAN MASYARAKAT", …].
    pub position: Vec<String>,
    pub name: String,
    pub rank: String,
    /// NIP as written, without the "NIP." prefix.
    pub nip: String,
}

impl Signature {
    /// The signature block of `official` dated `place_date`.
    pub fn of(official: &Official, place_date: impl Into<String>) -> Signature {
        Signature {
            place_date: place_date.into(),
            position: official.position.clone(),
            name: official.name.clone(),
            rank: official.rank.clone(),
            nip: official.nip.clone(),
        }
    }

    /// The last line, e.g. "NIP. 19751101 199503 1 001".
    pub fn nip_line(&self) -> String {
        format!("NIP. {}", self.nip)
    }
}
