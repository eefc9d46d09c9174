//! The national codes every regional government's budget rows carry, and the
//! level each one's shape tells: government affairs, organisations, programs,
//! kegiatan and sub kegiatan (Kepmendagri 050-5889/2021: `2`, `2.16`,
//! `2.16.2.20.2.21.01.0000`, `2.16.01`, `2.16.01.2.01`, `2.16.01.2.01.0001`), and
//! the accounts of the chart of accounts (Permendagri 90/2019: `5`, `5.1`,
//! `5.1.02`, `5.1.02.01`, `5.1.02.01.001`, `5.1.02.01.001.00024`). A code's shape
//! is its segments' lengths; nothing here knows a particular office.

/// The level a code's shape gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CodeLevel {
    /// `2`: an urusan (a lone digit is also an account's akun: see [`level`]).
    Urusan,
    /// `2.16`
    Bidang,
    /// `2.16.2.20.2.21.01.0000`: up to three bidang the organisation serves, its
    /// number and its unit's.
    Organisasi,
    /// `2.16.01`
    Program,
    /// `2.16.01.2.01`
    Kegiatan,
    /// `2.16.01.2.01.0001`
    SubKegiatan,
    /// An account, with its depth: 2 for a kelompok (`5.1`) down to 6 for a sub
    /// rincian objek (`5.1.02.01.001.00024`).
    Akun(u8),
}

impl CodeLevel {
    /// An account's level.
    pub fn is_account(self) -> bool {
        matches!(self, CodeLevel::Akun(_))
    }

    /// The level's name as an office says it.
    pub fn name_id(self) -> &'static str {
        match self {
            CodeLevel::Urusan => "urusan",
            CodeLevel::Bidang => "bidang urusan",
            CodeLevel::Organisasi => "organisasi",
            CodeLevel::Program => "program",
            CodeLevel::Kegiatan => "kegiatan",
            CodeLevel::SubKegiatan => "sub kegiatan",
            CodeLevel::Akun(_) => "rekening",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            CodeLevel::Urusan => "urusan",
            CodeLevel::Bidang => "bidang",
            CodeLevel::Organisasi => "organisation",
            CodeLevel::Program => "program",
            CodeLevel::Kegiatan => "kegiatan",
            CodeLevel::SubKegiatan => "sub kegiatan",
            CodeLevel::Akun(_) => "account",
        }
    }
}

/// A segment of `min..=max` digits; the affairs' segments may be `X` (`X.XX`,
/// the supporting affairs of some exports).
fn fits(segment: &str, min: usize, max: usize, x: bool) -> bool {
    (min..=max).contains(&segment.len())
        && (segment.bytes().all(|b| b.is_ascii_digit())
            || x && segment.bytes().all(|b| b == b'X' || b == b'x'))
}

/// The level of a code as written (`2.16.01`, ` 5.1.02. `); `None` when its shape
/// is none of the schemes'. A lone digit reads as an urusan: only its place tells
/// an akun (`5` under a sub kegiatan) from it.
pub fn level(code: &str) -> Option<CodeLevel> {
    let t = code.trim().trim_end_matches('.');
    let s: Vec<&str> = t.split('.').collect();
    let affair = |i: usize, len: usize| fits(s[i], len, len, true);
    let digits = |i: usize, min: usize, max: usize| fits(s[i], min, max, false);
    Some(match s.len() {
        1 if affair(0, 1) => CodeLevel::Urusan,
        2 if affair(0, 1) && affair(1, 2) => CodeLevel::Bidang,
        3 if affair(0, 1) && affair(1, 2) && digits(2, 2, 2) => CodeLevel::Program,
        5 if affair(0, 1)
            && affair(1, 2)
            && digits(2, 2, 2)
            && digits(3, 1, 1)
            && digits(4, 2, 2) =>
        {
            CodeLevel::Kegiatan
        }
        6 if affair(0, 1)
            && affair(1, 2)
            && digits(2, 2, 2)
            && digits(3, 1, 1)
            && digits(4, 2, 2)
            && digits(5, 4, 4) =>
        {
            CodeLevel::SubKegiatan
        }
        8 if (0..6).all(|i| affair(i, if i % 2 == 0 { 1 } else { 2 }))
            && digits(6, 2, 2)
            && digits(7, 4, 4) =>
        {
            CodeLevel::Organisasi
        }
        n @ 2..=6 if account(&s) => CodeLevel::Akun(n as u8),
        _ => return None,
    })
}

/// An account code of two or more segments: akun, kelompok (one digit each),
/// jenis and objek (two), rincian objek (three), sub rincian objek (four or five).
fn account(s: &[&str]) -> bool {
    const LENGTHS: [(usize, usize); 6] = [(1, 1), (1, 1), (2, 2), (2, 2), (3, 3), (4, 5)];
    s.len() >= 2
        && s.len() <= LENGTHS.len()
        && s.iter()
            .zip(LENGTHS)
            .all(|(seg, (min, max))| fits(seg, min, max, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_give_levels() {
        assert_eq!(level("2"), Some(CodeLevel::Urusan));
        assert_eq!(level("2.16"), Some(CodeLevel::Bidang));
        assert_eq!(level("X.XX"), Some(CodeLevel::Bidang));
        assert_eq!(level("2.16.2.20.2.21.01.0000"), Some(CodeLevel::Organisasi));
        assert_eq!(level("2.16.01"), Some(CodeLevel::Program));
        assert_eq!(level("2.16.01.2.01"), Some(CodeLevel::Kegiatan));
        assert_eq!(level("2.16.01.2.01.0001"), Some(CodeLevel::SubKegiatan));
        assert_eq!(level("5.1"), Some(CodeLevel::Akun(2)));
        assert_eq!(level("5.1.02"), Some(CodeLevel::Akun(3)));
        assert_eq!(level("5.1.02.01.001.00024"), Some(CodeLevel::Akun(6)));
        assert_eq!(level("5.1.02.01.01.0024"), None);
        assert_eq!(level("2.16.01.2.01.00011"), None);
        assert_eq!(level("36.04.05.2001"), None);
        assert_eq!(level("abc"), None);
    }
}
