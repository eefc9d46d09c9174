//! Tables family: what the reading stage could not place, and what it read of a
//! table as a whole (its own year). One rule per file.

mod tbl001;
mod tbl002;
mod tbl003;
mod tbl004;

use super::Rule;

pub static RULES: &[Rule] = &[tbl001::RULE, tbl002::RULE, tbl003::RULE, tbl004::RULE];
