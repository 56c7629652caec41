package ai.switchboard.gateway.request;

import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;

/**
 * The error format a request is answered in: OpenAI's {@code {"error": {...}}} for the OpenAI-compatible API, RFC 9457
 * problem details for everything else (the admin API, the actuator, unknown paths).
 *
 * <p>The choice is made from the first non-empty path segment, percent-decoded and without {@code ;parameters}, so that
 * a refused spelling such as {@code /%761/models} or {@code /v1;x/models} is refused in the shape of the API it was
 * aimed at, and nothing about the path has to be trusted: the shape only decides how an error looks.
 */
public enum ApiShape {

    OPENAI(MediaType.APPLICATION_JSON),
    PROBLEM(MediaType.APPLICATION_PROBLEM_JSON),
    /**
     * Anthropic's {@code {"type":"error","error":{...}}}, for the routes of the Messages API. Never chosen by path: a
     * route declares it (see {@code ScopedHandlerFunction}), and the exchange carries it from routing on.
     */
    ANTHROPIC(MediaType.APPLICATION_JSON);

    /** The exchange attribute holding the shape a matched route declared, which wins over the path's. */
    public static final String ATTRIBUTE = ApiShape.class.getName();

    private static final String OPENAI_SEGMENT = "v1";

    private final MediaType contentType;

    ApiShape(MediaType contentType) {
        this.contentType = contentType;
    }

    public MediaType contentType() {
        return contentType;
    }

    /** The shape of an exchange's answers: its route's, else from its raw request path. */
    public static ApiShape of(ServerWebExchange exchange) {
        ApiShape declared = exchange.getAttribute(ATTRIBUTE);
        return declared != null ? declared : ofTarget(exchange.getRequest().getPath().value());
    }

    /**
     * The shape for a raw request target as it arrived on the wire: origin form ({@code /v1/models?x}) or absolute
     * form ({@code http://host/v1/models}); malformed input gives {@link #PROBLEM}.
     */
    public static ApiShape ofTarget(String target) {
        int start = pathStart(target);
        int length = target.length();
        while (start < length && isSeparator(target.charAt(start))) {
            start++;
        }
        int matched = 0;
        for (int i = start; i < length; i++) {
            char c = target.charAt(i);
            if (isSeparator(c) || c == ';' || c == '?' || c == '#') {
                break;
            }
            if (c == '%') {
                int decoded = PercentEscapes.decodeAt(target, i);
                if (decoded < 0) {
                    return PROBLEM;
                }
                c = (char) decoded;
                i += 2;
            }
            if (matched == OPENAI_SEGMENT.length() || OPENAI_SEGMENT.charAt(matched) != c) {
                return PROBLEM;
            }
            matched++;
        }
        return matched == OPENAI_SEGMENT.length() ? OPENAI : PROBLEM;
    }

    private static int pathStart(String target) {
        int scheme = target.indexOf("://");
        if (scheme <= 0 || target.indexOf('/') < scheme) {
            return 0;
        }
        int path = target.indexOf('/', scheme + 3);
        return path < 0 ? target.length() : path;
    }

    private static boolean isSeparator(char c) {
        return c == '/' || c == '\\';
    }
}
