package ai.switchboard.gateway.api.mcp;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.auth.DeniedCalls;
import ai.switchboard.gateway.ratelimit.RateLimitedException;
import ai.switchboard.gateway.api.support.ApiProperties;
import ai.switchboard.gateway.ratelimit.ToolCallAdmission;
import ai.switchboard.gateway.request.RequestIds;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /mcp}: MCP's Streamable HTTP transport, stateless. Every message is answered from what it carries and
 * the live registry, so any replica serves any request: no session id is issued, and nothing is kept between
 * requests. Requests get one {@code application/json} response; notifications and responses from the client get
 * {@code 202}. Methods: {@code initialize}, {@code ping}, {@code tools/list}, {@code tools/call}.
 *
 * <p>Grants are read when each message arrives, from the current snapshot and the key as it stands there, so a
 * revoked grant stops working at the next call on every replica. A refused {@code tools/call} is a JSON-RPC error
 * (the same for an unknown tool and one the key may not call, so keys cannot probe for tools), audited and metered.
 */
@Component
class McpEndpointHandler {

    /** A key's tool call over its requests-per-minute limit (JSON-RPC's implementation-defined server range). */
    static final int RATE_LIMITED = -32029;

    private static final java.util.Set<String> METHODS = java.util.Set.of(McpSchema.METHOD_INITIALIZE,
            McpSchema.METHOD_PING, McpSchema.METHOD_TOOLS_LIST, McpSchema.METHOD_TOOLS_CALL);

    private final RegistrySnapshotManager snapshots;
    private final GrantedTools tools;
    private final McpToolCaller caller;
    private final ToolCallAdmission admission;
    private final DeniedCalls denied;
    private final int maxRequestBytes;
    private final McpJsonMapper mcpJson = new JacksonMcpJsonMapper(JsonMapper.shared());

    McpEndpointHandler(RegistrySnapshotManager snapshots, GrantedTools tools, McpToolCaller caller,
            ToolCallAdmission admission, DeniedCalls denied, ApiProperties api) {
        this.maxRequestBytes = (int) api.maxRequestSize().toBytes();
        this.snapshots = snapshots;
        this.tools = tools;
        this.caller = caller;
        this.admission = admission;
        this.denied = denied;
    }

    Mono<ServerResponse> handle(ServerRequest request) {
        String version = request.headers().firstHeader(McpProtocol.VERSION_HEADER);
        if (version != null && !McpProtocol.SUPPORTED.contains(version)) {
            return error(HttpStatus.BAD_REQUEST, null, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "Unsupported " + McpProtocol.VERSION_HEADER + " " + version + "; this server speaks "
                            + McpProtocol.SUPPORTED);
        }
        List<MediaType> accept = request.headers().accept();
        if (!accept.isEmpty() && accept.stream().noneMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON))) {
            return error(HttpStatus.NOT_ACCEPTABLE, null, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "Accept must allow application/json");
        }
        MediaType contentType = request.headers().contentType().orElse(null);
        if (contentType == null || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
            return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "Content-Type must be application/json");
        }
        return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), maxRequestBytes)
                .map(McpEndpointHandler::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> switch (McpMessages.read(body)) {
                    case McpMessages.Request rpc -> answer(request, rpc.request());
                    case McpMessages.NoAnswer ignored -> ServerResponse.accepted().build();
                    case McpMessages.Invalid invalid -> error(HttpStatus.BAD_REQUEST, invalid.id(), invalid.code(),
                            invalid.message());
                })
                .onErrorResume(DataBufferLimitException.class, tooLarge -> error(HttpStatus.PAYLOAD_TOO_LARGE, null,
                        McpSchema.ErrorCodes.INVALID_REQUEST, "The body is larger than " + maxRequestBytes
                                + " bytes"));
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private Mono<ServerResponse> answer(ServerRequest request, McpSchema.JSONRPCRequest rpc) {
        ApiKeyRecord caller = AuthenticatedCaller.of(request.exchange()).key();
        RegistrySnapshot snapshot = snapshots.current();
        // The key as it stands now: a grant taken away since the caller authenticated is gone here too.
        ApiKeyRecord key = snapshot.keyByHash(caller.hash());
        if (key == null || !key.activeAt(java.time.Instant.now())) {
            return error(HttpStatus.UNAUTHORIZED, rpc.id(), McpSchema.ErrorCodes.INVALID_REQUEST,
                    "The API key is no longer valid");
        }
        if (!METHODS.contains(rpc.method())) {
            return error(HttpStatus.OK, rpc.id(), McpSchema.ErrorCodes.METHOD_NOT_FOUND,
                    "Method not found: " + shorten(rpc.method()));
        }
        if (McpMessages.objectParams(rpc) == null) {
            return error(HttpStatus.OK, rpc.id(), McpSchema.ErrorCodes.INVALID_PARAMS, "params must be an object");
        }
        return switch (rpc.method()) {
            case McpSchema.METHOD_INITIALIZE -> result(rpc, McpProtocol.initializeResult(
                    initializeParams(rpc).protocolVersion()));
            case McpSchema.METHOD_PING -> result(rpc, Map.of());
            case McpSchema.METHOD_TOOLS_LIST -> tools.list(key, snapshot)
                    .flatMap(listed -> result(rpc, new McpSchema.ListToolsResult(listed, null)));
            case McpSchema.METHOD_TOOLS_CALL -> call(request, rpc, key, snapshot);
            default -> throw new IllegalStateException("Not in METHODS: " + rpc.method());
        };
    }

    private Mono<ServerResponse> call(ServerRequest request, McpSchema.JSONRPCRequest rpc, ApiKeyRecord key,
            RegistrySnapshot snapshot) {
        Map<String, Object> params = McpMessages.objectParams(rpc);
        // Checked by type, not bound: binding would coerce a number to a name and an empty string to no arguments.
        if (!(params.get("name") instanceof String name) || name.isBlank()) {
            return error(HttpStatus.OK, rpc.id(), McpSchema.ErrorCodes.INVALID_PARAMS,
                    "tools/call needs params.name, a non-empty string");
        }
        Object given = params.get("arguments");
        if (given != null && !(given instanceof Map)) {
            return error(HttpStatus.OK, rpc.id(), McpSchema.ErrorCodes.INVALID_PARAMS,
                    "tools/call params.arguments must be an object");
        }
        String requestId = RequestIds.of(request.exchange());
        GrantedTool tool = tools.resolve(key, snapshot, name);
        if (tool == null) {
            denied.denied(request.exchange(), key, HttpStatus.FORBIDDEN.value(), "tools/call refused: tool '"
                    + shorten(name) + "' is not available to this key");
            caller.refused(key, requestId, name, null, "tool_not_granted", HttpStatus.FORBIDDEN.value());
            return error(HttpStatus.OK, rpc.id(), McpSchema.ErrorCodes.INVALID_PARAMS,
                    "Unknown tool: '" + shorten(name) + "' is not available to this key");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> arguments = given == null ? Map.of() : (Map<String, Object>) given;
        return admission.admit(key, snapshot)
                .then(Mono.defer(() -> caller.call(tool, arguments, key, requestId)))
                .flatMap(result -> result(rpc, result))
                .onErrorResume(RateLimitedException.class, limited -> {
                    caller.refused(key, requestId, tool.name(), tool.server(), "rate_limited",
                            HttpStatus.TOO_MANY_REQUESTS.value());
                    return error(HttpStatus.OK, rpc.id(), RATE_LIMITED, limited.getMessage());
                });
    }

    private McpSchema.InitializeRequest initializeParams(McpSchema.JSONRPCRequest rpc) {
        try {
            McpSchema.InitializeRequest params = mcpJson.convertValue(rpc.params(), McpSchema.InitializeRequest.class);
            return params != null ? params : new McpSchema.InitializeRequest(null, null, null);
        } catch (RuntimeException e) {
            return new McpSchema.InitializeRequest(null, null, null);
        }
    }

    private Mono<ServerResponse> result(McpSchema.JSONRPCRequest rpc, Object result) {
        return write(HttpStatus.OK, McpSchema.JSONRPCResponse.result(rpc.id(), result));
    }

    /**
     * Written by hand, not as the SDK's response record: that refuses a null id, which JSON-RPC requires when the
     * request's id could not be read (bad JSON, a refused header, an id of the wrong type).
     */
    private Mono<ServerResponse> error(HttpStatus status, Object id, int code, String message) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        body.put("id", id);
        body.put("error", Map.of("code", code, "message", message));
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JsonMapper.shared().writeValueAsString(body));
    }

    private Mono<ServerResponse> write(HttpStatus status, McpSchema.JSONRPCResponse response) {
        try {
            return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(mcpJson.writeValueAsString(response));
        } catch (java.io.IOException e) {
            return Mono.error(e);
        }
    }

    private static String shorten(String name) {
        return name.length() <= 128 ? name : name.substring(0, 128) + "…";
    }
}
