//! Parses the arguments, runs the command, and exits with its code.

use clap::Parser;
use kinerja::cli::{Cli, Command};
use kinerja::cmd;

fn main() {
    // A double-click in Explorer gives no arguments and no terminal to read
    // findings in: it starts the page and opens it in the browser instead.
    let from_explorer = std::env::args_os().len() == 1 && kinerja::desktop::started_from_explorer();
    let cli = if from_explorer {
        Cli::parse_from(cmd::serve::from_explorer())
    } else {
        Cli::parse()
    };
    tune_memory(!matches!(
        cli.command,
        Some(Command::Check(_) | Command::Accept(_) | Command::Rules(_) | Command::Explain(_))
    ));
    let lang = cli.lang();
    let outcome = match cli.command {
        None => cmd::run::run(&cli.run),
        Some(Command::Run(c)) => cmd::run::run(&c),
        Some(Command::Check(c)) => cmd::check::run(&c.common, c.format),
        Some(Command::Fix(c)) => cmd::fix::run(&c),
        Some(Command::Report(c)) => cmd::report::run(&c),
        Some(Command::Accept(a)) => cmd::accept::run(&a),
        Some(Command::Rules(r)) => cmd::rules::list(r.markdown, r.lang.into()),
        Some(Command::Explain(e)) => cmd::rules::explain(&e.code),
        Some(Command::Serve(s)) => cmd::serve::run(&s),
    };
    let code = match outcome {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", e.report(lang));
            2
        }
    };
    if from_explorer && code != 0 {
        kinerja::desktop::wait_for_enter(lang);
    }
    std::process::exit(code);
}

/// mimalloc: at 75,000 villages glibc's malloc spent a quarter of `kinerja run`'s
/// CPU on its arena locks and consolidation (rules, drafting and rendering
/// allocate on several threads at once), and kept freed space resident.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// How the allocator treats memory, by what the command does next.
///
/// Pages are 4 KiB for every command: mimalloc asks for transparent huge pages,
/// and the kernel then stalls to find and clear 2 MiB at a time; at 75,000
/// villages `kinerja check` right after another large process spent 0.2–0.5 s of
/// system time on them, and purging them cost `kinerja run` 3 s at 300,000.
/// The commands that write let go of large data (the model, the drafts) right
/// before they build more (the corrected workbooks, the PDF) beside the inputs:
/// memory freed goes back to the system at once. `check` only holds its analysis
/// until it ends: memory freed is kept for reuse, never handed back.
fn tune_memory(writes: bool) {
    extern "C" {
        fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    // mimalloc's `mi_option_purge_delay` (15 in both its v2 and v3 headers): ms
    // before freed memory is handed back, -1 never.
    const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;
    // SAFETY: mi_option_set only sets an allocator option.
    unsafe {
        mi_option_set(MI_OPTION_PURGE_DELAY, if writes { 0 } else { -1 });
    }
    no_huge_pages();
}

/// Transparent huge pages off for this process (future faults use 4 KiB pages).
#[cfg(target_os = "linux")]
fn no_huge_pages() {
    extern "C" {
        fn prctl(option: std::ffi::c_int, ...) -> std::ffi::c_int;
    }
    const PR_SET_THP_DISABLE: std::ffi::c_int = 41;
    // SAFETY: prctl with PR_SET_THP_DISABLE only sets a flag of this process; a
    // kernel without it refuses (-1) and nothing changes.
    unsafe {
        prctl(
            PR_SET_THP_DISABLE,
            1 as std::ffi::c_ulong,
            0 as std::ffi::c_ulong,
            0 as std::ffi::c_ulong,
            0 as std::ffi::c_ulong,
        );
    }
}

#[cfg(not(target_os = "linux"))]
fn no_huge_pages() {}
