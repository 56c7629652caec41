package ai.switchboard.registry.mcp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a server keeps secret: the headers sent with every request, the bearer token and a stdio program's
 * environment. {@link #toString()} shows only the names.
 */
public record McpServerSecretValues(Map<String, String> headers, String bearerToken, Map<String, String> env) {

    public static final McpServerSecretValues NONE = new McpServerSecretValues(Map.of(), null, Map.of());

    public McpServerSecretValues {
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    boolean isEmpty() {
        return headers.isEmpty() && bearerToken == null && env.isEmpty();
    }

    @Override
    public String toString() {
        return "McpServerSecretValues[headers=" + headers.keySet() + ", bearerToken="
                + (bearerToken == null ? "unset" : "set") + ", env=" + env.keySet() + "]";
    }
}
