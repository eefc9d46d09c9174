//! kinerja: checks the workbooks behind an Indonesian office's yearly performance
//! report (LKjIP), writes corrected workbooks, and renders the report.
//!
//! The pipeline flows one way: [`read`] (workbooks to located tables) → [`model`]
//! (typed records) → [`check`] (findings) → [`fix`] (the corrected data) →
//! [`write`] and [`assemble`]/[`render`]; [`pipeline`] runs the stages in order
//! and [`output`] puts a run's outputs in place as one set. See
//! `docs/architecture.md`.

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
pub mod output;
pub mod parallel;
pub mod pipeline;
pub mod present;
pub mod read;
pub mod render;
pub mod table;
pub mod timing;
pub mod words;
pub mod write;

use finding::Finding;
use model::Model;
use read::Reading;

/// A run's reading, model and findings: the checked stage.
pub struct Analysis {
    pub reading: Reading,
    pub model: Model,
    pub findings: Vec<Finding>,
}

impl Analysis {
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
        parallel::discard((tables, model));
    }
}

/// Reads, models and checks the given files (see [`pipeline::check`]).
pub fn analyse(files: &[(String, std::path::PathBuf)], cfg: &config::Config) -> Analysis {
    pipeline::check(files, cfg, &mut |_| {})
}
