package ai.switchboard.tools.sql;

import ai.switchboard.tools.ToolError;
import ai.switchboard.tools.ToolException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The one place a sql tool's database errors become tool errors. A write refused by the read-only transaction is a
 * refusal; a mistake in the query (syntax, unknown column, bad cast) goes back with PostgreSQL's own message so the
 * model can fix it; connection trouble says only that the database is unavailable.
 */
final class SqlFailures {

    private SqlFailures() {
    }

    /**
     * A failure of {@code EXPLAIN} on the model's statement. A syntax error there most often means the statement is
     * not a query at all ({@code TRUNCATE}, {@code COPY}, {@code CALL}), which the model should be told plainly.
     */
    static ToolException planning(SQLException failure, int timeoutMs, int positionShift) {
        ToolException classified = classify(failure, timeoutMs, positionShift);
        if (!"42601".equals(failure.getSQLState())) {
            return classified;
        }
        return new ToolException(ToolError.INVALID_ARGUMENTS, "Only a single read query (SELECT, WITH, VALUES or "
                + "TABLE) can run, and PostgreSQL cannot plan this statement as one: " + classified.getMessage());
    }

    /**
     * @param positionShift characters the gateway put before the model's query (an {@code EXPLAIN} prefix), so an
     *     error position points into the query the model wrote
     */
    static ToolException classify(SQLException failure, int timeoutMs, int positionShift) {
        if (failure instanceof SQLTransientConnectionException) {
            return ToolException.unavailable("The database is busy or unreachable; try again later");
        }
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        String message = serverMessage(failure, positionShift);
        if (state.equals("57014")) {
            return ToolException.timeout("The query ran longer than " + timeoutMs + " ms and was cancelled");
        }
        if (state.equals("55P03")) {
            return ToolException.timeout("The query waited too long for a lock");
        }
        if (state.startsWith("25")) {
            return ToolException.refused("Only reads are allowed: " + message);
        }
        if (state.equals("42501")) {
            return ToolException.refused(message);
        }
        if (state.startsWith("42") || state.startsWith("22") || state.startsWith("21") || state.startsWith("0A")
                || state.startsWith("2F") || state.startsWith("38") || state.startsWith("39")
                || state.startsWith("P0") || state.startsWith("54")) {
            return new ToolException(ToolError.INVALID_ARGUMENTS, message);
        }
        if (state.startsWith("08") || state.startsWith("28") || state.startsWith("53") || state.startsWith("57P")) {
            return ToolException.unavailable("The database is unavailable");
        }
        return new ToolException(ToolError.FAILED, "The query failed (SQLSTATE " + state + ")");
    }

    /** PostgreSQL's primary message and position, without the driver's decoration. */
    private static String serverMessage(SQLException failure, int positionShift) {
        ServerErrorMessage server = failure instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (server == null || server.getMessage() == null) {
            String text = failure.getMessage() == null ? "" : failure.getMessage();
            int line = text.indexOf('\n');
            return line < 0 ? text : text.substring(0, line);
        }
        StringBuilder text = new StringBuilder(server.getMessage());
        if (server.getPosition() > positionShift) {
            text.append(" (at character ").append(server.getPosition() - positionShift).append(')');
        }
        if (server.getHint() != null) {
            text.append(". Hint: ").append(server.getHint());
        }
        return text.toString();
    }
}
