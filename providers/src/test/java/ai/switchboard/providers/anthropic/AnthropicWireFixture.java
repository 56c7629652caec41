package ai.switchboard.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.json.WireJson;
import ai.switchboard.providers.testsupport.kit.KitRequests;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamFinish;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import ai.switchboard.providers.testsupport.kit.UpstreamToolCall;
import ai.switchboard.providers.testsupport.kit.UpstreamUsage;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders kit replies in Anthropic's Messages wire format (crib sheet section 2), for the adapter's contract kit run
 * and for end-to-end tests that put an Anthropic stub behind the gateway: a {@code message} body, and an
 * {@code event:} + {@code data:} stream ending in {@code message_stop} (no {@code [DONE]}).
 *
 * <p>Both follow Anthropic's semantics, not OpenAI's: {@code input_tokens} excludes cache reads, which are reported
 * beside it; tool input is an object in a body and {@code input_json_delta} fragments in a stream, where a tool
 * without arguments streams a single empty fragment, as Anthropic does, so the adapter must supply {@code "{}"}.
 */
public final class AnthropicWireFixture {

    /** The version header every Messages call must carry. */
    public static final String VERSION = "2023-06-01";

    private AnthropicWireFixture() {
    }

    /** A complete {@code message} answer. */
    public static String messageBody(UpstreamReply reply, String model) {
        ObjectNode body = message(reply, model);
        var content = body.putArray("content");
        if (reply.hasText()) {
            content.addObject().put("type", "text").put("text", reply.text());
        }
        for (UpstreamToolCall call : reply.toolCalls()) {
            content.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
                    .set("input", WireJson.mapper().readTree(call.arguments()));
        }
        body.put("stop_reason", stopReason(reply.finish()));
        putStopSequence(body, reply.finish());
        body.set("usage", usage(reply.usage(), reply.usage().completionTokens()));
        return body.toString();
    }

    /**
     * The stream of {@code reply}: {@code message_start}, a {@code ping}, a text block at index 0 when there is
     * text, one {@code tool_use} block per call (so with text first, the first tool is block 1 but OpenAI index 0),
     * {@code message_delta} with the stop reason and cumulative output tokens, then {@code message_stop}.
     */
    public static StreamTranscript transcript(UpstreamReply reply, String model) {
        List<String> events = new ArrayList<>();
        ObjectNode started = message(reply, model);
        started.putArray("content");
        started.putNull("stop_reason");
        started.putNull("stop_sequence");
        started.set("usage", usage(reply.usage(), 1));
        events.add(event("message_start", node("message_start").set("message", started)));
        events.add(event("ping", node("ping")));
        int block = 0;
        if (reply.hasText()) {
            events.add(blockStart(block, node("text").put("text", "")));
            for (String piece : reply.textPieces()) {
                events.add(blockDelta(block, node("text_delta").put("text", piece)));
            }
            events.add(blockStop(block++));
        }
        for (UpstreamToolCall call : reply.toolCalls()) {
            ObjectNode toolUse = node("tool_use").put("id", call.id()).put("name", call.name());
            toolUse.putObject("input");
            events.add(blockStart(block, toolUse));
            List<String> fragments = "{}".equals(call.arguments()) ? List.of("") : call.argumentFragments();
            for (String fragment : fragments) {
                events.add(blockDelta(block, node("input_json_delta").put("partial_json", fragment)));
            }
            events.add(blockStop(block++));
        }
        ObjectNode delta = node("message_delta");
        ObjectNode stop = delta.putObject("delta").put("stop_reason", stopReason(reply.finish()));
        putStopSequence(stop, reply.finish());
        delta.putObject("usage").put("output_tokens", reply.usage().completionTokens());
        events.add(event("message_delta", delta));
        events.add(event("message_stop", node("message_stop")));
        return StreamTranscript.sse(events);
    }

    /**
     * Checks the native shape of a tool round trip's second request: the assistant turn holds a {@code tool_use}
     * block and the next user turn opens with the {@code tool_result} for the same id, carrying {@code result}.
     */
    public static void assertToolResultSent(JsonNode body, String callId, String result) {
        JsonNode messages = body.path("messages");
        assertThat(messages.at("/1/role").asString()).isEqualTo("assistant");
        assertThat(messages.at("/1/content/0/type").asString()).isEqualTo("tool_use");
        assertThat(messages.at("/1/content/0/id").asString()).isEqualTo(callId);
        assertThat(messages.at("/2/role").asString()).isEqualTo("user");
        assertThat(messages.at("/2/content/0/type").asString()).isEqualTo("tool_result");
        assertThat(messages.at("/2/content/0/tool_use_id").asString()).isEqualTo(callId);
        assertThat(messages.at("/2/content/0/content").asString()).isEqualTo(result);
    }

    /** Anthropic's error envelope, with the {@code error.type} Anthropic documents for {@code status}. */
    public static String errorBody(int status, String message) {
        ObjectNode body = node("error");
        body.putObject("error").put("type", errorType(status)).put("message", message);
        body.put("request_id", "req_011CKIT");
        return body.toString();
    }

    /** The {@code error.type} Anthropic sends with an HTTP status (docs: /en/api/errors). */
    public static String errorType(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 504 -> "timeout_error";
            case 529 -> "overloaded_error";
            default -> "api_error";
        };
    }

    /** The {@code stop_reason} Anthropic gives for each way an answer ends. */
    public static String stopReason(UpstreamFinish finish) {
        return switch (finish) {
            case STOP -> "end_turn";
            case STOP_SEQUENCE -> "stop_sequence";
            case LENGTH -> "max_tokens";
            case TOOL_CALLS -> "tool_use";
        };
    }

    private static ObjectNode message(UpstreamReply reply, String model) {
        return node("message").put("id", "msg_" + reply.id()).put("role", "assistant").put("model", model);
    }

    private static void putStopSequence(ObjectNode node, UpstreamFinish finish) {
        if (finish == UpstreamFinish.STOP_SEQUENCE) {
            node.put("stop_sequence", KitRequests.STOP_SEQUENCE);
        }
        else {
            node.putNull("stop_sequence");
        }
    }

    /** Usage with Anthropic's semantics: cache reads are not part of {@code input_tokens}. */
    private static ObjectNode usage(UpstreamUsage usage, int outputTokens) {
        return WireJson.mapper().createObjectNode()
                .put("input_tokens", usage.uncachedPromptTokens())
                .put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", usage.cachedTokens())
                .put("output_tokens", outputTokens);
    }

    private static String blockStart(int index, ObjectNode block) {
        ObjectNode event = node("content_block_start").put("index", index);
        event.set("content_block", block);
        return event("content_block_start", event);
    }

    private static String blockDelta(int index, ObjectNode delta) {
        ObjectNode event = node("content_block_delta").put("index", index);
        event.set("delta", delta);
        return event("content_block_delta", event);
    }

    private static String blockStop(int index) {
        return event("content_block_stop", node("content_block_stop").put("index", index));
    }

    private static ObjectNode node(String type) {
        return WireJson.mapper().createObjectNode().put("type", type);
    }

    private static String event(String name, ObjectNode data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }
}
