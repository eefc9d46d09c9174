//! `kinerja fix`: corrected workbooks and `temuan.json` in the output folder.

use crate::cli::Common;
use crate::error::Error;
use crate::pipeline::Outputs;

pub fn run(common: &Common) -> Result<i32, Error> {
    let outcome = super::run_pipeline(common, Outputs::Workbooks)?;
    super::say(&outcome, common.lang.into());
    Ok(super::exit_code(outcome.analysis))
}
