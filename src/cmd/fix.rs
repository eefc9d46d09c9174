//! `kinerja fix`: corrected workbooks and `temuan.json` in the output folder.

use super::report::Workbook;
use crate::cli::Common;
use crate::config::Config;
use crate::error::Error;
use crate::finding::{Lang, Message};
use crate::present::{self, FixState};
use crate::read::{Input, InputStatus};
use crate::Analysis;
use std::path::{Path, PathBuf};

/// What a fix run wrote.
pub struct Written {
    pub workbooks: usize,
    pub changes: usize,
    pub left: usize,
}

pub fn run(common: &Common) -> Result<i32, Error> {
    let cfg = super::load_config(common)?;
    let out = output_dir(common, &cfg)?;
    let lang = common.lang.into();
    let (analysis, corrections) = correct(common, &cfg, lang)?;
    let written = write_corrections(&analysis, &corrections, &out, lang)?;
    say(&written, &out, lang);
    Ok(super::exit_code(analysis))
}

/// Prints what was written.
pub fn say(w: &Written, out: &Path, lang: Lang) {
    match lang {
        Lang::Id => eprintln!(
            "{} buku kerja koreksi ditulis ke {} ({} sel diperbaiki, {} temuan perlu diputuskan)",
            w.workbooks,
            out.display(),
            w.changes,
            w.left
        ),
        Lang::En => eprintln!(
            "{} corrected workbooks written to {} ({} cells corrected, {} findings left for a person)",
            w.workbooks,
            out.display(),
            w.changes,
            w.left
        ),
    }
}

/// The output folder, created and checked before any work: writable, and neither an
/// input folder nor inside one.
pub fn output_dir(common: &Common, cfg: &Config) -> Result<PathBuf, Error> {
    let out = common.output.clone().unwrap_or_else(|| cfg.output.clone());
    let fail = |id: String, en: String| Error::Output {
        path: out.clone(),
        message: Message::new(id, en),
    };
    let inputs: Vec<PathBuf> = if common.paths.is_empty() {
        vec![cfg.input.clone()]
    } else {
        common.paths.clone()
    };
    // Where the folder is or would be, before anything is created: a folder
    // refused for being inside the input must not be left behind there.
    let out_real = real_path(&out);
    for input in &inputs {
        let folder = if input.is_dir() {
            input.clone()
        } else {
            input.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        let folder = if folder.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            folder
        };
        if let Ok(real) = folder.canonicalize() {
            if out_real.starts_with(&real) {
                return Err(fail(
                    format!(
                        "folder ini (berada di dalam) folder masukan {}; masukan tidak pernah ditulisi",
                        folder.display()
                    ),
                    format!(
                        "is (inside) the input folder {}; inputs are never written to",
                        folder.display()
                    ),
                ));
            }
        }
    }
    std::fs::create_dir_all(&out).map_err(|e| {
        fail(
            format!("folder tidak dapat dibuat ({e})"),
            format!("the folder cannot be created ({e})"),
        )
    })?;
    let probe = out.join(".kinerja-write-test");
    std::fs::write(&probe, b"").map_err(|e| {
        fail(
            format!("folder tidak dapat ditulisi ({e})"),
            format!("the folder is not writable ({e})"),
        )
    })?;
    let _ = std::fs::remove_file(probe);
    Ok(out)
}

/// The absolute path `path` names, resolved through its nearest existing ancestor
/// (symbolic links included), whether or not it exists yet.
fn real_path(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut rest = Vec::new();
    let mut base = absolute.as_path();
    loop {
        if let Ok(real) = base.canonicalize() {
            return rest.iter().rev().fold(real, |p, c| p.join(c));
        }
        match (base.parent(), base.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                base = parent;
            }
            _ => return absolute,
        }
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder, so a
/// crash never leaves a half-written file and an old file is replaced only whole.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let fail = |e: std::io::Error| Error::Output {
        path: path.to_path_buf(),
        message: Message::new(
            format!("berkas tidak dapat ditulis ({e})"),
            format!("the file cannot be written ({e})"),
        ),
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(fail)?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        path.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    std::fs::write(&tmp, bytes).map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}

/// `NAME.ext` → `NAME.koreksi.xlsx`, keeping sub-folders of the input path.
pub fn corrected_name(file: &str) -> PathBuf {
    let p = Path::new(file);
    let stem = p.file_stem().unwrap_or_default().to_string_lossy();
    p.with_file_name(format!("{stem}.koreksi.xlsx"))
}

/// The corrected copy of every readable input, in memory, and how many cells they
/// change.
pub struct Corrections {
    pub workbooks: Vec<Workbook>,
    pub changes: usize,
}

/// Reads, models and checks the inputs and builds the corrected copy of every
/// readable one: each copy is laid out while the model is built and given its look
/// while the rules run, then marked with the findings. The analysis comes back with
/// its model let go (see [`Analysis::release_model`]).
pub fn correct(
    common: &Common,
    cfg: &Config,
    lang: Lang,
) -> Result<(Analysis, Corrections), Error> {
    let (mut analysis, dressed) = super::analyse_alongside(common, cfg, |reading, model| {
        let readable: Vec<&Input> = reading
            .inputs
            .iter()
            .filter(|i| i.status == InputStatus::Ok)
            .collect();
        let drafts: Vec<_> = readable.iter().map(|i| crate::write::draft(i)).collect();
        crate::timing::mark("drafted");
        let model = model();
        let dressed: Vec<_> = drafts
            .into_iter()
            .zip(&readable)
            .map(|(draft, input)| {
                let look = crate::fix::look(reading, model, input);
                draft.and_then(|draft| crate::write::dress(draft, input, look))
            })
            .collect();
        crate::timing::mark("dressed");
        dressed
    })?;
    // The dressed copies and the plans both follow the readable inputs in order.
    let plans = crate::fix::plan(&analysis, lang);
    crate::timing::mark("plan");
    analysis.release_model();
    let changes = plans.iter().map(|p| p.changes.len()).sum();
    let inputs = &analysis.reading.inputs;
    let cells = |file: &str| {
        input_named(inputs, file)
            .sheets
            .iter()
            .flat_map(|s| &s.rows)
            .map(|(_, r)| r.len() as u64)
            .sum()
    };
    let jobs: Vec<_> = dressed.into_iter().zip(plans).collect();
    let workbooks = crate::parallel::map_owned(
        jobs,
        |(_, plan)| cells(&plan.file),
        |(dressed, plan)| {
            let input = input_named(inputs, &plan.file);
            dressed
                .and_then(|dressed| {
                    crate::write::corrected_workbook(
                        input,
                        dressed,
                        &plan,
                        &cfg.document_date,
                        lang,
                    )
                })
                .map(|bytes| (plan.file.clone(), bytes))
                .map_err(|e| Error::Output {
                    path: PathBuf::from(&plan.file),
                    message: Message::new(
                        format!("buku kerja koreksi tidak dapat disusun ({e})"),
                        format!("the corrected workbook cannot be built ({e})"),
                    ),
                })
        },
    )
    .into_iter()
    .collect::<Result<Vec<_>, Error>>()?;
    crate::timing::mark("corrected workbooks built");
    Ok((analysis, Corrections { workbooks, changes }))
}

fn input_named<'a>(inputs: &'a [Input], file: &str) -> &'a Input {
    inputs
        .iter()
        .find(|i| i.file == file)
        .expect("a plan per readable input")
}

/// Writes every corrected workbook and `temuan.json`; returns what was written.
pub fn write_corrections(
    analysis: &Analysis,
    corrections: &Corrections,
    out: &Path,
    lang: Lang,
) -> Result<Written, Error> {
    for (file, bytes) in &corrections.workbooks {
        write_atomic(&out.join(corrected_name(file)), bytes)?;
    }
    crate::timing::mark("corrected workbooks written");
    let written = Written {
        workbooks: corrections.workbooks.len(),
        changes: corrections.changes,
        left: analysis
            .findings
            .iter()
            .filter(|f| f.fix.is_empty())
            .count(),
    };
    let doc = present::json(
        &analysis.reading.inputs,
        &analysis.model.tables,
        &analysis.findings,
        lang,
        FixState::Applied,
    );
    let text = serde_json::to_string_pretty(&doc).expect("JSON of plain data");
    write_atomic(&out.join("temuan.json"), text.as_bytes())?;
    Ok(written)
}
