package ai.switchboard.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Budget meters. Counters are tagged by {@code scope_type} only ({@code key}, {@code team}, {@code model},
 * {@code route}), which the alert rules group by; the spent and limit gauges also name the budget, a registry name
 * an admin chose, never a key or a user.
 */
public final class BudgetMetrics {

    /** A budget's spend passed its soft threshold: once per budget and period, counted by the replica that saw it. */
    public static final String THRESHOLD_CROSSED = "switchboard.budget.threshold.crossed";
    /** Requests refused because a budget had nothing left for them. */
    public static final String EXHAUSTED = "switchboard.budget.exhausted";
    /** Requests refused because budgets could not be checked (the database unreachable and the local share spent). */
    public static final String UNAVAILABLE = "switchboard.budget.unavailable";
    /** USD a budget has settled in its current period, as this replica last read it plus what it has not written. */
    public static final String SPENT = "switchboard.budget.spent";
    /** A budget's limit in USD per period. */
    public static final String LIMIT = "switchboard.budget.limit";

    public static final String SCOPE_TYPE = "scope_type";
    public static final String BUDGET = "budget";

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final MultiGauge spent;
    private final MultiGauge limit;

    public BudgetMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.spent = MultiGauge.builder(SPENT).baseUnit("usd").description("USD settled in the current period")
                .register(registry);
        this.limit = MultiGauge.builder(LIMIT).baseUnit("usd").description("The budget's limit per period")
                .register(registry);
    }

    public void thresholdCrossed(String scopeType) {
        counter(THRESHOLD_CROSSED, scopeType).increment();
    }

    public void exhausted(String scopeType) {
        counter(EXHAUSTED, scopeType).increment();
    }

    public void unavailable(String scopeType) {
        counter(UNAVAILABLE, scopeType).increment();
    }

    /** One budget's current figures, for {@link #publish}. */
    public record Reading(String budget, String scopeType, double spentUsd, double limitUsd) {
    }

    /** Replaces the gauges' rows: budgets that are gone disappear. */
    public void publish(List<Reading> readings) {
        spent.register(readings.stream().map(r -> MultiGauge.Row.of(tags(r), r.spentUsd())).toList(), true);
        limit.register(readings.stream().map(r -> MultiGauge.Row.of(tags(r), r.limitUsd())).toList(), true);
    }

    private static Tags tags(Reading reading) {
        return Tags.of(BUDGET, reading.budget(), SCOPE_TYPE, reading.scopeType());
    }

    private Counter counter(String name, String scopeType) {
        return counters.computeIfAbsent(name + '\0' + scopeType, k -> Counter.builder(name)
                .description("Budget decisions: " + name).tag(SCOPE_TYPE, scopeType).register(registry));
    }
}
