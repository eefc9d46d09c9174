//! Which records of different budget documents are the same program or kegiatan:
//! the PK's programs, the realisation table's programs and kegiatan, the RKT's
//! blocks and kegiatan, paired by name (see [`crate::names`]).

use crate::model::budget::{
    Budget, PkProgramRef, RealisationKegiatanRef, RealisationProgramRef, RktBlockRef,
    RktKegiatanRef,
};
use crate::names::{self, NameIndex};
use std::collections::HashMap;

/// The pairs across documents, both ways where rules look both ways.
#[derive(Default)]
pub struct Links {
    /// An RKT kegiatan → the same kegiatan of the realisation table, and how similar the names are.
    pub kegiatan_by_rkt: HashMap<RktKegiatanRef, (RealisationKegiatanRef, f64)>,
    pub kegiatan_by_realisation: HashMap<RealisationKegiatanRef, RktKegiatanRef>,
    pub realisation_by_pk: HashMap<PkProgramRef, RealisationProgramRef>,
    pub pk_by_realisation: HashMap<RealisationProgramRef, PkProgramRef>,
    /// A PK program → every RKT block of that program.
    pub rkt_by_pk: HashMap<PkProgramRef, Vec<RktBlockRef>>,
}

impl Links {
    /// Pairs the budget's records, names at least `min` similar.
    pub fn new(b: &Budget, min: f64) -> Links {
        let mut l = Links::default();
        // Programs: realisation and RKT blocks against the PK.
        let real_programs: Vec<RealisationProgramRef> =
            b.realisation_programs().map(|(r, _)| r).collect();
        let real_names = NameIndex::new(
            b.realisation_programs()
                .map(|(_, p)| p.name.as_str())
                .collect(),
            min,
        );
        let pk_programs: Vec<PkProgramRef> = b.pk_programs().map(|(r, _)| r).collect();
        let pk_names = NameIndex::new(b.pk_programs().map(|(_, p)| p.name.as_str()).collect(), min);
        for (pk, program) in b.pk_programs() {
            if let Some((i, _)) = real_names.find(&program.name) {
                l.realisation_by_pk.insert(pk, real_programs[i]);
                l.pk_by_realisation.entry(real_programs[i]).or_insert(pk);
            }
        }
        for (block_ref, block) in b.rkt_blocks() {
            if let Some((i, _)) = pk_names.find(&block.name) {
                l.rkt_by_pk
                    .entry(pk_programs[i])
                    .or_default()
                    .push(block_ref);
            }
        }
        // Kegiatan: within the paired realisation program first, then anywhere.
        let real_kegiatan: Vec<RealisationKegiatanRef> = b
            .realisation_programs()
            .flat_map(|(program, p)| {
                (0..p.kegiatan.len())
                    .map(move |kegiatan| RealisationKegiatanRef { program, kegiatan })
            })
            .collect();
        let kegiatan_names = NameIndex::new(
            real_kegiatan
                .iter()
                .map(|&k| b.realisation_kegiatan(k).name.as_str())
                .collect(),
            min,
        );
        let mut in_program: HashMap<RealisationProgramRef, Vec<usize>> = HashMap::new();
        for (i, k) in real_kegiatan.iter().enumerate() {
            in_program.entry(k.program).or_default().push(i);
        }
        let mut rkt_kegiatan: Vec<RktKegiatanRef> = Vec::new();
        let mut proposals: Vec<(f64, usize, usize)> = Vec::new();
        for (block_ref, block) in b.rkt_blocks() {
            let program = real_names.find(&block.name).map(|(i, _)| real_programs[i]);
            let subset = program.and_then(|rp| in_program.get(&rp));
            for (kegiatan, keg) in block.kegiatan.iter().enumerate() {
                let hit = subset
                    .and_then(|s| kegiatan_names.find_in(&keg.name, s))
                    .or_else(|| kegiatan_names.find(&keg.name));
                if let Some((i, s)) = hit {
                    proposals.push((s, rkt_kegiatan.len(), i));
                    rkt_kegiatan.push(RktKegiatanRef {
                        block: block_ref,
                        kegiatan,
                    });
                }
            }
        }
        for (from, to, s) in names::one_to_one(proposals) {
            let (rk, real) = (rkt_kegiatan[from], real_kegiatan[to]);
            l.kegiatan_by_rkt.insert(rk, (real, s));
            l.kegiatan_by_realisation.insert(real, rk);
        }
        l
    }
}
