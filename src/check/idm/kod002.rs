//! KOD002: see `kod002.md` beside this file.

use super::schemes::{by_file, digit_count, FileScheme, Scheme};
use super::*;
use crate::model::idm::Text;

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

const LEVELS: [&str; 4] = ["desa", "kecamatan", "kabupaten", "provinsi"];

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for (scheme, tables) in by_file(m) {
        // An even mix: both kinds of kecamatan code pass as lengths, and the mix is
        // told once, at the first code of the other scheme than the first one seen.
        let mut even_mix_told = scheme.is_some();
        let mut first_seen: Option<Scheme> = None;
        for vt in tables {
            for v in &vt.villages {
                let codes = [
                    &v.kode,
                    &v.kode_kecamatan,
                    &v.kode_kabupaten,
                    &v.kode_provinsi,
                ];
                for (level, code) in codes.into_iter().enumerate() {
                    let Some(c) = code else { continue };
                    let n = digit_count(c);
                    let only_digits = c.text.bytes().all(|b| b.is_ascii_digit() || b == b'.');
                    // A cell without a digit (`-`) holds no code to measure.
                    if n == 0 {
                        continue;
                    }
                    let message = match scheme {
                        Some(s) => {
                            let len = s.scheme.lengths()[level];
                            if n == len && only_digits {
                                continue;
                            }
                            length_message(level, c, v, n, len, s)
                        }
                        None => {
                            let lengths: &[usize] = match level {
                                1 => &[6, 7],
                                0 => &[10],
                                2 => &[4],
                                _ => &[2],
                            };
                            if level == 1 && only_digits && lengths.contains(&n) {
                                let this = if n == 6 {
                                    Scheme::Kemendagri
                                } else {
                                    Scheme::Bps
                                };
                                match first_seen {
                                    None => first_seen = Some(this),
                                    Some(first) if first != this && !even_mix_told => {
                                        even_mix_told = true;
                                        out.push(rule.finding(
                                            m.loc(vt.table, c.at),
                                            mix_message(c, v, n, this, first),
                                            c.text.to_string(),
                                        ));
                                    }
                                    Some(_) => {}
                                }
                                continue;
                            }
                            if lengths.contains(&n) && only_digits {
                                continue;
                            }
                            any_scheme_message(level, c, v, n, lengths)
                        }
                    };
                    out.push(rule.finding(m.loc(vt.table, c.at), message, c.text.to_string()));
                }
            }
        }
    }
}

/// A code of the wrong length within the file's scheme.
fn length_message(
    level: usize,
    c: &Text,
    v: &Village,
    n: usize,
    len: usize,
    file: FileScheme,
) -> Message {
    let what = LEVELS[level];
    let village = village_label(v);
    let other = match file.scheme {
        Scheme::Kemendagri => Scheme::Bps,
        Scheme::Bps => Scheme::Kemendagri,
    };
    // A kecamatan code of the other scheme's length: the file mixes the two.
    if level == 1 && n == other.lengths()[1] {
        return Message::new(
            format!(
                "kode kecamatan {} desa {village} terdiri atas {n} angka (skema {}), padahal kode wilayah di berkas ini mengikuti skema {} (kecamatan {len} angka, {} desa)",
                c.text,
                other.name(),
                file.scheme.name(),
                file.count(file.scheme)
            ),
            format!(
                "the kecamatan code {} of village {village} has {n} digits ({} scheme), while this file's region codes follow the {} scheme (kecamatan {len} digits, {} villages)",
                c.text,
                other.name(),
                file.scheme.name(),
                file.count(file.scheme)
            ),
        );
    }
    let scheme = if level == 1 {
        format!(" (skema {})", file.scheme.name())
    } else {
        String::new()
    };
    let scheme_en = if level == 1 {
        format!(" ({} scheme)", file.scheme.name())
    } else {
        String::new()
    };
    Message::new(
        format!(
            "kode {what} {} desa {village} terdiri atas {n} angka, seharusnya {len}{scheme}",
            c.text
        ),
        format!(
            "the {what} code {} of village {village} has {n} digits, not {len}{scheme_en}",
            c.text
        ),
    )
}

/// A code of no scheme's length, in a file whose scheme no code tells.
fn any_scheme_message(level: usize, c: &Text, v: &Village, n: usize, lengths: &[usize]) -> Message {
    let what = LEVELS[level];
    let village = village_label(v);
    let (id, en) = match lengths {
        [6, 7] => (
            "6 (skema Kemendagri) atau 7 (skema BPS)".to_string(),
            "6 (Kemendagri scheme) or 7 (BPS scheme)".to_string(),
        ),
        [len, ..] => (len.to_string(), len.to_string()),
        [] => unreachable!("every level has a length"),
    };
    Message::new(
        format!(
            "kode {what} {} desa {village} terdiri atas {n} angka, seharusnya {id}",
            c.text
        ),
        format!(
            "the {what} code {} of village {village} has {n} digits, not {en}",
            c.text
        ),
    )
}

/// A file whose kecamatan codes follow both schemes evenly.
fn mix_message(c: &Text, v: &Village, n: usize, this: Scheme, first: Scheme) -> Message {
    let village = village_label(v);
    Message::new(
        format!(
            "kode kecamatan {} desa {village} terdiri atas {n} angka (skema {}), padahal kode kecamatan lain di berkas ini mengikuti skema {}, sama banyaknya: satu skema yang dipakai, yang mana harus diputuskan sendiri",
            c.text,
            this.name(),
            first.name()
        ),
        format!(
            "the kecamatan code {} of village {village} has {n} digits ({} scheme), while as many other kecamatan codes of this file follow the {} scheme: one scheme is meant, a person must decide which",
            c.text,
            this.name(),
            first.name()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::super::tests::{run, village_with_codes};
    use super::*;

    /// Villages of these codes, one a row from row 2 down.
    fn villages(codes: &[[&str; 4]]) -> Vec<Village> {
        codes
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut v = village_with_codes(*c);
                let row = i as u32 + 1;
                v.row = row;
                for t in [
                    &mut v.kode,
                    &mut v.kode_kecamatan,
                    &mut v.kode_kabupaten,
                    &mut v.kode_provinsi,
                ]
                .into_iter()
                .flatten()
                {
                    t.at.row = row;
                }
                v
            })
            .collect()
    }

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

    #[test]
    fn six_digit_kecamatan_codes_are_right_in_the_kemendagri_scheme() {
        // Kabupaten Serang's workbook: every kecamatan code 6 digits.
        let villages = villages(&[
            ["3604052001", "360405", "3604", "36"],
            ["3604052002", "360405", "3604", "36"],
            ["36.04.06.2001", "36.04.06", "36.04", "36"],
        ]);
        assert_eq!(run(&RULE, villages), vec![]);
    }

    #[test]
    fn a_kecamatan_code_of_the_other_scheme_is_found() {
        let found = run(
            &RULE,
            villages(&[
                ["3604052001", "360405", "3604", "36"],
                ["3604052002", "360405", "3604", "36"],
                ["3604050003", "3604050", "3604", "36"],
            ]),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        let f = &found[0];
        assert_eq!(
            (f.found.as_str(), f.loc.cell.to_string().as_str()),
            ("3604050", "B4")
        );
        assert_eq!(
            f.message.en,
            "the kecamatan code 3604050 of village BONGLAI (BANJIT) has 7 digits (BPS scheme), while this file's region codes follow the Kemendagri scheme (kecamatan 6 digits, 2 villages)"
        );
    }

    #[test]
    fn a_kecamatan_code_of_no_scheme() {
        let found = run(
            &RULE,
            villages(&[
                ["3604052001", "360405", "3604", "36"],
                ["3604052002", "36040", "3604", "36"],
            ]),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].found, "36040");
        assert!(found[0]
            .message
            .en
            .ends_with("has 5 digits, not 6 (Kemendagri scheme)"));
    }

    #[test]
    fn an_even_mix_of_schemes_is_told_once() {
        let found = run(
            &RULE,
            villages(&[
                ["3604052001", "360405", "3604", "36"],
                ["3604050001", "3604050", "3604", "36"],
            ]),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].found, "3604050");
    }
}
