package ai.switchboard.observability.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One finished request, as the usage ledger keeps it. Tags come from the registry and the closed error taxonomy;
 * nothing here is a secret or prompt text ({@code keyPrefix} is the key's public prefix).
 *
 * @param requestId the {@code x-request-id} of the exchange
 * @param occurredAt when the request started
 * @param keyId the API key's id, or {@code null} for an unauthenticated request
 * @param keyPrefix the key's visible prefix, or {@code null}
 * @param operation the GenAI operation ({@code chat}, {@code text_completion}, {@code embeddings})
 * @param route the route that served it, or {@code null} when none applied
 * @param model the public model name that answered (or was asked for, when none answered), or {@code null}
 * @param provider the provider that answered, or {@code null}
 * @param costUsd the exact cost (see {@link ModelPrice#cost}), or {@code null} when unknown
 * @param latencyMillis total time the gateway took
 * @param ttftMillis time to first token of a stream, or {@code null}
 * @param status the HTTP status the client got
 * @param errorType the error taxonomy tag, or {@code null} on success
 * @param attempts upstream attempts made (0 when the request was refused before routing)
 * @param cache what the response cache did, or {@code null} when no cache policy covered the request
 * @param prompt the prompt template version the answer was built from, or {@code null}
 * @param agent the agent run the row meters, or {@code null}
 * @param tool the tool an {@code execute_tool} row metered, or {@code null} for every other operation
 */
public record UsageRecord(
        String requestId,
        Instant occurredAt,
        UUID keyId,
        String keyPrefix,
        String operation,
        String route,
        String model,
        String modelVersion,
        String provider,
        long inputTokens,
        long outputTokens,
        long cachedTokens,
        BigDecimal costUsd,
        int latencyMillis,
        Integer ttftMillis,
        int status,
        String errorType,
        int attempts,
        CacheUsage cache,
        PromptUsage prompt,
        AgentUsage agent,
        ToolUsage tool) {

    public UsageRecord {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(operation, "operation");
        if (inputTokens < 0 || outputTokens < 0 || cachedTokens < 0 || latencyMillis < 0 || attempts < 0) {
            throw new IllegalArgumentException("counts and durations must not be negative");
        }
    }

    /** A request no prompt template built, no agent ran and no tool metered. */
    public UsageRecord(String requestId, Instant occurredAt, UUID keyId, String keyPrefix, String operation,
            String route, String model, String modelVersion, String provider, long inputTokens, long outputTokens,
            long cachedTokens, BigDecimal costUsd, int latencyMillis, Integer ttftMillis, int status, String errorType,
            int attempts, CacheUsage cache) {
        this(requestId, occurredAt, keyId, keyPrefix, operation, route, model, modelVersion, provider, inputTokens,
                outputTokens, cachedTokens, costUsd, latencyMillis, ttftMillis, status, errorType, attempts, cache,
                null, null, null);
    }

    /** A request no cache policy covered. */
    public UsageRecord(String requestId, Instant occurredAt, UUID keyId, String keyPrefix, String operation,
            String route, String model, String modelVersion, String provider, long inputTokens, long outputTokens,
            long cachedTokens, BigDecimal costUsd, int latencyMillis, Integer ttftMillis, int status, String errorType,
            int attempts) {
        this(requestId, occurredAt, keyId, keyPrefix, operation, route, model, modelVersion, provider, inputTokens,
                outputTokens, cachedTokens, costUsd, latencyMillis, ttftMillis, status, errorType, attempts, null);
    }

    /** What a tool's name may take of its ledger column. */
    private static final int MAX_TOOL_NAME = 160;

    /**
     * The row of one tool call ({@code execute_tool}), by {@code /mcp} or by an agent's run: no model, no tokens, no
     * cost (a tool call has neither), never its arguments or its result.
     *
     * @param agent the agent whose run made the call, or {@code null} for a client's call through {@code /mcp}
     * @param server the MCP server of the tool, or {@code null} for a tool instance
     */
    public static UsageRecord toolCall(String requestId, Instant startedAt, UUID keyId, String keyPrefix,
            Duration took, int status, String errorType, AgentUsage agent, String server, String tool) {
        return new UsageRecord(requestId, startedAt, keyId, keyPrefix, "execute_tool", null, null, null, null, 0, 0,
                0, null, (int) Math.min(Integer.MAX_VALUE, took.toMillis()), null, status, errorType, 1, null, null,
                agent, new ToolUsage(server, tool.length() > MAX_TOOL_NAME ? tool.substring(0, MAX_TOOL_NAME) : tool));
    }
}
