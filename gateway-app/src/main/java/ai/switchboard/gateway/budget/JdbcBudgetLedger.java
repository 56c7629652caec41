package ai.switchboard.gateway.budget;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared side of budgets, in PostgreSQL: per budget and period what was spent and what replicas hold on lease,
 * and per replica its lease. Blocking: called only on the budget scheduler, never on an event loop, and never once
 * per request (a replica leases a slice, spends it locally, and writes its settlements in batches).
 *
 * <p>Every transaction locks the period row first, then the lease row, so leases, settlements and reclaims of
 * different replicas never deadlock. Amounts cross this boundary in nano-dollars.
 */
final class JdbcBudgetLedger {

    /** The one conditional UPDATE that grants a lease: never beyond the limit, whoever else leases at once. */
    private static final String GRANT = """
            WITH cur AS (
                SELECT p.budget_id, p.period_start, LEAST(?::numeric, b.limit_usd - p.spent - p.leased) AS amount
                FROM budget_periods p JOIN budgets b ON b.id = p.budget_id
                WHERE p.budget_id = ? AND p.period_start = ?
                FOR UPDATE OF p)
            UPDATE budget_periods p SET leased = p.leased + cur.amount
            FROM cur, budgets b
            WHERE p.budget_id = cur.budget_id AND p.period_start = cur.period_start AND b.id = p.budget_id
              AND cur.amount > 0 AND p.spent + p.leased + cur.amount <= b.limit_usd
            RETURNING cur.amount""";

    private static final String UPSERT_LEASE = """
            INSERT INTO budget_leases (budget_id, period_start, replica_id, amount, expires_at)
            VALUES (?, ?, ?, ?, now() + make_interval(secs => ?))
            ON CONFLICT (budget_id, period_start, replica_id)
            DO UPDATE SET amount = budget_leases.amount + excluded.amount, expires_at = excluded.expires_at
            RETURNING amount""";

    private static final String THRESHOLD = """
            UPDATE budget_periods p SET threshold_crossed_at = now()
            FROM budgets b
            WHERE b.id = p.budget_id AND p.budget_id = ? AND p.period_start = ? AND p.threshold_crossed_at IS NULL
              AND b.soft_threshold_percent IS NOT NULL AND p.spent * 100 >= b.limit_usd * b.soft_threshold_percent
            RETURNING 1""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    JdbcBudgetLedger(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * What the replica's lease holds after an operation, and what the period has spent.
     *
     * @param granted nano-dollars newly granted (leases only)
     * @param held the replica's whole lease after the operation
     * @param thresholdCrossed whether this operation was the first of the period past the soft threshold
     */
    record LeaseState(long granted, long held, long spent, boolean thresholdCrossed) {

        /** The budget was deleted: nothing to lease, and its settlements have nowhere to go. */
        static final LeaseState GONE = new LeaseState(0, 0, 0, false);
    }

    /** Makes sure the period's row exists; {@code false} when the budget itself no longer does. */
    private boolean period(UUID budget, Timestamp start) {
        jdbc.update("INSERT INTO budget_periods (budget_id, period_start) SELECT ?, ? WHERE EXISTS "
                + "(SELECT 1 FROM budgets WHERE id = ?) ON CONFLICT DO NOTHING", budget, start, budget);
        return !jdbc.queryForList("SELECT 1 FROM budget_periods WHERE budget_id = ? AND period_start = ? FOR UPDATE",
                budget, start).isEmpty();
    }

    /**
     * Leases up to {@code want} more of the period's remaining budget (less when less remains, nothing when nothing
     * does) and renews the replica's lease for {@code ttl}.
     */
    LeaseState lease(UUID budget, Instant periodStart, UUID replica, long want, Duration ttl) {
        return transaction.execute(status -> {
            Timestamp start = Timestamp.from(periodStart);
            if (!period(budget, start)) {
                return LeaseState.GONE;
            }
            List<BigDecimal> granted = jdbc.queryForList(GRANT, BigDecimal.class, Nanos.toUsd(want), budget, start);
            long amount = granted.isEmpty() ? 0 : Nanos.ofUsdFloor(granted.getFirst());
            long held = Nanos.ofUsdFloor(jdbc.queryForObject(UPSERT_LEASE, BigDecimal.class, budget, start, replica,
                    Nanos.toUsd(amount), seconds(ttl)));
            return new LeaseState(amount, held, spent(budget, start), false);
        });
    }

    /**
     * Writes what the replica settled: {@code fromLease} spent out of its lease, {@code overdraft} spent beyond it
     * (real costs above their reservation), {@code released} handed back; and renews the lease for {@code ttl}. A
     * lease that was reclaimed while the replica could not renew it is not handed back twice.
     */
    LeaseState settle(UUID budget, Instant periodStart, UUID replica, long fromLease, long overdraft, long released,
            Duration ttl) {
        return transaction.execute(status -> {
            Timestamp start = Timestamp.from(periodStart);
            if (!period(budget, start)) {
                return LeaseState.GONE;
            }
            List<BigDecimal> leased = jdbc.queryForList("SELECT amount FROM budget_leases WHERE budget_id = ? "
                    + "AND period_start = ? AND replica_id = ? FOR UPDATE", BigDecimal.class, budget, start, replica);
            long held = leased.isEmpty() ? 0 : Nanos.ofUsdFloor(leased.getFirst());
            long fromHeld = Math.min(held, fromLease + released);
            long spentNow = fromLease + overdraft;
            jdbc.update("UPDATE budget_periods SET spent = spent + ?, leased = GREATEST(leased - ?, 0) "
                    + "WHERE budget_id = ? AND period_start = ?", Nanos.toUsd(spentNow), Nanos.toUsd(fromHeld),
                    budget, start);
            long left = held - fromHeld;
            if (!leased.isEmpty()) {
                jdbc.update("UPDATE budget_leases SET amount = ?, expires_at = now() + make_interval(secs => ?) "
                        + "WHERE budget_id = ? AND period_start = ? AND replica_id = ?", Nanos.toUsd(left),
                        seconds(ttl), budget, start, replica);
            }
            boolean crossed = !jdbc.queryForList(THRESHOLD, budget, start).isEmpty();
            return new LeaseState(0, left, spent(budget, start), crossed);
        });
    }

    /**
     * Hands back the leases of replicas that stopped renewing them (a replica that died), so that nothing stays
     * stranded. A live replica stops spending a lease before it expires here.
     *
     * @return how many leases were reclaimed
     */
    int reclaimExpired() {
        List<Map<String, Object>> expired = jdbc.queryForList(
                "SELECT budget_id, period_start, replica_id FROM budget_leases WHERE expires_at < now() LIMIT 1000");
        int reclaimed = 0;
        for (Map<String, Object> lease : expired) {
            Boolean done = transaction.execute(status -> {
                jdbc.queryForList("SELECT 1 FROM budget_periods WHERE budget_id = ? AND period_start = ? FOR UPDATE",
                        lease.get("budget_id"), lease.get("period_start"));
                List<BigDecimal> amount = jdbc.queryForList("DELETE FROM budget_leases WHERE budget_id = ? "
                        + "AND period_start = ? AND replica_id = ? AND expires_at < now() RETURNING amount",
                        BigDecimal.class, lease.get("budget_id"), lease.get("period_start"), lease.get("replica_id"));
                if (amount.isEmpty()) {
                    return false;
                }
                jdbc.update("UPDATE budget_periods SET leased = GREATEST(leased - ?, 0) WHERE budget_id = ? "
                        + "AND period_start = ?", amount.getFirst(), lease.get("budget_id"), lease.get("period_start"));
                return true;
            });
            reclaimed += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return reclaimed;
    }

    /** Spent and leased (held by replicas: reserved for requests in flight or about to be) of each budget's period. */
    record PeriodUsage(BigDecimal spent, BigDecimal leased) {
    }

    /** The usage of the given budget periods; a period nobody has spent from yet is absent. */
    Map<UUID, PeriodUsage> usage(Map<UUID, Instant> periodStarts) {
        Map<UUID, PeriodUsage> usage = new HashMap<>();
        if (periodStarts.isEmpty()) {
            return usage;
        }
        jdbc.query("SELECT budget_id, period_start, spent, leased FROM budget_periods WHERE budget_id = ANY (?)",
                rs -> {
                    UUID id = rs.getObject("budget_id", UUID.class);
                    Instant start = rs.getTimestamp("period_start").toInstant();
                    if (start.equals(periodStarts.get(id))) {
                        usage.put(id, new PeriodUsage(rs.getBigDecimal("spent"), rs.getBigDecimal("leased")));
                    }
                }, (Object) periodStarts.keySet().toArray(UUID[]::new));
        return usage;
    }

    private long spent(UUID budget, Timestamp start) {
        BigDecimal spent = jdbc.queryForObject("SELECT spent FROM budget_periods WHERE budget_id = ? "
                + "AND period_start = ?", BigDecimal.class, budget, start);
        return spent == null ? 0 : Nanos.ofUsdFloor(spent);
    }

    private static double seconds(Duration ttl) {
        return ttl.toMillis() / 1000.0;
    }
}
