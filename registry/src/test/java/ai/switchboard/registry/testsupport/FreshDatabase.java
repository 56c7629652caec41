package ai.switchboard.registry.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of its own on the test server, for tests that need what the shared one cannot give: a first start, a
 * database from before a migration, replicas racing on an empty schema. Dropped on {@link #close()}.
 */
public final class FreshDatabase implements AutoCloseable {

    private final String name;

    private FreshDatabase(String name) {
        this.name = name;
    }

    /** Creates an empty database (no schema yet: a gateway starting on it migrates it). */
    public static FreshDatabase create() {
        FreshDatabase database = new FreshDatabase("switchboard_fresh_" + UUID.randomUUID().toString().replace("-", ""));
        admin("CREATE DATABASE " + database.name);
        return database;
    }

    /** Applies every migration, as the first replica's start would. */
    public FreshDatabase migrated() {
        Flyway.configure().dataSource(jdbcUrl(), TestDatabase.username(), TestDatabase.password()).load().migrate();
        return this;
    }

    /** The test server's URL with this database in place of the shared one. */
    public String jdbcUrl() {
        return urlOf(name);
    }

    /** A template on a connection of its own (no pool), for set-up and checks. */
    public JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(jdbcUrl(), TestDatabase.username(),
                TestDatabase.password()));
    }

    /** The shared test server's URL, naming {@code database} instead of the shared one. */
    public static String urlOf(String database) {
        String shared = TestDatabase.jdbcUrl();
        int query = shared.indexOf('?');
        String base = query < 0 ? shared : shared.substring(0, query);
        String withDb = base.substring(0, base.lastIndexOf('/') + 1) + database;
        return query < 0 ? withDb : withDb + shared.substring(query);
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.username(),
                TestDatabase.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }
}
