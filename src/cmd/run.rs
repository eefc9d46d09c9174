//! `kinerja` / `kinerja run`: check, then fix, then report, from one reading.

use crate::cli::Common;
use crate::error::Error;
use crate::present;
use std::io::IsTerminal;

pub fn run(common: &Common) -> Result<i32, Error> {
    let cfg = super::load_config(common)?;
    let out = super::fix::output_dir(common, &cfg)?;
    let lang = common.lang.into();
    let (analysis, corrections) = super::fix::correct(common, &cfg, lang)?;
    let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    print!(
        "{}",
        present::text(
            &analysis.reading.inputs,
            &analysis.model.tables,
            &analysis.findings,
            lang,
            colour
        )
    );
    let written = super::fix::write_corrections(&analysis, &corrections, &out, lang)?;
    super::fix::say(&written, &out, lang);
    let (path, corrected) = super::report::write_report(&cfg, &corrections.workbooks, &out)?;
    super::report::announce(&path, &corrected);
    Ok(super::exit_code(analysis))
}
