package ai.switchboard.bench.driver;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Everything the driver records, in microseconds. Latency and time to first byte or token are measured from the
 * request's intended start: in open loop that is its slot in the schedule, so a stalled server is charged for the
 * requests it delayed (no coordinated omission); in closed loop it is the moment the request is issued.
 */
final class RequestTimings {

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    final Histogram latency = new ConcurrentHistogram(MAX_MICROS, 3);
    final Histogram firstByte = new ConcurrentHistogram(MAX_MICROS, 3);
    final Histogram firstToken = new ConcurrentHistogram(MAX_MICROS, 3);
    final Histogram tokenGap = new ConcurrentHistogram(MAX_MICROS, 3);
    final LongAdder completed = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder contentEvents = new LongAdder();
    final LongAdder reads = new LongAdder();
    /** Reads that delivered two or more content events: with a paced upstream, each one is a batched chunk. */
    final LongAdder batchedReads = new LongAdder();

    void reset() {
        latency.reset();
        firstByte.reset();
        firstToken.reset();
        tokenGap.reset();
        completed.reset();
        errors.reset();
        contentEvents.reset();
        reads.reset();
        batchedReads.reset();
    }

    /** One response in flight; fed its body buffers in order on one event loop. */
    final class Exchange {

        private final long start;
        private final ContentEventScanner scanner = new ContentEventScanner();
        private long firstByteAt;
        private long lastTokenAt;

        Exchange(long start) {
            this.start = start;
        }

        void onRead(ByteBuf buffer) {
            long now = System.nanoTime();
            reads.increment();
            if (firstByteAt == 0) {
                firstByteAt = now;
                firstByte.recordValue(micros(now - start));
            }
            int events = scanner.scan(buffer);
            if (events == 0) {
                return;
            }
            contentEvents.add(events);
            if (events > 1) {
                batchedReads.increment();
            }
            if (lastTokenAt == 0) {
                firstToken.recordValue(micros(now - start));
            } else {
                tokenGap.recordValue(micros(now - lastTokenAt));
            }
            // Events that came in the same read arrived together: their gaps are zero.
            for (int i = 1; i < events; i++) {
                tokenGap.recordValue(0);
            }
            lastTokenAt = now;
        }

        void onComplete() {
            latency.recordValue(micros(System.nanoTime() - start));
            completed.increment();
        }
    }

    private static long micros(long nanos) {
        return Math.min(MAX_MICROS, Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }
}
