package ai.switchboard.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.pipeline.Api;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.RouteConfig;
import ai.switchboard.registry.SemanticCacheConfig;
import ai.switchboard.routing.Target;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** Which chat requests the semantic cache may answer, what it embeds, and what must match exactly. */
class SemanticQueryTests {

    private static final SemanticCacheConfig SINGLE_TURN = new SemanticCacheConfig("embed", 0.95, 0);
    private static final SemanticCacheConfig THREE_TURNS = new SemanticCacheConfig("embed", 0.95, 2);
    private static final ApiKeyRecord ALICE = key(UUID.randomUUID());
    private static final Target ROUTE = new Target.Route(new RouteConfig(UUID.randomUUID(), "faq", null, "fallback",
            JsonNodeFactory.instance.objectNode(), null, null, null, null, true, 0, 1));
    private static final String USER = "{\"role\":\"user\",\"content\":\"When are you open?\"}";

    @Test
    void embedsTheLastUserMessageAndPartitionsByEverythingElse() {
        SemanticQuery plain = query(SINGLE_TURN, "{\"temperature\":0,\"messages\":[" + USER + "]}");
        assertThat(plain.text()).isEqualTo("When are you open?");
        SemanticQuery respelled = query(SINGLE_TURN, "{\"messages\":[{\"content\":\"When are you open?\","
                + "\"role\":\"user\"}],\"temperature\":0.0,\"stream\":true,\"user\":\"u1\"}");
        assertThat(respelled.partition()).isEqualTo(plain.partition());

        for (String other : new String[] {
                "{\"temperature\":0,\"messages\":[{\"role\":\"system\",\"content\":\"Be terse.\"}," + USER + "]}",
                "{\"temperature\":0.5,\"messages\":[" + USER + "]}",
                "{\"temperature\":0,\"response_format\":{\"type\":\"json_object\"},\"messages\":[" + USER + "]}",
                "{\"temperature\":0,\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}],"
                        + "\"messages\":[" + USER + "]}"}) {
            assertThat(query(SINGLE_TURN, other).partition()).as(other).isNotEqualTo(plain.partition());
        }
        // Another team, another embeddings model or another amount of context: another partition.
        ChatRequest request = chat("{\"temperature\":0,\"messages\":[" + USER + "]}");
        assertThat(SemanticQuery.of(Api.CHAT, key(UUID.randomUUID()), false, ROUTE, SINGLE_TURN, request).partition())
                .isNotEqualTo(plain.partition());
        assertThat(SemanticQuery.of(Api.CHAT, ALICE, false, ROUTE, new SemanticCacheConfig("other", 0.95, 0),
                request).partition()).isNotEqualTo(plain.partition());
        assertThat(query(THREE_TURNS, "{\"temperature\":0,\"messages\":[" + USER + "]}").partition())
                .isNotEqualTo(plain.partition());
    }

    @Test
    void embedsEarlierTurnsUpToTheConfiguredContextAndRefusesLongerConversations() {
        String conversation = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
                + "{\"role\":\"assistant\",\"content\":\"Hello\"}," + USER + "]}";
        assertThat(query(THREE_TURNS, conversation).text())
                .isEqualTo("user: Hi\nassistant: Hello\nuser: When are you open?");
        assertThat(query(SINGLE_TURN, conversation)).isNull();
    }

    @Test
    void neverForToolTrafficImagesOrAnAnswerAwaitingNoQuestion() {
        String toolCall = "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"hours\",\"arguments\":\"{}\"}}]}";
        String toolResult = "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"9-17\"}";
        assertThat(query(THREE_TURNS, "{\"messages\":[" + USER + "," + toolCall + "," + toolResult + "]}")).isNull();
        assertThat(query(THREE_TURNS, "{\"messages\":[" + toolCall + "," + toolResult + "," + USER + "]}")).isNull();
        assertThat(query(SINGLE_TURN, "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"What is this?\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/y.png\"}}]}]}"))
                .isNull();
        assertThat(query(THREE_TURNS, "{\"messages\":[" + USER + ",{\"role\":\"assistant\",\"content\":\"9-5\"}]}"))
                .isNull();
        assertThat(query(SINGLE_TURN, "{\"messages\":[{\"role\":\"system\",\"content\":\"Be terse.\"}]}")).isNull();
        assertThat(SemanticQuery.of(Api.RESPONSES, ALICE, false, ROUTE, SINGLE_TURN,
                chat("{\"messages\":[" + USER + "]}"))).isNull();
    }

    private static SemanticQuery query(SemanticCacheConfig config, String json) {
        return SemanticQuery.of(Api.CHAT, ALICE, false, ROUTE, config, chat(json));
    }

    private static ChatRequest chat(String json) {
        return WireJson.mapper().readValue(json, ChatRequest.class);
    }

    private static ApiKeyRecord key(UUID team) {
        UUID id = UUID.randomUUID();
        return new ApiKeyRecord(id, "k-" + id, "sk-sb-x", "hash-" + id, Set.of(), Set.of("*"), null, false, team);
    }
}
