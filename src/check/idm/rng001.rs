//! RNG001: see `rng001.md` beside this file.

use super::*;

pub(super) const RULE: Rule = Rule {
    code: "RNG001",
    name: "index-out-of-range",
    severity: Severity::Error,
    title: "An IDM, IKS, IKE or IKL value is outside 0–1",
    judul: "Nilai IDM, IKS, IKE, atau IKL di luar 0–1",
    doc: include_str!("rng001.md"),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for vt in &m.idm.villages {
        for v in &vt.villages {
            for (name, f) in [
                ("IDM", &v.idm),
                ("IKS", &v.iks),
                ("IKE", &v.ike),
                ("IKL", &v.ikl),
            ] {
                let Some(f) = f else { continue };
                let Some(x) = f.value.filter(|x| !in_unit_range(*x)) else {
                    continue;
                };
                let message = Message::new(
                    format!(
                        "nilai {name} desa {} tertulis {}, di luar rentang 0–1",
                        village_label(v),
                        f.written
                    ),
                    format!(
                        "the {name} of village {} is {}, outside 0–1",
                        village_label(v),
                        x.normalize()
                    ),
                );
                out.push(rule.finding(m.loc(vt.table, f.at), message, f.written.clone()));
            }
        }
    }
}
