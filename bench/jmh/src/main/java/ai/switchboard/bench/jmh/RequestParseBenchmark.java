package ai.switchboard.bench.jmh;

import ai.switchboard.providers.api.ChatRequest;
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
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

/**
 * Request parse as the gateway does it (gateway-app {@code JsonBodies}: an {@link ObjectReader} derived per call,
 * reading from an InputStream over the joined body), against a reader built once, plus the re-serialization of
 * the upstream request that the provider call performs. {@code ChatRequestValidator} is package-private in
 * gateway-app, and gateway-app is a repackaged Boot jar other modules cannot compile against, so validation is not
 * measured here; it is a handful of field checks on the bound record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RequestParseBenchmark {

    private ObjectReader cachedReader;
    private ChatRequest parsed;

    @Setup
    public void setUp() throws IOException {
        cachedReader = WireJson.mapper().readerFor(ChatRequest.class)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        parsed = cachedReader.readValue(Fixtures.CHAT_REQUEST);
    }

    /** What JsonBodies does today. */
    @Benchmark
    public ChatRequest parseAsGatewayDoes() throws IOException {
        return WireJson.mapper().readerFor(ChatRequest.class)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .readValue(new ByteArrayInputStream(Fixtures.CHAT_REQUEST));
    }

    /** The same with the reader built once. */
    @Benchmark
    public ChatRequest parseWithCachedReader() throws IOException {
        return cachedReader.readValue(new ByteArrayInputStream(Fixtures.CHAT_REQUEST));
    }

    /** The upstream body: the model swapped for the upstream id, serialized by the WebClient's encoder mapper. */
    @Benchmark
    public byte[] rewriteAndSerializeUpstream() {
        return WireJson.mapper().writeValueAsBytes(parsed.withModel("gpt-4o-mini-2024-07-18").withStreamUsage());
    }
}
