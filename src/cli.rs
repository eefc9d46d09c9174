//! The command line's arguments; `main` dispatches them to `cmd`.

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

impl Cli {
    /// The language of the messages the chosen command prints.
    pub fn lang(&self) -> Lang {
        match &self.command {
            None => self.run.lang,
            Some(Command::Run(c) | Command::Fix(c) | Command::Report(c)) => c.lang,
            Some(Command::Check(c)) => c.common.lang,
            Some(Command::Rules(r)) => r.lang,
            Some(Command::Explain(_)) => LangArg::Id,
        }
        .into()
    }
}
