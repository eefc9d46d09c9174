//! The order of the stages, and the only place that runs them concurrently:
//!
//! ```text
//! read ─▶ Reading ─▶ model ─▶ Model ─▶ check ─▶ decide ─▶ Analysis ─▶ fix::plan ─▶ plans
//!   │                   │                                                  │
//!   └▶ write::draft ────┴▶ write::dress (the look)                         ├▶ fix::apply ─▶ corrected Reading
//!      (beside the model and the rules, on another core)                   │     └▶ model, check, decide::carry
//!                                                                          │          ─▶ assemble ─▶ render ─▶ PDF, DOCX
//!                                                                          └▶ write::corrected_workbook ─▶ NAME.koreksi.xlsx
//! all outputs ─▶ output::Staging ─▶ moved into the output folder as one set
//! ```
//!
//! A front end (the command line, a web page) turns its arguments into
//! [`Options`], calls [`check`] or [`run`], and shows the result; nothing here
//! prints.

use crate::config::Config;
use crate::decide::Decisions;
use crate::error::Error;
use crate::finding::{Finding, Lang, Message, Severity};
use crate::fix::WorkbookPlan;
use crate::model::Model;
use crate::narrative::Narrative;
use crate::output::Staging;
use crate::present::{self, FixState};
use crate::read::{Input, InputStatus};
use crate::structure::Reading;
use crate::timing;
use crate::write::Dressed;
use std::path::{Path, PathBuf};

/// A run's reading, model and findings: the checked stage, with the office's
/// decisions applied (accepted findings marked).
pub struct Analysis {
    pub reading: Reading,
    pub model: Model,
    pub findings: Vec<Finding>,
    /// Decisions that no longer apply (a cell changed, a finding gone).
    pub notes: Vec<Message>,
}

impl Analysis {
    /// The exit code of the run: 2 when an input could not be used, else 1 when
    /// errors were found that were not accepted, else 0.
    pub fn exit_code(&self) -> i32 {
        if self
            .reading
            .inputs
            .iter()
            .any(|i| i.status != InputStatus::Ok)
        {
            2
        } else if self
            .findings
            .iter()
            .any(|f| f.severity == Severity::Error && f.is_open())
        {
            1
        } else {
            0
        }
    }

    /// Lets go of what only checking needed (the located tables' copies of their
    /// cells and the model), keeping the inputs, the tables' summaries and the
    /// findings; it is freed on another thread while the caller goes on.
    pub fn release_model(&mut self) {
        let tables = std::mem::take(&mut self.reading.tables);
        let model = Model {
            tables: std::mem::take(&mut self.model.tables),
            ..Model::default()
        };
        let model = std::mem::replace(&mut self.model, model);
        crate::parallel::discard((tables, model));
    }
}

/// What a run is asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// Workbooks or folders of workbooks.
    pub inputs: Vec<PathBuf>,
    /// Where the outputs go (created if need be; never an input folder).
    pub output: PathBuf,
    /// Language of the findings in the outputs.
    pub lang: Lang,
    /// Which outputs to write.
    pub outputs: Outputs,
    /// The office's decisions on findings (`keputusan.toml` of the input folder),
    /// when there is an input folder; a file that does not exist holds none.
    pub decisions: Option<PathBuf>,
}

/// The outputs of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outputs {
    /// Corrected workbooks and `temuan.json` (`kinerja fix`).
    Workbooks,
    /// The LKjIP as PDF and as Word document (`kinerja report`).
    Report,
    /// Both (`kinerja run`).
    All,
}

impl Outputs {
    fn workbooks(self) -> bool {
        self != Outputs::Report
    }
    fn report(self) -> bool {
        self != Outputs::Workbooks
    }
}

/// What a run did.
pub struct Outcome {
    /// The inputs, the tables' summaries and the findings (the model let go).
    pub analysis: Analysis,
    /// The output folder.
    pub folder: PathBuf,
    /// Whether the corrected workbooks and `temuan.json` were asked for.
    pub wrote_workbooks: bool,
    /// Every file written, in the output folder.
    pub written: Vec<PathBuf>,
    /// Corrected workbooks written.
    pub workbooks: usize,
    /// Cells the corrected workbooks change.
    pub changes: usize,
    /// Findings left for a person: neither corrected nor accepted.
    pub left: usize,
    /// The report, when asked for.
    pub report: Option<ReportOutcome>,
    /// Things the user should know that did not stop the run.
    pub notes: Vec<Message>,
}

/// The report a run wrote.
pub struct ReportOutcome {
    /// The PDF, the document the head of office signs.
    pub path: PathBuf,
    /// The same report as a Word document, for the office to edit.
    pub document: PathBuf,
    /// Errors the corrections could not resolve and no decision accepted: the
    /// report is a draft when not 0.
    pub open_errors: usize,
}

/// The spreadsheet files `inputs` name (see [`crate::read::discover`]).
pub fn files(inputs: &[PathBuf]) -> Result<Vec<(String, PathBuf)>, Error> {
    crate::read::discover(inputs)
}

/// The decisions in `path` (none without one), each about a file among `files`
/// or the config: read before any work, so a bad decisions file stops the run
/// before anything is read or written.
pub fn decisions(
    path: Option<&Path>,
    files: &[(String, PathBuf)],
    cfg: &Config,
) -> Result<Decisions, Error> {
    let Some(path) = path else {
        return Ok(Decisions::none());
    };
    let decisions = Decisions::load(path)?;
    let config = crate::check::config_file(cfg);
    decisions.check_files(&|file| file == config || files.iter().any(|(name, _)| name == file))?;
    Ok(decisions)
}

/// Reads, models and checks `files`, and applies `decisions`; `progress` is told
/// each file, then each stage.
pub fn check(
    files: &[(String, PathBuf)],
    cfg: &Config,
    decisions: &Decisions,
    progress: &mut dyn FnMut(&str),
) -> Analysis {
    analyse(files, cfg, decisions, progress, false).0
}

/// Reads, models and checks; when `drafting` is given, the corrected copies are
/// laid out on another core meanwhile (the reading alone suffices) and dressed in
/// their look as soon as the model gives it, while the rules run.
fn analyse(
    files: &[(String, PathBuf)],
    cfg: &Config,
    decisions: &Decisions,
    progress: &mut dyn FnMut(&str),
    drafting: bool,
) -> (Analysis, Vec<Result<Dressed, rust_xlsxwriter::XlsxError>>) {
    timing::begin();
    let inputs = crate::read::read_with_progress(files, cfg, progress);
    timing::mark("read");
    let reading = crate::structure::build(inputs, cfg);
    timing::mark("structure");
    let (model, findings, dressed) = std::thread::scope(|scope| {
        let reading = &reading;
        let (send_looks, looks) = std::sync::mpsc::channel();
        let drafter = drafting.then(|| {
            scope.spawn(move || {
                let drafts: Vec<_> = readable(reading).map(crate::write::draft).collect();
                timing::mark("drafted");
                // No looks come when building the model panicked; that panic is
                // the one the caller sees.
                let looks: Vec<_> = looks.recv().unwrap_or_default();
                let dressed: Vec<_> = drafts
                    .into_iter()
                    .zip(readable(reading))
                    .zip(looks)
                    .map(|((draft, input), look)| {
                        draft.and_then(|draft| crate::write::dress(draft, input, look))
                    })
                    .collect();
                timing::mark("dressed");
                dressed
            })
        });
        progress("model");
        let model = crate::model::build(reading, cfg);
        timing::mark("model");
        if drafter.is_some() {
            let looks: Vec<_> = readable(reading)
                .map(|input| crate::write::look(reading, &model, input))
                .collect();
            let _ = send_looks.send(looks);
        }
        progress("check");
        let findings = crate::check::check(reading, &model, cfg);
        timing::mark("check");
        let dressed = drafter.map_or_else(Vec::new, |d| {
            d.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        (model, findings, dressed)
    });
    let mut findings = findings;
    let notes = crate::decide::apply(decisions, &mut findings);
    let analysis = Analysis {
        reading,
        model,
        findings,
        notes,
    };
    (analysis, dressed)
}

fn readable(reading: &Reading) -> impl Iterator<Item = &Input> {
    reading
        .inputs
        .iter()
        .filter(|i| i.status == InputStatus::Ok)
}

/// Checks, corrects and writes what `options` asks for, as one set into the output
/// folder: all of it, or on failure nothing (the folder as it was).
pub fn run(
    cfg: &Config,
    options: &Options,
    progress: &mut dyn FnMut(&str),
) -> Result<Outcome, Error> {
    refuse_input_folder(&options.output, &options.inputs)?;
    let files = files(&options.inputs)?;
    if options.outputs.workbooks() {
        refuse_same_output_names(&files, &options.output)?;
    }
    let decisions = decisions(options.decisions.as_deref(), &files, cfg)?;
    let mut staging = Staging::begin(&options.output)?;
    let lang = options.lang;
    let (mut analysis, dressed) = analyse(
        &files,
        cfg,
        &decisions,
        progress,
        options.outputs.workbooks(),
    );
    let plans = crate::fix::plan(&analysis.reading.inputs, &analysis.findings, lang);
    timing::mark("plan");
    let changes = plans.iter().map(|p| p.changes.len()).sum();
    let left = analysis
        .findings
        .iter()
        .filter(|f| f.fix.is_empty() && f.is_open())
        .count();
    let findings_json = options.outputs.workbooks().then(|| {
        let doc = present::Document::new(
            &analysis.reading.inputs,
            &analysis.model.tables,
            &analysis.findings,
            lang,
            FixState::Applied,
        );
        serde_json::to_string_pretty(&doc).expect("JSON of plain data")
    });
    let mut notes = std::mem::take(&mut analysis.notes);
    // The report is assembled before the workbooks are built, so the model is let
    // go first; rendering it then runs beside the writing.
    let report = options
        .outputs
        .report()
        .then(|| corrected_report(&mut analysis, &plans, cfg, &mut notes));
    analysis.release_model();
    let (workbooks, rendered) = std::thread::scope(|scope| {
        let rendering = report.map(|(report, open_errors)| {
            scope.spawn(move || {
                let rendered = crate::render::render(&report);
                timing::mark("rendered");
                (rendered, open_errors)
            })
        });
        let workbooks = if options.outputs.workbooks() {
            corrected_workbooks(&analysis.reading.inputs, dressed, &plans, cfg, lang)
        } else {
            Ok(Vec::new())
        };
        timing::mark("corrected workbooks built");
        let rendered = rendering.map(|r| {
            r.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        (workbooks, rendered)
    });
    let workbooks = workbooks?;
    for (file, bytes) in &workbooks {
        staging.write(&corrected_name(file), bytes)?;
    }
    if let Some(json) = &findings_json {
        staging.write(Path::new("temuan.json"), json.as_bytes())?;
    }
    let report = match rendered {
        None => None,
        Some((rendered, open_errors)) => {
            let name = PathBuf::from(format!("LKjIP-{}.pdf", cfg.office.year));
            let document = name.with_extension("docx");
            let rendered = rendered.map_err(|e| Error::Output {
                path: options.output.join(&name),
                message: Message::new(
                    format!("laporan tidak dapat disusun ({e}); tidak ada keluaran yang diubah"),
                    format!("the report cannot be rendered ({e}); no output was changed"),
                ),
            })?;
            staging.write(&name, &rendered.pdf)?;
            staging.write(&document, &rendered.docx)?;
            Some(ReportOutcome {
                path: options.output.join(name),
                document: options.output.join(document),
                open_errors,
            })
        }
    };
    let written = staging.commit()?;
    timing::mark("outputs in place");
    Ok(Outcome {
        analysis,
        folder: options.output.clone(),
        wrote_workbooks: options.outputs.workbooks(),
        written,
        workbooks: workbooks.len(),
        changes,
        left,
        report,
        notes,
    })
}

/// The report of the corrected data (see [`corrected`]), and how many errors it
/// still holds.
fn corrected_report(
    analysis: &mut Analysis,
    plans: &[WorkbookPlan],
    cfg: &Config,
    notes: &mut Vec<Message>,
) -> (crate::render::Report, usize) {
    let narrative = match crate::text_file::read(&cfg.narrative) {
        Ok(text) => Narrative::parse(&text),
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            notes.push(Message::new(
                format!(
                    "berkas narasi {} tidak dapat dibaca ({e}); laporan memuat penanda tempat narasi",
                    cfg.narrative.display()
                ),
                format!(
                    "the narrative file {} cannot be read ({e}); the report holds placeholders for it",
                    cfg.narrative.display()
                ),
            ));
            Narrative::default()
        }
        Err(_) => {
            notes.push(Message::new(
                format!(
                    "berkas narasi {} tidak ada; laporan memuat penanda tempat narasi",
                    cfg.narrative.display()
                ),
                format!(
                    "the narrative file {} does not exist; the report holds placeholders for it",
                    cfg.narrative.display()
                ),
            ));
            Narrative::default()
        }
    };
    let accepted = data_notes(&analysis.findings);
    let assemble = |model: &Model, findings: &[Finding]| {
        let open_errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error && f.is_open())
            .count();
        let report = crate::assemble::report(model, cfg, &narrative, open_errors, &accepted);
        timing::mark("assembled");
        (report, open_errors)
    };
    match corrected(analysis, plans, cfg) {
        None => assemble(&analysis.model, &analysis.findings),
        Some((model, findings)) => {
            let done = assemble(&model, &findings);
            crate::parallel::discard(model);
            done
        }
    }
}

/// The model and findings of the corrected data, `None` when nothing changes (the
/// data is the input's, and so are its model and findings). The corrections are
/// applied to the inputs in memory (which the workbooks are then written from),
/// their tables located again, and the result modelled and checked: what reading
/// the corrected workbooks back would give, without writing or parsing them.
fn corrected(
    analysis: &mut Analysis,
    plans: &[WorkbookPlan],
    cfg: &Config,
) -> Option<(Model, Vec<Finding>)> {
    if !crate::fix::apply(&mut analysis.reading.inputs, &analysis.model, plans) {
        return None;
    }
    // The input's model is not needed again: let it go before the corrected one
    // is built.
    analysis.release_model();
    let corrected = &mut analysis.reading;
    corrected.tables = readable(corrected)
        .flat_map(|input| crate::structure::tables_of(input, cfg))
        .collect();
    let model = crate::model::build(corrected, cfg);
    let mut findings = crate::check::check(corrected, &model, cfg);
    crate::decide::carry(&analysis.findings, &mut findings);
    timing::mark("corrected data modelled and checked");
    Some((model, findings))
}

/// The accepted findings as the report's appendix lists them, with their rules'
/// titles.
fn data_notes(findings: &[Finding]) -> Vec<crate::assemble::DataNote> {
    findings
        .iter()
        .filter_map(|f| {
            let a = f.accepted.as_ref()?;
            Some(crate::assemble::DataNote {
                code: f.code.to_string(),
                file: f.loc.file.to_string(),
                place: if f.loc.sheet.is_empty() {
                    f.loc.cell.to_string()
                } else {
                    format!("{}!{}", f.loc.sheet, f.loc.cell)
                },
                found: f.found.clone(),
                rule: crate::check::rule(f.code).map_or_else(String::new, |r| r.judul.to_string()),
                reason: a.reason.clone(),
                by: a.by.clone(),
                date: a.date,
            })
        })
        .collect()
}

/// Every corrected workbook's bytes, by input file, built on all cores.
fn corrected_workbooks(
    inputs: &[Input],
    dressed: Vec<Result<Dressed, rust_xlsxwriter::XlsxError>>,
    plans: &[WorkbookPlan],
    cfg: &Config,
    lang: Lang,
) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let input_named = |file: &str| {
        inputs
            .iter()
            .find(|i| i.file == file)
            .expect("a plan per readable input")
    };
    let cells = |file: &str| {
        input_named(file)
            .sheets
            .iter()
            .map(|s| s.rows.iter().map(|(_, r)| r.len() as u64).sum::<u64>())
            .sum()
    };
    // The dressed copies and the plans both follow the readable inputs in order.
    let jobs: Vec<_> = dressed.into_iter().zip(plans).collect();
    crate::parallel::map_owned(
        jobs,
        |(_, plan)| cells(&plan.file),
        |(dressed, plan)| {
            let input = input_named(&plan.file);
            dressed
                .and_then(|dressed| {
                    crate::write::corrected_workbook(input, dressed, plan, &cfg.document_date, lang)
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
    .collect()
}

/// `NAME.ext` → `NAME.koreksi.xlsx`, keeping sub-folders of the input path.
pub fn corrected_name(file: &str) -> PathBuf {
    let p = Path::new(file);
    let stem = p.file_stem().unwrap_or_default().to_string_lossy();
    p.with_file_name(format!("{stem}.koreksi.xlsx"))
}

/// Refuses two inputs whose corrected workbooks would have one name (`RKT.xlsx`
/// and `RKT.ods`, or the same name in two folders), before any work. Names that
/// differ only in case are one name on Windows and macOS, so they are refused
/// everywhere: the same inputs give the same outputs on every system.
fn refuse_same_output_names(files: &[(String, PathBuf)], output: &Path) -> Result<(), Error> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, (file, path)) in files.iter().enumerate() {
        let name = corrected_name(file);
        if let Some(first) = seen.insert(name.to_string_lossy().to_lowercase(), i) {
            let (first_file, first_path) = &files[first];
            return Err(Error::SameOutputName {
                output: output.join(&name),
                inputs: [first_path.clone(), path.clone()],
                by_case: corrected_name(first_file) != name,
            });
        }
    }
    Ok(())
}

/// Refuses an output folder that is (inside) an input folder, before anything is
/// created: inputs are never written to.
fn refuse_input_folder(out: &Path, inputs: &[PathBuf]) -> Result<(), Error> {
    // Where the folder is or would be: a folder refused for being inside the
    // input must not be left behind there.
    let out_real = real_path(out);
    for input in inputs {
        // A folder of inputs is walked whole, so nothing may be written anywhere
        // inside it (the next run would read it); a file named alone only keeps
        // the outputs out of its own folder, so `kinerja data.xlsx` may write to
        // a folder beside it.
        let (folder, inside_counts) = if input.is_dir() {
            (input.clone(), true)
        } else {
            let parent = input.parent().map(Path::to_path_buf).unwrap_or_default();
            (parent, false)
        };
        let folder = if folder.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            folder
        };
        if let Ok(real) = folder.canonicalize() {
            if out_real == real || (inside_counts && out_real.starts_with(&real)) {
                return Err(Error::Output {
                    path: out.to_path_buf(),
                    message: Message::new(
                        format!(
                            "folder ini (berada di dalam) folder masukan {}; masukan tidak pernah ditulisi",
                            folder.display()
                        ),
                        format!(
                            "is (inside) the input folder {}; inputs are never written to",
                            folder.display()
                        ),
                    ),
                });
            }
        }
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The workbooks written from `files`' corrected data, read, modelled and checked
    /// again, with the corrected data's own model and findings.
    fn round_trip(files: &[(String, PathBuf)]) -> ((Model, Vec<Finding>), (Model, Vec<Finding>)) {
        let cfg = Config::load(Path::new("config.toml")).unwrap();
        let (mut analysis, dressed) = analyse(files, &cfg, &Decisions::none(), &mut |_| {}, true);
        let plans = crate::fix::plan(&analysis.reading.inputs, &analysis.findings, Lang::Id);
        let ours = corrected(&mut analysis, &plans, &cfg);
        let workbooks =
            corrected_workbooks(&analysis.reading.inputs, dressed, &plans, &cfg, Lang::Id).unwrap();
        let ours = ours.unwrap_or_else(|| {
            let model = std::mem::take(&mut analysis.model);
            (model, std::mem::take(&mut analysis.findings))
        });
        let inputs = workbooks
            .into_iter()
            .map(|(name, bytes)| crate::read::read_bytes(&name, Path::new(&name), bytes, &cfg))
            .collect();
        let reread = crate::structure::build(inputs, &cfg);
        let model = crate::model::build(&reread, &cfg);
        let findings = crate::check::check(&reread, &model, &cfg);
        (ours, (model, findings))
    }

    /// When nothing is corrected, the input's own model and findings are what the
    /// written workbook reads back as (the RKT of the sample has no finding).
    #[test]
    fn without_corrections_the_checked_model_is_the_corrected_one() {
        let files = vec![(
            "RKT 2023.xlsx".to_string(),
            PathBuf::from("input/RKT 2023.xlsx"),
        )];
        let cfg = Config::load(Path::new("config.toml")).unwrap();
        let analysis = analyse(&files, &cfg, &Decisions::none(), &mut |_| {}, false).0;
        let plans = crate::fix::plan(&analysis.reading.inputs, &analysis.findings, Lang::Id);
        assert_eq!(plans.iter().map(|p| p.changes.len()).sum::<usize>(), 0);
        let ((model, findings), (reread_model, reread_findings)) = round_trip(&files);
        assert_eq!(format!("{model:?}"), format!("{reread_model:?}"));
        assert_eq!(findings, reread_findings);
    }

    /// The corrected data in memory is what the written workbooks read back as: the
    /// same model and findings (so the same report and draft mark), and nothing
    /// left to fix. On the sample, which has corrections in most workbooks.
    #[test]
    fn the_corrected_data_is_what_the_written_workbooks_read_back_as() {
        let cfg = Config::load(Path::new("config.toml")).unwrap();
        let files = files(&[PathBuf::from("input")]).unwrap();
        let analysis = analyse(&files, &cfg, &Decisions::none(), &mut |_| {}, false).0;
        let plans = crate::fix::plan(&analysis.reading.inputs, &analysis.findings, Lang::Id);
        assert_eq!(plans.iter().map(|p| p.changes.len()).sum::<usize>(), 79);
        let ((model, findings), (reread_model, reread_findings)) = round_trip(&files);
        let (ours, theirs) = (format!("{model:#?}"), format!("{reread_model:#?}"));
        if ours != theirs {
            let _ = std::fs::write(std::env::temp_dir().join("kinerja-corrected.txt"), &ours);
            let _ = std::fs::write(std::env::temp_dir().join("kinerja-reread.txt"), &theirs);
        }
        assert!(
            ours == theirs,
            "the models differ: diff the two files in the temporary folder"
        );
        assert_eq!(findings, reread_findings);
        let open = |f: &[Finding]| f.iter().filter(|f| f.severity == Severity::Error).count();
        assert_eq!(open(&findings), 4, "the sample report's DRAFT mark");
        let fixable: Vec<_> = reread_findings
            .iter()
            .filter(|f| !f.fix.is_empty())
            .map(|f| (f.code, format!("{:?}", f.loc)))
            .collect();
        assert_eq!(fixable, Vec::<(&str, String)>::new());
    }
}
