package ai.switchboard.providers.error;

import ai.switchboard.providers.json.WireJson;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The parts of an upstream error body the gateway reports: OpenAI's {@code {"error":{message,type,param,code}}},
 * plus the shapes OpenAI-compatible servers use ({@code {"error":"text"}} from Ollama, a top-level {@code message}
 * from vLLM). The message is truncated and scrubbed of anything that looks like a credential.
 */
record UpstreamErrorBody(String message, String type, String code, String param) {

    static final UpstreamErrorBody EMPTY = new UpstreamErrorBody(null, null, null, null);

    private static final int MAX_MESSAGE_LENGTH = 500;
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern SECRET_KEY = Pattern.compile("\\b(sk|pk|rk)-[A-Za-z0-9_*.-]{6,}");
    private static final Pattern GOOGLE_KEY = Pattern.compile("AIza[0-9A-Za-z_-]{20,}");

    static UpstreamErrorBody parse(byte[] body, String apiKey) {
        if (body == null || body.length == 0) {
            return EMPTY;
        }
        try {
            return of(WireJson.mapper().readTree(body), apiKey);
        }
        catch (JacksonException notJson) {
            // An HTML page from a proxy or load balancer says nothing a client can act on.
            return EMPTY;
        }
    }

    /** Reads a JSON payload that carries an error, e.g. an SSE event sent after HTTP 200. */
    static UpstreamErrorBody of(JsonNode payload, String apiKey) {
        if (payload == null || !payload.isObject()) {
            return EMPTY;
        }
        JsonNode error = payload.get("error");
        if (error != null && error.isObject()) {
            return new UpstreamErrorBody(scrub(text(error.get("message")), apiKey), text(error.get("type")),
                    text(error.get("code")), text(error.get("param")));
        }
        if (error != null && error.isString()) {
            return new UpstreamErrorBody(scrub(error.asString(), apiKey), null, null, null);
        }
        return new UpstreamErrorBody(scrub(text(payload.get("message")), apiKey), text(payload.get("type")),
                text(payload.get("code")), text(payload.get("param")));
    }

    /** Truncates and masks credential-looking text, including the endpoint's own key wherever it appears. */
    static String scrub(String message, String apiKey) {
        if (message == null || message.isBlank()) {
            return null;
        }
        // Mask before truncating, so a key cut in half at the limit cannot escape the exact-key match.
        String text = message;
        if (apiKey != null && apiKey.length() >= 8) {
            text = text.replace(apiKey, "***");
        }
        text = BEARER.matcher(text).replaceAll("Bearer ***");
        text = SECRET_KEY.matcher(text).replaceAll("$1-***");
        text = GOOGLE_KEY.matcher(text).replaceAll("AIza***");
        return text.length() > MAX_MESSAGE_LENGTH ? text.substring(0, MAX_MESSAGE_LENGTH) + "…" : text;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isValueNode() ? node.asString() : null;
    }
}
