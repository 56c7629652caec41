package ai.switchboard.registry.declarative;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A provider in the declarative file. The credential is named, never given: {@code api_key_env} is the environment
 * variable holding it. Absent fields keep their current value (or the default, on creation).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProviderEntry(
        String name,
        String type,
        String baseUrl,
        String apiKeyEnv,
        Map<String, String> extraHeaders,
        Map<String, String> settings,
        Integer connectTimeoutMs,
        Integer responseTimeoutMs,
        Boolean enabled) {

    static final Set<String> FIELDS = Set.of("name", "type", "base_url", "api_key_env", "extra_headers", "settings",
            "connect_timeout_ms", "response_timeout_ms", "enabled");

    /** Spellings of an inline credential, refused with a pointer to {@code api_key_env}. */
    static final Set<String> INLINE_SECRETS = Set.of("api_key", "apiKey", "key", "token", "password", "secret",
            "credential", "credentials");
}
