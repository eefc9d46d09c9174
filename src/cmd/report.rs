//! `kinerja report`: the LKjIP PDF.

use crate::cli::Common;
use crate::error::Error;

pub fn run(_common: &Common) -> Result<i32, Error> {
    eprintln!(
        "error: `kinerja report` is not built yet\nhint: use `kinerja check` to see the findings"
    );
    Ok(2)
}
