package ai.switchboard.routing;

import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.registry.ModelConfig;
import ai.switchboard.registry.ProviderConfig;
import ai.switchboard.registry.RegistrySnapshot;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Turns a public model name into a {@link Deployment} using the current snapshot. The provider's endpoint is built
 * once per provider revision and reused, so the request path allocates nothing here once warm.
 */
public final class DeploymentResolver {

    private final ConcurrentMap<String, ProviderEndpoint> endpoints = new ConcurrentHashMap<>();

    /**
     * The deployment serving {@code modelName}, or {@code null} when the model is unknown, disabled, or its provider
     * is missing or disabled: to a client all of these mean the model cannot be used.
     */
    public Deployment resolve(RegistrySnapshot snapshot, String modelName) {
        ModelConfig model = snapshot.model(modelName);
        if (model == null || !model.enabled()) {
            return null;
        }
        ProviderConfig provider = snapshot.provider(model.providerName());
        if (provider == null || !provider.enabled()) {
            return null;
        }
        return new Deployment(model, provider, endpointFor(provider));
    }

    /** The endpoint for a provider's current revision. */
    public ProviderEndpoint endpointFor(ProviderConfig provider) {
        ProviderEndpoint cached = endpoints.get(provider.name());
        if (cached != null && cached.revision() == provider.revision()) {
            return cached;
        }
        ProviderEndpoint fresh = toEndpoint(provider);
        endpoints.put(provider.name(), fresh);
        return fresh;
    }

    private static ProviderEndpoint toEndpoint(ProviderConfig provider) {
        return new ProviderEndpoint(provider.name(), provider.type(), URI.create(stripTrailingSlash(provider.baseUrl())),
                provider.apiKey(), provider.extraHeaders(), positiveOrNull(provider.connectTimeout()),
                positiveOrNull(provider.responseTimeout()), provider.settings(), provider.revision());
    }

    private static Duration positiveOrNull(Duration duration) {
        return duration == null || duration.isZero() || duration.isNegative() ? null : duration;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
