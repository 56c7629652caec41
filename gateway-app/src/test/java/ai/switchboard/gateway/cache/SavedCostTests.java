package ai.switchboard.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a hit saved: the stored answer's cost, less what finding it cost this request. */
class SavedCostTests {

    private static final CacheRules RULES = new CacheRules(Duration.ofMinutes(5), 1 << 20, false, true);
    private static final CachedAnswer STORED = new CachedAnswer(new byte[] {'{', '}'}, "m", 12, 3,
            new BigDecimal("0.0042"), Long.MAX_VALUE);

    @Test
    void anExactHitSavesTheStoredAnswersCost() {
        assertThat(CacheLookup.hit("k", RULES, STORED).savedCostUsd()).isEqualByComparingTo("0.0042");
    }

    @Test
    void aSemanticHitSavesTheStoredCostLessItsEmbeddingsCall() {
        assertThat(CacheLookup.semanticHit("k", RULES, STORED, new BigDecimal("0.0001")).savedCostUsd())
                .isEqualByComparingTo("0.0041");
    }

    @Test
    void aSemanticHitDearerToFindThanToAskSavesNothingNeverLessThanNothing() {
        assertThat(CacheLookup.semanticHit("k", RULES, STORED, new BigDecimal("0.01")).savedCostUsd())
                .isEqualByComparingTo("0");
    }

    @Test
    void anUnknownEmbeddingsPriceOrStoredCostMakesTheSavingUnknown() {
        assertThat(CacheLookup.semanticHit("k", RULES, STORED, null).savedCostUsd()).isNull();
        CachedAnswer unpriced = new CachedAnswer(new byte[] {'{', '}'}, "m", 12, 3, null, Long.MAX_VALUE);
        assertThat(CacheLookup.semanticHit("k", RULES, unpriced, BigDecimal.ONE).savedCostUsd()).isNull();
    }
}
