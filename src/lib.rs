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
    timing::begin();
    let reading = read::read_with_progress(files, cfg, progress);
    timing::mark("read");
    progress("model");
    let model = model::build(&reading, cfg);
    timing::mark("model");
    progress("check");
    let findings = check::check(&reading, &model, cfg);
    timing::mark("check");
    Analysis {
        reading,
        model,
        findings,
    }
}
