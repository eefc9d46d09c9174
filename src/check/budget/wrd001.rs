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
/// keeping what stands around them ("(Terbilang : " … ").").
fn standard_terbilang(original: &str, n: u64) -> String {
    let lower = original.to_lowercase();
    // Word spans (byte ranges) of the original.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in lower.char_indices() {
        if c.is_alphabetic() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            spans.push((s, i));
        }
    }
    if let Some(s) = start {
        spans.push((s, lower.len()));
    }
    let is_number = |&(s, e): &(usize, usize)| NUMBER_WORDS.contains(&&lower[s..e]);
    let (Some(first), Some(last)) = (
        spans.iter().position(is_number),
        spans.iter().rposition(is_number),
    ) else {
        return words::terbilang_rupiah(n);
    };
    let (s, _) = spans[first];
    let (_, e) = spans[last];
    let with_rupiah = &lower[spans[last].0..e] == "rupiah";
    let mut text = if with_rupiah {
        words::terbilang_rupiah(n)
    } else {
        words::terbilang(n)
    };
    let capital = original[s..].chars().next().is_some_and(char::is_uppercase);
    if !capital {
        text = text.to_lowercase();
    } else if !with_rupiah {
        let mut chars = text.chars();
        text = chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
            .unwrap_or_default();
    }
    format!("{}{}{}", &original[..s], text, &original[e..])
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
