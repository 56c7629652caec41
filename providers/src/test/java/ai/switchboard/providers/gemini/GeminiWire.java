package ai.switchboard.providers.gemini;

import ai.switchboard.providers.gemini.internal.api.GenerateContentResponse;
import ai.switchboard.providers.json.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Native Gemini bodies for tests: recorded-shape fixtures under {@code src/test/resources/gemini/} and small
 * builders for stream events. Kept free of assertions so that a contract-kit fixture can render its replies with it.
 */
public final class GeminiWire {

    /** A Google-shaped credential, so tests can assert it never leaks. */
    public static final String API_KEY = "AIzaSyTESTTESTTESTTESTTESTTESTTESTTEST";

    private GeminiWire() {
    }

    /** A fixture file's text. */
    public static String resource(String name) {
        try (InputStream in = GeminiWire.class.getResourceAsStream("/gemini/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** A fixture file parsed as a {@code GenerateContentResponse}. */
    public static GenerateContentResponse response(String name) {
        return parse(resource(name));
    }

    public static GenerateContentResponse parse(String json) {
        return WireJson.mapper().readValue(json, GenerateContentResponse.class);
    }

    /** An event with one text part of candidate 0, optionally finishing it. */
    public static String textEvent(String text, String finishReason) {
        return candidateEvent("{\"text\":" + quote(text) + "}", finishReason, null);
    }

    /** An event with one function call at {@code parts[0]}, as Gemini streams parallel calls. */
    public static String callEvent(String id, String name, String argsJson, String signature, String finishReason) {
        String call = "{\"functionCall\":{" + (id == null ? "" : "\"id\":" + quote(id) + ",") + "\"name\":"
                + quote(name) + ",\"args\":" + argsJson + "}"
                + (signature == null ? "" : ",\"thoughtSignature\":" + quote(signature)) + "}";
        return candidateEvent(call, finishReason, null);
    }

    /** An event with a finish reason and no parts. */
    public static String finishEvent(String finishReason) {
        return "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[]},\"finishReason\":\"" + finishReason
                + "\",\"index\":0}],\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"r1\"}";
    }

    /** One part of candidate 0, with usage metadata when {@code promptTokens} is given. */
    public static String candidateEvent(String partJson, String finishReason, Integer promptTokens) {
        return "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[" + partJson + "]}"
                + (finishReason == null ? "" : ",\"finishReason\":\"" + finishReason + "\"") + ",\"index\":0}]"
                + (promptTokens == null ? "" : ",\"usageMetadata\":" + usage(promptTokens, 5, 0))
                + ",\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"r1\"}";
    }

    /** A usage-only event. */
    public static String usageEvent(int prompt, int candidates, int thoughts) {
        return "{\"usageMetadata\":" + usage(prompt, candidates, thoughts)
                + ",\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"r1\"}";
    }

    /** A prompt Gemini blocked: no candidates, only feedback. */
    public static String blockedPrompt() {
        return "{\"promptFeedback\":{\"blockReason\":\"SAFETY\",\"safetyRatings\":[]},"
                + "\"usageMetadata\":{\"promptTokenCount\":9,\"totalTokenCount\":9},\"modelVersion\":\"gemini-2.5-flash\"}";
    }

    /** An error object, as Gemini sends it in a body or a stream. */
    public static String error(int code, String status, String message) {
        return "{\"error\":{\"code\":" + code + ",\"message\":" + quote(message) + ",\"status\":\"" + status + "\"}}";
    }

    /** An {@code alt=sse} body: one {@code data:} per event, CRLF framed as Google sends it, and no end marker. */
    public static String sse(List<String> events) {
        StringBuilder body = new StringBuilder();
        events.forEach(event -> body.append("data: ").append(event).append("\r\n\r\n"));
        return body.toString();
    }

    private static String usage(int prompt, int candidates, int thoughts) {
        return "{\"promptTokenCount\":" + prompt + ",\"candidatesTokenCount\":" + candidates
                + ",\"thoughtsTokenCount\":" + thoughts + ",\"totalTokenCount\":" + (prompt + candidates + thoughts)
                + "}";
    }

    private static String quote(String text) {
        return WireJson.mapper().writeValueAsString(text);
    }
}
