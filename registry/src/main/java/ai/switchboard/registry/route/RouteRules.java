package ai.switchboard.registry.route;

import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.StorableJson;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What a route's own fields must be, before its policy checks its configuration. */
final class RouteRules {

    static final int MAX_DESCRIPTION_LENGTH = 512;
    static final int MAX_TIMEOUT_MS = 3_600_000;
    static final int MAX_FALLBACKS = 32;
    /** The longest configuration, as JSON text: routes are read on every snapshot rebuild. */
    static final int MAX_CONFIG_CHARS = 65_536;

    private RouteRules() {
    }

    static void check(FieldErrors errors, String name, String description, List<String> fallbacks,
            Integer requestTimeoutMs, Integer attemptTimeoutMs, Integer firstTokenTimeoutMs) {
        errors.name("name", name)
                .text("description", description, MAX_DESCRIPTION_LENGTH)
                .range("request_timeout_ms", requestTimeoutMs, 1, MAX_TIMEOUT_MS)
                .range("attempt_timeout_ms", attemptTimeoutMs, 1, MAX_TIMEOUT_MS)
                .range("first_token_timeout_ms", firstTokenTimeoutMs, 1, MAX_TIMEOUT_MS)
                .maxItems("fallbacks", fallbacks, MAX_FALLBACKS);
        if (fallbacks != null) {
            for (int i = 0; i < fallbacks.size() && i < MAX_FALLBACKS; i++) {
                if (fallbacks.get(i) == null) {
                    errors.add("fallbacks[" + i + "]", "must be a model or route name");
                } else {
                    errors.name("fallbacks[" + i + "]", fallbacks.get(i));
                }
            }
        }
    }

    /**
     * The configuration as stored: a JSON object of bounded size whose numbers a double holds (policies read them as
     * doubles). Returns it as a map, or null when it cannot be stored.
     */
    static Map<String, Object> config(FieldErrors errors, JsonNode config) {
        return StorableJson.object(errors, "config", config, MAX_CONFIG_CHARS);
    }
}
