//! Money: budget realisation (`anggaran`), PK program budgets (`pk_anggaran`), the RKT (`rkt`) and the spending summary (`pembiayaan`).

use super::TableView;
use crate::config::Config;

/// The records of this domain.
#[derive(Debug, Default)]
pub struct Budget {}

/// Builds the records from the located tables of this domain's kinds.
pub fn build(_views: &[TableView], _cfg: &Config) -> Budget {
    Budget {}
}
