package ai.switchboard.bench.jmh;

import ai.switchboard.providers.anthropic.internal.api.AnthropicRequest;
import ai.switchboard.providers.anthropic.internal.api.AnthropicStreamEvent;
import ai.switchboard.providers.anthropic.internal.mapper.AnthropicRequestMapper;
import ai.switchboard.providers.anthropic.internal.mapper.AnthropicStreamTranslator;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.json.WireJson;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * OpenAI to Anthropic and back, through the adapter's public mapper classes (the same ones
 * {@code AnthropicAdapter} and {@code AnthropicStreams} call): a request mapped and serialized, and a 20-token
 * stream parsed event by event, translated, and each chunk serialized as the gateway writes it to the client.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class AnthropicTranslationBenchmark {

    private static final int TOKENS = 20;

    private final ProviderEndpoint endpoint = Fixtures.endpoint("anthropic", "anthropic");
    private ChatRequest request;
    private String[] stream;

    @Setup
    public void setUp() throws IOException {
        request = WireJson.mapper().readValue(Fixtures.CHAT_REQUEST, ChatRequest.class);
        stream = Fixtures.anthropicStream(TOKENS);
    }

    @Benchmark
    public byte[] mapAndSerializeRequest() {
        AnthropicRequest mapped = AnthropicRequestMapper.map(endpoint, request, true);
        return WireJson.mapper().writeValueAsBytes(mapped);
    }

    /** The whole 20-token stream; divide by 25 events for the per-event cost. */
    @Benchmark
    public void translateStream(Blackhole sink) {
        AnthropicStreamTranslator translator = new AnthropicStreamTranslator(endpoint, "claude", 1_735_689_600L);
        for (String data : stream) {
            ChatChunk chunk = translator.next(WireJson.mapper().readValue(data, AnthropicStreamEvent.class));
            if (chunk != null) {
                sink.consume(WireJson.mapper().writeValueAsBytes(chunk));
            }
        }
    }
}
