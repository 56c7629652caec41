package ai.switchboard.tools.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ai.switchboard.providers.json.WireJson;
import ai.switchboard.tools.Tool;
import ai.switchboard.tools.ToolError;
import ai.switchboard.tools.ToolException;
import ai.switchboard.tools.ToolSpec;
import ai.switchboard.tools.testsupport.Sinkhole;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

class ToolInvokerTests {

    private static final String SCHEMA = """
            {"type": "object",
             "properties": {"city": {"type": "string", "minLength": 1}, "days": {"type": "integer", "maximum": 7}},
             "required": ["city"], "additionalProperties": false}
            """;

    @ParameterizedTest
    @ValueSource(strings = {"{\"city\": ", "[\"Paris\"]", "\"Paris\"", "{}", "{\"city\": 42}", "{\"city\": \"\"}",
            "{\"city\": \"Paris\", \"days\": 8}", "{\"city\": \"Paris\", \"days\": 1.5}",
            "{\"city\": \"Paris\", \"unit\": \"C\"}", "{\"city\": \"Paris\"} {\"city\": \"Rome\"}", " "})
    void badArgumentsBecomeAReadableErrorAndTheToolNeverRuns(String arguments) {
        CountingTool tool = new CountingTool(SCHEMA, args -> Mono.just(args));

        ToolResult result = ToolInvoker.of(tool, InvocationLimits.defaults()).invoke(arguments, Duration.ofSeconds(5))
                .block();

        assertThat(result.error()).isEqualTo(ToolError.INVALID_ARGUMENTS);
        assertThat(result.envelope().path("tool_output").path("error").path("message").asString())
                .startsWith("the arguments");
        assertThat(tool.calls.get()).isZero();
    }

    @Test
    void namesWhatIsWrongSoTheModelCanFixIt() {
        CountingTool tool = new CountingTool(SCHEMA, args -> Mono.just(args));

        ToolResult result = invoke(tool, "{\"days\": \"two\"}");

        assertThat(result.content()).contains("city").contains("days").contains("integer");
    }

    @Test
    void tooLongArgumentsAreRefusedBeforeParsing() {
        CountingTool tool = new CountingTool(SCHEMA, args -> Mono.just(args));
        InvocationLimits limits = new InvocationLimits(32, 1000, Duration.ofSeconds(5));

        ToolResult result = ToolInvoker.of(tool, limits).invoke("{\"city\": \"" + "x".repeat(40) + "\"}",
                Duration.ofSeconds(5)).block();

        assertThat(result.error()).isEqualTo(ToolError.INVALID_ARGUMENTS);
        assertThat(result.content()).contains("longer than 32");
        assertThat(tool.calls.get()).isZero();
    }

    @Test
    void validArgumentsReachTheToolAndItsDataIsWrappedAsToolOutput() {
        CountingTool tool = new CountingTool(SCHEMA, args -> Mono.just(WireJson.mapper().createObjectNode()
                .put("forecast", "sunny in " + args.path("city").asString())));

        ToolResult result = invoke(tool, "{\"city\": \"Paris\", \"days\": 2}");

        assertThat(result.ok()).isTrue();
        assertThat(result.outcome()).isEqualTo("ok");
        assertThat(result.content()).isEqualTo(
                "{\"tool_output\":{\"tool\":\"weather\",\"status\":\"ok\",\"data\":{\"forecast\":\"sunny in Paris\"}}}");
    }

    @Test
    void outputOverTheCapIsCutAndMarked() {
        CountingTool tool = new CountingTool(SCHEMA, args -> Mono.just(WireJson.mapper().createObjectNode()
                .put("text", "\uD83D\uDE00".repeat(100))));
        InvocationLimits limits = new InvocationLimits(1000, 50, Duration.ofSeconds(5));

        ToolResult result = ToolInvoker.of(tool, limits).invoke("{\"city\": \"Paris\"}", Duration.ofSeconds(5))
                .block();

        JsonNode output = result.envelope().path("tool_output");
        assertThat(result.truncated()).isTrue();
        assertThat(output.path("truncated").asBoolean()).isTrue();
        assertThat(output.has("data")).isFalse();
        assertThat(output.path("data_text").asString()).startsWith("{\"text\":\"\uD83D\uDE00").hasSize(49);
    }

    @Test
    void aRefusalKeepsItsMessageAndAnUnexpectedFailureHidesIt() {
        ToolResult refused = invoke(new CountingTool(SCHEMA,
                args -> Mono.error(ToolException.refused("the table is not granted"))), "{\"city\": \"x\"}");
        ToolResult broken = invoke(new CountingTool(SCHEMA, args -> {
            throw new IllegalStateException("password=hunter2 at jdbc:postgresql://db");
        }), "{\"city\": \"x\"}");

        assertThat(refused.error()).isEqualTo(ToolError.REFUSED);
        assertThat(refused.content()).contains("the table is not granted");
        assertThat(broken.error()).isEqualTo(ToolError.FAILED);
        assertThat(broken.content()).doesNotContain("hunter2").doesNotContain("jdbc");
    }

    @Test
    void aCallPastItsTimeIsCancelledAndReportedAsATimeout() {
        AtomicBoolean cancelled = new AtomicBoolean();
        CountingTool tool = new CountingTool(SCHEMA, args -> Mono.<JsonNode>never().doOnCancel(() -> cancelled.set(true)));
        ToolInvoker invoker = ToolInvoker.of(tool, InvocationLimits.defaults());

        StepVerifier.withVirtualTime(() -> invoker.invoke("{\"city\": \"x\"}", Duration.ofSeconds(3)))
                .thenAwait(Duration.ofSeconds(3))
                .assertNext(result -> {
                    assertThat(result.error()).isEqualTo(ToolError.TIMEOUT);
                    assertThat(result.content()).contains("3000 ms");
                })
                .verifyComplete();
        assertThat(cancelled).isTrue();
    }

    @Test
    void aCallerMayAskForLessTimeButNotMore() {
        CountingTool tool = new CountingTool(SCHEMA, args -> Mono.never());
        ToolInvoker invoker = ToolInvoker.of(tool, new InvocationLimits(100, 100, Duration.ofSeconds(2)));

        StepVerifier.withVirtualTime(() -> invoker.invoke("{\"city\": \"x\"}", Duration.ofHours(1)))
                .thenAwait(Duration.ofSeconds(2))
                .assertNext(result -> assertThat(result.content()).contains("2000 ms"))
                .verifyComplete();
    }

    @Test
    void aToolThatCompletesEmptyReturnsNullData() {
        ToolResult result = invoke(new CountingTool(SCHEMA, args -> Mono.empty()), "{\"city\": \"x\"}");

        assertThat(result.content()).isEqualTo("{\"tool_output\":{\"tool\":\"weather\",\"status\":\"ok\",\"data\":null}}");
    }

    @Test
    void aSchemaNeverMakesTheGatewayFetchARemoteReference() throws Exception {
        try (Sinkhole sinkhole = new Sinkhole()) {
            String schema = "{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"http://127.0.0.1:"
                    + sinkhole.port() + "/schema.json\"}}}";
            CountingTool tool = new CountingTool(schema, args -> Mono.just(args));

            ToolResult result;
            try {
                result = invoke(tool, "{\"a\": 1}");
            } catch (IllegalArgumentException unusable) {
                result = null;
            }

            assertThat(result == null || result.error() == ToolError.INVALID_ARGUMENTS).isTrue();
            assertThat(tool.calls.get()).isZero();
            assertThat(sinkhole.connections()).isZero();
        }
    }

    @Test
    void aSchemaThatCannotBeCompiledIsRefusedUpFront() {
        assertThatIllegalArgumentException().isThrownBy(() -> ToolInvoker.of(
                new CountingTool("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": 12}}}", Mono::just),
                InvocationLimits.defaults()));
    }

    private static ToolResult invoke(Tool tool, String arguments) {
        return ToolInvoker.of(tool, InvocationLimits.defaults()).invoke(arguments, Duration.ofSeconds(5)).block();
    }

    private static final class CountingTool implements Tool {

        private final ToolSpec spec;
        private final Function<JsonNode, Mono<JsonNode>> behaviour;
        private final AtomicInteger calls = new AtomicInteger();

        CountingTool(String schema, Function<JsonNode, Mono<JsonNode>> behaviour) {
            this.spec = new ToolSpec("weather", "Weather by city", WireJson.mapper().readTree(schema));
            this.behaviour = behaviour;
        }

        @Override
        public ToolSpec spec() {
            return spec;
        }

        @Override
        public Mono<JsonNode> call(JsonNode arguments) {
            calls.incrementAndGet();
            return behaviour.apply(arguments);
        }
    }
}
