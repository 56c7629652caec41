package ai.switchboard.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.pipeline.Api;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.RouteConfig;
import ai.switchboard.routing.Target;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class CacheKeysTests {

    private static final UUID TEAM_A = UUID.randomUUID();
    private static final UUID TEAM_B = UUID.randomUUID();
    private static final ApiKeyRecord ALICE = key(TEAM_A);
    private static final ApiKeyRecord ALICES_COLLEAGUE = key(TEAM_A);
    private static final ApiKeyRecord BOB = key(TEAM_B);
    private static final UUID ROUTE_ID = UUID.randomUUID();
    private static final Target ROUTE = route(1_000);

    private static final String COMPACT = """
            {"model":"faq","temperature":0,"messages":[{"role":"user","content":"What is \\u00e9t\\u00e9?"}],\
            "tools":[{"type":"function","function":{"name":"lookup","parameters":{"type":"object",\
            "properties":{"q":{"type":"string"}}}}}],"tool_choice":"auto","seed":7,"stop":["\\n"],\
            "logit_bias":{"50256":-100},"reasoning_effort":"low","response_format":{"type":"json_object"}}""";

    private static final String REORDERED = """
            {
              "response_format" : { "type" : "json_object" },
              "reasoning_effort": "low",
              "logit_bias": { "50256": -100.0 },
              "stop": [ "\\n" ],
              "seed": 7,
              "tool_choice": "auto",
              "tools": [ { "function": { "parameters": { "properties": { "q": { "type": "string" } },
                            "type": "object" }, "name": "lookup" }, "type": "function" } ],
              "messages": [ { "content": "What is été?", "role": "user" } ],
              "temperature": 0.0,
              "stream": true,
              "stream_options": { "include_usage": true },
              "user": "end-user-42",
              "model": "faq"
            }""";

    @Test
    void theSameRequestSerialisedTwoWaysHasOneKey() {
        assertThat(CacheKeys.canonicalRequest(chat(REORDERED))).isEqualTo(CacheKeys.canonicalRequest(chat(COMPACT)));
        assertThat(key(ALICE, ROUTE, chat(REORDERED))).isEqualTo(key(ALICE, ROUTE, chat(COMPACT)))
                .hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void everyFieldThatChangesTheAnswerChangesTheKey() {
        String base = key(ALICE, ROUTE, chat(COMPACT));
        for (String[] change : new String[][] {
                {"\"temperature\":0", "\"temperature\":0.5"},
                {"\"seed\":7", "\"seed\":8"},
                {"What is", "What's"},
                {"\"tool_choice\":\"auto\"", "\"tool_choice\":\"required\""},
                {"\"stop\":[\"\\n\"]", "\"stop\":[\"\\n\",\".\"]"},
                {"-100", "-99"},
                {"\"low\"", "\"high\""},
                {"json_object", "text"},
                {"\"name\":\"lookup\"", "\"name\":\"search\""},
                {"\"model\":\"faq\"", "\"model\":\"faq\",\"n\":2"},
                {"\"model\":\"faq\"", "\"model\":\"faq\",\"top_p\":0.5"},
                {"\"model\":\"faq\"", "\"model\":\"faq\",\"max_tokens\":5"}}) {
            assertThat(COMPACT).contains(change[0]);
            assertThat(key(ALICE, ROUTE, chat(COMPACT.replace(change[0], change[1]))))
                    .as(change[1]).isNotEqualTo(base);
        }
    }

    @Test
    void messageOrderMatters() {
        String first = "{\"model\":\"faq\",\"messages\":[{\"role\":\"user\",\"content\":\"a\"},"
                + "{\"role\":\"user\",\"content\":\"b\"}]}";
        String second = "{\"model\":\"faq\",\"messages\":[{\"role\":\"user\",\"content\":\"b\"},"
                + "{\"role\":\"user\",\"content\":\"a\"}]}";
        assertThat(key(ALICE, ROUTE, chat(first))).isNotEqualTo(key(ALICE, ROUTE, chat(second)));
    }

    @Test
    void entriesAreScopedByTeamUnlessShared() {
        ChatRequest request = chat(COMPACT);
        assertThat(key(ALICE, ROUTE, request)).isEqualTo(key(ALICES_COLLEAGUE, ROUTE, request))
                .isNotEqualTo(key(BOB, ROUTE, request));
        assertThat(CacheKeys.of(Api.CHAT, ALICE, true, ROUTE, request))
                .isEqualTo(CacheKeys.of(Api.CHAT, BOB, true, ROUTE, request));
        ApiKeyRecord teamless = key(null);
        assertThat(key(teamless, ROUTE, request)).isNotEqualTo(key(key(null), ROUTE, request));
    }

    @Test
    void anUpdatedRouteOrAnotherApiNeverReadsTheOldEntries() {
        ChatRequest request = chat(COMPACT);
        assertThat(key(ALICE, route(2_000), request)).isNotEqualTo(key(ALICE, ROUTE, request));
        assertThat(CacheKeys.of(Api.RESPONSES, ALICE, false, ROUTE, request))
                .isNotEqualTo(key(ALICE, ROUTE, request));
    }

    @Test
    void numbersAreSpelledOneWay() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        assertThat(CanonicalJson.of(json.numberNode(1))).isEqualTo(CanonicalJson.of(json.numberNode(1.0)))
                .isEqualTo(CanonicalJson.of(json.numberNode(new java.math.BigDecimal("1E0")))).isEqualTo("1");
        assertThat(CanonicalJson.of(json.numberNode(-0.0))).isEqualTo("0");
        assertThat(CanonicalJson.of(WireJson.mapper().readTree("{\"b\":null,\"a\":[1.50,\"x\"]}")))
                .isEqualTo("{\"a\":[1.5,\"x\"]}");
    }

    private static String key(ApiKeyRecord caller, Target target, ChatRequest request) {
        return CacheKeys.of(Api.CHAT, caller, false, target, request);
    }

    private static ChatRequest chat(String json) {
        return WireJson.mapper().readValue(json, ChatRequest.class);
    }

    private static ApiKeyRecord key(UUID team) {
        UUID id = UUID.randomUUID();
        return new ApiKeyRecord(id, "k-" + id, "sk-sb-x", "hash-" + id, Set.of(), Set.of("*"), null, false, team);
    }

    private static Target route(long updatedEpochMilli) {
        return new Target.Route(new RouteConfig(ROUTE_ID, "faq", null, "fallback",
                JsonNodeFactory.instance.objectNode(), null, null, null, null, true, 0, updatedEpochMilli));
    }
}
