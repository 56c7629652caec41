package ai.switchboard.tools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.tools.ToolConfigs;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The database-side guard alone: each write attempt runs as raw SQL inside the tool's read-only transaction, with
 * none of the tool's early checks (statement splitting, plan inspection) in front, and PostgreSQL must refuse it
 * with the expected SQLSTATE while nothing in the database changes.
 */
class ReadOnlyTransactionIT {

    private static ReadOnlyTransaction transaction;

    @BeforeAll
    static void start() throws SQLException {
        SqlToolDatabase.prepare();
        FieldErrors errors = new FieldErrors();
        SqlToolConfig config = ToolConfigs.bind(WireJson.mapper().readTree("""
                {"jdbc_url": "%s", "username": "%s", "password": "%s", "allowed_schemas": ["sbt_shop"],
                 "max_connections": 1}
                """.formatted(SqlToolDatabase.jdbcUrl(), SqlToolDatabase.READER, SqlToolDatabase.READER_PASSWORD)),
                SqlToolConfig.class, errors);
        errors.throwIfAny();
        transaction = new ReadOnlyTransaction("raw", config, List.of("sbt_shop"));
    }

    @AfterAll
    static void stop() {
        transaction.close();
    }

    @ParameterizedTest
    @MethodSource("ai.switchboard.tools.sql.WriteAttempts#all")
    void theDatabaseRefusesEveryWrite(WriteAttempts.WriteAttempt attempt) throws SQLException {
        String before = SqlToolDatabase.state();

        assertThatThrownBy(() -> execute(attempt.sql())).isInstanceOfSatisfying(SQLException.class,
                refused -> assertThat(refused.getSQLState()).as(refused.getMessage()).isIn(attempt.refusedWith()));
        assertThat(SqlToolDatabase.state()).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("ai.switchboard.tools.sql.WriteAttempts#undoneByRollback")
    void whatTheDatabaseAllowsIsUndoneByTheRollback(String sql) throws SQLException {
        String before = SqlToolDatabase.state();

        execute(sql);

        assertThat(SqlToolDatabase.state()).isEqualTo(before);
    }

    @Test
    void aSessionSettingAQueryChangesIsGoneInTheNextTransaction() throws SQLException {
        execute("SELECT set_config('default_transaction_read_only', 'off', false), "
                + "set_config('application_name', 'hijacked', false)");

        String settings = transaction.run(5_000, connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT current_setting('transaction_read_only') || ' '"
                            + " || current_setting('default_transaction_read_only') || ' '"
                            + " || current_setting('application_name')")) {
                result.next();
                return result.getString(1);
            }
        });

        assertThat(settings).isEqualTo("on on switchboard-tool-raw");
    }

    @Test
    void aSessionAdvisoryLockIsReleasedAfterTheCall() throws SQLException {
        execute("SELECT pg_advisory_lock(4242), pg_advisory_lock_shared(4243)");

        try (var admin = SqlToolDatabase.admin(); Statement statement = admin.createStatement();
                ResultSet locks = statement.executeQuery("SELECT pg_try_advisory_lock(4242), "
                        + "pg_try_advisory_lock(4243), pg_advisory_unlock_all()")) {
            locks.next();
            assertThat(locks.getBoolean(1)).as("another session can take the lock").isTrue();
            assertThat(locks.getBoolean(2)).isTrue();
        }
    }

    /** Runs raw SQL in the tool's transaction, with no check of the tool's in front. */
    private static void execute(String sql) throws SQLException {
        transaction.run(5_000, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.setEscapeProcessing(false);
                return statement.execute(sql);
            }
        });
    }
}
