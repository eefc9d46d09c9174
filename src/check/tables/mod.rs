//! Tables family: what the reading stage could not place or found odd (a header
//! without rows, tables side by side, a merge over a table, a figure column of
//! text, rows outside their code's block), and what it read of a table as a whole
//! (its own year). One rule per file.

mod tbl001;
mod tbl002;
mod tbl003;
mod tbl004;
mod tbl005;
mod tbl006;
mod tbl007;

use super::Rule;

pub static RULES: &[Rule] = &[
    tbl001::RULE,
    tbl002::RULE,
    tbl003::RULE,
    tbl004::RULE,
    tbl005::RULE,
    tbl006::RULE,
    tbl007::RULE,
];
