package ai.switchboard.routing.policy;

import static ai.switchboard.routing.policy.PolicyTestSupport.policy;
import static ai.switchboard.routing.testsupport.TestDeployments.answer;
import static ai.switchboard.routing.testsupport.TestDeployments.deployment;
import static ai.switchboard.routing.testsupport.TestDeployments.failure;
import static ai.switchboard.routing.testsupport.TestDeployments.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.PromptConfig;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.prompt.PromptTemplate;
import ai.switchboard.routing.RoutingTrace;
import ai.switchboard.routing.execution.RoutingFailedException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** pipeline: steps in order, each rendered from the input and earlier outputs; the last planned with its request. */
class PipelinePolicyTests {

    private static final String TWO_STEPS = """
            {"steps":[
              {"name":"extract","target":"small","template":{"text":"Facts of: {{input}}"}},
              {"name":"write","target":"large","template":{"messages":[
                 {"role":"system","content":"Write from these facts."},
                 {"role":"user",
                  "content":"{{steps.extract.output}} / first said: {{#messages}}{{role}}:{{content}};{{/messages}}"}
               ]}}]}""";

    private final List<ChatRequest> sent = new CopyOnWriteArrayList<>();
    private final List<String> called = new CopyOnWriteArrayList<>();

    private TargetInvoker answering(String text) {
        return (target, body) -> Mono.fromSupplier(() -> {
            called.add(target);
            sent.add(body);
            return new TargetAnswer(answer(text), deployment(target));
        });
    }

    @Test
    void eachStepReadsTheInputAndEarlierOutputsAndTheLastIsPlannedWithItsOwnMessages() {
        RoutingRequest request = PolicyTestSupport.request(streaming(request("r", "The launch moved to May.")), "k",
                Set.of(), answering("launch: May"), Map.of());

        RoutePlan plan = policy("pipeline", TWO_STEPS).plan(request).block();

        assertThat(called).containsExactly("small");
        assertThat(text(sent.get(0).messages().get(0))).isEqualTo("Facts of: The launch moved to May.");
        assertThat(sent.get(0).isStream()).as("earlier steps run in JSON").isFalse();
        RoutePlan.Rewritten last = (RoutePlan.Rewritten) plan;
        assertThat(last.names()).containsExactly("large");
        assertThat(last.request().isStream()).as("the last step streams when the client does").isTrue();
        assertThat(last.request().messages()).extracting(ChatMessage::role).containsExactly("system", "user");
        assertThat(text(last.request().messages().get(1)))
                .isEqualTo("launch: May / first said: user:The launch moved to May.;");
        assertThat(request.trace().extraPromptTokens()).as("step 1's tokens count").isEqualTo(10);
        assertThat(request.trace().extraCompletionTokens()).isEqualTo(5);
    }

    @Test
    void aFailedStepFailsTheRequestNamingTheStep() {
        TargetInvoker failing = (target, body) -> Mono.error(new RoutingFailedException(List.of(),
                failure(ErrorType.UPSTREAM_SERVER_ERROR, 502)));
        RoutingRequest request = PolicyTestSupport.request(request("r", "x"), "k", Set.of(), failing, Map.of());

        assertThatThrownBy(() -> policy("pipeline", TWO_STEPS).plan(request).block())
                .isInstanceOfSatisfying(RoutingFailedException.class, e -> {
                    assertThat(e.decisive().getMessage()).startsWith("pipeline step 'extract' (small) failed");
                    assertThat(e.decisive().type()).isEqualTo(ErrorType.UPSTREAM_SERVER_ERROR);
                });
    }

    @Test
    void aStepReadingAnOutputThatDoesNotExistFailsNamingTheStep() {
        ConfiguredPolicy pipeline = policy("pipeline", """
                {"steps":[{"name":"a","target":"small","template":{"text":"{{steps.nope.output}}"}},
                          {"name":"b","target":"large"}]}""");
        RoutingRequest request = PolicyTestSupport.request(request("r", "x"), "k", Set.of(), answering("y"),
                Map.of());

        assertThatThrownBy(() -> pipeline.plan(request).block()).isInstanceOfSatisfying(RoutingFailedException.class,
                e -> assertThat(e.decisive().getMessage()).contains("step 'a'").contains("steps.nope.output"));
        assertThat(called).isEmpty();
    }

    @Test
    void aStoredPromptIsRenderedAtTheVersionItsLabelNamesAndRecorded() {
        FieldErrors errors = new FieldErrors();
        PromptTemplate v1 = PromptTemplate.parse(errors, "t",
                WireJson.mapper().readTree("{\"text\":\"one {{input}}\"}"));
        PromptTemplate v2 = PromptTemplate.parse(errors, "t",
                WireJson.mapper().readTree("{\"text\":\"two {{input}}\"}"));
        PromptConfig prompt = new PromptConfig(UUID.randomUUID(), "writer", Map.of("production", 2),
                Map.of(1, v1, 2, v2));
        ConfiguredPolicy pipeline = policy("pipeline", """
                {"steps":[{"name":"write","target":"large","prompt":{"prompt":"writer"}}]}""");
        RoutingRequest request = new RoutingRequest(request("r", "hi"), "k", Set.of(), new RoutingTrace("t"),
                answering("unused"), null, name -> null, name -> name.equals("writer") ? prompt : null);

        RoutePlan.Rewritten plan = (RoutePlan.Rewritten) pipeline.plan(request).block();

        assertThat(text(plan.request().messages().get(0))).isEqualTo("two hi");
        assertThat(request.trace().prompt().name()).isEqualTo("writer");
        assertThat(request.trace().prompt().version()).isEqualTo(2);
        assertThat(((PipelinePolicy) pipeline).prompts()).extracting(r -> r.prompt()).containsExactly("writer");
    }

    @Test
    void badConfigurationsAreRefusedNamingTheField() {
        assertThat(refused("{\"steps\":[]}")).contains("config.steps");
        assertThat(refused("{\"steps\":[{\"name\":\"a\",\"target\":\"m\"},{\"name\":\"a\",\"target\":\"n\"}]}"))
                .contains("config.steps[1].name");
        assertThat(refused("{\"steps\":[{\"name\":\"a b\",\"target\":\"m\"}]}")).contains("config.steps[0].name");
        assertThat(refused("{\"steps\":[{\"name\":\"a\",\"target\":\"m\",\"template\":{\"text\":\"{{#x}}\"}}]}"))
                .contains("config.steps[0].template.text");
        assertThat(refused("{\"steps\":[{\"name\":\"a\",\"target\":\"m\",\"prompt\":{\"prompt\":\"p\","
                + "\"label\":\"x\",\"version\":1}}]}")).contains("config.steps[0].prompt");
        assertThat(refused("{\"steps\":[{\"name\":\"a\",\"target\":\"m\",\"prompt\":{\"prompt\":\"p\"},"
                + "\"template\":{\"text\":\"x\"}}]}")).contains("config.steps[0]");
        assertThat(refused("{\"steps\":[{\"name\":\"a\",\"target\":\"m\",\"model\":\"x\"}]}"))
                .contains("config.steps[0].model");
        assertThat(refused("{\"steps\":[{\"name\":\"a\"}]}")).contains("config.steps[0].target");
    }

    private static String refused(String json) {
        FieldErrors errors = new FieldErrors();
        PolicyTestSupport.POLICIES.inspect("pipeline", WireJson.mapper().readTree(json), errors);
        assertThat(errors.isEmpty()).as(json).isFalse();
        try {
            errors.throwIfAny();
            return "";
        } catch (RegistryValidationException e) {
            return e.errors().toString();
        }
    }

    private static ChatRequest streaming(ChatRequest r) {
        return new ChatRequest(r.model(), r.messages(), Boolean.TRUE, null, r.tools(), r.toolChoice(),
                r.parallelToolCalls(), r.responseFormat(), r.n(), r.stop(), r.seed(), r.logprobs(), r.topLogprobs(),
                r.maxTokens(), r.maxCompletionTokens(), r.temperature(), r.topP(), r.presencePenalty(),
                r.frequencyPenalty(), r.user(), r.extra());
    }

    private static String text(ChatMessage message) {
        return message.text();
    }
}
