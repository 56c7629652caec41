package ai.switchboard.observability.usage;

import ai.switchboard.observability.GenAiConventions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The usage ledger's writer: {@link #record} puts a record on a bounded lock-free queue and returns at once; one
 * dedicated thread drains it into batches and hands them to a {@link UsageSink}, when a batch is full or the flush
 * interval has passed, so a record waits at most about one interval plus one write (the most a crash can lose).
 * While the sink fails (database slow or down) the batch is retried with backoff and new records wait in the queue;
 * once {@code capacity} records are waiting, new ones are dropped and counted.
 *
 * <p>On stop the recorder refuses new records and writes out every record it accepted, for at most the shutdown
 * timeout. Whatever is not written by then, and any record offered after stop, is counted in
 * {@code switchboard.usage.records.dropped} and logged with its number: nothing is lost silently.
 *
 * <p>The queue is a {@link ConcurrentLinkedQueue} bounded by a counter rather than a blocking queue, so the request
 * path never takes a lock that could park an event-loop thread.
 */
public final class BatchingUsageRecorder implements UsageRecorder, SmartLifecycle {

    /**
     * Stops after the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}) and its stop
     * ({@code DEFAULT_PHASE - 2048}), so the records of the last in-flight requests are in the queue when it is
     * flushed; the DataSource closes later still, with the bean factory.
     */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 8192;

    private static final Logger log = LoggerFactory.getLogger(BatchingUsageRecorder.class);

    private final UsageSink sink;
    private final int capacity;
    private final int batchSize;
    private final long flushIntervalNanos;
    private final FlushSchedule schedule;
    private final long maxBackoffNanos;
    private final Duration shutdownTimeout;

    private final ConcurrentLinkedQueue<UsageRecord> queue = new ConcurrentLinkedQueue<>();
    /** Records accepted and not yet written or dropped: the queue plus the batch in hand. */
    private final AtomicInteger backlog = new AtomicInteger();
    private final Counter droppedFull;
    private final Counter droppedStopped;
    private final Counter droppedShutdown;
    private final Counter batchesWritten;
    private final Counter batchesFailed;
    private final Counter recordsWritten;

    private volatile boolean accepting = true;
    private volatile boolean stopping;
    /** Set when stop gave up waiting for a writer stuck in the sink, which has then counted its records as lost. */
    private volatile boolean abandoned;
    private volatile Thread writer;

    public BatchingUsageRecorder(UsageSink sink, UsageLedgerProperties properties, MeterRegistry meters) {
        this.sink = sink;
        this.capacity = properties.getQueueCapacity();
        this.batchSize = properties.getBatchSize();
        this.flushIntervalNanos = properties.getFlushInterval().toNanos();
        this.schedule = new FlushSchedule(batchSize, flushIntervalNanos);
        this.maxBackoffNanos = properties.getMaxRetryBackoff().toNanos();
        this.shutdownTimeout = properties.getShutdownTimeout();
        Gauge.builder(GenAiConventions.USAGE_QUEUE_DEPTH, backlog, AtomicInteger::get)
                .description("Usage records accepted and not yet written to the ledger")
                .register(meters);
        this.droppedFull = dropped(meters, "queue_full");
        this.droppedStopped = dropped(meters, "stopped");
        this.droppedShutdown = dropped(meters, "shutdown_timeout");
        this.batchesWritten = batches(meters, "written");
        this.batchesFailed = batches(meters, "failed");
        this.recordsWritten = Counter.builder(GenAiConventions.USAGE_RECORDS_WRITTEN)
                .description("Usage records written to the ledger")
                .register(meters);
    }

    @Override
    public boolean record(UsageRecord record) {
        try {
            if (record == null) {
                return false;
            }
            // Counted before the door is checked: once stop closes the door, the writer waits for the backlog to
            // reach zero, so a record that got in is written and one that did not is counted as late.
            int depth = backlog.incrementAndGet();
            if (!accepting) {
                backlog.decrementAndGet();
                late(record);
                return false;
            }
            if (depth > capacity) {
                backlog.decrementAndGet();
                droppedFull.increment();
                return false;
            }
            queue.offer(record);
            if (depth % batchSize == 0) {
                // A full batch is waiting: wake the writer instead of letting it sleep out the interval.
                Thread current = writer;
                if (current != null) {
                    LockSupport.unpark(current);
                }
            }
            return true;
        } catch (RuntimeException unexpected) {
            // The request path must never fail because of bookkeeping.
            droppedFull.increment();
            return false;
        }
    }

    /** Records accepted and not yet written (the queue-depth gauge). */
    public int backlog() {
        return backlog.get();
    }

    @Override
    public synchronized void start() {
        if (writer != null) {
            return;
        }
        accepting = true;
        stopping = false;
        abandoned = false;
        Thread thread = new Thread(this::drainLoop, "usage-writer");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    @Override
    public synchronized void stop() {
        Thread thread = writer;
        if (thread == null) {
            return;
        }
        accepting = false;
        stopping = true;
        LockSupport.unpark(thread);
        try {
            // The writer gives up on its own after the timeout; the extra second covers one last sink call.
            thread.join(shutdownTimeout.toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            // Stuck in the sink (a database that neither answers nor refuses): what it holds will not be written.
            abandoned = true;
            thread.interrupt();
            int lost = backlog.getAndSet(0);
            droppedShutdown.increment(lost);
            log.error("Shutdown timeout: the usage ledger writer is stuck in a database call; {} usage records are"
                    + " lost", lost);
        }
        writer = null;
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void drainLoop() {
        List<LedgerRow> batch = new ArrayList<>(batchSize);
        long lastFlush = System.nanoTime();
        long backoff = 0;
        long shutdownDeadline = Long.MAX_VALUE;
        long writtenAtStop = 0;
        while (!abandoned) {
            fill(batch);
            boolean stop = stopping;
            if (stop && shutdownDeadline == Long.MAX_VALUE) {
                shutdownDeadline = System.nanoTime() + shutdownTimeout.toNanos();
                writtenAtStop = (long) recordsWritten.count();
            }
            long now = System.nanoTime();
            if (schedule.due(batch.size(), now - lastFlush, stop)) {
                if (write(batch)) {
                    batch.clear();
                    backoff = 0;
                    lastFlush = System.nanoTime();
                    if (stop && lastFlush >= shutdownDeadline && backlog.get() > 0) {
                        abandon(batch); // a database too slow for the backlog: stop within the timeout all the same
                        return;
                    }
                    continue;
                }
                if (abandoned) {
                    return;
                }
                if (stop && System.nanoTime() >= shutdownDeadline) {
                    abandon(batch);
                    return;
                }
                backoff = backoff == 0 ? Math.min(flushIntervalNanos, maxBackoffNanos)
                        : Math.min(backoff * 2, maxBackoffNanos);
                LockSupport.parkNanos(this, stop ? Math.min(backoff, shutdownDeadline - System.nanoTime()) : backoff);
                continue;
            }
            if (stop && batch.isEmpty()) {
                if (backlog.get() == 0) {
                    log.info("Usage ledger writer stopped: {} records written since shutdown began, none lost",
                            (long) recordsWritten.count() - writtenAtStop);
                    return;
                }
                // A record() that got in before the door closed is still on its way into the queue.
                Thread.onSpinWait();
                continue;
            }
            LockSupport.parkNanos(this, schedule.sleepNanos(batch.size(), now - lastFlush));
        }
    }

    private void fill(List<LedgerRow> batch) {
        while (batch.size() < batchSize) {
            UsageRecord next = queue.poll();
            if (next == null) {
                return;
            }
            batch.add(new LedgerRow(UUID.randomUUID(), next));
        }
    }

    private boolean write(List<LedgerRow> batch) {
        try {
            sink.write(batch);
            if (abandoned) {
                return true; // stop has already counted these as lost and let the application go
            }
            backlog.addAndGet(-batch.size());
            batchesWritten.increment();
            recordsWritten.increment(batch.size());
            return true;
        } catch (Exception | LinkageError failure) {
            if (abandoned) {
                return false; // interrupted by stop, which has counted these already
            }
            batchesFailed.increment();
            log.warn("Could not write {} usage records ({} waiting); will retry: {}", batch.size(), backlog.get(),
                    failure.toString());
            return false;
        }
    }

    private void abandon(List<LedgerRow> batch) {
        int lost = batch.size();
        batch.clear();
        backlog.addAndGet(-lost);
        // Until the backlog is empty: a record() may still be between counting itself and joining the queue.
        while (backlog.get() > 0) {
            if (queue.poll() != null) {
                backlog.decrementAndGet();
                lost++;
            } else {
                Thread.onSpinWait();
            }
        }
        droppedShutdown.increment(lost);
        log.error("Shutdown timeout: {} usage records could not be written within {} and are lost", lost,
                shutdownTimeout);
    }

    private void late(UsageRecord record) {
        droppedStopped.increment();
        log.warn("The usage record of request {} (status {}) arrived after the ledger writer stopped and is lost"
                + " ({} so far)", record.requestId(), record.status(), (long) droppedStopped.count());
    }

    private static Counter dropped(MeterRegistry meters, String reason) {
        return Counter.builder(GenAiConventions.USAGE_RECORDS_DROPPED)
                .description("Usage records lost before reaching the ledger")
                .tag(GenAiConventions.REASON, reason)
                .register(meters);
    }

    private static Counter batches(MeterRegistry meters, String outcome) {
        return Counter.builder(GenAiConventions.USAGE_BATCHES)
                .description("Usage ledger batch writes")
                .tag(GenAiConventions.OUTCOME, outcome)
                .register(meters);
    }
}
