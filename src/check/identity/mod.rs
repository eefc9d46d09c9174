//! Identity family: rows are who they say they are. Numbering without gaps or
//! repeats, no village listed twice, one spelling per kecamatan, no blank
//! required cell. One rule per file; the typo search IDT003 uses is in
//! [`typos`].

mod idt001;
mod idt002;
mod idt003;
mod idt004;
mod typos;

use super::Rule;

pub static RULES: &[Rule] = &[idt001::RULE, idt002::RULE, idt003::RULE, idt004::RULE];
