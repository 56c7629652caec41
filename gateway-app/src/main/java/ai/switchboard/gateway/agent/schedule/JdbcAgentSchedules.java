package ai.switchboard.gateway.agent.schedule;

import ai.switchboard.providers.json.WireJson;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The firing side of {@code agent_schedules} (the registry owns the definitions). Blocking: called on the ticker's
 * own thread. A tick is claimed by moving {@code next_fire_at} on from the value read: PostgreSQL serialises the
 * UPDATEs of one row, and under READ COMMITTED a second UPDATE re-reads the row after the first commits, finds
 * {@code next_fire_at} changed, and updates nothing. So exactly one replica wins each tick, with no lock table.
 */
public class JdbcAgentSchedules {

    private static final String DUE = """
            SELECT id, name, agent, cron, input::text, run_as, next_fire_at FROM agent_schedules
            WHERE enabled AND next_fire_at <= ? ORDER BY next_fire_at LIMIT ?""";

    private static final String CLAIM = """
            UPDATE agent_schedules SET next_fire_at = ?, last_fired_at = ?
            WHERE id = ? AND enabled AND next_fire_at = ?""";

    private static final String FIRED = """
            UPDATE agent_schedules SET last_run_id = ?, last_error = ? WHERE id = ?""";

    private final JdbcTemplate jdbc;

    public JdbcAgentSchedules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<DueSchedule> due(Instant now, int limit) {
        return jdbc.query(DUE, (rs, row) -> new DueSchedule(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), rs.getString(4), WireJson.mapper().readTree(rs.getString(5)), rs.getString(6),
                rs.getTimestamp(7).toInstant()), Timestamp.from(now), limit);
    }

    /** Whether this caller won the firing due at {@code dueAt}; {@code next} is {@code null} for a last firing. */
    public boolean claim(UUID id, Instant dueAt, Instant next, Instant now) {
        return jdbc.update(CLAIM, next == null ? null : Timestamp.from(next), Timestamp.from(now), id,
                Timestamp.from(dueAt)) == 1;
    }

    public void fired(UUID id, String runId, String error) {
        jdbc.update(FIRED, runId, error, id);
    }
}
