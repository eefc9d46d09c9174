//! `kinerja` / `kinerja run`: check, then fix, then report, from one reading.

use crate::cli::Common;
use crate::error::Error;
use crate::pipeline::Outputs;
use crate::present;

pub fn run(common: &Common) -> Result<i32, Error> {
    let outcome = super::run_pipeline(common, Outputs::All)?;
    let lang = common.lang.into();
    let analysis = &outcome.analysis;
    super::print(&present::text(
        &analysis.reading.inputs,
        &analysis.model.tables,
        &analysis.findings,
        lang,
        super::colour(),
    ));
    super::say(&outcome, lang);
    Ok(super::exit_code(outcome.analysis))
}
