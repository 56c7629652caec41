package ai.switchboard.observability.usage;

/**
 * Takes usage records from the request path. Implementations never block and never throw: a record that cannot be
 * kept is counted as dropped, and the request goes on.
 */
@FunctionalInterface
public interface UsageRecorder {

    /** Hands over one record; returns {@code false} when it was dropped (queue full or recorder stopped). */
    boolean record(UsageRecord record);

    /** A recorder that keeps nothing, for tests and for gateways run without a ledger. */
    static UsageRecorder discarding() {
        return record -> false;
    }
}
