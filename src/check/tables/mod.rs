//! Tables family: what the reading stage could not place. One rule per file.

mod tbl001;

use super::Rule;

pub static RULES: &[Rule] = &[tbl001::RULE];
