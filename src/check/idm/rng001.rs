//! RNG001: see `rng001.md` beside this file.

use super::*;

pub(super) const RULE: Rule = Rule {
    code: "RNG001",
    name: "index-out-of-range",
    severity: Severity::Error,
    title: "A village index or one of its components is outside its range",
    judul: "Nilai indeks desa atau komponennya di luar rentangnya",
    doc: include_str!("rng001.md"),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for vt in &m.idm.villages {
        let p = profile_of(ctx, vt);
        for v in &vt.villages {
            let total = (p.name, &v.total, p.top);
            let parts = p
                .components
                .iter()
                .zip(&v.components)
                .map(|(c, f)| (c.code, f, c.max));
            for (name, f, max) in std::iter::once(total).chain(parts) {
                let Some(f) = f else { continue };
                let Some(x) = f.value.filter(|x| *x < Decimal::ZERO || *x > max) else {
                    continue;
                };
                let message = Message::new(
                    format!(
                        "nilai {name} desa {} tertulis {}, di luar rentang 0–{}",
                        village_label(v),
                        f.written,
                        angka(max, None)
                    ),
                    format!(
                        "the {name} of village {} is {}, outside 0–{}",
                        village_label(v),
                        x.normalize(),
                        max.normalize()
                    ),
                );
                out.push(rule.finding(m.loc(vt.table, f.at), message, f.written.clone()));
            }
        }
    }
}
