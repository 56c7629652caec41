package ai.switchboard.providers.cohere;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.json.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Native Cohere bodies (answers, streams, errors) and the requests that produce them, for adapter tests. The files
 * live under {@code src/test/resources/cohere/} so a shared contract kit can stub and verify with the same data.
 */
public final class CohereFixtures {

    /** A fake Cohere key; tests assert it never appears in an error message. */
    public static final String API_KEY = "co-test-0123456789abcdefSECRETKEY";

    private CohereFixtures() {
    }

    /** The text of {@code src/test/resources/cohere/{name}}. */
    public static String resource(String name) {
        try (InputStream in = CohereFixtures.class.getResourceAsStream("/cohere/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture cohere/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** A canonical request read from JSON. */
    public static ChatRequest chatRequest(String json) {
        return WireJson.mapper().readValue(json, ChatRequest.class);
    }

    /** The smallest chat request, streamed or not. */
    public static ChatRequest simpleRequest(boolean stream) {
        return chatRequest("{\"model\":\"command-a-03-2025\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"stream\":" + stream + "}");
    }

    /** A small embeddings request of two texts. */
    public static EmbeddingRequest embedRequest() {
        return WireJson.mapper().readValue("{\"model\":\"embed-v4.0\",\"input\":[\"a\",\"b\"]}",
                EmbeddingRequest.class);
    }

    /** A Cohere stream of {@code data:} events, one per JSON document, without {@code event:} lines. */
    public static String sse(List<String> jsonEvents) {
        return jsonEvents.stream().map(event -> "data: " + event + "\n\n").collect(Collectors.joining());
    }

    /** An embed answer for {@code count} texts, vector {@code i} being {@code [i, -i/2]}, billing {@code tokens}. */
    public static String embedAnswer(int first, int count, int tokens) {
        String vectors = IntStream.range(first, first + count)
                .mapToObj(i -> "[" + i + "," + (-i / 2.0) + "]")
                .collect(Collectors.joining(","));
        return "{\"id\":\"emb-" + first + "\",\"embeddings\":{\"float\":[" + vectors + "]},\"texts\":[],"
                + "\"meta\":{\"api_version\":{\"version\":\"2\"},\"billed_units\":{\"input_tokens\":" + tokens + "}},"
                + "\"response_type\":\"embeddings_by_type\"}";
    }

    /** An endpoint of type {@code cohere} at {@code baseUrl} with the fake key. */
    public static ProviderEndpoint endpoint(String name, String baseUrl, Duration responseTimeout,
            Map<String, String> settings) {
        return new ProviderEndpoint(name, "cohere", URI.create(baseUrl), API_KEY,
                Map.of("X-Client-Name", "switchboard"), Duration.ofSeconds(2), responseTimeout, settings, 1);
    }

    /** An endpoint for tests that make no call. */
    public static ProviderEndpoint offlineEndpoint() {
        return endpoint("cohere-test", "https://api.cohere.com", Duration.ofSeconds(5), Map.of());
    }
}
