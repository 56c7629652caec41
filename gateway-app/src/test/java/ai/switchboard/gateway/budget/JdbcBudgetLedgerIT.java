package ai.switchboard.gateway.budget;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.it.GatewayIT;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The database side of budgets: leases never exceed the limit, settlements move lease to spent, dead leases return. */
class JdbcBudgetLedgerIT extends GatewayIT {

    private static final Instant PERIOD = Instant.EPOCH;
    private static final Duration TTL = Duration.ofMinutes(2);
    private static final long DOLLAR = 1_000_000_000L;

    @Autowired
    JdbcBudgetLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    private UUID budget;

    @BeforeEach
    void budget() {
        UUID team = UUID.randomUUID();
        budget = UUID.randomUUID();
        jdbc.update("INSERT INTO teams (id, name, created_at, updated_at) VALUES (?, ?, now(), now())", team,
                "ledger-" + team);
        jdbc.update("INSERT INTO budgets (id, name, scope_type, team_id, period, limit_usd, enabled, created_at, "
                + "updated_at) VALUES (?, ?, 'team', ?, 'total', 1, true, now(), now())", budget, "ledger-" + budget,
                team);
    }

    @Test
    void concurrentLeasesOfManyReplicasGrantExactlyTheLimitAndNoMore() throws Exception {
        int replicas = 12;
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> granted = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            UUID replica = UUID.randomUUID();
            granted.add(pool.submit(() -> {
                start.await();
                long total = 0;
                long got;
                do {
                    got = ledger.lease(budget, PERIOD, replica, 70_000_000L, TTL).granted(); // $0.07 at a time
                    total += got;
                } while (got > 0);
                return total;
            }));
        }
        start.countDown();
        long sum = 0;
        for (Future<Long> replica : granted) {
            sum += replica.get();
        }
        pool.shutdown();

        assertThat(sum).isEqualTo(DOLLAR);
        assertThat(row()).containsEntry("leased", new BigDecimal("1.000000000"));
        assertThat(jdbc.queryForObject("SELECT sum(amount) FROM budget_leases WHERE budget_id = ?", BigDecimal.class,
                budget)).isEqualByComparingTo("1");
    }

    @Test
    void settlingMovesTheSpentPartOfALeaseToSpentAndReleasingReturnsTheRest() {
        UUID replica = UUID.randomUUID();
        assertThat(ledger.lease(budget, PERIOD, replica, 300_000_000L, TTL).granted()).isEqualTo(300_000_000L);

        JdbcBudgetLedger.LeaseState state = ledger.settle(budget, PERIOD, replica, 120_000_000L, 5_000_000L,
                100_000_000L, TTL);

        assertThat(state.held()).isEqualTo(80_000_000L);
        assertThat(state.spent()).isEqualTo(125_000_000L);
        assertThat(row()).containsEntry("spent", new BigDecimal("0.125000000"))
                .containsEntry("leased", new BigDecimal("0.080000000"));
        // Only $0.795 is left to lease: a larger ask gets exactly that.
        assertThat(ledger.lease(budget, PERIOD, UUID.randomUUID(), DOLLAR, TTL).granted()).isEqualTo(795_000_000L);
    }

    @Test
    void theLeaseOfAReplicaThatStoppedRenewingIsReclaimedAndNotHandedBackTwice() throws Exception {
        UUID dead = UUID.randomUUID();
        ledger.lease(budget, PERIOD, dead, 400_000_000L, Duration.ofMillis(1));
        Thread.sleep(20); // the lease's whole life

        assertThat(ledger.reclaimExpired()).isGreaterThanOrEqualTo(1);
        assertThat(row()).containsEntry("leased", new BigDecimal("0.000000000"));
        UUID alive = UUID.randomUUID();
        assertThat(ledger.lease(budget, PERIOD, alive, DOLLAR, TTL).granted()).isEqualTo(DOLLAR);

        // The stopped replica comes back and settles what it spent: spent counts, its lost lease is not returned.
        JdbcBudgetLedger.LeaseState late = ledger.settle(budget, PERIOD, dead, 10_000_000L, 0, 390_000_000L, TTL);
        assertThat(late.held()).isZero();
        assertThat(row()).containsEntry("spent", new BigDecimal("0.010000000"))
                .containsEntry("leased", new BigDecimal("1.000000000"));
    }

    @Test
    void aDeletedBudgetHasNothingToLeaseAndNowhereToSettle() {
        jdbc.update("DELETE FROM budgets WHERE id = ?", budget);

        assertThat(ledger.lease(budget, PERIOD, UUID.randomUUID(), DOLLAR, TTL))
                .isSameAs(JdbcBudgetLedger.LeaseState.GONE);
        assertThat(ledger.settle(budget, PERIOD, UUID.randomUUID(), 1, 0, 0, TTL))
                .isSameAs(JdbcBudgetLedger.LeaseState.GONE);
    }

    private Map<String, Object> row() {
        return jdbc.queryForMap("SELECT spent, leased FROM budget_periods WHERE budget_id = ?", budget);
    }
}
