package ai.switchboard.registry.key;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.RegistryIntegrationTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import reactor.core.scheduler.Schedulers;

class LastUsedRecorderIT extends RegistryIntegrationTest {

    private static final Instant NOW = Instant.parse("2030-05-01T12:00:00Z");

    @Autowired
    ApiKeyAdminService keys;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void touchingWritesNothingUntilTheFlushWhichWritesEveryKeyInOneStatement() {
        UUID first = newKey();
        UUID second = newKey();
        LastUsedRecorder recorder = recorder(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));

        recorder.touch(first);
        recorder.touch(second);
        recorder.touch(first);
        assertThat(lastUsedAt(first)).isNull();

        assertThat(recorder.flush()).isEqualTo(2);
        assertThat(lastUsedAt(first)).isEqualTo(NOW);
        assertThat(lastUsedAt(second)).isEqualTo(NOW);
        assertThat(recorder.flush()).as("nothing touched since").isZero();
    }

    @Test
    void anOlderTimeNeverReplacesANewerOne() {
        UUID key = newKey();
        LastUsedRecorder later = recorder(jdbc, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
        later.touch(key);
        later.flush();

        LastUsedRecorder earlier = recorder(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        earlier.touch(key);
        earlier.flush();

        assertThat(lastUsedAt(key)).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aFailedFlushKeepsItsKeysForTheNextOne() {
        UUID key = newKey();
        AtomicBoolean down = new AtomicBoolean(true);
        DataSource flaky = new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                if (down.get()) {
                    throw new SQLException("database is down", "08006");
                }
                return super.getConnection();
            }
        };
        LastUsedRecorder recorder = recorder(new JdbcTemplate(flaky), Clock.fixed(NOW, ZoneOffset.UTC));
        recorder.touch(key);

        assertThat(recorder.flush()).isZero();
        down.set(false);

        assertThat(recorder.flush()).isEqualTo(1);
        assertThat(lastUsedAt(key)).isEqualTo(NOW);
    }

    private UUID newKey() {
        return keys.create(new ApiKeyCreateCommand(unique("used"), null, List.of(ApiKeyRecord.ALL_MODELS), null),
                KeyGrantor.system("tester")).key().id();
    }

    private Instant lastUsedAt(UUID key) {
        Timestamp at = jdbc.queryForObject("SELECT last_used_at FROM api_keys WHERE id = ?", Timestamp.class, key);
        return at == null ? null : at.toInstant();
    }

    private static LastUsedRecorder recorder(JdbcTemplate jdbc, Clock clock) {
        return new LastUsedRecorder(jdbc, Schedulers.immediate(), Duration.ofMinutes(1), clock);
    }
}
