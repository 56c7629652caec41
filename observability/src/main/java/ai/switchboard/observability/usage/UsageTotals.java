package ai.switchboard.observability.usage;

import java.math.BigDecimal;

/**
 * Usage totals of one group (or of the whole range).
 *
 * @param group the group's value (model, route, key id, provider or UTC day), {@code null} for rows without one
 * @param label a readable name where the group is an id (the key prefix), else {@code null}
 * @param costUsd the exact sum of known costs; requests with an unknown price add nothing
 * @param errors requests that ended with an error type
 * @param latencyP50Millis median latency (continuous percentile)
 * @param latencyP95Millis 95th percentile latency (continuous percentile)
 */
public record UsageTotals(
        String group,
        String label,
        long requests,
        long inputTokens,
        long outputTokens,
        long cachedTokens,
        BigDecimal costUsd,
        long errors,
        double latencyP50Millis,
        double latencyP95Millis) {
}
