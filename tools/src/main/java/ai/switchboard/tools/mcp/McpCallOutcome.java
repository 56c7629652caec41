package ai.switchboard.tools.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.time.Instant;
import java.util.Objects;

/** What one call to an upstream server's tool came to: the server's result, or why there is none. */
public sealed interface McpCallOutcome {

    /** The server answered; {@code result.isError()} tells whether the tool itself reported an error. */
    record Completed(McpSchema.CallToolResult result) implements McpCallOutcome {

        public Completed {
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * No result: {@code message} says why in words fit for a model or a client (no secrets, no arguments);
     * {@code retryAt} is when the server will next be tried, for {@link McpCallError#UNAVAILABLE}, or null.
     */
    record Failed(McpCallError error, String message, Instant retryAt) implements McpCallOutcome {

        public Failed {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(message, "message");
        }
    }
}
