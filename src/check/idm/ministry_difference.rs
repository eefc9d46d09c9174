//! XDC001: see `ministry_difference.md` beside this file.

use super::pairing::{named, pairings, PairedBy};
use super::*;

pub(super) const RULE: Rule = Rule {
    code: "XDC001",
    name: "idm-differs-from-ministry",
    severity: Severity::Error,
    title: "A village's IDM or status differs from the ministry's file",
    judul: "Nilai atau status IDM desa berbeda dengan berkas kementerian",
    doc: include_str!("ministry_difference.md"),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for p in pairings(m, ctx.cfg) {
        for pair in &p.pairs {
            let ((ot, ov), (mt, mv)) = (pair.office, pair.ministry);
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
            // The value, judged at the office's written precision.
            if let (Some(of), Some(mf)) = (&ov.total, &mv.total) {
                if let (Some(a), Some(b)) = (of.value, mf.value) {
                    if !agrees(a, of.decimals, b) {
                        let expected = at_precision(b, of.decimals);
                        let message = Message::new(
                            format!(
                                "{} {} tahun {} tertulis {}, sedangkan berkas kementerian {}: {paired_id}",
                                Profile::of(ctx.cfg, ot.kind).name, named(ov), p.year, of.written, mf.written
                            ),
                            format!(
                                "the {} {} of {} is {}, but the ministry's file says {}: {paired_en}",
                                p.year, Profile::of(ctx.cfg, ot.kind).name, named(ov), of.written, mf.written
                            ),
                        );
                        out.push(
                            rule.finding(m.loc(ot.table, of.at), message, of.written.clone())
                                .expect(expected.to_string())
                                .related(vec![m.loc(mt.table, mf.at)]),
                        );
                    }
                }
            }
            if let (Some(os), Some(ms)) = (&ov.status, &mv.status) {
                if ov.status_band.is_some()
                    && mv.status_band.is_some()
                    && ov.status_band != mv.status_band
                {
                    let message = Message::new(
                        format!(
                            "status {} tahun {} tertulis {}, sedangkan berkas kementerian {}: {paired_id}",
                            named(ov), p.year, os.text, ms.text
                        ),
                        format!(
                            "the {} status of {} is {}, but the ministry's file says {}: {paired_en}",
                            p.year, named(ov), os.text, ms.text
                        ),
                    );
                    out.push(
                        rule.finding(m.loc(ot.table, os.at), message, os.text.to_string())
                            .expect(mv.status_band.clone().unwrap_or_default())
                            .related(vec![m.loc(mt.table, ms.at)]),
                    );
                }
            }
        }
    }
}
