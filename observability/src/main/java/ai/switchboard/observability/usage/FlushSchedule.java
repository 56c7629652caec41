package ai.switchboard.observability.usage;

/**
 * When the usage writer writes the batch in hand: at once when it is full or the recorder is stopping, otherwise once
 * the flush interval has passed since the last write. A record therefore waits at most one interval plus one write,
 * which bounds what a crash can lose to about {@code interval x request rate} records. Pure and clock-free, so the
 * rule is tested with any times.
 *
 * @param batchSize records per write
 * @param intervalNanos the longest a partial batch waits
 */
record FlushSchedule(int batchSize, long intervalNanos) {

    FlushSchedule {
        if (batchSize < 1 || intervalNanos <= 0) {
            throw new IllegalArgumentException("batchSize and intervalNanos must be positive");
        }
    }

    /** Whether a batch of {@code inHand} records is written now, {@code sinceLastWrite} after the last write. */
    boolean due(int inHand, long sinceLastWrite, boolean stopping) {
        if (inHand == 0) {
            return false;
        }
        return inHand >= batchSize || stopping || sinceLastWrite >= intervalNanos;
    }

    /**
     * How long the writer may sleep when nothing is due: until the interval is up for a partial batch, a whole
     * interval when it holds nothing (a full batch arriving meanwhile wakes it early).
     */
    long sleepNanos(int inHand, long sinceLastWrite) {
        if (inHand == 0) {
            return intervalNanos;
        }
        return Math.max(1, intervalNanos - sinceLastWrite);
    }
}
