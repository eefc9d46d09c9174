//! `kinerja fix`: corrected workbooks.

use crate::cli::Common;
use crate::error::Error;

pub fn run(_common: &Common) -> Result<i32, Error> {
    eprintln!("error: `kinerja fix` is not built yet\nhint: use `kinerja check` to see the findings");
    Ok(2)
}
