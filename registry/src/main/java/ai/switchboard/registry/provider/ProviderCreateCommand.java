package ai.switchboard.registry.provider;

import java.util.Map;

/**
 * A new provider. Optional fields may be {@code null}: timeouts then default, maps are empty, {@code enabled} is true.
 * {@link #toString()} leaves the credential out.
 */
public record ProviderCreateCommand(
        String name,
        String type,
        String baseUrl,
        String apiKey,
        Map<String, String> extraHeaders,
        Map<String, String> settings,
        Integer connectTimeoutMs,
        Integer responseTimeoutMs,
        Boolean enabled) {

    @Override
    public String toString() {
        return "ProviderCreateCommand[name=" + name + ", type=" + type + ", baseUrl=" + baseUrl + ", apiKeySet="
                + (apiKey != null) + "]";
    }
}
