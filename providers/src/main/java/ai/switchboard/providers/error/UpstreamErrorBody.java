package ai.switchboard.providers.error;

import ai.switchboard.providers.json.WireJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The parts of an upstream error body the gateway reports: OpenAI's {@code {"error":{message,type,param,code}}},
 * plus the shapes OpenAI-compatible servers use ({@code {"error":"text"}} from Ollama, a top-level {@code message}
 * from vLLM). Every field is scrubbed of the provider's configured secrets and of anything shaped like a credential,
 * since all of them may reach a client; the message is also truncated.
 */
record UpstreamErrorBody(String message, String type, String code, String param) {

    static final UpstreamErrorBody EMPTY = new UpstreamErrorBody(null, null, null, null);

    private static final int MAX_MESSAGE_LENGTH = 500;

    static UpstreamErrorBody parse(byte[] body, SecretRedactor redactor) {
        if (body == null || body.length == 0) {
            return EMPTY;
        }
        try {
            return of(WireJson.mapper().readTree(body), redactor);
        }
        catch (JacksonException notJson) {
            // An HTML page from a proxy or load balancer says nothing a client can act on.
            return EMPTY;
        }
    }

    /** Reads a JSON payload that carries an error, e.g. an SSE event sent after HTTP 200. */
    static UpstreamErrorBody of(JsonNode payload, SecretRedactor redactor) {
        if (payload == null || !payload.isObject()) {
            return EMPTY;
        }
        JsonNode error = payload.get("error");
        if (error != null && error.isObject()) {
            return of(error, error.get("message"), redactor);
        }
        if (error != null && error.isString()) {
            return new UpstreamErrorBody(scrub(error.asString(), redactor), null, null, null);
        }
        return of(payload, payload.get("message"), redactor);
    }

    private static UpstreamErrorBody of(JsonNode fields, JsonNode message, SecretRedactor redactor) {
        return new UpstreamErrorBody(scrub(text(message), redactor), redactor.redact(text(fields.get("type"))),
                redactor.redact(text(fields.get("code"))), redactor.redact(text(fields.get("param"))));
    }

    /** Masks secrets and credential-looking text, then truncates. */
    static String scrub(String message, SecretRedactor redactor) {
        if (message == null || message.isBlank()) {
            return null;
        }
        // Mask before truncating, so a secret cut in half at the limit cannot escape the exact match.
        String text = redactor.redact(message);
        return text.length() > MAX_MESSAGE_LENGTH ? text.substring(0, MAX_MESSAGE_LENGTH) + "…" : text;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isValueNode() ? node.asString() : null;
    }
}
