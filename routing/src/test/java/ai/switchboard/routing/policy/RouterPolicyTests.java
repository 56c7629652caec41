package ai.switchboard.routing.policy;

import static ai.switchboard.routing.policy.PolicyTestSupport.policy;
import static ai.switchboard.routing.testsupport.TestDeployments.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.RegistryValidationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterPolicyTests {

    private static final String CONFIG = """
            {"rules": [
              {"name": "vip", "when": {"keys": ["vip-key"]}, "target": "strong"},
              {"name": "code", "when": {"keywords": ["stack trace", "NullPointer"]}, "target": "coder"},
              {"name": "sql", "when": {"regex": "\\\\bselect\\\\b.+\\\\bfrom\\\\b"}, "target": "coder"},
              {"name": "long", "when": {"min_tokens": 50}, "target": "long-context"},
              {"name": "tagged", "when": {"tags_any": ["batch"], "metadata": {"tier": "free"}}, "target": "cheap"},
              {"name": "json", "when": {"response_format": "any"}, "target": "json-model"}
            ], "default": "general"}""";

    private final ConfiguredPolicy router = policy("router", CONFIG);

    @Test
    void firstMatchingRuleWinsElseTheDefault() {
        assertThat(route(request("r", "Here is my stack trace"), "k", Set.of())).containsExactly("coder");
        assertThat(route(request("r", "please SELECT name FROM users"), "k", Set.of())).containsExactly("coder");
        assertThat(route(request("r", "stack trace"), "vip-key", Set.of())).containsExactly("strong");
        assertThat(route(request("r", "hello"), "k", Set.of())).containsExactly("general");
        assertThat(route(request("r", "word ".repeat(80)), "k", Set.of())).containsExactly("long-context");
    }

    @Test
    void tagsAndMetadataMustBothHold() {
        ChatRequest withMetadata = WireJson.mapper().readValue("""
                {"model":"r","messages":[{"role":"user","content":"hi"}],"metadata":{"tier":"free"}}""",
                ChatRequest.class);
        assertThat(route(withMetadata, "k", Set.of("batch"))).containsExactly("cheap");
        assertThat(route(withMetadata, "k", Set.of("other"))).containsExactly("general");
        assertThat(route(request("r", "hi"), "k", Set.of("batch"))).containsExactly("general");
    }

    @Test
    void responseFormatIsAConditionAndTheDecisionIsTraced() {
        ChatRequest json = WireJson.mapper().readValue("""
                {"model":"r","messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_object"}}""",
                ChatRequest.class);
        RoutingRequest request = PolicyTestSupport.request(json, "k", Set.of(), null, Map.of());
        assertThat(((RoutePlan.Targets) router.plan(request).block()).names()).containsExactly("json-model");
        assertThat(request.trace().decisions()).containsExactly("router: rule 'json' matched -> json-model");
    }

    @Test
    void invalidConfigurationsNameTheirFields() {
        FieldErrors errors = new FieldErrors();
        Set<String> targets = PolicyTestSupport.POLICIES.inspect("router", WireJson.mapper().readTree("""
                {"rules": [{"when": {"regex": "(", "colour": "red"}}]}"""), errors);
        assertThatThrownBy(errors::throwIfAny).isInstanceOf(RegistryValidationException.class)
                .hasMessageContaining("config.rules[0].target")
                .hasMessageContaining("config.rules[0].when.regex")
                .hasMessageContaining("config.rules[0].when.colour")
                .hasMessageContaining("config.default");
        assertThat(targets).isEmpty();
        assertThat(router.targets()).containsExactlyInAnyOrder("strong", "coder", "long-context", "cheap",
                "json-model", "general");
    }

    private List<String> route(ChatRequest chat, String key, Set<String> tags) {
        RoutePlan plan = router.plan(PolicyTestSupport.request(chat, key, tags, null, Map.of())).block();
        return ((RoutePlan.Targets) plan).names();
    }
}
