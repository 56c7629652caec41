package ai.switchboard.gateway.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Budgets count in nano-dollars (10⁻⁹ USD) as {@code long}s, so the request path spends with one atomic add: a
 * million-token request at a cent per million is 10⁷ of them, and the largest limit ($10⁹) 10¹⁸, within a long.
 */
final class Nanos {

    private Nanos() {
    }

    /** An amount to reserve or charge: rounded up, so rounding never lets a budget overspend. */
    static long ofUsd(BigDecimal usd) {
        return usd == null ? 0 : usd.movePointRight(9).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** An amount the database holds (nine decimals, exact). */
    static long ofUsdFloor(BigDecimal usd) {
        return usd == null ? 0 : usd.movePointRight(9).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    static BigDecimal toUsd(long nanos) {
        return BigDecimal.valueOf(nanos, 9);
    }
}
