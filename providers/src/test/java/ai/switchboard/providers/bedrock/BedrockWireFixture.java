package ai.switchboard.providers.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.json.WireJson;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamFinish;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import ai.switchboard.providers.testsupport.kit.UpstreamToolCall;
import ai.switchboard.providers.testsupport.kit.UpstreamUsage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.eventstream.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders kit replies in Bedrock's Converse wire format (crib sheet section 5), for the adapter's contract kit run
 * and for end-to-end tests that put a Bedrock stub behind the gateway: a Converse JSON body, and a ConverseStream
 * body of binary {@code application/vnd.amazon.eventstream} frames encoded (with both CRCs) by AWS's own codec.
 *
 * <p>Both follow Bedrock's semantics, not OpenAI's: {@code inputTokens} excludes cache reads, reported beside it as
 * {@code cacheReadInputTokens}; tool input is an object in a body and {@code toolUse.input} string fragments in a
 * stream; text blocks get no {@code contentBlockStart} (only tool blocks do); {@code metadata} with the usage comes
 * after {@code messageStop}, and then the connection closes. Every event carries the {@code "p"} padding field
 * Bedrock adds to hide payload lengths, which readers must ignore.
 */
public final class BedrockWireFixture {

    /** The content type of a ConverseStream answer. */
    public static final String EVENT_STREAM = "application/vnd.amazon.eventstream";
    /** The header naming an error's kind. */
    public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";
    /** The request id header of every answer. */
    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    /** The request id the fixture's answers carry. */
    public static final String REQUEST_ID = "5f0c3c1e-0d1e-4b6b-9a51-kit000000001";

    private static final String PADDING = "abcdefghijklmnopqrstuvwxyzABCDEF";
    private static final String ERROR_TYPE_SUFFIX = ":http://internal.amazon.com/coral/com.amazon.bedrock/";

    private BedrockWireFixture() {
    }

    /** A complete Converse answer. */
    public static String converseBody(UpstreamReply reply) {
        ObjectNode body = WireJson.mapper().createObjectNode();
        ObjectNode message = body.putObject("output").putObject("message").put("role", "assistant");
        var content = message.putArray("content");
        if (reply.hasText()) {
            content.addObject().put("text", reply.text());
        }
        for (UpstreamToolCall call : reply.toolCalls()) {
            content.addObject().putObject("toolUse").put("toolUseId", call.id()).put("name", call.name())
                    .set("input", WireJson.mapper().readTree(call.arguments()));
        }
        body.put("stopReason", stopReason(reply.finish()));
        body.set("usage", usage(reply.usage()));
        body.putObject("metrics").put("latencyMs", 321);
        return body.toString();
    }

    /**
     * The ConverseStream answer of {@code reply}, one event-stream frame per event: {@code messageStart}, a text
     * block at {@code contentBlockIndex} 0 when there is text (deltas only), one {@code toolUse} block per call (so
     * with text first, the first tool is block 1 but OpenAI index 0), {@code messageStop}, then {@code metadata}.
     * A tool without arguments streams a single empty input fragment, so the adapter must supply {@code "{}"}.
     */
    public static StreamTranscript transcript(UpstreamReply reply) {
        List<byte[]> frames = new ArrayList<>();
        frames.add(event("messageStart", node().put("role", "assistant")));
        int block = 0;
        if (reply.hasText()) {
            for (String piece : reply.textPieces()) {
                ObjectNode delta = node().put("contentBlockIndex", block);
                delta.putObject("delta").put("text", piece);
                frames.add(event("contentBlockDelta", delta));
            }
            frames.add(event("contentBlockStop", node().put("contentBlockIndex", block++)));
        }
        for (UpstreamToolCall call : reply.toolCalls()) {
            ObjectNode start = node().put("contentBlockIndex", block);
            start.putObject("start").putObject("toolUse").put("toolUseId", call.id()).put("name", call.name());
            frames.add(event("contentBlockStart", start));
            List<String> fragments = "{}".equals(call.arguments()) ? List.of("") : call.argumentFragments();
            for (String fragment : fragments) {
                ObjectNode delta = node().put("contentBlockIndex", block);
                delta.putObject("delta").putObject("toolUse").put("input", fragment);
                frames.add(event("contentBlockDelta", delta));
            }
            frames.add(event("contentBlockStop", node().put("contentBlockIndex", block++)));
        }
        frames.add(event("messageStop", node().put("stopReason", stopReason(reply.finish()))));
        ObjectNode metadata = node();
        metadata.set("usage", usage(reply.usage()));
        metadata.putObject("metrics").put("latencyMs", 321);
        frames.add(event("metadata", metadata));
        return new StreamTranscript(EVENT_STREAM, frames);
    }

    /** Bedrock's error body; the kind goes in the {@value #ERROR_TYPE_HEADER} header ({@link #errorType}). */
    public static String errorBody(String message) {
        return node().put("message", message).toString();
    }

    /**
     * The {@value #ERROR_TYPE_HEADER} value Bedrock sends with {@code status} (Converse API reference, "Errors"), or
     * {@code null} for a status Bedrock does not document, which only something in front of it (a proxy, a load
     * balancer) answers, without the header.
     */
    public static String errorType(int status) {
        String kind = switch (status) {
            case 400 -> "ValidationException";
            case 403 -> "AccessDeniedException";
            case 404 -> "ResourceNotFoundException";
            case 408 -> "ModelTimeoutException";
            case 424 -> "ModelErrorException";
            case 429 -> "ThrottlingException";
            case 500 -> "InternalServerException";
            case 503 -> "ServiceUnavailableException";
            default -> null;
        };
        return kind == null ? null : kind + ERROR_TYPE_SUFFIX;
    }

    /**
     * Checks the native shape of a tool round trip's second request: the assistant turn holds a {@code toolUse}
     * block and the next user turn opens with the {@code toolResult} for the same id, carrying {@code result} as a
     * {@code json} block when it is a JSON object and as {@code text} otherwise; Converse requires {@code toolConfig}
     * whenever the history holds tool blocks.
     */
    public static void assertToolResultSent(JsonNode body, String callId, String result) {
        JsonNode messages = body.path("messages");
        assertThat(messages.at("/1/role").asString()).isEqualTo("assistant");
        assertThat(messages.at("/1/content/0/toolUse/toolUseId").asString()).isEqualTo(callId);
        assertThat(messages.at("/2/role").asString()).isEqualTo("user");
        JsonNode toolResult = messages.at("/2/content/0/toolResult");
        assertThat(toolResult.path("toolUseId").asString()).isEqualTo(callId);
        assertThat(toolResult.path("status").asString()).isEqualTo("success");
        JsonNode content = toolResult.at("/content/0");
        if (content.has("json")) {
            assertThat(content.path("json")).isEqualTo(WireJson.mapper().readTree(result));
        }
        else {
            assertThat(content.path("text").asString()).isEqualTo(result);
        }
        assertThat(body.at("/toolConfig/tools").isArray()).as("toolConfig with a tool history").isTrue();
    }

    /** The {@code stopReason} Converse gives for each way an answer ends. */
    public static String stopReason(UpstreamFinish finish) {
        return switch (finish) {
            case STOP -> "end_turn";
            case STOP_SEQUENCE -> "stop_sequence";
            case LENGTH -> "max_tokens";
            case TOOL_CALLS -> "tool_use";
        };
    }

    /** Usage with Bedrock's semantics: cache reads are not part of {@code inputTokens}. */
    private static ObjectNode usage(UpstreamUsage usage) {
        ObjectNode node = node()
                .put("inputTokens", usage.uncachedPromptTokens())
                .put("outputTokens", usage.completionTokens())
                .put("totalTokens", usage.totalTokens());
        if (usage.cachedTokens() > 0) {
            node.put("cacheReadInputTokens", usage.cachedTokens()).put("cacheWriteInputTokens", 0);
        }
        return node;
    }

    private static byte[] event(String eventType, ObjectNode payload) {
        payload.put("p", PADDING);
        Message frame = BedrockFixtures.event(eventType, payload.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame.encode(out);
        return out.toByteArray();
    }

    private static ObjectNode node() {
        return WireJson.mapper().createObjectNode();
    }
}
