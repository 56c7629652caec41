package ai.switchboard.gateway.cache;

import ai.switchboard.gateway.api.support.GatewayHeaders;
import java.util.Locale;
import org.springframework.http.HttpHeaders;

/** What the client asked of the cache: nothing, to skip it, or to replace the stored answer with a fresh one. */
public enum CacheDirective {
    /** Serve from the cache when it holds the answer. */
    USE,
    /** {@code Cache-Control: no-cache} or {@code x-switchboard-cache: bypass}: neither read nor write the cache. */
    BYPASS,
    /** {@code x-switchboard-cache: refresh}: call the model and store its answer in place of the old one. */
    REFRESH;

    /** The directive in a request's headers; two header look-ups, no allocation when neither is there. */
    public static CacheDirective of(HttpHeaders headers) {
        String asked = headers.getFirst(GatewayHeaders.CACHE);
        if (asked != null) {
            if ("bypass".equalsIgnoreCase(asked.strip())) {
                return BYPASS;
            }
            if ("refresh".equalsIgnoreCase(asked.strip())) {
                return REFRESH;
            }
        }
        String control = headers.getFirst(HttpHeaders.CACHE_CONTROL);
        if (control != null && (control.toLowerCase(Locale.ROOT).contains("no-cache")
                || control.toLowerCase(Locale.ROOT).contains("no-store"))) {
            return BYPASS;
        }
        return USE;
    }
}
