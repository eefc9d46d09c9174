//! The command line's arguments; `main` dispatches them to `cmd`.

use crate::date::DocumentDate;
use crate::finding::Lang;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Contoh / examples:
  kinerja                          periksa, koreksi, dan susun laporan dari input/
  kinerja check                    hanya periksa; temuan per sel
  kinerja check --format json      temuan sebagai JSON
  kinerja check data/IDM.xlsx      periksa satu buku kerja
  kinerja accept ID --reason \"…\"   terima satu temuan apa adanya, dengan alasan
  kinerja explain NUM001           penjelasan satu aturan
  kinerja rules                    daftar semua aturan
  kinerja serve                    halaman web di http://127.0.0.1:8080/

Exit codes: 0 no errors, 1 errors found (not accepted), 2 some input or the config could not be used.";

/// Where `kinerja serve` listens unless told.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

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
    /// Render the LKjIP PDF, and the same report as a Word document, to the output folder.
    Report(Common),
    /// Accept findings as they are, with a reason (kept in keputusan.toml of the input folder).
    Accept(AcceptArgs),
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

/// `kinerja accept ID... --reason TEXT [--by NAME]`, `--list`, `--remove ID`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("action").args(["ids", "list", "remove"]).required(true)))]
pub struct AcceptArgs {
    /// The ids of the findings to accept, as `kinerja check` prints them.
    #[arg(value_name = "ID", requires = "reason")]
    pub ids: Vec<String>,
    /// Why the finding stands as it is (the report's appendix prints it).
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// Who decided (default: the login name).
    #[arg(long, value_name = "NAME", requires = "ids")]
    pub by: Option<String>,
    /// The day of the decision (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date, requires = "ids")]
    pub date: Option<DocumentDate>,
    /// List the decisions and whether each still applies.
    #[arg(long, conflicts_with_all = ["ids", "remove", "reason"])]
    pub list: bool,
    /// Take back the decision on this finding.
    #[arg(long, value_name = "ID", conflicts_with_all = ["ids", "reason"])]
    pub remove: Vec<String>,
    /// The input folder, whose keputusan.toml holds the decisions (default: [paths] input of the config).
    #[arg(short, long, value_name = "FOLDER")]
    pub input: Option<PathBuf>,
    /// Config file (default: ./config.toml, else the built-in one).
    #[arg(short, long, value_name = "CONFIG")]
    pub config: Option<PathBuf>,
    /// Language of the messages.
    #[arg(long, value_enum, default_value_t = LangArg::Id)]
    pub lang: LangArg,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
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
    #[arg(long, value_name = "ADDR:PORT", default_value = DEFAULT_LISTEN)]
    pub listen: String,
    /// Config file (default: ./config.toml, else the built-in one).
    #[arg(short, long, value_name = "CONFIG")]
    pub config: Option<PathBuf>,
    /// How long a run's outputs stay downloadable (such as 1h, 30m, 90s).
    #[arg(long, value_name = "DURATION", default_value = "1h", value_parser = duration)]
    pub keep: std::time::Duration,
    /// Open the page in the default browser once it listens.
    #[arg(long)]
    pub open: bool,
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
            Some(Command::Accept(a)) => a.lang,
            Some(Command::Explain(_) | Command::Serve(_)) => LangArg::Id,
        }
        .into()
    }
}

/// `2024-01-15`.
pub fn date(text: &str) -> Result<DocumentDate, String> {
    DocumentDate::from_iso(text.trim()).ok_or_else(|| format!("not a date YYYY-MM-DD: {text:?}"))
}

/// `90s`, `30m`, `1h` (a bare number is minutes).
pub fn duration(text: &str) -> Result<std::time::Duration, String> {
    let text = text.trim();
    let (number, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
        Some(at) => text.split_at(at),
        None => (text, "m"),
    };
    let n: u64 = number
        .parse()
        .map_err(|_| format!("not a duration: {text:?} (such as 1h, 30m, 90s)"))?;
    let seconds = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        _ => return Err(format!("unknown unit in {text:?} (s, m or h)")),
    };
    Ok(std::time::Duration::from_secs(n.saturating_mul(seconds)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn durations_read_with_their_unit() {
        assert_eq!(duration("1h"), Ok(Duration::from_secs(3600)));
        assert_eq!(duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(duration("15"), Ok(Duration::from_secs(900)));
        assert!(duration("1d").is_err());
        assert!(duration("h").is_err());
    }
}
