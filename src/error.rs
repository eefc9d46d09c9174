//! Errors: the run could not happen (a config that cannot be used, an output
//! folder that cannot be written). What a run finds in the workbooks are findings,
//! not errors; a workbook that cannot be read is reported per input and the run
//! goes on with the others.

use std::fmt;
use std::path::PathBuf;

/// Everything that stops a command before or while it works.
#[derive(Debug)]
pub enum Error {
    /// The config file could not be read from disk.
    ConfigRead {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The config file is not valid TOML or has an unknown key.
    ConfigSyntax { path: PathBuf, message: String },
    /// A config key holds a value the tool cannot use.
    ConfigValue { key: String, message: String },
    /// An input path given on the command line does not exist.
    InputMissing { path: PathBuf },
    /// The output folder cannot be created or written.
    Output { path: PathBuf, message: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::ConfigRead { path, source } => {
                write!(f, "cannot read config {}: {source}", path.display())
            }
            Error::ConfigSyntax { path, message } => {
                write!(f, "config {}: {message}", path.display())
            }
            Error::ConfigValue { key, message } => write!(f, "config key `{key}`: {message}"),
            Error::InputMissing { path } => {
                write!(f, "input path {} does not exist", path.display())
            }
            Error::Output { path, message } => {
                write!(f, "output folder {}: {message}", path.display())
            }
        }
    }
}

impl Error {
    /// What the user can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            Error::ConfigRead { .. } => "pass the config with -c PATH, or run from the project folder that holds config.toml",
            Error::ConfigSyntax { .. } | Error::ConfigValue { .. } => {
                "compare with the documented config.toml shipped with kinerja"
            }
            Error::InputMissing { .. } => "give a workbook or a folder of workbooks, or set [paths] input in the config",
            Error::Output { .. } => "choose another folder with -o, one that is writable and is not an input folder",
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_their_context() {
        let e = Error::ConfigValue {
            key: "idm.bands[2].max".into(),
            message: "not a number: \"x\"".into(),
        };
        assert_eq!(
            e.to_string(),
            "config key `idm.bands[2].max`: not a number: \"x\""
        );
        let e = Error::InputMissing {
            path: "nowhere".into(),
        };
        assert_eq!(e.to_string(), "input path nowhere does not exist");
        let e = Error::Output {
            path: "input".into(),
            message: "is an input folder".into(),
        };
        assert_eq!(e.to_string(), "output folder input: is an input folder");
    }
}
