//! The office's village table against the ministry's file of the same year: which
//! list is the ministry's (told by what it holds, never by its file name), and
//! which villages pair (by code where both have one, else by name and kecamatan,
//! tolerantly). Shared by XDC001 and XDC002.

use crate::config::Config;
use crate::model::idm::{Village, VillageList, VillageTable};
use crate::model::Model;
use crate::table::Col;
use std::collections::HashMap;

/// How a pair was made, for the finding's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairedBy {
    Code,
    Name,
    /// Names that differ in spelling (`BALI SADAR TENGAH` / `BALI SADHAR TENGAH`).
    SimilarName,
}

pub struct Pair<'a> {
    pub office: (&'a VillageTable, &'a Village),
    pub ministry: (&'a VillageTable, &'a Village),
    pub by: PairedBy,
}

/// One office list set against the ministry's list of its year.
pub struct Pairing<'a> {
    pub year: i32,
    pub office: VillageList<'a>,
    pub ministry: VillageList<'a>,
    pub pairs: Vec<Pair<'a>>,
    /// Office villages the ministry's file does not hold.
    pub office_only: Vec<(&'a VillageTable, &'a Village)>,
    /// Villages of the ministry's file, in the kabupaten the office's villages are
    /// in, that the office's table does not hold.
    pub ministry_only: Vec<(&'a VillageTable, &'a Village)>,
}

/// How much a list looks like the ministry's own file: codes, the three
/// components, no NO column, several kabupaten, values beyond 4 decimals.
fn official_score(list: &VillageList) -> usize {
    let all = |f: &dyn Fn(&Village) -> bool| list.villages().all(|(_, v)| f(v));
    let has = |col| list.tables.iter().all(|t| t.columns.contains_key(&col));
    let kabupaten: std::collections::HashSet<String> = list
        .villages()
        .filter_map(|(_, v)| v.kabupaten.as_ref().map(|k| letters(&k.text)))
        .take(10_000)
        .collect();
    let precise = list
        .villages()
        .any(|(_, v)| v.total.as_ref().is_some_and(|f| f.decimals > 4));
    [
        all(&|v| v.kode.is_some()),
        has(Col::Iks) && has(Col::Ike) && has(Col::Ikl),
        !has(Col::No),
        kabupaten.len() > 1,
        precise,
    ]
    .iter()
    .filter(|b| **b)
    .count()
}

/// A name as compared across sources: letters and digits only, upper case
/// (`DONO MULYO` and `DONOMULYO` are one).
pub fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Every office list paired with the ministry's list of its year, where a year
/// has a list that is clearly the ministry's (the one most like its file, by a
/// margin: two lists alike are not compared, as neither can be told official).
pub fn pairings<'a>(m: &'a Model, cfg: &Config) -> Vec<Pairing<'a>> {
    let lists = m.idm.lists(&m.tables);
    let mut years: Vec<(crate::table::TableKind, i32)> =
        lists.iter().map(|l| (l.kind, l.year)).collect();
    years.sort();
    years.dedup();
    let mut out = Vec::new();
    for (kind, year) in years {
        let of_year: Vec<&VillageList> = lists
            .iter()
            .filter(|l| l.year == year && l.kind == kind)
            .collect();
        if of_year.len() < 2 {
            continue;
        }
        let scores: Vec<usize> = of_year.iter().map(|l| official_score(l)).collect();
        let best = *scores.iter().max().expect("two lists");
        if scores.iter().filter(|s| **s == best).count() > 1 {
            continue;
        }
        let mi = scores.iter().position(|s| *s == best).expect("the best");
        let ministry = of_year[mi];
        for (i, office) in of_year.iter().enumerate() {
            if i != mi {
                out.push(pair(year, office, ministry, cfg));
            }
        }
    }
    out
}

fn pair<'a>(
    year: i32,
    office: &VillageList<'a>,
    ministry: &VillageList<'a>,
    cfg: &Config,
) -> Pairing<'a> {
    let mv: Vec<(&VillageTable, &Village)> = ministry.villages().collect();
    let mut by_code: HashMap<&str, usize> = HashMap::new();
    let mut by_name: HashMap<(String, String), usize> = HashMap::new();
    let mut by_kecamatan: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (_, v)) in mv.iter().enumerate() {
        if let Some(k) = &v.kode {
            by_code.entry(&k.text).or_insert(i);
        }
        let kec = letters(v.kecamatan_text());
        by_name
            .entry((letters(v.name_text()), kec.clone()))
            .or_insert(i);
        by_kecamatan.entry(kec).or_default().push(i);
    }
    let mut taken = vec![false; mv.len()];
    let mut pairs = Vec::new();
    let mut office_only = Vec::new();
    let min = cfg.tolerances.name_similarity;
    for (ot, ov) in office.villages() {
        let found = match ov.kode.as_ref().and_then(|k| by_code.get(&*k.text)) {
            Some(&i) => Some((i, PairedBy::Code)),
            None => {
                let kec = letters(ov.kecamatan_text());
                match by_name.get(&(letters(ov.name_text()), kec.clone())) {
                    Some(&i) if !taken[i] => Some((i, PairedBy::Name)),
                    _ => by_kecamatan.get(&kec).and_then(|cands| {
                        let free: Vec<usize> =
                            cands.iter().copied().filter(|i| !taken[*i]).collect();
                        crate::names::best_match(
                            ov.name_text(),
                            free.iter().map(|i| mv[*i].1.name_text()),
                            min,
                        )
                        .map(|(j, _)| (free[j], PairedBy::SimilarName))
                    }),
                }
            }
        };
        match found {
            Some((i, by)) if !taken[i] => {
                taken[i] = true;
                pairs.push(Pair {
                    office: (ot, ov),
                    ministry: mv[i],
                    by,
                });
            }
            _ => office_only.push((ot, ov)),
        }
    }
    // The office's region: the kabupaten its paired villages are in (by code
    // where the ministry's file has one, else by name).
    let region = |v: &Village| -> String {
        match (&v.kode, &v.kabupaten) {
            // The code's first four characters: province and kabupaten.
            (Some(k), _) if k.text.chars().nth(3).is_some() => k.text.chars().take(4).collect(),
            (_, Some(k)) => letters(&k.text),
            _ => String::new(),
        }
    };
    let regions: std::collections::HashSet<String> =
        pairs.iter().map(|p| region(p.ministry.1)).collect();
    let ministry_only = mv
        .iter()
        .zip(&taken)
        .filter(|(mvv, t)| !**t && regions.contains(&region(mvv.1)))
        .map(|(x, _)| *x)
        .collect();
    Pairing {
        year,
        office: office.clone(),
        ministry: ministry.clone(),
        pairs,
        office_only,
        ministry_only,
    }
}

/// `NAMA (KECAMATAN)`, and the code where there is one.
pub fn named(v: &Village) -> String {
    let base = super::village_label(v);
    match &v.kode {
        Some(k) => format!("{base} [{}]", k.text),
        None => base,
    }
}
