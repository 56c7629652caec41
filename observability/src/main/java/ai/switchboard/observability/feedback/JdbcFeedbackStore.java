package ai.switchboard.observability.feedback;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code feedback} table, joined to the usage ledger by request id. Blocking (JDBC): call it from a scheduler
 * for blocking work.
 */
public final class JdbcFeedbackStore {

    /** The most model and route groups a summary lists. */
    public static final int MAX_GROUPS = 500;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcFeedbackStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores {@code feedback} if the request it names was made with one of {@code keys} (the caller's key and its
     * team's); empty when no such request is in the ledger (unknown, another team's, or not written yet).
     */
    public Optional<StoredFeedback> attach(Feedback feedback, UUID keyId, UUID teamId, Collection<UUID> keys) {
        // An agent's request has a row per tool call besides its answer's: the answer's row names the model.
        List<String[]> answered = jdbc.query("SELECT model, route FROM usage_ledger WHERE request_id = ?"
                + " AND key_id = ANY (?) ORDER BY (operation = 'execute_tool'), occurred_at DESC LIMIT 1",
                (rs, n) -> new String[] {rs.getString("model"), rs.getString("route")}, feedback.requestId(),
                keys.toArray(UUID[]::new));
        if (answered.isEmpty()) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String model = answered.getFirst()[0];
        String route = answered.getFirst()[1];
        jdbc.update("INSERT INTO feedback (id, request_id, key_id, team_id, model, route, score, label, comment,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, feedback.requestId(), keyId, teamId,
                model, route, feedback.score(), feedback.label(), feedback.comment(), Timestamp.from(now));
        return Optional.of(new StoredFeedback(id, feedback, model, route, now));
    }

    /** Totals per model and route, and overall, of the feedback {@code filter} covers. */
    public FeedbackSummary summary(FeedbackFilter filter) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (filter.model() != null) {
            where.append(" AND model = ?");
            args.add(filter.model());
        }
        if (filter.route() != null) {
            where.append(" AND route = ?");
            args.add(filter.route());
        }
        if (filter.from() != null) {
            where.append(" AND created_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND created_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        Map<List<String>, Map<String, Long>> labels = new LinkedHashMap<>();
        jdbc.query("SELECT model, route, label, count(*) AS n, GROUPING(model, route) AS is_total FROM feedback"
                + where + " AND label IS NOT NULL GROUP BY GROUPING SETS ((model, route, label), (label))"
                + " ORDER BY n DESC, label",
                rs -> {
                    boolean isTotal = rs.getInt("is_total") != 0;
                    labels.computeIfAbsent(key(rs.getString("model"), rs.getString("route"), isTotal),
                            k -> new LinkedHashMap<>()).put(rs.getString("label"), rs.getLong("n"));
                }, args.toArray());
        List<FeedbackTotals> groups = new ArrayList<>();
        FeedbackTotals[] total = {new FeedbackTotals(null, null, 0, 0, null, Map.of())};
        List<Object> groupArgs = new ArrayList<>(args);
        groupArgs.add(MAX_GROUPS + 1); // the total comes first
        jdbc.query("SELECT model, route, count(*) AS n, count(score) AS scored, avg(score) AS average,"
                + " GROUPING(model, route) AS is_total FROM feedback" + where
                + " GROUP BY GROUPING SETS ((model, route), ()) ORDER BY is_total DESC, n DESC, model, route LIMIT ?",
                rs -> {
                    boolean isTotal = rs.getInt("is_total") != 0;
                    String model = isTotal ? null : rs.getString("model");
                    String route = isTotal ? null : rs.getString("route");
                    double average = rs.getDouble("average");
                    FeedbackTotals totals = new FeedbackTotals(model, route, rs.getLong("n"), rs.getLong("scored"),
                            rs.wasNull() ? null : average, labels.getOrDefault(key(model, route, isTotal), Map.of()));
                    if (isTotal) {
                        total[0] = totals;
                    } else {
                        groups.add(totals);
                    }
                }, groupArgs.toArray());
        return new FeedbackSummary(groups, total[0]);
    }

    private static List<String> key(String model, String route, boolean total) {
        List<String> key = new ArrayList<>();
        key.add(total ? "total" : "group");
        key.add(model);
        key.add(route);
        return key;
    }
}
