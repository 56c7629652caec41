package ai.switchboard.providers.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper for provider wire formats and the OpenAI-compatible API. Wire records declare their own naming
 * and inclusion; the mapper only fixes the behaviour that must not depend on Spring's defaults.
 */
public final class WireJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Convenience methods such as ChatRequest.isStream() must not become properties: an is-getter would
            // write "stream":false into a request the client sent without "stream".
            .changeDefaultVisibility(visibility -> visibility.withIsGetterVisibility(JsonAutoDetect.Visibility.NONE))
            .addModule(SpreadCreators.module())
            .build();

    private WireJson() {
    }

    /** The shared, thread-safe mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
