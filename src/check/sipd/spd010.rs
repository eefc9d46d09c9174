//! SPD010 series-reading: how a year's SIPD exports were read.

use super::{loc, money, named};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::date::{MONTHS, MONTHS_EN};
use crate::finding::{Finding, Message, Severity};
use crate::model::sipd::{Export, PeriodFrom, Reading, Why};

pub const RULE: Rule = Rule {
    code: "SPD010",
    name: "series-reading",
    severity: Severity::Info,
    title:
        "How a year's SIPD exports were read: the latest cumulative one, or the sum of monthly ones",
    judul:
        "Cara membaca ekspor SIPD setahun: ekspor kumulatif terakhir, atau jumlah ekspor bulanan",
    doc: include_str!("spd010.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::SHEET_NOTE,
    check,
};

/// `lra_juli.xlsx lembar Sheet1 (Juli)`.
fn named_export(e: &Export, en: bool) -> String {
    let (sheet, names) = if en {
        ("sheet", MONTHS_EN)
    } else {
        ("lembar", MONTHS)
    };
    let whence = match (e.period.from, en) {
        (Some(PeriodFrom::FileName), false) => ", menurut nama berkas",
        (Some(PeriodFrom::FileName), true) => ", by its file name",
        (Some(PeriodFrom::SheetName), false) => ", menurut nama lembar",
        (Some(PeriodFrom::SheetName), true) => ", by its sheet name",
        _ => "",
    };
    let month = e
        .period
        .month
        .map(|m| format!(" ({}{whence})", names[m as usize - 1]))
        .unwrap_or_default();
    format!("{} {sheet} {}{month}", e.file, e.sheet)
}

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let sipd = &ctx.model.sipd;
    let year = ctx.cfg.office.year;
    for (k, s) in sipd.series.iter().enumerate() {
        let latest = &sipd.exports[s.latest()];
        let at = loc(ctx, latest, ctx.model.tables[latest.table].range.first);
        if let Some(y) = s.year.filter(|&y| y != year) {
            out.push(rule.finding(
                at,
                Message::new(
                    format!("ekspor SIPD ini untuk tahun anggaran {y}, laporan untuk tahun {year}: tidak dipakai untuk Tabel 3.4"),
                    format!("this SIPD export is for budget year {y}, the report for {year}: it is not used for Tabel 3.4"),
                ),
                y.to_string(),
            ));
            continue;
        }
        if s.reading == Reading::Single {
            continue;
        }
        let n = s.exports.len();
        let list_id: Vec<String> = s
            .exports
            .iter()
            .map(|&i| named_export(&sipd.exports[i], false))
            .collect();
        let list_en: Vec<String> = s
            .exports
            .iter()
            .map(|&i| named_export(&sipd.exports[i], true))
            .collect();
        let (why_id, why_en) = match &s.why {
            Why::SaidCumulative { export } => {
                let said = sipd.exports[*export]
                    .period
                    .said
                    .clone()
                    .unwrap_or_default();
                (
                    format!("«{said}» menyatakan realisasi sejak Januari (s.d.)"),
                    format!("«{said}» states the realisation since January (s.d.)"),
                )
            }
            Why::NeverFell => (
                "realisasi tidak pernah turun dari satu ekspor ke ekspor berikutnya".to_string(),
                "no row's realisation falls from one export to the next".to_string(),
            ),
            Why::Fell { earlier, later } => {
                let (ea, ia) = *earlier;
                let (eb, ib) = *later;
                let (a, b) = (&sipd.exports[ea], &sipd.exports[eb]);
                let (who_id, who_en) = named(&a.lines[ia]);
                let (x_id, x_en) = money(a.lines[ia].realisasi().unwrap_or_default());
                let (y_id, y_en) = money(b.lines[ib].realisasi().unwrap_or_default());
                (
                    format!(
                        "realisasi {who_id} turun dari {x_id} ({}) menjadi {y_id} ({})",
                        a.file, b.file
                    ),
                    format!(
                        "the realisation of {who_en} falls from {x_en} ({}) to {y_en} ({})",
                        a.file, b.file
                    ),
                )
            }
            Why::Single => continue,
        };
        let (reading_id, reading_en) = match s.reading {
            Reading::Monthly => (
                format!("tiap ekspor memuat realisasi bulannya sendiri, sehingga realisasi tahun ini adalah jumlah {n} ekspor"),
                format!("each export holds its own month, so the year's realisation is the sum of the {n} exports"),
            ),
            _ => (
                format!("tiap ekspor memuat realisasi sejak Januari, sehingga realisasi tahun ini adalah ekspor terakhir, {}", list_id.last().cloned().unwrap_or_default()),
                format!("each export holds the realisation since January, so the year's realisation is the latest export, {}", list_en.last().cloned().unwrap_or_default()),
            ),
        };
        let (missing_id, missing_en) = if s.missing_months.is_empty() {
            (String::new(), String::new())
        } else {
            let id: Vec<&str> = s
                .missing_months
                .iter()
                .map(|&m| MONTHS[m as usize - 1])
                .collect();
            let en: Vec<&str> = s
                .missing_months
                .iter()
                .map(|&m| MONTHS_EN[m as usize - 1])
                .collect();
            (
                format!(
                    "; bulan {} tidak ada di antara ekspor, realisasinya tidak termasuk",
                    id.join(", ")
                ),
                format!(
                    "; {} are missing from the exports, their realisation is not included",
                    en.join(", ")
                ),
            )
        };
        let reported = if sipd.reported == Some(k) {
            (
                "; Tabel 3.4 laporan memakai angka ini",
                "; the report's Tabel 3.4 takes these figures",
            )
        } else {
            ("", "")
        };
        out.push(rule.finding(
            at,
            Message::new(
                format!("{n} ekspor SIPD dibaca sebagai satu rangkaian ({}): {why_id}, {reading_id}{missing_id}{}", list_id.join(", "), reported.0),
                format!("{n} SIPD exports are read as one series ({}): {why_en}, so {reading_en}{missing_en}{}", list_en.join(", "), reported.1),
            ),
            match s.reading {
                Reading::Monthly => "bulanan",
                _ => "kumulatif",
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::check::sipd::testing::{one_pair, titled, with};
    use crate::check::testing::{findings_with, one, Sheet};
    use crate::config::Config;

    /// January's export, and a later one whose account 5.1.02.01.001.00024 (row
    /// 12) reads 400.000 where January read 500.000, its parents following.
    fn months(later: &'static str) -> Vec<(&'static str, Vec<Sheet>)> {
        let january = titled(one_pair(), "REALISASI BULAN JANUARI 2026");
        let mut july = titled(one_pair(), later);
        for a1 in ["D4", "D5", "D6", "D7", "D8", "D20"] {
            july = with(july, a1, "1100000");
        }
        for (a1, v) in [
            ("D9", "800000"),
            ("D10", "800000"),
            ("D11", "600000"),
            ("D12", "400000"),
        ] {
            july = with(july, a1, v);
        }
        vec![("januari.xlsx", vec![january]), ("juli.xlsx", vec![july])]
    }

    fn run(files: Vec<(&'static str, Vec<Sheet>)>) -> Vec<crate::finding::Finding> {
        let files: Vec<(&str, &[Sheet])> = files.iter().map(|(n, s)| (*n, s.as_slice())).collect();
        let mut cfg = Config::default_config();
        cfg.office.year = 2026;
        findings_with(&RULE, &cfg, &files)
    }

    #[test]
    fn monthly_exports_are_added_up() {
        let f = one(run(months("REALISASI BULAN JULI 2026")));
        assert_eq!(
            (
                f.loc.file.as_ref(),
                f.loc.cell.to_string().as_str(),
                f.found.as_str()
            ),
            ("juli.xlsx", "A3", "bulanan")
        );
        assert!(f.message.id.contains("realisasi rekening 5.1.02.01.001.00024 «Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor» turun dari 500.000 (januari.xlsx) menjadi 400.000 (juli.xlsx)"), "{}", f.message.id);
        assert!(
            f.message
                .id
                .contains("bulan Februari, Maret, April, Mei, Juni tidak ada"),
            "{}",
            f.message.id
        );
    }

    #[test]
    fn a_period_up_to_a_month_is_cumulative() {
        let f = one(run(months("REALISASI S.D. BULAN JULI 2026")));
        assert_eq!(f.found, "kumulatif");
        assert!(
            f.message
                .id
                .contains("ekspor terakhir, juli.xlsx lembar Rekap (Juli)"),
            "{}",
            f.message.id
        );
    }
}
