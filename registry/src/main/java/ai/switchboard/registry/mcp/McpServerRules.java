package ai.switchboard.registry.mcp;

import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.Text;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a server's fields may hold, checked on the whole server as it will be stored (after a change is merged), so
 * a field that belongs to the other transport is named wherever it came from. The same rules as the MCP client's own
 * configuration, which the gateway checks again when it connects.
 */
final class McpServerRules {

    static final String STREAMABLE_HTTP = "streamable_http";
    static final String STDIO = "stdio";
    static final Set<String> TRANSPORTS = Set.of(STREAMABLE_HTTP, STDIO);

    /**
     * 1 to 32 letters, digits, {@code -} and {@code _}, never two {@code _} in a row nor one at the end: the first
     * {@code __} of a tool name {@code <server>__<tool>} always ends the server's name.
     */
    static final Pattern NAME = Pattern.compile("(?=.{1,32}$)[a-zA-Z0-9-]+(_[a-zA-Z0-9-]+)*");

    static final int DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
    static final int DEFAULT_CALL_TIMEOUT_MS = 30_000;
    static final int MAX_TIMEOUT_MS = 3_600_000;
    static final int MAX_HEADERS = 32;
    static final int MAX_ARGS = 64;
    static final int MAX_ENV = 64;
    static final int MAX_VALUE = 8192;
    static final int MAX_COMMAND = 1024;

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,255}");
    /** Set by the HTTP client or the MCP transport itself: configuring them would break every request. */
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "content-type", "accept", "cache-control", "mcp-session-id", "mcp-protocol-version",
            "last-event-id", "transfer-encoding", "te", "trailer", "keep-alive");

    private McpServerRules() {
    }

    static void check(FieldErrors errors, Stored server) {
        if (server.name() != null && !NAME.matcher(server.name()).matches()) {
            errors.add("name", "must be 1 to 32 letters, digits, - and _, without __ and not ending in _");
        }
        if (server.transport() != null && !TRANSPORTS.contains(server.transport())) {
            errors.add("transport", "must be one of [streamable_http, stdio]");
            return;
        }
        errors.range("connect_timeout_ms", server.connectTimeoutMs(), 1, MAX_TIMEOUT_MS)
                .range("call_timeout_ms", server.callTimeoutMs(), 1, MAX_TIMEOUT_MS);
        if (STDIO.equals(server.transport())) {
            checkStdio(errors, server);
        } else if (STREAMABLE_HTTP.equals(server.transport())) {
            checkHttp(errors, server);
        }
    }

    private static void checkHttp(FieldErrors errors, Stored server) {
        errors.required("url", server.url()).httpUrl("url", server.url());
        notFor(errors, "command", server.command() != null, STREAMABLE_HTTP);
        notFor(errors, "args", !server.args().isEmpty(), STREAMABLE_HTTP);
        notFor(errors, "env", !server.secrets().env().isEmpty(), STREAMABLE_HTTP);
        Map<String, String> headers = server.secrets().headers();
        errors.maxItems("headers", headers.keySet(), MAX_HEADERS);
        String token = server.secrets().bearerToken();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HEADER_NAME.matcher(name).matches()) {
                errors.add("headers", "header names must be 1 to 256 characters of an HTTP token: " + name);
            } else if (RESERVED_HEADERS.contains(lower) || (token != null && lower.equals("authorization"))) {
                errors.add("headers." + name, "is set by the gateway and cannot be configured");
            } else if (!visible(header.getValue())) {
                errors.add("headers." + name, "must be 1 to " + MAX_VALUE + " characters without control "
                        + "characters");
            }
        }
        if (token != null && (token.isBlank() || !visible(token))) {
            errors.add("bearer_token", "must be 1 to " + MAX_VALUE + " characters without spaces around it or "
                    + "control characters");
        }
    }

    private static void checkStdio(FieldErrors errors, Stored server) {
        errors.required("command", server.command()).text("command", server.command(), MAX_COMMAND);
        notFor(errors, "url", server.url() != null, STDIO);
        notFor(errors, "headers", !server.secrets().headers().isEmpty(), STDIO);
        notFor(errors, "bearer_token", server.secrets().bearerToken() != null, STDIO);
        errors.maxItems("args", server.args(), MAX_ARGS);
        List<String> args = server.args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg == null || arg.length() > MAX_VALUE || !Text.isPrintable(arg)) {
                errors.add("args[" + i + "]", "must be a string of at most " + MAX_VALUE
                        + " characters without control characters");
            }
        }
        errors.maxItems("env", server.secrets().env().keySet(), MAX_ENV);
        server.secrets().env().forEach((name, value) -> {
            if (!ENV_NAME.matcher(name).matches()) {
                errors.add("env", "variable names must be letters, digits and _, not starting with a digit: "
                        + name);
            } else if (value == null || value.length() > MAX_VALUE || value.indexOf('\0') >= 0) {
                errors.add("env." + name, "must be a string of at most " + MAX_VALUE + " characters");
            }
        });
    }

    private static void notFor(FieldErrors errors, String field, boolean present, String transport) {
        if (present) {
            errors.add(field, "does not apply to " + transport + " servers");
        }
    }

    private static boolean visible(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_VALUE && Text.isPrintable(value)
                && value.strip().equals(value);
    }

    /** A server as it would be stored, secrets in plaintext. */
    record Stored(String name, String transport, String url, String command, List<String> args,
            Integer connectTimeoutMs, Integer callTimeoutMs, McpServerSecretValues secrets) {

        Stored {
            args = args == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
        }
    }
}
