//! Performance: IKU targets (`iku`), PK targets (`pk_target`), IKU achievement (`capaian`), Tabel 3.3 indicators (`lembaga`) and staff (`personil`).

use super::TableView;
use crate::config::Config;

/// The records of this domain.
#[derive(Debug, Default)]
pub struct Performance {}

/// Builds the records from the located tables of this domain's kinds.
pub fn build(_views: &[TableView], _cfg: &Config) -> Performance {
    Performance {}
}
