package ai.switchboard.gateway.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.observability.BudgetMetrics;
import ai.switchboard.registry.BudgetConfig;
import ai.switchboard.registry.BudgetPeriod;
import ai.switchboard.registry.BudgetScope;
import ai.switchboard.registry.RegistrySnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import reactor.core.publisher.Mono;

/** This replica's accounts against a stubbed ledger: leases on demand, refusals, period roll-over. */
class BudgetAccountsTests {

    private static final long CENT = 10_000_000L;

    private final JdbcBudgetLedger ledger = mock(JdbcBudgetLedger.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T23:59:59Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final BudgetAccounts accounts = new BudgetAccounts(ledger, new BudgetMetrics(meters), Runnable::run, clock,
            new BudgetProperties());
    private final BudgetConfig daily = new BudgetConfig(UUID.randomUUID(), "team-daily", BudgetScope.TEAM,
            UUID.randomUUID(), "support", BudgetPeriod.DAILY, BigDecimal.ONE, 80, true, 0);

    @Test
    void aReservationThatDoesNotFitLeasesThenSpendsLocally() {
        when(ledger.lease(eq(daily.id()), any(), any(), anyLong(), any()))
                .thenReturn(new JdbcBudgetLedger.LeaseState(2 * CENT, 2 * CENT, 0, false));
        BudgetAccount account = accounts.account(daily);

        BudgetHold hold = hold(accounts.reserve(List.of(account), CENT / 2, held -> { }));
        Object second = accounts.reserve(List.of(account), CENT / 2, held -> { });

        assertThat(second).as("served from the local share, no wait").isInstanceOf(BudgetHold.class);
        assertThat(account.available.get()).isEqualTo(CENT);
        hold.settle(budget -> CENT / 4);
        assertThat(account.available.get()).isEqualTo(CENT + CENT / 4);
        assertThat(account.pendingFromLease.get()).isEqualTo(CENT / 4);
    }

    @Test
    void aSpentBudgetRefusesWithInsufficientQuotaAndCountsIt() {
        when(ledger.lease(eq(daily.id()), any(), any(), anyLong(), any()))
                .thenReturn(new JdbcBudgetLedger.LeaseState(0, 0, 100 * CENT, false));

        Object reserved = accounts.reserve(List.of(accounts.account(daily)), CENT, held -> { });

        ApiException refusal = refusal(reserved);
        assertThat(refusal.status()).isEqualTo(429);
        assertThat(refusal.type()).isEqualTo("insufficient_quota");
        assertThat(refusal.getMessage()).contains("Budget 'team-daily' (team 'support', $1.00 daily)")
                .contains("resets at 2026-12-04T00:00:00Z");
        assertThat(meters.counter(BudgetMetrics.EXHAUSTED, BudgetMetrics.SCOPE_TYPE, "team").count()).isEqualTo(1);
    }

    @Test
    void anUnreachableDatabaseRefusesWith503OnceTheLocalShareIsSpent() {
        when(ledger.lease(eq(daily.id()), any(), any(), anyLong(), any()))
                .thenReturn(new JdbcBudgetLedger.LeaseState(CENT, CENT, 0, false))
                .thenThrow(new DataAccessResourceFailureException("connection refused"));
        BudgetAccount account = accounts.account(daily);
        hold(accounts.reserve(List.of(account), CENT * 6 / 10, held -> { }));

        Object reserved = accounts.reserve(List.of(account), CENT * 6 / 10, held -> { });

        ApiException refusal = refusal(reserved);
        assertThat(refusal.status()).isEqualTo(503);
        assertThat(refusal.code()).isEqualTo("budget_unavailable");
        assertThat(refusal.getMessage()).contains("Budgets cannot be checked");
        assertThat(account.available.get()).as("what is held is still there").isEqualTo(CENT * 4 / 10);
    }

    @Test
    void whenThePeriodEndsItsUnusedLeaseGoesBackAndItsSettlementsAreWrittenToIt() {
        when(ledger.lease(eq(daily.id()), any(), any(), anyLong(), any()))
                .thenReturn(new JdbcBudgetLedger.LeaseState(2 * CENT, 2 * CENT, 0, false));
        when(ledger.settle(eq(daily.id()), any(), any(), anyLong(), anyLong(), anyLong(), any()))
                .thenReturn(new JdbcBudgetLedger.LeaseState(0, 0, CENT, false));
        accounts.index(new RegistrySnapshot(1, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(daily)));
        BudgetAccount yesterday = accounts.account(daily);
        hold(accounts.reserve(List.of(yesterday), CENT, held -> { })).settle(budget -> CENT);

        now.set(Instant.parse("2026-12-04T00:00:01Z"));
        BudgetAccount today = accounts.account(daily);
        accounts.tick();

        assertThat(today).isNotSameAs(yesterday);
        assertThat(today.periodStart).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
        verify(ledger).settle(daily.id(), Instant.parse("2026-12-03T00:00:00Z"), accounts.replicaId(), CENT, 0,
                CENT, new BudgetProperties().getLeaseTtl());
        assertThat(yesterday.available.get()).isZero();
        assertThat(accounts.unwritten()).isZero();
    }

    @Test
    void settlementsThatCannotBeWrittenStayQueuedUntilTheyCan() {
        when(ledger.lease(eq(daily.id()), any(), any(), anyLong(), any()))
                .thenReturn(new JdbcBudgetLedger.LeaseState(2 * CENT, 2 * CENT, 0, false));
        when(ledger.settle(eq(daily.id()), any(), any(), anyLong(), anyLong(), anyLong(), any()))
                .thenThrow(new DataAccessResourceFailureException("connection refused"))
                .thenReturn(new JdbcBudgetLedger.LeaseState(0, CENT, CENT, false));
        BudgetAccount account = accounts.account(daily);
        hold(accounts.reserve(List.of(account), CENT, held -> { })).settle(budget -> CENT);

        accounts.flush(account);
        assertThat(account.pendingFromLease.get()).as("queued").isEqualTo(CENT);
        accounts.flush(account);

        assertThat(account.pendingFromLease.get()).isZero();
        assertThat(account.knownSpent).isEqualTo(CENT);
    }

    @Test
    void aShareRunningLowIsToppedUpBeforeItRunsDry() {
        when(ledger.lease(eq(daily.id()), any(), any(), anyLong(), any()))
                .thenReturn(new JdbcBudgetLedger.LeaseState(2 * CENT, 2 * CENT, 0, false))
                .thenReturn(new JdbcBudgetLedger.LeaseState(2 * CENT, 4 * CENT, 0, false));
        BudgetAccount account = accounts.account(daily);

        // The slice is 2% of $1 or four times the reservation, whichever is more: $0.02, topped up below half of it.
        hold(accounts.reserve(List.of(account), CENT + CENT / 2, held -> { }));

        verify(ledger, org.mockito.Mockito.times(2)).lease(eq(daily.id()), any(), any(), anyLong(), any());
        assertThat(account.available.get()).isEqualTo(4 * CENT - CENT - CENT / 2);
    }

    @Test
    void anIdleShareIsHandedBack() {
        when(ledger.lease(eq(daily.id()), any(), any(), anyLong(), any()))
                .thenReturn(new JdbcBudgetLedger.LeaseState(2 * CENT, 2 * CENT, 0, false));
        when(ledger.settle(eq(daily.id()), any(), any(), anyLong(), anyLong(), anyLong(), any()))
                .thenReturn(new JdbcBudgetLedger.LeaseState(0, 0, CENT / 2, false));
        accounts.index(new RegistrySnapshot(1, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(daily)));
        BudgetAccount account = accounts.account(daily);
        hold(accounts.reserve(List.of(account), CENT / 2, held -> { })).settle(budget -> CENT / 2);

        account.lastUsedNanos = System.nanoTime() - new BudgetProperties().getLeaseTtl().toNanos();
        accounts.tick();

        verify(ledger).settle(daily.id(), Instant.parse("2026-12-03T00:00:00Z"), accounts.replicaId(), CENT / 2, 0,
                2 * CENT - CENT / 2, new BudgetProperties().getLeaseTtl());
        assertThat(account.available.get()).isZero();
        assertThat(account.held).isZero();
    }

    private static BudgetHold hold(Object reserved) {
        if (reserved instanceof BudgetHold hold) {
            return hold;
        }
        @SuppressWarnings("unchecked")
        Mono<BudgetHold> waiting = (Mono<BudgetHold>) reserved;
        return waiting.block();
    }

    private static ApiException refusal(Object reserved) {
        assertThat(reserved).isInstanceOf(Mono.class);
        @SuppressWarnings("unchecked")
        Mono<BudgetHold> waiting = (Mono<BudgetHold>) reserved;
        try {
            waiting.block();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }
}
