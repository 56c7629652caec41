package ai.switchboard.tools.sql;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.scheduler.Schedulers;

/**
 * The statement a sql tool call is running, so a cancelled call (timed out, or its agent stopped) cancels it in the
 * database instead of letting it run to its statement timeout. A call cancelled before its next statement starts
 * runs no further statement.
 */
final class RunningQuery {

    private final AtomicReference<Statement> current = new AtomicReference<>();
    private volatile boolean cancelled;

    /** Tracks a statement about to run; throws if the call was cancelled meanwhile. */
    Statement track(Statement statement) throws SQLException {
        current.set(statement);
        if (cancelled) {
            throw new SQLException("cancelled", "57014");
        }
        return statement;
    }

    boolean cancelled() {
        return cancelled;
    }

    /**
     * Asks the server to cancel the running statement. The driver opens a connection to do so, so it runs on
     * Reactor's scheduler for blocking work, never on the thread that cancelled (an event loop, a timer).
     */
    void cancel() {
        cancelled = true;
        Statement statement = current.get();
        if (statement != null) {
            Schedulers.boundedElastic().schedule(() -> {
                try {
                    statement.cancel();
                } catch (SQLException alreadyClosed) {
                    // The statement finished or its connection closed: nothing left to cancel.
                }
            });
        }
    }
}
