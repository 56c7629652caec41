package ai.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.registry.Capability;
import ai.switchboard.registry.ModelConfig;
import ai.switchboard.registry.ProviderConfig;
import ai.switchboard.registry.RegistrySnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeploymentResolverTests {

    private final DeploymentResolver resolver = new DeploymentResolver();

    @Test
    void resolvesAnEnabledModelToItsProviderEndpoint() {
        RegistrySnapshot snapshot = snapshot(provider("p", true, 1), model("m", "p", true));

        Deployment deployment = resolver.resolve(snapshot, "m");

        assertThat(deployment.providerName()).isEqualTo("p");
        assertThat(deployment.endpoint().baseUrl()).hasToString("http://upstream.test/v1");
        assertThat(deployment.endpoint().apiKey()).isEqualTo("secret");
        assertThat(deployment.endpoint().responseTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void unknownOrDisabledModelsAndProvidersResolveToNothing() {
        assertThat(resolver.resolve(snapshot(provider("p", true, 1), model("m", "p", true)), "other")).isNull();
        assertThat(resolver.resolve(snapshot(provider("p", true, 1), model("m", "p", false)), "m")).isNull();
        assertThat(resolver.resolve(snapshot(provider("p", false, 1), model("m", "p", true)), "m")).isNull();
        assertThat(resolver.resolve(snapshot(provider("q", true, 1), model("m", "p", true)), "m")).isNull();
    }

    @Test
    void endpointIsReusedUntilTheProviderRevisionChanges() {
        Deployment first = resolver.resolve(snapshot(provider("p", true, 1), model("m", "p", true)), "m");
        Deployment again = resolver.resolve(snapshot(provider("p", true, 1), model("m", "p", true)), "m");
        Deployment changed = resolver.resolve(snapshot(provider("p", true, 2), model("m", "p", true)), "m");

        assertThat(again.endpoint()).isSameAs(first.endpoint());
        assertThat(changed.endpoint()).isNotSameAs(first.endpoint());
        assertThat(changed.endpoint().revision()).isEqualTo(2);
    }

    private static RegistrySnapshot snapshot(ProviderConfig provider, ModelConfig model) {
        return new RegistrySnapshot(1, List.of(provider), List.of(model), List.of());
    }

    private static ProviderConfig provider(String name, boolean enabled, long revision) {
        return new ProviderConfig(UUID.randomUUID(), name, "openai", "http://upstream.test/v1/", "secret", Map.of(),
                Duration.ofSeconds(1), Duration.ofSeconds(5), Map.of(), enabled, revision);
    }

    private static ModelConfig model(String name, String provider, boolean enabled) {
        return new ModelConfig(UUID.randomUUID(), name, provider, "upstream-" + name, null, Set.of(Capability.CHAT),
                null, null, null, null, Set.of(), enabled, 0);
    }
}
