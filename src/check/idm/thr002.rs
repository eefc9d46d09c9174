//! THR002: see `thr002.md` beside this file.

use super::*;

pub(super) const RULE: Rule = Rule {
    code: "THR002",
    name: "idm-near-boundary",
    severity: Severity::Info,
    title: "An IDM value lies next to a band boundary",
    judul: "Nilai IDM berada di dekat batas status",
    doc: include_str!("thr002.md"),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    let margin = ctx.cfg.tolerances.boundary_margin;
    for vt in &m.idm.villages {
        let p = profile_of(ctx, vt);
        let scale = p.bands;
        // The cut-offs of the bands in use first, then those of every other documented
        // set: a value between 0,707 and 0,7072 is BERKEMBANG to the ministry and MAJU
        // by the regulation's text.
        let sets = std::iter::once(scale).chain(
            p.alternatives
                .iter()
                .filter(|a| a.profile.is_none() || a.profile != scale.profile),
        );
        let boundaries: Vec<(Decimal, &crate::config::Scale)> = sets
            .flat_map(|s| s.boundaries().into_iter().map(move |b| (b, s)))
            .collect();
        // The margin is of the IDM's 0–1 scale: scaled to the index's own.
        let margin = margin * p.top;
        // Each boundary's margin as whole steps of 10^-16, for telling at a glance
        // the values far from every boundary (nearly all of them).
        let near: Option<Vec<(i128, i128)>> = fixed(margin).and_then(|m| {
            boundaries
                .iter()
                .map(|(b, _)| fixed(*b).map(|b| (b - m, b + m)))
                .collect()
        });
        for v in &vt.villages {
            let Some(idm) = &v.total else { continue };
            let Some(x) = idm.value.filter(|x| p.in_range(*x)) else {
                continue;
            };
            if let (Some(near), Some(x)) = (&near, fixed(x)) {
                if !near.iter().any(|&(lo, hi)| lo <= x && x <= hi) {
                    continue;
                }
            }
            let Some((b, of)) = boundaries
                .iter()
                .copied()
                .filter(|(b, _)| (x - b).abs() <= margin)
                .min_by_key(|(b, _)| (x - b).abs())
            else {
                continue;
            };
            let below = of
                .bands
                .iter()
                .find(|band| band.upper.is_some_and(|u| u.value == b))
                .map(|band| band.label.as_str());
            let above = of
                .bands
                .iter()
                .find(|band| band.lower.is_some_and(|l| l.value == b))
                .map(|band| band.label.as_str());
            let here = scale.classify(x).map_or("-", |band| band.label.as_str());
            let d = (x - b).abs();
            let (set_id, set_en) = match &of.profile {
                Some(name) if !std::ptr::eq(of, scale) => {
                    (format!(" menurut {name}"), format!(" of {name}"))
                }
                _ => (String::new(), String::new()),
            };
            let (between_id, between_en) = (
                format!(
                    "{} dan {}{set_id}",
                    below.unwrap_or("-"),
                    above.unwrap_or("-")
                ),
                format!(
                    "{} and {}{set_en}",
                    below.unwrap_or("-"),
                    above.unwrap_or("-")
                ),
            );
            let (where_id, where_en) = if d.is_zero() {
                (
                    format!("tepat pada batas {} antara {between_id}", angka(b, None)),
                    format!(
                        "exactly on the boundary {} between {between_en}",
                        b.normalize()
                    ),
                )
            } else {
                (
                    format!(
                        "berjarak {} dari batas {} antara {between_id}",
                        angka(d, None),
                        angka(b, None)
                    ),
                    format!(
                        "{} from the boundary {} between {between_en}",
                        d.normalize(),
                        b.normalize()
                    ),
                )
            };
            let message = Message::new(
                format!(
                    "{} {} desa {}, berstatus {here}, {where_id}: statusnya bergantung pada desimal terakhir",
                    p.name,
                    angka_of(idm),
                    village_label(v),
                ),
                format!(
                    "{} {} of village {}, status {here}, is {where_en}: its status hangs on the last decimal",
                    p.name,
                    x.normalize(),
                    village_label(v),
                ),
            );
            let related = v.status.iter().map(|s| m.loc(vt.table, s.at)).collect();
            out.push(
                rule.finding(m.loc(vt.table, idm.at), message, idm.written.clone())
                    .related(related),
            );
        }
    }
}

/// `v` as a whole number of 10^-16, when it has at most 16 decimals and is under
/// 10^12: in that range Decimal's differences are exact, so `|x - b| <= m` holds
/// exactly when `b - m <= x <= b + m` does in these integers.
fn fixed(v: Decimal) -> Option<i128> {
    let n = v
        .mantissa()
        .checked_mul(10i128.checked_pow(16u32.checked_sub(v.scale())?)?)?;
    (n.abs() < 10i128.pow(28)).then_some(n)
}
