//! kinerja: checks the workbooks behind an Indonesian office's yearly performance
//! report (LKjIP), writes corrected workbooks, and renders the report.
//!
//! The pipeline flows one way: [`read`] (workbooks to located tables) → [`model`]
//! (typed records) → [`check`] (findings) → fix and render.

pub mod cell;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod error;
pub mod finding;
pub mod model;
pub mod names;
pub mod number;
pub mod present;
pub mod read;
pub mod render;
pub mod table;
// pub mod words; (helper writing it)

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

/// Reads, models and checks the given files.
pub fn analyse(files: &[(String, PathBuf)], cfg: &Config) -> Analysis {
    let reading = read::read(files, cfg);
    let model = model::build(&reading, cfg);
    let findings = check::check(&reading, &model, cfg);
    Analysis { reading, model, findings }
}
