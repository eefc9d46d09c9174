//! The two numberings of Indonesia's regions and which one a file follows.
//!
//! The Ministry of Home Affairs (Kepmendagri on *kode dan data wilayah
//! administrasi pemerintahan*) numbers a province with 2 digits, a kabupaten 4, a
//! kecamatan 6 and a village 10 (`36.04.05.2001`, written dotted or plain);
//! Statistics Indonesia (BPS, *Master File Desa*) numbers a kecamatan with 7 digits
//! and a village with 10 (the kecamatan's 7 and 3 of its own). Both are in use, so a
//! file is judged within the scheme its own codes follow, told from them: the
//! length of its kecamatan codes, and the digits a village code adds to its
//! kecamatan's.

use crate::model::idm::{Text, Village, VillageTable};
use crate::model::Model;

/// A numbering of region codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scheme {
    Kemendagri,
    Bps,
}

impl Scheme {
    /// The digits of a code of each level: village, kecamatan, kabupaten, province.
    pub fn lengths(self) -> [usize; 4] {
        match self {
            Scheme::Kemendagri => [10, 6, 4, 2],
            Scheme::Bps => [10, 7, 4, 2],
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Scheme::Kemendagri => "Kemendagri",
            Scheme::Bps => "BPS",
        }
    }

    /// The scheme whose kecamatan codes have `digits` digits.
    fn of_kecamatan(digits: usize) -> Option<Scheme> {
        match digits {
            6 => Some(Scheme::Kemendagri),
            7 => Some(Scheme::Bps),
            _ => None,
        }
    }
}

/// A code's digits, without the dots it may be written with (`36.04.05.2001`).
pub(super) fn digits(code: &Text) -> String {
    code.text.chars().filter(char::is_ascii_digit).collect()
}

/// How many digits a code has, dots aside.
pub(super) fn digit_count(code: &Text) -> usize {
    code.text.bytes().filter(u8::is_ascii_digit).count()
}

/// The scheme one village's codes follow: its kecamatan code's length, else the
/// shape of a dotted village code (`36.04.05.2001`: Kemendagri's 2.2.2.4).
pub(super) fn scheme_of(v: &Village) -> Option<Scheme> {
    if let Some(k) = &v.kode_kecamatan {
        if let Some(s) = Scheme::of_kecamatan(digit_count(k)) {
            return Some(s);
        }
    }
    let code = v.kode.as_ref()?;
    let parts: Vec<usize> = code.text.split('.').map(str::len).collect();
    (parts == [2, 2, 2, 4]).then_some(Scheme::Kemendagri)
}

/// Which scheme a file's codes follow: the one most of its villages follow, with
/// how many follow each. `None` when no code tells (a file without kecamatan codes
/// or dotted village codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FileScheme {
    pub scheme: Scheme,
    pub kemendagri: usize,
    pub bps: usize,
}

impl FileScheme {
    /// The scheme of these villages (all of one file); on a tie, none: the file
    /// mixes the two evenly and no code can be called the odd one.
    pub fn of<'a>(villages: impl Iterator<Item = &'a Village>) -> Option<FileScheme> {
        let (mut kemendagri, mut bps) = (0, 0);
        for v in villages {
            match scheme_of(v) {
                Some(Scheme::Kemendagri) => kemendagri += 1,
                Some(Scheme::Bps) => bps += 1,
                None => {}
            }
        }
        let scheme = match kemendagri.cmp(&bps) {
            std::cmp::Ordering::Greater => Scheme::Kemendagri,
            std::cmp::Ordering::Less => Scheme::Bps,
            std::cmp::Ordering::Equal => return None,
        };
        Some(FileScheme {
            scheme,
            kemendagri,
            bps,
        })
    }

    /// How many villages follow `scheme`.
    pub fn count(&self, scheme: Scheme) -> usize {
        match scheme {
            Scheme::Kemendagri => self.kemendagri,
            Scheme::Bps => self.bps,
        }
    }
}

/// The village tables of each file, with the scheme the file's codes follow.
pub(super) fn by_file(m: &Model) -> Vec<(Option<FileScheme>, Vec<&VillageTable>)> {
    let mut files: Vec<(&str, Vec<&VillageTable>)> = Vec::new();
    for vt in &m.idm.villages {
        let file = &*m.tables[vt.table].file;
        match files.iter_mut().find(|(f, _)| *f == file) {
            Some((_, tables)) => tables.push(vt),
            None => files.push((file, vec![vt])),
        }
    }
    files
        .into_iter()
        .map(|(_, tables)| {
            // A village table of several years is one table per year over the
            // same rows: each village counted once.
            let mut seen = std::collections::HashSet::new();
            let villages = tables.iter().flat_map(|vt| {
                let sheet = &m.tables[vt.table].sheet;
                vt.villages.iter().map(move |v| (sheet, v))
            });
            let scheme = FileScheme::of(
                villages
                    .filter(|(sheet, v)| seen.insert((&***sheet, v.row)))
                    .map(|(_, v)| v),
            );
            (scheme, tables)
        })
        .collect()
}

/// Whether a code of `level` (0 village … 3 province) has the length of the file's
/// scheme; without one, of either scheme.
pub(super) fn has_scheme_length(code: &Text, level: usize, file: Option<FileScheme>) -> bool {
    let n = digit_count(code);
    match file {
        Some(f) => n == f.scheme.lengths()[level],
        None => [Scheme::Kemendagri, Scheme::Bps]
            .iter()
            .any(|s| n == s.lengths()[level]),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::village_with_codes;
    use super::*;

    #[test]
    fn a_village_tells_its_scheme_by_its_kecamatan_code_or_its_dots() {
        let v = |codes| scheme_of(&village_with_codes(codes));
        assert_eq!(
            v(["3604052001", "360405", "3604", "36"]),
            Some(Scheme::Kemendagri)
        );
        assert_eq!(
            v(["1808032001", "1808032", "1808", "18"]),
            Some(Scheme::Bps)
        );
        assert_eq!(
            v(["36.04.05.2001", "36.04.05", "36.04", "36"]),
            Some(Scheme::Kemendagri)
        );
        let mut dotted = village_with_codes(["36.04.05.2001", "", "", ""]);
        dotted.kode_kecamatan = None;
        assert_eq!(scheme_of(&dotted), Some(Scheme::Kemendagri));
        let mut plain = village_with_codes(["3604052001", "", "", ""]);
        plain.kode_kecamatan = None;
        assert_eq!(scheme_of(&plain), None);
    }

    #[test]
    fn a_file_follows_the_scheme_of_most_of_its_villages() {
        let k = village_with_codes(["3604052001", "360405", "3604", "36"]);
        let b = village_with_codes(["3604050001", "3604050", "3604", "36"]);
        let file = FileScheme::of([&k, &k, &b].into_iter()).unwrap();
        assert_eq!(
            (file.scheme, file.kemendagri, file.bps),
            (Scheme::Kemendagri, 2, 1)
        );
        assert_eq!(FileScheme::of([&k, &b].into_iter()), None);
    }
}
