package ai.switchboard.registry.snapshot;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;

/**
 * Whether this replica's registry snapshot keeps up with the database: failed refreshes, and the time of the last
 * one that succeeded as a timestamp rather than an age, so an alert measures staleness against Prometheus' clock and
 * still fires when refreshes stop happening at all (docs/alerts.md). Neither meter has a tag.
 */
public final class RegistrySnapshotMetrics implements MeterBinder {

    /** Refreshes and revision checks that failed; Prometheus: {@code switchboard_registry_refresh_failures_total}. */
    public static final String REFRESH_FAILURES = "switchboard.registry.refresh.failures";
    /** Prometheus: {@code switchboard_registry_refresh_last_success_timestamp_seconds}. */
    public static final String LAST_SUCCESS = "switchboard.registry.refresh.last.success.timestamp";

    private final RegistrySnapshotManager snapshots;

    public RegistrySnapshotMetrics(RegistrySnapshotManager snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(REFRESH_FAILURES, snapshots, RegistrySnapshotManager::refreshFailures)
                .description("Registry snapshot refreshes and revision checks that failed; the last snapshot stays")
                .register(registry);
        TimeGauge.builder(LAST_SUCCESS, snapshots, TimeUnit.MILLISECONDS, RegistrySnapshotMetrics::lastSuccess)
                .description("When the registry snapshot was last known to match the database (epoch time)")
                .register(registry);
    }

    private static double lastSuccess(RegistrySnapshotManager snapshots) {
        long millis = snapshots.lastSuccessMillis();
        // Absent rather than 1970 before the first refresh: an age computed from zero would look decades stale.
        return millis < 0 ? Double.NaN : millis;
    }
}
