//! The money parts of the report: budget realisation, PK budgets with the amount
//! in words, the RKT, the spending summary, and efficiency.

use super::{col, join_id, pct, table, Ctx};
use crate::model::budget::{Realisation, Rkt};
use crate::render::{Align, Block, ListBlock, ListStyle, RowStyle};
use crate::words::{format_rupiah, group_thousands, terbilang_rupiah};
use rust_decimal::Decimal;

fn rp(ctx: &Ctx, v: Decimal) -> String {
    format_rupiah(v, ctx.cfg.money_style)
}

fn amount(v: Option<Decimal>) -> String {
    v.map(|v| group_thousands(v, 0))
        .unwrap_or_else(|| "-".into())
}

/// The budget realisation table, or else Tabel 3.4 as the year's SIPD exports
/// give it, or else as the latest Evaluasi Renja gives it.
fn main_realisation<'a>(ctx: &Ctx<'a>) -> Option<&'a Realisation> {
    ctx.model
        .budget
        .realisations
        .iter()
        .max_by_key(|r| r.programs.iter().map(|p| p.kegiatan.len()).sum::<usize>())
        .or(ctx.model.sipd.realisation.as_ref())
        .or(ctx.model.renja.realisation.as_ref())
}

/// Where Tabel 3.4 comes from when the SIPD exports give it: the files, how they
/// were read, and which months they hold.
fn sipd_source(ctx: &Ctx) -> Option<String> {
    use crate::model::sipd::Reading;
    let sipd = &ctx.model.sipd;
    let series = &sipd.series[sipd.reported?];
    let month = |i: usize| {
        sipd.exports[i]
            .period
            .month
            .map(|m| format!(" ({})", crate::date::MONTHS[m as usize - 1]))
            .unwrap_or_default()
    };
    let files: Vec<String> = series
        .exports
        .iter()
        .map(|&i| {
            let e = &sipd.exports[i];
            format!("{} lembar {}{}", e.file, e.sheet, month(i))
        })
        .collect();
    let how = match series.reading {
        Reading::Single => "pagu dan realisasi dari ekspor itu".to_string(),
        Reading::Cumulative => format!(
            "ekspor kumulatif; pagu dan realisasi dari ekspor terakhir, {}",
            files.last()?
        ),
        Reading::Monthly => {
            let mut how = format!(
                "tiap ekspor memuat realisasi bulannya sendiri; realisasi = jumlah {} ekspor, pagu dari ekspor terakhir",
                files.len()
            );
            if !series.missing_months.is_empty() {
                let missing: Vec<&str> = series
                    .missing_months
                    .iter()
                    .map(|&m| crate::date::MONTHS[m as usize - 1])
                    .collect();
                how.push_str(&format!(
                    "; bulan {} tidak ada di antara ekspor dan tidak termasuk",
                    join_id(&missing.iter().map(|m| m.to_string()).collect::<Vec<_>>())
                ));
            }
            how
        }
    };
    Some(format!(
        "Sumber: ekspor SIPD Rekapitulasi Belanja menurut Urusan, Organisasi, Program, Kegiatan dan Sub Kegiatan: {} ({how}).",
        join_id(&files)
    ))
}

fn main_rkt<'a>(ctx: &Ctx<'a>) -> Option<&'a Rkt> {
    ctx.model.budget.rkt.first()
}

/// "Realisasi anggaran … sebesar Rp… dari pagu Rp… (93,65%)."
pub(super) fn absorption_sentence(ctx: &Ctx) -> Option<String> {
    let r = main_realisation(ctx)?;
    let (pagu, real) = (r.pagu_total()?, r.realisasi_total()?);
    if pagu.is_zero() {
        return None;
    }
    Some(format!(
        "Realisasi anggaran tahun {} sebesar {} dari pagu {} atau {} dari {} kegiatan pada {} program.",
        ctx.cfg.office.year,
        rp(ctx, real),
        rp(ctx, pagu),
        pct(real / pagu * Decimal::ONE_HUNDRED),
        r.kegiatan().count(),
        r.programs.len()
    ))
}

/// Tabel 1 Pembiayaan: the outline with its amounts.
pub(super) fn spending_table(ctx: &Ctx) -> Vec<Block> {
    let Some(s) = ctx.model.budget.spending.first() else {
        return Vec::new();
    };
    let rows: Vec<Vec<String>> = s
        .items
        .iter()
        .map(|i| {
            vec![
                i.no.clone(),
                format!("{}{}", "    ".repeat(i.depth), i.name),
                i.jumlah
                    .as_ref()
                    .and_then(|f| f.value)
                    .map(|v| rp(ctx, v))
                    .unwrap_or_default(),
                i.ket.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let styles = s
        .items
        .iter()
        .map(|i| {
            if i.depth == 0 {
                RowStyle::Subtotal
            } else {
                RowStyle::Normal
            }
        })
        .collect();
    let mut t = table(
        "Tabel 1.2",
        format!(
            "Pembiayaan {} Tahun {}",
            ctx.cfg.office.short_name, ctx.cfg.office.year
        ),
        vec![
            col("NO", 6, Align::Center),
            col("URAIAN", 50, Align::Left),
            col("JUMLAH", 28, Align::Right),
            col("KETERANGAN", 16, Align::Left),
        ],
        rows,
    );
    t.row_styles = styles;
    t.number_columns = true;
    vec![Block::Table(t)]
}

/// The RKT's programs (blocks of one program added up) and their funds.
pub(super) fn rkt_summary(ctx: &Ctx, number: &str) -> Vec<Block> {
    let Some(r) = main_rkt(ctx) else {
        return Vec::new();
    };
    let mut programs: Vec<(String, usize, Decimal)> = Vec::new();
    for p in &r.programs {
        let funds = p.funds_value().or(p.dana_sum()).unwrap_or_default();
        match programs
            .iter_mut()
            .find(|(n, ..)| crate::names::key(n) == crate::names::key(&p.name))
        {
            Some(e) => {
                e.1 += p.kegiatan.len();
                e.2 += funds;
            }
            None => programs.push((p.name.clone(), p.kegiatan.len(), funds)),
        }
    }
    let total: Decimal = programs.iter().map(|p| p.2).sum();
    let mut rows: Vec<Vec<String>> = programs
        .iter()
        .enumerate()
        .map(|(i, (n, k, f))| {
            vec![
                format!("{}.", i + 1),
                n.clone(),
                k.to_string(),
                group_thousands(*f, 0),
            ]
        })
        .collect();
    rows.push(vec![
        String::new(),
        "Jumlah".into(),
        programs.iter().map(|p| p.1).sum::<usize>().to_string(),
        group_thousands(total, 0),
    ]);
    let n = rows.len();
    let mut t = table(
        number,
        format!("Ringkasan Rencana Kinerja Tahunan {}", ctx.cfg.office.year),
        vec![
            col("NO", 6, Align::Center),
            col("PROGRAM", 56, Align::Left),
            col("KEGIATAN", 12, Align::Right),
            col("DANA (Rp)", 22, Align::Right),
        ],
        rows,
    );
    t.row_styles = vec![RowStyle::Normal; n - 1];
    t.row_styles.push(RowStyle::Total);
    vec![Block::Table(t)]
}

/// The RKT in full: programs, kegiatan, their funds and indicators.
pub(super) fn rkt_full(ctx: &Ctx, number: &str) -> Vec<Block> {
    let Some(r) = main_rkt(ctx) else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    let mut styles = Vec::new();
    for p in &r.programs {
        rows.push(vec![
            p.name.clone(),
            String::new(),
            String::new(),
            amount(p.funds_value().or(p.dana_sum())),
        ]);
        styles.push(RowStyle::Group);
        for k in &p.kegiatan {
            let indicators: Vec<String> = k
                .indicators
                .iter()
                .filter(|i| i.kind != crate::model::budget::IndicatorKind::Dana)
                .map(|i| {
                    let target = i
                        .target
                        .as_ref()
                        .map(|f| f.written.clone())
                        .unwrap_or_default();
                    format!(
                        "{} {} {}",
                        i.text,
                        target,
                        i.satuan.clone().unwrap_or_default()
                    )
                    .trim()
                    .to_string()
                })
                .collect();
            rows.push(vec![
                k.name.clone(),
                k.sasaran.clone().unwrap_or_default(),
                indicators.join("\n"),
                amount(k.dana.as_ref().and_then(|f| f.value)),
            ]);
            styles.push(RowStyle::Normal);
        }
    }
    if let Some(total) = &r.total {
        rows.push(vec![
            total.label.clone(),
            String::new(),
            String::new(),
            amount(total.amount.as_ref().and_then(|f| f.value)),
        ]);
        styles.push(RowStyle::Total);
    }
    let mut t = table(
        number,
        format!(
            "Rencana Kinerja Tahunan (RKT) Tahun Anggaran {}",
            ctx.cfg.office.year
        ),
        vec![
            col("PROGRAM / KEGIATAN", 30, Align::Left),
            col("SASARAN", 22, Align::Left),
            col("INDIKATOR KEGIATAN", 30, Align::Left),
            col("DANA (Rp)", 16, Align::Right),
        ],
        rows,
    );
    t.row_styles = styles;
    vec![Block::Table(t)]
}

/// The PK program budgets with their Jumlah and the amount in words.
pub(super) fn pk_budget(ctx: &Ctx, number: &str) -> Vec<Block> {
    let Some(pk) = ctx.model.budget.pk_budgets.first() else {
        return Vec::new();
    };
    let mut rows: Vec<Vec<String>> = pk
        .programs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                format!("{}.", i + 1),
                p.name.clone(),
                amount(p.anggaran.as_ref().and_then(|f| f.value)),
                p.ket.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let total = pk.anggaran_sum();
    rows.push(vec![
        String::new(),
        "Jumlah".into(),
        amount(total),
        String::new(),
    ]);
    let n = rows.len();
    let mut t = table(
        number,
        format!(
            "Anggaran Program Perjanjian Kinerja Tahun {}",
            ctx.cfg.office.year
        ),
        vec![
            col("NO", 6, Align::Center),
            col("PROGRAM", 58, Align::Left),
            col("ANGGARAN (Rp)", 22, Align::Right),
            col("KET", 10, Align::Center),
        ],
        rows,
    );
    t.row_styles = vec![RowStyle::Normal; n - 1];
    t.row_styles.push(RowStyle::Total);
    let mut out = vec![Block::Table(t)];
    if let Some(total) = total.and_then(|t| {
        u64::try_from(t.trunc().mantissa())
            .ok()
            .filter(|_| t.fract().is_zero())
    }) {
        out.push(Block::Paragraph(format!(
            "(Terbilang: {}).",
            terbilang_rupiah(total)
        )));
    }
    out
}

/// Tabel 3.4: every program with its kegiatan, subtotals and the total.
pub(super) fn realisation(ctx: &Ctx, number: &str) -> Vec<Block> {
    let Some(r) = main_realisation(ctx) else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    let mut styles = Vec::new();
    let share = |p: Option<Decimal>, q: Option<Decimal>| match (p, q) {
        (Some(p), Some(q)) if !p.is_zero() => pct(q / p * Decimal::ONE_HUNDRED),
        _ => "-".into(),
    };
    for p in &r.programs {
        rows.push(vec![
            p.name.clone(),
            String::new(),
            String::new(),
            String::new(),
        ]);
        styles.push(RowStyle::Group);
        for k in &p.kegiatan {
            rows.push(vec![
                k.name.clone(),
                amount(k.pagu_value()),
                amount(k.realisasi_value().or(Some(Decimal::ZERO))),
                share(k.pagu_value(), k.realisasi_value().or(Some(Decimal::ZERO))),
            ]);
            styles.push(RowStyle::Normal);
        }
        rows.push(vec![
            format!("Sub Jumlah {}", p.name),
            amount(p.pagu_total()),
            amount(p.realisasi_total()),
            share(p.pagu_total(), p.realisasi_total()),
        ]);
        styles.push(RowStyle::Subtotal);
    }
    rows.push(vec![
        "JUMLAH".into(),
        amount(r.pagu_total()),
        amount(r.realisasi_total()),
        share(r.pagu_total(), r.realisasi_total()),
    ]);
    styles.push(RowStyle::Total);
    let mut t = table(
        number,
        format!(
            "Realisasi Anggaran Program dan Kegiatan Tahun {}",
            ctx.cfg.office.year
        ),
        vec![
            col("PROGRAM/KEGIATAN", 52, Align::Left),
            col("PAGU ANGGARAN (Rp)", 17, Align::Right),
            col("REALISASI (Rp)", 17, Align::Right),
            col("%", 10, Align::Right),
        ],
        rows,
    );
    t.row_styles = styles;
    let mut out = Vec::new();
    if let Some(s) = absorption_sentence(ctx) {
        out.push(Block::Paragraph(s));
    }
    out.push(Block::Table(t));
    if ctx
        .model
        .sipd
        .realisation
        .as_ref()
        .is_some_and(|f| std::ptr::eq(f, r))
    {
        out.extend(sipd_source(ctx).map(Block::Paragraph));
    }
    if ctx
        .model
        .renja
        .realisation
        .as_ref()
        .is_some_and(|f| std::ptr::eq(f, r))
    {
        let t = &ctx.model.tables[r.table];
        out.push(Block::Paragraph(format!(
            "Sumber: Evaluasi Hasil Renja, {} lembar {} (pagu: target Renja tahun berjalan, Rp; realisasi: realisasi Renja yang dievaluasi, Rp).",
            t.file, t.sheet
        )));
    }
    let idle: Vec<String> = r
        .kegiatan()
        .filter(|k| {
            k.pagu_value().is_some_and(|p| p > Decimal::ZERO)
                && k.realisasi_value().unwrap_or_default().is_zero()
        })
        .map(|k| k.name.clone())
        .collect();
    if !idle.is_empty() {
        out.push(Block::Paragraph(format!(
            "Kegiatan tanpa realisasi: {}.",
            join_id(&idle)
        )));
    }
    out
}

/// Efficiency: achievement against money spent, per program and overall.
pub(super) fn efficiency(ctx: &Ctx, number: &str) -> Vec<Block> {
    let Some(r) = main_realisation(ctx) else {
        return Vec::new();
    };
    let rows: Vec<Vec<String>> = r
        .programs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let serapan = match (p.pagu_total(), p.realisasi_total()) {
                (Some(a), Some(b)) if !a.is_zero() => pct(b / a * Decimal::ONE_HUNDRED),
                _ => "-".into(),
            };
            vec![
                format!("{}.", i + 1),
                p.name.clone(),
                amount(p.pagu_total()),
                amount(p.realisasi_total()),
                serapan,
            ]
        })
        .collect();
    let t = table(
        number,
        format!(
            "Penyerapan Anggaran per Program Tahun {}",
            ctx.cfg.office.year
        ),
        vec![
            col("NO", 6, Align::Center),
            col("PROGRAM", 46, Align::Left),
            col("PAGU (Rp)", 17, Align::Right),
            col("REALISASI (Rp)", 17, Align::Right),
            col("SERAPAN", 12, Align::Right),
        ],
        rows,
    );
    let mut out = vec![Block::Table(t)];
    let serapan = match (r.pagu_total(), r.realisasi_total()) {
        (Some(a), Some(b)) if !a.is_zero() => Some(b / a * Decimal::ONE_HUNDRED),
        _ => None,
    };
    if let (Some(s), Some(c)) = (serapan, ctx.average_capaian()) {
        let verdict = if c >= s {
            "efisien: capaian kinerja melampaui penyerapan anggaran"
        } else {
            "belum efisien: penyerapan anggaran melampaui capaian kinerja"
        };
        out.push(Block::List(ListBlock {
            style: ListStyle::Bullet,
            items: vec![
                format!("Rata-rata capaian Indikator Kinerja Utama: {}.", pct(c)),
                format!("Penyerapan anggaran seluruh program: {}.", pct(s)),
                format!(
                    "Rasio capaian terhadap serapan {} ({verdict}).",
                    group_thousands(c / s, 2)
                ),
            ],
        }));
        out.push(Block::Paragraph(
            "Efisiensi dihitung sebagai perbandingan capaian kinerja dengan serapan anggaran (konvensi umum sistem e-SAKIP). \
             Buku kerja tidak memuat pemetaan sasaran ke program, sehingga perbandingan disajikan untuk keseluruhan sasaran."
                .into(),
        ));
    }
    out
}
