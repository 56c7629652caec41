package ai.switchboard.gateway.shutdown;

import ai.switchboard.observability.usage.BatchingUsageRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Ends the drain after the web server has stopped and before the usage ledger flushes: refuses new requests and
 * waits (within {@code spring.lifecycle.timeout-per-shutdown-phase}) for the requests that began after shutdown
 * started, so their usage records are queued before the ledger's last write.
 */
final class DrainEnd implements SmartLifecycle {

    /** After the web server's stop ({@code DEFAULT_PHASE - 2048}), before the ledger's flush: lower stops later. */
    static final int PHASE = BatchingUsageRecorder.PHASE + 4096;

    private static final Logger log = LoggerFactory.getLogger(DrainEnd.class);

    private final ServerDrain drain;
    private volatile boolean running;

    DrainEnd(ServerDrain drain) {
        this.drain = drain;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop(Runnable callback) {
        int inFlight = drain.inFlight();
        if (inFlight > 0) {
            log.info("Waiting for {} requests that began after shutdown started", inFlight);
        }
        drain.close(() -> {
            running = false;
            callback.run();
        });
    }

    /** Closes without waiting: the lifecycle processor calls {@link #stop(Runnable)}, bounding the wait itself. */
    @Override
    public void stop() {
        stop(() -> { });
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
