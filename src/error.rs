//! Errors: the run could not happen (a config that cannot be used, an output
//! folder that cannot be written). What a run finds in the workbooks are findings,
//! not errors; a workbook that cannot be read is reported per input and the run
//! goes on with the others.

use crate::finding::{Lang, Message};
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
    /// A backslash in a double-quoted TOML string (a Windows path as Explorer
    /// shows it), which TOML reads as an escape.
    ConfigBackslash {
        path: PathBuf,
        line: usize,
        text: String,
    },
    /// A config key holds a value the tool cannot use.
    ConfigValue { key: String, message: String },
    /// An input path given on the command line does not exist.
    InputMissing { path: PathBuf },
    /// The output folder (or a file in it) cannot be created or written.
    Output { path: PathBuf, message: Message },
    /// An output file to be replaced is held open by another program (a workbook
    /// open in Excel, on Windows); nothing was changed.
    OutputHeld { path: PathBuf },
    /// Two inputs would give corrected workbooks of one name (compared without
    /// case, as Windows does).
    SameOutputName {
        output: PathBuf,
        inputs: [PathBuf; 2],
        /// The two names differ in case only.
        by_case: bool,
    },
    /// `serve` cannot listen at the address asked for (taken, or not this machine's).
    Listen { addr: String, message: String },
    /// The decisions file (`keputusan.toml`) cannot be used: at `line` when the
    /// problem is one entry's.
    Decisions {
        path: PathBuf,
        line: Option<usize>,
        message: Message,
    },
    /// A decision asked for names findings the inputs do not have.
    NoSuchFinding { ids: Vec<String> },
}

impl Error {
    /// The message in the user's language; the config's own detail (a TOML parser's
    /// or a key's complaint) stays as the config is written, in English.
    pub fn describe(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        match self {
            Error::ConfigRead { path, source } if id => {
                format!(
                    "konfigurasi {} tidak dapat dibaca: {source}",
                    path.display()
                )
            }
            Error::ConfigRead { path, source } => {
                format!("cannot read config {}: {source}", path.display())
            }
            Error::ConfigSyntax { path, message } if id => {
                format!("konfigurasi {}: {message}", path.display())
            }
            Error::ConfigSyntax { path, message } => {
                format!("config {}: {message}", path.display())
            }
            Error::ConfigBackslash { path, line, text } if id => format!(
                "konfigurasi {}, baris {line}: garis miring terbalik (\\) di antara petik ganda dibaca sebagai kode khusus: {text}",
                path.display()
            ),
            Error::ConfigBackslash { path, line, text } => format!(
                "config {}, line {line}: a backslash (\\) between double quotes is read as an escape: {text}",
                path.display()
            ),
            Error::ConfigValue { key, message } if id => {
                format!("kunci konfigurasi `{key}`: {message}")
            }
            Error::ConfigValue { key, message } => format!("config key `{key}`: {message}"),
            Error::InputMissing { path } if id => {
                format!("masukan {} tidak ada", path.display())
            }
            Error::InputMissing { path } => format!("input path {} does not exist", path.display()),
            Error::Output { path, message } if id => {
                format!("keluaran {}: {}", path.display(), message.get(lang))
            }
            Error::Output { path, message } => {
                format!("output {}: {}", path.display(), message.get(lang))
            }
            Error::OutputHeld { path } if id => format!(
                "keluaran {}: berkas ini sedang dibuka di program lain (misalnya Excel), jadi tidak dapat diganti; tidak ada keluaran yang diubah, folder keluaran tetap seperti semula",
                path.display()
            ),
            Error::OutputHeld { path } => format!(
                "output {}: the file is open in another program (such as Excel), so it cannot be replaced; no output was changed, the output folder is as it was",
                path.display()
            ),
            Error::SameOutputName {
                output,
                inputs: [a, b],
                by_case,
            } if id => format!(
                "keluaran {}: masukan {} dan {} sama-sama menjadi berkas ini{}; tidak ada keluaran yang diubah",
                output.display(),
                a.display(),
                b.display(),
                if *by_case {
                    " (Windows tidak membedakan huruf besar dan kecil)"
                } else {
                    ""
                }
            ),
            Error::SameOutputName {
                output,
                inputs: [a, b],
                by_case,
            } => format!(
                "output {}: the inputs {} and {} would both become this file{}; no output was changed",
                output.display(),
                a.display(),
                b.display(),
                if *by_case {
                    " (Windows does not tell upper from lower case)"
                } else {
                    ""
                }
            ),
            Error::Listen { addr, message } if id => {
                format!("tidak dapat mendengarkan di {addr}: {message}")
            }
            Error::Listen { addr, message } => format!("cannot listen on {addr}: {message}"),
            Error::Decisions {
                path,
                line,
                message,
            } => {
                let at = match (line, id) {
                    (Some(n), true) => format!(" baris {n}"),
                    (Some(n), false) => format!(" line {n}"),
                    (None, _) => String::new(),
                };
                let what = if id { "keputusan" } else { "decisions" };
                format!("{what} {}{at}: {}", path.display(), message.get(lang))
            }
            Error::NoSuchFinding { ids } if id => format!(
                "tidak ada temuan dengan id {} di masukan; tidak ada keputusan yang dicatat",
                ids.join(", ")
            ),
            Error::NoSuchFinding { ids } => format!(
                "no finding of the inputs has the id {}; no decision was recorded",
                ids.join(", ")
            ),
        }
    }

    /// What the user can do about it.
    pub fn hint(&self, lang: Lang) -> &'static str {
        let (id, en) = match self {
            Error::ConfigRead { .. } => (
                "berikan konfigurasi dengan -c BERKAS, atau jalankan dari folder proyek yang berisi config.toml",
                "pass the config with -c PATH, or run from the project folder that holds config.toml",
            ),
            Error::ConfigBackslash { .. } => (
                "tulis jalur Windows di antara petik tunggal, misalnya input = 'D:\\LKjIP 2024\\masukan', atau dengan garis miring biasa: input = \"D:/LKjIP 2024/masukan\"",
                "write a Windows path between single quotes, such as input = 'D:\\LKjIP 2024\\masukan', or with forward slashes: input = \"D:/LKjIP 2024/masukan\"",
            ),
            Error::ConfigSyntax { .. } | Error::ConfigValue { .. } => (
                "bandingkan dengan config.toml yang dikirim bersama kinerja (berisi penjelasan tiap kunci)",
                "compare with the documented config.toml shipped with kinerja",
            ),
            Error::InputMissing { .. } => (
                "berikan buku kerja atau folder berisi buku kerja, atau atur [paths] input di konfigurasi",
                "give a workbook or a folder of workbooks, or set [paths] input in the config",
            ),
            Error::Output { .. } => (
                "pilih folder lain dengan -o: yang dapat ditulisi dan bukan folder masukan",
                "choose another folder with -o, one that is writable and is not an input folder",
            ),
            Error::OutputHeld { .. } => (
                "tutup berkas itu di Excel lalu jalankan lagi",
                "close that file in Excel, then run again",
            ),
            Error::SameOutputName { .. } => (
                "ganti nama salah satu berkas masukan itu, atau periksa salah satunya saja",
                "rename one of those inputs, or check only one of them",
            ),
            Error::Decisions { .. } => (
                "perbaiki baris itu (awal keputusan.toml menjelaskan tiap kunci), atau hapus keputusannya dengan kinerja accept --remove ID",
                "correct that line (the top of keputusan.toml explains every key), or remove the decision with kinerja accept --remove ID",
            ),
            Error::NoSuchFinding { .. } => (
                "kinerja check menampilkan id tiap temuan; periksa folder masukan yang sama (-i FOLDER) dengan konfigurasi yang sama",
                "kinerja check prints each finding's id; check the same input folder (-i FOLDER) with the same config",
            ),
            Error::Listen { .. } => (
                "pilih porta lain dengan --listen, misalnya --listen 127.0.0.1:8081, atau hentikan program yang memakainya",
                "choose another port with --listen, such as --listen 127.0.0.1:8081, or stop the program using it",
            ),
        };
        match lang {
            Lang::Id => id,
            Lang::En => en,
        }
    }

    /// The message and the hint, as printed on stderr.
    pub fn report(&self, lang: Lang) -> String {
        match lang {
            Lang::Id => format!("galat: {}\nsaran: {}", self.describe(lang), self.hint(lang)),
            Lang::En => format!("error: {}\nhint: {}", self.describe(lang), self.hint(lang)),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
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
            message: Message::new("folder masukan", "is an input folder"),
        };
        assert_eq!(e.to_string(), "output input: is an input folder");
        assert_eq!(e.describe(Lang::Id), "keluaran input: folder masukan");
        assert!(e.report(Lang::Id).starts_with(
            "galat: keluaran input: folder masukan\nsaran: pilih folder lain dengan -o"
        ));
        let e = Error::Listen {
            addr: "127.0.0.1:8080".into(),
            message: "Address in use".into(),
        };
        assert_eq!(
            e.report(Lang::Id),
            "galat: tidak dapat mendengarkan di 127.0.0.1:8080: Address in use\nsaran: pilih porta lain dengan --listen, misalnya --listen 127.0.0.1:8081, atau hentikan program yang memakainya"
        );
    }
}
