//! Tolerant matching of names typed differently across documents
//! ("Penyediaan Barang Cetak dan Penggandaan" / "Penyediaan Barang Cetakan dan
//! Penggandaan", a name cut short, "KERJASAMAANTAR").

use std::collections::{HashMap, HashSet};

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

/// Names to look up: the same key first, then the most similar at or above `min`.
pub struct NameIndex<'a> {
    names: Vec<&'a str>,
    by_key: HashMap<String, usize>,
    min: f64,
}

impl<'a> NameIndex<'a> {
    pub fn new(names: Vec<&'a str>, min: f64) -> Self {
        let mut by_key = HashMap::new();
        for (i, n) in names.iter().enumerate() {
            by_key.entry(key(n)).or_insert(i);
        }
        NameIndex { names, by_key, min }
    }

    /// The index of the name that matches `name`, and how similar it is.
    pub fn find(&self, name: &str) -> Option<(usize, f64)> {
        let k = key(name);
        if k.is_empty() {
            return None;
        }
        if let Some(&i) = self.by_key.get(&k) {
            return Some((i, 1.0));
        }
        best_match(name, self.names.iter().copied(), self.min)
    }

    /// [`NameIndex::find`] among a subset of the names (indices into them).
    pub fn find_in(&self, name: &str, subset: &[usize]) -> Option<(usize, f64)> {
        let k = key(name);
        if let Some(&i) = subset.iter().find(|&&i| key(self.names[i]) == k) {
            return Some((i, 1.0));
        }
        best_match(name, subset.iter().map(|&i| self.names[i]), self.min)
            .map(|(j, s)| (subset[j], s))
    }
}

/// Pairs one to one from proposals `(similarity, from, to)`: the most similar
/// first, ties in the order given; each `from` and each `to` is used once.
/// Returns `(from, to, similarity)` in the order they were paired.
pub fn one_to_one(mut proposals: Vec<(f64, usize, usize)>) -> Vec<(usize, usize, f64)> {
    // Stable: equal similarities keep the order given.
    proposals.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut from_used = HashSet::new();
    let mut to_used = HashSet::new();
    let mut pairs = Vec::new();
    for (s, from, to) in proposals {
        if from_used.contains(&from) || to_used.contains(&to) {
            continue;
        }
        from_used.insert(from);
        to_used.insert(to);
        pairs.push((from, to, s));
    }
    pairs
}

/// Pairs each name of `from` with at most one name of `to`, each `to` used once:
/// same keys first, then the most similar pairs at or above `min`. Returns, per
/// `from`, the index into `to`.
pub fn pair(from: &[&str], to: &[&str], min: f64) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = vec![None; from.len()];
    let mut used = vec![false; to.len()];
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (j, n) in to.iter().enumerate() {
        by_key.entry(key(n)).or_default().push(j);
    }
    for (i, n) in from.iter().enumerate() {
        if let Some(js) = by_key.get(&key(n)) {
            if let Some(&j) = js.iter().find(|&&j| !used[j]) {
                used[j] = true;
                out[i] = Some(j);
            }
        }
    }
    let rest_from: Vec<usize> = (0..from.len()).filter(|&i| out[i].is_none()).collect();
    let rest_to: Vec<usize> = (0..to.len()).filter(|&j| !used[j]).collect();
    // Indicator lists are short; a bound keeps a pathological input from a quadratic cost.
    if rest_from.len().saturating_mul(rest_to.len()) > 250_000 {
        return out;
    }
    let mut proposals: Vec<(f64, usize, usize)> = Vec::new();
    for &i in &rest_from {
        for &j in &rest_to {
            let s = similarity(from[i], to[j]);
            if s >= min {
                proposals.push((s, i, j));
            }
        }
    }
    for (i, j, _) in one_to_one(proposals) {
        out[i] = Some(j);
    }
    out
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

    #[test]
    fn an_index_finds_by_key_then_by_similarity() {
        let index = NameIndex::new(
            vec![
                "1. Program Penunjang Urusan",
                "Fasilitasi Pengelolaan Keuangan Desa",
                "Fasilitasi Pengelolaan Aset Desa",
            ],
            0.8,
        );
        assert_eq!(index.find("PENUNJANG URUSAN"), Some((0, 1.0)));
        assert_eq!(
            index
                .find("Fasilitasi pengelolaan keuangan desa.")
                .map(|m| m.0),
            Some(1)
        );
        assert_eq!(
            index.find_in("Fasilitasi Pengelolaan Aset Desa", &[1]),
            None
        );
        assert_eq!(index.find(""), None);
    }

    #[test]
    fn one_to_one_takes_the_most_similar_first() {
        // from 0 wants to 0 (0.9) and 1 (0.95); from 1 wants to 1 (0.95): ties keep order.
        let pairs = one_to_one(vec![(0.9, 0, 0), (0.95, 0, 1), (0.95, 1, 1), (0.85, 1, 0)]);
        assert_eq!(pairs, vec![(0, 1, 0.95), (1, 0, 0.85)]);
    }
}
