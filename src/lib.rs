//! kinerja: checks the workbooks behind an Indonesian office's yearly performance
//! report (LKjIP), writes corrected workbooks, and renders the report.
//!
//! The pipeline flows one way: [`read`] (workbooks to cells) → [`structure`]
//! (the tables) → [`model`]
//! (typed records) → [`check`] (findings) → [`fix`] (the corrected data) →
//! [`write`] and [`assemble`]/[`render`]; [`pipeline`] runs the stages in order
//! and [`output`] puts a run's outputs in place as one set. See
//! `docs/architecture.md`.

pub mod assemble;
pub mod cell;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod compare;
pub mod config;
pub mod date;
pub mod decide;
pub mod desktop;
pub mod error;
pub mod finding;
pub mod fix;
pub mod hash;
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
pub mod serve;
pub mod structure;
pub mod table;
pub mod text_file;
pub mod timing;
pub mod words;
pub mod write;

pub use pipeline::Analysis;

/// Reads, models and checks the given files (see [`pipeline::check`]).
pub fn analyse(files: &[(String, std::path::PathBuf)], cfg: &config::Config) -> Analysis {
    pipeline::check(files, cfg, &decide::Decisions::none(), &mut |_| {})
}
