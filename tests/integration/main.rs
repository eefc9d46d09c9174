//! Integration tests: the real binary on real files, each test in its own folder.

mod util;

mod bad_input;
mod reading;
mod render;
