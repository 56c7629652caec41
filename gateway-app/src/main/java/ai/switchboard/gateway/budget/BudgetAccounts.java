package ai.switchboard.gateway.budget;

import ai.switchboard.observability.BudgetMetrics;
import ai.switchboard.registry.BudgetConfig;
import ai.switchboard.registry.RegistrySnapshot;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * This replica's side of every budget: its accounts (one per budget and period), the reservations requests take
 * from them without any I/O, and the background work that keeps them fed: leasing slices from the database before
 * they run dry, writing settlements back in batches, renewing leases, and handing back what is unused when a lease
 * goes idle, its period ends, its budget changes, or the replica stops.
 *
 * <p>The rule: a request reserves its worst case ({@link WorstCaseCost}) from every budget it counts against before
 * it is sent; a reservation succeeds only out of a lease this replica holds, and a lease is granted only while
 * {@code spent + leased + slice <= limit} in the database. So the sum of what every replica can spend never
 * exceeds the limit, whatever the number of replicas, and the database is asked once per slice, not per request.
 */
public final class BudgetAccounts {

    private static final Logger log = LoggerFactory.getLogger(BudgetAccounts.class);
    private static final int MAX_REFILLS_PER_REQUEST = 16;

    private final JdbcBudgetLedger ledger;
    private final BudgetMetrics metrics;
    private final Executor executor;
    private final Clock clock;
    private final BudgetProperties properties;
    private final UUID replicaId = UUID.randomUUID();
    private final Map<AccountKey, BudgetAccount> accounts = new ConcurrentHashMap<>();
    private final Set<BudgetAccount> retired = ConcurrentHashMap.newKeySet();
    private final long ttlNanos;
    private final long spendableNanos;
    private volatile BudgetIndex index = BudgetIndex.EMPTY;
    private volatile long lastReclaimNanos = System.nanoTime();

    BudgetAccounts(JdbcBudgetLedger ledger, BudgetMetrics metrics, Executor executor, Clock clock,
            BudgetProperties properties) {
        this.ledger = ledger;
        this.metrics = metrics;
        this.executor = executor;
        this.clock = clock;
        this.properties = properties;
        this.ttlNanos = properties.getLeaseTtl().toNanos();
        // A lease is spent only until three quarters of its life: the database reclaims it only after all of it.
        this.spendableNanos = ttlNanos - ttlNanos / 4;
    }

    /** This replica's id in the lease table. */
    UUID replicaId() {
        return replicaId;
    }

    /** The enabled budgets of {@code snapshot}, by what they watch; rebuilt when the snapshot changes. */
    BudgetIndex index(RegistrySnapshot snapshot) {
        BudgetIndex current = index;
        if (current.snapshot == snapshot) {
            return current;
        }
        BudgetIndex fresh = new BudgetIndex(snapshot);
        index = fresh;
        return fresh;
    }

    /** The account of {@code budget}'s current period. */
    BudgetAccount account(BudgetConfig budget) {
        Instant start = budget.period().start(clock.instant());
        BudgetAccount account = accounts.computeIfAbsent(new AccountKey(budget.id(), start),
                key -> new BudgetAccount(budget, start, budget.period().end(start)));
        if (account.budget != budget) {
            if (account.budget.limitUsd().compareTo(budget.limitUsd()) != 0) {
                account.exhaustedUntilNanos = System.nanoTime(); // a new limit is asked for at once
            }
            account.budget = budget;
        }
        return account;
    }

    /**
     * Reserves {@code amount} from every account, at once if the local shares hold it (the usual case: no I/O, no
     * {@code Mono}), else after leasing more. The result is a hold, or a {@code Mono} of one, or an error the
     * request ends with.
     */
    Object reserve(List<BudgetAccount> wanted, long amount, Consumer<BudgetHold> onHold) {
        BudgetAccount shortOf = tryAll(wanted, amount);
        if (shortOf == null) {
            return new BudgetHold(wanted, amount);
        }
        return awaitLease(wanted, amount, shortOf, MAX_REFILLS_PER_REQUEST, onHold);
    }

    /**
     * Waits for a lease, then reserves. {@code onHold} receives the hold the moment it is taken, before it is
     * emitted, so a request cancelled meanwhile still finds it to give back.
     */
    private Mono<BudgetHold> awaitLease(List<BudgetAccount> wanted, long amount, BudgetAccount shortOf, int left,
            Consumer<BudgetHold> onHold) {
        shortOf.demand.addAndGet(amount);
        return Mono.fromFuture(() -> refill(shortOf), true).flatMap(result -> {
            shortOf.demand.addAndGet(-amount);
            BudgetAccount stillShort = tryAll(wanted, amount);
            if (stillShort == null) {
                BudgetHold hold = new BudgetHold(wanted, amount);
                onHold.accept(hold);
                return Mono.just(hold);
            }
            if (stillShort == shortOf && result != BudgetAccount.Refill.GRANTED || left == 0) {
                return Mono.error(refusal(stillShort, result));
            }
            return awaitLease(wanted, amount, stillShort, left - 1, onHold);
        });
    }

    private RuntimeException refusal(BudgetAccount account, BudgetAccount.Refill result) {
        String scope = account.budget.scope().wireName();
        if (result == BudgetAccount.Refill.UNREACHABLE) {
            metrics.unavailable(scope);
            return BudgetRefusals.unavailable(account.budget);
        }
        metrics.exhausted(scope);
        return BudgetRefusals.exhausted(account.budget, account.periodEnd);
    }

    /** Reserves from every account or from none; returns the first that could not, or {@code null}. */
    private BudgetAccount tryAll(List<BudgetAccount> wanted, long amount) {
        long now = System.nanoTime();
        for (int i = 0; i < wanted.size(); i++) {
            BudgetAccount account = wanted.get(i);
            if (!account.tryReserve(amount, now)) {
                for (int j = 0; j < i; j++) {
                    wanted.get(j).settle(amount, 0);
                }
                return account;
            }
        }
        for (BudgetAccount account : wanted) {
            if (account.available.get() < slice(account) / 2 && now - account.exhaustedUntilNanos >= 0
                    && now - account.unreachableUntilNanos >= 0 && account.refill.get() == null) {
                refill(account); // top up before it runs dry, off the request path
            }
        }
        return null;
    }

    /** One lease at a time per account: callers that arrive while one is under way share it. */
    CompletableFuture<BudgetAccount.Refill> refill(BudgetAccount account) {
        while (true) {
            CompletableFuture<BudgetAccount.Refill> running = account.refill.get();
            if (running != null) {
                return running;
            }
            long now = System.nanoTime();
            if (now - account.unreachableUntilNanos < 0) {
                return CompletableFuture.completedFuture(BudgetAccount.Refill.UNREACHABLE);
            }
            if (now - account.exhaustedUntilNanos < 0) {
                return CompletableFuture.completedFuture(BudgetAccount.Refill.EXHAUSTED);
            }
            CompletableFuture<BudgetAccount.Refill> mine = new CompletableFuture<>();
            if (account.refill.compareAndSet(null, mine)) {
                try {
                    executor.execute(() -> {
                        BudgetAccount.Refill result = BudgetAccount.Refill.UNREACHABLE;
                        try {
                            result = lease(account);
                        } finally {
                            account.refill.set(null);
                            mine.complete(result);
                        }
                    });
                } catch (RuntimeException rejected) {
                    account.refill.set(null);
                    mine.complete(BudgetAccount.Refill.UNREACHABLE);
                }
                return mine;
            }
        }
    }

    private BudgetAccount.Refill lease(BudgetAccount account) {
        account.lock.lock();
        try {
            long started = System.nanoTime();
            long want = Math.max(slice(account), account.demand.get());
            JdbcBudgetLedger.LeaseState state = ledger.lease(account.budget.id(), account.periodStart, replicaId,
                    want, properties.getLeaseTtl());
            if (state == JdbcBudgetLedger.LeaseState.GONE) {
                forget(account);
                return BudgetAccount.Refill.EXHAUSTED;
            }
            reconcile(account, account.held + state.granted(), state.held());
            account.available.addAndGet(state.granted());
            account.validUntilNanos = started + spendableNanos;
            account.knownSpent = state.spent();
            account.unreachable = false;
            if (state.granted() == 0) {
                account.exhaustedUntilNanos = System.nanoTime() + properties.getExhaustedRecheck().toNanos();
                return BudgetAccount.Refill.EXHAUSTED;
            }
            return BudgetAccount.Refill.GRANTED;
        } catch (RuntimeException e) {
            if (!account.unreachable) {
                log.warn("Cannot lease from budget '{}': {}; spending only what this replica holds",
                        account.budget.name(), e.toString());
            }
            account.unreachable = true;
            account.unreachableUntilNanos = System.nanoTime() + properties.getExhaustedRecheck().toNanos();
            return BudgetAccount.Refill.UNREACHABLE;
        } finally {
            account.lock.unlock();
        }
    }

    /** The budget was deleted: its lease rows went with it, and nothing more is reserved from or written for it. */
    private static void forget(BudgetAccount account) {
        account.held = 0;
        account.validUntilNanos = System.nanoTime();
        account.takeAll();
        account.pendingFromLease.set(0);
        account.pendingOverdraft.set(0);
        account.pendingRelease.set(0);
    }

    /** A lease found smaller than this replica thought was reclaimed while it could not renew it: stop spending it. */
    private static void reconcile(BudgetAccount account, long expected, long actual) {
        if (actual < expected) {
            account.available.addAndGet(actual - expected);
            log.warn("Part of this replica's lease of budget '{}' was reclaimed; {} nano-USD no longer spendable",
                    account.budget.name(), expected - actual);
        }
        account.held = actual;
    }

    private long slice(BudgetAccount account) {
        long limit = Nanos.ofUsdFloor(account.budget.limitUsd());
        long share = limit / 100 * properties.getSlicePercent();
        return Math.max(share, account.largestReservation.get() * properties.getSliceReservations());
    }

    /**
     * The background pass, every {@code flush-interval}: writes settlements, renews leases in use, hands back the
     * unused part of idle ones and of periods or budgets that ended, and drops accounts with nothing left to write.
     */
    void tick() {
        Instant now = clock.instant();
        long nowNanos = System.nanoTime();
        BudgetIndex live = index;
        for (Map.Entry<AccountKey, BudgetAccount> entry : accounts.entrySet()) {
            BudgetAccount account = entry.getValue();
            BudgetConfig current = live.budget(account.budget.id());
            boolean ended = account.ended(now) || current == null || current.period() != account.budget.period();
            boolean idle = nowNanos - account.lastUsedNanos > ttlNanos / 2;
            if (ended || idle) {
                account.pendingRelease.addAndGet(account.takeAll());
            }
            boolean renew = !ended && !idle && account.held > 0 && account.validUntilNanos - nowNanos < ttlNanos / 2;
            if (account.hasPending() || renew) {
                flush(account);
            }
            if ((ended || idle) && account.inFlight.get() == 0 && account.refill.get() == null) {
                accounts.remove(entry.getKey(), account);
                account.validUntilNanos = nowNanos; // nothing more is reserved from it
                retired.add(account);
            }
        }
        for (BudgetAccount account : retired) {
            account.pendingRelease.addAndGet(account.takeAll());
            if (account.hasPending()) {
                flush(account);
            } else if (account.inFlight.get() == 0) {
                retired.remove(account);
            }
        }
        if (nowNanos - lastReclaimNanos > properties.getReclaimInterval().toNanos()) {
            lastReclaimNanos = nowNanos;
            try {
                int reclaimed = ledger.reclaimExpired();
                if (reclaimed > 0) {
                    log.info("Reclaimed {} expired budget leases of replicas that stopped renewing them", reclaimed);
                }
            } catch (RuntimeException e) {
                log.debug("Cannot reclaim expired budget leases: {}", e.toString());
            }
        }
        publish(live);
    }

    /** Writes one account's settlements; on failure they stay queued for the next pass, so nothing is lost. */
    void flush(BudgetAccount account) {
        account.lock.lock();
        try {
            long fromLease = account.pendingFromLease.getAndSet(0);
            long overdraft = account.pendingOverdraft.getAndSet(0);
            long released = account.pendingRelease.getAndSet(0);
            long started = System.nanoTime();
            try {
                JdbcBudgetLedger.LeaseState state = ledger.settle(account.budget.id(), account.periodStart,
                        replicaId, fromLease, overdraft, released, properties.getLeaseTtl());
                if (state == JdbcBudgetLedger.LeaseState.GONE) {
                    forget(account);
                    return;
                }
                reconcile(account, account.held - fromLease - released, state.held());
                if (state.held() > 0) {
                    account.validUntilNanos = Math.max(account.validUntilNanos, started + spendableNanos);
                }
                account.knownSpent = state.spent();
                account.unreachable = false;
                if (state.thresholdCrossed()) {
                    BudgetConfig budget = account.budget;
                    metrics.thresholdCrossed(budget.scope().wireName());
                    log.warn("Budget '{}' ({} '{}') passed its soft threshold of {}% of ${} for the period "
                            + "starting {}: ${} spent", budget.name(), budget.scope().wireName(), budget.scopeName(),
                            budget.softThresholdPercent(), budget.limitUsd().toPlainString(), account.periodStart,
                            Nanos.toUsd(state.spent()).stripTrailingZeros().toPlainString());
                }
            } catch (RuntimeException e) {
                account.pendingFromLease.addAndGet(fromLease);
                account.pendingOverdraft.addAndGet(overdraft);
                account.pendingRelease.addAndGet(released);
                if (!account.unreachable) {
                    log.warn("Cannot write budget '{}' settlements; they stay queued: {}", account.budget.name(),
                            e.toString());
                }
                account.unreachable = true;
            }
        } finally {
            account.lock.unlock();
        }
    }

    /** Hands back every unused share and writes every settlement: the replica is stopping. */
    void returnAll() {
        for (BudgetAccount account : accounts.values()) {
            account.validUntilNanos = System.nanoTime();
            account.pendingRelease.addAndGet(account.takeAll());
            flush(account);
        }
        for (BudgetAccount account : retired) {
            account.pendingRelease.addAndGet(account.takeAll());
            flush(account);
        }
    }

    /** Settlements not yet written (nano-dollars), across accounts: zero once everything is flushed. */
    long unwritten() {
        long sum = 0;
        for (BudgetAccount account : accounts.values()) {
            sum += account.pendingFromLease.get() + account.pendingOverdraft.get() + account.pendingRelease.get();
        }
        for (BudgetAccount account : retired) {
            sum += account.pendingFromLease.get() + account.pendingOverdraft.get() + account.pendingRelease.get();
        }
        return sum;
    }

    /** What this replica has settled in a budget's current period but not yet written. */
    BigDecimal unwrittenSpent(UUID budget, Instant periodStart) {
        BudgetAccount account = accounts.get(new AccountKey(budget, periodStart));
        return account == null ? BigDecimal.ZERO
                : Nanos.toUsd(account.pendingFromLease.get() + account.pendingOverdraft.get());
    }

    private void publish(BudgetIndex live) {
        List<BudgetMetrics.Reading> readings = new ArrayList<>();
        for (BudgetConfig budget : live.snapshot.budgets()) {
            if (!budget.enabled()) {
                continue;
            }
            BudgetAccount account = accounts.get(new AccountKey(budget.id(), budget.period().start(clock.instant())));
            double spent = account == null ? 0 : Nanos.toUsd(account.spentEstimate()).doubleValue();
            readings.add(new BudgetMetrics.Reading(budget.name(), budget.scope().wireName(), spent,
                    budget.limitUsd().doubleValue()));
        }
        metrics.publish(readings);
    }

    Duration flushInterval() {
        return properties.getFlushInterval();
    }

    private record AccountKey(UUID budget, Instant periodStart) {
    }
}
