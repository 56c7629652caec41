package ai.switchboard.bench.jmh;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.json.ClientJson;
import ai.switchboard.providers.json.WireJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

/**
 * Request parse as the gateway does it (gateway-app {@code JsonBodies}: a cached {@link ClientJson} reader, strict
 * types and duplicate-key detection, its own parser so that trailing data is checked after the value), against the
 * lenient reader it used before, plus the re-serialization of the upstream request that the provider call performs.
 * The validators are package-private in gateway-app, and gateway-app is a repackaged Boot jar other modules cannot
 * compile against, so validation is not measured here; it is field checks on the bound record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RequestParseBenchmark {

    private ObjectReader strictReader;
    private ObjectReader lenientReader;
    private ChatRequest parsed;

    @Setup
    public void setUp() throws IOException {
        strictReader = ClientJson.mapper().readerFor(ChatRequest.class)
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        lenientReader = WireJson.mapper().readerFor(ChatRequest.class)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        parsed = strictReader.readValue(Fixtures.CHAT_REQUEST);
    }

    /** What JsonBodies does. */
    @Benchmark
    public ChatRequest parseAsGatewayDoes() throws IOException {
        try (JsonParser parser = strictReader.createParser(new ByteArrayInputStream(Fixtures.CHAT_REQUEST))) {
            ChatRequest request = strictReader.readValue(parser);
            if (parser.nextToken() != null) {
                throw new IllegalStateException("trailing data");
            }
            return request;
        }
    }

    /** The lenient reader the gateway used before client bodies were held to JSON's types (no duplicate check). */
    @Benchmark
    public ChatRequest parseLenient() throws IOException {
        return lenientReader.readValue(new ByteArrayInputStream(Fixtures.CHAT_REQUEST));
    }

    /** The upstream body: the model swapped for the upstream id, serialized by the WebClient's encoder mapper. */
    @Benchmark
    public byte[] rewriteAndSerializeUpstream() {
        return WireJson.mapper().writeValueAsBytes(parsed.withModel("gpt-4o-mini-2024-07-18").withStreamUsage());
    }
}
