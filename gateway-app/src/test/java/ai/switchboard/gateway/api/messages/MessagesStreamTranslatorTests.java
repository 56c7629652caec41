package ai.switchboard.gateway.api.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.switchboard.gateway.api.messages.wire.MessageStartEvent;
import ai.switchboard.gateway.api.messages.wire.MessagesEvent;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.json.WireJson;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.StopReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Canonical chunk streams as Anthropic's events, each stream accumulated by Anthropic's SDK. */
class MessagesStreamTranslatorTests {

    private static final ReplyOptions SHOWN = new ReplyOptions(List.of("###"), true);
    private static final String USAGE = "{\"id\":\"chatcmpl-1\",\"model\":\"gpt-4o\",\"choices\":[],\"usage\":"
            + "{\"prompt_tokens\":1250,\"completion_tokens\":40,\"total_tokens\":1290,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":1000}}}";

    @Test
    void textStreamHasAnthropicsEventsInAnthropicsOrder() {
        List<MessagesEvent> events = translate(SHOWN,
                delta("{\"role\":\"assistant\",\"content\":\"\"}"), delta("{\"content\":\"Hel\"}"),
                delta("{\"content\":\"lo\"}"), finish("stop"), USAGE);

        assertThat(events).extracting(MessagesEvent::type).containsExactly("message_start", "content_block_start",
                "ping", "content_block_delta", "content_block_delta", "content_block_stop", "message_delta",
                "message_stop");
        assertThat(AnthropicSdk.frame(events.get(3))).isEqualTo("event: content_block_delta\ndata: {\"type\":"
                + "\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}\n\n");
        Message message = AnthropicSdk.accumulate(events);
        assertThat(message.id()).isEqualTo("chatcmpl-1");
        assertThat(message.content()).singleElement().satisfies(block ->
                assertThat(block.asText().text()).isEqualTo("Hello"));
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().inputTokens()).isEqualTo(250);
        assertThat(message.usage().cacheReadInputTokens()).contains(1000L);
        assertThat(message.usage().outputTokens()).isEqualTo(40);
    }

    @Test
    void thinkingTextAndTwoToolCallsAreFourBlocksInTurn() {
        List<MessagesEvent> events = translate(SHOWN,
                delta("{\"role\":\"assistant\",\"content\":\"\"}"),
                delta("{\"reasoning_content\":\"The user wants \"}"), delta("{\"reasoning_content\":\"weather.\"}"),
                delta("{\"content\":\"Checking.\"}"),
                delta("{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":"
                        + "{\"name\":\"get_weather\",\"arguments\":\"\"}}]}"),
                delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}"),
                delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}"),
                delta("{\"tool_calls\":[{\"index\":1,\"id\":\"call_2\",\"type\":\"function\",\"function\":"
                        + "{\"name\":\"get_time\",\"arguments\":\"\"}}]}"),
                finish("tool_calls"), USAGE);

        Message message = AnthropicSdk.accumulate(events);
        List<ContentBlock> content = message.content();
        assertThat(content).hasSize(4);
        assertThat(content.get(0).asThinking().thinking()).isEqualTo("The user wants weather.");
        assertThat(content.get(1).asText().text()).isEqualTo("Checking.");
        assertThat(content.get(2).asToolUse().id()).isEqualTo("call_1");
        assertThat(content.get(2).asToolUse()._input().toString()).isEqualTo("{city=Paris}");
        assertThat(content.get(3).asToolUse().name()).isEqualTo("get_time");
        assertThat(content.get(3).asToolUse()._input().toString()).isEqualTo("{}");
        assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
        // Argument fragments pass verbatim, each on the block of its own call.
        assertThat(events.stream().map(AnthropicSdk::frame).filter(frame -> frame.contains("input_json_delta")))
                .containsExactly(
                        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":2,\"delta\":"
                                + "{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"city\\\":\"}}\n\n",
                        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":2,\"delta\":"
                                + "{\"type\":\"input_json_delta\",\"partial_json\":\"\\\"Paris\\\"}\"}}\n\n");
    }

    @Test
    void aCompleteCallInOneFragmentOpensItsBlockAndSendsItsInput() {
        Message message = AnthropicSdk.accumulate(translate(SHOWN,
                delta("{\"tool_calls\":[{\"index\":0,\"id\":\"g1\",\"type\":\"function\",\"function\":"
                        + "{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":1}\"}},{\"index\":1,\"id\":\"g2\",\"type\":"
                        + "\"function\",\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}]}"),
                finish("stop")));

        assertThat(message.content()).extracting(block -> block.asToolUse().id()).containsExactly("g1", "g2");
        assertThat(message.content().getFirst().asToolUse()._input().toString()).isEqualTo("{a=1}");
        assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
    }

    @Test
    void nothingIsEmittedUntilContentAndTheLatestCandidateNamesTheMessage() {
        MessagesStreamTranslator translator = new MessagesStreamTranslator(SHOWN);

        assertThat(translator.next(chunk("{\"id\":\"from-a\",\"model\":\"a\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}"))).isEmpty();
        assertThat(translator.started()).isFalse();
        // The first candidate failed before content; another took over and started its own stream.
        List<MessagesEvent> events = translator.next(chunk("{\"id\":\"from-b\",\"model\":\"b\",\"choices\":"
                + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"}}]}"));

        assertThat(translator.started()).isTrue();
        MessageStartEvent start = (MessageStartEvent) events.getFirst();
        assertThat(start.message().id()).isEqualTo("from-b");
        assertThat(start.message().model()).isEqualTo("b");
    }

    @Test
    void omittedThinkingIsNotSent() {
        List<MessagesEvent> events = translate(new ReplyOptions(List.of(), false),
                delta("{\"reasoning_content\":\"secret\"}"), delta("{\"content\":\"Hi\"}"), finish("stop"));

        assertThat(AnthropicSdk.accumulate(events).content()).singleElement()
                .satisfies(block -> assertThat(block.isText()).isTrue());
    }

    @Test
    void anAnswerWithoutContentIsStillAWholeMessage() {
        List<MessagesEvent> events = translate(SHOWN, delta("{\"role\":\"assistant\",\"content\":\"\"}"),
                finish("length"));

        assertThat(events).extracting(MessagesEvent::type)
                .containsExactly("message_start", "message_delta", "message_stop");
        Message message = AnthropicSdk.accumulate(events);
        assertThat(message.content()).isEmpty();
        assertThat(message.stopReason()).contains(StopReason.MAX_TOKENS);
    }

    @Test
    void aMatchedStopSequenceAndARefusalAreReported() {
        Message stopped = AnthropicSdk.accumulate(translate(SHOWN, delta("{\"content\":\"a\"}"),
                "{\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\","
                        + "\"stop_reason\":\"###\"}]}"));
        Message refused = AnthropicSdk.accumulate(translate(SHOWN, delta("{\"refusal\":\"No.\"}"), finish("stop")));

        assertThat(stopped.stopReason()).contains(StopReason.STOP_SEQUENCE);
        assertThat(stopped.stopSequence()).contains("###");
        assertThat(refused.stopReason()).contains(StopReason.REFUSAL);
        assertThat(refused.content().getFirst().asText().text()).isEqualTo("No.");
    }

    @Test
    void fragmentsOfAClosedCallOrOfNoCallAreMalformed() {
        MessagesStreamTranslator interleaved = new MessagesStreamTranslator(SHOWN);
        interleaved.next(chunk(delta("{\"tool_calls\":[{\"index\":0,\"id\":\"a\",\"function\":{\"name\":\"f\","
                + "\"arguments\":\"\"}}]}")));
        interleaved.next(chunk(delta("{\"tool_calls\":[{\"index\":1,\"id\":\"b\",\"function\":{\"name\":\"g\","
                + "\"arguments\":\"\"}}]}")));

        ProviderException late = catchThrowableOfType(ProviderException.class, () -> interleaved.next(
                chunk(delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{}\"}}]}"))));
        ProviderException orphan = catchThrowableOfType(ProviderException.class, () -> new MessagesStreamTranslator(
                SHOWN).next(chunk(delta("{\"tool_calls\":[{\"index\":3,\"function\":{\"arguments\":\"{}\"}}]}"))));

        assertThat(late.type()).isEqualTo(ErrorType.MALFORMED_RESPONSE);
        assertThat(orphan.type()).isEqualTo(ErrorType.MALFORMED_RESPONSE);
    }

    @Test
    void aStreamWithoutAnyChunkIsMalformedNotAnEmptyAnswer() {
        ProviderException empty = catchThrowableOfType(ProviderException.class,
                () -> new MessagesStreamTranslator(SHOWN).finish());

        assertThat(empty.type()).isEqualTo(ErrorType.MALFORMED_RESPONSE);
    }

    static List<MessagesEvent> translate(ReplyOptions options, String... chunks) {
        MessagesStreamTranslator translator = new MessagesStreamTranslator(options);
        List<MessagesEvent> events = new ArrayList<>();
        for (String chunk : chunks) {
            events.addAll(translator.next(chunk(chunk)));
        }
        events.addAll(translator.finish());
        return events;
    }

    static ChatChunk chunk(String json) {
        return WireJson.mapper().readValue(json, ChatChunk.class);
    }

    static String delta(String delta) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":null}]}";
    }

    static String finish(String reason) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + reason + "\"}]}";
    }
}
