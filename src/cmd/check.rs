//! `kinerja check`: every finding with its cell; writes nothing.

use crate::cli::{Common, Format};
use crate::error::Error;
use crate::present::{self, FixState};
use std::io::IsTerminal;

pub fn run(common: &Common, format: Format) -> Result<i32, Error> {
    let (_, analysis) = super::analyse(common)?;
    let lang = common.lang.into();
    match format {
        Format::Json => {
            let doc = present::json(
                &analysis.reading.inputs,
                &analysis.model.tables,
                &analysis.findings,
                lang,
                FixState::Suggested,
            );
            println!(
                "{}",
                serde_json::to_string_pretty(&doc).expect("JSON of plain data")
            );
        }
        Format::Text => {
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
        }
    }
    Ok(super::exit_code(analysis))
}
