package ai.switchboard.gateway.agent.run;

import ai.switchboard.providers.json.WireJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The SQL of stored agent runs ({@code V15__agent_runs.sql}). Blocking: callers run it on the runs' bounded
 * scheduler, never on an event loop. Who may see a run is decided by the caller from the owner columns read here.
 */
public class JdbcAgentRuns {

    private static final String INSERT = """
            INSERT INTO agent_runs (id, agent, key_id, team_id, status, input, replica, created_at, heartbeat_at)
            VALUES (?, ?, ?, ?, 'running', ?::jsonb, ?, ?, ?)""";

    private static final String INSERT_STEP = """
            INSERT INTO agent_run_steps (run_id, seq, step, created_at) VALUES (?, ?, ?::jsonb, ?)""";

    /** Only a running run ends: a cancel and the run's own end may race, and the first one wins. */
    private static final String FINISH = """
            UPDATE agent_runs SET status = ?, answer = ?::jsonb, error = ?, finished_at = ?
            WHERE id = ? AND status = 'running'""";

    private static final String FIND = """
            SELECT id, agent, key_id, team_id, status, answer::text, error, created_at, finished_at
            FROM agent_runs WHERE id = ?""";

    private static final String STEPS = """
            SELECT step::text FROM agent_run_steps WHERE run_id = ? AND seq > ? ORDER BY seq""";

    private static final String REQUEST_CANCEL = """
            UPDATE agent_runs SET cancel_requested = true WHERE id = ? AND status = 'running'""";

    private static final String HEARTBEAT = """
            UPDATE agent_runs SET heartbeat_at = ? WHERE replica = ? AND status = 'running'""";

    private static final String CANCEL_REQUESTED = """
            SELECT id FROM agent_runs WHERE replica = ? AND status = 'running' AND cancel_requested""";

    private static final String INTERRUPT_STALE = """
            UPDATE agent_runs SET status = 'interrupted', finished_at = ?,
                error = 'the gateway running it stopped or crashed'
            WHERE status = 'running' AND (heartbeat_at < ? OR replica = ?)""";

    private static final String DELETE_OLD = """
            DELETE FROM agent_runs WHERE id IN (
                SELECT id FROM agent_runs WHERE created_at < ? AND status <> 'running' ORDER BY created_at LIMIT ?
                FOR UPDATE SKIP LOCKED)""";

    private final JdbcTemplate jdbc;

    public JdbcAgentRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String id, String agent, UUID keyId, UUID teamId, JsonNode input, String replica,
            Instant now) {
        jdbc.update(INSERT, id, agent, keyId, teamId, input.toString(), replica, Timestamp.from(now),
                Timestamp.from(now));
    }

    public void insertStep(String runId, int seq, JsonNode step, Instant now) {
        jdbc.update(INSERT_STEP, runId, seq, step.toString(), Timestamp.from(now));
    }

    /** Ends a running run; {@code false} when it had already ended. */
    public boolean finish(String id, String status, JsonNode answer, String error, Instant now) {
        return jdbc.update(FINISH, status, answer == null ? null : answer.toString(), error, Timestamp.from(now),
                id) == 1;
    }

    public Optional<StoredRun> find(String id, boolean withSteps) {
        List<StoredRun> runs = jdbc.query(FIND, (rs, row) -> run(rs, withSteps ? steps(id, 0) : List.of()), id);
        return runs.stream().findFirst();
    }

    /** The steps after the first {@code after}, in order. */
    public List<JsonNode> steps(String runId, int after) {
        return jdbc.query(STEPS, (rs, row) -> WireJson.mapper().readTree(rs.getString(1)), runId, after);
    }

    public boolean requestCancel(String id) {
        return jdbc.update(REQUEST_CANCEL, id) == 1;
    }

    public void heartbeat(String replica, Instant now) {
        jdbc.update(HEARTBEAT, Timestamp.from(now), replica);
    }

    public List<String> cancelRequested(String replica) {
        return jdbc.queryForList(CANCEL_REQUESTED, String.class, replica);
    }

    /** Marks {@code interrupted} every running run not heard of since {@code staleBefore}, or run by {@code replica}. */
    public int interrupt(Instant staleBefore, String replica, Instant now) {
        return jdbc.update(INTERRUPT_STALE, Timestamp.from(now), Timestamp.from(staleBefore), replica);
    }

    public int deleteOlderThan(Instant before, int batch) {
        return jdbc.update(DELETE_OLD, Timestamp.from(before), batch);
    }

    private static StoredRun run(ResultSet rs, List<JsonNode> steps) throws SQLException {
        String answer = rs.getString(6);
        Timestamp finished = rs.getTimestamp(9);
        return new StoredRun(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getString(5), answer == null ? null : WireJson.mapper().readTree(answer),
                rs.getString(7), rs.getTimestamp(8).toInstant(), finished == null ? null : finished.toInstant(),
                steps);
    }
}
