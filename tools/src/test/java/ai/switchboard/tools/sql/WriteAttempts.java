package ai.switchboard.tools.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Statements that would change the database, or reach outside it, each with the SQLSTATEs PostgreSQL answers when it
 * refuses them inside a read-only transaction as the tool's role: 25006 read-only transaction, 25001 read-write
 * mode after the first query (or a command that cannot run in a transaction), 42501 not permitted, 0A000 a write
 * in a function declared immutable.
 */
final class WriteAttempts {

    record WriteAttempt(String sql, Set<String> refusedWith) {

        @Override
        public String toString() {
            return sql;
        }
    }

    private static final Set<String> READ_ONLY = Set.of("25006");

    private WriteAttempts() {
    }

    static List<WriteAttempt> all() {
        List<WriteAttempt> attempts = new ArrayList<>(List.of(
                readOnly("INSERT INTO sbt_shop.orders (customer) VALUES ('mallory')"),
                readOnly("UPDATE sbt_shop.orders SET total = 0"),
                readOnly("DELETE FROM sbt_shop.orders"),
                readOnly("TRUNCATE sbt_shop.orders"),
                readOnly("MERGE INTO sbt_shop.orders o USING (SELECT 1 AS id) s ON o.id = s.id "
                        + "WHEN MATCHED THEN DELETE"),
                readOnly("CREATE TABLE sbt_shop.evil (id int)"),
                readOnly("CREATE TABLE sbt_shop.evil AS SELECT * FROM sbt_shop.orders"),
                readOnly("SELECT * INTO sbt_shop.evil FROM sbt_shop.orders"),
                readOnly("DROP TABLE sbt_shop.audit"),
                readOnly("ALTER TABLE sbt_shop.orders ADD COLUMN evil int"),
                readOnly("CREATE INDEX ON sbt_shop.orders (customer)"),
                readOnly("GRANT SELECT ON sbt_vault.secrets TO PUBLIC"),
                readOnly("COMMENT ON TABLE sbt_shop.orders IS 'pwned'"),
                readOnly("SELECT * FROM sbt_shop.orders FOR UPDATE"),
                readOnly("SELECT * FROM sbt_shop.orders FOR SHARE"),
                readOnly("SELECT nextval('sbt_shop.counter')"),
                readOnly("SELECT setval('sbt_shop.counter', 100)"),
                readOnly("SELECT sbt_shop.add_audit()"),
                readOnly("SELECT sbt_shop.add_audit_as_owner()"),
                new WriteAttempt("SELECT id FROM sbt_shop.orders WHERE id = sbt_shop.add_audit_immutable()",
                        Set.of("25006", "0A000")),
                readOnly("CALL sbt_shop.add_audit_procedure()"),
                readOnly("DO $$ BEGIN INSERT INTO sbt_shop.audit (note) VALUES ('do'); END $$"),
                readOnly("SELECT 1; DELETE FROM sbt_shop.orders"),
                readOnly("SELECT 1; INSERT INTO sbt_shop.audit (note) VALUES ('second')"),
                readOnly("WITH gone AS (DELETE FROM sbt_shop.orders RETURNING *) SELECT count(*) FROM gone"),
                readOnly("WITH added AS (INSERT INTO sbt_shop.audit (note) VALUES ('cte') RETURNING id) "
                        + "SELECT * FROM added"),
                readOnly("COPY sbt_shop.audit FROM STDIN"),
                new WriteAttempt("SELECT lo_import('/etc/hostname')", Set.of("42501")),
                new WriteAttempt("COPY (SELECT 1) TO PROGRAM 'true'", Set.of("42501")),
                new WriteAttempt("SELECT set_config('transaction_read_only', 'off', false)", Set.of("25001")),
                new WriteAttempt("SET TRANSACTION READ WRITE", Set.of("25001")),
                new WriteAttempt("VACUUM sbt_shop.orders", Set.of("25001"))));
        if (SqlToolDatabase.dblinkAvailable()) {
            attempts.add(new WriteAttempt("SELECT sbt_ext.dblink_exec('" + SqlToolDatabase.libpqTarget().replace("'", "''")
                    + " user=" + SqlToolDatabase.READER + " password=" + SqlToolDatabase.READER_PASSWORD
                    + "', 'INSERT INTO sbt_shop.audit (note) VALUES (''dblink'')')", Set.of("42501")));
        }
        return attempts;
    }

    /**
     * Statements PostgreSQL allows in a read-only transaction although they change something: only the rollback
     * every call ends with undoes them (or, for a notification, keeps it from ever being sent).
     */
    static List<String> undoneByRollback() {
        return List.of("SELECT lo_create(0)", "SELECT lo_from_bytea(0, 'x')",
                "LOCK TABLE sbt_shop.orders IN ACCESS EXCLUSIVE MODE", "SELECT pg_notify('orders', 'pwned')",
                "SELECT set_config('default_transaction_read_only', 'off', false)",
                "SELECT pg_advisory_xact_lock(4244)");
    }

    private static WriteAttempt readOnly(String sql) {
        return new WriteAttempt(sql, READ_ONLY);
    }
}
