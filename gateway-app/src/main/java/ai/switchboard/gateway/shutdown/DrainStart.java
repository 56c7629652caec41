package ai.switchboard.gateway.shutdown;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * Begins the drain as shutdown starts, just before the web server's graceful shutdown closes its listener and idle
 * connections: from here every response closes its connection, and requests that still arrive are counted.
 */
final class DrainStart implements SmartLifecycle {

    /** One above the web server's graceful shutdown: a higher phase stops first. */
    static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;

    private final ServerDrain drain;
    private volatile boolean running;

    DrainStart(ServerDrain drain) {
        this.drain = drain;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        drain.begin();
        running = false;
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
