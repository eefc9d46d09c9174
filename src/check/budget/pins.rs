//! Pinning malformed figures: a figure whose thousands grouping is broken
//! (`65.00.000`) has several readings; another figure can single one out — the
//! same kegiatan in another document, the realisasi and its %, a whole less its
//! other parts. Pins chain: a figure pinned in one round lends its value to the
//! next round, until nothing more is pinned.

use super::format::{en_num, id_num, short, swap_marks};
use super::trees::Tree;
use super::BudgetAnalysis;
use crate::cell::CellRef;
use crate::finding::Message;
use crate::model::budget::sum;
use crate::model::{Figure, FigureProblem};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// A malformed figure's value, pinned down by other figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Pin {
    pub value: Decimal,
    /// What pins it, as a phrase: "realisasi 65.000.000 dan persentase 100,00".
    pub because: Message,
}

/// Pins by (table, cell).
pub type Pins = HashMap<(usize, CellRef), Pin>;

/// What other figures say a malformed figure is, and why, by (table, cell).
type Sources = HashMap<(usize, CellRef), Vec<(Decimal, Message)>>;

/// Pins every figure the budget allows, in rounds: each round reads the figures
/// pinned by the rounds before. A figure whose sources disagree is never pinned.
/// Returns the sum trees of the last round, which read every pin.
pub fn pin_all(analysis: &mut BudgetAnalysis) -> Vec<Tree> {
    let mut contested = HashSet::new();
    loop {
        let trees = analysis.trees();
        let mut added = false;
        for (key, list) in sources(analysis, &trees) {
            if analysis.pins.contains_key(&key) || contested.contains(&key) {
                continue;
            }
            let v = list[0].0;
            if list.iter().any(|(x, _)| *x != v) {
                contested.insert(key); // the sources disagree: nothing is pinned
                continue;
            }
            let id: Vec<&str> = list.iter().map(|(_, m)| m.id.as_str()).collect();
            let en: Vec<&str> = list.iter().map(|(_, m)| m.en.as_str()).collect();
            analysis.pins.insert(
                key,
                Pin {
                    value: v,
                    because: Message::new(id.join(" serta oleh "), en.join(" and by ")),
                },
            );
            added = true;
        }
        if !added {
            return trees;
        }
    }
}

/// A malformed figure not pinned yet, with its readings.
fn unpinned<'f>(
    analysis: &BudgetAnalysis,
    table: usize,
    f: &'f Option<Figure>,
) -> Option<(&'f Figure, &'f [Decimal])> {
    let f = f.as_ref()?;
    match f.problem.as_deref() {
        Some(FigureProblem::Malformed { readings }) if analysis.pinned(table, f.at).is_none() => {
            Some((f, readings.as_slice()))
        }
        _ => None,
    }
}

/// " (itself pinned)" when `f` has its value from a pin.
fn pinned_note(f: &Option<Figure>) -> (&'static str, &'static str) {
    match f {
        Some(f) if f.value.is_none() => (", yang juga sudah dipastikan", ", itself pinned"),
        _ => ("", ""),
    }
}

/// What the other figures of the budget say each malformed, unpinned figure is.
fn sources(a: &BudgetAnalysis, trees: &[Tree]) -> Sources {
    let b = a.b;
    let mut found = Sources::new();
    let mut add = |table: usize, at: CellRef, v: Decimal, m: Message| {
        found.entry((table, at)).or_default().push((v, m))
    };
    // (1) The same figure in another document.
    for (&rk, &(real_ref, _)) in &a.links.kegiatan_by_rkt {
        let rkt = &b.rkt[rk.block.rkt];
        let real = &b.realisations[real_ref.program.realisation];
        let dana = &b.rkt_kegiatan(rk).dana;
        let pagu = &b.realisation_kegiatan(real_ref).pagu;
        if let (Some((f, readings)), Some(d)) =
            (unpinned(a, real.table, pagu), a.val(rkt.table, dana))
        {
            if readings.contains(&d) {
                let at = a.where_is(rkt.table, dana.as_ref().expect("dana").at);
                let (id_note, en_note) = pinned_note(dana);
                add(
                    real.table,
                    f.at,
                    d,
                    Message::new(
                        format!(
                            "Dana kegiatan yang sama di RKT ({at}: {}{id_note})",
                            id_num(d)
                        ),
                        format!(
                            "the same kegiatan's Dana in the RKT ({at}: {}{en_note})",
                            en_num(d)
                        ),
                    ),
                );
            }
        }
        if let (Some((f, readings)), Some(v)) =
            (unpinned(a, rkt.table, dana), a.val(real.table, pagu))
        {
            if readings.contains(&v) {
                let at = a.where_is(real.table, pagu.as_ref().expect("pagu").at);
                let (id_note, en_note) = pinned_note(pagu);
                add(
                    rkt.table,
                    f.at,
                    v,
                    Message::new(
                        format!(
                            "pagu kegiatan yang sama di tabel realisasi ({at}: {}{id_note})",
                            id_num(v)
                        ),
                        format!(
                            "the same kegiatan's pagu in the realisation table ({at}: {}{en_note})",
                            en_num(v)
                        ),
                    ),
                );
            }
        }
    }
    for (pk_ref, prog) in b.pk_programs() {
        let table = b.pk_budgets[pk_ref.pk].table;
        let Some((f, readings)) = unpinned(a, table, &prog.anggaran) else {
            continue;
        };
        if let Some(v) = a.links.realisation_by_pk.get(&pk_ref).and_then(|&r| {
            let real_table = b.realisations[r.realisation].table;
            sum(b
                .realisation_program(r)
                .kegiatan
                .iter()
                .map(|k| a.val(real_table, &k.pagu)))
        }) {
            if readings.contains(&v) {
                add(
                    table,
                    f.at,
                    v,
                    Message::new(
                        format!(
                            "jumlah pagu kegiatan program itu di tabel realisasi ({})",
                            id_num(v)
                        ),
                        format!(
                            "the program's kegiatan pagu in the realisation table ({})",
                            en_num(v)
                        ),
                    ),
                );
            }
        }
        if let Some(v) = a.links.rkt_by_pk.get(&pk_ref).and_then(|blocks| {
            sum(blocks
                .iter()
                .map(|&r| a.val(b.rkt[r.rkt].table, &b.rkt_block(r).funds)))
        }) {
            if readings.contains(&v) {
                add(
                    table,
                    f.at,
                    v,
                    Message::new(
                        format!("dana program itu di RKT ({})", id_num(v)),
                        format!("the program's funds in the RKT ({})", en_num(v)),
                    ),
                );
            }
        }
    }
    // (2) Within a realisation row: pagu, realisasi and %.
    for real in &b.realisations {
        let t = real.table;
        let lines = real
            .kegiatan()
            .chain(real.programs.iter().filter_map(|p| p.subtotal.as_ref()))
            .chain(real.totals.iter());
        for line in lines {
            let Some(pct) = line.persen.as_ref().filter(|p| p.value.is_some()) else {
                continue;
            };
            if let (Some((f, readings)), Some(r)) =
                (unpinned(a, t, &line.pagu), a.val(t, &line.realisasi))
            {
                if let Some(v) = pagu_from_percent(readings, r, pct) {
                    let (id_note, en_note) = pinned_note(&line.realisasi);
                    add(
                        t,
                        f.at,
                        v,
                        Message::new(
                            format!(
                                "realisasi {}{id_note} dan persentase {}",
                                id_num(r),
                                pct.written.trim()
                            ),
                            format!(
                                "realisasi {}{en_note} at {} %",
                                en_num(r),
                                swap_marks(pct.written.trim())
                            ),
                        ),
                    );
                }
            }
            if let (Some((f, readings)), Some(p)) =
                (unpinned(a, t, &line.realisasi), a.val(t, &line.pagu))
            {
                if let Some(v) = realisasi_from_percent(readings, p, pct) {
                    let (id_note, en_note) = pinned_note(&line.pagu);
                    add(
                        t,
                        f.at,
                        v,
                        Message::new(
                            format!(
                                "pagu {}{id_note} dan persentase {}",
                                id_num(p),
                                pct.written.trim()
                            ),
                            format!(
                                "pagu {}{en_note} at {} %",
                                en_num(p),
                                swap_marks(pct.written.trim())
                            ),
                        ),
                    );
                }
            }
        }
    }
    // (3) A whole and its other parts leave one value.
    for tree in trees {
        let sheet = &a.model.tables[tree.table].sheet;
        // Figures of this tree pinned by earlier rounds, named when they are used.
        let pinned_first = |nodes: &mut dyn Iterator<Item = usize>| -> (String, String) {
            let (id, en): (Vec<String>, Vec<String>) = nodes
                .filter_map(|n| {
                    let node = &tree.nodes[n];
                    match (&node.readings, node.value, node.cell) {
                        (Some(_), Some(v), Some(cell)) => Some((
                            format!("{sheet}!{cell} dipastikan {}", id_num(v)),
                            format!("{sheet}!{cell} pinned at {}", en_num(v)),
                        )),
                        _ => None,
                    }
                })
                .unzip();
            if id.is_empty() {
                (String::new(), String::new())
            } else {
                (
                    format!(", setelah {}", id.join(", ")),
                    format!(", once {}", en.join(", ")),
                )
            }
        };
        for (n, node) in tree.nodes.iter().enumerate() {
            let (Some(readings), Some(cell), None) = (&node.readings, node.cell, node.value) else {
                continue;
            };
            if let Some(v) = tree.left_by_parent(n).filter(|v| readings.contains(v)) {
                let parent = node.parent.expect("has a parent");
                let p = &tree.nodes[parent];
                let (id_note, en_note) = pinned_first(
                    &mut std::iter::once(parent)
                        .chain(p.children.iter().copied().filter(|&c| c != n)),
                );
                add(
                    tree.table,
                    cell,
                    v,
                    Message::new(
                        format!(
                            "{} {} dikurangi rincian lainnya{id_note}",
                            short(&p.name),
                            id_num(p.value.unwrap_or_default())
                        ),
                        format!(
                            "{} {} less the other parts{en_note}",
                            short(&p.name),
                            en_num(p.value.unwrap_or_default())
                        ),
                    ),
                );
            }
            if let Some(v) = tree.children_sum(n).filter(|v| readings.contains(v)) {
                let (id_note, en_note) = pinned_first(&mut node.children.iter().copied());
                add(
                    tree.table,
                    cell,
                    v,
                    Message::new(
                        format!("jumlah {} rinciannya{id_note}", node.children.len()),
                        format!("the sum of its {} parts{en_note}", node.children.len()),
                    ),
                );
            }
        }
    }
    found
}

/// The one reading inside [lo, hi], if exactly one is.
fn only_reading_in(readings: &[Decimal], lo: Decimal, hi: Decimal) -> Option<Decimal> {
    let inside: Vec<Decimal> = readings
        .iter()
        .copied()
        .filter(|r| *r >= lo && *r <= hi)
        .collect();
    (inside.len() == 1).then(|| inside[0])
}

/// Half a unit of the last written decimal of a percentage: 0,5 for `93`, 0,005 for `100,00`.
fn half_unit(decimals: u32) -> Decimal {
    Decimal::new(5, decimals.min(26) + 1)
}

/// The pagu a realisasi and its written % allow: realisasi × 100 / [% ± half a unit].
fn pagu_from_percent(readings: &[Decimal], realisasi: Decimal, pct: &Figure) -> Option<Decimal> {
    let p = pct.value?;
    let h = half_unit(pct.decimals);
    if realisasi <= Decimal::ZERO || p - h <= Decimal::ZERO {
        return None;
    }
    let lo = realisasi * Decimal::ONE_HUNDRED / (p + h);
    let hi = realisasi * Decimal::ONE_HUNDRED / (p - h);
    only_reading_in(readings, lo, hi)
}

/// The realisasi a pagu and its written % allow: pagu × [% ± half a unit] / 100.
fn realisasi_from_percent(readings: &[Decimal], pagu: Decimal, pct: &Figure) -> Option<Decimal> {
    let p = pct.value?;
    let h = half_unit(pct.decimals);
    if pagu <= Decimal::ZERO {
        return None;
    }
    let lo = pagu * (p - h) / Decimal::ONE_HUNDRED;
    let hi = pagu * (p + h) / Decimal::ONE_HUNDRED;
    only_reading_in(readings, lo, hi)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_pin_chains_through_a_pinned_figure() {
        let percent = |a1: &str, written: &str| Figure {
            written: written.into(),
            decimals: 2,
            ..fig(a1, 100)
        };
        let kegiatan = vec![
            line(
                "A",
                fig("B6", 1_000),
                Some(fig("C6", 1_000)),
                Some(percent("D6", "100,00")),
            ),
            // Pinned by its realisasi and %.
            line(
                "Pemeliharaan Gedung",
                malformed("B7", "65.00.000", &[6_500_000, 65_000_000]),
                Some(fig("C7", 65_000_000)),
                Some(percent("D7", "100,00")),
            ),
            // Nothing spent, no % to pin it: only the JUMLAH less the others, once B7 is pinned.
            line(
                "Pengadaan Pakaian Dinas",
                malformed("B8", "18.60.0000", &[1_860_000, 18_600_000, 186_000_000]),
                Some(dash("C8")),
                Some(fig("D8", 0)),
            ),
        ];
        let budgets = Budgets::new().realisation(
            vec![program("P", 4, kegiatan)],
            vec![line("JUMLAH", fig("B9", 83_601_000), None, None)],
        );
        let analysis = budgets.analysis();
        let first = &analysis.pins[&(0, CellRef::parse("B7").unwrap())];
        assert_eq!(first.value, dec!(65000000));
        assert_eq!(
            first.because.id,
            "realisasi 65.000.000 dan persentase 100,00"
        );
        let second = &analysis.pins[&(0, CellRef::parse("B8").unwrap())];
        assert_eq!(second.value, dec!(18600000));
        assert_eq!(
            second.because.id,
            "JUMLAH 83.601.000 dikurangi rincian lainnya, setelah Tabel 3.4!B7 dipastikan 65.000.000"
        );
        assert_eq!(
            second.because.en,
            "JUMLAH 83,601,000 less the other parts, once Tabel 3.4!B7 pinned at 65,000,000"
        );
    }

    #[test]
    fn sources_that_disagree_pin_nothing() {
        // The JUMLAH leaves 18.600.000, the RKT says 186.000.000.
        let kegiatan = vec![
            line("A", fig("B6", 1_000), None, None),
            line(
                "Pengadaan Pakaian Dinas",
                malformed("B8", "18.60.0000", &[1_860_000, 18_600_000, 186_000_000]),
                None,
                None,
            ),
        ];
        let budgets = Budgets::new()
            .realisation(
                vec![program("P", 4, kegiatan)],
                vec![line("JUMLAH", fig("B9", 18_601_000), None, None)],
            )
            .rkt(vec![rkt_block(
                "P",
                fig("I90", 186_001_000),
                vec![
                    rkt_kegiatan("A", fig("I91", 1_000)),
                    rkt_kegiatan("Pengadaan Pakaian Dinas", fig("I96", 186_000_000)),
                ],
            )]);
        assert!(budgets.analysis().pins.is_empty());
    }

    #[test]
    fn readings_pinned_by_percent() {
        let pct = |v: Decimal, d: u32| Figure {
            at: CellRef::new(0, 3),
            value: Some(v),
            written: v.to_string(),
            decimals: d,
            stored_as_text: false,
            mark: None,
            dash: false,
            problem: None,
        };
        let readings = [dec!(6500000), dec!(65000000)];
        assert_eq!(
            pagu_from_percent(&readings, dec!(65000000), &pct(dec!(100.00), 2)),
            Some(dec!(65000000))
        );
        let readings = [dec!(25754600), dec!(257546500), dec!(2575465000)];
        assert_eq!(
            realisasi_from_percent(&readings, dec!(275977000), &pct(dec!(93), 0)),
            Some(dec!(257546500))
        );
        // Two readings inside: nothing pinned.
        assert_eq!(
            only_reading_in(&[dec!(10), dec!(11)], dec!(9), dec!(12)),
            None
        );
    }
}
