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
 * @param status whether it can be used; when not, it has no credential or headers and takes no requests
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
        long revision,
        ProviderStatus status) {

    /** A usable provider. */
    public ProviderConfig(UUID id, String name, String type, String baseUrl, String apiKey,
            Map<String, String> extraHeaders, Duration connectTimeout, Duration responseTimeout,
            Map<String, String> settings, boolean enabled, long revision) {
        this(id, name, type, baseUrl, apiKey, extraHeaders, connectTimeout, responseTimeout, settings, enabled,
                revision, ProviderStatus.OK);
    }

    public ProviderConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(baseUrl, "baseUrl");
        extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        Objects.requireNonNull(status, "status");
    }

    /** Whether requests may go to it (its secrets could be decrypted); says nothing of {@link #enabled()}. */
    public boolean available() {
        return status == ProviderStatus.OK;
    }

    @Override
    public String toString() {
        return "ProviderConfig[name=" + name + ", type=" + type + ", baseUrl=" + baseUrl + ", apiKeySet="
                + (apiKey != null) + ", enabled=" + enabled + ", revision=" + revision + ", status=" + status.wire() + "]";
    }
}
