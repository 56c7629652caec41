package ai.switchboard.gateway.netty;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A Reactor timer for the request path's timeouts that arms them on the Netty event loop of the calling thread.
 *
 * <p>Every request arms at least two timeouts (attempt and request) and a stream re-arms one per chunk. On Reactor's
 * parallel scheduler each arm and cancel takes the lock of a {@code ScheduledThreadPoolExecutor} and often wakes one
 * of its threads, only for the timer to be cancelled a millisecond later: at concurrency 1 that was about a fifth of
 * the gateway's CPU (futex wake-ups and context switches, bench profile). An event loop keeps its timers in a queue
 * only it touches: arming from the loop is a heap insert, and a cancel from another thread is queued without waking
 * it. Calls from threads that are not event loops (tests, the registry's scheduler) use the parallel scheduler.
 */
public final class EventLoopTimer implements Scheduler {

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        if (loop == null || loop.isShuttingDown()) {
            return Schedulers.parallel().schedule(task, delay, unit);
        }
        return new Armed(loop.schedule(task, delay, unit));
    }

    /**
     * Monotonic time, which the request path measures its deadlines with; Reactor's default is the wall clock, which
     * steps when the system clock is adjusted.
     */
    @Override
    public long now(TimeUnit unit) {
        return unit.convert(System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public Disposable schedule(Runnable task) {
        return Schedulers.parallel().schedule(task);
    }

    @Override
    public Worker createWorker() {
        return Schedulers.parallel().createWorker();
    }

    private record Armed(Future<?> future) implements Disposable {

        @Override
        public void dispose() {
            future.cancel(false);
        }

        @Override
        public boolean isDisposed() {
            return future.isDone();
        }
    }
}
