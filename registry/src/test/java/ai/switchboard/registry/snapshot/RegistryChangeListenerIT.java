package ai.switchboard.registry.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.registry.RegistryIntegrationTest;
import ai.switchboard.registry.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Changes written by another replica reach this one through LISTEN/NOTIFY, without any admin call here. */
class RegistryChangeListenerIT extends RegistryIntegrationTest {

    @Autowired
    RegistrySnapshotManager snapshots;

    @Autowired
    RegistryChangeListener listener;

    @Test
    void notificationFromAnotherWriterRefreshesTheSnapshotWithinASecond() throws Exception {
        awaitTrue(Duration.ofSeconds(10), listener::isListening);
        String name = unique("remote");
        UUID id = UUID.randomUUID();

        // A second writer with its own plain JDBC connection, as another replica would commit a change.
        try (Connection other = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.username(),
                TestDatabase.password()); Statement sql = other.createStatement()) {
            other.setAutoCommit(false);
            sql.execute("INSERT INTO providers (id, name, type, base_url, connect_timeout_ms, response_timeout_ms, "
                    + "created_at, updated_at) VALUES ('" + id + "', '" + name + "', 'openai', "
                    + "'http://localhost:1/v1', 1000, 1000, now(), now())");
            sql.execute("UPDATE registry_revision SET revision = revision + 1");
            sql.execute("SELECT pg_notify('" + RegistryRevisions.CHANNEL + "', "
                    + "(SELECT revision::text FROM registry_revision))");
            other.commit();
        }

        awaitTrue(Duration.ofSeconds(1), () -> snapshots.current().provider(name) != null);
        assertThat(snapshots.current().provider(name).id()).isEqualTo(id);
    }

    static void awaitTrue(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within %s", timeout).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
