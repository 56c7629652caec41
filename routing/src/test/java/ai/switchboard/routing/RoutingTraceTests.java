package ai.switchboard.routing;

import static ai.switchboard.routing.testsupport.TestDeployments.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.Usage;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RoutingTraceTests {

    private final RoutingTrace trace = new RoutingTrace("req-1");

    @Test
    void eachConsumedCallIsPricedAtItsOwnModelsPricesAcrossBranches() {
        // A cheap step at $1 per million tokens, then a judge at $30: the judge's price must not apply to the step.
        trace.extraUsage(deployment("cheap", null, new BigDecimal("1")), Usage.of(1_000, 500, 0));
        trace.branch().extraUsage(deployment("judge", null, new BigDecimal("30")), Usage.of(200, 10, 0));

        assertThat(trace.extraPromptTokens()).isEqualTo(1_200);
        assertThat(trace.extraCompletionTokens()).isEqualTo(510);
        assertThat(trace.extraCost()).isEqualByComparingTo("0.0078"); // 1,500 × $1/M + 210 × $30/M
    }

    @Test
    void aCallWithoutAKnownPriceMakesTheExtraCostUnknownRatherThanTooLow() {
        trace.extraUsage(deployment("cheap", null, new BigDecimal("1")), Usage.of(1_000, 500, 0));
        trace.extraUsage(deployment("unpriced"), Usage.of(10, 10, 0));

        assertThat(trace.extraCost()).isNull();
        assertThat(trace.extraPromptTokens()).isEqualTo(1_010);
    }

    @Test
    void nothingConsumedCostsNothing() {
        assertThat(trace.extraCost()).isEqualByComparingTo("0");
    }
}
