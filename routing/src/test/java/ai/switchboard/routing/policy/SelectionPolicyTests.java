package ai.switchboard.routing.policy;

import static ai.switchboard.routing.policy.PolicyTestSupport.policy;
import static ai.switchboard.routing.testsupport.TestDeployments.deployment;
import static ai.switchboard.routing.testsupport.TestDeployments.request;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.Capability;
import ai.switchboard.routing.Deployment;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** fallback, weighted, least-latency and cheapest-capable. */
class SelectionPolicyTests {

    @Test
    void fallbackKeepsItsOrder() {
        assertThat(targets(policy("fallback", "{\"targets\":[\"a\",\"b\",\"c\"]}"), request("r", "x"), "k", Map.of()))
                .containsExactly("a", "b", "c");
    }

    @Test
    void weightedDrawsByWeightAndOrdersTheRestAsFailover() {
        AtomicReference<Double> draw = new AtomicReference<>(0.0);
        WeightedPolicy split = new WeightedPolicy(List.of(new WeightedPolicy.Share("a", 90),
                new WeightedPolicy.Share("b", 10)), WeightedPolicy.Sticky.NONE, draw::get);

        assertThat(targets(split, request("r", "x"), "k", Map.of())).containsExactly("a", "b");
        draw.set(0.95);
        assertThat(targets(split, request("r", "x"), "k", Map.of())).containsExactly("b", "a");
    }

    @Test
    void stickyWeightedKeepsEachUserOnOneSideAndSplitsUsersByWeight() {
        ConfiguredPolicy canary = policy("weighted",
                "{\"targets\":[{\"target\":\"stable\",\"weight\":80},{\"target\":\"canary\",\"weight\":20}],"
                        + "\"sticky\":\"user\"}");
        int canaryUsers = 0;
        for (int user = 0; user < 2_000; user++) {
            ChatRequest chat = WireJson.mapper().readValue("{\"model\":\"r\",\"user\":\"u" + user
                    + "\",\"messages\":[]}", ChatRequest.class);
            String first = targets(canary, chat, "k", Map.of()).get(0);
            assertThat(targets(canary, chat, "k", Map.of()).get(0)).isEqualTo(first);
            canaryUsers += first.equals("canary") ? 1 : 0;
        }
        assertThat(canaryUsers).isBetween(300, 500);
    }

    @Test
    void leastLatencyPutsTheFastestFirstAndUnmeasuredBeforeMeasured() {
        Deployment slow = deployment("slow");
        Deployment fast = deployment("fast");
        Deployment fresh = deployment("fresh");
        PolicyTestSupport.LATENCY.recordLatency(slow.key(), 900_000_000L);
        PolicyTestSupport.LATENCY.recordLatency(fast.key(), 100_000_000L);
        ConfiguredPolicy policy = policy("least-latency", "{\"targets\":[\"slow\",\"fast\",\"fresh\"]}");

        assertThat(targets(policy, request("r", "x"), "k", Map.of("slow", slow, "fast", fast, "fresh", fresh)))
                .containsExactly("fresh", "fast", "slow");
    }

    @Test
    void cheapestCapablePicksTheCheapestModelThatFitsAndCanDoTheJob() {
        Deployment tiny = deployment("tiny", 100, new BigDecimal("0.1"), Capability.CHAT);
        Deployment small = deployment("small", 100_000, new BigDecimal("0.5"), Capability.CHAT);
        Deployment big = deployment("big", 100_000, new BigDecimal("5"), Capability.CHAT, Capability.TOOLS);
        Map<String, Deployment> all = Map.of("tiny", tiny, "small", small, "big", big);
        ConfiguredPolicy policy = policy("cheapest-capable", "{\"targets\":[\"big\",\"small\",\"tiny\"]}");

        assertThat(targets(policy, request("r", "short"), "k", all)).containsExactly("tiny", "small", "big");
        assertThat(targets(policy, request("r", "long ".repeat(200)), "k", all)).containsExactly("small", "big");
        ChatRequest tools = WireJson.mapper().readValue("""
                {"model":"r","messages":[{"role":"user","content":"x"}],
                 "tools":[{"type":"function","function":{"name":"f","parameters":{}}}]}""", ChatRequest.class);
        assertThat(targets(policy, tools, "k", all)).containsExactly("big");

        ChatRequest images = WireJson.mapper().readValue("""
                {"model":"r","messages":[{"role":"user","content":[{"type":"image_url",
                 "image_url":{"url":"https://x.test/a.png"}}]}]}""", ChatRequest.class);
        StepVerifier.create(policy.plan(PolicyTestSupport.request(images, "k", Set.of(), null, all)))
                .expectErrorSatisfies(e -> assertThat(((ProviderException) e).status()).isEqualTo(400))
                .verify();
    }

    private static List<String> targets(RoutingPolicy policy, ChatRequest chat, String key,
            Map<String, Deployment> deployments) {
        RoutePlan plan = policy.plan(PolicyTestSupport.request(chat, key, Set.of(), null, deployments)).block();
        return ((RoutePlan.Targets) plan).names();
    }
}
