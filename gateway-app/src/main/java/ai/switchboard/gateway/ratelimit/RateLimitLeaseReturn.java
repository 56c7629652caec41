package ai.switchboard.gateway.ratelimit;

import ai.switchboard.observability.usage.BatchingUsageRecorder;
import org.springframework.context.SmartLifecycle;

/**
 * On shutdown, once the last requests have finished (after the server's drain) and while the database pool is still
 * open, gives back the allowance this replica leased and did not spend, so the other replicas can use it in the
 * current window.
 */
final class RateLimitLeaseReturn implements SmartLifecycle {

    /** Just before the usage ledger's last flush, after the drain that ends the last requests. */
    static final int PHASE = BatchingUsageRecorder.PHASE + 1;

    private final SharedRateLimiter limiter;
    private volatile boolean running;

    RateLimitLeaseReturn(SharedRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        if (running) {
            running = false;
            limiter.giveBackUnused();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
