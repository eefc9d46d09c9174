//! How the budget rules write money and names in their messages.

use crate::model::Figure;
use crate::words;
use rust_decimal::Decimal;

/// Indonesian: `6.796.834.585`, `93,5`.
pub fn id_num(v: Decimal) -> String {
    let n = v.normalize();
    words::group_thousands(n, n.scale().min(10))
}

/// English: `6,796,834,585`, `93.5`.
pub fn en_num(v: Decimal) -> String {
    swap_marks(&id_num(v))
}

pub fn id_dec(v: Decimal, decimals: u32) -> String {
    words::group_thousands(v, decimals)
}

pub fn en_dec(v: Decimal, decimals: u32) -> String {
    swap_marks(&id_dec(v, decimals))
}

/// Indonesian marks to English ones: `1.234,5` → `1,234.5`.
pub fn swap_marks(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '.' => ',',
            ',' => '.',
            c => c,
        })
        .collect()
}

/// Plain machine form: `65000000`, `93.32`.
pub fn plain(v: Decimal) -> String {
    v.normalize().to_string()
}

/// A long name shortened for a message.
pub fn short(name: &str) -> String {
    let n: Vec<char> = name.chars().collect();
    if n.len() <= 70 {
        name.to_string()
    } else {
        format!("{}…", n[..67].iter().collect::<String>().trim_end())
    }
}

/// The value a figure was read as.
pub fn value(f: &Option<Figure>) -> Option<Decimal> {
    f.as_ref().and_then(|f| f.value)
}

pub use crate::check::sum_tree::close;

/// Both known and equal, or one known: the value they agree on.
pub fn agree(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    match (a, b) {
        (Some(x), Some(y)) if x == y => Some(x),
        (Some(_), Some(_)) => None,
        (x, y) => x.or(y),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn number_formats() {
        assert_eq!(id_num(dec!(6796834585)), "6.796.834.585");
        assert_eq!(en_num(dec!(6796834585)), "6,796,834,585");
        assert_eq!(id_num(dec!(50000000.00)), "50.000.000");
        assert_eq!(en_dec(dec!(81.7518), 2), "81.75");
        assert_eq!(short("x"), "x");
    }
}
