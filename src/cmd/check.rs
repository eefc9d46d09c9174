//! `kinerja check`: every finding with its cell; writes nothing.

use crate::cli::{Common, Format};
use crate::error::Error;
use crate::present::{self, FixState};

pub fn run(common: &Common, format: Format) -> Result<i32, Error> {
    let analysis = super::analyse(common)?;
    let lang = common.lang.into();
    let (inputs, tables, findings) = (
        &analysis.reading.inputs,
        &analysis.model.tables,
        &analysis.findings,
    );
    match format {
        Format::Json => {
            super::print_json(&present::Document::new(
                inputs,
                tables,
                findings,
                lang,
                FixState::Suggested,
            ));
        }
        Format::Text => super::print(&present::text(
            inputs,
            tables,
            findings,
            lang,
            super::colour(),
        )),
    }
    Ok(super::exit_code(analysis))
}
