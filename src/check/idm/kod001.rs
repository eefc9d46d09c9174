//! KOD001: see `kod001.md` beside this file.

use super::schemes::{by_file, digits, has_scheme_length};
use super::*;

pub(super) const RULE: Rule = Rule {
    code: "KOD001",
    name: "code-outside-its-region",
    severity: Severity::Error,
    title: "A region code does not begin with the code of the region it lies in",
    judul: "Kode wilayah tidak diawali kode wilayah induknya",
    doc: include_str!("kod001.md"),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for (scheme, tables) in by_file(m) {
        for vt in tables {
            for v in &vt.villages {
                // Village in kecamatan, kecamatan in kabupaten, kabupaten in province.
                let chain = [
                    (&v.kode, "desa", &v.kode_kecamatan, "kecamatan", 1),
                    (
                        &v.kode_kecamatan,
                        "kecamatan",
                        &v.kode_kabupaten,
                        "kabupaten",
                        2,
                    ),
                    (
                        &v.kode_kabupaten,
                        "kabupaten",
                        &v.kode_provinsi,
                        "provinsi",
                        3,
                    ),
                ];
                for (child, child_name, parent, parent_name, parent_level) in chain {
                    let (Some(c), Some(p)) = (child, parent) else {
                        continue;
                    };
                    // Compared by their digits: `36.04.05.2001` lies in `360405`.
                    let (child_digits, parent_digits) = (digits(c), digits(p));
                    if parent_digits.is_empty() || child_digits.starts_with(&parent_digits) {
                        continue;
                    }
                    // A parent code of the wrong length is the slip (KOD002 tells it),
                    // not the child that does not begin with it.
                    if !has_scheme_length(p, parent_level, scheme) {
                        break;
                    }
                    let message = Message::new(
                    format!(
                        "kode {child_name} {} desa {} tidak diawali kode {parent_name} {}",
                        c.text,
                        village_label(v),
                        p.text
                    ),
                    format!(
                        "the {child_name} code {} of village {} does not begin with the {parent_name} code {}",
                        c.text,
                        village_label(v),
                        p.text
                    ),
                );
                    out.push(
                        rule.finding(m.loc(vt.table, c.at), message, c.text.to_string())
                            .related(vec![m.loc(vt.table, p.at)]),
                    );
                    // The deeper mismatch is the root; the level above is judged on its own row.
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::village_with_codes;
    use super::*;

    #[test]
    fn a_village_code_outside_its_kecamatan_is_found_once() {
        let v = village_with_codes(["1808042001", "1808032", "1808", "18"]);
        let found = super::super::tests::run(&RULE, vec![v]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].found, "1808042001");
        assert_eq!(found[0].loc.cell.to_string(), "A2");
        let ok = village_with_codes(["1808032001", "1808032", "1808", "18"]);
        assert!(super::super::tests::run(&RULE, vec![ok]).is_empty());
        // A kecamatan code of a wrong length is KOD002's slip, not the village's.
        let short = village_with_codes(["1808032001", "18089", "1808", "18"]);
        assert!(super::super::tests::run(&RULE, vec![short]).is_empty());
        let dotted = village_with_codes(["36.04.05.2001", "360405", "3604", "36"]);
        assert!(super::super::tests::run(&RULE, vec![dotted]).is_empty());
        let kab = village_with_codes(["1808032001", "1808032", "1809", "18"]);
        let found = super::super::tests::run(&RULE, vec![kab]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].found, "1808032");
    }
}
