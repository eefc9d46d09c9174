//! Tolerant matching of names typed differently across documents
//! ("Penyediaan Barang Cetak dan Penggandaan" / "Penyediaan Barang Cetakan dan
//! Penggandaan", a name cut short, "KERJASAMAANTAR").

/// A name reduced for comparison: lower case, letters and digits only, without a
/// leading outline number (`1.`, `a.`) or the words "program" and "kegiatan".
pub fn key(name: &str) -> String {
    let lowered = name.to_lowercase();
    let mut words: Vec<String> = lowered
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    while words.first().is_some_and(|w| {
        w.len() <= 3 && (w.chars().all(|c| c.is_ascii_digit()) || is_outline_letter(w))
    }) {
        words.remove(0);
    }
    words.retain(|w| w != "program" && w != "kegiatan" && w != "prog");
    words.concat()
}

fn is_outline_letter(w: &str) -> bool {
    w.len() == 1 && w.chars().all(|c| c.is_ascii_lowercase())
        || ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"].contains(&w)
}

/// Similarity of two names from 0 to 1. A name cut short (one a prefix of the
/// other, at least 20 letters long) counts as near.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (key(a), key(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let whole = strsim::normalized_damerau_levenshtein(&a, &b);
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let n = short.chars().count();
    let prefix: String = long.chars().take(n).collect();
    let cut = if n >= 20 {
        strsim::normalized_damerau_levenshtein(short, &prefix) * 0.95
    } else {
        0.0
    };
    whole.max(cut)
}

/// The best match of `name` among `candidates` at or above `min`: its index and
/// similarity. Ties go to the first.
pub fn best_match<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    min: f64,
) -> Option<(usize, f64)> {
    let mut best: Option<(usize, f64)> = None;
    for (i, c) in candidates.into_iter().enumerate() {
        let s = similarity(name, c);
        if s >= min && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seeds_spellings_pair_up() {
        assert!(
            similarity(
                "Penyediaan Barang Cetak dan Penggandaan",
                "Penyediaan Barang Cetakan dan Penggandaan"
            ) > 0.9
        );
        assert!(
            similarity(
                "Fasilitas Kerjasama Antar Desa dengan Pihak Ketiga dalam",
                "1. Fasilitasi Kerja Sama Antar Desa dengan Pihak Ketiga dalam Kabupaten / Kota"
            ) > 0.85
        );
        assert!(
            similarity(
                "PENINGKATAN KERJASAMAANTAR DESA",
                "PROGRAM PENINGKATAN KERJASAMA DESA"
            ) > 0.8
        );
        assert!(
            similarity(
                "Pemeliharaan\\Rehabilitasi gedung Kantor dan Bangun Lainnya",
                "11 Pemeliharaan / Rehabilitasi Gedung Kantor dan Bangunan Lainnya"
            ) > 0.9
        );
    }

    #[test]
    fn different_activities_stay_apart() {
        assert!(
            similarity(
                "Fasilitasi Pengelolaan Keuangan Desa",
                "Fasilitasi Pengelolaan Aset Desa"
            ) < 0.8
        );
        assert!(
            similarity(
                "Penyediaan Jasa Pelayanan Umum Kantor",
                "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik"
            ) < 0.8
        );
        assert!(
            similarity(
                "ADMINISTRASI PEMERINTAHAN DESA",
                "PENINGKATAN KERJASAMA DESA"
            ) < 0.8
        );
    }

    #[test]
    fn best_match_picks_the_nearest() {
        let names = [
            "Fasilitasi Pengelolaan Aset Desa",
            "Fasilitasi Pengelolaan Keuangan Desa",
        ];
        assert_eq!(
            best_match("Fasilitasi pengelolaan keuangan desa", names, 0.8).map(|m| m.0),
            Some(1)
        );
        assert_eq!(best_match("Belanja Modal", names, 0.8), None);
    }
}
