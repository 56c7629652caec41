package ai.switchboard.routing.policy;

import static ai.switchboard.routing.policy.PolicyTestSupport.policy;
import static ai.switchboard.routing.testsupport.TestDeployments.answer;
import static ai.switchboard.routing.testsupport.TestDeployments.deployment;
import static ai.switchboard.routing.testsupport.TestDeployments.request;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.routing.execution.RoutingFailedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** cascade and ensemble, with targets answered by a scripted invoker. */
class CompositePolicyTests {

    private final Map<String, Mono<ChatResponse>> answers = new ConcurrentHashMap<>();
    private final List<String> called = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final TargetInvoker invoker = (target, body) -> Mono.defer(() -> {
        called.add(target);
        return answers.get(target).map(response -> new TargetAnswer(response, deployment(target)));
    });

    @Test
    void cascadeReturnsTheFirstAcceptedStep() {
        answers.put("cheap", Mono.just(answer("Paris")));
        RoutingRequest request = PolicyTestSupport.request(request("r", "capital?"), "k", Set.of(), invoker, Map.of());

        RoutePlan plan = policy("cascade", "{\"steps\":[\"cheap\",\"strong\"]}").plan(request).block();

        assertThat(plan).isInstanceOf(RoutePlan.Answer.class);
        assertThat(((RoutePlan.Answer) plan).servedBy().modelName()).isEqualTo("cheap");
        assertThat(request.trace().decisions()).containsExactly("cascade: step 'cheap' accepted");
    }

    @Test
    void cascadeEscalatesOnEachFailedCheckAndCountsTheRejectedCost() {
        ConfiguredPolicy cascade = policy("cascade", """
                {"steps":["truncated","refuses","strong"],"refusal_patterns":["I can(no|')t help"]}""");
        answers.put("truncated", Mono.just(answer("Par", "length")));
        answers.put("refuses", Mono.just(answer("Sorry, I can't help with that")));
        RoutingRequest request = PolicyTestSupport.request(request("r", "capital?"), "k", Set.of(), invoker, Map.of());

        RoutePlan plan = cascade.plan(request).block();

        assertThat(((RoutePlan.Targets) plan).names()).containsExactly("strong");
        assertThat(request.trace().decisions()).containsExactly(
                "cascade: step 'truncated' rejected (finish_reason length)",
                "cascade: step 'refuses' rejected (refusal pattern)",
                "cascade: escalated to last step 'strong'");
        assertThat(request.trace().extraCompletionTokens()).isEqualTo(10);
    }

    @Test
    void cascadeChecksJsonSchemaLogprobsAndTheJudge() {
        ChatRequest json = WireJson.mapper().readValue("""
                {"model":"r","messages":[{"role":"user","content":"q"}],"response_format":{"type":"json_schema",
                 "json_schema":{"name":"a","schema":{"type":"object","required":["answer"]}}}}""", ChatRequest.class);
        AcceptanceChecks checks = new AcceptanceChecks(List.of(), -1.0);
        assertThat(checks.rejection(json, new TargetAnswer(answer("not json"), deployment("a"))))
                .isEqualTo("invalid JSON");
        assertThat(checks.rejection(json, new TargetAnswer(answer("{\"other\":1}"), deployment("a"))))
                .startsWith("JSON does not match the schema").contains("answer");
        assertThat(checks.rejection(json, new TargetAnswer(answer("{\"answer\":1}"), deployment("a")))).isNull();
        assertThat(AcceptanceChecks.meanLogprob(WireJson.mapper().readTree(
                "{\"content\":[{\"logprob\":-0.5},{\"logprob\":-2.5}]}"))).isEqualTo(-1.5);

        answers.put("cheap", Mono.just(answer("meh")));
        answers.put("judge", Mono.just(answer("4")));
        RoutingRequest request = PolicyTestSupport.request(request("r", "q"), "k", Set.of(), invoker, Map.of());
        RoutePlan plan = policy("cascade", "{\"steps\":[\"cheap\",\"strong\"],\"judge\":{\"target\":\"judge\","
                + "\"min_score\":7}}").plan(request).block();
        assertThat(((RoutePlan.Targets) plan).names()).containsExactly("strong");
        assertThat(request.trace().decisions().get(0)).isEqualTo("cascade: step 'cheap' rejected (judge score 4.0)");
    }

    @Test
    void cascadeValidatesAgainstTheWholeSchemaAndNeverFetchesRemoteReferences() {
        ChatRequest typed = WireJson.mapper().readValue("""
                {"model":"r","messages":[{"role":"user","content":"q"}],"response_format":{"type":"json_schema",
                 "json_schema":{"name":"a","schema":{"type":"object","required":["answer"],"additionalProperties":false,
                 "properties":{"answer":{"type":"integer","minimum":0},"tags":{"type":"array","items":{"enum":["x","y"]}}}}}}}""",
                ChatRequest.class);
        ChatRequest remote = WireJson.mapper().readValue("""
                {"model":"r","messages":[{"role":"user","content":"q"}],"response_format":{"type":"json_schema",
                 "json_schema":{"name":"a","schema":{"$ref":"http://127.0.0.1:1/schema.json"}}}}""", ChatRequest.class);
        AcceptanceChecks checks = new AcceptanceChecks(List.of(), null);

        assertThat(checks.rejection(typed, new TargetAnswer(answer("{\"answer\":-1}"), deployment("a"))))
                .startsWith("JSON does not match the schema");
        assertThat(checks.rejection(typed, new TargetAnswer(answer("{\"answer\":1,\"tags\":[\"z\"]}"),
                deployment("a")))).startsWith("JSON does not match the schema");
        assertThat(checks.rejection(typed, new TargetAnswer(answer("{\"answer\":1,\"extra\":true}"),
                deployment("a")))).startsWith("JSON does not match the schema");
        assertThat(checks.rejection(typed, new TargetAnswer(answer("{\"answer\":3,\"tags\":[\"x\"]}"),
                deployment("a")))).isNull();
        assertThat(checks.rejection(remote, new TargetAnswer(answer("{\"answer\":1}"), deployment("a"))))
                .isEqualTo("schema could not be applied");
    }

    @Test
    void majorityVoteNormalisesTextAndBreaksTiesTowardTheFirstMember() {
        answers.put("a", Mono.just(answer("Blue")));
        answers.put("b", Mono.just(answer("green")));
        answers.put("c", Mono.just(answer("  blue. ")));
        RoutingRequest request = PolicyTestSupport.request(request("r", "q"), "k", Set.of(), invoker, Map.of());

        RoutePlan.Answer plan = (RoutePlan.Answer) policy("ensemble",
                "{\"members\":[\"a\",\"b\",\"c\"],\"combiner\":\"majority\"}").plan(request).block();
        assertThat(plan.servedBy().modelName()).isEqualTo("a");
        assertThat(request.trace().extraCompletionTokens()).isEqualTo(10);

        answers.put("a", Mono.just(answer("{\"label\":\"no\"}")));
        answers.put("b", Mono.just(answer("{\"label\":\"yes\",\"why\":1}")));
        answers.put("c", Mono.error(new RoutingFailedException(List.of(),
                ProviderException.of(ErrorType.TIMEOUT, "slow"))));
        RoutePlan.Answer tie = (RoutePlan.Answer) policy("ensemble",
                "{\"members\":[\"a\",\"b\",\"c\"],\"combiner\":\"majority\",\"json_field\":\"label\"}")
                .plan(PolicyTestSupport.request(request("r", "q"), "k", Set.of(), invoker, Map.of())).block();
        assertThat(tie.servedBy().modelName()).isEqualTo("a");
    }

    @Test
    void judgeCombinerReturnsThePickedAnswer() {
        answers.put("a", Mono.just(answer("one")));
        answers.put("b", Mono.just(answer("two")));
        answers.put("j", Mono.just(answer("Answer 2 is best")));
        RoutePlan.Answer plan = (RoutePlan.Answer) policy("ensemble",
                "{\"members\":[\"a\",\"b\"],\"combiner\":\"judge\",\"judge\":\"j\"}")
                .plan(PolicyTestSupport.request(request("r", "q"), "k", Set.of(), invoker, Map.of())).block();
        assertThat(plan.servedBy().modelName()).isEqualTo("b");
    }

    @Test
    void hedgingLaunchesTheNextMemberOnlyAfterTheDelay() {
        answers.put("slow", Mono.delay(Duration.ofMillis(800)).thenReturn(answer("late")));
        answers.put("fast", Mono.delay(Duration.ofMillis(100)).thenReturn(answer("quick")));
        answers.put("spare", Mono.just(answer("unused")));
        ConfiguredPolicy hedged = policy("ensemble",
                "{\"members\":[\"slow\",\"fast\",\"spare\"],\"combiner\":\"first_good\",\"hedge_delay_ms\":300}");

        StepVerifier.withVirtualTime(() -> hedged.plan(
                        PolicyTestSupport.request(request("r", "q"), "k", Set.of(), invoker, Map.of())))
                .expectSubscription()
                .then(() -> assertThat(called).containsExactly("slow"))
                .thenAwait(Duration.ofMillis(300))
                .then(() -> assertThat(called).containsExactly("slow", "fast"))
                .expectNoEvent(Duration.ofMillis(99))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(plan -> assertThat(((RoutePlan.Answer) plan).servedBy().modelName()).isEqualTo("fast"))
                .verifyComplete();
        assertThat(called).containsExactly("slow", "fast");
    }
}
