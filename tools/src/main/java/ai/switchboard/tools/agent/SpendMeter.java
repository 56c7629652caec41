package ai.switchboard.tools.agent;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a run, and every run it delegated to, has spent. A delegated run's spending counts against each run above it,
 * so a parent's {@code max_cost_usd} bounds its whole tree of delegations, and a delegated run stops when its own
 * limit or any ancestor's is reached. Runs of one tree may spend at once (parallel tool calls), so sums are locked.
 */
public final class SpendMeter {

    private final SpendMeter parent;
    private final BigDecimal limit;
    private final int depth;
    private BigDecimal spent = BigDecimal.ZERO;

    private SpendMeter(SpendMeter parent, BigDecimal limit) {
        this.parent = parent;
        this.limit = limit;
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    /** The meter of a run nobody delegated to; {@code limit} may be {@code null} (no limit). */
    public static SpendMeter root(BigDecimal limit) {
        return new SpendMeter(null, limit);
    }

    /** The meter of a run this one delegates to, with the delegated agent's own {@code limit} (or {@code null}). */
    public SpendMeter child(BigDecimal limit) {
        return new SpendMeter(this, limit);
    }

    /** How many delegations deep the run is: 0 for a run a client started. */
    public int depth() {
        return depth;
    }

    /** Counts {@code cost} against this run and every run above it; {@code null} (an unpriced step) counts nothing. */
    public void add(BigDecimal cost) {
        if (cost == null || cost.signum() == 0) {
            return;
        }
        for (SpendMeter meter = this; meter != null; meter = meter.parent) {
            synchronized (meter) {
                meter.spent = meter.spent.add(cost);
            }
        }
    }

    /** What this run and the runs under it spent. */
    public synchronized BigDecimal spent() {
        return spent;
    }

    /** Whether this run's own limit has been reached (rather than only the limit of a run above it). */
    public boolean ownLimitReached() {
        return limit != null && spent().compareTo(limit) >= 0;
    }

    /** Whether this run's limit or the limit of any run above it has been reached. */
    public boolean exhausted() {
        for (SpendMeter meter = this; meter != null; meter = meter.parent) {
            if (meter.limit != null && meter.spent().compareTo(meter.limit) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "SpendMeter[depth=" + depth + ", spent=" + spent() + ", limit=" + Objects.toString(limit) + "]";
    }
}
