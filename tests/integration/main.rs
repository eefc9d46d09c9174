//! Integration tests: the real binary on real files, each test in its own folder.

mod util;

mod bad_input;
mod browser;
mod budget;
mod decisions;
mod desktop;
mod docs;
mod faults;
mod fixing;
mod headers;
mod hostile;
mod identity;
mod idm;
mod indeks_desa;
mod judged;
mod ministry;
mod performance;
mod properties;
mod reading;
mod render;
mod renja;
mod report;
mod roots;
mod sample;
mod sipd;
mod structure;
mod temuan;
mod web;
mod windows;
mod word;
