package ai.switchboard.providers.api;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an adapter needs to reach one configured provider. The registry builds it from its snapshot; the
 * credential is already decrypted and must never be logged, which is why {@link #toString()} leaves it out.
 *
 * @param name the provider's name in the registry, used to key its connection pool
 * @param type the wire protocol, e.g. {@code openai}
 * @param baseUrl the API root, e.g. {@code https://api.openai.com/v1}
 * @param apiKey the credential, or {@code null} for servers that need none (a local vLLM or Ollama)
 * @param headers extra headers sent on every call
 * @param connectTimeout how long to wait for a TCP connection
 * @param responseTimeout how long to wait for the response to start, and between two reads of a stream
 * @param settings provider-specific settings (e.g. an Azure {@code api_version}); never secrets
 * @param revision changes whenever the provider's configuration changes, so cached clients are rebuilt
 */
public record ProviderEndpoint(
        String name,
        String type,
        URI baseUrl,
        String apiKey,
        Map<String, String> headers,
        Duration connectTimeout,
        Duration responseTimeout,
        Map<String, String> settings,
        long revision) {

    public ProviderEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(baseUrl, "baseUrl");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(120) : responseTimeout;
    }

    @Override
    public String toString() {
        return "ProviderEndpoint[name=" + name + ", type=" + type + ", baseUrl=" + baseUrl + ", apiKeySet="
                + (apiKey != null) + ", revision=" + revision + "]";
    }
}
