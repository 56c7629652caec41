package ai.switchboard.tools.sql;

import ai.switchboard.tools.ToolError;
import ai.switchboard.tools.ToolException;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;
import org.postgresql.core.SqlCommandType;

/**
 * Early, friendly checks of the model's SQL with the driver's own lexer (the one that would split it into several
 * statements): exactly one statement, and not one the driver already knows writes. They spare the database a
 * round trip and give the model a plain reason; they are not the guard. The server refuses a second statement in a
 * prepared (extended-protocol) query by itself, and the read-only transaction refuses every write.
 */
final class SingleStatement {

    private static final Set<SqlCommandType> WRITES = Set.of(SqlCommandType.INSERT, SqlCommandType.UPDATE,
            SqlCommandType.DELETE, SqlCommandType.CREATE, SqlCommandType.ALTER, SqlCommandType.MOVE);

    private SingleStatement() {
    }

    /** The statement without trailing semicolons; throws a refusal the model can read. */
    static String check(String sql) {
        List<NativeQuery> statements;
        try {
            statements = Parser.parseJdbcSql(sql, true, false, true, false, false);
        } catch (SQLException e) {
            throw new ToolException(ToolError.INVALID_ARGUMENTS, "The query cannot be read: " + e.getMessage());
        }
        if (statements.isEmpty()) {
            throw new ToolException(ToolError.INVALID_ARGUMENTS, "The query is empty");
        }
        if (statements.size() > 1) {
            throw ToolException.refused("Only one statement can run at a time; this query has "
                    + statements.size());
        }
        NativeQuery statement = statements.get(0);
        if (WRITES.contains(statement.command.getType())) {
            throw ToolException.refused("Only read queries can run (SELECT, WITH, VALUES or TABLE); this is "
                    + statement.command.getType());
        }
        return statement.nativeSql;
    }
}
