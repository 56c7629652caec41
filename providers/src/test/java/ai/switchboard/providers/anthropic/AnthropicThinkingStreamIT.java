package ai.switchboard.providers.anthropic;

import static ai.switchboard.providers.anthropic.AnthropicUpstreamStubs.messagesRequested;
import static ai.switchboard.providers.anthropic.AnthropicUpstreamStubs.stubStream;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.providers.testsupport.SseBodies;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A streamed answer with thinking over real HTTP: the effort goes out as thinking, the thinking comes back. */
class AnthropicThinkingStreamIT {

    private static WireMockServer upstream;
    private static ProviderHttpClients clients;
    private static AnthropicAdapter adapter;
    private static ProviderEndpoint endpoint;

    @BeforeAll
    static void start() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        clients = new ProviderHttpClients();
        adapter = new AnthropicAdapter(clients);
        endpoint = AnthropicUpstreamStubs.endpoint("anthropic-thinking", upstream.baseUrl(), Map.of(), Map.of(),
                Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        clients.close();
        upstream.stop();
    }

    @Test
    void thinkingDeltasBecomeReasoningContentBeforeTheText() {
        stubStream(upstream, SseBodies.namedEvents(List.of(
                "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                        + "\"role\":\"assistant\",\"model\":\"claude-opus-4-6\",\"content\":[],\"stop_reason\":null,"
                        + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}",
                "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                        + "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}}",
                "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
                        + "{\"type\":\"thinking_delta\",\"thinking\":\"Two plus two.\"}}",
                "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
                        + "{\"type\":\"signature_delta\",\"signature\":\"EqQB\"}}",
                "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}",
                "content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":"
                        + "{\"type\":\"text\",\"text\":\"\"}}",
                "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
                        + "{\"type\":\"text_delta\",\"text\":\"4\"}}",
                "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}",
                "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                        + "\"usage\":{\"output_tokens\":30}}",
                "message_stop", "{\"type\":\"message_stop\"}")));

        List<ChatChunk> chunks = adapter.streamChat(endpoint, request("""
                {"model":"claude-opus-4-6","reasoning_effort":"medium","stream":true,
                 "messages":[{"role":"user","content":"2+2?"}]}""")).collectList().block(Duration.ofSeconds(10));

        List<String> reasoning = chunks.stream().filter(chunk -> !chunk.choices().isEmpty())
                .map(chunk -> chunk.choices().getFirst().delta().extra().get("reasoning_content"))
                .filter(value -> value != null).map(value -> value.asString()).toList();
        assertThat(reasoning).containsExactly("Two plus two.");
        assertThat(chunks.stream().filter(chunk -> !chunk.choices().isEmpty())
                .map(chunk -> chunk.choices().getFirst().delta().content()).filter(text -> text != null)
                .reduce("", String::concat)).isEqualTo("4");
        upstream.verify(messagesRequested().withRequestBody(matchingJsonPath("$.thinking.type",
                equalTo("adaptive")))
                .withRequestBody(matchingJsonPath("$.output_config.effort",
                        equalTo("medium"))));
    }

    private static ChatRequest request(String json) {
        return WireJson.mapper().readValue(json, ChatRequest.class);
    }
}
