package ai.switchboard.registry;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A provider as the request path sees it. The credential is decrypted once, when the snapshot is built, so the hot
 * path never decrypts; {@link #toString()} leaves it out.
 *
 * @param revision bumps on every change to the provider, so connection pools built for it can be replaced
 */
public record ProviderConfig(
        UUID id,
        String name,
        String type,
        String baseUrl,
        String apiKey,
        Map<String, String> extraHeaders,
        Duration connectTimeout,
        Duration responseTimeout,
        Map<String, String> settings,
        boolean enabled,
        long revision) {

    public ProviderConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(baseUrl, "baseUrl");
        extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    @Override
    public String toString() {
        return "ProviderConfig[name=" + name + ", type=" + type + ", baseUrl=" + baseUrl + ", apiKeySet="
                + (apiKey != null) + ", enabled=" + enabled + ", revision=" + revision + "]";
    }
}
