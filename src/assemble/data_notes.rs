//! The appendix "Catatan atas Data": every finding the office accepted as it is,
//! with the rule it breaks, the reason, who decided and when, so the reviewer
//! reads the decision where the figure is reported. Absent when nothing was
//! accepted.

use super::{col, heading, table, Ctx, MONTHS};
use crate::date::DocumentDate;
use crate::render::{Align, Block};

/// An accepted finding as the appendix lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataNote {
    pub code: String,
    pub file: String,
    /// `Tabel 3.3!B6`, or the config key.
    pub place: String,
    /// The value as written.
    pub found: String,
    /// The rule's title, in Indonesian.
    pub rule: String,
    pub reason: String,
    pub by: String,
    pub date: DocumentDate,
}

/// `15 Januari 2024`.
fn long_date(d: DocumentDate) -> String {
    let month = MONTHS
        .get(d.month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or_default();
    format!("{} {month} {}", d.day, d.year)
}

/// The appendix `number` with its table `table_number`; nothing when no finding
/// was accepted.
pub(super) fn appendix(
    ctx: &Ctx,
    number: &str,
    table_number: &str,
    accepted: &[DataNote],
) -> Vec<Block> {
    if accepted.is_empty() {
        return Vec::new();
    }
    let rows = accepted
        .iter()
        .enumerate()
        .map(|(i, n)| {
            vec![
                format!("{}.", i + 1),
                n.code.clone(),
                format!("{}\n{}", n.file, n.place),
                n.found.clone(),
                n.rule.clone(),
                n.reason.clone(),
                format!("{}\n{}", n.by, long_date(n.date)),
            ]
        })
        .collect();
    let mut t = table(
        table_number,
        "Temuan Pemeriksaan Data yang Diterima".into(),
        vec![
            col("No", 4, Align::Center),
            col("Kode", 8, Align::Left),
            col("Berkas dan Sel", 18, Align::Left),
            col("Nilai", 9, Align::Right),
            col("Aturan", 20, Align::Left),
            col("Alasan", 26, Align::Left),
            col("Diputuskan oleh", 15, Align::Left),
        ],
        rows,
    );
    t.footnote =
        Some("Sumber: keputusan.toml (keputusan dinas atas temuan pemeriksaan kinerja)".into());
    vec![
        Block::PageBreak,
        heading(2, format!("{number}. Catatan atas Data")),
        Block::Paragraph(format!(
            "Pemeriksaan data laporan ini menemukan hal-hal berikut yang oleh {} diterima sebagaimana tertulis, dengan alasan yang dicatat. Nilai-nilai ini dilaporkan apa adanya, tidak dikoreksi, dan tidak menjadikan laporan berstatus draf.",
            ctx.cfg.office.name
        )),
        Block::Table(t),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decision_dates_read_in_indonesian() {
        let d = DocumentDate {
            year: 2024,
            month: 1,
            day: 15,
        };
        assert_eq!(long_date(d), "15 Januari 2024");
    }
}
