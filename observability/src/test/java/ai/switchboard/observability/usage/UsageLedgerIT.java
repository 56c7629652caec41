package ai.switchboard.observability.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.switchboard.observability.GenAiConventions;
import ai.switchboard.registry.testsupport.TcpProxy;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** The batch writer against the real ledger table: exact rows and costs, a cut database, throughput. */
class UsageLedgerIT {

    private static final Logger log = LoggerFactory.getLogger(UsageLedgerIT.class);

    private static HikariDataSource direct;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        direct = LedgerDatabase.pool(null);
        jdbc = new JdbcTemplate(direct);
        jdbc.queryForObject("SELECT usage_ledger_ensure_partitions((now() AT TIME ZONE 'UTC')::date - 1, 3)",
                Integer.class);
    }

    @AfterAll
    static void close() {
        direct.close();
    }

    private static UsageLedgerProperties properties() {
        UsageLedgerProperties properties = new UsageLedgerProperties();
        properties.setBatchSize(200);
        properties.setFlushInterval(Duration.ofMillis(100));
        properties.setMaxRetryBackoff(Duration.ofMillis(300));
        properties.setShutdownTimeout(Duration.ofSeconds(10));
        return properties;
    }

    @Test
    void writesExactRowsAndCosts() {
        String run = "exact-" + UUID.randomUUID();
        ModelPrice price = ModelPrice.of(new BigDecimal("2.500000"), new BigDecimal("10.000000"));
        UUID key = UUID.randomUUID();
        BatchingUsageRecorder recorder = new BatchingUsageRecorder(new JdbcUsageLedger(direct), properties(),
                new SimpleMeterRegistry());
        recorder.start();
        recorder.record(new UsageRecord(run, Instant.now(), key, "sk-sb-XyZ9", "chat", "support", "gpt-big",
                null, "openai-main", 1_234, 567, 200, price.cost(1_234, 567, 200), 1_500, 320, 200, null, 2));
        recorder.record(new UsageRecord(run, Instant.now(), null, null, "chat", null, "gpt-big", null, null, 0, 0, 0,
                price.cost(0, 0, 0), 3, null, 404, "model_not_found", 0));
        recorder.stop();

        Map<String, Object> ok = jdbc.queryForMap("SELECT * FROM usage_ledger WHERE request_id = ? AND status = 200",
                run);
        // 1234 x 2.5 / 1e6 + 567 x 10 / 1e6 = 0.003085 + 0.00567
        assertThat((BigDecimal) ok.get("cost_usd")).isEqualByComparingTo("0.008755");
        assertThat(ok).containsEntry("key_id", key).containsEntry("key_prefix", "sk-sb-XyZ9")
                .containsEntry("route", "support").containsEntry("model", "gpt-big")
                .containsEntry("provider", "openai-main").containsEntry("input_tokens", 1_234L)
                .containsEntry("output_tokens", 567L).containsEntry("cached_tokens", 200L)
                .containsEntry("latency_ms", 1_500).containsEntry("ttft_ms", 320).containsEntry("attempts", 2);
        Map<String, Object> refused = jdbc.queryForMap(
                "SELECT * FROM usage_ledger WHERE request_id = ? AND status = 404", run);
        assertThat(refused).containsEntry("error_type", "model_not_found").containsEntry("ttft_ms", null);
        assertThat((BigDecimal) refused.get("cost_usd")).isEqualByComparingTo("0");
    }

    @Test
    void aBatchWrittenAgainAfterAnUnknownOutcomeIsKeptOnce() throws Exception {
        String run = "twice-" + UUID.randomUUID();
        List<LedgerRow> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(new LedgerRow(UUID.randomUUID(), UsageRecords.sample(run, Instant.now())));
        }
        JdbcUsageLedger ledger = new JdbcUsageLedger(direct);

        ledger.write(batch.subList(0, 4));
        ledger.write(batch);
        ledger.write(batch);

        assertThat(rows(run)).isEqualTo(10);
    }

    @Test
    void theAgentAndRunOfARowArriveThroughCopyAndThroughTheFallbackInsert() throws Exception {
        String run = "agent-" + UUID.randomUUID();
        AgentUsage agent = new AgentUsage("support\tdesk", "run_0123");
        List<LedgerRow> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UsageRecord r = UsageRecords.sample(run, Instant.now());
            batch.add(new LedgerRow(UUID.randomUUID(), new UsageRecord(r.requestId(), r.occurredAt(), r.keyId(),
                    r.keyPrefix(), "invoke_agent", r.route(), r.model(), r.modelVersion(), r.provider(),
                    r.inputTokens(), r.outputTokens(), r.cachedTokens(), r.costUsd(), r.latencyMillis(),
                    r.ttftMillis(), r.status(), r.errorType(), r.attempts(), r.cache(), null, i == 2 ? null : agent, null)));
        }
        JdbcUsageLedger ledger = new JdbcUsageLedger(direct);

        ledger.write(batch.subList(0, 1));
        ledger.write(batch);

        assertThat(jdbc.queryForList("SELECT agent, agent_run_id FROM usage_ledger WHERE request_id = ? ORDER BY "
                + "agent NULLS LAST", run)).containsExactly(
                        Map.of("agent", "support\tdesk", "agent_run_id", "run_0123"),
                        Map.of("agent", "support\tdesk", "agent_run_id", "run_0123"),
                        nulls());
    }

    private static Map<String, Object> nulls() {
        Map<String, Object> row = new HashMap<>();
        row.put("agent", null);
        row.put("agent_run_id", null);
        return row;
    }

    @Test
    void thePromptVersionIsWrittenByTheCopyAndByTheInsertThatSkipsRowsAlreadyThere() throws Exception {
        String run = "prompt-" + UUID.randomUUID();
        UsageRecord sample = UsageRecords.sample(run, Instant.now());
        LedgerRow copied = new LedgerRow(UUID.randomUUID(), withPrompt(sample, new PromptUsage("tab\tname", 3)));
        LedgerRow inserted = new LedgerRow(UUID.randomUUID(), withPrompt(sample, new PromptUsage("writer", 12)));
        LedgerRow none = new LedgerRow(UUID.randomUUID(), sample);
        JdbcUsageLedger ledger = new JdbcUsageLedger(direct);

        ledger.write(List.of(copied));
        ledger.write(List.of(copied, inserted, none));

        assertThat(jdbc.query("SELECT prompt_name, prompt_version FROM usage_ledger WHERE request_id = ? "
                + "ORDER BY prompt_version NULLS LAST", (row, i) -> row.getString(1) + "@" + row.getObject(2), run))
                .containsExactly("tab\tname@3", "writer@12", "null@null");
    }

    private static UsageRecord withPrompt(UsageRecord r, PromptUsage prompt) {
        return new UsageRecord(r.requestId(), r.occurredAt(), r.keyId(), r.keyPrefix(), r.operation(), r.route(),
                r.model(), r.modelVersion(), r.provider(), r.inputTokens(), r.outputTokens(), r.cachedTokens(),
                r.costUsd(), r.latencyMillis(), r.ttftMillis(), r.status(), r.errorType(), r.attempts(), r.cache(),
                prompt, null, null);
    }

    @Test
    void textValuesArriveExactlyAsTheyWere() throws Exception {
        String run = "text-" + UUID.randomUUID();
        String awkward = "tab\there, new\nline, cr\r, back\\slash \\N, 'quote\" é 模型 🚀";
        UsageRecord record = new UsageRecord(run, Instant.parse("2026-12-02T10:15:30.123456Z"), null, "\\N",
                "chat", awkward, awkward, awkward, "p\tq", 0, 0, 0, new BigDecimal("0.000000000001"), 0, null, 499,
                "client_closed", Short.MAX_VALUE + 5);

        new JdbcUsageLedger(direct).write(List.of(new LedgerRow(UUID.randomUUID(), record)));

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM usage_ledger WHERE request_id = ?", run);
        assertThat(row).containsEntry("route", awkward).containsEntry("model", awkward)
                .containsEntry("model_version", awkward)
                .containsEntry("provider", "p\tq").containsEntry("key_prefix", "\\N").containsEntry("key_id", null)
                .containsEntry("ttft_ms", null).containsEntry("status", 499)
                .containsEntry("attempts", (int) Short.MAX_VALUE);
        assertThat((BigDecimal) row.get("cost_usd")).isEqualByComparingTo("0.000000000001");
        assertThat(((java.sql.Timestamp) row.get("occurred_at")).toInstant())
                .isEqualTo(Instant.parse("2026-12-02T10:15:30.123456Z"));
    }

    @Test
    void recordsWaitWhileTheDatabaseIsCutAndArriveAfterItReturns() {
        String[] target = LedgerDatabase.hostAndPort();
        String run = "outage-" + UUID.randomUUID();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (TcpProxy proxy = TcpProxy.start(target[0], Integer.parseInt(target[1]));
                HikariDataSource proxied = LedgerDatabase.pool(proxy.port())) {
            BatchingUsageRecorder recorder = new BatchingUsageRecorder(new JdbcUsageLedger(proxied), properties(),
                    meters);
            recorder.start();
            try {
                proxy.cut();
                for (int i = 0; i < 300; i++) {
                    assertThat(recorder.record(UsageRecords.sample(run, Instant.now()))).isTrue();
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> meters.get(GenAiConventions.USAGE_BATCHES)
                        .tag("outcome", "failed").counter().count() >= 2);
                assertThat(rows(run)).isZero();
                assertThat(recorder.backlog()).isEqualTo(300);

                proxy.restore();
                await().atMost(Duration.ofSeconds(30)).until(() -> rows(run) == 300);
                assertThat(recorder.backlog()).isZero();
                assertThat(meters.get(GenAiConventions.USAGE_RECORDS_DROPPED).tag("reason", "queue_full").counter()
                        .count()).isZero();
            } finally {
                recorder.stop();
            }
        }
    }

    @Test
    void throughput() {
        String run = "throughput-" + UUID.randomUUID();
        UsageLedgerProperties properties = properties();
        properties.setBatchSize(1000);
        properties.setQueueCapacity(200_000);
        BatchingUsageRecorder recorder = new BatchingUsageRecorder(new JdbcUsageLedger(direct), properties,
                new SimpleMeterRegistry());
        int count = 50_000;
        long start = System.nanoTime();
        recorder.start();
        for (int i = 0; i < count; i++) {
            recorder.record(UsageRecords.sample(run, Instant.now()));
        }
        long enqueued = System.nanoTime();
        recorder.stop();
        long done = System.nanoTime();
        assertThat(rows(run)).isEqualTo(count);
        double seconds = (done - start) / 1e9;
        log.info("Usage writer: {} records enqueued in {} ms ({} ns/record), written in {} s = {} records/s", count,
                (enqueued - start) / 1_000_000, (enqueued - start) / count, String.format("%.2f", seconds),
                Math.round(count / seconds));
    }

    private static long rows(String requestId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM usage_ledger WHERE request_id = ?", Long.class, requestId);
        return n == null ? 0 : n;
    }
}
