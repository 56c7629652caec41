package ai.switchboard.gateway.ratelimit;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Leases from PostgreSQL's {@code rate_limit_windows}: one conditional upsert per lease grants
 * {@code min(want, limit - granted)} and returns it, so concurrent replicas can never be granted more than the limit
 * between them, whatever their timing.
 */
final class JdbcLeaseStore implements LeaseStore {

    // In ON CONFLICT ... SET every expression reads the row as it was, so last_grant is the amount granted now.
    private static final String LEASE = """
            INSERT INTO rate_limit_windows AS w (counter, window_start, granted, last_grant)
            VALUES (?, ?, LEAST(?, ?), LEAST(?, ?))
            ON CONFLICT (counter, window_start) DO UPDATE
                SET last_grant = LEAST(?, ? - w.granted), granted = w.granted + LEAST(?, ? - w.granted)
                WHERE w.granted < ?
            RETURNING granted, last_grant""";

    private static final String GIVE_BACK = """
            UPDATE rate_limit_windows SET granted = GREATEST(0, granted - ?)
            WHERE counter = ? AND window_start = ?""";

    private final JdbcTemplate jdbc;

    JdbcLeaseStore(DataSource dataSource, int timeoutSeconds) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(timeoutSeconds);
    }

    @Override
    public Grant lease(String counter, long windowStart, long want, long limit) {
        List<Grant> rows = jdbc.query(LEASE, (rs, row) -> new Grant(rs.getLong("last_grant"), rs.getLong("granted")),
                counter, windowStart, want, limit, want, limit, want, limit, want, limit, limit);
        return rows.isEmpty() ? new Grant(0, limit) : rows.getFirst();
    }

    @Override
    public void giveBack(String counter, long windowStart, long amount) {
        jdbc.update(GIVE_BACK, amount, counter, windowStart);
    }

    @Override
    public void forgetBefore(long windowStart) {
        jdbc.update("DELETE FROM rate_limit_windows WHERE window_start < ?", windowStart);
    }
}
