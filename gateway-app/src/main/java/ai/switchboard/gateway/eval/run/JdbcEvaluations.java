package ai.switchboard.gateway.eval.run;

import ai.switchboard.providers.json.WireJson;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;

/**
 * The SQL of evaluations ({@code V19__evaluations.sql}). Blocking: callers run it on the evaluations' scheduler.
 * Every write of a running evaluation is guarded by {@code status = 'running'}, so a cancel, a cap or another
 * replica's claim wins over a late write of the run it ended.
 */
public class JdbcEvaluations {

    private static final String COLUMNS = """
            e.id, e.dataset_id, d.name, e.last_seq, e.key_id, e.targets::text, e.candidate::text, e.concurrency, e.cost_cap_usd,
            e.spent_usd, e.status, e.error, e.created_by, e.created_at, e.finished_at""";

    private static final String FROM = " FROM evaluations e JOIN eval_datasets d ON d.id = e.dataset_id";

    private final JdbcTemplate jdbc;

    public JdbcEvaluations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(StoredEvaluation evaluation, String replica, Instant now) {
        jdbc.update("""
                INSERT INTO evaluations (id, dataset_id, last_seq, key_id, targets, candidate, concurrency, cost_cap_usd,
                    status, replica, created_by, created_at, heartbeat_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, 'running', ?, ?, ?, ?)""", evaluation.id(),
                evaluation.datasetId(), evaluation.lastSeq(), evaluation.keyId(),
                WireJson.mapper().writeValueAsString(evaluation.targets()),
                evaluation.candidate() == null ? null : evaluation.candidate().toString(), evaluation.concurrency(), evaluation.costCapUsd(), replica, evaluation.createdBy(),
                Timestamp.from(now), Timestamp.from(now));
    }

    public Optional<StoredEvaluation> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + FROM + " WHERE e.id = ?", JdbcEvaluations::evaluation, id).stream()
                .findFirst();
    }

    public List<StoredEvaluation> list(int limit) {
        return jdbc.query("SELECT " + COLUMNS + FROM + " ORDER BY e.created_at DESC LIMIT ?",
                JdbcEvaluations::evaluation, limit);
    }

    public boolean usesDataset(UUID datasetId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT exists(SELECT 1 FROM evaluations WHERE dataset_id = ?)", Boolean.class, datasetId));
    }

    /**
     * Stores a result and adds what it spent to the run, in one statement; {@code false} (and nothing stored) when
     * the run is no longer running.
     */
    public boolean record(String id, CaseResult r, Instant now) {
        return jdbc.update("""
                WITH run AS (
                    UPDATE evaluations SET spent_usd = spent_usd + ?, heartbeat_at = ?
                    WHERE id = ? AND status = 'running' RETURNING id)
                INSERT INTO evaluation_results (evaluation_id, target, case_seq, request_id, served_by, answer, passed,
                    score, detail, error, latency_ms, input_tokens, output_tokens, cost_usd, grade_cost_usd, created_at)
                SELECT run.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM run
                ON CONFLICT (evaluation_id, target, case_seq) DO NOTHING""", r.spent(), Timestamp.from(now), id,
                r.target(), r.caseSeq(), r.requestId(), r.servedBy(), r.answer(), r.passed(), r.score(), r.detail(),
                r.error(), r.latencyMs(), r.inputTokens(), r.outputTokens(), r.costUsd(), r.gradeCostUsd(),
                Timestamp.from(now)) == 1;
    }

    public List<CaseResult> results(String id) {
        return jdbc.query("""
                SELECT target, case_seq, request_id, served_by, answer, passed, score, detail, error, latency_ms,
                    input_tokens, output_tokens, cost_usd, grade_cost_usd
                FROM evaluation_results WHERE evaluation_id = ? ORDER BY target, case_seq""", (rs, row) ->
                new CaseResult(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBoolean(6), rs.getObject(7, Integer.class), rs.getString(8), rs.getString(9),
                        rs.getObject(10, Long.class), rs.getObject(11, Long.class), rs.getObject(12, Long.class),
                        rs.getBigDecimal(13), rs.getBigDecimal(14)), id);
    }

    /** Ends a running evaluation; {@code false} when it had already ended. */
    public boolean finish(String id, String status, String error, Instant now) {
        return jdbc.update("""
                UPDATE evaluations SET status = ?, error = ?, finished_at = ? WHERE id = ? AND status = 'running'""",
                status, error, Timestamp.from(now), id) == 1;
    }

    public void heartbeat(String replica, Instant now) {
        jdbc.update("UPDATE evaluations SET heartbeat_at = ? WHERE replica = ? AND status = 'running'",
                Timestamp.from(now), replica);
    }

    /**
     * Takes over the running evaluations not heard of since {@code staleBefore} (their replica died or stopped);
     * the ids it took. One UPDATE: of two replicas claiming at once, each row goes to one.
     */
    public List<String> claimStale(Instant staleBefore, String replica, Instant now) {
        return jdbc.queryForList("""
                UPDATE evaluations SET replica = ?, heartbeat_at = ?
                WHERE status = 'running' AND heartbeat_at < ? RETURNING id""", String.class, replica,
                Timestamp.from(now), Timestamp.from(staleBefore));
    }

    /** At a graceful shutdown: this replica's runs become stale at once, for the next gateway to resume. */
    public int release(String replica) {
        return jdbc.update("""
                UPDATE evaluations SET heartbeat_at = timestamptz 'epoch' WHERE replica = ? AND status = 'running'""",
                replica);
    }

    private static StoredEvaluation evaluation(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp(15);
        String candidate = rs.getString(7);
        return new StoredEvaluation(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
                rs.getObject(5, UUID.class), WireJson.mapper().readValue(rs.getString(6), new TypeReference<>() { }),
                candidate == null ? null : WireJson.mapper().readTree(candidate), rs.getInt(8), rs.getBigDecimal(9),
                rs.getBigDecimal(10), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getTimestamp(14).toInstant(), finished == null ? null : finished.toInstant());
    }
}
