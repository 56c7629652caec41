package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code "stream": true} on an agent: its steps arrive as {@code : switchboard.agent.step} comment lines, then the
 * answer as ordinary chunks; the official OpenAI Java SDK skips the former and reads the latter unchanged, and a
 * client that goes away stops the run (the tool call in flight is cut, the model is not asked again).
 */
class AgentStreamIT extends GatewayIT {

    private static final JsonMapper JSON = JsonMapper.shared();

    private String prefix;
    private String tool;
    private String key;

    @BeforeEach
    void names() {
        prefix = unique("agent-stream");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-m", prefix + "-p", "gpt-4o-mini", "chat", "tools");
        tool = prefix + "-crm";
    }

    @Test
    void stepsComeAsCommentLinesThenTheAnswerAsChunksThenDone() {
        String agent = agentWithCrm(crmBase());
        UPSTREAM.stubFor(get(urlEqualTo("/" + prefix + "/crm/customers/42")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"id\": 42, \"name\": \"Ada\"}")));
        stubModel(Scenario.STARTED, "looked-up", toolCall(crmBase() + "customers/42"));
        stubModel("looked-up", null, answer("Customer 42 is Ada."));

        String body = http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request(agent, Map.of("stream", true,
                        "stream_options", Map.of("include_usage", true))))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .expectBody(String.class).returnResult().getResponseBody();

        List<String> events = List.of(body.split("\n\n"));
        assertThat(events).hasSize(8);
        assertThat(events.subList(0, 3)).allSatisfy(event -> assertThat(event)
                .startsWith(": switchboard.agent.step {"));
        JsonNode modelCall = data(events.get(0));
        assertThat(modelCall.path("type").asString()).isEqualTo("model_call");
        assertThat(modelCall.path("step").asInt()).isEqualTo(1);
        assertThat(modelCall.path("status").asString()).isEqualTo("tool_calls");
        assertThat(modelCall.path("usage").path("prompt_tokens").asInt()).isEqualTo(50);
        JsonNode toolCall = data(events.get(1));
        assertThat(toolCall.path("type").asString()).isEqualTo("tool_call");
        assertThat(toolCall.path("tool").asString()).isEqualTo(tool);
        assertThat(toolCall.path("call_id").asString()).isEqualTo("call_crm");
        assertThat(toolCall.path("status").asString()).isEqualTo("ok");
        assertThat(toolCall.path("result").path("tool_output").path("data").path("body").path("name").asString())
                .isEqualTo("Ada");
        assertThat(data(events.get(2)).path("status").asString()).isEqualTo("stop");
        assertThat(events.subList(3, 7)).allSatisfy(event -> assertThat(event).startsWith("data: {"));
        assertThat(data(events.get(3)).path("choices").get(0).path("delta").path("role").asString())
                .isEqualTo("assistant");
        assertThat(data(events.get(4)).path("choices").get(0).path("delta").path("content").asString())
                .isEqualTo("Customer 42 is Ada.");
        JsonNode last = data(events.get(5));
        assertThat(last.path("object").asString()).isEqualTo("chat.completion.chunk");
        assertThat(last.path("choices").get(0).path("finish_reason").asString()).isEqualTo("stop");
        assertThat(last.path("agent_run").path("status").asString()).isEqualTo("completed");
        assertThat(data(events.get(6)).path("usage").path("total_tokens").asInt()).isEqualTo(90);
        assertThat(events.get(7)).isEqualTo("data: [DONE]");
    }

    @Test
    void theOpenAiSdkStreamsAnAgentsAnswerAndSkipsItsSteps() {
        String agent = agentWithCrm(crmBase());
        UPSTREAM.stubFor(get(urlEqualTo("/" + prefix + "/crm/customers/42")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"id\": 42}")));
        stubModel(Scenario.STARTED, "looked-up", toolCall(crmBase() + "customers/42"));
        stubModel("looked-up", null, answer("Customer 42 exists."));
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + port + "/v1").apiKey(key)
                .maxRetries(0).timeout(Duration.ofSeconds(20)).build();

        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model("agent:" + agent).addUserMessage("Who is 42?").build())) {
            chunks = stream.stream().toList();
        }

        assertThat(chunks).hasSize(3);
        assertThat(chunks.stream().flatMap(chunk -> chunk.choices().stream())
                .map(choice -> choice.delta().content().orElse("")).collect(Collectors.joining()))
                .isEqualTo("Customer 42 exists.");
        assertThat(chunks.get(2).choices().get(0).finishReason()).hasValue(ChatCompletionChunk.Choice.FinishReason.STOP);
    }

    @Test
    void aClientThatGoesAwayStopsTheRunAndItsToolCall() throws Exception {
        CountDownLatch toolStarted = new CountDownLatch(1);
        CountDownLatch toolCut = new CountDownLatch(1);
        HttpServer slowCrm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slowCrm.setExecutor(Executors.newFixedThreadPool(2));
        slowCrm.createContext("/", exchange -> {
            toolStarted.countDown();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                // Bounded: 200 x 50 ms of JSON whitespace, so the test ends even if cancelling were broken.
                for (int i = 0; i < 200; i++) {
                    body.write(' ');
                    body.flush();
                    Thread.sleep(50);
                }
                body.write("{}".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException cutByTheGateway) {
                toolCut.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        slowCrm.start();
        try {
            String base = "http://127.0.0.1:" + slowCrm.getAddress().getPort() + "/";
            String agent = agentWithCrm(base);
            stubModel(null, null, toolCall(base + "customers/42"));

            List<String> received = new CopyOnWriteArrayList<>();
            CountDownLatch firstStep = new CountDownLatch(1);
            Disposable client = WebClient.create("http://localhost:" + port).post().uri("/v1/chat/completions")
                    .header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(request(agent, Map.of("stream", true))).retrieve()
                    // Raw bytes: Spring's SSE decoder would drop the comment lines this waits for.
                    .bodyToFlux(DataBuffer.class).map(buffer -> {
                        String text = buffer.toString(StandardCharsets.UTF_8);
                        DataBufferUtils.release(buffer);
                        return text;
                    })
                    .subscribe(text -> {
                        received.add(text);
                        firstStep.countDown();
                    });
            try {
                // The client leaves only once the tool call is under way: leaving earlier would stop the run before
                // the tool is called, and there would be no call to cut.
                assertThat(firstStep.await(20, TimeUnit.SECONDS)).as("the first step arrived").isTrue();
                assertThat(toolStarted.await(20, TimeUnit.SECONDS)).as("the tool was called").isTrue();
            } finally {
                client.dispose();
            }

            assertThat(received.getFirst()).startsWith(": switchboard.agent.step {\"type\":\"model_call\"");
            assertThat(toolCut.await(10, TimeUnit.SECONDS)).as("the tool's connection was cut").isTrue();
            UPSTREAM.verify(1, postRequestedFor(urlEqualTo("/" + prefix + "/v1/chat/completions")));
        } finally {
            slowCrm.stop(0);
        }
    }

    private static JsonNode data(String event) {
        return JSON.readTree(event.substring(event.indexOf('{')));
    }

    private String agentWithCrm(String target) {
        fixtures.post("/admin/v1/tools", Map.of("name", tool, "type", "http", "description", "Reads a customer",
                "config", Map.of("targets", List.of(target), "allowed_cidrs", List.of("127.0.0.0/8", "::1/128"))));
        String name = prefix + "-support";
        fixtures.post("/admin/v1/agents", Map.of("name", name, "model", prefix + "-m",
                "instructions", "Look customers up.", "tools", List.of(tool)));
        key = fixtures.post("/admin/v1/keys", Map.of("name", unique("k"), "allowed_models",
                List.of("agent:" + name))).path("key").asString();
        return name;
    }

    private static Map<String, Object> request(String agent, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("model", "agent:" + agent,
                "messages", List.of(Map.of("role", "user", "content", "Who is customer 42?"))));
        body.putAll(extra);
        return body;
    }

    private void stubModel(String state, String next, String completion) {
        var answer = aResponse().withHeader("Content-Type", "application/json").withBody(completion);
        if (state == null) {
            UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(answer));
            return;
        }
        ScenarioMappingBuilder stub = post(urlEqualTo("/" + prefix + "/v1/chat/completions")).inScenario(prefix)
                .whenScenarioStateIs(state);
        UPSTREAM.stubFor((next == null ? stub : stub.willSetStateTo(next)).willReturn(answer));
    }

    private String toolCall(String url) {
        return """
                {"id":"chatcmpl-t","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
                 {"id":"call_crm","type":"function","function":{"name":"%s","arguments":"{\\"url\\":\\"%s\\"}"}}]},
                 "logprobs":null,"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":50,"completion_tokens":20,"total_tokens":70}}
                """.formatted(tool, url);
    }

    private static String answer(String text) {
        return """
                {"id":"chatcmpl-a","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},
                 "logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":80,"completion_tokens":10,"total_tokens":90}}
                """.formatted(text);
    }

    private String crmBase() {
        return "http://localhost:" + UPSTREAM.port() + "/" + prefix + "/crm/";
    }
}
