//! Parses the arguments, runs the command, and exits with its code.

use clap::Parser;
use kinerja::cli::{Cli, Command};
use kinerja::cmd;

fn main() {
    few_arenas();
    let cli = Cli::parse();
    let lang = cli.lang();
    let outcome = match cli.command {
        None => cmd::run::run(&cli.run),
        Some(Command::Run(c)) => cmd::run::run(&c),
        Some(Command::Check(c)) => cmd::check::run(&c.common, c.format),
        Some(Command::Fix(c)) => cmd::fix::run(&c),
        Some(Command::Report(c)) => cmd::report::run(&c),
        Some(Command::Rules(r)) => cmd::rules::list(r.markdown, r.lang.into()),
        Some(Command::Explain(e)) => cmd::rules::explain(&e.code),
        Some(Command::Serve(s)) => cmd::serve::run(&s),
    };
    std::process::exit(match outcome {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", e.report(lang));
            2
        }
    });
}

/// Caps glibc's malloc at two arenas (one per core of the machines this runs on).
/// By default every thread that allocates gets an arena of its own, up to eight
/// per core, and the memory freed in one is not reused by another: at 75,000
/// villages that kept some 50 MB of freed space resident beside the live data.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn few_arenas() {
    extern "C" {
        fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
    }
    const M_ARENA_MAX: std::ffi::c_int = -8;
    // SAFETY: mallopt only sets an allocator parameter; it is called before any
    // thread is started, and a refusal (0) leaves the default in place.
    unsafe {
        mallopt(M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn few_arenas() {}
