package ai.switchboard.tools.delegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.AgentConfig;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.tools.ToolDefinition;
import ai.switchboard.tools.ToolTypes;
import ai.switchboard.tools.agent.AgentLoop;
import ai.switchboard.tools.agent.AgentRun;
import ai.switchboard.tools.agent.AgentStatus;
import ai.switchboard.tools.agent.PlannedStep;
import ai.switchboard.tools.agent.SpendMeter;
import ai.switchboard.tools.invoke.InvocationLimits;
import ai.switchboard.tools.invoke.ToolInvoker;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Agents as tools: a delegated run answers the delegating model; its spending counts against the delegating run's
 * cost limit and the delegating run's limit bounds it; chains and cycles stop at the tool's depth; and the tool
 * refuses to run outside an agent run.
 */
class AgentDelegationTests {

    private static final ToolTypes TYPES = new ToolTypes(List.of(new AgentToolType()));
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final List<String> calls = new ArrayList<>();
    private final Map<String, List<ChatRequest>> sent = new ConcurrentHashMap<>();

    @Test
    void theDelegatedAgentsAnswerComesBackAsDataWithItsStatus() {
        AgentLoop researcher = loop("researcher", null, ask("writer", 2), step -> step == 1
                ? callsTool("ask_writer", "{\"input\":\"write a haiku about rain\"}")
                : answer("Done"));
        Delegation delegation = (name, input) -> {
            calls.add(name + ":" + input);
            return loop(name, null, Map.of(), step -> answer("soft rain on the roof")).run(client(input));
        };

        AgentRun run = researcher.run(client("rain")).contextWrite(c -> c.put(Delegation.class, delegation)).block();

        assertThat(run.status()).isEqualTo(AgentStatus.COMPLETED);
        assertThat(calls).containsExactly("writer:write a haiku about rain");
        JsonNode result = lastToolMessage("researcher");
        assertThat(result.path("tool_output").path("data").path("agent").asString()).isEqualTo("writer");
        assertThat(result.path("tool_output").path("data").path("status").asString()).isEqualTo("completed");
        assertThat(result.path("tool_output").path("data").path("answer").asString())
                .isEqualTo("soft rain on the roof");
    }

    @Test
    void whatTheDelegatedRunSpendsStopsTheDelegatingRunAtItsCostLimit() {
        // The researcher may spend a cent; its own steps cost nothing, the writer's one step costs two cents.
        AgentLoop researcher = loop("researcher", CENT, ask("writer", 2), step ->
                callsTool("ask_writer", "{\"input\":\"again\"}"));
        AtomicInteger writerRuns = new AtomicInteger();
        Delegation delegation = (name, input) -> {
            writerRuns.incrementAndGet();
            return priced(name, null, new BigDecimal("0.02"), step -> answer("text")).run(client(input));
        };

        AgentRun run = researcher.run(client("go")).contextWrite(c -> c.put(Delegation.class, delegation)).block();

        assertThat(run.status()).isEqualTo(AgentStatus.MAX_COST);
        assertThat(writerRuns).as("the second delegation is never started").hasValue(1);
    }

    @Test
    void theDelegatingRunsLimitBoundsTheDelegatedRunWhateverItsOwn() {
        // The researcher's cent is spent by the writer's first step; the writer, with no limit of its own, stops
        // before running the tool its model asked for.
        AtomicInteger writerToolCalls = new AtomicInteger();
        AgentLoop researcher = loop("researcher", CENT, ask("writer", 2), step -> step == 1
                ? callsTool("ask_writer", "{\"input\":\"go\"}") : answer("ok"));
        Delegation delegation = (name, input) -> priced(name, null, new BigDecimal("0.02"), step -> {
            writerToolCalls.incrementAndGet();
            return callsTool("ask_writer", "{\"input\":\"deeper\"}");
        }).run(client(input));

        AgentRun run = researcher.run(client("go")).contextWrite(c -> c.put(Delegation.class, delegation)).block();

        assertThat(writerToolCalls).as("one planned step, then stopped").hasValue(1);
        assertThat(run.status()).as("the researcher's next step answers").isEqualTo(AgentStatus.COMPLETED);
        JsonNode delegated = lastToolMessage("researcher").path("tool_output").path("data");
        assertThat(delegated.path("status").asString()).isEqualTo("max_cost");
        assertThat(delegated.path("answer").asString())
                .contains("the agent that delegated to it reached its cost limit");
    }

    @Test
    void anAgentThatDelegatesToItselfStopsAtTheToolsDepth() {
        AtomicInteger runs = new AtomicInteger();
        Delegation[] self = new Delegation[1];
        self[0] = (name, input) -> {
            runs.incrementAndGet();
            return loop(name, null, ask(name, 2), step -> step == 1
                    ? callsTool("ask_" + name, "{\"input\":\"recurse\"}") : answer("bottom")).run(client(input));
        };

        AgentRun run = self[0].run("loopy", "start").contextWrite(c -> c.put(Delegation.class, self[0])).block();

        assertThat(run.status()).isEqualTo(AgentStatus.COMPLETED);
        // Depth 0 (started here), 1 and 2 run; the tool refuses the third level.
        assertThat(runs).hasValue(3);
    }

    @Test
    void outsideAnAgentRunTheToolRefuses() {
        ToolInvoker invoker = ToolInvoker.of(TYPES.create(definition("ask_writer", "writer", 2)),
                InvocationLimits.defaults());

        var result = invoker.invoke("{\"input\":\"x\"}", Duration.ofSeconds(5)).block();

        assertThat(result.outcome()).isEqualTo("refused");
    }

    @Test
    void aDelegationDeeperThanTheToolAllowsIsRefusedWithoutRunning() {
        ToolInvoker invoker = ToolInvoker.of(TYPES.create(definition("ask_writer", "writer", 1)),
                InvocationLimits.defaults());
        AtomicInteger started = new AtomicInteger();
        Delegation delegation = (name, input) -> {
            started.incrementAndGet();
            return Mono.empty();
        };
        SpendMeter depthOne = SpendMeter.root(null).child(null);

        var result = invoker.invoke("{\"input\":\"x\"}", Duration.ofSeconds(5))
                .contextWrite(c -> c.put(Delegation.class, delegation).put(SpendMeter.class, depthOne)).block();

        assertThat(result.outcome()).isEqualTo("refused");
        assertThat(started).hasValue(0);
    }

    @Test
    void theConfigurationNamesAnAgentAndABoundedDepth() {
        assertThatThrownBy(() -> TYPES.create(definitionOf("ask", "{}")))
                .isInstanceOf(RegistryValidationException.class).hasMessageContaining("config.agent");
        assertThatThrownBy(() -> TYPES.create(definitionOf("ask", "{\"agent\":\"no spaces allowed\"}")))
                .isInstanceOf(RegistryValidationException.class).hasMessageContaining("config.agent");
        assertThatThrownBy(() -> TYPES.create(definitionOf("ask", "{\"agent\":\"w\",\"max_depth\":6}")))
                .isInstanceOf(RegistryValidationException.class).hasMessageContaining("config.max_depth");
        assertThatThrownBy(() -> TYPES.create(definitionOf("ask", "{\"agent\":\"w\",\"max_depth\":0}")))
                .isInstanceOf(RegistryValidationException.class).hasMessageContaining("config.max_depth");
        assertThatThrownBy(() -> TYPES.create(definitionOf("ask", "{\"agent\":\"w\",\"surprise\":1}")))
                .isInstanceOf(RegistryValidationException.class);
        assertThat(TYPES.create(definitionOf("ask", "{\"agent\":\"w\"}")).spec().parameters()
                .path("required").get(0).asString()).isEqualTo("input");
    }

    @Test
    void spendingCountsUpTheChainAndAnyLimitAboveStopsARun() {
        SpendMeter root = SpendMeter.root(new BigDecimal("0.10"));
        SpendMeter child = root.child(null);
        SpendMeter grandchild = child.child(new BigDecimal("1.00"));

        grandchild.add(new BigDecimal("0.04"));
        child.add(new BigDecimal("0.05"));
        grandchild.add(null);

        assertThat(root.spent()).isEqualByComparingTo("0.09");
        assertThat(child.spent()).isEqualByComparingTo("0.09");
        assertThat(grandchild.spent()).isEqualByComparingTo("0.04");
        assertThat(grandchild.exhausted()).isFalse();
        grandchild.add(CENT);
        assertThat(grandchild.exhausted()).as("the root's limit is reached").isTrue();
        assertThat(grandchild.depth()).isEqualTo(2);
    }

    /** The tool {@code ask_<target>} delegating to agent {@code target} at {@code depth}. */
    private static Map<String, ToolInvoker> ask(String target, int depth) {
        return Map.of("ask_" + target, ToolInvoker.of(TYPES.create(definition("ask_" + target, target, depth)),
                InvocationLimits.defaults()));
    }

    private static ToolDefinition definition(String name, String agent, int depth) {
        return definitionOf(name, "{\"agent\":\"" + agent + "\",\"max_depth\":" + depth + "}");
    }

    private static ToolDefinition definitionOf(String name, String config) {
        return new ToolDefinition(name, AgentToolType.NAME, null, WireJson.mapper().readTree(config));
    }

    private AgentLoop loop(String name, BigDecimal maxCost, Map<String, ToolInvoker> tools,
            Function<Integer, ChatResponse> model) {
        return priced(name, maxCost, null, model, tools);
    }

    private AgentLoop priced(String name, BigDecimal maxCost, BigDecimal stepCost,
            Function<Integer, ChatResponse> model) {
        return priced(name, maxCost, stepCost, model, Map.of());
    }

    /** An agent whose model answers {@code model.apply(step)} (steps from 1), each step costing {@code stepCost}. */
    private AgentLoop priced(String name, BigDecimal maxCost, BigDecimal stepCost,
            Function<Integer, ChatResponse> model, Map<String, ToolInvoker> tools) {
        AgentConfig agent = new AgentConfig(UUID.randomUUID(), name, null, "m", null, List.copyOf(tools.keySet()), 10,
                maxCost, Duration.ofSeconds(30), false, null, 1L);
        AtomicInteger step = new AtomicInteger();
        List<ChatRequest> seen = sent.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
        return new AgentLoop(agent, tools, request -> Mono.fromSupplier(() -> {
            seen.add(request);
            return new PlannedStep(model.apply(step.incrementAndGet()), stepCost);
        }));
    }

    /** The last tool message agent {@code name}'s model was sent, as JSON. */
    private JsonNode lastToolMessage(String name) {
        List<ChatRequest> requests = sent.get(name);
        return WireJson.mapper().readTree(requests.getLast().messages().getLast().text());
    }

    private static ChatRequest client(String text) {
        return new ChatRequest("agent:x", List.of(new ChatMessage("user",
                JsonNodeFactory.instance.stringNode(text), null, null, null, null, null)), null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static ChatResponse callsTool(String tool, String arguments) {
        ChatMessage message = new ChatMessage("assistant", null, null, List.of(ToolCall.of("call-" + tool, tool,
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
}
