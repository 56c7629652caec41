package ai.switchboard.gateway.budget;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.registry.BudgetConfig;
import ai.switchboard.registry.BudgetPeriod;
import ai.switchboard.registry.BudgetScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lock-free local share: reservations never take more than the lease holds, whatever the concurrency. */
class BudgetAccountTests {

    private final BudgetAccount account = new BudgetAccount(new BudgetConfig(UUID.randomUUID(), "b", BudgetScope.KEY,
            UUID.randomUUID(), "k", BudgetPeriod.TOTAL, BigDecimal.ONE, null, true, 0), Instant.EPOCH, null);

    @Test
    void concurrentReservationsNeverTakeMoreThanTheShareHolds() throws Exception {
        leased(1_000);
        int threads = 8;
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 1_000; i++) {
                        if (account.tryReserve(7, System.nanoTime())) {
                            granted.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        start.countDown();
        done.await();
        pool.shutdown();

        assertThat(granted.get()).isEqualTo(1_000 / 7);
        assertThat(account.available.get()).isEqualTo(1_000 % 7);
        assertThat(account.inFlight.get()).isEqualTo(1_000 / 7);
    }

    @Test
    void settlingGivesBackWhatTheRequestDidNotSpend() {
        leased(100);
        assertThat(account.tryReserve(40, System.nanoTime())).isTrue();
        account.settle(40, 25);

        assertThat(account.available.get()).isEqualTo(75);
        assertThat(account.pendingFromLease.get()).isEqualTo(25);
        assertThat(account.pendingOverdraft.get()).isZero();
        assertThat(account.inFlight.get()).isZero();
    }

    @Test
    void aCostAboveItsReservationComesFromTheShareThenBeyondIt() {
        leased(50);
        assertThat(account.tryReserve(40, System.nanoTime())).isTrue();
        account.settle(40, 70); // 10 left in the share: 30 over the reservation, 10 of it covered

        assertThat(account.available.get()).isZero();
        assertThat(account.pendingFromLease.get()).isEqualTo(50);
        assertThat(account.pendingOverdraft.get()).isEqualTo(20);
    }

    @Test
    void anExpiredLeaseIsNotSpent() {
        leased(100);
        account.validUntilNanos = System.nanoTime() - 1;

        assertThat(account.tryReserve(1, System.nanoTime())).isFalse();
        assertThat(account.available.get()).isEqualTo(100);
    }

    @Test
    void handingBackTakesTheWholeShareOnce() {
        leased(100);
        assertThat(account.takeAll()).isEqualTo(100);
        assertThat(account.takeAll()).isZero();
        assertThat(account.tryReserve(1, System.nanoTime())).isFalse();
    }

    private void leased(long nanos) {
        account.available.set(nanos);
        account.held = nanos;
        account.validUntilNanos = System.nanoTime() + 60_000_000_000L;
    }
}
