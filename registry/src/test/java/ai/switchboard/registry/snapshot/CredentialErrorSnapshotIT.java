package ai.switchboard.registry.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.registry.ProviderConfig;
import ai.switchboard.registry.ProviderStatus;
import ai.switchboard.registry.RegistryIntegrationTest;
import ai.switchboard.registry.provider.ProviderAdminService;
import ai.switchboard.registry.provider.ProviderCreateCommand;
import ai.switchboard.registry.provider.ProviderUpdateCommand;
import ai.switchboard.registry.provider.ProviderView;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One provider whose stored credential cannot be decrypted (copied from another row here; restored from another
 * database's backup, or tampered with, in life) must not freeze the snapshot: it is marked and everything else
 * keeps refreshing.
 */
class CredentialErrorSnapshotIT extends RegistryIntegrationTest {

    @Autowired
    ProviderAdminService providers;

    @Autowired
    RegistrySnapshotManager snapshots;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anUndecryptableProviderIsMarkedUnavailableWhileTheRestRefreshes() {
        ProviderView broken = providers.create(command(unique("broken"), "sk-broken-credential-1"), "tester");
        ProviderView donor = providers.create(command(unique("donor"), "sk-donor-credential-2"), "tester");
        // A ciphertext is bound to its provider: on another row it no longer decrypts.
        jdbc.update("UPDATE providers SET api_key_ciphertext = (SELECT api_key_ciphertext FROM providers "
                + "WHERE id = ?) WHERE id = ?", donor.id(), broken.id());
        long before = snapshots.current().version();

        ProviderView added = providers.create(command(unique("added"), "sk-added-credential-3"), "tester");

        assertThat(snapshots.current().version()).as("the snapshot refreshed").isGreaterThan(before);
        ProviderConfig marked = snapshots.current().provider(broken.name());
        assertThat(marked.status()).isEqualTo(ProviderStatus.CREDENTIAL_ERROR);
        assertThat(marked.available()).isFalse();
        assertThat(marked.apiKey()).isNull();
        assertThat(marked.extraHeaders()).isEmpty();
        assertThat(snapshots.current().provider(added.name()).apiKey()).isEqualTo("sk-added-credential-3");
        assertThat(snapshots.current().provider(donor.name()).available()).isTrue();
        assertThat(providers.get(broken.name())).satisfies(view -> {
            assertThat(view.status()).isEqualTo("credential_error");
            assertThat(view.extraHeaders()).as("unknown, not empty").isNull();
            assertThat(view.apiKeySet()).isTrue();
        });

        providers.update(broken.name(), new ProviderUpdateCommand(null, null, null, "sk-broken-credential-1b",
                false, null, null, null, null, null), "tester");

        assertThat(providers.get(broken.name()).status()).isEqualTo("ok");
        assertThat(snapshots.current().provider(broken.name())).satisfies(repaired -> {
            assertThat(repaired.available()).isTrue();
            assertThat(repaired.apiKey()).isEqualTo("sk-broken-credential-1b");
            assertThat(repaired.extraHeaders()).containsEntry("X-Team", "search");
        });
    }

    private static ProviderCreateCommand command(String name, String apiKey) {
        return new ProviderCreateCommand(name, "openai", "https://api.openai.com/v1", apiKey,
                Map.of("X-Team", "search"), null, null, null, null);
    }
}
