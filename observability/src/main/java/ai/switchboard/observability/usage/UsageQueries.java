package ai.switchboard.observability.usage;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Aggregates over the usage ledger. Blocking (JDBC): call it from a scheduler for blocking work. The time range prunes
 * day partitions; one scan computes both the groups and the grand total ({@code GROUPING SETS}).
 */
public final class UsageQueries {

    private static final UsageTotals EMPTY = new UsageTotals(null, null, 0, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0);

    private final JdbcTemplate jdbc;

    public UsageQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Totals of the requests that started in {@code [from, to)}, per {@code groupBy}, in group order. */
    public UsageReport totals(Instant from, Instant to, UsageGroupBy groupBy) {
        return totals(from, to, groupBy, null);
    }

    /**
     * Totals as {@link #totals(Instant, Instant, UsageGroupBy)}, of the requests made with {@code onlyKeys} only (a
     * team administrator's view of its team's keys); {@code null} for every request.
     */
    public UsageReport totals(Instant from, Instant to, UsageGroupBy groupBy, Collection<UUID> onlyKeys) {
        Objects.requireNonNull(groupBy, "groupBy");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        // The expressions come from the enum, never from the caller, so concatenation is safe here.
        String sql = "SELECT " + groupBy.expression() + " AS grp, " + groupBy.labelExpression() + " AS label,"
                + " count(*) AS requests, coalesce(sum(input_tokens), 0) AS input_tokens,"
                + " coalesce(sum(output_tokens), 0) AS output_tokens, coalesce(sum(cached_tokens), 0) AS cached_tokens,"
                + " coalesce(sum(cost_usd), 0) AS cost_usd, count(*) FILTER (WHERE error_type IS NOT NULL) AS errors,"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50,"
                + " percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95,"
                + " GROUPING(" + groupBy.expression() + ") AS is_total"
                + " FROM usage_ledger WHERE occurred_at >= ? AND occurred_at < ?"
                + (onlyKeys == null ? "" : " AND key_id = ANY (?)")
                + " GROUP BY GROUPING SETS ((" + groupBy.expression() + "), ())"
                + " ORDER BY is_total, grp NULLS LAST";
        List<UsageTotals> groups = new ArrayList<>();
        UsageTotals[] total = {EMPTY};
        jdbc.query(sql, (ResultSet rs) -> {
            UsageTotals row = totals(rs);
            if (rs.getInt("is_total") == 1) {
                total[0] = row;
            } else {
                groups.add(row);
            }
        }, onlyKeys == null ? new Object[] {Timestamp.from(from), Timestamp.from(to)}
                : new Object[] {Timestamp.from(from), Timestamp.from(to), onlyKeys.toArray(UUID[]::new)});
        return new UsageReport(from, to, groupBy, groups, total[0]);
    }

    /** Without the column's trailing zeros, but never in exponent form (JSON writers print {@code 1E+1} as is). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static UsageTotals totals(ResultSet rs) throws SQLException {
        return new UsageTotals(rs.getString("grp"), rs.getString("label"), rs.getLong("requests"),
                rs.getLong("input_tokens"), rs.getLong("output_tokens"), rs.getLong("cached_tokens"),
                plain(rs.getBigDecimal("cost_usd")), rs.getLong("errors"), rs.getDouble("p50"),
                rs.getDouble("p95"));
    }
}
