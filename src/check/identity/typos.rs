//! Finding the typos among the spellings of one column: which less frequent
//! spelling is a few letter edits from a more frequent one (IDT003).

use crate::model::idm::Text;
use std::collections::{HashMap, HashSet};

fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

/// Every string made of `s` with up to `k` characters deleted.
fn deletions(s: &str, k: usize, into: &mut HashSet<String>) {
    into.insert(s.to_string());
    if k == 0 {
        return;
    }
    let chars: Vec<char> = s.chars().collect();
    for i in 0..chars.len() {
        let shorter: String = chars
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, c)| *c)
            .collect();
        if k > 1 || !into.contains(&shorter) {
            deletions(&shorter, k - 1, into);
        }
    }
}

/// The names of one column in one scope, by spelling: (normalized, cells).
pub(super) struct Spelling<'a> {
    pub norm: &'a str,
    pub cells: Vec<&'a Text>,
    /// The region codes its rows give it (KODE KEC for a kecamatan), by digits.
    pub codes: HashSet<String>,
}

impl Spelling<'_> {
    /// Two spellings whose rows carry region codes, none shared, name two regions
    /// (Kabupaten Serang's CIOMAS `360427` and CIRUAS `360409`), however alike.
    pub fn other_region_than(&self, other: &Spelling) -> bool {
        !self.codes.is_empty() && !other.codes.is_empty() && self.codes.is_disjoint(&other.codes)
    }
}

type Candidates = HashMap<usize, HashSet<usize>>;

/// Every pair (less frequent → more frequent spelling) whose lengths allow `k` edits.
fn pairs_by_length(spellings: &[Spelling], eligible: &[usize], k: usize) -> Candidates {
    let len: HashMap<usize, usize> = eligible
        .iter()
        .map(|&i| (i, spellings[i].norm.chars().count()))
        .collect();
    let mut out = Candidates::new();
    for &a in eligible {
        for &b in eligible {
            if spellings[b].cells.len() > spellings[a].cells.len() && len[&a].abs_diff(len[&b]) <= k
            {
                out.entry(a).or_default().insert(b);
            }
        }
    }
    out
}

/// The pairs (less frequent → more frequent spelling) that share a variant with up
/// to `k` letters deleted: every pair within `k` edits, and few others.
fn pairs_by_deletions(spellings: &[Spelling], eligible: &[usize], k: usize) -> Candidates {
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    for &i in eligible {
        let mut set = HashSet::new();
        deletions(spellings[i].norm, k, &mut set);
        for d in set {
            index.entry(d).or_default().push(i);
        }
    }
    let mut out = Candidates::new();
    for ids in index.values().filter(|v| v.len() > 1) {
        for &a in ids {
            for &b in ids {
                if spellings[b].cells.len() > spellings[a].cells.len() {
                    out.entry(a).or_default().insert(b);
                }
            }
        }
    }
    out
}

/// Up to this many names in one scope, every pair is compared; above, candidates
/// come from shared deletion variants.
const PAIRWISE_MAX: usize = 64;

/// For each spelling, the more frequent spelling it is a typo of (index), found
/// among every pair in a small scope or through shared deletion variants in a large
/// one (no pair of names compared twice), verified by Damerau–Levenshtein.
pub(super) fn typos(spellings: &[Spelling], k: usize) -> Vec<(usize, usize)> {
    let eligible: Vec<usize> = (0..spellings.len())
        .filter(|&i| letters(spellings[i].norm) >= 6)
        .collect();
    let k = k.min(3);
    let candidates = if eligible.len() <= PAIRWISE_MAX {
        // A scope of a few dozen names: comparing every pair is cheaper than indexing.
        pairs_by_length(spellings, &eligible, k)
    } else {
        pairs_by_deletions(spellings, &eligible, k)
    };
    let mut out = Vec::new();
    for (a, bs) in candidates {
        let best = bs
            .into_iter()
            .map(|b| {
                (
                    strsim::damerau_levenshtein(spellings[a].norm, spellings[b].norm),
                    b,
                )
            })
            .filter(|(d, _)| *d <= k)
            .min_by_key(|&(d, b)| (d, std::cmp::Reverse(spellings[b].cells.len()), b));
        if let Some((_, b)) = best {
            out.push((a, b));
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cell::CellRef;

    #[test]
    fn deletion_variants() {
        let mut set = HashSet::new();
        deletions("abc", 1, &mut set);
        let mut v: Vec<&str> = set.iter().map(String::as_str).collect();
        v.sort();
        assert_eq!(v, vec!["ab", "abc", "ac", "bc"]);
    }

    fn spellings<'a>(cells: &'a [Text], names: &[(&'a str, usize)]) -> Vec<Spelling<'a>> {
        names
            .iter()
            .map(|(n, c)| Spelling {
                norm: n,
                cells: cells.iter().take(*c).collect(),
                codes: HashSet::new(),
            })
            .collect()
    }

    #[test]
    fn kecamatan_typos_of_the_seed() {
        let cells: Vec<Text> = (0..20)
            .map(|i| Text {
                at: CellRef::new(i, 0),
                text: "".into(),
            })
            .collect();
        let names = [
            ("UMPU SEMENGIK", 9),
            ("UMPU SEMENGGUK", 4),
            ("BAHUGA", 11),
            ("BUAY BAHUGA", 9),
            ("NEGERI AGUNG", 19),
            ("NEGERI BESAR", 13),
            ("NEGARA BATIN", 15),
            ("KASUI", 18),
            ("BANJIT", 19),
            ("BUMI AGUNG", 10),
        ];
        let s = spellings(&cells, &names);
        assert_eq!(typos(&s, 2), vec![(1, 0)]);
        // Transpositions count as one edit.
        let s = spellings(&cells, &[("BARADATU", 5), ("BRAADATU", 1)]);
        assert_eq!(typos(&s, 1), vec![(1, 0)]);
        // Equal counts: no majority, no finding.
        let s = spellings(&cells, &[("BARADATU", 2), ("BARADATA", 2)]);
        assert_eq!(typos(&s, 2), vec![]);
    }

    /// Small scopes compare every pair, large ones index deletion variants: both
    /// must keep every pair within `k` edits.
    #[test]
    fn both_candidate_searches_keep_every_close_pair() {
        let cells: Vec<Text> = (0..8)
            .map(|i| Text {
                at: CellRef::new(i, 0),
                text: "".into(),
            })
            .collect();
        let mut x: u32 = 7;
        let mut next = |n: u32| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (x >> 16) % n
        };
        let names: Vec<(String, usize)> = (0..120)
            .map(|_| {
                let len = 6 + next(4) as usize;
                let name: String = (0..len).map(|_| char::from(b'A' + next(3) as u8)).collect();
                (name, 1 + next(7) as usize)
            })
            .collect();
        let names: Vec<(&str, usize)> = names.iter().map(|(n, c)| (n.as_str(), *c)).collect();
        let s = spellings(&cells, &names);
        let eligible: Vec<usize> = (0..s.len()).collect();
        for k in 1..=2 {
            let close = |c: Candidates| -> Vec<(usize, usize)> {
                let mut v: Vec<(usize, usize)> = c
                    .into_iter()
                    .flat_map(|(a, bs)| bs.into_iter().map(move |b| (a, b)))
                    .filter(|&(a, b)| strsim::damerau_levenshtein(s[a].norm, s[b].norm) <= k)
                    .collect();
                v.sort();
                v
            };
            let by_length = close(pairs_by_length(&s, &eligible, k));
            assert!(!by_length.is_empty());
            assert_eq!(
                by_length,
                close(pairs_by_deletions(&s, &eligible, k)),
                "k = {k}"
            );
        }
    }
}
