//! Stage 5b, assemble: the validated (corrected) model becomes the report's view
//! model. Every table, figure, category and total comes from the data; narrative
//! paragraphs come from the office's text file. Formatting numbers the Indonesian
//! way happens here; laying them out is the renderer's job.

mod budget;
mod data_notes;

use crate::config::Config;
use crate::model::idm::{Basis, Profile};
use crate::model::performance::{Achievement, Indicator, Measure};
use crate::model::Model;
use crate::narrative::Narrative;
use crate::render::{
    Align, BarChart, Block, Chapter, ColumnSpec, ListBlock, ListStyle, Official, Report, RowStyle,
    Signature, TableBlock,
};
use crate::words::{self, group_thousands};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

pub use data_notes::DataNote;

/// How the village list appears in the appendix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VillageList {
    /// Every village.
    Full,
    /// Villages per status per kecamatan.
    Summary,
}

/// Builds the report of a validated model. `open_errors` is the number of errors
/// neither corrected nor accepted: when it is not zero every page carries a draft
/// mark. `accepted` are the findings the office accepted as they are, listed in
/// the appendix "Catatan atas Data".
pub fn report(
    model: &Model,
    cfg: &Config,
    narrative: &Narrative,
    open_errors: usize,
    accepted: &[DataNote],
) -> Report {
    let ctx = Ctx::new(model, cfg, narrative);
    let mut chapters = vec![
        ctx.kata_pengantar(),
        ctx.ikhtisar(),
        Chapter {
            number: None,
            title: "DAFTAR ISI".into(),
            blocks: vec![Block::TableOfContents],
        },
        Chapter {
            number: None,
            title: "DAFTAR TABEL".into(),
            blocks: vec![
                Block::ListOfTables,
                heading(2, "Daftar Gambar"),
                Block::ListOfFigures,
            ],
        },
        ctx.bab_1(),
        ctx.bab_2(),
        ctx.bab_3(),
        ctx.bab_4(),
    ];
    chapters.push(ctx.lampiran(accepted));
    let o = &cfg.office;
    Report {
        title: "LAPORAN KINERJA INSTANSI PEMERINTAH".into(),
        acronym: "LKjIP".into(),
        office: o.name.clone(),
        office_short: o.short_name.clone(),
        regency: o.regency.clone(),
        province: format!("Provinsi {}", o.province),
        year: o.year,
        city: o.city.clone(),
        address: o.address.split(", ").map(str::to_string).collect(),
        document_date: cfg.document_date,
        head: ctx.head.clone(),
        draft_mark: (open_errors > 0)
            .then(|| format!("DRAFT — {open_errors} temuan belum diselesaikan")),
        chapters,
    }
}

use crate::date::MONTHS;

pub(crate) struct Ctx<'a> {
    pub model: &'a Model,
    pub cfg: &'a Config,
    narrative: &'a Narrative,
    values: BTreeMap<&'static str, String>,
    pub head: Official,
    place_date: String,
}

/// A percentage as the report writes it: `94,42%`.
pub(crate) fn pct(v: Decimal) -> String {
    words::format_percent(v, 2)
}

/// A measure as written, in Indonesian notation when it is a number.
fn measure_text(m: Option<&Measure>) -> String {
    match m {
        Some(m) => match m.value {
            Some(v) if !m.is_qualitative() => group_thousands(v, m.decimals),
            _ => m.written().to_string(),
        },
        None => "-".into(),
    }
}

/// One numbered row per band of a scale: `1.` and the two cells `cells` gives.
fn numbered_bands(
    scale: &crate::config::Scale,
    cells: impl Fn(&crate::config::Band) -> [String; 2],
) -> Vec<Vec<String>> {
    scale
        .bands
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let [a, c] = cells(b);
            vec![format!("{}.", i + 1), a, c]
        })
        .collect()
}

fn table(
    number: &str,
    title: String,
    columns: Vec<ColumnSpec>,
    rows: Vec<Vec<String>>,
) -> TableBlock {
    TableBlock {
        number: number.into(),
        title,
        columns,
        number_columns: false,
        rows,
        row_styles: Vec::new(),
        footnote: None,
    }
}

/// A section heading of the report (level 2) or a sub-heading (level 3).
fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

fn col(header: &str, weight: u32, align: Align) -> ColumnSpec {
    ColumnSpec::new(header, weight, align)
}

impl<'a> Ctx<'a> {
    fn new(model: &'a Model, cfg: &'a Config, narrative: &'a Narrative) -> Self {
        let o = &cfg.office;
        let values = BTreeMap::from([
            ("tahun", o.year.to_string()),
            ("tahun_terbit", cfg.document_date.year.to_string()),
            ("dinas", o.name.clone()),
            ("dinas_singkat", o.short_name.clone()),
            ("kabupaten", o.regency.clone()),
            ("provinsi", o.province.clone()),
            ("kota", o.city.clone()),
            ("kepala", o.head.name.clone()),
            // The village index the input holds (`Indeks Desa Membangun`, `Indeks Desa`).
            (
                "indeks",
                Profile::of(cfg, model.idm.report_kind(o.year))
                    .long_name
                    .to_string(),
            ),
        ]);
        let position = {
            let p = o.head.position.to_uppercase();
            // Break "KEPALA DINAS … KABUPATEN …" over lines as signature blocks do.
            let mut lines = Vec::new();
            let mut line = String::new();
            for w in p.split_whitespace() {
                if line.len() + w.len() > 28 && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(w);
            }
            lines.push(format!("{line},"));
            lines
        };
        let head = Official {
            name: o.head.name.clone(),
            rank: o.head.rank.clone(),
            nip: o.head.nip.clone(),
            position,
        };
        // The config admits calendar dates only: the month is 1–12.
        let date = cfg.document_date;
        let place_date = format!(
            "{}, {} {}",
            o.city,
            MONTHS[date.month as usize - 1],
            date.year
        );
        Ctx {
            model,
            cfg,
            narrative,
            values,
            head,
            place_date,
        }
    }

    fn narr(&self, key: &str) -> Vec<Block> {
        self.narrative
            .paragraphs(key, &self.values)
            .into_iter()
            .map(Block::Paragraph)
            .collect()
    }

    fn signature(&self) -> Block {
        Block::Signature(Signature::of(&self.head, self.place_date.clone()))
    }

    fn year(&self) -> i32 {
        self.cfg.office.year
    }

    fn kata_pengantar(&self) -> Chapter {
        let mut blocks = self.narr("kata_pengantar");
        blocks.push(self.signature());
        Chapter {
            number: None,
            title: "KATA PENGANTAR".into(),
            blocks,
        }
    }

    /// Achievements of the report year with their computed capaian and category.
    fn scored(&self) -> Vec<(&'a Achievement, Option<Decimal>, Option<String>)> {
        self.model
            .performance
            .achievements
            .iter()
            .map(|a| {
                let c = a.computed_capaian().map(|c| c.round_dp(2));
                let k = c
                    .and_then(|c| self.cfg.capaian.classify(c))
                    .map(|b| b.label.clone());
                (a, c, k)
            })
            .collect()
    }

    /// "4 indikator Baik Sekali dan 1 indikator Baik".
    fn category_sentence(&self) -> Option<String> {
        let scored = self.scored();
        let mut parts = Vec::new();
        for band in &self.cfg.capaian.bands {
            let n = scored
                .iter()
                .filter(|(_, _, k)| k.as_deref() == Some(band.label.as_str()))
                .count();
            if n > 0 {
                parts.push(format!("{n} indikator berkategori {}", band.label));
            }
        }
        let unmeasured = scored.iter().filter(|(_, c, _)| c.is_none()).count();
        if unmeasured > 0 {
            parts.push(format!(
                "{unmeasured} indikator belum dapat diukur capaiannya"
            ));
        }
        (!parts.is_empty()).then(|| join_id(&parts))
    }

    fn average_capaian(&self) -> Option<Decimal> {
        let cs: Vec<Decimal> = self.scored().iter().filter_map(|(_, c, _)| *c).collect();
        (!cs.is_empty()).then(|| cs.iter().sum::<Decimal>() / Decimal::from(cs.len()))
    }

    /// The village index the input holds: the Indeks Desa or the IDM.
    fn index(&self) -> Profile<'_> {
        Profile::of(self.cfg, self.model.idm.report_kind(self.year()))
    }

    fn idm_sentence(&self) -> Option<String> {
        let p = self.index();
        let list = self
            .model
            .idm
            .list_of_year(&self.model.tables, p.kind, self.year())?;
        let (counts, _) = list.status_counts(&p, Basis::Value);
        let parts: Vec<String> = counts
            .iter()
            .rev()
            .filter(|c| c.count > 0)
            .map(|c| format!("{} kampung {}", c.count, c.label))
            .collect();
        Some(format!(
            "Dari {} kampung pada tahun {}, menurut {} terdapat {}.",
            list.len(),
            self.year(),
            p.long_name,
            join_id(&parts)
        ))
    }

    fn ikhtisar(&self) -> Chapter {
        let mut blocks = Vec::new();
        let n = self.model.performance.achievements.len();
        if let Some(s) = self.category_sentence() {
            let avg = self
                .average_capaian()
                .map(|a| format!(", dengan rata-rata capaian {}", pct(a)))
                .unwrap_or_default();
            blocks.push(Block::Paragraph(format!(
                "Pada tahun {} {} mengukur {n} Indikator Kinerja Utama: {s}{avg}.",
                self.year(),
                self.cfg.office.name
            )));
        }
        let rows: Vec<Vec<String>> = self
            .scored()
            .iter()
            .map(|(a, c, k)| {
                vec![
                    a.indikator.clone(),
                    measure_text(a.target.as_ref()),
                    measure_text(a.realisasi.as_ref()),
                    c.map(pct).unwrap_or_else(|| "-".into()),
                    k.clone().unwrap_or_else(|| "-".into()),
                ]
            })
            .collect();
        if !rows.is_empty() {
            blocks.push(Block::Table(table(
                "Tabel 0.1",
                format!(
                    "Ringkasan Capaian Indikator Kinerja Utama Tahun {}",
                    self.year()
                ),
                vec![
                    col("Indikator Kinerja", 40, Align::Left),
                    col("Target", 14, Align::Right),
                    col("Realisasi", 14, Align::Right),
                    col("Capaian", 14, Align::Right),
                    col("Kategori", 18, Align::Left),
                ],
                rows,
            )));
        }
        if let Some(s) = budget::absorption_sentence(self) {
            blocks.push(Block::Paragraph(s));
        }
        if let Some(s) = self.idm_sentence() {
            blocks.push(Block::Paragraph(s));
        }
        blocks.extend(self.narr("ikhtisar"));
        Chapter {
            number: None,
            title: "IKHTISAR EKSEKUTIF".into(),
            blocks,
        }
    }

    fn bab_1(&self) -> Chapter {
        let mut blocks = vec![heading(2, "1.1. Latar Belakang")];
        blocks.extend(self.narr("latar_belakang"));
        blocks.push(heading(2, "1.2. Maksud dan Tujuan"));
        blocks.extend(self.narr("maksud_tujuan"));
        blocks.push(heading(2, "1.3. Gambaran Umum Organisasi"));
        blocks.extend(self.narr("gambaran_organisasi"));
        blocks.push(heading(3, "1. Personil"));
        blocks.extend(self.staff_table());
        blocks.push(heading(3, "2. Pembiayaan"));
        blocks.extend(budget::spending_table(self));
        blocks.push(heading(2, "1.4. Sistematika Penyajian"));
        blocks.extend(self.narr("sistematika"));
        Chapter {
            number: Some("BAB I".into()),
            title: "PENDAHULUAN".into(),
            blocks,
        }
    }

    fn staff_table(&self) -> Vec<Block> {
        let mut out = Vec::new();
        for staff in &self.model.performance.staff {
            let mut rows = Vec::new();
            let num = |f: Option<&crate::model::Figure>| {
                f.and_then(|f| f.value)
                    .map(|v| group_thousands(v, 0))
                    .unwrap_or_default()
            };
            let mut total = Decimal::ZERO;
            for p in &staff.positions {
                let lines = p.ranks.len().max(p.education.len()).max(1);
                for i in 0..lines {
                    let rank = p.ranks.get(i);
                    let edu = p.education.get(i);
                    rows.push(vec![
                        if i == 0 {
                            p.no.clone().unwrap_or_default()
                        } else {
                            String::new()
                        },
                        if i == 0 {
                            p.jabatan.clone()
                        } else {
                            String::new()
                        },
                        if i == 0 {
                            num(p.count.as_ref())
                        } else {
                            String::new()
                        },
                        rank.and_then(|r| r.label.clone()).unwrap_or_default(),
                        rank.map(|r| num(r.count.as_ref())).unwrap_or_default(),
                        edu.and_then(|e| e.label.clone()).unwrap_or_default(),
                        edu.map(|e| num(e.count.as_ref())).unwrap_or_default(),
                    ]);
                }
                total += p.count.as_ref().and_then(|f| f.value).unwrap_or_default();
            }
            let sum_of = |which: crate::model::performance::Breakdown| -> Decimal {
                staff
                    .positions
                    .iter()
                    .flat_map(|p| p.breakdown(which))
                    .filter_map(|e| e.count.as_ref()?.value)
                    .sum()
            };
            use crate::model::performance::Breakdown;
            rows.push(vec![
                String::new(),
                "Jumlah Total".into(),
                group_thousands(total, 0),
                String::new(),
                group_thousands(sum_of(Breakdown::Rank), 0),
                String::new(),
                group_thousands(sum_of(Breakdown::Education), 0),
            ]);
            let n = rows.len();
            let mut t = table(
                "Tabel 1.1",
                format!(
                    "Personil {} Tahun {}",
                    self.cfg.office.short_name,
                    self.year()
                ),
                vec![
                    col("NO", 5, Align::Center),
                    col("JABATAN", 26, Align::Left),
                    col("JML", 7, Align::Right),
                    col("PANGKAT/GOL/RUANG", 24, Align::Left),
                    col("JML", 7, Align::Right),
                    col("PENDIDIKAN FORMAL", 14, Align::Left),
                    col("JML", 7, Align::Right),
                ],
                rows,
            );
            t.number_columns = true;
            t.row_styles = vec![RowStyle::Normal; n - 1];
            t.row_styles.push(RowStyle::Total);
            out.push(Block::Paragraph(format!(
                "Jumlah keseluruhan pegawai dan tenaga honorer {} adalah {} orang.",
                self.cfg.office.short_name,
                group_thousands(total, 0)
            )));
            out.push(Block::Table(t));
        }
        out
    }

    fn iku_table(&self, number: &str) -> Option<Block> {
        let iku: &[Indicator] = &self.model.performance.iku;
        let mut years: Vec<i32> = iku
            .iter()
            .flat_map(|i| i.targets.iter().map(|t| t.year))
            .collect();
        years.sort();
        years.dedup();
        if iku.is_empty() {
            return None;
        }
        let mut columns = vec![
            col("NO", 5, Align::Center),
            col("SASARAN STRATEGIS", 22, Align::Left),
            col("INDIKATOR KINERJA", 22, Align::Left),
            col("SATUAN", 8, Align::Center),
        ];
        for y in &years {
            columns.push(col(&y.to_string(), 8, Align::Right).grouped("TARGET"));
        }
        let rows = iku
            .iter()
            .map(|i| {
                let mut r = vec![
                    i.no.clone().unwrap_or_default(),
                    i.sasaran
                        .clone()
                        .or_else(|| i.tujuan.clone())
                        .unwrap_or_default(),
                    i.name().to_string(),
                    i.satuan.clone().unwrap_or_default(),
                ];
                r.extend(years.iter().map(|y| measure_text(i.target(*y))));
                r
            })
            .collect();
        let (first, last) = (
            years.first().copied().unwrap_or(0),
            years.last().copied().unwrap_or(0),
        );
        Some(Block::Table(table(
            number,
            format!(
                "Indikator Kinerja Utama {} Tahun {first}-{last}",
                self.cfg.office.short_name
            ),
            columns,
            rows,
        )))
    }

    fn pk_targets_table(&self, number: &str) -> Option<Block> {
        let pk = &self.model.performance.pk_targets;
        if pk.is_empty() {
            return None;
        }
        let rows = pk
            .iter()
            .enumerate()
            .map(|(i, t)| {
                vec![
                    format!("{}.", i + 1),
                    t.sasaran.clone().unwrap_or_default(),
                    t.indikator.clone(),
                    t.satuan.clone().unwrap_or_default(),
                    measure_text(t.target.as_ref()),
                ]
            })
            .collect();
        let mut t = table(
            number,
            format!("Perjanjian Kinerja Tahun {}", self.year()),
            vec![
                col("NO", 5, Align::Center),
                col("SASARAN STRATEGIS", 35, Align::Left),
                col("INDIKATOR KINERJA", 30, Align::Left),
                col("SATUAN", 10, Align::Center),
                col("TARGET", 12, Align::Right),
            ],
            rows,
        );
        t.number_columns = true;
        Some(Block::Table(t))
    }

    fn bab_2(&self) -> Chapter {
        let mut blocks = vec![heading(2, "2.1. Rencana Strategis")];
        blocks.extend(self.narr("rencana_strategis"));
        blocks.push(heading(2, "2.2. Strategi dan Arah Kebijakan"));
        blocks.extend(self.narr("strategi_kebijakan"));
        blocks.push(heading(2, "2.3. Indikator Kinerja Utama"));
        blocks.push(Block::Paragraph(format!(
            "Indikator Kinerja Utama {} beserta target tahunannya disajikan pada tabel berikut.",
            self.cfg.office.name
        )));
        blocks.extend(self.iku_table("Tabel 2.1"));
        blocks.extend(self.idm_bands_table("Tabel 2.2"));
        blocks.push(heading(
            2,
            format!("2.4. Rencana Kinerja Tahunan (RKT) Tahun {}", self.year()),
        ));
        blocks.extend(budget::rkt_summary(self, "Tabel 2.3"));
        blocks.push(heading(
            2,
            format!("2.5. Perjanjian Kinerja Tahun {}", self.year()),
        ));
        blocks.extend(self.pk_targets_table("Tabel 2.4"));
        blocks.extend(budget::pk_budget(self, "Tabel 2.5"));
        Chapter {
            number: Some("BAB II".into()),
            title: "PERENCANAAN KINERJA".into(),
            blocks,
        }
    }

    /// The IDM bands the checks used, with where they come from: the report shows
    /// the cut-offs its statuses were judged by, not the regulation's by habit.
    fn idm_bands_table(&self, number: &str) -> Vec<Block> {
        let p = self.index();
        let scale = p.bands;
        let rows = numbered_bands(scale, |b| [b.label.clone(), b.describe().replace('.', ",")]);
        let mut out = vec![Block::Paragraph(format!(
            "Status desa ditentukan dari nilai {} dengan batas berikut.",
            p.full_name
        ))];
        out.push(Block::Table(table(
            number,
            format!("Klasifikasi Status Desa Berdasarkan {}", p.name),
            vec![
                col("NO", 6, Align::Center),
                col("STATUS DESA", 30, Align::Left),
                col("NILAI BATAS", 30, Align::Left),
            ],
            rows,
        )));
        if !scale.source.is_empty() {
            out.push(Block::Paragraph(format!("Sumber batas: {}.", scale.source)));
        }
        out
    }

    fn scale_table(&self) -> Block {
        let rows = numbered_bands(&self.cfg.capaian, |b| {
            let label = match &b.short {
                Some(s) => format!("{} ({s})", b.label),
                None => b.label.clone(),
            };
            [b.describe().replace('.', ","), label]
        });
        Block::Table(table(
            "Tabel 3.1",
            "Skala Pengukuran Indikator Sasaran".into(),
            vec![
                col("NO", 6, Align::Center),
                col("RENTANG CAPAIAN (%)", 40, Align::Left),
                col("KATEGORI CAPAIAN", 40, Align::Left),
            ],
            rows,
        ))
    }

    fn achievement_table(&self, number: &str) -> Option<Block> {
        let scored = self.scored();
        if scored.is_empty() {
            return None;
        }
        let rows = scored
            .iter()
            .enumerate()
            .map(|(i, (a, c, k))| {
                vec![
                    format!("{}.", i + 1),
                    a.sasaran.clone().unwrap_or_default(),
                    a.indikator.clone(),
                    a.satuan.clone().unwrap_or_default(),
                    measure_text(a.target.as_ref()),
                    measure_text(a.realisasi.as_ref()),
                    c.map(pct).unwrap_or_else(|| "-".into()),
                    k.clone().unwrap_or_else(|| "-".into()),
                    measure_text(a.realisasi_lalu.as_ref()),
                    measure_text(a.target_akhir.as_ref()),
                ]
            })
            .collect();
        let y = self.year();
        let mut t = table(
            number,
            format!(
                "Capaian Indikator Kinerja Utama {} Tahun {y}",
                self.cfg.office.short_name
            ),
            vec![
                col("NO", 4, Align::Center),
                col("SASARAN", 16, Align::Left),
                col("INDIKATOR KINERJA", 16, Align::Left),
                col("SATUAN", 7, Align::Center),
                col("TARGET", 9, Align::Right),
                col("REALISASI", 9, Align::Right),
                col("CAPAIAN", 9, Align::Right),
                col("KATEGORI", 10, Align::Left),
                col(&format!("REALISASI {}", y - 1), 9, Align::Right),
                col("TARGET AKHIR RENSTRA", 9, Align::Right),
            ],
            rows,
        );
        t.number_columns = true;
        Some(Block::Table(t))
    }

    /// One sentence per indicator, from its figures.
    fn achievement_sentences(&self) -> Vec<Block> {
        let mut out = Vec::new();
        for (a, c, k) in self.scored() {
            let s = match (c, &k) {
                (Some(c), Some(k)) => {
                    let mut s = format!(
                        "Indikator {} dengan target {} terealisasi {}, capaian {} (kategori {k})",
                        a.indikator,
                        measure_text(a.target.as_ref()),
                        measure_text(a.realisasi.as_ref()),
                        pct(c)
                    );
                    if let (Some(now), Some(before)) =
                        (a.realisasi.as_ref().and_then(|m| m.value), a.realisasi_lalu.as_ref().and_then(|m| m.value))
                    {
                        let trend = match now.cmp(&before) {
                            std::cmp::Ordering::Greater => "naik",
                            std::cmp::Ordering::Less => "turun",
                            std::cmp::Ordering::Equal => "sama",
                        };
                        s.push_str(&format!(
                            "; dibanding realisasi tahun {} sebesar {} hasilnya {trend}",
                            self.year() - 1,
                            measure_text(a.realisasi_lalu.as_ref())
                        ));
                    }
                    if let Some(end) = a.target_akhir.as_ref().and_then(|m| m.value) {
                        if let Some(now) = a.realisasi.as_ref().and_then(|m| m.value) {
                            if !end.is_zero() {
                                s.push_str(&format!(
                                    "; terhadap target akhir Renstra {} telah tercapai {}",
                                    measure_text(a.target_akhir.as_ref()),
                                    pct(now / end * Decimal::ONE_HUNDRED)
                                ));
                            }
                        }
                    }
                    s + "."
                }
                _ => format!(
                    "Indikator {} belum dapat diukur capaiannya (target atau realisasi bukan angka).",
                    a.indikator
                ),
            };
            out.push(s);
        }
        if out.is_empty() {
            return Vec::new();
        }
        vec![Block::List(ListBlock {
            style: ListStyle::Bullet,
            items: out,
        })]
    }

    /// The IDM status distribution for the report year and the year before.
    fn idm_distribution(&self) -> Vec<Block> {
        let y = self.year();
        let p = self.index();
        let scale = p.bands;
        let mut years: Vec<(i32, Vec<Decimal>)> = Vec::new();
        // The year before from its village table where the input holds one (a
        // workbook of several years), else from the summary; the report year from
        // the villages.
        for prev in [y - 1] {
            if let Some(list) = self
                .model
                .idm
                .list_of_year(&self.model.tables, p.kind, prev)
            {
                let (counts, _) = list.status_counts(&p, Basis::Value);
                years.push((
                    prev,
                    counts.iter().map(|c| Decimal::from(c.count)).collect(),
                ));
            } else if let Some(summary) = self
                .model
                .idm
                .summaries
                .iter()
                .find(|s| s.kind == p.summary_kind)
            {
                let dist = summary.distribution(prev);
                if dist.iter().any(|(_, f)| f.is_some()) {
                    let counts = scale
                        .bands
                        .iter()
                        .map(|b| {
                            dist.iter()
                                .filter(|(label, _)| b.is_named(label))
                                .filter_map(|(_, f)| f.and_then(|f| f.value))
                                .sum()
                        })
                        .collect();
                    years.push((prev, counts));
                }
            }
        }
        if let Some(list) = self.model.idm.list_of_year(&self.model.tables, p.kind, y) {
            let (counts, _) = list.status_counts(&p, Basis::Value);
            years.push((y, counts.iter().map(|c| Decimal::from(c.count)).collect()));
        }
        if years.is_empty() {
            return Vec::new();
        }
        let mut columns = vec![col(
            &format!("KLASIFIKASI {}", p.name.to_uppercase()),
            30,
            Align::Left,
        )];
        for (year, _) in &years {
            columns.push(col("JUMLAH", 10, Align::Right).grouped(year.to_string()));
            columns.push(col("%", 10, Align::Right).grouped(year.to_string()));
        }
        let mut rows = Vec::new();
        for (i, band) in scale.bands.iter().enumerate().rev() {
            let mut r = vec![band.label.clone()];
            for (_, counts) in &years {
                let total: Decimal = counts.iter().sum();
                r.push(group_thousands(counts[i], 0));
                r.push(if total.is_zero() {
                    "-".into()
                } else {
                    pct(counts[i] / total * Decimal::ONE_HUNDRED)
                });
            }
            rows.push(r);
        }
        let mut total_row = vec!["JUMLAH".to_string()];
        for (_, counts) in &years {
            total_row.push(group_thousands(counts.iter().sum(), 0));
            total_row.push(pct(Decimal::ONE_HUNDRED));
        }
        rows.push(total_row);
        let n = rows.len();
        let mut t = table(
            "Tabel 3.3",
            format!(
                "Status Desa Berdasarkan {} {} {}",
                p.name,
                self.cfg.office.regency,
                years
                    .iter()
                    .map(|(y, _)| y.to_string())
                    .collect::<Vec<_>>()
                    .join("/")
            ),
            columns,
            rows,
        );
        t.row_styles = vec![RowStyle::Normal; n - 1];
        t.row_styles.push(RowStyle::Total);
        let chart = BarChart {
            number: "Gambar 3.1".into(),
            title: format!("Jumlah Kampung per Status {}", p.name),
            series: years.iter().map(|(y, _)| y.to_string()).collect(),
            categories: scale.bands.iter().map(|b| b.label.clone()).collect(),
            values: years.iter().map(|(_, c)| c.clone()).collect(),
            value_label: "Jumlah kampung".into(),
        };
        let mut out = vec![Block::Table(t), Block::BarChart(chart)];
        if let Some(s) = self.idm_sentence() {
            out.insert(0, Block::Paragraph(s));
        }
        out
    }

    fn lembaga_table(&self, number: &str) -> Option<Block> {
        let l = &self.model.performance.lembaga;
        if l.is_empty() {
            return None;
        }
        let mut years: Vec<i32> = l
            .iter()
            .flat_map(|i| i.values.iter().map(|v| v.year))
            .collect();
        years.sort();
        years.dedup();
        let mut columns = vec![col("INDIKATOR", 40, Align::Left)];
        columns.extend(years.iter().map(|y| col(&y.to_string(), 12, Align::Right)));
        let rows = l
            .iter()
            .map(|i| {
                let mut r = vec![i.name.clone()];
                r.extend(years.iter().map(|y| {
                    i.values
                        .iter()
                        .find(|v| v.year == *y)
                        .map(|v| {
                            v.value
                                .map(|x| group_thousands(x, 0))
                                .unwrap_or_else(|| v.figure.written.clone())
                        })
                        .unwrap_or_default()
                }));
                r
            })
            .collect();
        Some(Block::Table(table(
            number,
            format!(
                "Capaian Peran Lembaga Kemasyarakatan Kampung Tahun {}",
                self.year()
            ),
            columns,
            rows,
        )))
    }

    fn bab_3(&self) -> Chapter {
        let mut blocks = vec![heading(2, "3.1. Pengukuran Kinerja")];
        blocks.push(Block::Paragraph(format!(
            "Pengukuran kinerja tahun {} membandingkan realisasi setiap Indikator Kinerja Utama dengan targetnya \
             dalam Perjanjian Kinerja, menggunakan dua rumus:",
            self.year()
        )));
        blocks.push(Block::List(ListBlock {
            style: ListStyle::Numbered,
            items: vec![
                "Semakin tinggi realisasi menunjukkan kinerja yang semakin baik (progress positif): \
                 % Capaian = Realisasi / Target × 100%."
                    .into(),
                "Semakin tinggi realisasi menunjukkan kinerja yang semakin rendah (progress negatif): \
                 % Capaian = (Target − (Realisasi − Target)) / Target × 100%."
                    .into(),
            ],
        }));
        blocks.push(Block::Paragraph(
            "Capaian ditafsirkan dengan skala pengukuran ordinal berikut:".into(),
        ));
        blocks.push(self.scale_table());
        blocks.push(heading(2, "3.2. Capaian Indikator Kinerja Utama"));
        blocks.extend(self.achievement_table("Tabel 3.2"));
        blocks.extend(self.achievement_sentences());
        blocks.extend(self.idm_distribution());
        blocks.push(heading(2, "3.3. Analisis Capaian Kinerja"));
        blocks.extend(self.lembaga_table("Tabel 3.4"));
        blocks.extend(self.narr("analisis_capaian"));
        blocks.push(heading(2, "3.4. Realisasi Anggaran"));
        blocks.extend(budget::realisation(self, "Tabel 3.5"));
        blocks.push(heading(2, "3.5. Efisiensi Penggunaan Sumber Daya"));
        blocks.extend(budget::efficiency(self, "Tabel 3.6"));
        Chapter {
            number: Some("BAB III".into()),
            title: "AKUNTABILITAS KINERJA".into(),
            blocks,
        }
    }

    fn bab_4(&self) -> Chapter {
        let mut blocks = Vec::new();
        if let Some(s) = self.category_sentence() {
            let avg = self
                .average_capaian()
                .map(|a| format!(" Rata-rata capaian seluruh indikator adalah {}.", pct(a)))
                .unwrap_or_default();
            blocks.push(Block::Paragraph(format!(
                "Berdasarkan hasil pengukuran kinerja tahun {}, dari {} Indikator Kinerja Utama {} terdapat {s}.{avg}",
                self.year(),
                self.model.performance.achievements.len(),
                self.cfg.office.name
            )));
        }
        if let Some(s) = budget::absorption_sentence(self) {
            blocks.push(Block::Paragraph(s));
        }
        blocks.extend(self.narr("penutup"));
        blocks.push(self.signature());
        Chapter {
            number: Some("BAB IV".into()),
            title: "PENUTUP".into(),
            blocks,
        }
    }

    fn village_appendix(&self) -> Vec<Block> {
        let p = self.index();
        let Some(list) = self
            .model
            .idm
            .list_of_year(&self.model.tables, p.kind, self.year())
        else {
            return Vec::new();
        };
        let mode = match self.cfg.village_list {
            crate::config::VillageListMode::Full => VillageList::Full,
            crate::config::VillageListMode::Summary => VillageList::Summary,
            crate::config::VillageListMode::Auto if list.len() <= 2000 => VillageList::Full,
            crate::config::VillageListMode::Auto => VillageList::Summary,
        };
        let title = format!(
            "Status Desa Berdasarkan {} {} Tahun {}",
            p.name,
            self.cfg.office.regency,
            self.year()
        );
        let fmt = |f: Option<&crate::model::Figure>| {
            f.and_then(|f| f.value)
                .map(|v| group_thousands(v, p.shown_decimals))
                .unwrap_or_default()
        };
        match mode {
            VillageList::Full => {
                let rows = list
                    .villages()
                    .enumerate()
                    .map(|(i, (_, v))| {
                        vec![
                            (i + 1).to_string(),
                            v.name_text().to_string(),
                            v.kecamatan_text().to_string(),
                            fmt(v.total.as_ref()),
                            v.band_by_value(&p)
                                .or_else(|| v.status_band.clone())
                                .unwrap_or_default(),
                        ]
                    })
                    .collect();
                let mut t = table(
                    "Tabel L.2",
                    title,
                    vec![
                        col("NO.", 6, Align::Center),
                        col("NAMA DESA", 30, Align::Left),
                        col("KECAMATAN", 26, Align::Left),
                        col(&p.name.to_uppercase(), 10, Align::Right),
                        col("STATUS", 18, Align::Left),
                    ],
                    rows,
                );
                t.footnote = Some(
                    "Sumber Data : Kemendes PDTT, diperiksa dan dikoreksi oleh kinerja.".into(),
                );
                vec![Block::Table(t)]
            }
            VillageList::Summary => {
                let mut per: BTreeMap<String, Vec<usize>> = BTreeMap::new();
                let bands = &p.bands.bands;
                for (_, v) in list.villages() {
                    let key = match v.kabupaten.as_ref() {
                        Some(k) => format!("{} / {}", k.text, v.kecamatan_text()),
                        None => v.kecamatan_text().to_string(),
                    };
                    let counts = per.entry(key).or_insert_with(|| vec![0; bands.len()]);
                    if let Some(band) = v.band_by_value(&p).or_else(|| v.status_band.clone()) {
                        if let Some(i) = bands.iter().position(|b| b.label == band) {
                            counts[i] += 1;
                        }
                    }
                }
                let mut columns = vec![col("KECAMATAN", 30, Align::Left)];
                columns.extend(bands.iter().rev().map(|b| col(&b.label, 10, Align::Right)));
                columns.push(col("JUMLAH", 10, Align::Right));
                let rows = per
                    .into_iter()
                    .map(|(k, c)| {
                        let mut r = vec![k];
                        r.extend(c.iter().rev().map(|n| n.to_string()));
                        r.push(c.iter().sum::<usize>().to_string());
                        r
                    })
                    .collect();
                vec![Block::Table(table(
                    "Tabel L.2",
                    format!("{title} (ringkasan per kecamatan)"),
                    columns,
                    rows,
                ))]
            }
        }
    }

    fn measurement_table(&self) -> Option<Block> {
        let scored = self.scored();
        if scored.is_empty() {
            return None;
        }
        let rows = scored
            .iter()
            .enumerate()
            .map(|(i, (a, c, _))| {
                vec![
                    format!("{}.", i + 1),
                    a.sasaran.clone().unwrap_or_default(),
                    a.indikator.clone(),
                    measure_text(a.target.as_ref()),
                    measure_text(a.realisasi.as_ref()),
                    c.map(pct).unwrap_or_else(|| "-".into()),
                ]
            })
            .collect();
        let mut t = table(
            "Tabel L.5",
            format!("Pengukuran Kinerja Tahun {}", self.year()),
            vec![
                col("NO", 5, Align::Center),
                col("SASARAN STRATEGIS", 30, Align::Left),
                col("INDIKATOR KINERJA", 30, Align::Left),
                col("TARGET", 11, Align::Right),
                col("REALISASI", 11, Align::Right),
                col("CAPAIAN (%)", 11, Align::Right),
            ],
            rows,
        );
        t.number_columns = true;
        Some(Block::Table(t))
    }

    fn lampiran(&self, accepted: &[DataNote]) -> Chapter {
        let mut blocks = vec![heading(2, "Lampiran 1. Indikator Kinerja Utama")];
        blocks.extend(self.iku_table("Tabel L.1"));
        blocks.push(heading(
            2,
            format!("Lampiran 2. Data {} {}", self.index().name, self.year()),
        ));
        blocks.extend(self.village_appendix());
        blocks.push(heading(
            2,
            format!("Lampiran 3. Rencana Kinerja Tahunan {}", self.year()),
        ));
        blocks.extend(budget::rkt_full(self, "Tabel L.3"));
        blocks.push(heading(
            2,
            format!("Lampiran 4. Perjanjian Kinerja {}", self.year()),
        ));
        blocks.extend(self.pk_targets_table("Tabel L.4"));
        blocks.extend(budget::pk_budget(self, "Tabel L.4a"));
        blocks.push(heading(
            2,
            format!("Lampiran 5. Pengukuran Kinerja {}", self.year()),
        ));
        blocks.extend(self.measurement_table());
        blocks.push(self.signature());
        blocks.extend(data_notes::appendix(
            self,
            "Lampiran 6",
            "Tabel L.6",
            accepted,
        ));
        Chapter {
            number: None,
            title: "LAMPIRAN".into(),
            blocks,
        }
    }
}

/// "a, b dan c".
pub(crate) fn join_id(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} dan {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_indonesian() {
        assert_eq!(join_id(&["a".into(), "b".into(), "c".into()]), "a, b dan c");
        assert_eq!(join_id(&["a".into()]), "a");
    }
}
