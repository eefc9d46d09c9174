//! `kinerja` / `kinerja run`: check, then fix, then report.

use crate::cli::{Common, Format};
use crate::error::Error;

pub fn run(common: &Common) -> Result<i32, Error> {
    super::check::run(common, Format::Text)
}
