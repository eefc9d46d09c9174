//! Parses the arguments, runs the command, and exits with its code.

use clap::Parser;
use kinerja::cli::{Cli, Command};
use kinerja::cmd;

fn main() {
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
    };
    std::process::exit(match outcome {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", e.report(lang));
            2
        }
    });
}
