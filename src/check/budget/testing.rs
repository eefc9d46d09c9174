//! Small budgets built in code for the rules' unit tests: a model with its tables
//! and records, no workbook read.

use super::BudgetAnalysis;
use crate::cell::{CellRange, CellRef};
use crate::check::{Context, Rule};
use crate::config::Config;
use crate::finding::Finding;
use crate::model::budget::{
    BudgetLine, PkBudget, PkJumlah, PkProgram, Realisation, RealisationProgram, Rkt, RktKegiatan,
    RktProgram, Spending, SpendingItem, Terbilang,
};
use crate::model::{Figure, FigureProblem, Model, TableInfo};
use crate::structure::Reading;
use crate::table::TableKind;
use rust_decimal::Decimal;
use std::sync::Arc;

fn at(a1: &str) -> CellRef {
    CellRef::parse(a1).expect("an A1 address")
}

/// A figure read as `v`, written plainly.
pub fn fig(a1: &str, v: i64) -> Figure {
    Figure {
        at: at(a1),
        value: Some(Decimal::from(v)),
        written: v.to_string(),
        decimals: 0,
        stored_as_text: false,
        mark: None,
        dash: false,
        problem: None,
    }
}

/// A `-`: read as 0.
pub fn dash(a1: &str) -> Figure {
    Figure {
        written: "-".into(),
        dash: true,
        ..fig(a1, 0)
    }
}

/// A figure with broken thousands grouping and its readings.
pub fn malformed(a1: &str, written: &str, readings: &[i64]) -> Figure {
    Figure {
        value: None,
        written: written.into(),
        stored_as_text: true,
        problem: Some(Box::new(FigureProblem::Malformed {
            readings: readings.iter().map(|&r| Decimal::from(r)).collect(),
        })),
        ..fig(a1, 0)
    }
}

/// A line of the realisation table on the row of `pagu`.
pub fn line(
    name: &str,
    pagu: Figure,
    realisasi: Option<Figure>,
    persen: Option<Figure>,
) -> BudgetLine {
    BudgetLine {
        no: None,
        name: name.into(),
        written: name.into(),
        row: pagu.at.row,
        cell: CellRef::new(pagu.at.row, 0),
        pagu: Some(pagu),
        realisasi,
        persen,
        persen_ratio: false,
    }
}

pub fn program(name: &str, row: u32, kegiatan: Vec<BudgetLine>) -> RealisationProgram {
    RealisationProgram {
        no: None,
        name: name.into(),
        written: name.into(),
        row,
        cell: CellRef::new(row, 0),
        subtotal: None,
        kegiatan,
    }
}

pub fn pk_program(name: &str, anggaran: Figure) -> PkProgram {
    PkProgram {
        no: None,
        name: name.into(),
        written: name.into(),
        row: anggaran.at.row,
        cell: CellRef::new(anggaran.at.row, 1),
        anggaran: Some(anggaran),
        anggaran_awal: None,
        ket: None,
    }
}

pub fn pk_jumlah(anggaran: Figure) -> PkJumlah {
    PkJumlah {
        label: "Jumlah".into(),
        row: anggaran.at.row,
        cell: CellRef::new(anggaran.at.row, 1),
        anggaran: Some(anggaran),
        anggaran_awal: None,
    }
}

pub fn terbilang(a1: &str, text: &str, value: Option<u64>) -> Terbilang {
    Terbilang {
        text: text.into(),
        at: at(a1),
        value,
    }
}

pub fn rkt_kegiatan(name: &str, dana: Figure) -> RktKegiatan {
    RktKegiatan {
        no: None,
        name: name.into(),
        written: name.into(),
        row: dana.at.row,
        cell: CellRef::new(dana.at.row, 1),
        sasaran: None,
        dana: Some(dana),
        indicators: Vec::new(),
    }
}

pub fn rkt_block(name: &str, funds: Figure, kegiatan: Vec<RktKegiatan>) -> RktProgram {
    RktProgram {
        no: Some("1.".into()),
        name: name.into(),
        written: format!("1. {name}"),
        row: funds.at.row,
        cell: CellRef::new(funds.at.row, 1),
        funds: Some(funds),
        kegiatan,
    }
}

/// A Tabel 1 line; `parent` and `children` are indices into the items.
pub fn spending_item(no: &str, name: &str, jumlah: Figure, parent: Option<usize>) -> SpendingItem {
    SpendingItem {
        no: no.into(),
        depth: 0,
        name: name.into(),
        row: jumlah.at.row,
        cell: CellRef::new(jumlah.at.row, 1),
        jumlah: Some(jumlah),
        ket: None,
        parent,
        children: Vec::new(),
    }
}

/// A model of budget tables, and the config to check it with.
pub struct Budgets {
    pub model: Model,
    reading: Reading,
    cfg: Config,
}

impl Budgets {
    pub fn new() -> Self {
        Budgets {
            model: Model::default(),
            reading: Reading::default(),
            cfg: Config::default_config(),
        }
    }

    /// A table of this kind in `file`, sheet `sheet`: its index.
    fn table(&mut self, kind: TableKind, file: &str, sheet: &str) -> usize {
        self.model.tables.push(TableInfo {
            kind,
            file: Arc::from(file),
            sheet: Arc::from(sheet),
            range: CellRange {
                first: CellRef::new(0, 0),
                last: CellRef::new(100, 10),
            },
            rows: 100,
            year: None,
        });
        self.model.tables.len() - 1
    }

    pub fn realisation(
        mut self,
        programs: Vec<RealisationProgram>,
        totals: Vec<BudgetLine>,
    ) -> Self {
        let table = self.table(TableKind::Anggaran, "Realisasi.xlsx", "Tabel 3.4");
        self.model.budget.realisations.push(Realisation {
            table,
            programs,
            totals,
            ratio: false,
            nested: false,
        });
        self
    }

    pub fn pk(
        mut self,
        programs: Vec<PkProgram>,
        jumlah: Option<PkJumlah>,
        terbilang: Option<Terbilang>,
    ) -> Self {
        let table = self.table(TableKind::PkAnggaran, "PK.xlsx", "PK 2023");
        self.model.budget.pk_budgets.push(PkBudget {
            table,
            programs,
            jumlah,
            terbilang,
        });
        self
    }

    pub fn rkt(mut self, programs: Vec<RktProgram>) -> Self {
        let table = self.table(TableKind::Rkt, "RKT.xlsx", "RKT");
        self.model.budget.rkt.push(Rkt {
            table,
            programs,
            total: None,
        });
        self
    }

    pub fn spending(mut self, mut items: Vec<SpendingItem>) -> Self {
        let table = self.table(TableKind::Pembiayaan, "Profil.xlsx", "Pembiayaan");
        for i in 0..items.len() {
            if let Some(p) = items[i].parent {
                items[p].children.push(i);
                items[i].depth = items[p].depth + 1;
            }
        }
        self.model.budget.spending.push(Spending {
            table,
            items,
            totals: Vec::new(),
        });
        self
    }

    pub fn analysis(&self) -> BudgetAnalysis<'_> {
        BudgetAnalysis::new(&self.reading, &self.model, &self.cfg)
    }

    /// The findings of one rule.
    pub fn check(&self, rule: &Rule) -> Vec<Finding> {
        let ctx = Context::new(&self.reading, &self.model, &self.cfg);
        let mut out = Vec::new();
        (rule.check)(rule, &ctx, &mut out);
        out
    }
}

/// The related cells of a finding.
pub fn related(f: &Finding) -> Vec<String> {
    f.related.iter().map(|l| l.cell.to_string()).collect()
}
