package ai.switchboard.tools.mcp;

import java.time.Duration;
import java.util.Objects;

/**
 * Gateway-wide settings of the MCP client, the same for every upstream server.
 *
 * @param backoff how reconnection attempts are spaced
 * @param maxResultChars how many characters of text (text blocks, text resources, structured content, error
 *     messages) one tool result may hand to the model; the rest is cut and the result marked {@code truncated}
 * @param maxMessageBytes the largest JSON-RPC message accepted from a server; a larger one fails the call (HTTP) or
 *     the connection (stdio), so a runaway server cannot exhaust the gateway's memory
 * @param shutdownGrace how long a stdio server may take to exit after its stdin is closed, and again after SIGTERM,
 *     before it is killed
 * @param clientVersion the version the gateway gives in its MCP {@code clientInfo}
 * @param addressGuard checks a Streamable HTTP server's address before every connection attempt and pins every
 *     request to a checked address; {@code null} checks nothing (tests of the client alone; the gateway always sets
 *     one)
 */
public record McpClientSettings(McpBackoff backoff, int maxResultChars, int maxMessageBytes, Duration shutdownGrace,
        String clientVersion, McpAddressGuard addressGuard) {

    public McpClientSettings(McpBackoff backoff, int maxResultChars, int maxMessageBytes, Duration shutdownGrace,
            String clientVersion) {
        this(backoff, maxResultChars, maxMessageBytes, shutdownGrace, clientVersion, null);
    }

    public McpClientSettings {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(clientVersion, "clientVersion");
        if (maxResultChars < 256 || maxMessageBytes < 1024 || shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("MCP client limits are too small: " + maxResultChars + " chars, "
                    + maxMessageBytes + " bytes");
        }
    }

    /** 100,000 characters of result, 16 MiB messages, 2 s grace, the default backoff. */
    public static McpClientSettings defaults() {
        return new McpClientSettings(McpBackoff.DEFAULT, 100_000, 16 * 1024 * 1024, Duration.ofSeconds(2),
                "0.1.0");
    }

    public McpClientSettings withBackoff(McpBackoff backoff) {
        return new McpClientSettings(backoff, maxResultChars, maxMessageBytes, shutdownGrace, clientVersion,
                addressGuard);
    }

    public McpClientSettings withMaxResultChars(int maxResultChars) {
        return new McpClientSettings(backoff, maxResultChars, maxMessageBytes, shutdownGrace, clientVersion,
                addressGuard);
    }

    public McpClientSettings withAddressGuard(McpAddressGuard addressGuard) {
        return new McpClientSettings(backoff, maxResultChars, maxMessageBytes, shutdownGrace, clientVersion,
                addressGuard);
    }
}
