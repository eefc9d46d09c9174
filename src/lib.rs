//! kinerja: checks the workbooks behind an Indonesian office's yearly performance
//! report (LKjIP), writes corrected workbooks, and renders the report.
//!
//! The pipeline flows one way: [`read`] (workbooks to located tables) → [`model`]
//! (typed records) → [`check`] (findings) → fix and render.

pub mod assemble;
pub mod cell;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod error;
pub mod finding;
pub mod fix;
pub mod model;
pub mod names;
pub mod narrative;
pub mod number;
pub mod parallel;
pub mod present;
pub mod read;
pub mod render;
pub mod serve;
pub mod table;
pub mod timing;
pub mod words;
pub mod write;

use config::Config;
use finding::Finding;
use model::Model;
use read::Reading;
use std::path::PathBuf;

/// A run's reading, model and findings.
pub struct Analysis {
    pub reading: Reading,
    pub model: Model,
    pub findings: Vec<Finding>,
}

impl Analysis {
    /// Lets go of what only checking needed (the located tables' copies of their
    /// cells and the model), keeping the inputs and findings; it is freed on another
    /// thread while the caller goes on, so writing corrected workbooks does not hold
    /// both at once. The tables' summaries stay.
    pub fn release_model(&mut self) {
        let tables = std::mem::take(&mut self.reading.tables);
        let model = Model {
            tables: std::mem::take(&mut self.model.tables),
            ..Model::default()
        };
        let model = std::mem::replace(&mut self.model, model);
        std::thread::spawn(move || drop((tables, model)));
    }
}

/// Reads, models and checks the given files.
pub fn analyse(files: &[(String, PathBuf)], cfg: &Config) -> Analysis {
    analyse_with_progress(files, cfg, &mut |_| {})
}

/// [`analyse`], telling `progress` what it is doing (a file name, then a stage).
pub fn analyse_with_progress(
    files: &[(String, PathBuf)],
    cfg: &Config,
    progress: &mut dyn FnMut(&str),
) -> Analysis {
    analyse_alongside(files, cfg, progress, |_, _| ()).0
}

/// [`analyse_with_progress`], running `alongside` on another core while the model
/// is built and the rules run. It gets the reading and a way to wait for the model
/// (all of them are only read).
pub fn analyse_alongside<T: Send>(
    files: &[(String, PathBuf)],
    cfg: &Config,
    progress: &mut dyn FnMut(&str),
    alongside: impl for<'a> FnOnce(&'a Reading, &'a (dyn Fn() -> &'a Model + 'a)) -> T + Send,
) -> (Analysis, T) {
    timing::begin();
    let reading = read::read_with_progress(files, cfg, progress);
    timing::mark("read");
    let built = std::sync::OnceLock::new();
    let (model_built, wait) = std::sync::mpsc::channel::<()>();
    let (findings, beside) = std::thread::scope(|scope| {
        let (reading, built, alongside) = (&reading, &built, alongside);
        let beside = scope.spawn(move || {
            let model = || -> &Model {
                built.get().unwrap_or_else(|| {
                    // Nothing arrives only when building the model panicked, and
                    // that panic is the one to report.
                    let _ = wait.recv();
                    built
                        .get()
                        .expect("the model is built before it is announced")
                })
            };
            alongside(reading, &model)
        });
        progress("model");
        let model = built.get_or_init(|| model::build(reading, cfg));
        let _ = model_built.send(());
        timing::mark("model");
        progress("check");
        let findings = check::check(reading, model, cfg);
        timing::mark("check");
        let beside = beside
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (findings, beside)
    });
    timing::mark("alongside the model and the check");
    let analysis = Analysis {
        reading,
        model: built.into_inner().expect("the model was built"),
        findings,
    };
    (analysis, beside)
}
