//! WRD001: an amount in words does not spell its figure.

use super::format::{en_num, id_num, short, value};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Correction, NewValue, Safety};
use crate::finding::{Finding, Message, Severity};
use crate::words;
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: "WRD001",
    name: "terbilang",
    severity: Severity::Error,
    title: "An amount in words does not spell its figure",
    judul: "Terbilang tidak sama dengan angkanya",
    doc: include_str!("wrd001.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let analysis = &ctx.budget;
    for (pi, pk) in ctx.model.budget.pk_budgets.iter().enumerate() {
        let Some(t) = &pk.terbilang else { continue };
        let jumlah = analysis.pk_jumlah(pk);
        let programs = pk.anggaran_sum();
        let awal = pk
            .jumlah
            .as_ref()
            .and_then(|j| value(&j.anggaran_awal))
            .or_else(|| pk.anggaran_awal_sum());
        let accepted: Vec<Decimal> = [jumlah, programs, awal].into_iter().flatten().collect();
        let Some(right) = analysis.pk_total(pi) else {
            continue;
        };
        if let Some(v) = t.value {
            if accepted.iter().any(|a| *a == Decimal::from(v)) {
                continue;
            }
        }
        let Some(n) = right
            .trunc()
            .to_string()
            .parse::<u64>()
            .ok()
            .filter(|_| right.fract().is_zero() && right >= Decimal::ZERO)
        else {
            continue;
        };
        let words_right = words::terbilang_rupiah(n);
        let message = match t.value {
            Some(v) => Message::new(
                format!("terbilang menyebut {} (\"{}\"), padahal Jumlah-nya {}", id_num(Decimal::from(v)), short(&t.text), id_num(right)),
                format!("the amount in words says {} (\"{}\") but its Jumlah is {}", en_num(Decimal::from(v)), short(&t.text), en_num(right)),
            ),
            None => Message::new(
                format!("terbilang \"{}\" tidak terbaca sebagai jumlah yang baku; Jumlah-nya {}", short(&t.text), id_num(right)),
                format!("the amount in words \"{}\" does not read as a well-formed amount; its Jumlah is {}", short(&t.text), en_num(right)),
            ),
        };
        let related = pk
            .jumlah
            .as_ref()
            .and_then(|j| j.anggaran.as_ref())
            .map(|f| vec![analysis.loc(pk.table, f.at)])
            .unwrap_or_default();
        out.push(
            rule.finding(analysis.loc(pk.table, t.at), message, t.text.clone())
                .expect(words_right)
                .related(related)
                .fix(vec![Correction {
                    cell: t.at,
                    value: NewValue::Text(standard_terbilang(&t.text, n)),
                    safety: Safety::Safe,
                }]),
        );
    }
}

const NUMBER_WORDS: [&str; 26] = [
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
    "seratus",
    "seribu",
    "belas",
    "puluh",
    "ratus",
    "ribu",
    "juta",
    "miliar",
    "milyar",
    "triliun",
    "trilyun",
    "kuadriliun",
    "kuintiliun",
    "rupiah",
];

/// The office's terbilang line with its words replaced by the standard words of `n`,
/// keeping what stands around them ("(Terbilang : " … ").") character for
/// character: the line is cut into runs of letters and of other characters, and
/// only the runs from the first number word to the last are replaced (a lower-
/// cased copy may differ in length, `İ` becoming `i̇`, so no position is taken
/// from it).
fn standard_terbilang(original: &str, n: u64) -> String {
    let mut runs: Vec<(bool, String)> = Vec::new();
    for c in original.chars() {
        let letter = c.is_alphabetic();
        match runs.last_mut() {
            Some((l, run)) if *l == letter => run.push(c),
            _ => runs.push((letter, c.to_string())),
        }
    }
    // `İ` lower-cases to `i` and a combining dot; the word is still the word.
    let word =
        |(letter, run): &(bool, String)| letter.then(|| run.to_lowercase().replace('\u{307}', ""));
    let is_number =
        |run: &(bool, String)| word(run).is_some_and(|w| NUMBER_WORDS.contains(&w.as_str()));
    let (Some(first), Some(last)) = (
        runs.iter().position(is_number),
        runs.iter().rposition(is_number),
    ) else {
        return words::terbilang_rupiah(n);
    };
    let with_rupiah = word(&runs[last]).as_deref() == Some("rupiah");
    let mut text = if with_rupiah {
        words::terbilang_rupiah(n)
    } else {
        words::terbilang(n)
    };
    let capital = runs[first].1.chars().next().is_some_and(char::is_uppercase);
    if !capital {
        text = text.to_lowercase();
    } else if !with_rupiah {
        let mut chars = text.chars();
        text = chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
            .unwrap_or_default();
    }
    let joined = |runs: &[(bool, String)]| runs.iter().map(|(_, r)| r.as_str()).collect::<String>();
    format!(
        "{}{text}{}",
        joined(&runs[..first]),
        joined(&runs[last + 1..])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terbilang_keeps_its_frame() {
        let seed = "(Terbilang : Enam milyar tujuh ratus sembilan puluh enam juta delapan ratus tiga puluh empat ribu lima ratus delapan puluh empat rupiah).";
        assert_eq!(
            standard_terbilang(seed, 6_796_834_585),
            "(Terbilang : Enam miliar tujuh ratus sembilan puluh enam juta delapan ratus tiga puluh empat ribu lima ratus delapan puluh lima rupiah)."
        );
        assert_eq!(standard_terbilang("seribu", 2000), "dua ribu");
        assert_eq!(standard_terbilang("xyz", 1000), "Seribu rupiah");
    }

    /// Guards issue 21's find: the words were cut from the original at byte
    /// positions of its lower-cased copy, and `İ` lower-cases to two characters
    /// (`i̇`), so a line holding it came out garbled (or the cut fell inside a
    /// character and panicked). Every character around the words is kept.
    #[test]
    fn terbilang_keeps_the_originals_characters() {
        assert_eq!(
            standard_terbilang("İİİ (Terbilang : Enam juta rupiah) İ.", 7_000_000),
            "İİİ (Terbilang : Tujuh juta rupiah) İ."
        );
        assert_eq!(
            standard_terbilang("TERBİLANG: ENAM JUTA RUPİAH — İzin", 7_000_000),
            "TERBİLANG: Tujuh juta rupiah — İzin"
        );
        assert_eq!(
            standard_terbilang("(Terbilang İİ : enam juta)", 7_000_000),
            "(Terbilang İİ : tujuh juta)"
        );
    }

    #[test]
    fn words_that_spell_another_amount() {
        use super::super::testing::*;
        use crate::check::testing::{assert_finding, one};
        let words = "(Terbilang : Enam juta rupiah).";
        let budgets = Budgets::new().pk(
            vec![pk_program("P", fig("C19", 7_000_000))],
            Some(pk_jumlah(fig("C23", 7_000_000))),
            Some(terbilang("A24", words, Some(6_000_000))),
        );
        let found = budgets.check(&RULE);
        let f = one(found);
        assert_finding(
            &f,
            "WRD001",
            "PK 2023!A24",
            "(Terbilang : Enam juta rupiah).",
            Some("Tujuh juta rupiah"),
        );
        assert_eq!(
            f.fix[0].value,
            NewValue::Text("(Terbilang : Tujuh juta rupiah).".to_string())
        );
    }
}
