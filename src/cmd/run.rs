//! `kinerja` / `kinerja run`: check, then fix, then report, from one reading.

use crate::cli::Common;
use crate::error::Error;
use crate::present;
use std::io::IsTerminal;

pub fn run(common: &Common) -> Result<i32, Error> {
    let cfg = super::load_config(common)?;
    let out = super::fix::output_dir(common, &cfg)?;
    let mut analysis = super::analyse_with(common, &cfg)?;
    let lang = common.lang.into();
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
    let (written, workbooks) = super::fix::write_corrections(&cfg, &mut analysis, &out, lang)?;
    super::fix::say(&written, &out, lang);
    let (path, corrected) = super::report::write_report(&cfg, &workbooks, &out)?;
    super::report::announce(&path, &corrected);
    Ok(super::exit_code(analysis))
}
