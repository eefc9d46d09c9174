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
}
