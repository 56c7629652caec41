package ai.switchboard.tools.sql;

import ai.switchboard.registry.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The data the sql tool tests read and try to write, in the shared test database: schema {@code sbt_shop} (orders,
 * an audit table, a sequence, functions and a procedure that insert), schema {@code sbt_vault} (a secret), and a
 * login role made for the tool. The role is deliberately given write grants on {@code sbt_shop} and SELECT on
 * {@code sbt_vault}, so what stops a write is the read-only transaction and what stops reading the vault is the
 * tool's allow-list, not a missing privilege. Built once per JVM; roles are cluster-wide, hence the long names.
 */
final class SqlToolDatabase {

    static final String READER = "sb_tools_test_reader";
    static final String READER_PASSWORD = "reader-pw-7f3a9c";
    /** A role that may call dblink: the tool must refuse to run as it. */
    static final String LINKER = "sb_tools_test_linker";

    private static boolean prepared;
    private static boolean dblink;

    private SqlToolDatabase() {
    }

    static synchronized void prepare() throws SQLException {
        if (prepared) {
            return;
        }
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS sbt_shop CASCADE");
            sql.execute("DROP SCHEMA IF EXISTS sbt_vault CASCADE");
            sql.execute("DROP SCHEMA IF EXISTS sbt_ext CASCADE");
            sql.execute("CREATE SCHEMA sbt_shop");
            sql.execute("CREATE SCHEMA sbt_vault");
            sql.execute("CREATE SCHEMA sbt_ext");
            sql.execute("""
                    CREATE TABLE sbt_shop.orders (id serial PRIMARY KEY, customer text NOT NULL, total numeric(10,2),
                        tags text[], meta jsonb, paid boolean, ratio double precision,
                        placed timestamptz DEFAULT '2026-01-02T03:04:05Z')""");
            sql.execute("""
                    INSERT INTO sbt_shop.orders (customer, total, tags, meta, paid, ratio)
                    SELECT 'customer ' || g, g * 1.5, ARRAY['t' || g, 'x'], jsonb_build_object('n', g), g % 2 = 0,
                           CASE WHEN g = 1 THEN 'NaN'::float8 ELSE g / 4.0 END
                    FROM generate_series(1, 30) g""");
            sql.execute("INSERT INTO sbt_shop.orders (customer) VALUES ('nulls')");
            sql.execute("CREATE TABLE sbt_shop.audit (id serial PRIMARY KEY, note text)");
            sql.execute("CREATE SEQUENCE sbt_shop.counter");
            sql.execute("CREATE TABLE sbt_vault.secrets (id int, secret text)");
            sql.execute("INSERT INTO sbt_vault.secrets VALUES (1, 'hunter2')");
            sql.execute("CREATE VIEW sbt_shop.vault_view AS SELECT * FROM sbt_vault.secrets");
            sql.execute("""
                    CREATE FUNCTION sbt_shop.add_audit() RETURNS int LANGUAGE plpgsql AS $$
                    BEGIN INSERT INTO sbt_shop.audit (note) VALUES ('function'); RETURN 1; END $$""");
            sql.execute("""
                    CREATE FUNCTION sbt_shop.add_audit_as_owner() RETURNS int LANGUAGE plpgsql SECURITY DEFINER AS $$
                    BEGIN INSERT INTO sbt_shop.audit (note) VALUES ('definer'); RETURN 1; END $$""");
            sql.execute("""
                    CREATE FUNCTION sbt_shop.add_audit_immutable() RETURNS int LANGUAGE plpgsql IMMUTABLE AS $$
                    BEGIN INSERT INTO sbt_shop.audit (note) VALUES ('planner'); RETURN 1; END $$""");
            sql.execute("""
                    CREATE PROCEDURE sbt_shop.add_audit_procedure() LANGUAGE plpgsql AS $$
                    BEGIN INSERT INTO sbt_shop.audit (note) VALUES ('procedure'); END $$""");
            role(sql, READER, READER_PASSWORD);
            role(sql, LINKER, READER_PASSWORD);
            sql.execute("GRANT USAGE, CREATE ON SCHEMA sbt_shop TO " + READER);
            sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA sbt_shop TO " + READER);
            sql.execute("GRANT USAGE, UPDATE ON SEQUENCE sbt_shop.counter TO " + READER);
            sql.execute("GRANT USAGE ON SCHEMA sbt_vault TO " + READER);
            sql.execute("GRANT SELECT ON sbt_vault.secrets TO " + READER);
            sql.execute("GRANT USAGE ON SCHEMA sbt_shop TO " + LINKER);
            sql.execute("GRANT SELECT ON ALL TABLES IN SCHEMA sbt_shop TO " + LINKER);
            try (ResultSet available = sql.executeQuery(
                    "SELECT 1 FROM pg_available_extensions WHERE name = 'dblink'")) {
                dblink = available.next();
            }
            if (dblink) {
                sql.execute("DROP EXTENSION IF EXISTS dblink CASCADE");
                sql.execute("CREATE EXTENSION dblink SCHEMA sbt_ext");
                sql.execute("REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA sbt_ext FROM PUBLIC");
                sql.execute("GRANT USAGE ON SCHEMA sbt_ext TO " + READER + ", " + LINKER);
                sql.execute("GRANT EXECUTE ON FUNCTION sbt_ext.dblink_exec(text, text) TO " + LINKER);
            }
        }
        prepared = true;
    }

    static boolean dblinkAvailable() {
        return dblink;
    }

    static Connection admin() throws SQLException {
        return DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.username(), TestDatabase.password());
    }

    /** The test database's URL without parameters (the tool refuses some that test set-ups add, like user). */
    static String jdbcUrl() {
        return TestDatabase.jdbcUrl().replaceFirst("\\?.*$", "");
    }

    /** A libpq connection string to the test database, for dblink. */
    static String libpqTarget() {
        String hostPortDb = jdbcUrl().substring("jdbc:postgresql://".length());
        String host = hostPortDb.substring(0, hostPortDb.indexOf(':'));
        String port = hostPortDb.substring(hostPortDb.indexOf(':') + 1, hostPortDb.indexOf('/'));
        String database = hostPortDb.substring(hostPortDb.indexOf('/') + 1);
        return "host=" + host + " port=" + port + " dbname=" + database;
    }

    /** Everything a write attempt could change, to compare before and after. */
    static String state() throws SQLException {
        try (Connection admin = admin(); Statement sql = admin.createStatement(); ResultSet state = sql.executeQuery("""
                SELECT (SELECT count(*) || '/' || coalesce(sum(total), 0) || '/' || max(customer)
                        FROM sbt_shop.orders),
                       (SELECT count(*) FROM sbt_shop.audit),
                       (SELECT last_value || '/' || is_called FROM sbt_shop.counter),
                       (SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class
                        WHERE relnamespace = 'sbt_shop'::regnamespace),
                       (SELECT count(*) FROM pg_attribute WHERE attrelid = 'sbt_shop.orders'::regclass),
                       (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'
                        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())),
                       (SELECT count(*) FROM pg_largeobject_metadata),
                       (SELECT count(*) FROM sbt_vault.secrets),
                       (SELECT coalesce(array_to_string(relacl, ','), '') FROM pg_class
                        WHERE oid = 'sbt_vault.secrets'::regclass)""")) {
            state.next();
            StringBuilder text = new StringBuilder();
            for (int column = 1; column <= 9; column++) {
                text.append(state.getString(column)).append(" | ");
            }
            return text.toString();
        }
    }

    private static void role(Statement sql, String name, String password) throws SQLException {
        sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + name + "') THEN "
                + "CREATE ROLE " + name + " LOGIN; END IF; END $$");
        sql.execute("ALTER ROLE " + name + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '" + password + "'");
    }
}
