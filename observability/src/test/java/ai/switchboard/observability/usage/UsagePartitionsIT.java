package ai.switchboard.observability.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Day partitions made ahead, rows rescued from the default partition, retention dropping whole days. */
class UsagePartitionsIT {

    private static HikariDataSource pool;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        pool = LedgerDatabase.pool(null);
        jdbc = new JdbcTemplate(pool);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    private static UsagePartitionMaintenance at(String instant, int retentionDays) {
        UsageLedgerProperties properties = new UsageLedgerProperties();
        properties.setRetentionDays(retentionDays);
        properties.setPartitionsAhead(2);
        return new UsagePartitionMaintenance(jdbc, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), properties);
    }

    @Test
    void createsDaysAheadMovesStrayRowsAndDropsExpiredDays() {
        // 2001 lies far before any other test's rows, so retention here cannot touch them.
        at("2001-12-31T00:00:00Z", 1).dropExpired();
        insert("2001-03-04T10:00:00Z");
        assertThat(partitionOf("2001-03-04T10:00:00Z")).isEqualTo("usage_ledger_default");

        UsagePartitionMaintenance march3 = at("2001-03-03T23:00:00Z", 2);
        march3.ensurePartitions();
        // yesterday, today and two days ahead
        assertThat(exists("usage_ledger_20010302")).isTrue();
        assertThat(exists("usage_ledger_20010305")).isTrue();
        assertThat(exists("usage_ledger_20010306")).isFalse();
        assertThat(partitionOf("2001-03-04T10:00:00Z")).isEqualTo("usage_ledger_20010304");
        assertThat(march3.ensurePartitions()).isZero();

        UsagePartitionMaintenance march6 = at("2001-03-06T12:00:00Z", 1);
        int dropped = march6.dropExpired();
        assertThat(dropped).isEqualTo(3);
        assertThat(exists("usage_ledger_20010302")).isFalse();
        assertThat(exists("usage_ledger_20010304")).isFalse();
        assertThat(exists("usage_ledger_20010305")).isTrue();
        assertThat(count("2001-03-04T10:00:00Z")).isZero();
        assertThat(march6.dropExpired()).isZero();
        at("2001-03-31T00:00:00Z", 1).dropExpired();
        assertThat(exists("usage_ledger_20010305")).isFalse();
    }

    private static void insert(String at) {
        jdbc.update("INSERT INTO usage_ledger (id, occurred_at, request_id, operation, latency_ms, status)"
                + " VALUES (gen_random_uuid(), ?::timestamptz, 'partition-test', 'chat', 1, 200)", at);
    }

    private static String partitionOf(String at) {
        return jdbc.queryForObject("SELECT tableoid::regclass::text FROM usage_ledger WHERE occurred_at = ?::timestamptz"
                + " AND request_id = 'partition-test'", String.class, at);
    }

    private static long count(String at) {
        return jdbc.queryForObject("SELECT count(*) FROM usage_ledger WHERE occurred_at = ?::timestamptz", Long.class,
                at);
    }

    private static boolean exists(String table) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, table));
    }
}
