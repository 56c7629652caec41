package ai.switchboard.gateway.ratelimit;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The lease store's contract in memory, for tests; {@link #down} makes every call fail as a dead database would. */
final class InMemoryLeaseStore implements LeaseStore {

    private final Map<String, Long> granted = new HashMap<>();
    final AtomicInteger leaseCalls = new AtomicInteger();
    volatile boolean down;
    /** When set, leases wait for it to open: a slow database. */
    volatile java.util.concurrent.CountDownLatch gate;

    @Override
    public Grant lease(String counter, long windowStart, long want, long limit) {
        java.util.concurrent.CountDownLatch waitFor = gate;
        if (waitFor != null) {
            try {
                waitFor.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return grant(counter, windowStart, want, limit);
    }

    private synchronized Grant grant(String counter, long windowStart, long want, long limit) {
        leaseCalls.incrementAndGet();
        failIfDown();
        String key = counter + "@" + windowStart;
        long before = granted.getOrDefault(key, 0L);
        long grant = Math.max(0, Math.min(want, limit - before));
        granted.put(key, before + grant);
        return new Grant(grant, before + grant);
    }

    @Override
    public synchronized void giveBack(String counter, long windowStart, long amount) {
        failIfDown();
        granted.computeIfPresent(counter + "@" + windowStart, (key, value) -> Math.max(0, value - amount));
    }

    @Override
    public synchronized void forgetBefore(long windowStart) {
        failIfDown();
        granted.keySet().removeIf(key -> Long.parseLong(key.substring(key.indexOf('@') + 1)) < windowStart);
    }

    synchronized long granted(String counter, long windowStart) {
        return granted.getOrDefault(counter + "@" + windowStart, 0L);
    }

    private void failIfDown() {
        if (down) {
            throw new IllegalStateException("database unreachable");
        }
    }
}
