package ai.switchboard.tools.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A URL a tool may be asked to fetch, parsed once by {@link URI} (the same parser Reactor Netty reads a {@code URI}
 * with, so the host checked is the host connected to) and held to the rules every allow-list decision relies on:
 * http or https, no user information, a host {@link HostName} accepts, a port, and a path without dot segments or
 * encoded separators, so a prefix check on it cannot be walked out of by the server's own normalisation. The
 * fragment is dropped; servers never see it.
 *
 * @param uri the URL to request
 * @param scheme {@code http} or {@code https}
 * @param host the host in comparable form
 * @param port the port, defaulted from the scheme
 */
record RequestUrl(URI uri, String scheme, HostName host, int port) {

    static final int MAX_LENGTH = 2048;

    /** Throws {@link IllegalArgumentException} with a reason that can be shown to the model. */
    static RequestUrl parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL");
        }
        String scheme = scheme(uri);
        if (uri.isOpaque() || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not carry user information (user@host)");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("has no valid host name (use ASCII or punycode names)");
        }
        HostName host = HostName.parse(uri.getHost());
        int port = uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort();
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("has an invalid port");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String problem = pathProblem(path);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new RequestUrl(URI.create(scheme + "://" + uri.getRawAuthority() + path + query), scheme, host, port);
    }

    /** The raw (still percent-encoded) path, never empty. */
    String rawPath() {
        return uri.getRawPath();
    }

    /** The same URL with these parameters appended to its query, form-encoded. */
    RequestUrl withQuery(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return this;
        }
        StringBuilder query = new StringBuilder(uri.getRawQuery() == null ? "" : uri.getRawQuery());
        parameters.forEach((name, value) -> {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        URI extended = URI.create(scheme + "://" + uri.getRawAuthority() + uri.getRawPath() + "?" + query);
        return new RequestUrl(extended, scheme, host, port);
    }

    /** Scheme, host and port: where secrets configured for the first request may still be sent. */
    boolean sameOrigin(RequestUrl other) {
        return scheme.equals(other.scheme) && host.equals(other.host) && port == other.port;
    }

    @Override
    public String toString() {
        return uri.toString();
    }

    static String scheme(URI uri) {
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null) {
            throw new IllegalArgumentException("must be an absolute http or https URL");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("uses the scheme " + scheme + ": only http and https are allowed");
        }
        return scheme;
    }

    static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /**
     * Why a raw path cannot be prefix-checked safely, or {@code null}: every segment, once decoded and stripped of
     * {@code ;} parameters, must be neither {@code .} nor {@code ..} and must not hide a separator or a NUL.
     */
    static String pathProblem(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return "has a path that does not start with /";
        }
        for (String segment : rawPath.substring(1).split("/", -1)) {
            String decoded;
            try {
                decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "has a path with invalid percent-encoding";
            }
            if (decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0 || decoded.indexOf('\0') >= 0) {
                return "has a path segment with an encoded /, \\ or NUL";
            }
            int parameters = decoded.indexOf(';');
            String name = parameters < 0 ? decoded : decoded.substring(0, parameters);
            if (name.equals(".") || name.equals("..")) {
                return "has a . or .. path segment";
            }
        }
        return null;
    }
}
