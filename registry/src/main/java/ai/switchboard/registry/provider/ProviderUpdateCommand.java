package ai.switchboard.registry.provider;

import java.util.Map;

/**
 * A partial change (PATCH): only non-null fields change. Maps replace the stored map as a whole.
 *
 * @param apiKey a new credential, or {@code null} to keep the current one
 * @param clearApiKey remove the stored credential (the admin API sends {@code "api_key": null}); wins over
 *     {@code apiKey} being null, and must not be combined with a new {@code apiKey}
 */
public record ProviderUpdateCommand(
        String name,
        String type,
        String baseUrl,
        String apiKey,
        boolean clearApiKey,
        Map<String, String> extraHeaders,
        Map<String, String> settings,
        Integer connectTimeoutMs,
        Integer responseTimeoutMs,
        Boolean enabled) {

    @Override
    public String toString() {
        return "ProviderUpdateCommand[name=" + name + ", type=" + type + ", baseUrl=" + baseUrl + ", apiKeySet="
                + (apiKey != null) + ", clearApiKey=" + clearApiKey + "]";
    }
}
