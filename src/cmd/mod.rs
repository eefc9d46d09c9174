//! One module per subcommand; what they share lives here.

pub mod check;
pub mod fix;
pub mod report;
pub mod rules;
pub mod run;
pub mod serve;

use crate::cli::Common;
use crate::config::Config;
use crate::error::Error;
use crate::finding::Severity;
use crate::read::InputStatus;
use crate::Analysis;
use std::path::{Path, PathBuf};

/// The config named by `-c`, else `./config.toml`, else the built-in default.
pub fn load_config(common: &Common) -> Result<Config, Error> {
    match &common.config {
        Some(path) => Config::load(path),
        None if Path::new("config.toml").is_file() => Config::load(Path::new("config.toml")),
        None => {
            eprintln!("catatan: config.toml tidak ditemukan; memakai konfigurasi bawaan");
            Ok(Config::default_config())
        }
    }
}

/// Loads the config and analyses the inputs the arguments name.
pub fn analyse(common: &Common) -> Result<(Config, Analysis), Error> {
    let cfg = load_config(common)?;
    let analysis = analyse_with(common, &cfg)?;
    Ok((cfg, analysis))
}

/// Analyses the inputs the arguments name, with this config.
pub fn analyse_with(common: &Common, cfg: &Config) -> Result<Analysis, Error> {
    Ok(analyse_alongside(common, cfg, |_, _| ())?.0)
}

/// [`analyse_with`], running `alongside` while the rules run (see
/// [`crate::analyse_alongside`]).
pub fn analyse_alongside<T: Send>(
    common: &Common,
    cfg: &Config,
    alongside: impl for<'a> FnOnce(
            &'a crate::read::Reading,
            &'a (dyn Fn() -> &'a crate::model::Model + 'a),
        ) -> T
        + Send,
) -> Result<(Analysis, T), Error> {
    let paths: Vec<PathBuf> = if common.paths.is_empty() {
        vec![cfg.input.clone()]
    } else {
        common.paths.clone()
    };
    let files = crate::read::discover(&paths)?;
    let bar = progress_bar(common.quiet, files.len() as u64 + 2);
    let done = crate::analyse_alongside(
        &files,
        cfg,
        &mut |step| {
            bar.set_message(step.to_string());
            bar.inc(1);
        },
        alongside,
    );
    bar.finish_and_clear();
    Ok(done)
}

/// A progress bar on stderr when it is a terminal; hidden otherwise or with `--quiet`.
pub fn progress_bar(quiet: bool, len: u64) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} [{elapsed}] {bar:30} {pos}/{len} {wide_msg}",
        )
        .expect("a valid template"),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

/// The exit code, 2 when an input could not be used, else 1 when errors were found,
/// else 0; the last use of the analysis.
pub fn exit_code(analysis: Analysis) -> i32 {
    let code = code_of(&analysis);
    // The process ends next: handing hundreds of thousands of cells back to the
    // allocator one by one would cost a tenth of a large run for nothing.
    std::mem::forget(analysis);
    code
}

/// The exit code of an analysis (see [`exit_code`]).
pub fn code_of(analysis: &Analysis) -> i32 {
    if analysis
        .reading
        .inputs
        .iter()
        .any(|i| i.status != InputStatus::Ok)
    {
        2
    } else if analysis
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error)
    {
        1
    } else {
        0
    }
}
