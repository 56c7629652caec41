package ai.switchboard.gateway.api.messages;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.api.messages.wire.MessagesEvent;
import ai.switchboard.gateway.api.messages.wire.PassedThroughEvent;
import ai.switchboard.gateway.cache.AnswerFormat;
import ai.switchboard.providers.api.AnthropicMessagesEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An Anthropic upstream's own stream, recorded whole for the cache and told again as the same events. */
class MessagesAnswersTests {

    private static final List<String> NATIVE_STREAM = List.of(
            "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                    + "\"model\":\"claude\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
                    + "\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}",
            "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\","
                    + "\"thinking\":\"\",\"signature\":\"\"}}",
            "{\"type\":\"ping\"}",
            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\","
                    + "\"thinking\":\"Weather \"}}",
            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\","
                    + "\"thinking\":\"tool.\"}}",
            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\","
                    + "\"signature\":\"sig\"}}",
            "{\"type\":\"content_block_stop\",\"index\":0}",
            "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
            "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"Let me \"}}",
            "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"check.\"}}",
            "{\"type\":\"content_block_stop\",\"index\":1}",
            "{\"type\":\"content_block_start\",\"index\":2,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\","
                    + "\"name\":\"get_weather\",\"input\":{}}}",
            "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"input_json_delta\","
                    + "\"partial_json\":\"{\\\"city\\\":\"}}",
            "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"input_json_delta\","
                    + "\"partial_json\":\"\\\"Paris\\\"}\"}}",
            "{\"type\":\"content_block_stop\",\"index\":2}",
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},"
                    + "\"usage\":{\"output_tokens\":40}}",
            "{\"type\":\"message_stop\"}");

    @Test
    void aNativeStreamIsStoredWholeAndReplayedAsTheSameEvents() {
        byte[] whole = record(NATIVE_STREAM);
        assertThat(whole).isNotNull();
        JsonNode message = MessagesAnswers.INSTANCE.read(whole).body() instanceof JsonNode json ? json : null;
        assertThat(message.path("content").path(0).path("thinking").asString()).isEqualTo("Weather tool.");
        assertThat(message.path("content").path(0).path("signature").asString()).isEqualTo("sig");
        assertThat(message.path("content").path(1).path("text").asString()).isEqualTo("Let me check.");
        assertThat(message.path("content").path(2).path("input").path("city").asString()).isEqualTo("Paris");
        assertThat(message.path("stop_reason").asString()).isEqualTo("tool_use");
        assertThat(message.path("usage").path("input_tokens").asInt()).isEqualTo(25);
        assertThat(message.path("usage").path("output_tokens").asInt()).isEqualTo(40);

        List<JsonNode> replayed = MessagesAnswers.INSTANCE.replay(whole).collectList().block().stream()
                .map(event -> MessagesJson.MAPPER.readTree(((PassedThroughEvent) event).upstream().data()))
                .toList();
        assertThat(replayed).extracting(event -> event.path("type").asString()).containsExactly(
                "message_start", "content_block_start", "ping", "content_block_delta", "content_block_delta",
                "content_block_stop", "content_block_start", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        assertThat(replayed.get(0).path("message").path("content").isEmpty()).isTrue();
        assertThat(replayed.get(1).path("content_block").path("thinking").asString()).isEmpty();
        assertThat(replayed.get(10).path("delta").path("partial_json").asString()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(replayed.get(12).path("delta").path("stop_reason").asString()).isEqualTo("tool_use");

        // Told again and recorded again, it is the same message: a replay loses nothing.
        List<String> again = replayed.stream().map(JsonNode::toString).toList();
        assertThat(MessagesJson.MAPPER.readTree(record(again))).isEqualTo(message);
    }

    @Test
    void aCutOrBrokenOffStreamIsNeverStored() {
        List<String> cut = NATIVE_STREAM.stream().map(event -> event.replace("\"tool_use\",\"stop_sequence\"",
                "\"max_tokens\",\"stop_sequence\"")).toList();
        assertThat(record(cut)).isNull();
        assertThat(record(NATIVE_STREAM.subList(0, NATIVE_STREAM.size() - 1))).isNull();
        List<String> refused = NATIVE_STREAM.stream().map(event -> event.replace("\"tool_use\",\"stop_sequence\"",
                "\"refusal\",\"stop_sequence\"")).toList();
        assertThat(record(refused)).isNull();
    }

    private static byte[] record(List<String> events) {
        AnswerFormat.Recorder<MessagesEvent> recorder = MessagesAnswers.INSTANCE.recorder();
        for (String event : events) {
            String type = MessagesJson.MAPPER.readTree(event).path("type").asString();
            recorder.add(new PassedThroughEvent(new AnthropicMessagesEvent(type, event, null)));
        }
        return recorder.whole();
    }
}
