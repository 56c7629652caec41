package ai.switchboard.gateway.ratelimit;

import java.util.concurrent.CompletableFuture;

/**
 * The answer to one request for allowance: taken, refused (with when to retry), or wait for the lease in flight and
 * ask again.
 */
final class Take {

    enum Status { TAKEN, REFUSED, TOO_LARGE, STORE_UNAVAILABLE, WAIT }

    final Status status;
    final LimitCounter counter;
    final LimitWindow window;
    final long amount;
    final long limit;
    final long remaining;
    /** Milliseconds until the window resets, or (refused because the store is down) until it is asked again. */
    final long resetMillis;
    final CompletableFuture<Void> lease;

    private Take(Status status, LimitCounter counter, LimitWindow window, long amount, long limit, long remaining,
            long resetMillis, CompletableFuture<Void> lease) {
        this.status = status;
        this.counter = counter;
        this.window = window;
        this.amount = amount;
        this.limit = limit;
        this.remaining = remaining;
        this.resetMillis = resetMillis;
        this.lease = lease;
    }

    static Take taken(LimitCounter counter, LimitWindow window, long amount, long limit, long resetMillis) {
        return new Take(Status.TAKEN, counter, window, amount, limit, window.remaining(limit), resetMillis, null);
    }

    static Take refused(Status why, LimitCounter counter, LimitWindow window, long amount, long limit,
            long resetMillis) {
        return new Take(why, counter, window, amount, limit, window.remaining(limit), resetMillis, null);
    }

    static Take waitFor(CompletableFuture<Void> lease, LimitCounter counter, LimitWindow window, long amount,
            long limit, long resetMillis) {
        return new Take(Status.WAIT, counter, window, amount, limit, 0, resetMillis, lease);
    }
}
