//! IDM: villages (`idm_desa`) and the status summary (`idm_rekap`).

use super::TableView;
use crate::config::Config;

/// The records of this domain.
#[derive(Debug, Default)]
pub struct Idm {}

/// Builds the records from the located tables of this domain's kinds.
pub fn build(_views: &[TableView], _cfg: &Config) -> Idm {
    Idm {}
}
