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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class BatchingUsageRecorderTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<LedgerRow> written = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean down = new AtomicBoolean();
    /** While down, a write first waits here (a database that hangs), then fails. */
    private volatile CountDownLatch hang = new CountDownLatch(0);
    private final CountDownLatch enteredSink = new CountDownLatch(1);

    private final UsageSink sink = batch -> {
        enteredSink.countDown();
        if (down.get()) {
            hang.await();
            throw new IllegalStateException("database down");
        }
        batchSizes.add(batch.size());
        written.addAll(batch);
    };

    private BatchingUsageRecorder recorder(int capacity, int batchSize, Duration flushInterval) {
        return recorder(capacity, batchSize, flushInterval, Duration.ofMillis(500));
    }

    private BatchingUsageRecorder recorder(int capacity, int batchSize, Duration flushInterval,
            Duration shutdownTimeout) {
        UsageLedgerProperties properties = new UsageLedgerProperties();
        properties.setQueueCapacity(capacity);
        properties.setBatchSize(batchSize);
        properties.setFlushInterval(flushInterval);
        properties.setMaxRetryBackoff(Duration.ofMillis(50));
        properties.setShutdownTimeout(shutdownTimeout);
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
    void keepsRecordsWhileTheSinkFailsAndDropsAndCountsWhenFull() throws Exception {
        down.set(true);
        hang = new CountDownLatch(1);
        BatchingUsageRecorder recorder = recorder(50, 10, Duration.ofMillis(20));
        recorder.start();
        try {
            assertThat(recorder.record(UsageRecords.sample("req-0", Instant.now()))).isTrue();
            assertThat(enteredSink.await(10, TimeUnit.SECONDS)).isTrue();
            int accepted = 1;
            // The writer hangs in the database: record() still returns every time (a blocked call would hang here).
            for (int i = 1; i < 80; i++) {
                if (recorder.record(UsageRecords.sample("req-" + i, Instant.now()))) {
                    accepted++;
                }
            }
            assertThat(accepted).isEqualTo(50);
            assertThat(meters.get(GenAiConventions.USAGE_RECORDS_DROPPED).tag("reason", "queue_full").counter()
                    .count()).isEqualTo(30);
            assertThat(meters.get(GenAiConventions.USAGE_QUEUE_DEPTH).gauge().value()).isEqualTo(50);
            hang.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> meters.get(GenAiConventions.USAGE_BATCHES)
                    .tag("outcome", "failed").counter().count() >= 2);

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
    void stopGivesUpAfterTheShutdownTimeoutAndCountsAndLogsTheLoss(CapturedOutput output) {
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
        assertThat(output).contains("12 usage records could not be written within PT0.5S and are lost");
    }

    @Test
    void aRecordOfferedAfterStopIsRefusedCountedAndLoggedWithItsRequest(CapturedOutput output) {
        BatchingUsageRecorder recorder = recorder(1000, 500, Duration.ofHours(1));
        recorder.start();
        recorder.record(UsageRecords.sample("before", Instant.now()));
        recorder.stop();

        assertThat(recorder.record(UsageRecords.sample("too-late", Instant.now()))).isFalse();

        assertThat(written).extracting(row -> row.record().requestId()).containsExactly("before");
        assertThat(meters.get(GenAiConventions.USAGE_RECORDS_DROPPED).tag("reason", "stopped").counter().count())
                .isEqualTo(1);
        assertThat(output).contains("Usage ledger writer stopped: 1 records written since shutdown began, none lost")
                .contains("The usage record of request too-late (status 200) arrived after the ledger writer stopped"
                        + " and is lost (1 so far)");
        assertThat(recorder.backlog()).isZero();
    }

    @Test
    void everyRecordOfferedWhileStoppingIsEitherWrittenOrCountedAsLateNeverStranded() throws Exception {
        BatchingUsageRecorder recorder = recorder(1_000_000, 50, Duration.ofMillis(5), Duration.ofMinutes(1));
        recorder.start();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int producer = t;
            // Each producer records until it is refused once: some of its calls race the stop.
            producers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; ; i++) {
                    String id = producer + "-" + i;
                    if (!recorder.record(UsageRecords.sample(id, Instant.now()))) {
                        refused.incrementAndGet();
                        return;
                    }
                    accepted.add(id);
                    Thread.onSpinWait();
                }
            }));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> written.size() >= 500);
        recorder.stop();
        for (Thread producer : producers) {
            producer.join();
        }

        assertThat(refused).hasValue(4);
        assertThat(written).extracting(row -> row.record().requestId()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(meters.get(GenAiConventions.USAGE_RECORDS_DROPPED).tag("reason", "stopped").counter().count())
                .isEqualTo(4);
        assertThat(recorder.backlog()).isZero();
    }

    @Test
    void aWriterStuckInTheDatabaseIsGivenUpAtTheTimeoutWithItsRecordsCountedAndLogged(CapturedOutput output)
            throws Exception {
        CountDownLatch unstick = new CountDownLatch(1);
        CountDownLatch inSink = new CountDownLatch(1);
        UsageLedgerProperties properties = new UsageLedgerProperties();
        properties.setBatchSize(500);
        properties.setFlushInterval(Duration.ofHours(1));
        properties.setShutdownTimeout(Duration.ofMillis(200));
        BatchingUsageRecorder recorder = new BatchingUsageRecorder(batch -> {
            inSink.countDown();
            unstick.await(); // a database that neither answers nor refuses
        }, properties, meters);
        recorder.start();
        for (int i = 0; i < 9; i++) {
            recorder.record(UsageRecords.sample("req-" + i, Instant.now()));
        }

        recorder.stop();

        assertThat(inSink.getCount()).isZero();
        assertThat(recorder.isRunning()).isFalse();
        assertThat(meters.get(GenAiConventions.USAGE_RECORDS_DROPPED).tag("reason", "shutdown_timeout").counter()
                .count()).isEqualTo(9);
        assertThat(output).contains("the usage ledger writer is stuck in a database call; 9 usage records are lost");
        unstick.countDown();
        assertThat(recorder.backlog()).isZero();
        assertThat(meters.get(GenAiConventions.USAGE_RECORDS_WRITTEN).counter().count()).isZero();
    }
}
