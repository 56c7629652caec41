package ai.switchboard.tools.invoke;

import ai.switchboard.tools.ToolError;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outcome of one tool call, ready to go back to the model as the content of its {@code tool} message. The
 * content is always one JSON object that marks itself as tool output, so data can never pass for an instruction of
 * the gateway or the user:
 *
 * <pre>{@code
 * {"tool_output": {"tool": "crm_lookup", "status": "ok", "data": <the tool's JSON result>}}
 * {"tool_output": {"tool": "crm_lookup", "status": "ok", "truncated": true,
 *                  "data_text": "<the first max_output_chars characters of the result's JSON text>"}}
 * {"tool_output": {"tool": "crm_lookup", "status": "error",
 *                  "error": {"type": "invalid_arguments|refused|timeout|unavailable|failed", "message": "..."}}}
 * }</pre>
 *
 * @param tool the tool's name
 * @param error why the call produced no data, or {@code null} when it did
 * @param truncated whether the data was cut to the output cap
 * @param envelope the object above
 */
public record ToolResult(String tool, ToolError error, boolean truncated, ObjectNode envelope) {

    /** Error messages are for the model to act on; a long one is cut rather than flooding the context. */
    private static final int MAX_MESSAGE_CHARS = 1_000;

    public ToolResult {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(envelope, "envelope");
    }

    /** A result carrying {@code data}, cut to {@code maxOutputChars} characters of JSON text if longer. */
    public static ToolResult ok(String tool, JsonNode data, int maxOutputChars) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("tool", tool).put("status", "ok");
        String text = data.toString();
        boolean truncated = text.length() > maxOutputChars;
        if (truncated) {
            output.put("truncated", true).put("data_text", cut(text, maxOutputChars));
        } else {
            output.set("data", data);
        }
        return new ToolResult(tool, null, truncated, wrap(output));
    }

    /** A result saying why the call produced no data; {@code message} must not carry a secret. */
    public static ToolResult failed(String tool, ToolError error, String message) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("tool", tool).put("status", "error");
        output.putObject("error").put("type", error.code()).put("message", cut(message, MAX_MESSAGE_CHARS));
        return new ToolResult(tool, Objects.requireNonNull(error, "error"), false, wrap(output));
    }

    public boolean ok() {
        return error == null;
    }

    /** {@code ok} or the error's code: the outcome tag of metrics and run steps. */
    public String outcome() {
        return error == null ? "ok" : error.code();
    }

    /** The text of the {@code tool} message. */
    public String content() {
        return envelope.toString();
    }

    private static ObjectNode wrap(ObjectNode output) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.set("tool_output", output);
        return envelope;
    }

    /** The first {@code max} characters, never splitting a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
