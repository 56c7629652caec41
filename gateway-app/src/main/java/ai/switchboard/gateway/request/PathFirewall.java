package ai.switchboard.gateway.request;

import ai.switchboard.gateway.api.error.ApiException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses request paths that could be read two ways before authentication or routing sees them, with a 400 in the
 * API's shape ({@link ApiShape}). Two rule sets apply: Spring Security's {@link StrictServerWebExchangeFirewall}
 * (encoded {@code / \ ; % .}, {@code ;} parameters, {@code //}, dot segments, backslashes, NUL, CR, LF, U+2028/9)
 * and {@link PathCharacterRule} for what that firewall leaves out (encoded letters such as {@code %61dmin}, other
 * control characters). Runs right after the request id, so every refusal can still be traced.
 *
 * <p>The firewall's decorated exchange is not passed on: its lazy header checks repeat what Netty's decoder already
 * refuses (a control character in any header value fails decoding, see {@link EmptyErrorResponses}), and it would
 * wrap the request and its headers again on every access on the hot path. Its method allow-list is off: an unknown
 * method is answered 405 by routing, which says more than a 400.
 */
@Component
public class PathFirewall implements WebFilter, Ordered {

    /** Right after {@link RequestIdFilter} and the traceparent header, before anything reads the path. */
    public static final int ORDER = RequestIdFilter.ORDER + 2;

    /**
     * The longest request target (path and query) served; longer ones get 414. Netty's own request-line limit is set
     * well above it ({@code server.netty.max-initial-line-length}) so that such a request still reaches this filter,
     * whose answer can be in the API's shape.
     */
    public static final int MAX_TARGET_LENGTH = 8192;

    private final StrictServerWebExchangeFirewall strict = new StrictServerWebExchangeFirewall();

    public PathFirewall() {
        strict.setUnsafeAllowAnyHttpMethod(true);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (targetLength(request.getURI()) > MAX_TARGET_LENGTH) {
            return Mono.error(ApiException.uriTooLong(MAX_TARGET_LENGTH));
        }
        String violation = PathCharacterRule.violation(request.getPath().value());
        if (violation != null) {
            return Mono.error(ApiException.ambiguousPath(violation));
        }
        return strict.getFirewalledExchange(exchange)
                .onErrorMap(ServerExchangeRejectedException.class, e -> ApiException.ambiguousPath(reason(e)))
                .flatMap(checked -> chain.filter(exchange));
    }

    private static int targetLength(URI uri) {
        String query = uri.getRawQuery();
        return uri.getRawPath().length() + (query == null ? 0 : query.length() + 1);
    }

    /** The firewall's finding in our words; its messages quote the offending string. */
    static String reason(ServerExchangeRejectedException rejected) {
        String message = String.valueOf(rejected.getMessage());
        if (message.contains("not normalized")) {
            return "a '.' or '..' segment";
        }
        int open = message.indexOf('"');
        int close = message.lastIndexOf('"');
        if (open < 0 || close <= open) {
            return "a forbidden sequence";
        }
        StringBuilder quoted = new StringBuilder("'");
        message.substring(open + 1, close).chars().forEach(c -> {
            if (c < 0x20 || c > 0x7E) {
                quoted.append(String.format("\\u%04X", c));
            } else {
                quoted.append((char) c);
            }
        });
        return quoted.append('\'').toString();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
