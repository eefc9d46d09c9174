//! Revenue rows of a budget-realisation table: pendapatan realised above its
//! target is good news, not an error. A row is revenue by the data's own
//! evidence: an account code of the revenue class (`4`, `4.1.01`; `5…` is
//! belanja), a name that opens with a revenue word (`Pendapatan Asli Daerah`,
//! `Pajak Daerah`, `Retribusi …`, `PAD`), the same in a row above it in the
//! table's hierarchy, or a title about revenue only (`REALISASI PENDAPATAN …`).
//! Kegiatan that manage revenue (`Pengelolaan Pajak Daerah`) are spending: their
//! names open with what is done, not with the revenue.

use crate::structure::Table;
use crate::table::normalize_header;

/// Words a revenue row's name opens with (normalized).
const REVENUE_NAMES: [&str; 12] = [
    "PENDAPATAN",
    "PAD",
    "PAJAK",
    "RETRIBUSI",
    "HASIL PENGELOLAAN KEKAYAAN",
    "LAIN LAIN PENDAPATAN",
    "PENERIMAAN",
    "DANA PERIMBANGAN",
    "DANA BAGI HASIL",
    "BAGI HASIL",
    "DANA ALOKASI",
    "ALOKASI DANA DESA",
];

fn opens_with_revenue(text: &str) -> bool {
    let n = normalize_header(crate::structure::tree::strip_outline(text));
    REVENUE_NAMES
        .iter()
        .any(|w| n == *w || n.starts_with(&format!("{w} ")))
}

/// The account class of an account code (Permendagri 90/2019's kode rekening:
/// akun, kelompok of one digit each, `4.1.01`, `5.1.02.01`): `4` revenue, `5`
/// belanja, `6` pembiayaan. A program code (`4.01.01`, urusan and bidang of one
/// and two digits) is no account code.
fn account_class(code: &str) -> Option<char> {
    let parts: Vec<&str> = code.trim().trim_end_matches('.').split('.').collect();
    match parts.as_slice() {
        [akun, kelompok, ..] if akun.len() == 1 && kelompok.len() == 1 => akun.chars().next(),
        _ => None,
    }
}

/// Whether the row of `table` at sheet row `row` (named `name`) is revenue: false
/// when it is spending or nothing says it is revenue.
pub(super) fn is_revenue(table: &Table, row: u32, name: &str) -> bool {
    let title: Vec<String> = table
        .title
        .iter()
        .filter_map(|c| c.text())
        .map(normalize_header)
        .collect();
    let title_words = |w: &str| title.iter().any(|t| t.split(' ').any(|x| x == w));
    let Some(i) = table.rows.iter().position(|r| r.row == row) else {
        return false;
    };
    // The row and the rows above it in the hierarchy, nearest first.
    let mut at = Some(i);
    let mut guard = 0;
    while let Some(k) = at {
        if let Some(code) = table.tree.nodes.get(k).and_then(|n| n.code.as_deref()) {
            match account_class(code) {
                Some('4') => return true,
                Some('5' | '6') => return false,
                _ => {}
            }
        }
        let texts = table.rows[k].cells.iter().filter_map(|c| c.text());
        let own = if k == i { Some(name) } else { None };
        if own.into_iter().chain(texts).any(opens_with_revenue) {
            return true;
        }
        at = table.tree.nodes.get(k).and_then(|n| n.parent);
        guard += 1;
        if guard > table.rows.len() {
            break;
        }
    }
    let about_revenue = ["PENDAPATAN", "PAD", "RETRIBUSI", "PAJAK"]
        .iter()
        .any(|w| title_words(w));
    about_revenue && !title_words("BELANJA")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revenue_words_and_account_classes() {
        assert!(opens_with_revenue("Pendapatan Asli Daerah"));
        assert!(opens_with_revenue("4.1. Pajak Daerah"));
        assert!(opens_with_revenue("Retribusi Jasa Umum"));
        assert!(opens_with_revenue("Lain-lain Pendapatan Daerah yang Sah"));
        assert!(!opens_with_revenue("Pengelolaan Pajak Daerah"));
        assert!(!opens_with_revenue("Belanja Pegawai"));
        assert_eq!(account_class("4.1.01"), Some('4'));
        assert_eq!(account_class("4.1"), Some('4'));
        assert_eq!(account_class("5.1.02.01"), Some('5'));
        // Urusan, bidang and program codes are no account codes.
        assert_eq!(account_class("4.01.01"), None);
        assert_eq!(account_class("2.16.01"), None);
        assert_eq!(account_class("4"), None);
    }
}
