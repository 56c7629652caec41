package ai.switchboard.bench.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.resources.LoopResources;

class MockProviderTests {

    private static LoopResources loops;
    private static DisposableServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        loops = LoopResources.create("mock-test", 1, true);
        server = new MockProvider(new MockSettings(100, 4, Duration.ZERO, Duration.ZERO))
                .start("127.0.0.1", 0, loops);
    }

    @AfterAll
    static void stop() {
        server.disposeNow(Duration.ofSeconds(2));
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).block(Duration.ofSeconds(5));
    }

    @Test
    void answersJsonWithTheConfiguredContentSize() throws Exception {
        HttpResponse<String> response = post("{\"model\":\"m\",\"messages\":[]}", new String[0]);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body()).startsWith("{\"id\":\"chatcmpl-").contains("\"finish_reason\":\"stop\"");
        String content = response.body().replaceAll(".*\"content\":\"([^\"]*)\".*", "$1");
        assertThat(content).hasSize(100);
    }

    @Test
    void streamsTheConfiguredChunksAndUsageOnlyWhenAsked() throws Exception {
        HttpResponse<String> plain = post("{\"model\":\"m\",\"stream\": true}", new String[0]);
        HttpResponse<String> withUsage = post(
                "{\"stream\":true,\"stream_options\":{\"include_usage\" : true}}", new String[0]);

        assertThat(plain.headers().firstValue("content-type")).hasValue("text/event-stream");
        // role + 4 content + finish + [DONE]
        assertThat(events(plain.body())).hasSize(7).last().isEqualTo("[DONE]");
        assertThat(plain.body()).doesNotContain("\"choices\":[]");
        assertThat(events(withUsage.body())).hasSize(8);
        assertThat(withUsage.body()).contains("\"choices\":[],\"usage\":{\"prompt_tokens\"");
    }

    @Test
    void headersOverrideChunksAndPaceTheStream() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = post("{\"stream\":true}",
                new String[] {MockSettings.CHUNKS_HEADER, "3", MockSettings.CHUNK_DELAY_HEADER, "40"});
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertThat(events(response.body())).hasSize(6);
        // Two gaps of 40 ms between three content chunks.
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(80);
    }

    @Test
    void findsFlagsOnlyWhenTheValueIsTrue() {
        assertThat(RequestFlags.of(buffer("{\"stream\":false,\"x\":\"stream\"}")).stream()).isFalse();
        assertThat(RequestFlags.of(buffer("{\"a\":\"\\\"stream\\\"\", \"stream\" :\ttrue}")).stream()).isTrue();
        assertThat(RequestFlags.of(buffer("{\"stream\"")).stream()).isFalse();
    }

    @Test
    void unknownPathsAre404() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri("/v1/nothing")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> post(String body, String[] headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1/chat/completions"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static List<String> events(String body) {
        List<String> data = new ArrayList<>();
        for (String event : body.split("\n\n")) {
            if (event.startsWith("data: ")) {
                data.add(event.substring("data: ".length()));
            }
        }
        return data;
    }

    private static io.netty.buffer.ByteBuf buffer(String text) {
        return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
    }
}
