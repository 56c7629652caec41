package ai.switchboard.tools.http;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * One entry of an http tool's allow-list, written as a URL prefix: {@code https://api.example.com/v1/} allows that
 * scheme, host and port (443 here) and paths under {@code /v1/}. A prefix ending without {@code /} matches whole
 * segments only ({@code /v1} matches {@code /v1} and {@code /v1/x}, never {@code /v10}). The host {@code *} allows
 * any host, leaving the address checks as the only guard: for a general fetch tool.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host, or {@code null} for any host
 * @param port the port
 * @param pathPrefix the raw path prefix, starting with {@code /}
 */
public record HttpTarget(String scheme, HostName host, int port, String pathPrefix) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static HttpTarget parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be a URL prefix such as https://api.example.com/v1/");
        }
        String scheme = RequestUrl.scheme(uri);
        if (uri.getRawAuthority() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must be scheme://host[:port]/path, without user, query or fragment");
        }
        String authority = uri.getRawAuthority();
        boolean anyHost = authority.equals("*") || authority.startsWith("*:");
        HostName host = anyHost ? null : HostName.parse(uri.getHost());
        int port = anyHost ? anyHostPort(authority, scheme) : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String problem = RequestUrl.pathProblem(path);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        port = port == -1 ? RequestUrl.defaultPort(scheme) : port;
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("has an invalid port");
        }
        return new HttpTarget(scheme, host, port, path);
    }

    boolean anyHost() {
        return host == null;
    }

    /** Whether the URL is under this prefix. */
    boolean matches(RequestUrl url) {
        if (!scheme.equals(url.scheme()) || port != url.port() || (host != null && !host.equals(url.host()))) {
            return false;
        }
        String path = url.rawPath();
        if (pathPrefix.endsWith("/")) {
            return path.startsWith(pathPrefix);
        }
        return path.equals(pathPrefix) || path.startsWith(pathPrefix + "/");
    }

    @JsonValue
    @Override
    public String toString() {
        String authority = host == null ? "*" : host.text();
        boolean defaultPort = port == RequestUrl.defaultPort(scheme);
        return scheme + "://" + authority + (defaultPort ? "" : ":" + port) + pathPrefix;
    }

    private static int anyHostPort(String authority, String scheme) {
        if (authority.equals("*")) {
            return RequestUrl.defaultPort(scheme);
        }
        try {
            return Integer.parseInt(authority.substring(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("has an invalid port");
        }
    }
}
