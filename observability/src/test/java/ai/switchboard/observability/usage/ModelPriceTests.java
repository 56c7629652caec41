package ai.switchboard.observability.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ModelPriceTests {

    private static final ModelPrice MINI = ModelPrice.of(new BigDecimal("0.150000"), new BigDecimal("0.600000"));

    @Test
    void costIsExactForKnownTokenCounts() {
        // 1234 x 0.15 / 1e6 + 567 x 0.6 / 1e6 = 0.0001851 + 0.0003402
        assertThat(MINI.cost(1234, 567, 0)).isEqualByComparingTo("0.0005253");
        assertThat(MINI.cost(1, 0, 0)).isEqualByComparingTo("0.00000015");
        assertThat(MINI.cost(0, 0, 0)).isEqualByComparingTo("0");
        assertThat(MINI.cost(1_000_000, 1_000_000, 0)).isEqualByComparingTo("0.75");
    }

    @Test
    void keepsEveryDigitOfSixDecimalPrices() {
        ModelPrice odd = ModelPrice.of(new BigDecimal("2.123457"), new BigDecimal("9.999999"));
        assertThat(odd.cost(3, 7, 0)).isEqualTo(new BigDecimal("0.000076370364"));
    }

    @Test
    void cachedTokensArePricedAsInputUnlessACachedPriceExists() {
        assertThat(MINI.cost(1000, 0, 400)).isEqualByComparingTo(MINI.cost(1000, 0, 0));
        ModelPrice discounted = new ModelPrice(new BigDecimal("1.25"), new BigDecimal("10"), new BigDecimal("0.125"));
        // 600 uncached x 1.25 + 400 cached x 0.125, per million
        assertThat(discounted.cost(1000, 0, 400)).isEqualByComparingTo("0.0008");
        // cached is a subset of input: more cached than input is capped, never negative
        assertThat(discounted.cost(100, 0, 400)).isEqualByComparingTo("0.0000125");
    }

    @Test
    void unknownPriceGivesUnknownCostButZeroTokensNeedNoPrice() {
        ModelPrice outputOnly = ModelPrice.of(null, new BigDecimal("1"));
        assertThat(outputOnly.cost(10, 5, 0)).isNull();
        assertThat(outputOnly.cost(0, 5, 0)).isEqualByComparingTo("0.000005");
        assertThat(ModelPrice.unknown().cost(0, 0, 0)).isEqualByComparingTo("0");
        assertThat(ModelPrice.unknown().cost(1, 0, 0)).isNull();
    }

    @Test
    void rejectsNegativePricesAndCounts() {
        assertThatThrownBy(() -> ModelPrice.of(new BigDecimal("-1"), BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MINI.cost(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
