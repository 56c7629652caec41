package ai.switchboard.routing;

import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.registry.ModelConfig;
import ai.switchboard.registry.ProviderConfig;
import java.util.Objects;

/**
 * A model as served by one provider: the unit a request attempt goes to, and the unit circuit breakers, latency
 * trackers and metrics are kept per.
 */
public record Deployment(ModelConfig model, ProviderConfig provider, ProviderEndpoint endpoint) {

    public Deployment {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    /** The public model name. */
    public String modelName() {
        return model.name();
    }

    /** The provider's name. */
    public String providerName() {
        return provider.name();
    }

    /**
     * The name resilience state (circuit breaker, bulkhead, latency averages) is kept under: {@code provider/model}.
     * Low-cardinality, safe for meter tags and logs.
     */
    public String key() {
        return provider.name() + "/" + model.name();
    }

    /** The model's context window in tokens, or {@code null} when unknown. */
    public Integer contextWindow() {
        return model.contextWindow();
    }

    /** The provider's wire protocol, which selects the adapter. */
    public String providerType() {
        return provider.type();
    }
}
