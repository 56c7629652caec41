package ai.switchboard.registry.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ai.switchboard.registry.RegistrySnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** The refresh meters follow the manager: every failed rebuild or revision check counts, only successes move time. */
class RegistrySnapshotMetricsTests {

    private final RegistrySnapshotLoader loader = mock(RegistrySnapshotLoader.class);
    private final RegistrySnapshotManager snapshots = new RegistrySnapshotManager(loader);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    RegistrySnapshotMetricsTests() {
        new RegistrySnapshotMetrics(snapshots).bindTo(meters);
    }

    @Test
    void noSuccessYetIsNoTimestampRatherThanTheEpoch() {
        assertThat(failures()).isZero();
        assertThat(lastSuccessSeconds()).isNaN();
    }

    @Test
    void failedRebuildsAndRevisionChecksCountAndKeepTheLastSuccess() {
        when(loader.load()).thenReturn(snapshot(3));
        long before = System.currentTimeMillis();
        snapshots.refreshOrThrow();
        double succeeded = lastSuccessSeconds();
        assertThat(succeeded).isBetween(before / 1000.0, System.currentTimeMillis() / 1000.0);

        when(loader.load()).thenThrow(new DataAccessResourceFailureException("database down"));
        assertThat(snapshots.refresh()).isFalse();
        assertThatThrownBy(snapshots::refreshOrThrow).isInstanceOf(DataAccessResourceFailureException.class);
        when(loader.currentRevision()).thenThrow(new DataAccessResourceFailureException("database down"));
        snapshots.refreshIfChanged();

        assertThat(failures()).isEqualTo(3);
        assertThat(lastSuccessSeconds()).isEqualTo(succeeded);
        assertThat(snapshots.current().version()).isEqualTo(3);
    }

    @Test
    void aRevisionCheckThatFindsNothingNewIsASuccessAndANewRevisionThatFailsToLoadIsNot() {
        // The empty start-up snapshot is revision 0: a check that reads 0 has nothing to load, and that is a success.
        when(loader.currentRevision()).thenReturn(0L);
        long before = System.currentTimeMillis();
        snapshots.refreshIfChanged();
        double checked = lastSuccessSeconds();
        assertThat(checked).isBetween(before / 1000.0, System.currentTimeMillis() / 1000.0);
        assertThat(failures()).isZero();

        when(loader.currentRevision()).thenReturn(4L);
        when(loader.load()).thenThrow(new IllegalStateException("a row the snapshot cannot hold"));
        snapshots.refreshIfChanged();
        assertThat(failures()).isEqualTo(1);
        assertThat(lastSuccessSeconds()).isEqualTo(checked);
        assertThat(snapshots.current().version()).isZero();
    }

    private double failures() {
        return meters.get(RegistrySnapshotMetrics.REFRESH_FAILURES).functionCounter().count();
    }

    private double lastSuccessSeconds() {
        return meters.get(RegistrySnapshotMetrics.LAST_SUCCESS).timeGauge().value(TimeUnit.SECONDS);
    }

    private static RegistrySnapshot snapshot(long version) {
        return new RegistrySnapshot(version, List.of(), List.of(), List.of());
    }
}
