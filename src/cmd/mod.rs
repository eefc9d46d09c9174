//! One module per subcommand: each turns its arguments into the pipeline's
//! options, runs it, and prints; what they share lives here. No command imports
//! another.

pub mod accept;
pub mod check;
pub mod fix;
pub mod report;
pub mod rules;
pub mod run;
pub mod serve;

use crate::cli::Common;
use crate::config::Config;
use crate::error::Error;
use crate::finding::{Lang, Message};
use crate::pipeline::{Options, Outcome, Outputs};
use crate::Analysis;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// The config named by `-c`, else `./config.toml`, else the built-in default.
pub fn load_config(common: &Common) -> Result<Config, Error> {
    match &common.config {
        Some(path) => Config::load(path),
        None if Path::new("config.toml").is_file() => Config::load(Path::new("config.toml")),
        None => {
            let note = Message::new(
                "catatan: config.toml tidak ditemukan; memakai konfigurasi bawaan",
                "note: no config.toml found; using the built-in config",
            );
            eprintln!("{}", note.get(common.lang.into()));
            Ok(Config::default_config())
        }
    }
}

/// The inputs the arguments name, else the config's.
fn inputs(common: &Common, cfg: &Config) -> Vec<PathBuf> {
    if common.paths.is_empty() {
        vec![cfg.input.clone()]
    } else {
        common.paths.clone()
    }
}

/// The decisions file of the input folder: `keputusan.toml` in the one folder the
/// inputs are. Workbooks named one by one (or several folders) have no input
/// folder: a decisions file beside them is not applied, and a note says so
/// rather than leaving it unread without a word.
fn decisions_file(inputs: &[PathBuf], lang: Lang) -> Option<PathBuf> {
    if let [folder] = inputs {
        if folder.is_dir() {
            return Some(folder.join(crate::decide::FILE_NAME));
        }
    }
    let mut beside: Vec<PathBuf> = inputs
        .iter()
        .map(|p| match p.parent() {
            _ if p.is_dir() => p.join(crate::decide::FILE_NAME),
            Some(parent) => parent.join(crate::decide::FILE_NAME),
            None => PathBuf::from(crate::decide::FILE_NAME),
        })
        .filter(|f| f.is_file())
        .collect();
    beside.dedup();
    for file in beside {
        let note = Message::new(
            format!(
                "catatan: keputusan di {} tidak diterapkan karena masukan bukan satu folder; berikan folder itu saja agar diterapkan",
                file.display()
            ),
            format!(
                "note: the decisions in {} are not applied as the input is not one folder; give that folder alone to apply them",
                file.display()
            ),
        );
        eprintln!("{}", note.get(lang));
    }
    None
}

/// Prints notes on stderr, each labelled.
pub fn say_notes(notes: &[Message], lang: Lang) {
    let label = Message::new("catatan", "note");
    for note in notes {
        eprintln!("{}: {}", label.get(lang), note.get(lang));
    }
}

/// Loads the config, then reads, models and checks the inputs the arguments name,
/// with the decisions of their folder applied.
pub fn analyse(common: &Common) -> Result<Analysis, Error> {
    let cfg = load_config(common)?;
    let inputs = inputs(common, &cfg);
    let files = crate::pipeline::files(&inputs)?;
    let path = decisions_file(&inputs, common.lang.into());
    let decisions = crate::pipeline::decisions(path.as_deref(), &files, &cfg)?;
    let analysis = with_progress(common.quiet, files.len(), |progress| {
        crate::pipeline::check(&files, &cfg, &decisions, progress)
    });
    say_notes(&analysis.notes, common.lang.into());
    Ok(analysis)
}

/// Loads the config and runs the pipeline for these outputs.
pub fn run_pipeline(common: &Common, outputs: Outputs) -> Result<Outcome, Error> {
    let cfg = load_config(common)?;
    let inputs = inputs(common, &cfg);
    let options = Options {
        decisions: decisions_file(&inputs, common.lang.into()),
        inputs,
        output: common.output.clone().unwrap_or_else(|| cfg.output.clone()),
        lang: common.lang.into(),
        outputs,
    };
    // Files to read, then the model and the check.
    let steps = crate::pipeline::files(&options.inputs).map_or(0, |f| f.len());
    let outcome = with_progress(common.quiet, steps, |progress| {
        crate::pipeline::run(&cfg, &options, progress)
    })?;
    say_notes(&outcome.notes, options.lang);
    Ok(outcome)
}

/// Runs `work` with a progress bar on stderr when it is a terminal (hidden
/// otherwise or with `--quiet`), over `files` files and two stages.
fn with_progress<T>(quiet: bool, files: usize, work: impl FnOnce(&mut dyn FnMut(&str)) -> T) -> T {
    let bar = if quiet || !std::io::stderr().is_terminal() {
        indicatif::ProgressBar::hidden()
    } else {
        let bar = indicatif::ProgressBar::new(files as u64 + 2);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} [{elapsed}] {bar:30} {pos}/{len} {wide_msg}",
            )
            .expect("a valid template"),
        );
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        bar
    };
    let done = work(&mut |step| {
        bar.set_message(step.to_string());
        bar.inc(1);
    });
    bar.finish_and_clear();
    done
}

/// Whether findings printed on stdout get colours.
pub fn colour() -> bool {
    std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none()
        && crate::desktop::console_shows_colours()
}

/// Prints `text` on stdout. A closed stdout (`kinerja rules | head -1`) is no
/// error: the reader has what it wanted, and the command carries on quietly.
pub fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// Prints `doc` as pretty JSON, written out as it is serialized (never whole in
/// memory); a closed stdout ends it quietly, as [`print`].
pub fn print_json(doc: &impl serde::Serialize) {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let _ = serde_json::to_writer_pretty(&mut out, doc)
        .map_err(std::io::Error::from)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
}

/// Says what was written: the corrected workbooks, then the report.
pub fn say(outcome: &Outcome, lang: Lang) {
    let out = outcome.folder.display();
    if outcome.wrote_workbooks {
        let (n, changes, left) = (outcome.workbooks, outcome.changes, outcome.left);
        let said = Message::new(
            format!("{n} buku kerja koreksi ditulis ke {out} ({changes} sel diperbaiki, {left} temuan perlu diputuskan)"),
            format!("{n} corrected workbooks written to {out} ({changes} cells corrected, {left} findings left for a person)"),
        );
        eprintln!("{}", said.get(lang));
    }
    if let Some(report) = &outcome.report {
        let (path, document) = (report.path.display(), report.document.display());
        let said = match report.open_errors {
            0 => Message::new(
                format!("laporan ditulis ke {path} (untuk disunting: {document})"),
                format!("report written to {path} (to edit: {document})"),
            ),
            n => Message::new(
                format!("laporan DRAFT ditulis ke {path} (untuk disunting: {document}): {n} temuan galat belum diselesaikan (tanda DRAFT di setiap halaman)"),
                format!("DRAFT report written to {path} (to edit: {document}): {n} error findings unresolved (DRAFT marked on every page)"),
            ),
        };
        eprintln!("{}", said.get(lang));
    }
}

/// The exit code, 2 when an input could not be used, else 1 when errors were found,
/// else 0; the last use of the analysis.
pub fn exit_code(analysis: Analysis) -> i32 {
    let code = analysis.exit_code();
    // The process ends next: handing hundreds of thousands of cells back to the
    // allocator one by one would cost a tenth of a large run for nothing.
    std::mem::forget(analysis);
    code
}
