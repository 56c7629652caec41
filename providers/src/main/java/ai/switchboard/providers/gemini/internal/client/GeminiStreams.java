package ai.switchboard.providers.gemini.internal.client;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.OrderedStreams;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.error.UpstreamErrors;
import ai.switchboard.providers.gemini.internal.api.GenerateContentResponse;
import ai.switchboard.providers.gemini.internal.mapper.GeminiStreamTranslator;
import ai.switchboard.providers.json.WireJson;
import java.util.function.Supplier;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Decodes a Gemini event stream ({@code data:} = one whole {@code GenerateContentResponse}, no end marker) and runs
 * it through a fresh {@link GeminiStreamTranslator} per subscription. An {@code error} object in the stream fails it
 * with the classified error; the translator decides at close whether the stream was complete.
 */
public final class GeminiStreams {

    private GeminiStreams() {
    }

    public static Flux<ChatChunk> chatChunks(ProviderEndpoint endpoint, Flux<ServerSentEvent<String>> events,
            Supplier<GeminiStreamTranslator> translators) {
        return Flux.defer(() -> {
            GeminiStreamTranslator translator = translators.get();
            return OrderedStreams.flatten(events
                    .filter(event -> event.data() != null && !event.data().isBlank()),
                    event -> translator.onEvent(parse(endpoint, event.data())))
                    .concatWith(Flux.defer(() -> Flux.fromIterable(translator.complete())));
        });
    }

    private static GenerateContentResponse parse(ProviderEndpoint endpoint, String data) {
        try {
            // Error events are rare: look for the key before paying for a tree, and bind events directly.
            if (data.contains("\"error\"")) {
                JsonNode node = WireJson.mapper().readTree(data);
                JsonNode error = node.get("error");
                if (error != null && !error.isNull()) {
                    throw GeminiErrors.fromPayload(endpoint, node);
                }
                return WireJson.mapper().treeToValue(node, GenerateContentResponse.class);
            }
            return WireJson.mapper().readValue(data, GenerateContentResponse.class);
        }
        catch (JacksonException malformed) {
            throw UpstreamErrors.malformed(endpoint, "a malformed stream event", malformed);
        }
    }
}
