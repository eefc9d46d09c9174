//! `kinerja report`: the LKjIP PDF and its Word document, rendered from the corrected data.

use crate::cli::Common;
use crate::error::Error;
use crate::pipeline::Outputs;

pub fn run(common: &Common) -> Result<i32, Error> {
    let outcome = super::run_pipeline(common, Outputs::Report)?;
    super::say(&outcome, common.lang.into());
    Ok(super::exit_code(outcome.analysis))
}
