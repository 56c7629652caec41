package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.it.flavour.ProviderFlavour;
import ai.switchboard.providers.testsupport.kit.SentRequest;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamFinish;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import ai.switchboard.providers.testsupport.kit.UpstreamToolCall;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anthropic's official TypeScript SDK ({@code @anthropic-ai/sdk} from npm, pinned in
 * {@code src/test/anthropic-sdk-node}) against the gateway's {@code /v1/messages}, as a Node application uses it:
 * {@code sdk-client.mjs} makes the calls and prints what the SDK returned as one JSON line, which the tests read.
 * Each runs against an Anthropic-type upstream (passed through natively) and an OpenAI-type one (translated): an
 * answer, a stream read by the SDK's {@code MessageStream}, a tool-use round trip, a token count, and the SDK's typed
 * errors.
 */
class AnthropicNodeSdkIT extends MessagesGatewayIT {

    private static final Path PACKAGE = Path.of("src/test/anthropic-sdk-node").toAbsolutePath();
    private static final Path SDK = PACKAGE.resolve("node_modules/@anthropic-ai/sdk/package.json");
    private static final String CALL_ID = "toolu_node_weather";
    private static final String TOOL_RESULT = "{\"temperature_c\":21}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    static Stream<ProviderFlavour> nativeAndTranslated() {
        return Stream.of(flavour("anthropic"), flavour("openai"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nativeAndTranslated")
    void answer(ProviderFlavour flavour) throws Exception {
        Gateway gateway = register(flavour);
        UPSTREAM.stubFor(call(flavour, gateway.prefix(), false).willReturn(flavour.chatResponse(
                UpstreamReply.text(UpstreamFinish.STOP, USAGE, "Hello", " from ", flavour.type()))));

        JsonNode answer = node("create", gateway);

        assertThat(answer.path("text").asString()).isEqualTo("Hello from " + flavour.type());
        assertThat(answer.path("stop_reason").asString()).isEqualTo("end_turn");
        assertThat(answer.path("usage").path("input_tokens").asInt()).isEqualTo(USAGE.uncachedPromptTokens());
        assertThat(answer.path("usage").path("output_tokens").asInt()).isEqualTo(USAGE.completionTokens());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nativeAndTranslated")
    void streamReadByTheSdksMessageStream(ProviderFlavour flavour) throws Exception {
        Gateway gateway = register(flavour);
        StreamTranscript transcript = flavour.streamTranscript(
                UpstreamReply.text(UpstreamFinish.STOP, USAGE, "Hel", "lo", " there"));
        UPSTREAM.stubFor(call(flavour, gateway.prefix(), true).willReturn(aResponse()
                .withHeader("Content-Type", transcript.contentType()).withBody(transcript.body())));

        JsonNode answer = node("stream", gateway);

        List<String> events = strings(answer.path("events"));
        assertThat(events).first().isEqualTo("message_start");
        assertThat(events).containsSubsequence("content_block_start", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop");
        assertThat(events).last().isEqualTo("message_stop");
        assertThat(String.join("", strings(answer.path("deltas")))).isEqualTo("Hello there");
        assertThat(answer.path("text").asString()).isEqualTo("Hello there");
        assertThat(answer.path("stop_reason").asString()).isEqualTo("end_turn");
        assertThat(answer.path("usage").path("output_tokens").asInt()).isEqualTo(USAGE.completionTokens());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nativeAndTranslated")
    void toolUseRoundTrip(ProviderFlavour flavour) throws Exception {
        Gateway gateway = register(flavour);
        UPSTREAM.stubFor(call(flavour, gateway.prefix(), false).inScenario(gateway.prefix())
                .whenScenarioStateIs(STARTED).willSetStateTo("tool-called")
                .willReturn(flavour.chatResponse(UpstreamReply.tools(USAGE, List.of(),
                        new UpstreamToolCall(CALL_ID, "get_weather", List.of("{\"city\":", "\"Paris\"}"))))));
        UPSTREAM.stubFor(call(flavour, gateway.prefix(), false).inScenario(gateway.prefix())
                .whenScenarioStateIs("tool-called")
                .willReturn(flavour.chatResponse(
                        UpstreamReply.text(UpstreamFinish.STOP, USAGE, "It is 21 degrees in Paris."))));

        JsonNode answer = node("tools", gateway);

        JsonNode first = answer.path("first");
        assertThat(first.path("stop_reason").asString()).isEqualTo("tool_use");
        assertThat(first.path("tool_use").path("name").asString()).isEqualTo("get_weather");
        assertThat(first.path("tool_use").path("input").toString()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(answer.path("second").path("text").asString()).isEqualTo("It is 21 degrees in Paris.");
        assertThat(answer.path("second").path("stop_reason").asString()).isEqualTo("end_turn");
        assertThat(sent(gateway)).as("upstream calls").hasSize(2);
        flavour.verifyToolResult(new SentRequest(sent(gateway).getLast()),
                first.path("tool_use").path("id").asString(), TOOL_RESULT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nativeAndTranslated")
    void countTokensIsTheProvidersOwnCountOrTheGatewaysEstimate(ProviderFlavour flavour) throws Exception {
        Gateway gateway = register(flavour);
        UPSTREAM.stubFor(post(urlPathEqualTo("/" + gateway.prefix() + "/v1/messages/count_tokens"))
                .willReturn(okForContentType("application/json", "{\"input_tokens\":4242}")));

        long tokens = node("count_tokens", gateway).path("input_tokens").asLong();

        if (flavour.type().equals("anthropic")) {
            assertThat(tokens).isEqualTo(4242);
            assertThat(sent(gateway)).hasSize(1);
        } else {
            // o200k_base: 3 for the request, 3 for "Be brief.", 4 + 8 for the message (as MessagesApiIT counts).
            assertThat(tokens).isBetween(15L, 22L);
            assertThat(sent(gateway)).as("no upstream call for an estimate").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nativeAndTranslated")
    void gatewayRefusalsAreTheSdksTypedErrors(ProviderFlavour flavour) throws Exception {
        Gateway gateway = register(flavour);

        JsonNode errors = node("errors", gateway);

        assertError(errors.path("unauthenticated"), "AuthenticationError", 401, "authentication_error");
        assertError(errors.path("unknown_model"), "NotFoundError", 404, "not_found_error");
        assertError(errors.path("bad_request"), "BadRequestError", 400, "invalid_request_error");
        assertThat(errors.path("unknown_model").path("message").asString()).contains(gateway.model() + "-nope");
        assertThat(errors.path("bad_request").path("message").asString()).contains("temperature");
        assertThat(sent(gateway)).as("upstream calls").isEmpty();
    }

    private static void assertError(JsonNode error, String sdkClass, int status, String type) {
        assertThat(error.path("class").asString()).as(error.toString()).isEqualTo(sdkClass);
        assertThat(error.path("status").asInt()).as(error.toString()).isEqualTo(status);
        assertThat(error.path("type").asString()).as(error.toString()).isEqualTo(type);
    }

    /** Runs {@code node sdk-client.mjs <operation>} against the gateway and returns the JSON line it printed. */
    private JsonNode node(String operation, Gateway gateway) throws IOException, InterruptedException {
        ensureInstalled();
        Path stdout = work.resolve(operation + ".out");
        Path stderr = work.resolve(operation + ".err");
        ProcessBuilder command = new ProcessBuilder("node", PACKAGE.resolve("sdk-client.mjs").toString(), operation)
                .directory(PACKAGE.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = command.environment();
        // Only what the test sets: no key or base URL of this machine's own Anthropic configuration.
        env.keySet().removeIf(name -> name.startsWith("ANTHROPIC_"));
        env.put("SWITCHBOARD_BASE_URL", "http://localhost:" + port);
        env.put("SWITCHBOARD_KEY", gateway.key());
        env.put("SWITCHBOARD_MODEL", gateway.model());
        Process node = command.start();
        boolean ended = node.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String printed = Files.readString(stdout, StandardCharsets.UTF_8).strip();
        String described = "node " + operation + " printed:\n" + printed + "\nand logged:\n"
                + Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(ended).as("node ended; %s", described).isTrue();
        assertThat(node.exitValue()).as("node's exit status; %s", described).isZero();
        return JSON.readTree(printed);
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }

    /** Installs the pinned SDK once per clone ({@code npm ci}); Node.js and npm must be on the PATH. */
    private static synchronized void ensureInstalled() throws IOException, InterruptedException {
        if (Files.exists(SDK)) {
            return;
        }
        Path log = Path.of("target/anthropic-sdk-node-npm-ci.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(PACKAGE.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci failed in " + PACKAGE + "; see " + log);
        }
    }
}
