package ai.switchboard.observability.usage;

import ai.switchboard.registry.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.flywaydb.core.Flyway;

/** The shared test database with every migration applied, and pools onto it (directly or through a proxy). */
final class LedgerDatabase {

    private static volatile boolean migrated;

    private LedgerDatabase() {
    }

    static synchronized void migrate() {
        if (!migrated) {
            Flyway.configure()
                    .dataSource(TestDatabase.jdbcUrl(), TestDatabase.username(), TestDatabase.password())
                    .locations("filesystem:../db/migrations")
                    .load()
                    .migrate();
            migrated = true;
        }
    }

    /** A small pool on the test database, or on {@code 127.0.0.1:port} (a TcpProxy in front of it) when given. */
    static HikariDataSource pool(Integer proxyPort) {
        migrate();
        String url = TestDatabase.jdbcUrl();
        if (proxyPort != null) {
            url = url.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxyPort + "/");
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(TestDatabase.username());
        pool.setPassword(TestDatabase.password());
        pool.setMaximumPoolSize(2);
        // Fail fast while the database is cut, so the writer's retries are what the test observes.
        pool.setConnectionTimeout(Duration.ofMillis(1500).toMillis());
        pool.setValidationTimeout(Duration.ofMillis(1000).toMillis());
        pool.setInitializationFailTimeout(-1);
        return pool;
    }

    /** Host and port of the test database, for a proxy to forward to. */
    static String[] hostAndPort() {
        String rest = TestDatabase.jdbcUrl().replaceFirst("^jdbc:postgresql://", "");
        String hostPort = rest.substring(0, rest.indexOf('/'));
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? new String[] {hostPort, "5432"}
                : new String[] {hostPort.substring(0, colon), hostPort.substring(colon + 1)};
    }
}
