//! An upload's files, written into a run's own input folder under cleaned base
//! names, each bounded in size and the whole bounded in count.

use super::multipart::{PartHead, Parts};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Most files one run takes.
pub const MAX_FILES: usize = 50;

/// The files of one upload as they are written.
pub struct Upload {
    dir: PathBuf,
    /// Bytes kept per file: one more than the config's limit, so reading the file
    /// reports it as too large in the words `kinerja run` uses, without the server
    /// storing the rest.
    keep: u64,
    pub files: Vec<(String, PathBuf)>,
    current: Option<Current>,
}

enum Current {
    File { out: std::fs::File, written: u64 },
    Ignored,
}

impl Upload {
    pub fn new(dir: PathBuf, max_file_bytes: u64) -> Upload {
        Upload {
            dir,
            keep: max_file_bytes.saturating_add(1),
            files: Vec::new(),
            current: None,
        }
    }
}

/// Why an upload was refused as a whole (answered with 413).
pub const TOO_MANY: &str = "too many files";

impl Parts for Upload {
    fn begin(&mut self, head: &PartHead) -> Result<(), String> {
        self.current = Some(match (head.name.as_str(), &head.filename) {
            ("files", Some(filename)) => {
                if self.files.len() >= MAX_FILES {
                    return Err(TOO_MANY.into());
                }
                let taken: Vec<&str> = self.files.iter().map(|(n, _)| n.as_str()).collect();
                let name = unique(&clean_name(filename), &taken);
                let path = self.dir.join(&name);
                let out = std::fs::File::create_new(&path).map_err(|e| e.to_string())?;
                self.files.push((name, path));
                Current::File { out, written: 0 }
            }
            _ => Current::Ignored,
        });
        Ok(())
    }

    fn data(&mut self, bytes: &[u8]) -> Result<(), String> {
        if let Some(Current::File { out, written }) = &mut self.current {
            let room = self.keep.saturating_sub(*written);
            let take = bytes.len().min(usize::try_from(room).unwrap_or(usize::MAX));
            out.write_all(&bytes[..take]).map_err(|e| e.to_string())?;
            *written += take as u64;
        }
        Ok(())
    }

    fn end(&mut self) -> Result<(), String> {
        match self.current.take() {
            Some(Current::File { out, .. }) => out.sync_all().map_err(|e| e.to_string()),
            Some(Current::Ignored) | None => Ok(()),
        }
    }
}

/// The base name of an uploaded filename, safe on every system: no folders, no
/// control or reserved characters, no leading dot, no device name, not empty.
pub fn clean_name(filename: &str) -> String {
    let base = filename.rsplit(['/', '\\']).next().unwrap_or_default();
    let kept: String = base
        .chars()
        .filter(|c| !c.is_control() && !"<>:\"|?*".contains(*c))
        .collect();
    let mut name = kept
        .trim_matches(|c: char| c == '.' || c.is_whitespace())
        .to_string();
    while name.len() > 120 {
        let stem_end = name.rfind('.').filter(|&i| name.len() - i <= 10);
        let cut = stem_end.unwrap_or(name.len());
        let mut at = cut - (name.len() - 120).min(cut);
        while !name.is_char_boundary(at) {
            at -= 1;
        }
        name.replace_range(at..cut, "");
    }
    let stem = name.split('.').next().unwrap_or_default().trim();
    let device = matches!(
        stem.to_ascii_uppercase().as_str(),
        "CON" | "PRN" | "AUX" | "NUL"
    ) || (stem.len() == 4
        && ["COM", "LPT"].contains(&stem[..3].to_ascii_uppercase().as_str())
        && stem.as_bytes()[3].is_ascii_digit());
    if name.is_empty() {
        "berkas".into()
    } else if device {
        format!("_{name}")
    } else {
        name
    }
}

/// `name`, or `name (2)`, `name (3)`… before its extension, whichever no file
/// in `taken` has (compared without case, as Windows and macOS do).
pub fn unique(name: &str, taken: &[&str]) -> String {
    let is_taken = |n: &str| taken.iter().any(|t| t.eq_ignore_ascii_case(n));
    if !is_taken(name) {
        return name.to_string();
    }
    let (stem, ext) = match Path::new(name).extension() {
        Some(ext) => (
            &name[..name.len() - ext.len() - 1],
            format!(".{}", ext.to_string_lossy()),
        ),
        None => (name, String::new()),
    };
    (2..)
        .map(|n| format!("{stem} ({n}){ext}"))
        .find(|n| !is_taken(n))
        .expect("a free name")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_clean_base_name_is_kept() {
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("C:\\Users\\ani\\RKT 2023.xlsx"), "RKT 2023.xlsx");
        assert_eq!(clean_name("/abs/path/IDM.ods"), "IDM.ods");
        assert_eq!(clean_name(".."), "berkas");
        assert_eq!(clean_name(".hidden.xlsx"), "hidden.xlsx");
        assert_eq!(clean_name("a\u{0}b<c>:d?.xlsx"), "abcd.xlsx");
        assert_eq!(clean_name("CON.xlsx"), "_CON.xlsx");
        assert_eq!(clean_name("lpt1"), "_lpt1");
        assert_eq!(clean_name("Console.xlsx"), "Console.xlsx");
        assert_eq!(clean_name(""), "berkas");
        let long = format!("{}.xlsx", "é".repeat(100));
        let cleaned = clean_name(&long);
        assert!(
            cleaned.len() <= 120 && cleaned.ends_with("é.xlsx"),
            "{cleaned}"
        );
    }

    #[test]
    fn collisions_are_numbered_before_the_extension() {
        assert_eq!(unique("RKT.xlsx", &[]), "RKT.xlsx");
        assert_eq!(unique("RKT.xlsx", &["rkt.XLSX"]), "RKT (2).xlsx");
        assert_eq!(
            unique("RKT.xlsx", &["RKT.xlsx", "RKT (2).xlsx"]),
            "RKT (3).xlsx"
        );
        assert_eq!(unique("data", &["data"]), "data (2)");
    }
}
