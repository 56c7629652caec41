package ai.switchboard.tools.mcp;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One upstream MCP server as the gateway connects to it: validated, with its secrets already decrypted. The registry
 * builds it from an admin's registration. {@link #toString()} shows no secret: header values, the bearer token and
 * environment values are left out.
 *
 * @param name the server's name and the prefix of its tools' names ({@code <name>__<tool>}); see {@link #NAME}
 * @param transport how the server is reached
 * @param url the Streamable HTTP endpoint, {@code http} or {@code https}; Streamable HTTP only
 * @param headers extra headers sent with every HTTP request (the values are secrets); Streamable HTTP only
 * @param bearerToken sent as {@code Authorization: Bearer <token>} when not null; Streamable HTTP only
 * @param command the program to start, run directly without a shell; stdio only
 * @param args the program's fixed argument list; stdio only
 * @param env the program's environment besides {@code PATH} (the values are secrets); nothing else of the gateway's
 *     environment is passed on; stdio only
 * @param connectTimeout how long opening the connection, initialising and listing tools may take together
 * @param callTimeout how long one tool call may take before the model is told it timed out
 * @param enabled whether the gateway connects to the server and offers its tools
 */
public record McpServerConfig(String name, McpTransportType transport, URI url, Map<String, String> headers,
        String bearerToken, String command, List<String> args, Map<String, String> env, Duration connectTimeout,
        Duration callTimeout, boolean enabled) {

    /**
     * Server names: 1 to 32 letters, digits, {@code -} and {@code _}, never two {@code _} in a row nor one at the end,
     * so that the first {@code __} of an exposed tool name always ends the server's name, and at least 30 characters
     * of the 64 a tool name may have are left for the tool.
     */
    public static final Pattern NAME = Pattern.compile("(?=.{1,32}$)[a-zA-Z0-9-]+(_[a-zA-Z0-9-]+)*");

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_TIMEOUT = Duration.ofHours(1);

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Headers the HTTP client or the MCP transport set themselves; configuring them would break every request. */
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "content-type", "accept", "cache-control", "mcp-session-id", "mcp-protocol-version",
            "last-event-id");

    public McpServerConfig {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("MCP server name must match " + NAME.pattern() + ": " + name);
        }
        Objects.requireNonNull(transport, "transport");
        headers = headers == null ? Map.of() : copyOrdered(headers);
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : copyOrdered(env);
        connectTimeout = checkTimeout(connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout, "connect");
        callTimeout = checkTimeout(callTimeout == null ? DEFAULT_CALL_TIMEOUT : callTimeout, "call");
        switch (transport) {
            case STREAMABLE_HTTP -> checkHttp(url, headers, bearerToken, command, args, env);
            case STDIO -> checkStdio(url, headers, bearerToken, command, env);
        }
    }

    /** Starts a Streamable HTTP server's configuration. */
    public static Builder streamableHttp(String name, URI url) {
        return new Builder(name, McpTransportType.STREAMABLE_HTTP).url(url);
    }

    /** Starts a stdio server's configuration: {@code command} with exactly {@code args}. */
    public static Builder stdio(String name, String command, List<String> args) {
        return new Builder(name, McpTransportType.STDIO).command(command, args);
    }

    /** A copy of this configuration with {@code enabled} changed. */
    public McpServerConfig withEnabled(boolean enabled) {
        return new McpServerConfig(name, transport, url, headers, bearerToken, command, args, env, connectTimeout,
                callTimeout, enabled);
    }

    @Override
    public String toString() {
        String target = transport == McpTransportType.STDIO ? "command=" + command + ", args=" + args
                + ", env=" + env.keySet() : "url=" + url + ", headers=" + headers.keySet()
                + ", bearerToken=" + (bearerToken == null ? "unset" : "set");
        return "McpServerConfig[name=" + name + ", transport=" + transport.wireName() + ", " + target
                + ", connectTimeout=" + connectTimeout + ", callTimeout=" + callTimeout + ", enabled=" + enabled + "]";
    }

    private static void checkHttp(URI url, Map<String, String> headers, String bearerToken, String command,
            List<String> args, Map<String, String> env) {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("MCP server url must be an absolute http or https URL: " + url);
        }
        if (url.getRawUserInfo() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("MCP server url must carry no user info and no fragment; "
                    + "send credentials as a bearer token or a header");
        }
        if (command != null || !args.isEmpty() || !env.isEmpty()) {
            throw new IllegalArgumentException("command, args and env apply to stdio servers only");
        }
        headers.forEach((header, value) -> checkHeader(header, value, bearerToken != null));
        if (bearerToken != null && (bearerToken.isBlank() || hasLineBreak(bearerToken))) {
            throw new IllegalArgumentException("bearer token must be non-blank and on one line");
        }
    }

    private static void checkHeader(String header, String value, boolean hasBearerToken) {
        if (header == null || !HEADER_NAME.matcher(header).matches()) {
            throw new IllegalArgumentException("Not a valid HTTP header name: " + header);
        }
        String lower = header.toLowerCase(Locale.ROOT);
        if (RESERVED_HEADERS.contains(lower) || (hasBearerToken && lower.equals("authorization"))) {
            throw new IllegalArgumentException("Header " + header + " is set by the gateway and cannot be configured");
        }
        if (value == null || hasLineBreak(value)) {
            throw new IllegalArgumentException("Header " + header + " needs a value on one line");
        }
    }

    private static void checkStdio(URI url, Map<String, String> headers, String bearerToken, String command,
            Map<String, String> env) {
        if (command == null || command.isBlank() || command.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("stdio MCP servers need a command");
        }
        if (url != null || !headers.isEmpty() || bearerToken != null) {
            throw new IllegalArgumentException("url, headers and bearer token apply to streamable-http servers only");
        }
        env.forEach((variable, value) -> {
            if (variable == null || variable.isEmpty() || variable.indexOf('=') >= 0 || variable.indexOf('\0') >= 0
                    || value == null || value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("Not a valid environment variable: " + variable);
            }
        });
    }

    private static Duration checkTimeout(Duration timeout, String which) {
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(which + " timeout must be above zero and at most " + MAX_TIMEOUT);
        }
        return timeout;
    }

    private static boolean hasLineBreak(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
    }

    private static Map<String, String> copyOrdered(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Builds a {@link McpServerConfig}; unset timeouts take the defaults, and servers start enabled. */
    public static final class Builder {

        private final String name;
        private final McpTransportType transport;
        private URI url;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String bearerToken;
        private String command;
        private List<String> args = List.of();
        private final Map<String, String> env = new LinkedHashMap<>();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private boolean enabled = true;

        private Builder(String name, McpTransportType transport) {
            this.name = name;
            this.transport = transport;
        }

        private Builder url(URI url) {
            this.url = url;
            return this;
        }

        private Builder command(String command, List<String> args) {
            this.command = command;
            this.args = args;
            return this;
        }

        /** Adds a header sent with every request. */
        public Builder header(String header, String value) {
            headers.put(header, value);
            return this;
        }

        /** Sends {@code Authorization: Bearer <token>}. */
        public Builder bearerToken(String token) {
            this.bearerToken = token;
            return this;
        }

        /** Adds a variable to the process environment. */
        public Builder env(String variable, String value) {
            env.put(variable, value);
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public McpServerConfig build() {
            return new McpServerConfig(name, transport, url, headers, bearerToken, command, args, env, connectTimeout,
                    callTimeout, enabled);
        }
    }
}
