//! Rendering: the report's view model ([`Report`]) in, the PDF's bytes out, and
//! the same report as a Word document's. The only module that uses genpdf; it
//! touches no file (the fonts are embedded) and the same report always gives the
//! same bytes.
//!
//! The stages: [`layout`] flows the blocks onto A4 pages (measuring every line
//! with the embedded fonts, repeating table headers on each page a table spans,
//! and re-running until the page numbers in the contents are stable), [`paint`]
//! writes each page's content as genpdf would print it (genpdf's fonts give the
//! glyphs, kerning and metrics) into the document genpdf's printpdf would make,
//! built directly, and [`post`] subsets the fonts, sets fixed metadata and
//! compresses. [`docx`] writes the Word document from the report and the
//! layout's measures (the only module that knows WordprocessingML), its chart
//! the layout's own drawing made a picture by [`raster`].
//!
//! ```no_run
//! use kinerja::render::*;
//! let head = Official {
//!     name: "IXUAN AHMADI, S.Sos., MM".into(),
//!     rank: "Pembina Utama Muda (IV/c)".into(),
//!     nip: "19751101 199503 1 001".into(),
//!     position: vec!["KEPALA DINAS".into(), "PEMBERDAYAAN MASYARAKAT".into()],
//! };
//! let report = Report {
//!     title: "Laporan Kinerja Instansi Pemerintah".into(),
//!     acronym: "LKjIP".into(),
//!     office: "Dinas Pemberdayaan Masyarakat dan Kampung".into(),
//!     office_short: "DPMK".into(),
//!     regency: "Kabupaten Way Kanan".into(),
//!     province: "Provinsi Lampung".into(),
//!     year: 2023,
//!     city: "Blambangan Umpu".into(),
//!     address: vec![],
//!     document_date: DocumentDate { year: 2024, month: 1, day: 31 },
//!     draft_mark: Some("DRAFT \u{2014} 3 temuan belum diselesaikan".into()),
//!     chapters: vec![
//!         Chapter { number: None, title: "DAFTAR ISI".into(), blocks: vec![Block::TableOfContents] },
//!         Chapter {
//!             number: Some("BAB IV".into()),
//!             title: "PENUTUP".into(),
//!             blocks: vec![
//!                 Block::Paragraph("Demikian laporan ini disusun.".into()),
//!                 Block::Signature(Signature::of(&head, "Blambangan Umpu, Januari 2024")),
//!             ],
//!         },
//!     ],
//!     head,
//! };
//! let pdf: Vec<u8> = render_pdf(&report)?;
//! # Ok::<(), RenderError>(())
//! ```

mod chart;
mod docx;
mod fonts;
mod layout;
mod paint;
mod post;
mod raster;
pub mod report;
mod subset;
mod table;
mod text;

pub use report::{
    Align, BarChart, Block, Chapter, ColumnSpec, DocumentDate, ListBlock, ListStyle, Official,
    Report, RowStyle, Signature, TableBlock,
};

use std::fmt;

/// Why a report could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenderError {
    /// An embedded font could not be read or subset.
    Font(String),
    /// genpdf, printpdf or lopdf failed to build or rewrite the document.
    Pdf(String),
    /// The layout placed something the painter cannot draw.
    Layout(String),
    /// The Word document's package could not be written.
    Document(String),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Font(m) => write!(f, "report font: {m}"),
            RenderError::Pdf(m) => write!(f, "report PDF: {m}"),
            RenderError::Layout(m) => write!(f, "report layout: {m}"),
            RenderError::Document(m) => write!(f, "report Word document: {m}"),
        }
    }
}

impl std::error::Error for RenderError {}

/// Options for [`render_pdf_with`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RenderOptions {
    /// Flate-compress the content streams and fonts (the default); off only to
    /// inspect the page content.
    pub compress: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions { compress: true }
    }
}

/// Renders the report to PDF bytes.
pub fn render_pdf(report: &Report) -> Result<Vec<u8>, RenderError> {
    render_pdf_with(report, &RenderOptions::default())
}

/// The report as the PDF the head of office signs and as a Word document for the
/// office to edit.
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub docx: Vec<u8>,
}

/// Renders the report to PDF and to Word (`.docx`) from one layout: the Word
/// document's column widths, chart and lists of contents (with the PDF's pages)
/// are the PDF's.
pub fn render(report: &Report) -> Result<Rendered, RenderError> {
    let fonts = fonts::Fonts::load()?;
    let laid = layout::layout(&fonts, report);
    let index = laid.index.clone();
    // The Word document is written beside the PDF's painting, with its own copy
    // of the fonts (their caches are not shared between threads).
    std::thread::scope(|scope| {
        let docx = scope.spawn(|| docx::document(&fonts::Fonts::load()?, report, &index));
        let pdf = pdf(&fonts, report, laid, &RenderOptions::default());
        let docx = docx
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Ok(Rendered {
            pdf: pdf?,
            docx: docx?,
        })
    })
}

/// Renders the report to PDF bytes with the given options.
pub fn render_pdf_with(report: &Report, options: &RenderOptions) -> Result<Vec<u8>, RenderError> {
    let fonts = fonts::Fonts::load()?;
    let laid = layout::layout(&fonts, report);
    pdf(&fonts, report, laid, options)
}

/// The laid-out report painted and finished as a PDF.
fn pdf(
    fonts: &fonts::Fonts,
    report: &Report,
    laid: layout::Layout,
    options: &RenderOptions,
) -> Result<Vec<u8>, RenderError> {
    let painted = paint::paint(fonts, &laid.pages)?;
    let outline: Vec<layout::Entry> = laid
        .index
        .toc
        .iter()
        .filter(|e| e.level <= 2)
        .cloned()
        .collect();
    let meta = post::Meta {
        title: report.document_title(),
        author: report.document_author(),
        subject: report.document_subject(),
        date: report.document_date,
        compress: options.compress,
        outline,
    };
    // The laid-out pages are painted: only their outline is needed from here on.
    drop(laid);
    post::finish(painted, fonts, &meta)
}
