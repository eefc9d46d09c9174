//! The command line: arguments, and the exit code of each outcome.

use crate::cmd;
use crate::finding::Lang;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Contoh / examples:
  kinerja                          periksa, koreksi, dan susun laporan dari input/
  kinerja check                    hanya periksa; temuan per sel
  kinerja check --format json      temuan sebagai JSON
  kinerja check data/IDM.xlsx      periksa satu buku kerja
  kinerja explain NUM001           penjelasan satu aturan
  kinerja rules                    daftar semua aturan
  kinerja serve                    halaman web di http://127.0.0.1:8080/

Exit codes: 0 no errors, 1 errors found, 2 some input or the config could not be used.";

/// Checks the workbooks behind an LKjIP, writes corrected workbooks and the report.
#[derive(Debug, Parser)]
#[command(name = "kinerja", version, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub run: Common,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check, fix and render the report in one go (the default).
    Run(Common),
    /// Find every error with its cell; nothing is written.
    Check(CheckArgs),
    /// Write corrected workbooks to the output folder.
    Fix(Common),
    /// Render the LKjIP PDF to the output folder.
    Report(Common),
    /// List every rule.
    Rules(RulesArgs),
    /// Explain one rule.
    Explain(ExplainArgs),
    /// Serve the whole job as a web page (offline, from this binary).
    Serve(ServeArgs),
}

/// Options every working command takes.
#[derive(Debug, Args, Clone, Default)]
pub struct Common {
    /// Workbooks or folders of workbooks (default: [paths] input of the config).
    pub paths: Vec<PathBuf>,
    /// Config file (default: ./config.toml, else the built-in one).
    #[arg(short, long, value_name = "CONFIG")]
    pub config: Option<PathBuf>,
    /// Output folder (default: [paths] output of the config).
    #[arg(short, long, value_name = "OUTPUT_DIR")]
    pub output: Option<PathBuf>,
    /// Language of findings and messages.
    #[arg(long, value_enum, default_value_t = LangArg::Id)]
    pub lang: LangArg,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Print the full catalogue in Markdown (as in docs/rules.md).
    #[arg(long)]
    pub markdown: bool,
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on; beyond loopback an access token is required.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080")]
    pub listen: String,
    /// Config file (default: ./config.toml, else the built-in one).
    #[arg(short, long, value_name = "CONFIG")]
    pub config: Option<PathBuf>,
    /// How long a run's outputs stay downloadable (such as 1h, 30m, 90s).
    #[arg(long, value_name = "DURATION", default_value = "1h", value_parser = crate::cmd::serve::duration)]
    pub keep: std::time::Duration,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule code, such as NUM001.
    pub code: String,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum LangArg {
    #[default]
    Id,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Id => Lang::Id,
            LangArg::En => Lang::En,
        }
    }
}

/// Parses the arguments, runs the command, and returns the exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    let lang: Lang = match &cli.command {
        None => cli.run.lang,
        Some(Command::Run(c) | Command::Fix(c) | Command::Report(c)) => c.lang,
        Some(Command::Check(c)) => c.common.lang,
        Some(Command::Rules(r)) => r.lang,
        Some(Command::Explain(_) | Command::Serve(_)) => LangArg::Id,
    }
    .into();
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
    match outcome {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", e.report(lang));
            2
        }
    }
}
