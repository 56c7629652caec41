package ai.switchboard.gateway.shutdown;

import ai.switchboard.observability.usage.BatchingUsageRecorder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * One step of the {@link ServerDrain}, run when shutdown reaches its lifecycle phase (a higher phase stops first).
 * The lifecycle processor waits for the step's callback, at most {@code spring.lifecycle.timeout-per-shutdown-phase}.
 */
final class DrainPhase implements SmartLifecycle {

    /** One above the web server's graceful shutdown, which closes the listener and idle connections. */
    static final int BEGIN = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;

    /** After the web server's stop ({@code DEFAULT_PHASE - 2048}), before the usage ledger's flush. */
    static final int END = BatchingUsageRecorder.PHASE + 4096;

    private static final Logger log = LoggerFactory.getLogger(DrainPhase.class);

    private final int phase;
    private final Runnable onStart;
    private final Consumer<Runnable> step;
    private volatile boolean running;

    private DrainPhase(int phase, Runnable onStart, Consumer<Runnable> step) {
        this.phase = phase;
        this.onStart = onStart;
        this.step = step;
    }

    /** From here every response closes its connection, and the requests that still arrive are counted. */
    static DrainPhase beginning(ServerDrain drain) {
        return new DrainPhase(BEGIN, () -> { }, done -> {
            drain.begin();
            done.run();
        });
    }

    /**
     * Refuses new requests and waits for the ones that began after shutdown started, so that their usage records
     * are queued before the ledger's last write. Started before the web server, it is what puts a stopped drain back
     * to serving when the context starts again.
     */
    static DrainPhase ending(ServerDrain drain) {
        return new DrainPhase(END, drain::resume, done -> {
            if (drain.inFlight() > 0) {
                log.info("Waiting for {} requests that began after shutdown started", drain.inFlight());
            }
            drain.close(done);
        });
    }

    @Override
    public void start() {
        onStart.run();
        running = true;
    }

    @Override
    public void stop(Runnable callback) {
        step.accept(() -> {
            running = false;
            callback.run();
        });
    }

    /** Runs the step without waiting for it: the lifecycle processor calls {@link #stop(Runnable)} instead. */
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
        return phase;
    }
}
