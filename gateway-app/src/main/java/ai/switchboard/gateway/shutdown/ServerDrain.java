package ai.switchboard.gateway.shutdown;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the HTTP server is in its shutdown, as {@link DrainFilter} sees it. While SERVING nothing is counted. Once
 * shutdown begins (DRAINING) requests are still served, HTTP/1.1 connections are closed after their current
 * response, and the requests that began meanwhile are counted, so that the gateway can wait for them: the web
 * server's own graceful shutdown waits only for the requests in flight when it began, while a keep-alive connection
 * busy at that moment may carry one more. Once CLOSED, new requests are refused and the last counted ones are awaited;
 * only then does the usage ledger flush, so no answered request misses it.
 */
public final class ServerDrain {

    enum State { SERVING, DRAINING, CLOSED }

    private volatile State state = State.SERVING;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicReference<Runnable> whenIdle = new AtomicReference<>();

    /** True until shutdown begins: the one check the request path pays in normal operation. */
    boolean serving() {
        return state == State.SERVING;
    }

    /**
     * Serving again, after a stop that was not the end: a context can be stopped and started without being closed
     * (Spring's test context cache pauses the contexts it is not using).
     */
    void resume() {
        whenIdle.set(null);
        state = State.SERVING;
    }

    /** Shutdown began: keep serving, close connections after their response, count requests. */
    void begin() {
        if (state == State.SERVING) {
            state = State.DRAINING;
        }
    }

    /**
     * Counts a request in, unless the server is closed. Counted before the state is read, so that {@link #close}
     * either sees this request in flight or this request sees the server closed.
     */
    boolean enter() {
        inFlight.incrementAndGet();
        if (state == State.CLOSED) {
            exit();
            return false;
        }
        return true;
    }

    /** A request counted by {@link #enter} has ended, however it ended. */
    void exit() {
        if (inFlight.decrementAndGet() == 0) {
            runIdleCallback();
        }
    }

    /** Refuses new requests from now on and runs {@code callback} once none counted is in flight any more. */
    void close(Runnable callback) {
        state = State.CLOSED;
        whenIdle.set(callback);
        if (inFlight.get() == 0) {
            runIdleCallback();
        }
    }

    /** Requests counted and still running (only counted since shutdown began). */
    int inFlight() {
        return inFlight.get();
    }

    private void runIdleCallback() {
        Runnable callback = whenIdle.getAndSet(null);
        if (callback != null) {
            callback.run();
        }
    }
}
