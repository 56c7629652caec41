package ai.switchboard.registry.migration;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.registry.testsupport.FreshDatabase;
import ai.switchboard.registry.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several replicas start at once against a fresh database: Flyway serialises them with a PostgreSQL advisory lock,
 * so each migration runs exactly once and the late starters find the schema complete. Replica A is paused inside its
 * first migration while replica B starts; B must wait, A's advisory lock must be visible in {@code pg_locks}.
 */
class ConcurrentMigrationIT {

    private final String database = "switchboard_migrate_" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void twoReplicasMigratingAtOnceApplyEachMigrationOnce() throws Exception {
        admin("CREATE DATABASE " + database);
        CountDownLatch aInsideMigration = new CountDownLatch(1);
        CountDownLatch releaseA = new CountDownLatch(1);
        AtomicInteger aMigrations = new AtomicInteger();
        AtomicInteger bMigrations = new AtomicInteger();

        CompletableFuture<MigrateResult> a = CompletableFuture.supplyAsync(() -> flyway(event -> {
            if (aMigrations.incrementAndGet() == 1) {
                aInsideMigration.countDown();
                await(releaseA);
            }
        }).migrate());
        assertThat(aInsideMigration.await(60, TimeUnit.SECONDS)).as("replica A reached its first migration").isTrue();
        assertThat(advisoryLocksHeld()).as("A holds Flyway's advisory lock").isGreaterThanOrEqualTo(1);

        CompletableFuture<MigrateResult> b = CompletableFuture.supplyAsync(() ->
                flyway(event -> bMigrations.incrementAndGet()).migrate());
        // A negative observation needs a window: B must not get anywhere while A holds the lock.
        assertThat(b).failsWithin(2, TimeUnit.SECONDS).withThrowableOfType(TimeoutException.class);
        assertThat(bMigrations).hasValue(0);

        releaseA.countDown();
        MigrateResult resultA = a.get(120, TimeUnit.SECONDS);
        MigrateResult resultB = b.get(120, TimeUnit.SECONDS);

        assertThat(resultA.success).isTrue();
        assertThat(resultB.success).isTrue();
        assertThat(resultA.migrationsExecuted).isGreaterThan(0).isEqualTo(aMigrations.get());
        assertThat(resultB.migrationsExecuted).as("B found the schema complete").isZero();
        assertThat(bMigrations).hasValue(0);
        assertThat(query("SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL"))
                .isEqualTo(resultA.migrationsExecuted);
        assertThat(query("SELECT count(*) FROM flyway_schema_history WHERE NOT success")).isZero();
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private Flyway flyway(Consumer<Event> onEachMigration) {
        return Flyway.configure()
                .dataSource(url(), TestDatabase.username(), TestDatabase.password())
                .callbacks(new EachMigration(onEachMigration))
                .load();
    }

    private long advisoryLocksHeld() throws SQLException {
        return query("SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                + "WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()");
    }

    private long query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(), TestDatabase.username(),
                TestDatabase.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String url() {
        return FreshDatabase.urlOf(database);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.username(),
                TestDatabase.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Calls a handler before each versioned migration, inside the migration's transaction. */
    private record EachMigration(Consumer<Event> handler) implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            handler.accept(event);
        }

        @Override
        public String getCallbackName() {
            return "each-migration";
        }
    }
}
