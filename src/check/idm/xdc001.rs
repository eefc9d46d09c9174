//! XDC001: see `xdc001.md` beside this file.

use super::pairing::{named, pairings, PairedBy};
use super::*;

pub(super) const RULE: Rule = Rule {
    code: "XDC001",
    name: "idm-differs-from-ministry",
    severity: Severity::Error,
    title: "A village's index value or status differs from the ministry's file",
    judul: "Nilai indeks atau status desa berbeda dengan berkas kementerian",
    doc: include_str!("xdc001.md"),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for p in pairings(m, ctx.cfg) {
        for pair in &p.pairs {
            let ((ot, ov), (mt, mv)) = (pair.office, pair.ministry);
            let index = Profile::of(ctx.cfg, ot.kind).name;
            let (by_id, by_en) = match pair.by {
                PairedBy::Code => ("kode", "code"),
                PairedBy::Name => ("nama dan kecamatan", "name and kecamatan"),
                PairedBy::SimilarName => ("nama yang mirip", "a similar name"),
            };
            let sheet = &m.tables[mt.table].sheet;
            let file = &m.tables[mt.table].file;
            let paired_id = format!(
                "desa {} dipasangkan dengan {} pada berkas kementerian {file} (lembar {sheet}) menurut {by_id}",
                named(ov),
                named(mv)
            );
            let paired_en = format!(
                "village {} paired with {} of the ministry's file {file} (sheet {sheet}) by {by_en}",
                named(ov),
                named(mv)
            );
            // One difference: (what, Indonesian name, office cell and text, ministry
            // cell and text, the expected value).
            let mut differ =
                |what: (&str, &str),
                 office: (CellRef, &str),
                 ministry: (CellRef, &str),
                 expected: String| {
                    let message =
                        Message::new(
                            format!(
                        "{} {} tahun {} tertulis {}, sedangkan berkas kementerian {}: {paired_id}",
                        what.1, named(ov), p.year, office.1, ministry.1
                    ),
                            format!(
                        "the {} {} of {} is {}, but the ministry's file says {}: {paired_en}",
                        p.year, what.0, named(ov), office.1, ministry.1
                    ),
                        );
                    out.push(
                        rule.finding(m.loc(ot.table, office.0), message, office.1.to_string())
                            .expect(expected)
                            .related(vec![m.loc(mt.table, ministry.0)]),
                    );
                };
            // The value, judged at the office's written precision.
            if let (Some(of), Some(mf)) = (&ov.total, &mv.total) {
                if let (Some(a), Some(b)) = (of.value, mf.value) {
                    if !agrees(a, of.decimals, b) {
                        differ(
                            (index, index),
                            (of.at, &of.written),
                            (mf.at, &mf.written),
                            at_precision(b, of.decimals).to_string(),
                        );
                    }
                }
            }
            if let (Some(os), Some(ms), Some(ob), Some(mb)) =
                (&ov.status, &mv.status, &ov.status_band, &mv.status_band)
            {
                if ob != mb {
                    differ(
                        ("status", "status"),
                        (os.at, &os.text),
                        (ms.at, &ms.text),
                        mb.clone(),
                    );
                }
            }
        }
    }
}
