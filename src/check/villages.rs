//! What several village rules derive from the same villages, computed once per run
//! for all of them ([`VillageAnalysis`], in the [`Context`](super::Context)): the
//! village lists, each village's texts as normalized keys (interned, so rules
//! compare numbers instead of building strings per village), the total each
//! village's components give (where it differs from the one written), and the
//! status counts by value of each list. Each is worked out once, when first
//! asked for: the rules' scheduler asks for the keys and the totals first thing,
//! one on each core.

use crate::config::Config;
use crate::hash::FxHashMap;
use crate::model::idm::{Basis, Profile, StatusCount, Village, VillageList};
use crate::model::Model;
use crate::table::normalize_header;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::sync::OnceLock;

/// A village's texts as keys: ids of their normalized forms
/// ([`normalize_header`]), `0` for a blank or missing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Keys {
    pub name: u32,
    pub kecamatan: u32,
    pub kabupaten: u32,
    pub provinsi: u32,
    /// The village code normalized (IDT002 compares codes this way).
    pub kode: u32,
    /// The village code as written (`u32::MAX` when there is none): two codes have
    /// the same id exactly when their texts are equal.
    pub kode_written: u32,
}

impl Keys {
    /// The name with its kecamatan, kabupaten and province.
    pub fn place(&self) -> (u32, u32, u32, u32) {
        (self.name, self.kecamatan, self.kabupaten, self.provinsi)
    }
}

/// Per list, the keys of its villages; the normalized texts by id.
type Keyed<'a> = (Vec<Vec<Keys>>, Vec<Cow<'a, str>>);

/// A total by components and the decimals it is written with.
type Corrected = Option<(Decimal, u32)>;

/// A part of the analysis to work out ahead of the rules.
#[derive(Debug, Clone, Copy)]
pub enum Part {
    Keys,
    Totals,
}

/// The village derivations of a run.
pub struct VillageAnalysis<'a> {
    model: &'a Model,
    cfg: &'a Config,
    /// The village lists ([`crate::model::idm::Idm::lists`]), in reading order.
    pub lists: Vec<VillageList<'a>>,
    /// Per list, its villages' keys in [`VillageList::villages`] order; the
    /// normalized texts by id (id 0 is the empty text).
    keys: OnceLock<Keyed<'a>>,
    /// Per list, its status counts by value.
    value_counts: Vec<OnceLock<(Vec<StatusCount>, usize)>>,
    /// Per model table, per village of its village table: the total the
    /// components give, at the precision it is written with, where it differs
    /// from the total written (`idm::total_by_components`).
    corrected: OnceLock<Vec<Vec<Corrected>>>,
}

/// Normalized texts by id, each text normalized once however often it repeats.
struct Interner<'a> {
    /// Texts that need normalizing: (id as written, id of the normalized form).
    by_written: FxHashMap<&'a str, (u32, u32)>,
    by_normalized: FxHashMap<Cow<'a, str>, u32>,
    texts: Vec<Cow<'a, str>>,
    /// The kecamatan, kabupaten and province of the village before, and their ids:
    /// neighbours share them.
    last: [(&'a str, u32); 3],
}

/// Whether `normalize_header` leaves `s` as it is.
fn is_normalized(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut space = false;
    for &c in b {
        if c == b' ' {
            if space {
                return false;
            }
            space = true;
        } else if c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'%' {
            space = false;
        } else {
            return false;
        }
    }
    true
}

/// The bit that tells an id of a text as written from an id of a normalized text.
const WRITTEN: u32 = 1 << 31;

impl<'a> Interner<'a> {
    fn new(capacity: usize) -> Self {
        let mut i = Interner {
            by_written: FxHashMap::default(),
            by_normalized: FxHashMap::with_capacity_and_hasher(capacity, Default::default()),
            texts: Vec::with_capacity(capacity),
            last: [("", 0); 3],
        };
        i.normalized(Cow::Borrowed(""));
        i
    }

    fn normalized(&mut self, n: Cow<'a, str>) -> u32 {
        let next = self.texts.len() as u32;
        match self.by_normalized.entry(n) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                self.texts.push(e.key().clone());
                e.insert(next);
                next
            }
        }
    }

    /// An id of `s` as written (equal ids for equal texts only) and the id of its
    /// normalized form.
    fn ids(&mut self, s: &'a str) -> (u32, u32) {
        if is_normalized(s) {
            let id = self.normalized(Cow::Borrowed(s));
            return (id, id);
        }
        if let Some(&ids) = self.by_written.get(s) {
            return ids;
        }
        let ids = (
            WRITTEN | self.by_written.len() as u32,
            self.normalized(Cow::Owned(normalize_header(s))),
        );
        self.by_written.insert(s, ids);
        ids
    }

    fn id(&mut self, t: Option<&'a crate::model::idm::Text>) -> u32 {
        t.map_or(0, |t| self.ids(&t.text).1)
    }

    /// [`Interner::id`] of a text that usually repeats the one before.
    fn repeated(&mut self, field: usize, t: Option<&'a crate::model::idm::Text>) -> u32 {
        let Some(t) = t else { return 0 };
        let (last, id) = self.last[field];
        if *t.text == *last {
            return id;
        }
        let id = self.ids(&t.text).1;
        self.last[field] = (&t.text, id);
        id
    }

    fn keys(&mut self, v: &'a Village) -> Keys {
        let (kode_written, kode) = v.kode.as_ref().map_or((u32::MAX, 0), |k| self.ids(&k.text));
        Keys {
            name: self.id(v.name.as_ref()),
            kecamatan: self.repeated(0, v.kecamatan.as_ref()),
            kabupaten: self.repeated(1, v.kabupaten.as_ref()),
            provinsi: self.repeated(2, v.provinsi.as_ref()),
            kode,
            kode_written,
        }
    }
}

impl<'a> VillageAnalysis<'a> {
    pub fn new(model: &'a Model, cfg: &'a Config) -> Self {
        let lists = model.idm.lists(&model.tables);
        VillageAnalysis {
            model,
            cfg,
            value_counts: lists.iter().map(|_| OnceLock::new()).collect(),
            lists,
            keys: OnceLock::new(),
            corrected: OnceLock::new(),
        }
    }

    fn keyed(&self) -> &Keyed<'a> {
        self.keys.get_or_init(|| {
            let villages: usize = self.lists.iter().map(VillageList::len).sum();
            let mut interner = Interner::new(2 * villages);
            let keys = self
                .lists
                .iter()
                .map(|list| list.villages().map(|(_, v)| interner.keys(v)).collect())
                .collect();
            (keys, interner.texts)
        })
    }

    /// The keys of the villages of list `i`, in [`VillageList::villages`] order.
    pub fn keys(&self, i: usize) -> &[Keys] {
        &self.keyed().0[i]
    }

    /// The normalized text of an id.
    pub fn text(&self, id: u32) -> &str {
        &self.keyed().1[id as usize]
    }

    /// The total by components of village `i` of the village table of model
    /// table `table`, where it differs from the one written.
    pub fn corrected(&self, table: usize, i: usize) -> Corrected {
        self.totals()[table][i]
    }

    /// Works out the keys and the totals by components now (the rules' scheduler
    /// does, first thing, one on each core).
    pub fn prepare(&self, part: Part) {
        match part {
            Part::Keys => drop(self.keyed()),
            Part::Totals => drop(self.totals()),
        }
    }

    fn totals(&self) -> &[Vec<Corrected>] {
        self.corrected.get_or_init(|| {
            let mut corrected: Vec<Vec<Corrected>> = vec![Vec::new(); self.model.tables.len()];
            for vt in &self.model.idm.villages {
                let p = Profile::of(self.cfg, vt.kind);
                corrected[vt.table] = vt
                    .villages
                    .iter()
                    .map(|v| super::idm::total_by_components(v, &p))
                    .collect();
            }
            corrected
        })
    }

    /// The index in [`VillageAnalysis::lists`] of the list a summary of `kind`
    /// for `year` counts ([`crate::model::idm::list_of_year`]).
    pub fn list_of_year(&self, kind: crate::table::TableKind, year: i32) -> Option<usize> {
        crate::model::idm::list_of_year(&self.lists, kind, year)
    }

    /// [`VillageList::status_counts`] by value of list `i`, computed once.
    pub fn value_counts(&self, i: usize) -> &(Vec<StatusCount>, usize) {
        let l = &self.lists[i];
        self.value_counts[i]
            .get_or_init(|| l.status_counts(&Profile::of(self.cfg, l.kind), Basis::Value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_texts_are_recognized() {
        for s in [
            "",
            "BANJIT",
            "UMPU SEMENGIK",
            "Banjit",
            " BANJIT",
            "BANJIT ",
            "UMPU  SEMENGIK",
            "A-B",
            "3604052001",
            "CAPAIAN %",
            "ÉTÉ",
            "A\tB",
        ] {
            // Exact for ASCII; other texts are normalized to be sure.
            let same = normalize_header(s) == s;
            assert_eq!(is_normalized(s), same && s.is_ascii(), "{s:?}");
        }
    }

    #[test]
    fn spellings_of_one_text_share_an_id() {
        let mut i = Interner::new(4);
        let a = i.ids("Umpu Semengik");
        let b = i.ids("UMPU SEMENGIK");
        let c = i.ids("umpu  semengik.");
        assert_eq!((a.1, b.1), (c.1, c.1));
        assert_ne!(a.0, b.0);
        assert_ne!(a.0, c.0);
        assert_ne!(b.0, c.0);
        assert_eq!(i.ids("Umpu Semengik"), a);
        assert_eq!(i.ids("-").1, 0);
        assert_eq!(i.texts[a.1 as usize], "UMPU SEMENGIK");
    }
}
