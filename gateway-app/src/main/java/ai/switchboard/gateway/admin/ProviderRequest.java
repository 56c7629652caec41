package ai.switchboard.gateway.admin;

import ai.switchboard.registry.provider.ProviderCreateCommand;
import ai.switchboard.registry.provider.ProviderUpdateCommand;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST} and {@code PATCH /admin/v1/providers}. {@link #toString()} leaves the credential out. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ProviderRequest(
        String name,
        String type,
        String baseUrl,
        String apiKey,
        Map<String, String> extraHeaders,
        Map<String, String> settings,
        Integer connectTimeoutMs,
        Integer responseTimeoutMs,
        Boolean enabled) {

    /** The one optional field a JSON null may name: on a PATCH it removes the stored credential. */
    static final Set<String> NULLABLE = Set.of("api_key");

    ProviderCreateCommand toCreate() {
        return new ProviderCreateCommand(name, type, baseUrl, apiKey, extraHeaders, settings, connectTimeoutMs,
                responseTimeoutMs, enabled);
    }

    /** @param clearApiKey the body said {@code "api_key": null} explicitly */
    ProviderUpdateCommand toUpdate(boolean clearApiKey) {
        return new ProviderUpdateCommand(name, type, baseUrl, apiKey, clearApiKey, extraHeaders, settings,
                connectTimeoutMs, responseTimeoutMs, enabled);
    }

    @Override
    public String toString() {
        return "ProviderRequest[name=" + name + ", type=" + type + ", apiKeySet=" + (apiKey != null) + "]";
    }
}
