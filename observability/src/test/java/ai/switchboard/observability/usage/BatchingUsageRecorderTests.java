package ai.switchboard.observability.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.switchboard.observability.GenAiConventions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BatchingUsageRecorderTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<LedgerRow> written = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile Duration slowness = Duration.ZERO;

    private final UsageSink sink = batch -> {
        if (down.get()) {
            Thread.sleep(slowness.toMillis());
            throw new IllegalStateException("database down");
        }
        batchSizes.add(batch.size());
        written.addAll(batch);
    };

    private BatchingUsageRecorder recorder(int capacity, int batchSize, Duration flushInterval) {
        UsageLedgerProperties properties = new UsageLedgerProperties();
        properties.setQueueCapacity(capacity);
        properties.setBatchSize(batchSize);
        properties.setFlushInterval(flushInterval);
        properties.setMaxRetryBackoff(Duration.ofMillis(50));
        properties.setShutdownTimeout(Duration.ofMillis(500));
        return new BatchingUsageRecorder(sink, properties, meters);
    }

    @Test
    void writesFullBatchesAtOnceAndPartialOnesAfterTheInterval() {
        BatchingUsageRecorder recorder = recorder(1000, 10, Duration.ofMillis(200));
        recorder.start();
        try {
            for (int i = 0; i < 25; i++) {
                assertThat(recorder.record(UsageRecords.sample("req-" + i, Instant.now()))).isTrue();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 25);
            assertThat(batchSizes).startsWith(10, 10).endsWith(5);
            assertThat(written).extracting(row -> row.record().requestId()).doesNotHaveDuplicates();
            assertThat(meters.get(GenAiConventions.USAGE_BATCHES).tag("outcome", "written").counter().count())
                    .isEqualTo(batchSizes.size());
            assertThat(meters.get(GenAiConventions.USAGE_QUEUE_DEPTH).gauge().value()).isZero();
        } finally {
            recorder.stop();
        }
    }

    @Test
    void keepsRecordsWhileTheSinkFailsAndDropsAndCountsWhenFull() {
        down.set(true);
        slowness = Duration.ofMillis(400);
        BatchingUsageRecorder recorder = recorder(50, 10, Duration.ofMillis(20));
        recorder.start();
        try {
            int accepted = 0;
            long start = System.nanoTime();
            for (int i = 0; i < 80; i++) {
                if (recorder.record(UsageRecords.sample("req-" + i, Instant.now()))) {
                    accepted++;
                }
            }
            // A slow, failing database (each write hangs 400 ms) never holds up record().
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
            assertThat(accepted).isEqualTo(50);
            assertThat(meters.get(GenAiConventions.USAGE_RECORDS_DROPPED).tag("reason", "queue_full").counter()
                    .count()).isEqualTo(30);
            assertThat(meters.get(GenAiConventions.USAGE_QUEUE_DEPTH).gauge().value()).isEqualTo(50);
            await().atMost(Duration.ofSeconds(5)).until(() -> meters.get(GenAiConventions.USAGE_BATCHES)
                    .tag("outcome", "failed").counter().count() >= 2);

            slowness = Duration.ZERO;
            down.set(false);
            await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 50);
            assertThat(written).extracting(row -> row.record().requestId()).doesNotHaveDuplicates();
            assertThat(meters.get(GenAiConventions.USAGE_RECORDS_WRITTEN).counter().count()).isEqualTo(50);
        } finally {
            recorder.stop();
        }
    }

    @Test
    void stopFlushesTheQueueBeforeTheIntervalAndRefusesLaterRecords() {
        BatchingUsageRecorder recorder = recorder(1000, 500, Duration.ofHours(1));
        recorder.start();
        for (int i = 0; i < 7; i++) {
            recorder.record(UsageRecords.sample("req-" + i, Instant.now()));
        }
        recorder.stop();

        assertThat(written).hasSize(7);
        assertThat(recorder.isRunning()).isFalse();
        assertThat(recorder.record(UsageRecords.sample("late", Instant.now()))).isFalse();
        assertThat(meters.get(GenAiConventions.USAGE_RECORDS_DROPPED).tag("reason", "stopped").counter().count())
                .isEqualTo(1);
    }

    @Test
    void stopGivesUpAfterTheShutdownTimeoutAndCountsTheLoss() {
        down.set(true);
        BatchingUsageRecorder recorder = recorder(1000, 500, Duration.ofHours(1));
        recorder.start();
        for (int i = 0; i < 12; i++) {
            recorder.record(UsageRecords.sample("req-" + i, Instant.now()));
        }
        long start = System.nanoTime();
        recorder.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(meters.get(GenAiConventions.USAGE_RECORDS_DROPPED).tag("reason", "shutdown_timeout").counter()
                .count()).isEqualTo(12);
        assertThat(recorder.backlog()).isZero();
    }
}
