package ai.switchboard.observability.usage;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the response cache did for one request, as the ledger keeps it.
 *
 * @param status {@code hit}, {@code partial} (embeddings: some texts cached), {@code miss} or {@code bypass}
 * @param savedInputTokens on a hit, the prompt tokens the stored answer cost when it was produced; on a partial hit
 *     (embeddings), those of the texts served from the cache; else 0
 * @param savedOutputTokens on a hit, its completion tokens; else 0
 * @param savedCostUsd on a hit or partial hit, what it cost then, or {@code null} when unknown or not a hit
 */
public record CacheUsage(String status, long savedInputTokens, long savedOutputTokens, BigDecimal savedCostUsd) {

    public CacheUsage {
        Objects.requireNonNull(status, "status");
        if (savedInputTokens < 0 || savedOutputTokens < 0) {
            throw new IllegalArgumentException("saved tokens must not be negative");
        }
    }
}
