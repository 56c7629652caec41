package ai.switchboard.gateway.budget;

import ai.switchboard.registry.BudgetConfig;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This replica's share of one budget's period. The request path touches only atomics: {@link #tryReserve} takes a
 * request's worst case out of {@code available} with a compare-and-set, {@link #settle} gives back what the request
 * did not spend. Everything that reaches the database ({@link BudgetAccounts}) runs on the budget scheduler, one
 * operation at a time per account ({@link #lock}).
 *
 * <p>Where the lease goes, in nano-dollars: {@code held} (the lease row) = {@code available} + reserved for requests
 * in flight + settled but not yet written ({@code pendingFromLease}) + handed back but not yet written
 * ({@code pendingRelease}).
 */
final class BudgetAccount {

    volatile BudgetConfig budget;
    final Instant periodStart;
    /** When the period ends, or {@code null} for a total budget. */
    final Instant periodEnd;
    final ReentrantLock lock = new ReentrantLock();

    final AtomicLong available = new AtomicLong();
    final AtomicLong pendingFromLease = new AtomicLong();
    final AtomicLong pendingOverdraft = new AtomicLong();
    final AtomicLong pendingRelease = new AtomicLong();
    final AtomicInteger inFlight = new AtomicInteger();
    /** Reservations waiting for a lease, so that a burst leases what it needs at once. */
    final AtomicLong demand = new AtomicLong();
    final AtomicLong largestReservation = new AtomicLong();
    final AtomicReference<CompletableFuture<Refill>> refill = new AtomicReference<>();

    /** The lease row's amount as this replica last wrote it; guarded by {@link #lock}. */
    long held;
    /** Until when ({@link System#nanoTime()}) the lease may be spent without renewing it; 0 before the first. */
    volatile long validUntilNanos;
    /** Until when the database is not asked again after it had nothing left to lease. */
    volatile long exhaustedUntilNanos;
    /** Until when the database is not asked again after it could not be reached. */
    volatile long unreachableUntilNanos;
    volatile long lastUsedNanos = System.nanoTime();
    /** The period's spend as the database last reported it. */
    volatile long knownSpent;
    /** Whether the last database operation failed. */
    volatile boolean unreachable;

    BudgetAccount(BudgetConfig budget, Instant periodStart, Instant periodEnd) {
        this.budget = budget;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
    }

    /** How a refill ended: whether it got more, whether the budget is spent, whether the database answered. */
    enum Refill {
        GRANTED, EXHAUSTED, UNREACHABLE
    }

    /** Takes {@code amount} out of the local share, or nothing (and {@code false}) when it does not fit. */
    boolean tryReserve(long amount, long nowNanos) {
        if (nowNanos - validUntilNanos >= 0) {
            return false;
        }
        long current;
        do {
            current = available.get();
            if (current < amount) {
                return false;
            }
        } while (!available.compareAndSet(current, current - amount));
        inFlight.incrementAndGet();
        lastUsedNanos = nowNanos;
        largestReservation.accumulateAndGet(amount, Math::max);
        return true;
    }

    /**
     * Settles a reservation of {@code reserved} that really cost {@code cost}: the rest goes back to the local share;
     * a cost above the reservation is taken from the share while it lasts, and written as spent beyond the lease
     * after that (the tokenizer only estimates the prompt).
     */
    void settle(long reserved, long cost) {
        if (cost <= reserved) {
            available.addAndGet(reserved - cost);
            pendingFromLease.addAndGet(cost);
        } else {
            long extra = cost - reserved;
            long taken = takeUpTo(extra);
            pendingFromLease.addAndGet(reserved + taken);
            pendingOverdraft.addAndGet(extra - taken);
        }
        inFlight.decrementAndGet();
    }

    /** Takes whatever of the local share is left, for handing back. */
    long takeAll() {
        return takeUpTo(Long.MAX_VALUE);
    }

    private long takeUpTo(long wanted) {
        long current;
        long taken;
        do {
            current = available.get();
            taken = Math.max(0, Math.min(current, wanted));
            if (taken == 0) {
                return 0;
            }
        } while (!available.compareAndSet(current, current - taken));
        return taken;
    }

    boolean hasPending() {
        return pendingFromLease.get() != 0 || pendingOverdraft.get() != 0 || pendingRelease.get() != 0;
    }

    /** Whether the period is over at {@code now}. */
    boolean ended(Instant now) {
        return periodEnd != null && !now.isBefore(periodEnd);
    }

    /** What this replica knows the period has spent: the database's figure plus what it has not written yet. */
    long spentEstimate() {
        return knownSpent + pendingFromLease.get() + pendingOverdraft.get();
    }
}
