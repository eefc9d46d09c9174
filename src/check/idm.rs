//! idm family.

use super::Rule;

pub static RULES: &[Rule] = &[];
