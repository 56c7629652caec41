package ai.switchboard.gateway.ratelimit;

/**
 * Where replicas lease slices of a window's allowance. Blocking: called only on the limiter's lease threads, never
 * on the event loop.
 */
public interface LeaseStore {

    /**
     * Grants up to {@code want} of the {@code limit} of {@code counter}'s window, atomically across replicas.
     *
     * @return what was granted (0 when the window is used up) and the window's total granted after it
     */
    Grant lease(String counter, long windowStart, long want, long limit);

    /** Gives back allowance this replica leased and will not spend (on shutdown). */
    void giveBack(String counter, long windowStart, long amount);

    /** Deletes the counters of windows that started before {@code windowStart}. */
    void forgetBefore(long windowStart);

    /** A lease's result: granted now, and granted in all (by every replica) in the window. */
    record Grant(long granted, long total) {
    }
}
