package ai.switchboard.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lease scheme on its own: several limiters (replicas) on one store, a clock the test moves, the store going
 * down and coming back.
 */
class SharedRateLimiterTests {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private final InMemoryLeaseStore store = new InMemoryLeaseStore();
    private final MovableClock clock = new MovableClock(START.plusSeconds(1));
    private final ExecutorService leaseThreads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        leaseThreads.shutdownNow();
    }

    @Test
    void takesUpToTheLimitThenRefusesUntilTheNextWindow() {
        SharedRateLimiter limiter = limiter(0.01);

        assertThat(takeAll(limiter, "c", 10, 15)).isEqualTo(10);
        Take refused = take(limiter, "c", 10, 1);
        assertThat(refused.status).isEqualTo(Take.Status.REFUSED);
        assertThat(refused.remaining).isZero();
        assertThat(refused.resetMillis).isEqualTo(59_000);

        clock.advance(Duration.ofSeconds(59));
        assertThat(takeAll(limiter, "c", 10, 15)).isEqualTo(10);
    }

    @Test
    void threeReplicasNeverTakeMoreThanTheLimitBetweenThem() throws Exception {
        List<SharedRateLimiter> replicas = List.of(limiter(0.01), limiter(0.01), limiter(0.01));
        AtomicInteger taken = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(9);
        CountDownLatch done = new CountDownLatch(9);
        for (int c = 0; c < 9; c++) {
            SharedRateLimiter replica = replicas.get(c % 3);
            clients.execute(() -> {
                taken.addAndGet(takeAll(replica, "shared", 600, 200));
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        clients.shutdown();

        assertThat(taken.get()).isEqualTo(600);
        assertThat(store.granted("shared:requests", START.toEpochMilli())).isEqualTo(600);
        // Slices of 6: about a hundred leases, not one per request.
        assertThat(store.leaseCalls.get()).isLessThan(200);
    }

    @Test
    void whatAnIdleReplicaHoldsCostsTheOthersAFewPercentAtMost() {
        SharedRateLimiter busy = limiter(0.01);
        SharedRateLimiter idleA = limiter(0.01);
        SharedRateLimiter idleB = limiter(0.01);
        takeAll(idleA, "c", 600, 1);
        takeAll(idleB, "c", 600, 1);

        int served = takeAll(busy, "c", 600, 1000) + 2;

        assertThat(served).isBetween(570, 600);
    }

    @Test
    void aReplicaGivesBackWhatItHoldsWhenItStops() {
        SharedRateLimiter stopping = limiter(0.1);
        takeAll(stopping, "c", 100, 1);
        assertThat(store.granted("c:requests", START.toEpochMilli())).isGreaterThan(1);

        stopping.giveBackUnused();

        assertThat(store.granted("c:requests", START.toEpochMilli())).isEqualTo(1);
        assertThat(takeAll(limiter(0.1), "c", 100, 200)).isEqualTo(99);
    }

    @Test
    void withTheDatabaseDownAReplicaSpendsWhatItHoldsThenRefusesAndRecoversWhenItReturns() {
        SharedRateLimiter limiter = limiter(0.1);
        assertThat(takeAll(limiter, "c", 100, 1)).isEqualTo(1);
        store.down = true;

        int spent = takeAll(limiter, "c", 100, 100);
        Take refused = take(limiter, "c", 100, 1);

        assertThat(spent).isBetween(9, 19);
        assertThat(refused.status).isEqualTo(Take.Status.STORE_UNAVAILABLE);
        assertThat(refused.resetMillis).isEqualTo(1_000);
        assertThat(limiter.storeFailures()).isPositive();
        int callsWhileDown = store.leaseCalls.get();
        assertThat(take(limiter, "c", 100, 1).status).as("not asked again before store-retry")
                .isEqualTo(Take.Status.STORE_UNAVAILABLE);
        assertThat(store.leaseCalls.get()).isEqualTo(callsWhileDown);

        store.down = false;
        clock.advance(Duration.ofSeconds(1));
        assertThat(takeAll(limiter, "c", 100, 200)).isEqualTo(100 - 1 - spent);
    }

    @Test
    void aRequestLargerThanTheWholeLimitIsRefusedAtOnce() {
        Take take = take(limiter(0.01), "t", 1000, 1001);

        assertThat(take.status).isEqualTo(Take.Status.TOO_LARGE);
        assertThat(store.leaseCalls.get()).isZero();
    }

    @Test
    void tokensAreCorrectedToWhatARequestReallyUsed() {
        SharedRateLimiter limiter = limiter(0.01);
        Take estimate = take(limiter, "t", 1000, 800);
        assertThat(estimate.status).isEqualTo(Take.Status.TAKEN);
        assertThat(take(limiter, "t", 1000, 300).status).isEqualTo(Take.Status.REFUSED);

        limiter.adjust(estimate, 800 - 100);

        assertThat(take(limiter, "t", 1000, 300).status).isEqualTo(Take.Status.TAKEN);
        assertThat(takeAll(limiter, "t", 1000, 1000)).isEqualTo(600);
    }

    @Test
    void aCorrectionForAWindowThatIsOverChangesNothing() {
        SharedRateLimiter limiter = limiter(0.01);
        Take old = take(limiter, "t", 1000, 500);
        clock.advance(Duration.ofMinutes(1));
        take(limiter, "t", 1000, 1);

        limiter.adjust(old, 500);

        assertThat(takeAll(limiter, "t", 1000, 2000)).isEqualTo(999);
    }

    @Test
    void windowsLongOverAreForgottenHereAndInTheStore() {
        SharedRateLimiter limiter = limiter(0.01);
        takeAll(limiter, "c", 10, 1);
        // The background top-up after the take: one more granted.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> store.granted("c:requests", START.toEpochMilli()) == 2);

        clock.advance(Duration.ofMinutes(3));
        limiter.cleanUp();

        assertThat(store.granted("c:requests", START.toEpochMilli())).isZero();
        assertThat(takeAll(limiter, "c", 10, 20)).isEqualTo(10);
    }

    @Test
    void aShortenedWindowScalesThePerMinuteLimit() {
        SharedRateLimiter limiter = new SharedRateLimiter(store, leaseThreads, clock,
                new RateLimitProperties(Duration.ofSeconds(6), null, null, null, null));

        assertThat(limiter.perWindow(600)).isEqualTo(60);
        assertThat(limiter.perWindow(5)).isEqualTo(1);
    }

    private SharedRateLimiter limiter(double leaseFraction) {
        return new SharedRateLimiter(store, leaseThreads, clock,
                new RateLimitProperties(null, leaseFraction, null, null, null));
    }

    /** Takes one at a time, waiting for leases as the stage does, up to {@code attempts}; returns how many it got. */
    private static int takeAll(SharedRateLimiter limiter, String counter, long limit, int attempts) {
        int taken = 0;
        for (int i = 0; i < attempts; i++) {
            if (take(limiter, counter, limit, 1).status == Take.Status.TAKEN) {
                taken++;
            }
        }
        return taken;
    }

    private static Take take(SharedRateLimiter limiter, String counter, long limit, long amount) {
        for (int waits = 0; ; waits++) {
            Take take = limiter.take(counter, false, limit, amount);
            if (take.status != Take.Status.WAIT || waits == 10) {
                return take;
            }
            take.lease.join();
        }
    }
}
