package ai.switchboard.tools.sql;

import ai.switchboard.providers.json.WireJson;
import ai.switchboard.tools.Tool;
import ai.switchboard.tools.ToolException;
import ai.switchboard.tools.ToolSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.RejectedExecutionException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code sql} tool: one read-only query on a configured PostgreSQL database. Each call checks the statement
 * with the driver's lexer (one statement, not a known write), asks PostgreSQL for the plan and checks every relation
 * it scans against the allow-list, then runs the query with a row cap, all inside a {@link ReadOnlyTransaction}
 * that the database itself keeps from writing. Blocking JDBC runs on the tool's own scheduler, as many threads as
 * connections, never on the caller's thread.
 */
public final class SqlTool implements Tool {

    /** Characters of values a result holds at most, so it stays well-formed JSON under the invoker's output cap. */
    static final int MAX_RESULT_CHARS = 16_000;

    private static final String EXPLAIN = "EXPLAIN (VERBOSE, FORMAT JSON) ";

    private final ToolSpec spec;
    private final SqlToolConfig config;
    private final RelationAllowList allowList;
    private final ReadOnlyTransaction transaction;
    private final Scheduler scheduler;

    SqlTool(String name, String description, SqlToolConfig config) {
        this.config = config;
        this.allowList = new RelationAllowList(config.allowedSchemas(), config.allowedTables());
        this.spec = new ToolSpec(name, description != null && !description.isBlank() ? description
                : "Runs one read-only SQL query on a PostgreSQL database and returns the rows as JSON.", parameters());
        this.transaction = new ReadOnlyTransaction(name, config, allowList.searchPath());
        this.scheduler = Schedulers.newBoundedElastic(config.maxConnections(), config.maxConnections() * 16,
                "switchboard-tool-" + name, 60, true);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public Mono<JsonNode> call(JsonNode arguments) {
        return Mono.defer(() -> {
            JsonNode query = arguments.path("query");
            if (!query.isString() || query.asString().length() > config.maxQueryChars()) {
                return Mono.error(ToolException.refused("The argument query must be a string of at most "
                        + config.maxQueryChars() + " characters"));
            }
            String sql = SingleStatement.check(query.asString());
            RunningQuery running = new RunningQuery();
            return Mono.<JsonNode>create(sink -> {
                sink.onCancel(running::cancel);
                try {
                    scheduler.schedule(() -> {
                        try {
                            sink.success(run(sql, running));
                        } catch (RuntimeException failure) {
                            sink.error(failure);
                        }
                    });
                } catch (RejectedExecutionException busy) {
                    sink.error(ToolException.unavailable("The tool is busy with other queries; try again later"));
                }
            });
        });
    }

    @Override
    public void close() {
        scheduler.dispose();
        transaction.close();
    }

    private JsonNode run(String sql, RunningQuery running) {
        if (running.cancelled()) {
            return null;
        }
        try {
            return transaction.run(config.statementTimeoutMs(), connection -> {
                QueryPlan plan = explain(connection, sql, running);
                plan.check(allowList);
                return execute(connection, sql, running);
            });
        } catch (SQLException failure) {
            throw SqlFailures.classify(failure, config.statementTimeoutMs(), 0);
        }
    }

    private QueryPlan explain(Connection connection, String sql, RunningQuery running) {
        try (Statement statement = running.track(connection.createStatement())) {
            statement.setEscapeProcessing(false);
            try (ResultSet plan = statement.executeQuery(EXPLAIN + sql)) {
                plan.next();
                return QueryPlan.of(WireJson.mapper().readTree(plan.getString(1)));
            }
        } catch (SQLException failure) {
            throw SqlFailures.planning(failure, config.statementTimeoutMs(), EXPLAIN.length());
        }
    }

    private ObjectNode execute(Connection connection, String sql, RunningQuery running) throws SQLException {
        try (Statement statement = running.track(connection.createStatement())) {
            statement.setEscapeProcessing(false);
            statement.setMaxRows(config.maxRows() + 1);
            statement.setFetchSize(Math.min(config.maxRows() + 1, 500));
            if (!statement.execute(sql)) {
                throw ToolException.refused("The statement returned no rows; only queries that return rows can run");
            }
            try (ResultSet rows = statement.getResultSet()) {
                return ResultRows.read(rows, config.maxRows(), MAX_RESULT_CHARS);
            }
        }
    }

    private ObjectNode parameters() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        schema.putObject("properties").putObject("query").put("type", "string").put("minLength", 1)
                .put("maxLength", config.maxQueryChars())
                .put("description", "One read-only PostgreSQL query (SELECT, WITH, VALUES or TABLE). It may read "
                        + allowList.describe() + ". At most " + config.maxRows() + " rows are returned.");
        schema.putArray("required").add("query");
        schema.put("additionalProperties", false);
        return schema;
    }
}
