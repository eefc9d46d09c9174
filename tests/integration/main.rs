//! Integration tests: the real binary on real files, each test in its own folder.

mod util;

mod bad_input;
mod budget;
mod docs;
mod fixing;
mod properties;
mod reading;
mod sample;
