package ai.switchboard.providers.cohere;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.json.WireJson;
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
 * Renders kit replies in Cohere's v2 chat wire format (crib sheet section 6), for the adapter's contract kit run and
 * for end-to-end tests that put a Cohere stub behind the gateway: a chat body, and a stream of {@code data:} events
 * with a {@code type} discriminator that ends in {@code message-end} (no {@code [DONE]}).
 *
 * <p>Both follow Cohere's semantics, not OpenAI's: a tool-calling answer carries a {@code tool_plan} that is not
 * answer text (the adapter must drop it), tool calls are numbered by their own {@code index} apart from content
 * blocks, and usage comes twice: {@code billed_units} (what is charged, the kit's counts) and {@code tokens} (what the
 * model processed including Cohere's prompt template, deliberately larger so an adapter reading it is caught).
 */
public final class CohereWireFixture {

    /** The plan Cohere puts before tool calls; it must never reach the client as content. */
    public static final String TOOL_PLAN = "I will look this up with the tools.";

    /** What Cohere's prompt template adds to the real token counts. */
    private static final int TEMPLATE_TOKENS = 850;

    private CohereWireFixture() {
    }

    /** A complete {@code /v2/chat} answer. */
    public static String chatBody(UpstreamReply reply) {
        ObjectNode body = object().put("id", reply.id()).put("finish_reason", finishReason(reply.finish()));
        ObjectNode message = body.putObject("message").put("role", "assistant");
        if (reply.hasText()) {
            message.putArray("content").addObject().put("type", "text").put("text", reply.text());
        }
        if (!reply.toolCalls().isEmpty()) {
            message.put("tool_plan", TOOL_PLAN);
            var calls = message.putArray("tool_calls");
            for (UpstreamToolCall call : reply.toolCalls()) {
                calls.addObject().put("id", call.id()).put("type", "function").putObject("function")
                        .put("name", call.name()).put("arguments", call.arguments());
            }
        }
        body.set("usage", usage(reply.usage()));
        return body.toString();
    }

    /**
     * The stream of {@code reply}: {@code message-start}; a text block ({@code content-start}, one
     * {@code content-delta} per piece, {@code content-end}); for tool calls a {@code tool-plan-delta}, then per call
     * {@code tool-call-start} (id, name, empty arguments), one {@code tool-call-delta} per argument fragment and
     * {@code tool-call-end}; finally {@code message-end} with the finish reason and usage.
     */
    public static StreamTranscript transcript(UpstreamReply reply) {
        List<String> events = new ArrayList<>();
        ObjectNode start = event("message-start").put("id", reply.id());
        start.putObject("delta").putObject("message").put("role", "assistant");
        events.add(data(start));
        if (reply.hasText()) {
            events.add(data(content("content-start", 0, "")));
            reply.textPieces().forEach(piece -> events.add(data(content("content-delta", 0, piece))));
            events.add(data(event("content-end").put("index", 0)));
        }
        if (!reply.toolCalls().isEmpty()) {
            ObjectNode plan = event("tool-plan-delta");
            plan.putObject("delta").putObject("message").put("tool_plan", TOOL_PLAN);
            events.add(data(plan));
        }
        for (int index = 0; index < reply.toolCalls().size(); index++) {
            UpstreamToolCall call = reply.toolCalls().get(index);
            ObjectNode callStart = event("tool-call-start").put("index", index);
            callStart.putObject("delta").putObject("message").putObject("tool_calls").put("id", call.id())
                    .put("type", "function").putObject("function").put("name", call.name()).put("arguments", "");
            events.add(data(callStart));
            for (String fragment : call.argumentFragments()) {
                ObjectNode delta = event("tool-call-delta").put("index", index);
                delta.putObject("delta").putObject("message").putObject("tool_calls").putObject("function")
                        .put("arguments", fragment);
                events.add(data(delta));
            }
            events.add(data(event("tool-call-end").put("index", index)));
        }
        ObjectNode end = event("message-end");
        ObjectNode delta = end.putObject("delta").put("finish_reason", finishReason(reply.finish()));
        delta.set("usage", usage(reply.usage()));
        events.add(data(end));
        return StreamTranscript.sse(events);
    }

    /** Cohere's error body, {@code {"id","message"}}, whatever the status. */
    public static String errorBody(String message) {
        return object().put("id", "3f1c2a90-kit").put("message", message).toString();
    }

    /**
     * Checks the native shape of a tool round trip's second request: the assistant message holds the call with id
     * {@code callId} (arguments as a JSON string) and the next message is a {@code tool} message for the same id
     * carrying {@code result}.
     */
    public static void assertToolResultSent(JsonNode body, String callId, String result) {
        JsonNode messages = body.path("messages");
        assertThat(messages.at("/1/role").asString()).isEqualTo("assistant");
        assertThat(messages.at("/1/tool_calls/0/id").asString()).isEqualTo(callId);
        assertThat(messages.at("/1/tool_calls/0/function/arguments").isString()).as("arguments as JSON text").isTrue();
        assertThat(messages.at("/2/role").asString()).isEqualTo("tool");
        assertThat(messages.at("/2/tool_call_id").asString()).isEqualTo(callId);
        assertThat(messages.at("/2/content").asString()).isEqualTo(result);
    }

    /** The {@code finish_reason} Cohere gives for each way an answer ends. */
    public static String finishReason(UpstreamFinish finish) {
        return switch (finish) {
            case STOP -> "COMPLETE";
            case STOP_SEQUENCE -> "STOP_SEQUENCE";
            case LENGTH -> "MAX_TOKENS";
            case TOOL_CALLS -> "TOOL_CALL";
        };
    }

    private static ObjectNode usage(UpstreamUsage usage) {
        ObjectNode node = object();
        node.putObject("billed_units").put("input_tokens", usage.promptTokens())
                .put("output_tokens", usage.completionTokens());
        node.putObject("tokens").put("input_tokens", usage.promptTokens() + TEMPLATE_TOKENS)
                .put("output_tokens", usage.completionTokens() + 2);
        if (usage.cachedTokens() > 0) {
            node.put("cached_tokens", usage.cachedTokens());
        }
        return node;
    }

    /** A content event; Cohere names the block's type on {@code content-start} only. */
    private static ObjectNode content(String type, int index, String text) {
        ObjectNode event = event(type).put("index", index);
        ObjectNode content = event.putObject("delta").putObject("message").putObject("content");
        if ("content-start".equals(type)) {
            content.put("type", "text");
        }
        content.put("text", text);
        return event;
    }

    private static ObjectNode event(String type) {
        return object().put("type", type);
    }

    private static String data(ObjectNode event) {
        return "data: " + event + "\n\n";
    }

    private static ObjectNode object() {
        return WireJson.mapper().createObjectNode();
    }
}
