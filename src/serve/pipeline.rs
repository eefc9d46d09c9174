//! The one place the server calls the pipeline: what `kinerja run` does, on a
//! run's uploaded files, into that run's output folder.

use crate::cli::{Common, LangArg};
use crate::config::Config;
use crate::error::Error;
use crate::finding::Lang;
use crate::present::{self, FixState};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// What a run answers: the `check` JSON contract (fixes as applied) with what was
/// written beside it, and the names of the files written into the output folder.
pub struct Outcome {
    pub doc: Value,
    pub outputs: Vec<String>,
}

/// Checks, corrects and reports on `files` into `out`, as `kinerja run` does.
/// `narrative` replaces the config's narrative when one was uploaded.
pub fn run(
    files: &[PathBuf],
    narrative: Option<&Path>,
    cfg: &Config,
    out: &Path,
    lang: Lang,
) -> Result<Outcome, Error> {
    let mut cfg = cfg.clone();
    if let Some(n) = narrative {
        cfg.narrative = n.to_path_buf();
    }
    let common = Common {
        paths: files.to_vec(),
        quiet: true,
        lang: if lang == Lang::En {
            LangArg::En
        } else {
            LangArg::Id
        },
        ..Common::default()
    };
    let (analysis, corrections) = crate::cmd::fix::correct(&common, &cfg, lang)?;
    let written = crate::cmd::fix::write_corrections(&analysis, &corrections, out, lang)?;
    let (pdf, corrected) = crate::cmd::report::write_report(&cfg, &corrections.workbooks, out)?;
    let mut outputs: Vec<String> = corrections
        .workbooks
        .iter()
        .map(|(file, _)| {
            crate::cmd::fix::corrected_name(file)
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    outputs.push("temuan.json".into());
    outputs.push(pdf.file_name().unwrap_or_default().to_string_lossy().into());
    let mut doc = present::json(
        &analysis.reading.inputs,
        &analysis.model.tables,
        &analysis.findings,
        lang,
        FixState::Applied,
    );
    let mut notes = Vec::new();
    if !cfg.narrative.is_file() {
        notes.push(match lang {
            Lang::Id => "berkas narasi tidak ada; laporan memuat penanda tempat narasi (unggah narasi.md bersama buku kerja)",
            Lang::En => "no narrative file; the report holds placeholders for the narrative (upload narasi.md with the workbooks)",
        });
    }
    doc["written"] = json!({
        "workbooks": written.workbooks,
        "changes": written.changes,
        "left": written.left,
    });
    doc["report"] = json!({
        "file": outputs.last(),
        "draft": corrected.open_errors() > 0,
        "open_errors": corrected.open_errors(),
    });
    doc["notes"] = json!(notes);
    doc["exit_code"] = json!(crate::cmd::code_of(&analysis));
    Ok(Outcome { doc, outputs })
}
