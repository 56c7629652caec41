package ai.switchboard.tools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.switchboard.providers.json.WireJson;
import ai.switchboard.tools.Tool;
import ai.switchboard.tools.ToolDefinition;
import ai.switchboard.tools.ToolError;
import ai.switchboard.tools.ToolTypes;
import ai.switchboard.tools.invoke.InvocationLimits;
import ai.switchboard.tools.invoke.ToolInvoker;
import ai.switchboard.tools.invoke.ToolResult;
import ai.switchboard.registry.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The sql tool as an agent calls it: built from a definition, arguments through the invoker, a real PostgreSQL. */
class SqlToolIT {

    private static final ToolTypes TYPES = new ToolTypes(List.of(new SqlToolType()));

    private static ToolInvoker shop;

    @BeforeAll
    static void start() throws SQLException {
        SqlToolDatabase.prepare();
        shop = tool("shop", "\"allowed_schemas\": [\"sbt_shop\"], \"max_rows\": 10");
    }

    @AfterAll
    static void stop() {
        shop.tool().close();
    }

    @Test
    void returnsTypedRowsWithColumnNames() {
        ToolResult result = query(shop, "SELECT id, customer, total, tags, meta, paid, ratio, placed FROM orders "
                + "WHERE id IN (1, 2, 31) ORDER BY id");

        assertThat(result.ok()).as(result.content()).isTrue();
        JsonNode data = data(result);
        assertThat(data.path("columns").toString()).isEqualTo("[{\"name\":\"id\",\"type\":\"serial\"},"
                + "{\"name\":\"customer\",\"type\":\"text\"},{\"name\":\"total\",\"type\":\"numeric\"},"
                + "{\"name\":\"tags\",\"type\":\"_text\"},{\"name\":\"meta\",\"type\":\"jsonb\"},"
                + "{\"name\":\"paid\",\"type\":\"bool\"},{\"name\":\"ratio\",\"type\":\"float8\"},"
                + "{\"name\":\"placed\",\"type\":\"timestamptz\"}]");
        assertThat(data.path("rows").get(0).toString()).isEqualTo("[1,\"customer 1\",1.50,[\"t1\",\"x\"],{\"n\":1},"
                + "false,\"NaN\",\"2026-01-02 03:04:05+00\"]");
        assertThat(data.path("rows").get(1).get(6).asDouble()).isEqualTo(0.5);
        assertThat(data.path("rows").get(2).toString()).isEqualTo(
                "[31,\"nulls\",null,null,null,null,null,\"2026-01-02 03:04:05+00\"]");
        assertThat(data.path("row_count").asInt()).isEqualTo(3);
        assertThat(data.path("truncated").asBoolean()).isFalse();
    }

    @Test
    void capsTheRowsAndSaysSo() {
        ToolResult result = query(shop, "SELECT n FROM generate_series(1, 1000) AS n");

        assertThat(data(result).path("rows")).hasSize(10);
        assertThat(data(result).path("truncated").asBoolean()).isTrue();
        assertThat(data(result).path("rows").get(9).get(0).asInt()).isEqualTo(10);
    }

    @ParameterizedTest
    @MethodSource("ai.switchboard.tools.sql.WriteAttempts#all")
    void everyWriteAttemptFailsAndChangesNothing(WriteAttempts.WriteAttempt attempt) throws SQLException {
        String before = SqlToolDatabase.state();

        ToolResult result = query(shop, attempt.sql());

        assertThat(result.error()).as(result.content()).isIn(ToolError.REFUSED, ToolError.INVALID_ARGUMENTS);
        assertThat(SqlToolDatabase.state()).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("ai.switchboard.tools.sql.WriteAttempts#undoneByRollback")
    void whatPostgresAllowsInAReadOnlyTransactionLeavesNoTrace(String sql) throws SQLException {
        String before = SqlToolDatabase.state();

        query(shop, sql);

        assertThat(SqlToolDatabase.state()).isEqualTo(before);
    }

    @Test
    void refusesRelationsOutsideTheAllowList() {
        for (String sql : List.of("SELECT * FROM sbt_vault.secrets", "SELECT * FROM vault_view",
                "SELECT (SELECT secret FROM sbt_vault.secrets LIMIT 1) FROM orders",
                "WITH s AS (SELECT * FROM sbt_vault.secrets) SELECT * FROM s",
                "SELECT * FROM orders o JOIN sbt_vault.secrets s ON s.id = o.id",
                "SELECT * FROM orders WHERE EXISTS (SELECT 1 FROM sbt_vault.secrets)",
                "SELECT rolpassword FROM pg_catalog.pg_authid", "SELECT relname FROM pg_class",
                "SELECT table_name FROM information_schema.tables", "TABLE sbt_vault.secrets")) {
            ToolResult result = query(shop, sql);

            assertThat(result.error()).as(sql + " -> " + result.content()).isEqualTo(ToolError.REFUSED);
            assertThat(result.content()).doesNotContain("hunter2");
        }
    }

    @Test
    void unqualifiedNamesResolveOnlyInTheAllowedSchemas() {
        ToolResult result = query(shop, "SELECT * FROM secrets");

        assertThat(result.error()).isEqualTo(ToolError.INVALID_ARGUMENTS);
        assertThat(result.content()).contains("relation \\\"secrets\\\" does not exist").contains("at character 15");
    }

    @Test
    void aTableAllowListAdmitsOnlyThoseTables() {
        ToolInvoker orders = tool("orders_only", "\"allowed_tables\": [\"sbt_shop.orders\"]");
        try {
            assertThat(query(orders, "SELECT count(*) FROM orders").ok()).isTrue();
            assertThat(query(orders, "SELECT count(*) FROM sbt_shop.audit").error()).isEqualTo(ToolError.REFUSED);
        } finally {
            orders.tool().close();
        }
    }

    @Test
    void onlyOneStatementOfAReadingKindRuns() {
        assertThat(query(shop, "SELECT 1; SELECT 2").content()).contains("Only one statement");
        assertThat(query(shop, "SHOW search_path").error()).isEqualTo(ToolError.INVALID_ARGUMENTS);
        assertThat(query(shop, "DECLARE c CURSOR FOR SELECT 1").error()).isEqualTo(ToolError.REFUSED);
        assertThat(query(shop, "VALUES (1), (2)").ok()).isTrue();
        assertThat(query(shop, "SELECT ';' AS semicolon;").ok()).isTrue();
    }

    @Test
    void aLongQueryHitsTheStatementTimeout() {
        ToolInvoker impatient = tool("impatient", "\"allowed_schemas\": [\"sbt_shop\"], \"statement_timeout_ms\": 200");
        try {
            ToolResult result = query(impatient, "SELECT pg_sleep(30)");

            assertThat(result.error()).as(result.content()).isEqualTo(ToolError.TIMEOUT);
        } finally {
            impatient.tool().close();
        }
    }

    /** The agent's deadline, shorter than the statement timeout, cancels the query in the database. */
    @Test
    void aCancelledCallCancelsItsQuery() throws Exception {
        ToolInvoker patient = tool("patient", "\"allowed_schemas\": [\"sbt_shop\"], \"statement_timeout_ms\": 60000");
        try {
            ObjectNode arguments = WireJson.mapper().createObjectNode().put("query", "SELECT pg_sleep(60)");

            ToolResult result = patient.invoke(arguments.toString(), Duration.ofMillis(500))
                    .block(Duration.ofSeconds(30));

            assertThat(result.error()).isEqualTo(ToolError.TIMEOUT);
            assertThat(awaitNoActiveQuery("switchboard-tool-patient")).isTrue();
            assertThat(query(patient, "SELECT 1").ok()).as("the connection is usable again").isTrue();
        } finally {
            patient.tool().close();
        }
    }

    @Test
    void refusesToRunAsATooPowerfulRole() throws SQLException {
        ToolInvoker superuser = tool("as_superuser", "\"allowed_schemas\": [\"sbt_shop\"]",
                TestDatabase.username(), TestDatabase.password());
        try {
            ToolResult result = query(superuser, "SELECT 1");

            assertThat(result.error()).isEqualTo(ToolError.REFUSED);
            assertThat(result.content()).contains("more power than a read-only tool");
        } finally {
            superuser.tool().close();
        }
    }

    @Test
    void evenAnAllowedSuperuserCannotWrite() throws SQLException {
        ToolInvoker superuser = tool("superuser_allowed",
                "\"allowed_schemas\": [\"sbt_shop\"], \"allow_privileged_role\": true",
                TestDatabase.username(), TestDatabase.password());
        try {
            String before = SqlToolDatabase.state();

            assertThat(query(superuser, "SELECT count(*) FROM orders").ok()).isTrue();
            assertThat(query(superuser, "SELECT sbt_shop.add_audit_as_owner()").error()).isEqualTo(ToolError.REFUSED);
            assertThat(query(superuser, "SELECT nextval('sbt_shop.counter')").error()).isEqualTo(ToolError.REFUSED);
            assertThat(SqlToolDatabase.state()).isEqualTo(before);
        } finally {
            superuser.tool().close();
        }
    }

    @Test
    void refusesARoleThatMayCallDblink() {
        assumeTrue(SqlToolDatabase.dblinkAvailable(), "the dblink extension is not installed on this server");
        ToolInvoker linker = tool("linker", "\"allowed_schemas\": [\"sbt_shop\"]", SqlToolDatabase.LINKER,
                SqlToolDatabase.READER_PASSWORD);
        try {
            assertThat(query(linker, "SELECT count(*) FROM orders").error()).isEqualTo(ToolError.REFUSED);
        } finally {
            linker.tool().close();
        }
    }

    @Test
    void badArgumentsNeverReachTheDatabase() {
        for (String arguments : List.of("{}", "{\"query\": 1}", "{\"query\": \"\"}",
                "{\"query\": \"SELECT 1\", \"params\": []}", "{\"query\": \"" + "x".repeat(10_001) + "\"}")) {
            ToolResult result = shop.invoke(arguments, Duration.ofSeconds(10)).block();

            assertThat(result.error()).as(arguments).isEqualTo(ToolError.INVALID_ARGUMENTS);
        }
    }

    @Test
    void theSpecNamesWhatMayBeReadButNeverTheConnection() {
        String spec = shop.tool().spec().toOpenAiTool().toString();

        assertThat(spec).contains("sbt_shop", "10 rows").doesNotContain(SqlToolDatabase.READER_PASSWORD)
                .doesNotContain("jdbc:").doesNotContain(SqlToolDatabase.READER);
    }

    private static boolean awaitNoActiveQuery(String applicationName) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (Connection admin = SqlToolDatabase.admin(); Statement statement = admin.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet active = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE "
                        + "application_name = '" + applicationName + "' AND state = 'active'")) {
                    active.next();
                    if (active.getInt(1) == 0) {
                        return true;
                    }
                }
                Thread.sleep(50);
            }
        }
        return false;
    }

    private static ToolInvoker tool(String name, String settings) {
        return tool(name, settings, SqlToolDatabase.READER, SqlToolDatabase.READER_PASSWORD);
    }

    private static ToolInvoker tool(String name, String settings, String username, String password) {
        String config = "{\"jdbc_url\": \"%s\", \"username\": \"%s\", %s %s}".formatted(SqlToolDatabase.jdbcUrl(),
                username, password == null || password.isEmpty() ? "" : "\"password\": \"" + password + "\",",
                settings);
        Tool tool = TYPES.create(new ToolDefinition(name, "sql", null, WireJson.mapper().readTree(config)));
        return ToolInvoker.of(tool, InvocationLimits.defaults());
    }

    private static ToolResult query(ToolInvoker invoker, String sql) {
        ObjectNode arguments = WireJson.mapper().createObjectNode().put("query", sql);
        return invoker.invoke(arguments.toString(), Duration.ofSeconds(30)).block(Duration.ofSeconds(60));
    }

    private static JsonNode data(ToolResult result) {
        return result.envelope().path("tool_output").path("data");
    }
}
