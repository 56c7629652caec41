package ai.switchboard.tools.sql;

import ai.switchboard.tools.ToolException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database side of a sql tool: its own small pool, and one read-only transaction per call that is always rolled
 * back. The guard against writes is PostgreSQL's: the session starts with {@code default_transaction_read_only}, the
 * driver opens each transaction with {@code BEGIN READ ONLY}, and the first statement sets
 * {@code transaction_read_only} again, so {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE}, DDL,
 * {@code TRUNCATE}, {@code nextval}, row locks and writes inside functions and procedures all fail in the server.
 * What PostgreSQL still allows in a read-only transaction (large objects, {@code LOCK TABLE}, {@code NOTIFY},
 * session settings) is undone by the rollback, since nothing is ever committed; session advisory locks, which
 * survive a rollback, are released after it. The first statement also bounds the transaction (statement, lock and
 * idle timeouts), points {@code search_path} at the allowed schemas, and reports whether the role is too powerful
 * for a read-only tool: one that could reach past the transaction (superuser, server files or programs, dblink,
 * pg_background) or past row security.
 */
final class ReadOnlyTransaction implements AutoCloseable {

    /** Work done inside the transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final Logger log = LoggerFactory.getLogger(ReadOnlyTransaction.class);

    private static final String SET_UP = """
            SELECT set_config('transaction_read_only', 'on', true),
                   set_config('statement_timeout', ?, true),
                   set_config('lock_timeout', ?, true),
                   set_config('idle_in_transaction_session_timeout', ?, true),
                   set_config('search_path',
                              (SELECT coalesce(string_agg(quote_ident(s), ', '), '') FROM unnest(?::text[]) AS s), true),
                   (SELECT r.rolsuper OR r.rolbypassrls FROM pg_roles r WHERE r.rolname = session_user)
                   OR pg_has_role(session_user, 'pg_read_server_files', 'MEMBER')
                   OR pg_has_role(session_user, 'pg_write_server_files', 'MEMBER')
                   OR pg_has_role(session_user, 'pg_execute_server_program', 'MEMBER')
                   OR EXISTS (SELECT 1 FROM pg_extension e
                              JOIN pg_depend d ON d.refobjid = e.oid AND d.deptype = 'e'
                                   AND d.classid = 'pg_proc'::regclass
                              WHERE e.extname IN ('dblink', 'pg_background')
                                AND has_function_privilege(session_user, d.objid, 'EXECUTE'))
            """;

    private final HikariDataSource pool;
    private final String[] searchPath;
    private final boolean allowPrivilegedRole;

    ReadOnlyTransaction(String name, SqlToolConfig config, List<String> searchPath) {
        this.pool = pool(name, config);
        this.searchPath = searchPath.toArray(String[]::new);
        this.allowPrivilegedRole = config.allowPrivilegedRole();
    }

    /** Runs {@code work} in a fresh read-only transaction with the given statement timeout, then rolls it back. */
    <T> T run(int timeoutMs, Work<T> work) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            try {
                setUp(connection, timeoutMs);
                return work.run(connection);
            } finally {
                cleanUp(connection);
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private void setUp(Connection connection, int timeoutMs) throws SQLException {
        boolean privileged;
        try (PreparedStatement setUp = connection.prepareStatement(SET_UP)) {
            setUp.setString(1, Integer.toString(timeoutMs));
            setUp.setString(2, Integer.toString(timeoutMs));
            setUp.setString(3, Integer.toString(timeoutMs * 2 + 5_000));
            setUp.setArray(4, connection.createArrayOf("text", searchPath));
            try (ResultSet result = setUp.executeQuery()) {
                result.next();
                privileged = result.getBoolean(6);
            }
        }
        if (privileged && !allowPrivilegedRole) {
            log.warn("A sql tool's database role ({}) is a superuser, bypasses row security, reads or writes server "
                    + "files or may call dblink/pg_background; the tool refuses to run as it", pool.getUsername());
            throw ToolException.refused("The tool's database role has more power than a read-only tool may hold; "
                    + "an administrator must give it a role with SELECT grants only");
        }
    }

    private void cleanUp(Connection connection) {
        try {
            connection.rollback();
            try (Statement unlock = connection.createStatement()) {
                unlock.execute("SELECT pg_advisory_unlock_all()");
            }
            connection.rollback();
        } catch (SQLException broken) {
            // A connection that cannot be cleaned is not handed to the next call.
            pool.evictConnection(connection);
        }
    }

    private static HikariDataSource pool(String name, SqlToolConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("switchboard-tool-" + name);
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.username());
        if (config.password() != null) {
            hikari.setPassword(config.password().value());
        }
        hikari.setMaximumPoolSize(config.maxConnections());
        hikari.setMinimumIdle(0);
        hikari.setAutoCommit(false);
        hikari.setReadOnly(true);
        hikari.setConnectionTimeout(Math.max(250, Math.min(config.statementTimeoutMs(), 30_000)));
        // Creating the tool opens nothing: the registry may build it while the database is down.
        hikari.setInitializationFailTimeout(-1);
        // Statements go to the server one by one as prepared (extended protocol), which refuses a second command.
        hikari.addDataSourceProperty("preferQueryMode", "extended");
        // readOnlyMode stays "transaction" (BEGIN READ ONLY); "always" resets the session to read-write when
        // autocommit is turned off.
        // A startup parameter, not an init statement: nothing a transaction rolls back can unset it.
        hikari.addDataSourceProperty("options", "-c default_transaction_read_only=on");
        hikari.addDataSourceProperty("ApplicationName", "switchboard-tool-" + name);
        hikari.addDataSourceProperty("socketTimeout", Integer.toString(config.statementTimeoutMs() / 1000 + 30));
        return new HikariDataSource(hikari);
    }
}
