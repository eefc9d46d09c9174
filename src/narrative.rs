//! The office's own words for the report: a text file in the input folder with one
//! section per `# key` heading. Placeholders in braces are filled from the config
//! and the data (`{tahun}`, `{dinas}`, …). A missing section leaves a visible
//! placeholder in the report, never a crash.

use std::collections::BTreeMap;

/// The sections the report uses, with what each is for.
pub const SECTIONS: [(&str, &str); 10] = [
    ("kata_pengantar", "Kata Pengantar, before the signature"),
    ("latar_belakang", "Bab I, 1.1 Latar Belakang"),
    ("maksud_tujuan", "Bab I, 1.2 Maksud dan Tujuan"),
    (
        "gambaran_organisasi",
        "Bab I, 1.3 Gambaran Umum Organisasi (tasks and functions)",
    ),
    ("sistematika", "Bab I, 1.4 Sistematika Penyajian"),
    (
        "rencana_strategis",
        "Bab II, 2.1 Rencana Strategis (vision, mission, goals)",
    ),
    (
        "strategi_kebijakan",
        "Bab II, 2.2 Strategi dan Arah Kebijakan",
    ),
    (
        "analisis_capaian",
        "Bab III, analysis of the achievements: problems and solutions",
    ),
    (
        "penutup",
        "Bab IV Penutup, after the conclusions drawn from the data",
    ),
    ("ikhtisar", "Ikhtisar Eksekutif, after the figures"),
];

/// The office's texts, by section key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Narrative {
    sections: BTreeMap<String, Vec<String>>,
}

impl Narrative {
    /// Parses the file's text: `# key` starts a section, blank lines separate
    /// paragraphs, lines starting with `//` are comments.
    pub fn parse(text: &str) -> Narrative {
        let mut sections: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut current: Option<String> = None;
        let mut paragraph = String::new();
        let flush = |sections: &mut BTreeMap<String, Vec<String>>,
                     current: &Option<String>,
                     p: &mut String| {
            if let Some(key) = current {
                if !p.trim().is_empty() {
                    sections
                        .entry(key.clone())
                        .or_default()
                        .push(p.trim().to_string());
                }
            }
            p.clear();
        };
        for line in text.lines() {
            let trimmed = line.trim();
            if trimmed.starts_with("//") {
                continue;
            }
            if let Some(key) = trimmed.strip_prefix("# ") {
                flush(&mut sections, &current, &mut paragraph);
                current = Some(key.trim().to_lowercase());
                sections.entry(key.trim().to_lowercase()).or_default();
            } else if trimmed.is_empty() {
                flush(&mut sections, &current, &mut paragraph);
            } else {
                if !paragraph.is_empty() {
                    paragraph.push(' ');
                }
                paragraph.push_str(trimmed);
            }
        }
        flush(&mut sections, &current, &mut paragraph);
        Narrative { sections }
    }

    /// The paragraphs of a section with placeholders filled; a visible note when the
    /// section is missing or empty.
    pub fn paragraphs(&self, key: &str, values: &BTreeMap<&str, String>) -> Vec<String> {
        match self.sections.get(key) {
            Some(ps) if !ps.is_empty() => ps.iter().map(|p| fill(p, values)).collect(),
            _ => vec![format!(
                "[Narasi \"{key}\" belum diisi: tambahkan bagian \"# {key}\" di berkas narasi.]"
            )],
        }
    }

    /// Section keys present in the file that the report does not use.
    pub fn unknown_sections(&self) -> Vec<&str> {
        self.sections
            .keys()
            .map(String::as_str)
            .filter(|k| !SECTIONS.iter().any(|(s, _)| s == k))
            .collect()
    }
}

/// Replaces `{key}` with its value; an unknown placeholder stays as written.
pub fn fill(text: &str, values: &BTreeMap<&str, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if values.contains_key(&after[..close]) => {
                out.push_str(&values[&after[..close]]);
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> BTreeMap<&'static str, String> {
        BTreeMap::from([
            ("tahun", "2023".to_string()),
            ("dinas", "Dinas PMK".to_string()),
        ])
    }

    /// Guards issue 22's narasi.md saved by Notepad: CRLF line ends behind a
    /// byte order mark give the sections of the same file written on Linux.
    #[test]
    fn a_narrative_saved_by_notepad_has_the_same_sections() {
        // The mark sits before the first heading, where Notepad puts it.
        let text = "# kata_pengantar\nBaris satu\nbaris dua.\n\nParagraf – dua.\n// komentar\n# penutup\nAkhir.\n";
        let notepad: Vec<u8> = [0xEF, 0xBB, 0xBF]
            .into_iter()
            .chain(text.replace('\n', "\r\n").into_bytes())
            .collect();
        let parsed = Narrative::parse(&crate::text_file::decode(&notepad));
        assert_eq!(parsed, Narrative::parse(text));
        assert_eq!(
            parsed.paragraphs("kata_pengantar", &values()),
            ["Baris satu baris dua.", "Paragraf – dua."]
        );
        assert_eq!(parsed.unknown_sections(), Vec::<&str>::new());
    }

    #[test]
    fn sections_paragraphs_and_placeholders() {
        let n = Narrative::parse(
            "// komentar\n# latar_belakang\nLKj {dinas} tahun {tahun}\ndisusun.\n\nParagraf dua {lain}.\n# penutup\n",
        );
        assert_eq!(
            n.paragraphs("latar_belakang", &values()),
            vec![
                "LKj Dinas PMK tahun 2023 disusun.".to_string(),
                "Paragraf dua {lain}.".to_string()
            ]
        );
        assert_eq!(
            n.paragraphs("penutup", &values()),
            vec!["[Narasi \"penutup\" belum diisi: tambahkan bagian \"# penutup\" di berkas narasi.]".to_string()]
        );
        assert_eq!(n.unknown_sections(), Vec::<&str>::new());
    }

    #[test]
    fn a_missing_file_leaves_placeholders() {
        let n = Narrative::default();
        assert!(
            n.paragraphs("kata_pengantar", &values())[0].starts_with("[Narasi \"kata_pengantar\"")
        );
    }
}
