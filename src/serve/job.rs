//! The one place the server calls the pipeline: a run's uploaded files turned into
//! the [`Options`] `kinerja run` passes, run by [`crate::pipeline::run`] into that
//! run's own output folder (staged and put in place as one set, as every run's
//! outputs are), and its [`crate::pipeline::Outcome`] turned into the answer.

use crate::config::Config;
use crate::error::Error;
use crate::finding::Lang;
use crate::pipeline::{Options, Outputs};
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
/// `narrative` replaces the config's narrative when one was uploaded; `decisions`
/// is the uploaded `keputusan.toml`, applied as `kinerja run` applies the input
/// folder's and put among the outputs; `progress` is told each file read, then
/// each stage.
pub fn run(
    files: &[PathBuf],
    narrative: Option<&Path>,
    decisions: Option<&Path>,
    cfg: &Config,
    out: &Path,
    lang: Lang,
    progress: &mut dyn FnMut(&str),
) -> Result<Outcome, Error> {
    let mut cfg = cfg.clone();
    if let Some(n) = narrative {
        cfg.narrative = n.to_path_buf();
    }
    let options = Options {
        inputs: files.to_vec(),
        output: out.to_path_buf(),
        lang,
        outputs: Outputs::All,
        decisions: decisions.map(Path::to_path_buf),
    };
    let outcome = crate::pipeline::run(&cfg, &options, progress)?;
    let mut outputs: Vec<String> = outcome
        .written
        .iter()
        .map(|p| {
            p.strip_prefix(&outcome.folder)
                .unwrap_or(p)
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    if let Some(decisions) = decisions {
        // The decisions this set was made with, to download and upload next time.
        let kept = out.join(crate::decide::FILE_NAME);
        std::fs::copy(decisions, &kept).map_err(|e| Error::Output {
            path: kept,
            message: crate::finding::Message::new(
                format!("tidak dapat disalin ({e})"),
                format!("cannot be copied ({e})"),
            ),
        })?;
        outputs.push(crate::decide::FILE_NAME.to_string());
    }
    let analysis = &outcome.analysis;
    let mut doc = present::json(
        &analysis.reading.inputs,
        &analysis.model.tables,
        &analysis.findings,
        lang,
        FixState::Applied,
    );
    // The notes the command line prints, naming only the narrative's file name
    // (never a folder of the server machine).
    let narrative_path = cfg.narrative.display().to_string();
    let narrative_name = cfg
        .narrative
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut notes: Vec<String> = outcome
        .notes
        .iter()
        .map(|n| n.get(lang).replace(&narrative_path, &narrative_name))
        .collect();
    if narrative.is_none() && !cfg.narrative.is_file() {
        notes.push(match lang {
            Lang::Id => {
                format!("unggah {narrative_name} bersama buku kerja untuk mengisi narasi laporan")
            }
            Lang::En => format!(
                "upload {narrative_name} with the workbooks to fill in the report's narrative"
            ),
        });
    }
    doc["written"] = json!({
        "workbooks": outcome.workbooks,
        "changes": outcome.changes,
        "left": outcome.left,
    });
    if let Some(report) = &outcome.report {
        doc["report"] = json!({
            "file": report.path.file_name().map(|n| n.to_string_lossy().into_owned()),
            "draft": report.open_errors > 0,
            "open_errors": report.open_errors,
        });
    }
    doc["notes"] = json!(notes);
    doc["exit_code"] = json!(analysis.exit_code());
    Ok(Outcome { doc, outputs })
}
