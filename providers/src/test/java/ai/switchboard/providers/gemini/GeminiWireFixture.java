package ai.switchboard.providers.gemini;

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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders kit replies in the Gemini API's wire format (crib sheet section 3), for the adapter's contract kit run and
 * for end-to-end tests that put a Gemini stub behind the gateway: a {@code GenerateContentResponse} body, and an
 * {@code alt=sse} stream in which every {@code data:} event is a whole {@code GenerateContentResponse}.
 *
 * <p>Both follow Gemini's semantics, not OpenAI's: tool arguments are an object and a function call arrives whole
 * (the kit's argument fragments are joined), parallel calls come in separate events each at {@code parts[0]}, a tool
 * turn ends with {@code STOP} (Gemini has no tool-call reason), and the stream has no end marker: only the
 * {@code finishReason} on its last event tells a complete stream from a cut one. {@code usageMetadata} rides on
 * every event, growing, as Gemini sends it; {@code cachedContentTokenCount} is part of {@code promptTokenCount}, and
 * a third of the kit's completion tokens are reported as {@code thoughtsTokenCount}, which Gemini 2.5 models think by
 * default and leave out of {@code candidatesTokenCount}: the adapter must add them back.
 */
public final class GeminiWireFixture {

    private GeminiWireFixture() {
    }

    /** A complete {@code generateContent} answer. */
    public static String responseBody(UpstreamReply reply, String model) {
        List<ObjectNode> parts = new ArrayList<>();
        if (reply.hasText()) {
            parts.add(object().put("text", reply.text()));
        }
        reply.toolCalls().forEach(call -> parts.add(functionCall(call)));
        return event(reply, model, parts, finishReason(reply.finish()), answerTokens(reply.usage())).toString();
    }

    /**
     * The {@code alt=sse} stream of {@code reply}: one event per text piece, one per function call, then a last
     * event with an empty text part, the {@code finishReason} and the final usage. CRLF-framed, as Google sends it.
     */
    public static StreamTranscript transcript(UpstreamReply reply, String model) {
        List<ObjectNode> events = new ArrayList<>();
        int produced = 0;
        int total = answerTokens(reply.usage());
        for (String piece : reply.textPieces()) {
            events.add(event(reply, model, List.of(object().put("text", piece)), null, Math.min(++produced, total)));
        }
        for (UpstreamToolCall call : reply.toolCalls()) {
            events.add(event(reply, model, List.of(functionCall(call)), null, Math.min(++produced, total)));
        }
        events.add(event(reply, model, List.of(object().put("text", "")), finishReason(reply.finish()), total));
        return StreamTranscript.sse(events.stream().map(event -> "data: " + event + "\r\n\r\n").toList());
    }

    /**
     * Google's error envelope for {@code status}, with the canonical status Google documents for it; a 429 carries
     * a {@code QuotaFailure} on a per-minute quota and a {@code RetryInfo} of {@code retryDelay}.
     */
    public static String errorBody(int status, String message, String retryDelay) {
        ObjectNode error = object().put("code", status).put("message", message).put("status", canonicalStatus(status));
        ArrayNode details = error.putArray("details");
        if (status == 429) {
            details.addObject().put("@type", "type.googleapis.com/google.rpc.QuotaFailure").putArray("violations")
                    .addObject().put("quotaId", "GenerateRequestsPerMinutePerProjectPerModel");
            details.addObject().put("@type", "type.googleapis.com/google.rpc.RetryInfo").put("retryDelay", retryDelay);
        }
        ObjectNode body = object();
        body.set("error", error);
        return body.toString();
    }

    /** What Gemini answers a bad key with: 400 {@code INVALID_ARGUMENT}, reason {@code API_KEY_INVALID}. */
    public static String invalidApiKeyBody(String message) {
        ObjectNode error = object().put("code", 400).put("message", message).put("status", "INVALID_ARGUMENT");
        error.putArray("details").addObject().put("@type", "type.googleapis.com/google.rpc.ErrorInfo")
                .put("reason", "API_KEY_INVALID").put("domain", "googleapis.com");
        ObjectNode body = object();
        body.set("error", error);
        return body.toString();
    }

    /**
     * Checks the native shape of a tool round trip's second request: a {@code model} turn holding the
     * {@code functionCall} with id {@code callId} (arguments as an object), then a {@code user} turn whose
     * {@code functionResponse} names the same function and id and carries {@code result} as an object.
     */
    public static void assertToolResultSent(JsonNode body, String callId, String result) {
        JsonNode contents = body.path("contents");
        assertThat(contents.at("/1/role").asString()).isEqualTo("model");
        JsonNode call = contents.at("/1/parts/0/functionCall");
        assertThat(call.path("id").asString()).isEqualTo(callId);
        assertThat(call.path("args").isObject()).as("functionCall.args is an object").isTrue();
        assertThat(contents.at("/2/role").asString()).isEqualTo("user");
        JsonNode response = contents.at("/2/parts/0/functionResponse");
        assertThat(response.path("id").asString()).isEqualTo(callId);
        assertThat(response.path("name").asString()).isEqualTo(call.path("name").asString());
        assertThat(response.path("response")).isEqualTo(WireJson.mapper().readTree(result));
    }

    /** The {@code finishReason} Gemini gives for each way an answer ends. */
    public static String finishReason(UpstreamFinish finish) {
        return switch (finish) {
            // Gemini reports a stop sequence, and a tool turn, as a plain STOP.
            case STOP, STOP_SEQUENCE, TOOL_CALLS -> "STOP";
            case LENGTH -> "MAX_TOKENS";
        };
    }

    /** The canonical status Google's APIs send with an HTTP status. */
    public static String canonicalStatus(int status) {
        return switch (status) {
            case 400, 413 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 402, 429 -> "RESOURCE_EXHAUSTED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 499 -> "CANCELLED";
            case 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> "INTERNAL";
        };
    }

    private static ObjectNode event(UpstreamReply reply, String model, List<ObjectNode> parts, String finishReason,
            int candidatesTokens) {
        ObjectNode candidate = object();
        ObjectNode content = candidate.putObject("content").put("role", "model");
        parts.forEach(content.putArray("parts")::add);
        if (finishReason != null) {
            candidate.put("finishReason", finishReason);
        }
        candidate.put("index", 0);
        ObjectNode response = object();
        response.putArray("candidates").add(candidate);
        response.set("usageMetadata", usage(reply.usage(), candidatesTokens));
        return response.put("modelVersion", model).put("responseId", reply.id());
    }

    private static ObjectNode functionCall(UpstreamToolCall call) {
        ObjectNode part = object();
        part.putObject("functionCall").put("id", call.id()).put("name", call.name())
                .set("args", WireJson.mapper().readTree(call.arguments()));
        return part;
    }

    /** Thinking comes before the answer, so every event reports all of it. */
    private static ObjectNode usage(UpstreamUsage usage, int candidatesTokens) {
        int thoughts = thoughtTokens(usage);
        ObjectNode metadata = object().put("promptTokenCount", usage.promptTokens())
                .put("candidatesTokenCount", candidatesTokens)
                .put("thoughtsTokenCount", thoughts)
                .put("totalTokenCount", usage.promptTokens() + candidatesTokens + thoughts);
        if (usage.cachedTokens() > 0) {
            metadata.put("cachedContentTokenCount", usage.cachedTokens());
        }
        return metadata;
    }

    private static int thoughtTokens(UpstreamUsage usage) {
        return usage.completionTokens() / 3;
    }

    /** The completion tokens that are answer, not thought: Gemini's {@code candidatesTokenCount}. */
    private static int answerTokens(UpstreamUsage usage) {
        return usage.completionTokens() - thoughtTokens(usage);
    }

    private static ObjectNode object() {
        return WireJson.mapper().createObjectNode();
    }
}
