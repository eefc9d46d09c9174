//! `kinerja report`: the LKjIP PDF, rendered from the corrected data.

use crate::cli::Common;
use crate::config::Config;
use crate::error::Error;
use crate::finding::{Message, Severity};
use crate::narrative::Narrative;
use crate::Analysis;
use std::path::{Path, PathBuf};

pub fn run(common: &Common) -> Result<i32, Error> {
    let cfg = super::load_config(common)?;
    let out = super::fix::output_dir(common, &cfg)?;
    let (analysis, corrections) = super::fix::correct(common, &cfg, common.lang.into())?;
    let (path, corrected) = write_report(&cfg, &corrections.workbooks, &out)?;
    announce(&path, &corrected);
    Ok(super::exit_code(analysis))
}

/// A corrected workbook in memory: its input's file name and its bytes.
pub type Workbook = (String, Vec<u8>);

/// What the report is rendered from: the corrected workbooks, read and checked again.
pub struct Corrected {
    pub analysis: Analysis,
}

impl Corrected {
    /// Errors the corrections could not resolve.
    pub fn open_errors(&self) -> usize {
        self.analysis
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }
}

/// Reads the corrected workbooks back, so the report shows corrected figures.
pub fn reread(cfg: &Config, workbooks: &[Workbook]) -> Corrected {
    let mut reading = crate::read::Reading::default();
    for (name, bytes) in workbooks {
        let (input, tables) = crate::read::read_bytes(name, Path::new(name), bytes.clone(), cfg);
        reading.inputs.push(input);
        reading.tables.extend(tables);
    }
    let model = crate::model::build(&reading, cfg);
    let findings = crate::check::check(&reading, &model, cfg);
    Corrected {
        analysis: Analysis {
            reading,
            model,
            findings,
        },
    }
}

/// Renders `OUTPUT/LKjIP-<year>.pdf` from the corrected workbooks.
pub fn write_report(
    cfg: &Config,
    workbooks: &[Workbook],
    out: &Path,
) -> Result<(PathBuf, Corrected), Error> {
    let corrected = reread(cfg, workbooks);
    let narrative = match std::fs::read_to_string(&cfg.narrative) {
        Ok(text) => Narrative::parse(&text),
        Err(_) => {
            eprintln!(
                "catatan: berkas narasi {} tidak ada; laporan memuat penanda tempat narasi",
                cfg.narrative.display()
            );
            Narrative::default()
        }
    };
    let report = crate::assemble::report(
        &corrected.analysis.model,
        cfg,
        &narrative,
        corrected.open_errors(),
    );
    let pdf = crate::render::render_pdf(&report).map_err(|e| Error::Output {
        path: out.to_path_buf(),
        message: Message::new(
            format!("laporan tidak dapat disusun ({e})"),
            format!("the report cannot be rendered ({e})"),
        ),
    })?;
    let path = out.join(format!("LKjIP-{}.pdf", cfg.office.year));
    super::fix::write_atomic(&path, &pdf)?;
    Ok((path, corrected))
}

/// Says where the report is and whether it is a draft.
pub fn announce(path: &Path, corrected: &Corrected) {
    match corrected.open_errors() {
        0 => eprintln!("laporan ditulis ke {}", path.display()),
        n => eprintln!(
            "laporan DRAFT ditulis ke {}: {n} temuan galat belum diselesaikan (tanda DRAFT di setiap halaman)",
            path.display()
        ),
    }
}
