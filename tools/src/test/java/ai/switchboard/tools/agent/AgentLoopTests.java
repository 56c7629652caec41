package ai.switchboard.tools.agent;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.AgentConfig;
import ai.switchboard.tools.Tool;
import ai.switchboard.tools.ToolSpec;
import ai.switchboard.tools.invoke.ArgumentSchema;
import ai.switchboard.tools.invoke.InvocationLimits;
import ai.switchboard.tools.invoke.ToolInvoker;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The loop against a scripted planner: answers, limits, and what each step sends the model. */
class AgentLoopTests {

    private final EchoTool echo = new EchoTool();
    private final List<ChatRequest> sent = new ArrayList<>();

    @Test
    void theModelCallsAToolReadsItsResultAndAnswers() {
        AgentRun run = loop(agent(10, null, Duration.ofMinutes(1)), script(
                step -> step == 1 ? callsEcho("{\"city\": \"Oslo\"}") : answer("Sunny in Oslo")))
                .run(client()).block();

        assertThat(run.status()).isEqualTo(AgentStatus.COMPLETED);
        assertThat(run.steps()).isEqualTo(2);
        assertThat(run.toolCalls()).isEqualTo(1);
        assertThat(run.answer().choices().get(0).message().text()).isEqualTo("Sunny in Oslo");
        assertThat(run.answer().extra().get("agent_run").path("status").asString()).isEqualTo("completed");
        ChatRequest first = sent.get(0);
        assertThat(first.messages().get(0).role()).isEqualTo("system");
        assertThat(first.messages().get(0).text()).isEqualTo("Be brief.");
        assertThat(first.tools()).extracting(tool -> tool.name()).containsExactly("echo");
        assertThat(first.parallelToolCalls()).isFalse();
        assertThat(first.temperature()).as("the client's settings go with every step").isEqualTo(0.2);
        ChatMessage result = sent.get(1).messages().getLast();
        assertThat(result.role()).isEqualTo("tool");
        assertThat(result.toolCallId()).isEqualTo("call-1");
        assertThat(WireJson.mapper().readTree(result.text()).path("tool_output").path("data").path("city").asString())
                .isEqualTo("Oslo");
        assertThat(echo.calls.get()).isEqualTo(1);
    }

    @Test
    void theObserverSeesEveryModelCallAndToolCallInOrder() {
        List<String> seen = new ArrayList<>();
        RunObserver observer = new RunObserver() {
            @Override
            public void modelCalled(ModelCall call) {
                seen.add("model " + call.step() + " " + call.response().choices().get(0).finishReason());
            }

            @Override
            public void toolCalled(ToolCallStep call) {
                seen.add("tool " + call.step() + " " + call.tool() + " " + call.arguments() + " "
                        + call.result().outcome());
            }
        };
        Function<ChatRequest, ChatResponse> model = script(step -> switch (step) {
            case 1 -> callsEcho("{\"city\": \"Oslo\"}");
            case 2 -> callsEcho("not json");
            default -> answer("Done");
        });
        AgentLoop loop = new AgentLoop(agent(10, null, Duration.ofMinutes(1)),
                Map.of("echo", ToolInvoker.of(echo, InvocationLimits.defaults())),
                request -> Mono.fromSupplier(() -> new PlannedStep(model.apply(request), null)), observer);

        AgentRun run = loop.run(client()).block();

        assertThat(run.status()).isEqualTo(AgentStatus.COMPLETED);
        assertThat(seen).containsExactly("model 1 tool_calls", "tool 1 echo {\"city\": \"Oslo\"} ok",
                "model 2 tool_calls", "tool 2 echo not json invalid_arguments", "model 3 stop");
    }

    @Test
    void anAnswerThatBreaksTheSchemaGetsOneRepairStep() {
        Function<ChatRequest, ChatResponse> model = script(step -> step == 1 ? answer("Sunny") : answer(
                "{\"forecast\": \"sunny\"}"));
        AgentRun run = schemaLoop(model).run(client()).block();

        assertThat(run.status()).isEqualTo(AgentStatus.COMPLETED);
        assertThat(run.steps()).isEqualTo(2);
        ChatMessage asked = sent.get(1).messages().getLast();
        assertThat(asked.role()).isEqualTo("user");
        assertThat(asked.text()).contains("does not match the required JSON schema").contains("not one JSON document");
    }

    @Test
    void anAnswerThatStillBreaksTheSchemaAfterTheRepairFailsTheRun() {
        AgentRun run = schemaLoop(script(step -> answer("{\"forecast\": 5}"))).run(client()).block();

        assertThat(run.status()).isEqualTo(AgentStatus.FAILED);
        assertThat(run.steps()).isEqualTo(2);
        assertThat(sent).hasSize(2);
        assertThat(run.answer().extra().get("agent_run").path("status").asString()).isEqualTo("failed");
    }

    private AgentLoop schemaLoop(Function<ChatRequest, ChatResponse> model) {
        ArgumentSchema schema = ArgumentSchema.compile(WireJson.mapper().readTree("""
                {"type": "object", "required": ["forecast"], "properties": {"forecast": {"type": "string"}}}"""));
        return new AgentLoop(agent(10, null, Duration.ofMinutes(1)), Map.of(),
                request -> Mono.fromSupplier(() -> new PlannedStep(model.apply(request), null)), RunObserver.NONE,
                schema);
    }

    @Test
    void aRunOutOfStepsStopsWithoutRunningTheToolsItWouldNeverRead() {
        AgentRun run = loop(agent(1, null, Duration.ofMinutes(1)), script(step -> callsEcho("{}")))
                .run(client()).block();

        assertThat(run.status()).isEqualTo(AgentStatus.MAX_STEPS);
        assertThat(run.steps()).isEqualTo(1);
        assertThat(echo.calls.get()).isZero();
        ChatChoice choice = run.answer().choices().get(0);
        assertThat(choice.finishReason()).isEqualTo("length");
        assertThat(choice.message().text()).contains("1 steps");
        assertThat(run.answer().extra().get("agent_run").path("status").asString()).isEqualTo("max_steps");
    }

    @Test
    void aRunThatSpentItsLimitStops() {
        AgentLoop loop = new AgentLoop(agent(10, new BigDecimal("1.00"), Duration.ofMinutes(1)),
                Map.of("echo", ToolInvoker.of(echo, InvocationLimits.defaults())),
                request -> Mono.just(new PlannedStep(callsEcho("{}"), new BigDecimal("0.6"))));

        AgentRun run = loop.run(client()).block();

        assertThat(run.status()).isEqualTo(AgentStatus.MAX_COST);
        assertThat(run.steps()).as("0.60 spent after one step, 1.20 after two").isEqualTo(2);
        assertThat(echo.calls.get()).isEqualTo(1);
    }

    @Test
    void aRunOutOfTimeStopsAndCancelsTheCallInFlight() {
        AtomicInteger cancelled = new AtomicInteger();
        AgentLoop loop = new AgentLoop(agent(10, null, Duration.ofSeconds(30)), Map.of(),
                request -> Mono.<PlannedStep>never().doOnCancel(cancelled::incrementAndGet));

        StepVerifier.withVirtualTime(() -> loop.run(client()))
                .thenAwait(Duration.ofSeconds(30))
                .assertNext(run -> assertThat(run.status()).isEqualTo(AgentStatus.TIMEOUT))
                .verifyComplete();
        assertThat(cancelled.get()).isEqualTo(1);
    }

    @Test
    void aToolTheAgentIsNotGrantedIsRefusedToTheModelAndTheRunGoesOn() {
        AgentRun run = loop(agent(10, null, Duration.ofMinutes(1)), script(step -> step == 1
                ? new ChatResponse("r", ChatResponse.OBJECT, 1L, "m", List.of(new ChatChoice(0, new ChatMessage(
                        "assistant", null, null, List.of(ToolCall.of("call-9", "shell", "{\"cmd\": \"id\"}")), null,
                        null, null), null, "tool_calls", null)), null, null, null)
                : answer("I cannot do that")))
                .run(client()).block();

        assertThat(run.status()).isEqualTo(AgentStatus.COMPLETED);
        JsonNode refusal = WireJson.mapper().readTree(sent.get(1).messages().getLast().text());
        assertThat(refusal.path("tool_output").path("error").path("type").asString()).isEqualTo("refused");
        assertThat(echo.calls.get()).isZero();
    }

    private AgentLoop loop(AgentConfig agent, Function<ChatRequest, ChatResponse> model) {
        return new AgentLoop(agent, Map.of("echo", ToolInvoker.of(echo, InvocationLimits.defaults())),
                request -> Mono.fromSupplier(() -> new PlannedStep(model.apply(request), null)));
    }

    /** A model whose answer depends on the step (1, 2, ...); records every request. */
    private Function<ChatRequest, ChatResponse> script(Function<Integer, ChatResponse> byStep) {
        return request -> {
            sent.add(request);
            return byStep.apply(sent.size());
        };
    }

    private static AgentConfig agent(int maxSteps, BigDecimal maxCost, Duration timeout) {
        return new AgentConfig(UUID.randomUUID(), "weather", null, "m", "Be brief.", List.of("echo"), maxSteps,
                maxCost, timeout, false, null, 1L);
    }

    private static ChatRequest client() {
        return new ChatRequest("agent:weather", List.of(new ChatMessage("user",
                JsonNodeFactory.instance.stringNode("Weather in Oslo?"), null, null, null, null, null)), null, null,
                null, null, null, null, null, null, null, null, null, null, null, 0.2, null, null, null, null, null);
    }

    private static ChatResponse callsEcho(String arguments) {
        ChatMessage message = new ChatMessage("assistant", null, null, List.of(ToolCall.of("call-1", "echo",
                arguments)), null, null, null);
        return new ChatResponse("r", ChatResponse.OBJECT, 1L, "m", List.of(new ChatChoice(0, message, null,
                "tool_calls", null)), null, null, null);
    }

    private static ChatResponse answer(String text) {
        ChatMessage message = new ChatMessage("assistant", JsonNodeFactory.instance.stringNode(text), null, null,
                null, null, null);
        return new ChatResponse("r", ChatResponse.OBJECT, 1L, "m", List.of(new ChatChoice(0, message, null, "stop",
                null)), null, null, null);
    }

    /** Gives its arguments back as its result. */
    private static final class EchoTool implements Tool {

        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public ToolSpec spec() {
            return new ToolSpec("echo", "Returns its arguments", null);
        }

        @Override
        public Mono<JsonNode> call(JsonNode arguments) {
            calls.incrementAndGet();
            return Mono.just(arguments);
        }
    }
}
