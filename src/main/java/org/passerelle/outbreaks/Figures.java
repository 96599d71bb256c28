package org.passerelle.outbreaks;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rates as the figures show them: percent with two decimals, rounded half up. */
final class Figures {

    private Figures() {}

    static double percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100L)
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
