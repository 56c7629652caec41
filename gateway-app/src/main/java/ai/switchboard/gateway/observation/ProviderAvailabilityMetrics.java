package ai.switchboard.gateway.observation;

import ai.switchboard.observability.GenAiConventions;
import ai.switchboard.registry.ProviderConfig;
import ai.switchboard.registry.ProviderStatus;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code switchboard.providers.unavailable{reason="credential_error"}}: how many providers of the current snapshot
 * this replica cannot use because their stored secrets do not decrypt. Alert on it above zero; the admin API's
 * provider list says which ({@code "status":"credential_error"}). Read from the snapshot at scrape time only.
 */
@Component
class ProviderAvailabilityMetrics implements MeterBinder {

    private final RegistrySnapshotManager snapshots;

    ProviderAvailabilityMetrics(RegistrySnapshotManager snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(GenAiConventions.PROVIDERS_UNAVAILABLE, this, ProviderAvailabilityMetrics::credentialErrors)
                .tag(GenAiConventions.REASON, ProviderStatus.CREDENTIAL_ERROR.wire())
                .description("Providers whose stored secrets cannot be decrypted with this replica's master key")
                .strongReference(true)
                .register(registry);
    }

    private double credentialErrors() {
        int count = 0;
        for (ProviderConfig provider : snapshots.current().providers()) {
            if (provider.status() == ProviderStatus.CREDENTIAL_ERROR) {
                count++;
            }
        }
        return count;
    }
}
