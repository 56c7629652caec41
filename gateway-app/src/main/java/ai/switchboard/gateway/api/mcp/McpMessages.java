package ai.switchboard.gateway.api.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one {@code /mcp} body as a JSON-RPC 2.0 message, or says why it is not one. Checked here rather than left to
 * the SDK's reader, which takes any object with a {@code method} as a request: it does not look at {@code jsonrpc},
 * accepts an {@code id} of any type, and turns a missing {@code method} into the same failure as bad JSON. Only the
 * envelope is judged; what the params must hold is the method's business, so it can answer -32601 or -32602.
 */
final class McpMessages {

    private static final TypeReference<Object> ANY = new TypeReference<>() {
    };
    private static final JsonMapper JSON = JsonMapper.shared();

    private McpMessages() {
    }

    /** What a body turned out to be. */
    sealed interface Read {
    }

    /** A request to answer; its {@code params} are as sent (a map, or something else the method refuses). */
    record Request(McpSchema.JSONRPCRequest request) implements Read {
    }

    /** A notification or a response from the client: nothing to answer. */
    record NoAnswer() implements Read {
    }

    /**
     * Not a message this endpoint takes: {@code id} is the request's when it could be read (else {@code null}),
     * {@code code} -32700 or -32600.
     */
    record Invalid(Object id, int code, String message) implements Read {
    }

    static Read read(byte[] body) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            root = null;
        }
        if (root == null || root.isMissingNode()) {
            return new Invalid(null, McpSchema.ErrorCodes.PARSE_ERROR, "The body is not JSON");
        }
        if (root.isArray()) {
            return new Invalid(null, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "JSON-RPC batches are not accepted: send one message per request");
        }
        if (!root.isObject()) {
            return new Invalid(null, McpSchema.ErrorCodes.INVALID_REQUEST, "A JSON-RPC message is a JSON object");
        }
        JsonNode idNode = root.get("id");
        boolean hasId = idNode != null;
        Object id = hasId ? id(idNode) : null;
        if (hasId && id == null) {
            return new Invalid(null, McpSchema.ErrorCodes.INVALID_REQUEST, "id must be a string or an integer");
        }
        JsonNode version = root.get("jsonrpc");
        if (version == null || !version.isString() || !McpSchema.JSONRPC_VERSION.equals(version.asString())) {
            return new Invalid(id, McpSchema.ErrorCodes.INVALID_REQUEST, "jsonrpc must be \"2.0\"");
        }
        JsonNode method = root.get("method");
        if (method == null) {
            if (hasId && (root.has("result") || root.has("error"))) {
                return new NoAnswer(); // a response to a request this endpoint never sends; nothing to do
            }
            return new Invalid(id, McpSchema.ErrorCodes.INVALID_REQUEST, "A request needs a method");
        }
        if (!method.isString() || method.asString().isEmpty()) {
            return new Invalid(id, McpSchema.ErrorCodes.INVALID_REQUEST, "method must be a non-empty string");
        }
        if (!hasId) {
            return new NoAnswer();
        }
        JsonNode params = root.get("params");
        Object value = params == null || params.isNull() ? null : JSON.convertValue(params, ANY);
        return new Request(new McpSchema.JSONRPCRequest(McpSchema.JSONRPC_VERSION, method.asString(), id, value));
    }

    /** MCP's ids are strings or integers (never null); anything else is {@code null} here. */
    private static Object id(JsonNode node) {
        if (node.isString()) {
            return node.asString();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        return null;
    }

    /** {@code params} as an object, or {@code null} when they are something else. Absent params are empty. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> objectParams(McpSchema.JSONRPCRequest request) {
        if (request.params() == null) {
            return Map.of();
        }
        return request.params() instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }
}
