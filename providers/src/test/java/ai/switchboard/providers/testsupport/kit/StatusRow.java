package ai.switchboard.providers.testsupport.kit;

import ai.switchboard.providers.api.ErrorType;
import java.time.Duration;

/**
 * One row of the status table: what an upstream HTTP status must become.
 *
 * @param upstreamStatus the status the provider answers
 * @param type the expected error type
 * @param retriable whether a retry or fallback may follow
 * @param clientStatus the status the gateway's client sees
 * @param retryAfter the delay the upstream asks for (the kit sends it as {@code Retry-After}), or {@code null}
 */
public record StatusRow(int upstreamStatus, ErrorType type, boolean retriable, int clientStatus,
        Duration retryAfter) {

    public StatusRow {
        if (type.retriable() != retriable) {
            throw new IllegalArgumentException("row " + upstreamStatus + " contradicts " + type + ".retriable()");
        }
    }

    public static StatusRow of(int upstreamStatus, ErrorType type, int clientStatus) {
        return new StatusRow(upstreamStatus, type, type.retriable(), clientStatus, null);
    }

    /** The same row, with the upstream asking callers to wait. */
    public StatusRow withRetryAfter(Duration delay) {
        return new StatusRow(upstreamStatus, type, retriable, clientStatus, delay);
    }

    /** Read by JUnit as the parameterized test's display name. */
    @Override
    public String toString() {
        return upstreamStatus + " -> " + type + (retriable ? " (retriable)" : "") + ", client " + clientStatus
                + (retryAfter == null ? "" : ", retry after " + retryAfter.toSeconds() + " s");
    }
}
