//! An upload's files, written into a run's own input folder under cleaned base
//! names, each bounded in size and the whole bounded in count.

use super::multipart::{PartHead, Parts};
use std::io::Write;
use std::path::PathBuf;

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

/// Most bytes of a stored name: room for ` (50)` and `.koreksi.xlsx` within the
/// 255 bytes (Linux) or UTF-16 units (Windows) a file name may take.
const MAX_NAME_BYTES: usize = 120;

/// The base name of an uploaded filename, safe on every system: no folders, no
/// control, reserved or direction-changing characters, no leading or trailing
/// dot or space, no device name, not too long (cut between characters, the
/// extension kept), not empty.
pub fn clean_name(filename: &str) -> String {
    let base = filename.rsplit(['/', '\\']).next().unwrap_or_default();
    let kept: String = base
        .chars()
        .filter(|c| !c.is_control() && !"<>:\"|?*".contains(*c) && !invisible(*c))
        .collect();
    let name = shortened(
        kept.trim_matches(|c: char| c == '.' || c.is_whitespace()),
        MAX_NAME_BYTES,
    );
    let stem = name.split('.').next().unwrap_or_default().trim_end();
    if name.is_empty() {
        "berkas".into()
    } else if is_device(stem) {
        format!("_{name}")
    } else {
        name
    }
}

/// Characters that change how a name reads without being seen: the marks and
/// overrides of text direction (a name can look like `…xlsx` and be `…exe`),
/// the byte-order mark, zero-width spaces.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// A name Windows keeps for a device, whatever extension follows it.
fn is_device(stem: &str) -> bool {
    let upper = stem.to_ascii_uppercase();
    if matches!(
        upper.as_str(),
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$"
    ) {
        return true;
    }
    let Some(number) = upper
        .strip_prefix("COM")
        .or_else(|| upper.strip_prefix("LPT"))
    else {
        return false;
    };
    let mut chars = number.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_ascii_digit() || "¹²³".contains(c))
}

/// `name` within `max` bytes, cut between characters at the end of its stem so
/// its extension (up to 10 characters after the last dot) is kept.
fn shortened(name: &str, max: usize) -> String {
    if name.len() <= max {
        return name.to_string();
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.chars().count() <= 10 => (stem, Some(ext)),
        _ => (name, None),
    };
    let room = max.saturating_sub(ext.map_or(0, |e| e.len() + 1));
    let mut out = String::new();
    for c in stem.chars() {
        if out.len() + c.len_utf8() > room {
            break;
        }
        out.push(c);
    }
    let mut out = out
        .trim_end_matches(|c: char| c == '.' || c.is_whitespace())
        .to_string();
    if let Some(ext) = ext {
        out.push('.');
        out.push_str(ext);
    }
    out
}

/// `name`, or `name (2)`, `name (3)`… before its extension, whichever no file
/// in `taken` has (compared without case, as Windows and macOS do).
pub fn unique(name: &str, taken: &[&str]) -> String {
    let is_taken = |n: &str| taken.iter().any(|t| t.to_lowercase() == n.to_lowercase());
    if !is_taken(name) {
        return name.to_string();
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, format!(".{ext}")),
        _ => (name, String::new()),
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
        assert_eq!(clean_name("éé.xlsx"), "éé.xlsx");
        assert_eq!(clean_name("İİ"), "İİ");
        assert_eq!(clean_name("–—"), "–—");
        assert_eq!(clean_name("COM1.data.xlsx"), "_COM1.data.xlsx");
        assert_eq!(clean_name("com¹.xlsx"), "_com¹.xlsx");
        assert_eq!(clean_name("CONOUT$"), "_CONOUT$");
        assert_eq!(clean_name("nul .xlsx"), "_nul .xlsx");
        assert_eq!(clean_name("COM10.xlsx"), "COM10.xlsx");
        assert_eq!(clean_name("Laporan\u{202E}xslx.exe"), "Laporanxslx.exe");
        assert_eq!(clean_name("\u{200F}\u{FEFF}.xlsx"), "xlsx");
        assert_eq!(clean_name("📊 IDM 2023.xlsx"), "📊 IDM 2023.xlsx");
        assert_eq!(clean_name(". . ."), "berkas");
        let emoji = format!("{}.xlsx", "📊".repeat(100));
        assert_eq!(clean_name(&emoji), format!("{}.xlsx", "📊".repeat(28)));
        let long = format!("{}.xlsx", "é".repeat(100));
        let cleaned = clean_name(&long);
        assert!(
            cleaned.len() <= 120 && cleaned.ends_with("é.xlsx"),
            "{cleaned}"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2_000, ..Default::default() })]

        /// Guards stored names: whatever name an upload gives (any Unicode, very
        /// long, dots, device names), the stored name is one file in the run's
        /// folder that every system can hold, and a second file of the same name
        /// gets another.
        #[test]
        fn any_upload_name_is_stored_safely(
            filename in proptest::prop_oneof![
                proptest::prelude::any::<String>(),
                "[./\\ ]{0,4}(CON|nul|Com[0-9¹]|LPT3|conout\\$)?[.a-zé]{0,6}",
                "\\PC{100,200}(\\.xlsx)?",
                "[\u{202A}-\u{202E}\u{2066}-\u{2069}\u{200E}\u{200F}İé📊.]{0,12}",
            ]
        ) {
            let name = clean_name(&filename);
            proptest::prop_assert!(!name.is_empty() && name.len() <= MAX_NAME_BYTES, "{name:?}");
            proptest::prop_assert!(
                !name.chars().any(|c| c.is_control() || invisible(c) || "/\\<>:\"|?*".contains(c)),
                "{name:?}"
            );
            proptest::prop_assert!(!name.starts_with(['.', ' ']) && !name.ends_with(['.', ' ']), "{name:?}");
            proptest::prop_assert!(!is_device(name.split('.').next().unwrap_or_default().trim_end()), "{name:?}");
            let again = unique(&name, &[name.as_str()]);
            proptest::prop_assert_ne!(&again, &name);
            let dir = tempfile::tempdir().unwrap();
            std::fs::File::create_new(dir.path().join(&name)).unwrap();
            std::fs::File::create_new(dir.path().join(&again)).unwrap();
            proptest::prop_assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
        }
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
        assert_eq!(unique("ÉÉ.xlsx", &["éé.xlsx"]), "ÉÉ (2).xlsx");
    }
}
