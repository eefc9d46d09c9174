//! Comparing a stated figure with the one computed from its parts: shared by the
//! model (a form's stated arithmetic) and the rules.

use rust_decimal::prelude::*;

/// Whether `stated`, written with `decimals` digits after the mark, equals
/// `computed` at that precision (`99` for 98,99 %; `43,89` for 43,891 %). Rounding
/// half up and half to even are both accepted, as offices use either. A figure
/// with many decimals (a formula's cached value) may differ in its last digit.
pub fn agrees(stated: Decimal, decimals: u32, computed: Decimal) -> bool {
    let dp = decimals.min(20);
    let up = computed.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    let even = computed.round_dp_with_strategy(dp, RoundingStrategy::MidpointNearestEven);
    if stated == up || stated == even {
        return true;
    }
    dp >= 6 && (stated - computed).abs() <= Decimal::new(1, dp - 1)
}

/// Whether a spreadsheet's floating-point result equals `computed`: Excel keeps 15
/// significant digits, and a sum of such results carries the noise of each, so
/// they agree within ten units of the 15th significant digit (`100` against
/// 100.0000000000001, `81.6666666666667` against 81.6666666666666).
pub fn agrees_as_float(stated: Decimal, computed: Decimal) -> bool {
    if stated == computed {
        return true;
    }
    let magnitude = stated.abs().max(computed.abs());
    if magnitude.is_zero() {
        return true;
    }
    // 10^(e − 13), e the exponent of the larger figure's leading digit.
    let digits = magnitude.trunc().to_string().trim_start_matches('0').len() as i64;
    let e = if digits > 0 {
        digits - 1
    } else {
        // Below one: count the zeros after the mark.
        let frac = magnitude.normalize().to_string();
        let zeros = frac
            .split('.')
            .nth(1)
            .map_or(0, |f| f.chars().take_while(|&c| c == '0').count());
        -(zeros as i64) - 1
    };
    let exp = e - 13;
    let tolerance = if exp >= 0 {
        Decimal::from(10i64.pow(exp.min(18) as u32))
    } else {
        Decimal::new(1, (-exp).min(28) as u32)
    };
    (stated - computed).abs() <= tolerance
}

/// `computed` rounded as the stated figure is written, for the expected value.
pub fn at_precision(computed: Decimal, decimals: u32) -> Decimal {
    computed
        .round_dp_with_strategy(decimals.min(20), RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn precision_as_written() {
        assert!(agrees(dec!(99), 0, dec!(98.987)));
        assert!(agrees(dec!(43.89), 2, dec!(43.891402714)));
        assert!(!agrees(dec!(43.9), 2, dec!(43.891402714)));
        assert!(agrees(dec!(100.00), 2, dec!(99.999)));
        assert!(agrees(dec!(94), 0, dec!(94.5)) || agrees(dec!(95), 0, dec!(94.5)));
        assert!(agrees(
            dec!(98.9875666074600),
            13,
            dec!(98.98756660746003552397868)
        ));
        assert!(!agrees(dec!(95), 0, dec!(93.85)));
        assert_eq!(at_precision(dec!(43.891402714), 2), dec!(43.89));
    }

    #[test]
    fn a_spreadsheet_float_agrees_at_fifteen_digits() {
        assert!(agrees_as_float(
            dec!(174.857142857143),
            dec!(174.8571428571429)
        ));
        assert!(agrees_as_float(dec!(100), dec!(100.0000000000001)));
        assert!(agrees_as_float(
            dec!(81.6666666666667),
            dec!(81.6666666666666)
        ));
        assert!(agrees_as_float(
            dec!(0.149872448979592),
            dec!(0.1498724489795918)
        ));
        assert!(!agrees_as_float(dec!(100), dec!(100.01)));
        assert!(!agrees_as_float(dec!(1938579751), dec!(1938579752)));
        assert!(!agrees_as_float(dec!(0), dec!(35)));
    }
}
