//! KOD002: see `kod002.md` beside this file.

use super::*;

pub(super) const RULE: Rule = Rule {
    code: "KOD002",
    name: "code-length",
    severity: Severity::Error,
    title: "A region code has the wrong number of digits",
    judul: "Panjang kode wilayah tidak sesuai",
    doc: include_str!("kod002.md"),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

/// The digits of a code of each level (Permendagri on region codes, without dots).
const LENGTHS: [(&str, usize); 4] = [
    ("desa", 10),
    ("kecamatan", 7),
    ("kabupaten", 4),
    ("provinsi", 2),
];

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for vt in &m.idm.villages {
        for v in &vt.villages {
            let codes = [
                &v.kode,
                &v.kode_kecamatan,
                &v.kode_kabupaten,
                &v.kode_provinsi,
            ];
            for (code, (level, len)) in codes.into_iter().zip(LENGTHS) {
                let Some(c) = code else { continue };
                // Dotted codes (`18.08.03.2001`) are counted by their digits.
                let digits = c.text.bytes().filter(u8::is_ascii_digit).count();
                let only_digits = c.text.bytes().all(|b| b.is_ascii_digit() || b == b'.');
                // A cell without a digit (`-`) holds no code to measure.
                if digits == 0 || (digits == len && only_digits) {
                    continue;
                }
                let message = Message::new(
                    format!(
                        "kode {level} {} desa {} terdiri atas {digits} angka, seharusnya {len}",
                        c.text,
                        village_label(v)
                    ),
                    format!(
                        "the {level} code {} of village {} has {digits} digits, not {len}",
                        c.text,
                        village_label(v)
                    ),
                );
                out.push(rule.finding(m.loc(vt.table, c.at), message, c.text.to_string()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{run, village_with_codes};
    use super::*;

    #[test]
    fn codes_of_the_wrong_length_are_found() {
        let v = village_with_codes(["180803201", "1808032", "1808", "18"]);
        let found = run(&RULE, vec![v]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].found, "180803201");
        assert!(run(
            &RULE,
            vec![village_with_codes(["1808032001", "1808032", "1808", "18"])]
        )
        .is_empty());
    }
}
